"""An article's industry model as data: seeds/<article>/market.yaml (segments, claims, quotes, notes), validated."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimscope import paths, yamlfile
from claimscope.analysis import evidence
from claimscope.analysis.market import formulas
from claimscope.errors import InputError
from claimscope.text import article

# What a segment's role fixes by definition (not an assumption), and why.
ROLE_FIXED = {
    "content": {},
    "services": {"production_share": 1.0},
    "tools": {"production_share": 1.0, "vendor_share": 1.0, "tool_share": 1.0},
}
ROLE_REASON = {
    "services": "The segment's revenue is itself production work, so all of it is production spend.",
    "tools": "The segment is the tool market: its revenue is what buyers pay for tools (production share 1), "
    "all of it is tool spend (software share 1), and what replaces it is paid to AI vendors (vendor share 1).",
}
PLACEHOLDER = re.compile(r"\{([A-Za-z0-9][A-Za-z0-9._-]*)\}")


class Segment(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    measure: str  # what the sourced size measures
    size: str  # arithmetic over figure ids (and this segment's assumptions), in `currency`
    currency: Literal["CNY", "USD"]
    base_year: int
    history: list[tuple[str, str]] = []  # (metric, entity) series shown as sourced history
    role: Literal["content", "services", "tools"] = "content"
    nested: bool = False  # inside another segment: left out of sums across segments

    @property
    def headline(self) -> str:
        return "tool_market_change_share" if self.role == "tools" else "savings_share"

    @property
    def fixed(self) -> dict[str, float]:
        return ROLE_FIXED[self.role]


class Claim(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    text: str
    segments: list[str] = Field(min_length=1)
    paragraph: int = Field(ge=1)
    kind: Literal["not_disrupted", "shrinks"]
    parameters: list[str] = Field(min_length=1)
    evidence: str = ""  # the analyst's note on what sourced evidence says, {FIGURE_ID} filled with its value


class Quote(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    paragraph: int = Field(ge=1)
    text: str = Field(min_length=2)
    en: str = Field(min_length=2)


class Calibration(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    year: int
    vendor_figures: list[str] = Field(min_length=1)
    note: str = ""


class Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    headline_year: int
    adoption_start: int
    price_base_year: int
    fx_figure: str
    segments: list[Segment] = Field(min_length=1)
    claims: list[Claim] = []
    quotes: dict[str, list[Quote]] = {}
    calibration: Calibration | None = None
    notes: dict[str, str] = {}


def parse(data, where: str) -> Spec:
    """The structure validated; errors name the file, the item and the field."""
    try:
        return Spec.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        raise InputError(f"{where}, field '{'.'.join(map(str, first['loc']))}': {first['msg']}") from None


def check(spec: Spec, slug: str, where: str) -> None:
    """Ids, figures, claims and quotes that refer to something real."""
    ev, ids = evidence.load(), [s.id for s in spec.segments]
    if len(set(ids)) != len(ids):
        raise InputError(f"{where}: a segment id is used twice: {ids}")
    for seg in spec.segments:
        for name in formulas.names(seg.size):
            if name[:1].isupper() and name not in ev.figures:
                raise InputError(f"{where}: segment {seg.id}, field 'size': no figure '{name}' in data/figures.csv")
    cited = [spec.fx_figure] + (spec.calibration.vendor_figures if spec.calibration else [])
    cited += [m for text in _texts(spec) for m in PLACEHOLDER.findall(text)]
    for id_ in cited:
        ev.figure(id_)
    for claim in spec.claims:
        unknown = [s for s in claim.segments if s not in ids]
        if unknown:
            raise InputError(f"{where}: claim {claim.id}, field 'segments': no segment '{unknown[0]}'")
    art = article.load_slug(slug)
    for topic, quotes in spec.quotes.items():
        for q in quotes:
            if q.paragraph > len(art.paragraphs) or q.text not in art.paragraph(q.paragraph).text:
                raise InputError(f"{where}: quotes '{topic}': not verbatim in P{q.paragraph}: {q.text!r}")


def _texts(spec: Spec) -> list[str]:
    return [c.evidence for c in spec.claims] + list(spec.notes.values())


def load(slug: str) -> Spec:
    """The article's market.yaml, validated; InputError naming the file when it is missing or wrong."""
    path = paths.market_file(slug)
    if not path.exists():
        raise InputError(
            f"{path}: not found; the industry chapter needs it (the segments, the business claims under "
            "test and the article's words on them); seeds/*/market.yaml of another article shows the format"
        )
    spec = parse(yamlfile.load(path), str(path))
    check(spec, slug, str(path))
    return spec
