"""The article's predictions against what happened up to an as-of date, and a scorecard.

A prediction's criterion names every grade it can give (right, partly right, wrong, not yet
resolvable) and what each requires; a resolution gives one of those grades. A resolution is the
analyst's reading of dated, sourced events, each marked with the way it points (towards the
prediction being right or wrong). Each resolution takes effect on the date of the latest event it
cites, and only events dated on or before `as_of` count: before its first resolution takes effect a
prediction is "open".

Rules checked on load: a resolution's grade is one its criterion names, and every criterion says
what makes the prediction right and what makes it wrong; an event cited as pointing one way and
the other way for the same claim carries a note on each resolution that cites it, saying why; a
resolution other than "not yet resolvable" cites at least one event whose source is primary or
secondary (tertiary sources may only corroborate).

Scoring: right = 1, partly right = 0.5, wrong = 0 (open and not yet resolvable are not scored).
  share right  = mean score;
  Brier score  = mean (p - score)^2, where p is the probability the article's wording implies
                 (CONFIDENCE below); 0 is perfect, 0.25 is what always saying 50% earns.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from claimscope import paths, yamlfile
from claimscope.analysis import claims
from claimscope.analysis import evidence as evidence_base
from claimscope.errors import InputError
from claimscope.text import article

GRADES = ("right", "partly right", "wrong", "not yet resolvable")
SCORE = {"right": 1.0, "partly right": 0.5, "wrong": 0.0}
UNSCORED = ("not yet resolvable", "open")
Grade = Literal["right", "partly right", "wrong", "not yet resolvable"]

# marker in the article -> (implied probability, why)
CONFIDENCE = {
    "无一例外": (0.95, "'without exception': stated as certain"),
    "并没有": (0.9, "flat negation, stated as fact"),
    "unmarked": (0.85, "asserted without any hedge"),
    "尚需时日": (0.85, "'will still take time': plain assertion"),
    "不过是": (0.85, "'no more than': plain assertion that limits the effect"),
    "凭什么": (0.8, "'on what grounds?': rhetorical question implying a firm no"),
    "较大可能": (0.75, "'fairly likely'"),
    "应该": (0.75, "'should'"),
    "有没有可能": (0.65, "'could it be that ...?': a rhetorical question leaning to yes"),
    "谁知道": (0.6, "'who knows whether ...': raises the possibility, leaning to yes"),
    "question": (0.5, "an open question with no implied answer"),
}


class Cited(BaseModel):
    """One event a resolution cites, and which way it points: towards the prediction being right or wrong."""

    model_config = ConfigDict(extra="forbid")
    id: str
    points: Literal["right", "wrong"]


class Resolution(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Grade
    cited: list[Cited] = Field(alias="events", min_length=1)
    reasoning: str = Field(min_length=5)
    note: str | None = None  # required when an event it cites points both ways for one claim in the file

    @property
    def events(self) -> list[str]:
        """The cited events' ids."""
        return [c.id for c in self.cited]


class Prediction(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^H\d{2}$")
    claims: list[str] = Field(min_length=1)
    paragraph: int
    quote: str
    quote_en: str
    statement: str
    criterion: dict[Grade, str]
    horizon: dt.date
    marker: str
    resolutions: list[Resolution] = []

    @property
    def probability(self) -> float:
        return CONFIDENCE[self.marker][0]

    def criterion_text(self) -> str:
        """Every grade the criterion names with what it requires, in the order of GRADES."""
        return "; ".join(f"{g}: {self.criterion[g].strip()}" for g in GRADES if g in self.criterion)


def load(slug: str, art=None, claimset=None, base=None, path: Path | None = None) -> list[Prediction] | None:
    """The article's predictions, validated against the article, claims, events and the marker table."""
    path = path or paths.predictions_file(slug)
    if not path.exists():
        return None
    predictions = yamlfile.records(path, "predictions", Prediction, "prediction")
    _cross_check(predictions, path, slug, art, claimset, base or evidence_base.load())
    return predictions


def _cross_check(predictions, path, slug, art, claimset, base) -> None:
    art = art or article.load_slug(slug)
    claimset = claimset or claims.load(slug, art)
    claims.require_unique([p.id for p in predictions], str(path))
    for p in predictions:
        where = f"{path}: prediction {p.id!r}"
        claims.require_quote(art, p.paragraph, p.quote, where)
        if p.marker not in CONFIDENCE:
            raise InputError(f"{where}, field 'marker': {p.marker!r} is not in the confidence table")
        unknown = [c for c in p.claims if claimset and c not in claimset.by_id]
        if unknown:
            raise InputError(f"{where}, field 'claims': no claim(s) {unknown} in claims.yaml")
        for grade in ("right", "wrong"):
            if not (p.criterion.get(grade) or "").strip():
                raise InputError(f"{where}, field 'criterion': it must say what makes the prediction {grade}")
        for i, r in enumerate(p.resolutions, 1):
            at = f"{where}, resolution {i}"
            if r.status not in p.criterion:
                raise InputError(
                    f"{at}, field 'status': {r.status!r} is not a grade its criterion names ({', '.join(p.criterion)})"
                )
            missing = [e for e in r.events if e not in base.events]
            if missing:
                raise InputError(f"{at}, field 'events': no event(s) {missing} in data/events.csv")
            late = [e for e in r.events if base.events[e].date > p.horizon]
            if late and r.status != "not yet resolvable":
                raise InputError(
                    f"{at}, field 'events': {late} came after the horizon ({p.horizon}); a grade rests on what "
                    "had happened by then (a later event may be mentioned in the note)"
                )
            _require_a_stronger_source(r, base, at)
    _require_notes_for_two_way_events(predictions, where=str(path))


def _require_a_stronger_source(r: Resolution, base, at: str) -> None:
    """A resolution that grades the prediction rests on at least one primary or secondary source."""
    if r.status == "not yet resolvable":
        return
    tiers = {e: base.sources[base.events[e].source_id].tier for e in r.events}
    if all(t == "tertiary" for t in tiers.values()):
        raise InputError(
            f"{at}, field 'events': a resolution graded {r.status!r} needs at least one event with a primary "
            f"or secondary source; every cited event's source is tertiary ({', '.join(tiers)})"
        )


def two_way_events(predictions: list[Prediction]) -> dict[tuple[str, str], list[tuple[Prediction, int]]]:
    """(claim, event) -> the resolutions citing that event, where it points right in one and wrong in another."""
    seen: dict[tuple[str, str], dict[str, list[tuple[Prediction, int]]]] = {}
    for p in predictions:
        for i, r in enumerate(p.resolutions, 1):
            for c in r.cited:
                for claim in p.claims:
                    seen.setdefault((claim, c.id), {}).setdefault(c.points, []).append((p, i))
    return {key: ways["right"] + ways["wrong"] for key, ways in seen.items() if len(ways) == 2}


def _require_notes_for_two_way_events(predictions: list[Prediction], where: str) -> None:
    for (claim, event), citing in two_way_events(predictions).items():
        for p, i in citing:
            if not (p.resolutions[i - 1].note or "").strip():
                raise InputError(
                    f"{where}: prediction {p.id!r}, resolution {i}, field 'note': event {event!r} is cited both "
                    f"for and against claim {claim}, so the resolution must carry a note saying why"
                )


# ---------------------------------------------------------------- resolving and scoring


def events_until(base, as_of: dt.date) -> dict:
    """Only events dated on or before `as_of`."""
    return {k: e for k, e in base.events.items() if e.date <= as_of}


def resolve(prediction: Prediction, known: dict) -> tuple[str, Resolution | None]:
    """The status in effect given the known events: the last resolution whose events are all known."""
    current: tuple[str, Resolution | None] = ("open", None)
    for r in prediction.resolutions:
        if all(e in known for e in r.events):
            current = (r.status, r)
    return current


def table(predictions: list[Prediction], as_of: str | dt.date, base=None) -> pd.DataFrame:
    """One row per prediction with its resolution as of `as_of`.

    `criterion` names each grade the criterion can give with what it requires; `evidence` gives each
    cited event with the way it points; `evidence ids` the bare ids; `reasoning` ends with the
    resolution's note, when it has one."""
    base = base or evidence_base.load()
    day = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    known = events_until(base, day)
    rows = []
    for p in predictions:
        status, r = resolve(p, known)
        note = (r.note or "").strip() if r else ""
        rows.append(
            {
                "prediction": p.id,
                "claims": " ".join(p.claims),
                "quote": p.quote,
                "English": p.quote_en,
                "statement": p.statement,
                "criterion": p.criterion_text(),
                "grades": " / ".join(g for g in GRADES if g in p.criterion),
                "horizon": p.horizon.isoformat(),
                "marker": p.marker,
                "implied probability": p.probability,
                "resolution": status,
                "evidence": "; ".join(f"{c.id} (points {c.points})" for c in r.cited) if r else "",
                "evidence ids": " ".join(r.events) if r else "",
                "reasoning": (r.reasoning.strip() + (f" Note: {note}" if note else "")) if r else "",
                "note": note,
                "resolved on": max(base.events[e].date for e in r.events).isoformat() if r else "",
            }
        )
    return pd.DataFrame(rows)


def scorecard(frame: pd.DataFrame) -> dict:
    scored = frame[frame["resolution"].isin(list(SCORE))]
    unresolvable = int((frame["resolution"] == "not yet resolvable").sum())
    if scored.empty:
        return {
            "scored": 0,
            "open": int((frame["resolution"] == "open").sum()),
            "not yet resolvable": unresolvable,
            "share right": None,
            "Brier score": None,
        }
    outcome = scored["resolution"].map(SCORE)
    brier = ((scored["implied probability"] - outcome) ** 2).mean()
    return {
        "scored": len(scored),
        "open": int((frame["resolution"] == "open").sum()),
        "not yet resolvable": unresolvable,
        "right": int((scored["resolution"] == "right").sum()),
        "partly right": int((scored["resolution"] == "partly right").sum()),
        "wrong": int((scored["resolution"] == "wrong").sum()),
        "share right": round(float(outcome.mean()), 3),
        "Brier score": round(float(brier), 3),
    }


def calibration(frame: pd.DataFrame) -> pd.DataFrame:
    """Per implied probability: how many predictions, and their mean score."""
    scored = frame[frame["resolution"].isin(list(SCORE))].assign(score=lambda f: f["resolution"].map(SCORE))
    grouped = scored.groupby("implied probability", as_index=False).agg(
        predictions=("score", "size"), observed=("score", "mean")
    )
    return grouped


def confidence_table() -> pd.DataFrame:
    return pd.DataFrame([{"marker": m, "implied probability": p, "reading": why} for m, (p, why) in CONFIDENCE.items()])


def export(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.rename(
        columns={
            "prediction": "prediction_id",
            "claims": "claim_ids",
            "implied probability": "implied_probability",
            "evidence ids": "evidence_ids",
            "evidence": "evidence_directions",
        }
    )[
        [
            "prediction_id",
            "claim_ids",
            "criterion",
            "implied_probability",
            "resolution",
            "evidence_ids",
            "evidence_directions",
            "note",
        ]
    ]


def cited_events(frame: pd.DataFrame, base=None) -> pd.DataFrame:
    """The events a ledger cites, each with its source record."""
    base = base or evidence_base.load()
    ids = list(dict.fromkeys(e for cell in frame["evidence ids"] for e in cell.split()))
    rows = []
    for eid in ids:
        e = base.events[eid]
        s = base.sources[e.source_id]
        rows.append(
            {
                "event": eid,
                "date": e.date.isoformat(),
                "title": e.title,
                "source": s.title,
                "publisher": s.publisher,
                "tier": s.tier,
                "quote": s.quote,
                "quote in English": s.quote_en or "(English original)",
                "url": s.url,
                "quote re-checked": "yes" if s.quote_rechecked else "no",
            }
        )
    return pd.DataFrame(rows)
