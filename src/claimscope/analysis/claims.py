"""The analyst's curated claim breakdown of an article: schema, verbatim-quote check, claim graph, metrics."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from claimscope import paths, yamlfile
from claimscope.errors import InputError
from claimscope.text import article, draftfiles, drafts, signals

TYPES = ("factual", "statistical", "causal", "predictive", "evaluative", "normative", "rhetorical question")
ROLES = ("main thesis", "sub-thesis", "premise", "evidence", "concession", "aside")
EVIDENCE = ("none", "anecdote", "authority", "statistic", "analogy", "reasoning")
DEVICES = (
    "appeal to authority",
    "anecdote",
    "rhetorical question",
    "false dilemma",
    "straw man",
    "hasty generalisation",
    "loaded language",
    "appeal to ridicule",
    "ad hominem",
    "false analogy",
    "appeal to incredulity",
    "cherry picking",
    "tu quoque",
    "slippery slope",
    "whataboutism",
    "vague quantifier",
    "begging the question",
)


class Device(BaseModel):
    model_config = ConfigDict(extra="forbid")
    device: Literal[DEVICES]
    rationale: str = Field(min_length=5)


class Claim(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^C\d{2,3}$")
    paragraph: int = Field(ge=1)
    quote: str = Field(min_length=2)
    quote_en: str = Field(min_length=2)
    paraphrase: str = Field(min_length=5)
    type: Literal[TYPES]
    role: Literal[ROLES]
    topic: str  # one of the claim set's own topics
    evidence: Literal[EVIDENCE]
    devices: list[Device] = []
    supports: list[str] = []
    attacks: list[str] = []
    checkable: bool
    assessment: str = Field(min_length=5)
    evidence_ids: list[str] = []
    model_outputs: list[str] = []
    prediction_ids: list[str] = []


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^S\d+$")
    title: str
    paragraphs: list[int]
    summary: str


class Conclusion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    heading: str
    text: str
    reasoning: str
    claims: list[str]


class ClaimSet(BaseModel):
    model_config = ConfigDict(extra="forbid")
    article: str
    note: str
    topics: list[str] = Field(min_length=1)  # the article's own topics, each claim tagged with one
    sections: list[Section]
    claims: list[Claim]
    conclusions: list[Conclusion] = []
    draft: bool = False  # drafted automatically (claims.draft.yaml or the text itself), not curated

    @model_validator(mode="after")
    def _known_topics(self):
        for c in self.claims:
            if c.topic not in self.topics:
                raise ValueError(f"claim {c.id}: topic '{c.topic}' is not one of the topics listed: {self.topics}")
        return self

    @property
    def by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    def section_of(self, paragraph: int) -> Section:
        return next(s for s in self.sections if paragraph in s.paragraphs)


# ---------------------------------------------------------------- loading and validation


def parse(data: dict, where: str) -> ClaimSet:
    """Validate the structure; errors name the claim (or section) and field."""
    try:
        return ClaimSet.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        loc = list(first["loc"])
        label = ".".join(str(p) for p in loc)
        if len(loc) >= 2 and loc[0] in ("claims", "sections") and isinstance(loc[1], int):
            items = data.get(loc[0]) or []
            item_id = (
                items[loc[1]].get("id", f"#{loc[1] + 1}")
                if loc[1] < len(items) and isinstance(items[loc[1]], dict)
                else f"#{loc[1] + 1}"
            )
            label = f"{loc[0][:-1]} {item_id}, field '{'.'.join(str(p) for p in loc[2:]) or '(whole)'}'"
        raise InputError(f"{where}: {label}: {first['msg']}") from None


def require_quote(art, paragraph: int, quote: str, where: str) -> None:
    """A curated record's quote must stand verbatim in its paragraph of the article."""
    if paragraph > len(art.paragraphs) or quote not in art.paragraph(paragraph).text:
        raise InputError(f"{where}, field 'quote': not verbatim in P{paragraph}: {quote!r}")


def require_unique(ids: list[str], where: str) -> None:
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise InputError(f"{where}: id(s) used twice: {twice}")


def check_quotes(claimset: ClaimSet, art, where: str) -> None:
    """Every quote must stand verbatim in its paragraph of the article."""
    for c in claimset.claims:
        if c.paragraph > len(art.paragraphs):
            raise InputError(
                f"{where}: claim {c.id}, field 'paragraph': P{c.paragraph} does not exist "
                f"(the article has {len(art.paragraphs)} paragraphs)"
            )
        if c.quote not in art.paragraph(c.paragraph).text:
            elsewhere = [p.number for p in art.paragraphs if c.quote in p.text]
            hint = f"; it is in P{elsewhere[0]}" if elsewhere else "; it is not in the article at all"
            raise InputError(f"{where}: claim {c.id}, field 'quote': not verbatim in P{c.paragraph}{hint}: {c.quote!r}")


def check_graph(claimset: ClaimSet, where: str) -> None:
    """Ids unique, links point to existing claims, no self-links, no cycles."""
    counts = Counter(c.id for c in claimset.claims)
    twice = [i for i, n in counts.items() if n > 1]
    if twice:
        raise InputError(f"{where}: claim id(s) used twice: {twice}")
    ids = set(counts)
    for c in claimset.claims:
        for field in ("supports", "attacks"):
            for target in getattr(c, field):
                if target == c.id:
                    raise InputError(f"{where}: claim {c.id}, field '{field}': links to itself")
                if target not in ids:
                    raise InputError(f"{where}: claim {c.id}, field '{field}': no claim '{target}'")
    cycle = find_cycle(edges(claimset))
    if cycle:
        raise InputError(f"{where}: the claim graph has a cycle: {' -> '.join(cycle)}")


def check_sections(claimset: ClaimSet, paragraph_count: int, where: str) -> None:
    covered = [p for s in claimset.sections for p in s.paragraphs]
    if covered != list(range(1, paragraph_count + 1)):
        raise InputError(f"{where}: sections must cover P1..P{paragraph_count} once each, in order")


def check_conclusions(claimset: ClaimSet, where: str) -> None:
    ids = set(claimset.by_id)
    for i, c in enumerate(claimset.conclusions, 1):
        missing = [x for x in c.claims if x not in ids]
        if missing or not c.claims:
            raise InputError(f"{where}: conclusion {i} ('{c.heading}'), field 'claims': unknown or no ids {missing}")


def load(slug: str, art=None, path: Path | None = None) -> ClaimSet | None:
    """The article's curated claims, fully validated; None when no curated analysis exists yet."""
    path = path or paths.claims_file(slug)
    if not path.exists():
        return None
    data = yamlfile.load(path)
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping with article, note, sections and claims")
    claimset = parse(data, str(path))
    if art is None:
        art = article.load_slug(slug)
    check_quotes(claimset, art, str(path))
    check_graph(claimset, str(path))
    check_sections(claimset, len(art.paragraphs), str(path))
    check_conclusions(claimset, str(path))
    return claimset


def load_or_draft(slug: str, art=None) -> ClaimSet:
    """The curated claims when claims.yaml exists; otherwise the DRAFT argument (`draft` True), read
    from claims.draft.yaml when there is one, else drafted from the article now."""
    if art is None:
        art = article.load_slug(slug)
    curated = load(slug, art)
    if curated is not None:
        return curated
    path = paths.draft_file(slug, "claims")
    if path.exists():
        data = yamlfile.load(path)
        if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
            raise InputError(f"{path}: expected a mapping with article, note, sections and claims")
        where = str(path)
    else:
        cands, parts = drafts.draft(art, signals.analyse(art))
        sections = [{**part, "summary": ""} for part in parts]
        data = {"article": slug, "note": draftfiles.NOTE, "sections": sections}
        data["claims"] = draftfiles.claims_entries(cands)
        where = f"the draft of {slug}"
    claimset = from_draft(data, where)
    check_quotes(claimset, art, where)
    check_graph(claimset, where)
    check_sections(claimset, len(art.paragraphs), where)
    return claimset


def from_draft(data: dict, where: str) -> ClaimSet:
    """A ClaimSet from draft data: draft-only fields dropped, unwritten text shown as not written yet.

    Types, roles and evidence must be known values (an analyst may have edited them); ids, topics and
    the texts an analyst has not written yet are taken as they are.
    """
    claims = []
    for k, raw in enumerate(data["claims"], 1):
        entry = {key: value for key, value in dict(raw).items() if key != "draft"}
        reasons = (raw.get("draft") or {}).get("links") or []
        for key, allowed in (("type", TYPES), ("role", ROLES), ("evidence", EVIDENCE)):
            if entry.get(key) not in allowed:
                raise InputError(f"{where}: claim {entry.get('id', k)}, field '{key}': expected one of {allowed}")
        entry["quote_en"] = entry.get("quote_en") or ""
        entry["paraphrase"] = entry.get("paraphrase") or "(not paraphrased yet: a draft)"
        entry["assessment"] = entry.get("assessment") or (
            f"Drafted automatically ({entry['type']}, {entry['role']}): "
            + ("; ".join(reasons) or "it supports or attacks no other candidate")
        )
        entry["devices"] = []
        claims.append(Claim.model_construct(**{**_CLAIM_DEFAULTS, **entry}))
    sections = [Section.model_construct(**{"summary": "", **dict(s)}) for s in data.get("sections") or []]
    return ClaimSet.model_construct(
        article=data.get("article", ""),
        note=data.get("note", ""),
        sections=sections,
        claims=claims,
        conclusions=[],
        draft=True,
    )


_CLAIM_DEFAULTS = {
    "topic": "",
    "supports": [],
    "attacks": [],
    "checkable": False,
    "evidence_ids": [],
    "model_outputs": [],
    "prediction_ids": [],
}


# ---------------------------------------------------------------- graph


def edges(claimset: ClaimSet) -> list[tuple[str, str, str]]:
    """(from, to, relation) for every link; relation is 'support' or 'attack'."""
    out = []
    for c in claimset.claims:
        out += [(c.id, t, "support") for t in c.supports]
        out += [(c.id, t, "attack") for t in c.attacks]
    return out


def find_cycle(links: list[tuple[str, str, str]]) -> list[str]:
    """One cycle in the directed graph as a list of ids (first id repeated at the end), or []."""
    graph: dict[str, list[str]] = {}
    for a, b, _ in links:
        graph.setdefault(a, []).append(b)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return []

    for node in list(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def supporters(claimset: ClaimSet) -> dict[str, set[str]]:
    """For each claim, every claim that supports it directly or through a chain of supports."""
    direct: dict[str, set[str]] = {c.id: set() for c in claimset.claims}
    for a, b, relation in edges(claimset):
        if relation == "support":
            direct[b].add(a)
    closed: dict[str, set[str]] = {}

    def gather(node: str) -> set[str]:
        if node not in closed:
            closed[node] = set()
            for s in direct[node]:
                closed[node] |= {s} | gather(s)
        return closed[node]

    return {node: gather(node) for node in direct}


# ---------------------------------------------------------------- tables


def frame(claimset: ClaimSet) -> pd.DataFrame:
    """One row per claim with every field (lists joined), plus section and how much it carries."""
    carried = supporters(claimset)
    rows = []
    for c in claimset.claims:
        row = c.model_dump()
        row["devices"] = "; ".join(f"{d.device}: {d.rationale}" for d in c.devices)
        for key in ("supports", "attacks", "evidence_ids", "model_outputs", "prediction_ids"):
            row[key] = " ".join(row[key])
        row["section"] = claimset.section_of(c.paragraph).id
        row["carries"] = len(carried[c.id])
        rows.append(row)
    return pd.DataFrame(rows)


def counts(claimset: ClaimSet, field: str, order: tuple[str, ...]) -> pd.DataFrame:
    """Claims per value of `field` in a fixed order (zeros kept)."""
    tally = Counter(getattr(c, field) for c in claimset.claims)
    return pd.DataFrame({field: list(order), "claims": [tally.get(v, 0) for v in order]})


def mix(claimset: ClaimSet, row: str, column: str) -> pd.DataFrame:
    """Long table of claim counts by two fields (e.g. type x evidence)."""
    tally = Counter((getattr(c, row), getattr(c, column)) for c in claimset.claims)
    return pd.DataFrame([{row: a, column: b, "claims": n} for (a, b), n in sorted(tally.items())])


def sections_frame(claimset: ClaimSet) -> pd.DataFrame:
    per = Counter(claimset.section_of(c.paragraph).id for c in claimset.claims)
    return pd.DataFrame(
        {
            "section": s.id,
            "title": s.title,
            "paragraphs": f"P{s.paragraphs[0]}–P{s.paragraphs[-1]}",
            "claims": per.get(s.id, 0),
            "summary (analysis)": s.summary,
        }
        for s in claimset.sections
    )


def theses(claimset: ClaimSet) -> list[Claim]:
    return [c for c in claimset.claims if c.role == "main thesis"]


def load_bearing(claimset: ClaimSet, n: int = 8) -> pd.DataFrame:
    """Claims (other than main theses) that the most other claims rest on, with what they rest on."""
    carried = supporters(claimset)
    direct = {c.id: [a for a, b, r in edges(claimset) if b == c.id and r == "support"] for c in claimset.claims}
    chosen = sorted((c for c in claimset.claims if c.role != "main thesis"), key=lambda c: (-len(carried[c.id]), c.id))[
        :n
    ]
    return pd.DataFrame(
        {
            "claim": c.id,
            "role": c.role,
            "claims beneath it": len(carried[c.id]),
            "supports": " ".join(c.supports),
            "rests directly on": " ".join(direct[c.id]) or "—",
            "evidence offered": c.evidence,
            "paraphrase (analysis)": c.paraphrase,
        }
        for c in chosen
    )


def devices_frame(claimset: ClaimSet) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "claim": c.id,
                "device": d.device,
                "quote": c.quote,
                "English": c.quote_en,
                "rationale (analysis)": d.rationale,
            }
            for c in claimset.claims
            for d in c.devices
        ],
        columns=["claim", "device", "quote", "English", "rationale (analysis)"],
    )


def inventory(claimset: ClaimSet) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim": c.id,
            "P": c.paragraph,
            "quote": c.quote,
            "English": c.quote_en,
            "type": c.type,
            "role": c.role,
            "evidence": c.evidence,
            "checkable": "yes" if c.checkable else "no",
            "tested in": " ".join(c.evidence_ids + c.model_outputs + c.prediction_ids) or "—",
        }
        for c in claimset.claims
    )


def conclusions_frame(claimset: ClaimSet) -> pd.DataFrame:
    return pd.DataFrame(
        {"point (analysis)": c.heading, "assessment": c.text, "claims": " ".join(c.claims)}
        for c in claimset.conclusions
    )
