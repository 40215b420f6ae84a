"""Sourced figures and events with their provenance records, validated on load.

data/sources.yaml   one record per source: title, publisher, url, dates, verbatim quote, tier
data/figures.csv    id, metric, entity, period, value, unit, currency, source_id, note
data/events.csv     id, date, category, entity, region, title, value, unit, currency, source_id, note
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from claimscope import paths, yamlfile
from claimscope.errors import InputError
from claimscope.text.script import is_han, is_kana

UNITS = {"money", "count", "people", "films", "percent", "ratio", "fx", "days"}
CURRENCIES = {"USD", "CNY"}
EVENT_CATEGORIES = {
    "model-launch",
    "public-release",
    "open-weights",
    "revenue",
    "users",
    "deal",
    "advertising",
    "industry-revenue",
    "people",
    "world-model",
    "quality",
}
REGIONS = {"US", "China", "Global", "Europe"}
ID = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID)
    title: str = Field(min_length=3)
    title_note: str | None = None  # how the title was written when the stored page shows none
    title_en: str | None = None  # the project's translation, required when the title is in Chinese or Japanese
    publisher: str = Field(min_length=2)
    publisher_en: str | None = None  # the project's translation, required when the publisher is in Chinese or Japanese
    url: str = Field(pattern=r"^https?://\S+$")
    date_published: dt.date | None
    date_published_note: str | None = None
    date_accessed: dt.date
    quote: str = Field(min_length=3, max_length=400)
    quote_en: str | None = None  # the project's translation, required when the quote is not in English
    tier: Literal["primary", "secondary", "tertiary"]
    quote_rechecked: bool = False  # a second look-up found the quote verbatim at the url

    @field_validator("title")
    @classmethod
    def _real_title(cls, v):
        if v.startswith("(") or "title not shown" in v:
            raise ValueError(
                "must be the page's title (or one written from the page, with title_note), not a placeholder"
            )
        return v

    @model_validator(mode="after")
    def _undated_needs_reason(self):
        if self.date_published is None and not (self.date_published_note or "").strip():
            raise ValueError("date_published is null, so date_published_note must say why")
        if any(is_han(ch) or is_kana(ch) for ch in self.quote) and not (self.quote_en or "").strip():
            raise ValueError("the quote is in Chinese or Japanese, so quote_en must give its English translation")
        for field in ("title", "publisher"):
            if (
                any(is_han(ch) or is_kana(ch) for ch in getattr(self, field))
                and not (getattr(self, f"{field}_en") or "").strip()
            ):
                raise ValueError(
                    f"the {field} is in Chinese or Japanese, so {field}_en must give its English translation"
                )
        return self


class Figure(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID)
    metric: str = Field(min_length=2)
    entity: str = Field(min_length=1)
    period: str = Field(min_length=2)
    value: float
    unit: str
    currency: str | None = None
    source_id: str
    note: str | None = None

    @property
    def metric_words(self) -> str:
        """The metric as a reader reads it: box_office -> "box office"."""
        return self.metric.replace("_", " ")

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, v):
        if v not in UNITS:
            raise ValueError(f"unknown unit {v!r}; known: {', '.join(sorted(UNITS))}")
        return v

    @model_validator(mode="after")
    def _currency_with_money(self):
        if self.unit == "money" and self.currency not in CURRENCIES:
            raise ValueError(
                f"a money figure needs a currency ({' or '.join(sorted(CURRENCIES))}), got {self.currency!r}"
            )
        if self.unit != "money" and self.currency:
            raise ValueError(f"currency {self.currency!r} given for a {self.unit} figure")
        return self


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID)
    date: dt.date
    category: str
    entity: str
    region: str
    title: str = Field(min_length=5)
    value: float | None = None
    unit: str | None = None
    currency: str | None = None
    source_id: str
    note: str | None = None

    @model_validator(mode="after")
    def _vocabulary(self):
        if self.category not in EVENT_CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}; known: {', '.join(sorted(EVENT_CATEGORIES))}")
        if self.region not in REGIONS:
            raise ValueError(f"unknown region {self.region!r}; known: {', '.join(sorted(REGIONS))}")
        if self.value is not None and self.unit not in UNITS:
            raise ValueError(f"a value needs a known unit, got {self.unit!r}")
        return self


def _problem(path: Path, where: str, err: ValidationError) -> InputError:
    first = err.errors()[0]
    field = ".".join(str(p) for p in first["loc"]) or "(record)"
    return InputError(f"{path}: {where}, field '{field}': {first['msg']}")


def _read_rows(path: Path) -> list[tuple[int, dict]]:
    """CSV rows with their line numbers; empty cells become None."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: not found") from None
    reader = csv.DictReader(io.StringIO(text))
    rows = []
    for row in reader:
        if None in row:
            raise InputError(f"{path}: line {reader.line_num}: more cells than the header has columns")
        rows.append((reader.line_num, {k: (v if v not in ("", None) else None) for k, v in row.items()}))
    return rows


def _unique(path: Path, ids: list[tuple[str, str]]) -> None:
    seen: dict[str, str] = {}
    for where, id_ in ids:
        if id_ in seen:
            raise InputError(f"{path}: {where}: id '{id_}' is used twice (first at {seen[id_]})")
        seen[id_] = where


def load_sources(path: Path | None = None) -> dict[str, Source]:
    path = path or paths.SOURCES
    records = yamlfile.load(path)
    if not isinstance(records, list):
        raise InputError(f"{path}: expected a list of source records")
    sources = {}
    for i, record in enumerate(records, 1):
        where = f"record {i} (id {record.get('id')!r})" if isinstance(record, dict) else f"record {i}"
        try:
            source = Source.model_validate(record)
        except ValidationError as err:
            raise _problem(path, where, err) from None
        if source.id in sources:
            raise InputError(f"{path}: {where}: id '{source.id}' is used twice")
        sources[source.id] = source
    return sources


def _load_rows(path: Path, model, sources: dict[str, Source]) -> list:
    items = []
    for line, row in _read_rows(path):
        try:
            item = model.model_validate(row)
        except ValidationError as err:
            raise _problem(path, f"line {line} (id {row.get('id')!r})", err) from None
        if item.source_id not in sources:
            raise InputError(
                f"{path}: line {line} (id {item.id!r}), field 'source_id': no source '{item.source_id}' in sources.yaml"
            )
        items.append((line, item))
    _unique(path, [(f"line {line}", item.id) for line, item in items])
    return [item for _, item in items]


@functools.lru_cache(maxsize=4)
def load(data_dir: Path | None = None) -> Evidence:
    """The whole evidence base, validated (cached per folder)."""
    folder = Path(data_dir or paths.DATA)
    sources = load_sources(folder / "sources.yaml")
    figures = _load_rows(folder / "figures.csv", Figure, sources)
    events = _load_rows(folder / "events.csv", Event, sources) if (folder / "events.csv").exists() else []
    return Evidence(sources, {f.id: f for f in figures}, {e.id: e for e in events})


class Evidence:
    def __init__(self, sources: dict[str, Source], figures: dict[str, Figure], events: dict[str, Event]):
        self.sources, self.figures, self.events = sources, figures, events

    def figure(self, id_: str) -> Figure:
        try:
            return self.figures[id_]
        except KeyError:
            raise InputError(f"no figure '{id_}' in data/figures.csv") from None

    def figures_frame(self) -> pd.DataFrame:
        return pd.DataFrame([f.model_dump() for f in self.figures.values()])

    def events_frame(self) -> pd.DataFrame:
        return pd.DataFrame([e.model_dump() for e in self.events.values()])

    def sources_frame(self, ids: list[str] | None = None) -> pd.DataFrame:
        chosen = [self.sources[i] for i in ids] if ids is not None else list(self.sources.values())
        return pd.DataFrame([s.model_dump() for s in chosen])

    def series(self, metric: str, entity: str) -> pd.DataFrame:
        """Every figure of one metric and entity, ordered by period."""
        frame = self.figures_frame()
        chosen = frame[(frame.metric == metric) & (frame.entity == entity)]
        return chosen.sort_values("period").reset_index(drop=True)
