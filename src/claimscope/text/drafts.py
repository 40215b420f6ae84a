"""A draft argument for any article, read from its discourse structure, for an analyst to curate.

Candidate claims
    Every sentence of the body (headings and the title apart) is a candidate, split into clauses
    where a discourse marker opens a clause after a comma or semicolon (", 所以 ...", ", but ...",
    "; therefore ..."), so that "A，所以 B" gives two candidates and a link. Clauses of fewer than
    6 characters stay with their sentence.

Links (from premise to conclusion, as in claims.yaml)
    所以 / 因此 / therefore / so B      the candidate before B supports B
    因为 / 由于 / because A, B           A supports B (or, "B，因为 A", the candidate before A)
    但是 / 然而 / however / but B        the candidate before B attacks B (a concession B outweighs)
    虽然 / 尽管 / although A, B          A attacks B
    比如 / 例如 / for example A          A supports the candidate before it
    every other candidate of a paragraph supports the paragraph's main candidate (its first, or the
    one that opens with a conclusion marker); a paragraph's main candidate supports the next
    summing-up candidate (总结, 总之, in short ... anywhere in it) or, failing that, the main
    candidate of the next paragraph in its section.
    A link that would close a cycle is left out.

Type (first rule that applies): a question -> rhetorical question; a number with a unit ->
statistical; 应该 / must ... -> normative; a hedge or 将 / will ... -> predictive; a causal marker
-> causal; a comparison or certainty marker -> evaluative; otherwise factual.
Role: a summing-up (总结, 总之, in short), or the candidate most others rest on -> main thesis; the source of
an attack -> concession; a number with a unit or 比如 -> evidence; supported by two or more ->
sub-thesis; supports another -> premise; linked to nothing -> aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimscope.text.markers import is_question, markers
from claimscope.text.script import simplified

MIN_CHARS = 6
SECTION_PARAGRAPHS = 6  # paragraphs per section when the article has no headings

_CUES = {
    "summary": ("总之", "总而言之", "综上", "总的来说", "in short", "in conclusion", "to sum up", "overall"),
    "conclusion": ("所以", "因此", "因而", "于是", "可见", "therefore", "thus", "hence", "so", "as a result"),
    "reason": ("因为", "由于", "because", "since"),
    "contrast": ("但是", "但", "然而", "不过", "可是", "however", "but", "yet", "still", "nevertheless"),
    "concession": ("虽然", "尽管", "即使", "即便", "although", "though", "even if", "while"),
    "example": ("比如", "例如", "譬如", "比方说", "for example", "for instance"),
}
_LEAD = re.compile(
    r"^[\s“\"'(（]*(?P<cue>"
    + "|".join(
        (re.escape(w) + (r"\b" if w.isascii() else "")) for ws in _CUES.values() for w in sorted(ws, key=len)[::-1]
    )
    + r")",
    re.I,
)
_CUE_KIND = {w.lower(): kind for kind, words in _CUES.items() for w in words}
_SPLIT = re.compile(
    r"[，,；;]\s*(?=(?:所以|因此|因而|于是|但是|但|然而|不过|可是|因为|由于|比如|例如|"
    r"(?i:so|but|because|therefore|however|yet|which means|for example)\b))"
    r"|[；;]\s*"
)
_TYPE_WORDS = {
    "normative": re.compile(r"应该|应当|必须|需要|不能|不该|要想|(?i:\b(?:should|must|need to|ought to|have to)\b)"),
    "predictive": re.compile(
        r"将会|将(?![军近])|未来|明年|(?<![不])会(?=[^议员计])|(?i:\b(?:will|going to|expected)\b)"
    ),
    "causal": re.compile(
        r"因为|所以|因此|导致|使得|造成|决定了|取决于|(?i:\b(?:because|therefore|leads? to|causes?|drives?|results? in)\b)"
    ),
}
_AUTHORITY = re.compile(r"表示|认为|指出|称|说|(?i:\b(?:said|says|according to|argues?)\b)")
_ANALOGY = re.compile(r"就像|好比|如同|类似于|(?i:\b(?:just like|as if|akin to)\b)")


@dataclass
class Candidate:
    id: str
    paragraph: int
    sentence: int
    quote: str
    cue: str | None  # the discourse cue the candidate opens with (summary, conclusion, reason ...)
    signals: object
    supports: list[str] = field(default_factory=list)
    attacks: list[str] = field(default_factory=list)
    type: str = "factual"
    role: str = "aside"
    evidence: str = "none"
    why: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- candidates


def clauses(text: str) -> list[str]:
    """A sentence cut where a discourse marker opens a clause; pieces too short stay joined."""
    cuts = [m.end() for m in _SPLIT.finditer(simplified(text))]
    pieces, start = [], 0
    for cut in cuts + [len(text)]:
        piece = text[start:cut]
        if len(piece.strip(" ，,；;")) >= MIN_CHARS or not pieces:
            pieces.append(piece)
        else:
            pieces[-1] += piece
        start = cut
    if len(pieces) > 1 and len(pieces[-1].strip(" ，,；;。")) < MIN_CHARS:
        pieces[-2] += pieces.pop()
    return [p.strip().rstrip("，,；;").strip() for p in pieces if p.strip()]


_SUMMING_UP = re.compile(r"总结|总而言之|综上|归根结底|(?i:\b(?:to sum up|in summary|in conclusion|in short)\b)")


def _cue(text: str) -> str | None:
    """The discourse cue a candidate opens with; a summing-up anywhere in it makes it a summary."""
    work = simplified(text)
    if _SUMMING_UP.search(work):
        return "summary"
    m = _LEAD.match(work)
    return _CUE_KIND[m["cue"].lower()] if m else None


def candidates(art, analysed) -> list[Candidate]:
    """Every clause-level candidate of the body, in reading order (headings and title apart)."""
    found = []
    for sig in analysed:
        if sig.heading:
            continue
        for piece in clauses(sig.text):
            if len(piece) < MIN_CHARS:
                continue
            found.append(Candidate("", sig.paragraph, sig.index, piece, _cue(piece), sig))
    width = 2 if len(found) < 100 else 3
    for k, c in enumerate(found, 1):
        c.id = f"D{k:0{width}d}"
    return found


# ---------------------------------------------------------------- links


class _Graph:
    """Links added one by one, refusing any that would close a cycle."""

    def __init__(self, cands: list[Candidate]):
        self.by_id = {c.id: c for c in cands}
        self.out: dict[str, set[str]] = {c.id: set() for c in cands}

    def _reaches(self, start: str, goal: str) -> bool:
        stack, seen = [start], set()
        while stack:
            node = stack.pop()
            if node == goal:
                return True
            if node not in seen:
                seen.add(node)
                stack.extend(self.out[node])
        return False

    def link(self, a: Candidate | None, b: Candidate | None, relation: str, why: str) -> bool:
        if a is None or b is None or a.id == b.id or b.id in self.out[a.id] or self._reaches(b.id, a.id):
            return False
        self.out[a.id].add(b.id)
        (a.supports if relation == "support" else a.attacks).append(b.id)
        a.why.append(f"{relation}s {b.id}: {why}")
        return True


def _link_cues(cands: list[Candidate], graph: _Graph) -> None:
    """Links read from the discourse cue each candidate opens with."""
    for k, c in enumerate(cands):
        before = cands[k - 1] if k else None
        after = cands[k + 1] if k + 1 < len(cands) else None
        same_sentence_after = after if after and after.sentence == c.sentence else None
        if c.cue == "conclusion":
            graph.link(before, c, "support", f"{c.id} opens with a conclusion marker")
        elif c.cue == "reason":
            graph.link(c, same_sentence_after or before, "support", "it gives a reason (因为 / because)")
        elif c.cue == "contrast":
            graph.link(before, c, "attack", f"{c.id} opens with a contrast marker (但是 / however)")
        elif c.cue == "concession":
            graph.link(c, same_sentence_after or after, "attack", "a concession (虽然 / although)")
        elif c.cue == "example":
            graph.link(c, before, "support", "an example (比如 / for example)")


def _link_structure(cands: list[Candidate], graph: _Graph, sections: list[dict]) -> None:
    """Each paragraph's unlinked candidates support its main one; a main one supports the next summing-up
    candidate, or else the next paragraph's main one in its section."""
    by_paragraph: dict[int, list[Candidate]] = {}
    for c in cands:
        by_paragraph.setdefault(c.paragraph, []).append(c)
    mains = {}
    for number, group in by_paragraph.items():
        main = next((c for c in group if c.cue in ("summary", "conclusion")), group[0])
        mains[number] = main
        for c in group:
            if c is not main and not c.supports and not c.attacks:
                graph.link(c, main, "support", f"it stands in the paragraph whose main candidate is {main.id}")
    for section in sections:
        section_mains = [mains[p] for p in section["paragraphs"] if p in mains]
        for k, main in enumerate(section_mains):
            if main.supports or main.attacks:
                continue
            later = [c for c in cands if c.cue == "summary" and c.paragraph > main.paragraph]
            if later:
                target = later[0]
            else:
                target = section_mains[k + 1] if k + 1 < len(section_mains) else None
            graph.link(main, target, "support", "a paragraph's main point feeds the summing-up, or the next paragraph")


# ---------------------------------------------------------------- type and role


def _type(c: Candidate) -> str:
    sig, text = c.signals, simplified(c.quote)
    if is_question(c.quote):
        return "rhetorical question"
    if any(n.unit not in ("number", "year") and n.text in c.quote for n in sig.numbers):
        return "statistical"
    for kind in ("normative", "predictive"):
        if _TYPE_WORDS[kind].search(text) or (kind == "predictive" and markers(c.quote)["hedges"]):
            return kind
    if _TYPE_WORDS["causal"].search(text) or c.cue in ("conclusion", "reason"):
        return "causal"
    found = markers(c.quote)
    if found["comparison"] or found["certainty"]:
        return "evaluative"
    return "factual"


def _evidence(c: Candidate) -> str:
    if c.type == "statistical":
        return "statistic"
    if c.cue == "example":
        return "anecdote"
    if _AUTHORITY.search(c.quote) and c.signals.entities:
        return "authority"
    if _ANALOGY.search(c.quote):
        return "analogy"
    return "reasoning" if c.type == "causal" else "none"


def _roles(cands: list[Candidate]) -> None:
    supported: dict[str, int] = {c.id: 0 for c in cands}
    attacked: set[str] = set()
    for c in cands:
        for target in c.supports:
            supported[target] += 1
        attacked.update(c.attacks)
    theses = {c.id for c in cands if c.cue == "summary"}
    if not theses and cands:
        theses = {max(cands, key=lambda c: (supported[c.id], -cands.index(c))).id}
    for c in cands:
        if c.id in theses:
            c.role = "main thesis"
        elif c.attacks:
            c.role = "concession"
        elif c.type == "statistical" or c.cue == "example":
            c.role = "evidence"
        elif supported[c.id] >= 2:
            c.role = "sub-thesis"
        elif c.supports:
            c.role = "premise"
        elif c.id in attacked or supported[c.id]:
            c.role = "sub-thesis"
        else:
            c.role = "aside"


# ---------------------------------------------------------------- the draft


def sections(art) -> list[dict]:
    """Sections of the article: from its headings when it has some, else runs of paragraphs."""
    numbers = [p.number for p in art.paragraphs]
    starts = [p.number for p in art.paragraphs if p.heading]
    if not starts:
        starts = numbers[::SECTION_PARAGRAPHS]
    elif starts[0] != 1:
        starts = [1] + starts
    found = []
    for k, start in enumerate(starts):
        end = starts[k + 1] - 1 if k + 1 < len(starts) else numbers[-1]
        first = art.paragraph(start)
        title = first.text if first.heading else f"Paragraphs {start}–{end}"
        found.append({"id": f"S{k + 1}", "title": title, "paragraphs": list(range(start, end + 1))})
    return found


def draft(art, analysed) -> tuple[list[Candidate], list[dict]]:
    """(candidate claims with guessed type, role, evidence and links; sections) of an article."""
    cands = candidates(art, analysed)
    parts = sections(art)
    graph = _Graph(cands)
    _link_cues(cands, graph)
    _link_structure(cands, graph, parts)
    for c in cands:
        c.type = _type(c)
        c.evidence = _evidence(c)
    _roles(cands)
    return cands, parts


# ---------------------------------------------------------------- measuring a draft against a curated breakdown


def _span(art, paragraph: int, quote: str) -> tuple[int, int] | None:
    if paragraph > len(art.paragraphs):
        return None
    at = art.paragraph(paragraph).text.find(quote)
    return None if at < 0 else (at, at + len(quote))


def _overlapping(art, curated, cands: list[Candidate]) -> list[str]:
    span = _span(art, curated.paragraph, curated.quote)
    found = []
    for c in cands:
        other = _span(art, c.paragraph, c.quote) if c.paragraph == curated.paragraph else None
        if span and other and other[0] < span[1] and span[0] < other[1]:
            found.append(c.id)
    return found


def compare(art, cands: list[Candidate], claimset) -> dict:
    """How much of a curated claim breakdown a draft recovers: claims whose quote overlaps a candidate,
    and support/attack links joining candidates that overlap the two ends, with the same relation."""
    match = {c.id: set(_overlapping(art, c, cands)) for c in claimset.claims}
    draft_links = {(c.id, t, "support") for c in cands for t in c.supports}
    draft_links |= {(c.id, t, "attack") for c in cands for t in c.attacks}
    curated_links = [(c.id, t, "support") for c in claimset.claims for t in c.supports]
    curated_links += [(c.id, t, "attack") for c in claimset.claims for t in c.attacks]
    found = [
        (a, b, r) for a, b, r in curated_links if any((x, y, r) in draft_links for x in match[a] for y in match[b])
    ]
    either = [
        (a, b, r)
        for a, b, r in curated_links
        if any(
            (x, y, s) in draft_links or (y, x, s) in draft_links
            for x in match[a]
            for y in match[b]
            for s in ("support", "attack")
        )
    ]
    useful = {x for ids in match.values() for x in ids}
    return {
        "curated claims": len(claimset.claims),
        "candidates": len(cands),
        "candidates per curated claim": len(cands) / len(claimset.claims),
        "curated claims recovered": sum(bool(ids) for ids in match.values()),
        "share recovered": sum(bool(ids) for ids in match.values()) / len(claimset.claims),
        "candidates overlapping a curated claim": len(useful),
        "curated links": len(curated_links),
        "draft links": len(draft_links),
        "curated links found": len(found),
        "share of links found": len(found) / len(curated_links) if curated_links else 0.0,
        "curated links found, any direction or relation": len(either),
    }
