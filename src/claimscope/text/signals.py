"""Per-sentence signals of any article, Chinese or English: numbers, names, markers and a check-worthiness score.

The readers live in their own modules: text.numbers, text.names and text.markers.

The check-worthiness score of a sentence is SCORE_RULE below (WEIGHTS holds its figures); every point
is listed in `SentenceSignals.reasons`, whose figures add up to the score.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field

import pandas as pd

from claimscope.text import article as article_mod
from claimscope.text.markers import is_question, markers
from claimscope.text.names import ENTITY_TYPES, entities
from claimscope.text.numbers import Number, find_numbers, numbers, sentence_numbers

__all__ = ["ENTITY_TYPES", "Number", "entities", "find_numbers", "is_question", "markers", "numbers"]

SCORE_RULE = """\
score = 3 x numbers with a unit (any unit but number, year, date)
      + 1 x other numbers
      + 1.5 x distinct names, at most 3 in all
      + 1 if a certainty marker (无疑, 必然, clearly ...)
      + 1 if a comparison or superlative (最, 远比, more than ...)
      + 1 if the sentence overlaps **bold** text
      - 1 x hedges (可能, 或许, may ...)
      - 1 if it is a question that is not rhetorical
      + 0.5 if it is a rhetorical question (凭什么, 岂是, how could ...)
Section headings (and a title left in the body) are not claims: they score 0, their numbers are
not counted, and they are never ranked.
"""  # the rule as the report states it

WEIGHTS = {
    "unit_number": 3.0,
    "other_number": 1.0,
    "entity": 1.5,
    "entity_cap": 3.0,
    "certainty": 1.0,
    "comparison": 1.0,
    "emphasis": 1.0,
    "hedge": -1.0,
    "question": -1.0,
    "rhetorical": 0.5,
}
UNITLESS = {"number", "year", "date"}  # numbers scored as "other"
SIGNALS = (
    "numbers",
    "entities",
    "questions",
    "rhetorical",
    "hedges",
    "certainty",
    "discourse",
    "comparison",
    "emphasis",
)


@dataclass
class SentenceSignals:
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    numbers: list[Number]
    entities: list[tuple[str, str]]
    question: bool
    rhetorical: list[str]
    hedges: list[str]
    certainty: list[str]
    discourse: list[str]
    comparison: list[str]
    emphasis: list[str]
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    heading: bool = False  # a section heading or the title: listed, never scored or ranked


# ---------------------------------------------------------------- sentences


def _score(sig: SentenceSignals) -> tuple[float, list[str]]:
    """The check-worthiness score and its itemised reasons (see the module docstring)."""
    w, items = WEIGHTS, []
    for n in sig.numbers:
        weight = w["other_number"] if n.unit in UNITLESS else w["unit_number"]
        items.append((weight, f"number ({n.unit}): {n.text}"))
    counted = int(w["entity_cap"] // w["entity"])
    items += [(w["entity"], f"name ({kind}): {name}") for name, kind in sig.entities[:counted]]
    if sig.entities[counted:]:
        items.append((0.0, "names beyond the cap: " + ", ".join(name for name, _ in sig.entities[counted:])))
    for key in ("certainty", "comparison"):
        if getattr(sig, key):
            items.append((w[key], f"{key}: {', '.join(getattr(sig, key))}"))
    if sig.emphasis:
        items.append((w["emphasis"], "bold in the article"))
    items += [(w["hedge"], f"hedge: {h}") for h in sig.hedges]
    if sig.rhetorical:
        items.append((w["rhetorical"], f"rhetorical question: {', '.join(sig.rhetorical)}"))
    elif sig.question:
        items.append((w["question"], "question"))
    return sum((p for p, _ in items), 0.0), [f"{p:+g} {label}" for p, label in items]


def _signals(index, paragraph, start, end, text, nums, emphasis) -> SentenceSignals:
    found = markers(text)
    sig = SentenceSignals(
        index,
        paragraph,
        start,
        end,
        text,
        nums,
        entities(text),
        is_question(text),
        found["rhetorical"],
        found["hedges"],
        found["certainty"],
        found["discourse"],
        found["comparison"],
        emphasis,
    )
    sig.score, sig.reasons = _score(sig)
    return sig


def examine(text: str, emphasis: list[str] | None = None) -> SentenceSignals:
    """Signals of one stand-alone sentence (offsets into `text`); `emphasis` lists its bold parts."""
    nums = [Number(text[a:b], a, b, *rest) for a, b, *rest in numbers(text)]
    return _signals(1, 1, 0, len(text), text, nums, list(emphasis or []))


def _emphasis(art, sentence, ends: list[int]) -> list[str]:
    """Bold text inside a sentence (Article.emphasis holds raw offsets, in order)."""
    parts, i = [], bisect.bisect_right(ends, sentence.start)
    while i < len(ends) and art.emphasis[i]["start"] < sentence.end:
        span = art.emphasis[i]
        text = article_mod.clean(art.raw[max(span["start"], sentence.start) : min(span["end"], sentence.end)])[0]
        if text.strip():
            parts.append(text)
        i += 1
    return parts


def analyse(art) -> list[SentenceSignals]:
    """Signals and score of every sentence of an Article; headings (and a title left in the body) score 0."""
    ends = [span["end"] for span in art.emphasis]
    found = []
    for s in art.sentences:
        if _is_heading(art, s):
            sig = _signals(s.index, s.paragraph, s.start, s.end, s.text, [], [])
            sig.heading, sig.score, sig.reasons = True, 0.0, ["+0 a heading, not a claim"]
        else:
            sig = _signals(
                s.index, s.paragraph, s.start, s.end, s.text, sentence_numbers(art, s), _emphasis(art, s, ends)
            )
        found.append(sig)
    return found


def _is_heading(art, sentence) -> bool:
    title = (art.meta.get("title") or "").strip()
    return art.paragraph(sentence.paragraph).heading or bool(title and sentence.text.strip() == title)


# ---------------------------------------------------------------- tables for the report


def _row(sig: SentenceSignals) -> dict:
    return {
        "sentence": sig.index,
        "paragraph": sig.paragraph,
        "start": sig.start,
        "end": sig.end,
        "score": sig.score,
        "text": sig.text,
        "numbers": "; ".join(n.text for n in sig.numbers),
        "entities": "; ".join(f"{name} ({kind})" for name, kind in sig.entities),
        "question": sig.question,
        "rhetorical": "; ".join(sig.rhetorical),
        "hedges": "; ".join(sig.hedges),
        "certainty": "; ".join(sig.certainty),
        "discourse": "; ".join(sig.discourse),
        "comparison": "; ".join(sig.comparison),
        "emphasis": "; ".join(sig.emphasis),
        "reasons": "; ".join(sig.reasons),
        "heading": sig.heading,
    }


FRAME_COLUMNS = list(_row(SentenceSignals(0, 0, 0, 0, "", [], [], False, [], [], [], [], [], [])))
NUMBER_COLUMNS = ["sentence", "paragraph", "text", "low", "high", "unit", "currency", "kind", "start", "end"]


def frame(art) -> pd.DataFrame:
    """One row per sentence: its signals, list columns joined with '; '."""

    return pd.DataFrame([_row(sig) for sig in analyse(art)], columns=FRAME_COLUMNS)


def ranked(art, n: int) -> pd.DataFrame:
    """The n most check-worthy sentences, highest score first, ties in sentence order, with a rank."""
    table = (
        frame(art)
        .query("not heading")
        .sort_values(["score", "sentence"], ascending=[False, True], kind="stable")
        .head(n)
    )
    return table.reset_index(drop=True).rename_axis("rank").reset_index().assign(rank=lambda t: t["rank"] + 1)


def numbers_frame(art) -> pd.DataFrame:
    """Every number in the article, one row each, in reading order."""
    rows = [
        {"sentence": sig.index, "paragraph": sig.paragraph, **asdict(n)} for sig in analyse(art) for n in sig.numbers
    ]
    return pd.DataFrame(rows, columns=NUMBER_COLUMNS)


def _counts(sig: SentenceSignals) -> dict[str, int]:
    return {
        "numbers": len(sig.numbers),
        "entities": len(sig.entities),
        "questions": int(sig.question),
        "rhetorical": len(sig.rhetorical),
        "hedges": len(sig.hedges),
        "certainty": len(sig.certainty),
        "discourse": len(sig.discourse),
        "comparison": len(sig.comparison),
        "emphasis": len(sig.emphasis),
    }


def by_paragraph(art) -> pd.DataFrame:
    """Long table (paragraph, signal, count) of every signal in every paragraph, zeros included."""

    totals = {(p.number, name): 0 for p in art.paragraphs for name in SIGNALS}
    for sig in analyse(art):
        for name, count in _counts(sig).items():
            totals[(sig.paragraph, name)] += count
    rows = [{"paragraph": p, "signal": name, "count": count} for (p, name), count in totals.items()]
    return pd.DataFrame(rows, columns=["paragraph", "signal", "count"])
