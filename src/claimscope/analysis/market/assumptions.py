"""The model's assumptions: seeds/<article>/assumptions.yaml, one record per parameter that no figure gives."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from claimscope import yamlfile
from claimscope.analysis import evidence
from claimscope.analysis.market import formulas
from claimscope.analysis.market.spec import Segment, Spec
from claimscope.errors import InputError

SCENARIOS = ("bear", "base", "bull")
FIELDS = ("bear", "base", "bull", "low", "high")
PARAMETERS = (
    "growth",
    "production_share",
    "substitution",
    "cost_reduction",
    "adoption_midpoint",
    "adoption_steepness",
    "elasticity",
    "vendor_share",
    "price_decline",
    "tool_share",
)


class Assumption(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    segment: str
    parameter: str
    description: str = Field(min_length=10)
    unit: Literal["share", "share per year", "year", "per year", "ratio"]
    bear: float | str
    base: float | str
    bull: float | str
    low: float | str
    high: float | str
    distribution: Literal["triangular", "uniform"]
    reasoning: str = Field(min_length=40)
    figures: list[str] = []
    events: list[str] = []
    _values: dict = PrivateAttr(default_factory=dict)

    def value(self, which: str) -> float:
        return self._values[which]

    def formula(self, which: str) -> str | None:
        raw = getattr(self, which)
        return raw if isinstance(raw, str) else None


def figure_value(id_: str) -> float:
    """A figure's value as the model uses it (percent figures as fractions)."""
    fig = evidence.load().figure(id_)
    return fig.value / 100 if fig.unit == "percent" else fig.value


def evaluate(text, given: dict | None = None):
    """A number, or arithmetic over figure ids and the names in `given` (an array when they are arrays)."""
    if not isinstance(text, str):
        return float(text)
    given = given or {}
    scope = {n: given[n] if n in given else figure_value(n) for n in formulas.names(text)}
    result = formulas.evaluate(text, scope)
    return float(result) if np.ndim(result) == 0 else result


def size_names(seg: Segment) -> list[str]:
    """The assumptions a segment's size formula uses (its names that are not figure ids)."""
    return [n for n in formulas.names(seg.size) if n not in evidence.load().figures]


def parameters_of(seg: Segment) -> tuple[str, ...]:
    return PARAMETERS + tuple(size_names(seg))


def _cited(text: str, ev: evidence.Evidence) -> set[str]:
    """Figure ids a text cites, with ranges such as F097-F099 expanded."""
    ids = {f for f in ev.figures if re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text)}
    for lo, hi in re.findall(r"\bF(\d{3})-F(\d{3})\b", text):
        ids |= {f"F{n:03d}" for n in range(int(lo), int(hi) + 1)}
    return ids


def _check(a: Assumption, ev: evidence.Evidence, segments: dict[str, Segment]) -> None:
    if a.id != f"{a.segment}.{a.parameter}":
        raise ValueError(f"id must be '{a.segment}.{a.parameter}'")
    if a.segment != "all" and a.segment not in segments:
        raise ValueError(f"unknown segment '{a.segment}'; known: all, {', '.join(sorted(segments))}")
    allowed = set(PARAMETERS) | (set(size_names(segments[a.segment])) if a.segment != "all" else set())
    if a.parameter not in allowed:
        raise ValueError(f"unknown parameter '{a.parameter}'; known: {', '.join(sorted(allowed))}")
    for id_ in a.figures:
        ev.figure(id_)
    missing = [e for e in a.events if e not in ev.events]
    if missing:
        raise ValueError(f"no event '{missing[0]}' in data/events.csv")
    cited = _cited(a.reasoning, ev)
    used = {n for f in FIELDS if a.formula(f) for n in formulas.names(a.formula(f))}
    for ids, where in (
        ((cited | used) - set(a.figures), "not listed in figures"),
        (set(a.figures) - cited - used, "listed in figures but not cited in reasoning"),
    ):
        if ids:
            raise ValueError(f"figure {sorted(ids)[0]} {where}")
    events_cited = {e for e in ev.events if e in a.reasoning}
    if events_cited ^ set(a.events):
        raise ValueError(f"events cited in reasoning {sorted(events_cited)} differ from events {a.events}")
    a._values = {f: evaluate(getattr(a, f)) for f in FIELDS}
    v = a._values
    if not v["low"] < v["high"]:
        raise ValueError(f"low {v['low']:g} must be below high {v['high']:g}")
    for f in SCENARIOS:
        if not v["low"] <= v[f] <= v["high"]:
            raise ValueError(f"{f} {v[f]:g} is outside low..high {v['low']:g}..{v['high']:g}")


def load(path: Path, spec: Spec) -> dict[str, Assumption]:
    """Every assumption record of the file, validated against the article's segments, formulas resolved."""
    records = yamlfile.load(path)
    if not isinstance(records, list):
        raise InputError(f"{path}: expected a list of assumption records")
    ev, found, segments = evidence.load(), {}, {s.id: s for s in spec.segments}
    for i, record in enumerate(records, 1):
        where = f"{path}: record {i} (id {record.get('id') if isinstance(record, dict) else None!r})"
        try:
            a = Assumption.model_validate(record)
            _check(a, ev, segments)
        except ValidationError as err:
            first = err.errors()[0]
            raise InputError(f"{where}, field '{'.'.join(map(str, first['loc']))}': {first['msg']}") from None
        except (ValueError, SyntaxError, InputError) as err:
            raise InputError(f"{where}: {err}") from None
        if a.id in found:
            raise InputError(f"{where}: id '{a.id}' is used twice")
        found[a.id] = a
    _check_complete(found, spec, path)
    return found


def _check_complete(found: dict[str, Assumption], spec: Spec, path: Path) -> None:
    for seg in spec.segments:
        for name in parameters_of(seg):
            own = f"{seg.id}.{name}" in found
            if own and name in seg.fixed:
                raise InputError(f"{path}: {seg.id}.{name} is structural ({seg.fixed[name]:g}) and cannot be assumed")
            if not (own or name in seg.fixed or f"all.{name}" in found):
                raise InputError(f"{path}: no assumption for parameter '{name}' of segment '{seg.id}'")
