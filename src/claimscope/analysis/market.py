"""Industry model of the article's business thesis: how much a mature, cheap AI video saves each segment.

Per segment and year (amounts in USD bn, CNY converted with one sourced rate):

    revenue      sourced size (data/figures.csv) x (1 + growth) ** (year - base year)
    production   revenue x production_share
    ai_work      production x substitution x adoption(year)        adoption: logistic, 0 before 2024
    remaining    (1 - cost_reduction) x (1 - vendor_share + vendor_share x price(year))
                 price(year) = (1 - price_decline) ** (year - 2025): vendors compete prices down
    gross_saving ai_work x (1 - remaining)
    respent      gross_saving x elasticity (spent on more content, made with AI)
    cost_saved   gross_saving - respent
    vendor_pool  (ai_work x remaining + respent) x vendor part of AI-made spend
    tools_at_risk production x tool_share x substitution x adoption
    savings_share cost_saved / revenue        the article's disruption test against a threshold

Every parameter that is not a sourced figure is a record in data/assumptions.yaml (bear / base /
bull, a range and a distribution, with reasoning). Charts live in market_charts.py.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from claimscope import paths
from claimscope.analysis import evidence
from claimscope.errors import InputError

HEADLINE_YEAR = 2030
ADOPTION_START = 2024  # Sora was shown in Feb 2024; no AI-video adoption is counted before
PRICE_BASE_YEAR = 2025  # the vendor prices in figures.csv are Oct 2025 list prices
FX_FIGURE = "F110"  # CNY per USD, Fed G.5A annual average 2023
SCENARIOS = ("bear", "base", "bull")
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
MONEY = (
    "revenue",
    "production",
    "ai_work",
    "gross_saving",
    "respent",
    "cost_saved",
    "production_after",
    "vendor_pool",
    "tools_at_risk",
    "tool_market_change",
)
OUTPUTS = MONEY + ("adoption", "savings_share", "tool_market_change_share")
PERCENTILES = (5, 25, 50, 75, 95)


@dataclass(frozen=True)
class Segment:
    id: str
    label: str
    measure: str  # what the sourced size measures
    size: str  # arithmetic over figure ids (and this segment's assumptions), in `currency`
    currency: Literal["CNY", "USD"]
    base_year: int
    history: tuple[tuple[str, str], ...]  # (metric, entity) series shown as sourced history
    fixed: tuple[tuple[str, float], ...] = ()  # structural values: definitions, not assumptions
    headline: str = "savings_share"


SEGMENTS = (
    Segment("film_china", "Cinema, China", "box office", "F004", "CNY", 2025, (("box_office", "China"),)),
    Segment(
        "film_global",
        "Cinema, global",
        "box office",
        "F008",
        "USD",
        2024,
        (("box_office", "Global"), ("box_office_forecast", "Global")),
    ),
    Segment(
        "longvideo_china",
        "Long video, China (iQiyi)",
        "iQiyi revenue",
        "F024",
        "CNY",
        2025,
        (("platform_revenue", "iQiyi"), ("content_cost", "iQiyi")),
    ),
    Segment(
        "shortvideo_china",
        "Short video, China",
        "short-video market revenue",
        "F033 * F034",
        "CNY",
        2022,
        (
            ("market_size", "China pan online audiovisual (CNSA)"),
            ("market_share", "China short video within pan online audiovisual"),
            ("market_size", "China short-video industry (中商 citing CNSA)"),
        ),
    ),
    Segment("ads_china", "Advertising, China", "media spend", "F059", "USD", 2025, (("ad_spend", "China"),)),
    Segment("ads_global", "Advertising, global", "media spend", "F057", "USD", 2025, (("ad_spend", "Global"),)),
    Segment(
        "vfx_services",
        "VFX & post services",
        "VFX market revenue",
        "F084",
        "USD",
        2023,
        (("market_size", "Global VFX"),),
        fixed=(("production_share", 1.0),),
    ),
    Segment(
        "post_software",
        "Post-production software",
        "incumbent tool revenue",
        "4 * F076 + F078 + F082 + adobe_video_share * F075",
        "USD",
        2024,
        (
            ("segment_revenue", "Autodesk Media & Entertainment"),
            ("company_revenue_forecast", "Foundry (Nuke)"),
            ("segment_revenue", "Unity Create Solutions"),
            ("arr", "Adobe Creative"),
        ),
        fixed=(("production_share", 1.0), ("vendor_share", 1.0), ("tool_share", 1.0)),
        headline="tool_market_change_share",
    ),
    Segment(
        "games_art",
        "Game art",
        "global games revenue",
        "F089",
        "USD",
        2024,
        (("market_size", "Global games (Newzoo)"), ("market_size_forecast", "Global games (Newzoo)")),
    ),
)
SEGMENT = {s.id: s for s in SEGMENTS}
LABEL = {s.id: s.label for s in SEGMENTS}


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    segments: tuple[str, ...]
    paragraph: int
    kind: Literal["not_disrupted", "shrinks"]
    parameters: tuple[str, ...]


CLAIMS = (
    Claim(
        "film",
        "Film is not disrupted",
        ("film_china", "film_global"),
        46,
        "not_disrupted",
        ("substitution", "cost_reduction", "production_share"),
    ),
    Claim(
        "long_video",
        "Long video is not disrupted",
        ("longvideo_china",),
        38,
        "not_disrupted",
        ("substitution", "cost_reduction", "production_share"),
    ),
    Claim(
        "short_video",
        "Short video is not disrupted",
        ("shortvideo_china",),
        42,
        "not_disrupted",
        ("substitution", "cost_reduction", "production_share"),
    ),
    Claim(
        "advertising",
        "Advertising is not disrupted",
        ("ads_china", "ads_global"),
        49,
        "not_disrupted",
        ("substitution", "cost_reduction", "production_share"),
    ),
    Claim(
        "games",
        "Games are not disrupted",
        ("games_art",),
        46,
        "not_disrupted",
        ("substitution", "cost_reduction", "production_share"),
    ),
    Claim(
        "software", "The post-production software market shrinks", ("post_software",), 46, "shrinks", ("elasticity",)
    ),
)
DOMAIN = {"elasticity": (0.0, 3.0)}  # break-even search interval; shares default to (0, 1)

# ------------------------------------------------------------------------------------ formulas

_NODES = (
    ast.Expression,
    ast.BinOp,
    ast.UnaryOp,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.USub,
    ast.UAdd,
    ast.Constant,
    ast.Name,
    ast.Load,
)


def formula_names(text: str) -> list[str]:
    """Names a formula uses (figure ids or assumption names); refuses anything but arithmetic."""
    tree = ast.parse(str(text), mode="eval")
    bad = [type(n).__name__ for n in ast.walk(tree) if not isinstance(n, _NODES)]
    if bad:
        raise ValueError(f"formula {text!r} may only use numbers, figure ids and + - * / ( ), not {bad[0]}")
    return sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)})


def figure_value(id_: str) -> float:
    """A figure's value as the model uses it (percent figures as fractions)."""
    fig = evidence.load().figure(id_)
    return fig.value / 100 if fig.unit == "percent" else fig.value


def evaluate_formula(text, names: dict | None = None):
    """Value of a number or formula; names not given are looked up as figure ids."""
    if not isinstance(text, str):
        return float(text)
    scope = {n: (names[n] if names and n in names else figure_value(n)) for n in formula_names(text)}
    return eval(compile(ast.parse(text, mode="eval"), "<formula>", "eval"), {"__builtins__": {}}, scope)


# ------------------------------------------------------------------------------------ assumptions

FIELDS = ("bear", "base", "bull", "low", "high")


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


def _size_names(seg: Segment) -> list[str]:
    return [n for n in formula_names(seg.size) if n not in evidence.load().figures]


def _cited(text: str, ev: evidence.Evidence) -> set[str]:
    """Figure ids a text cites, with ranges such as F097-F099 expanded."""
    ids = {f for f in ev.figures if re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text)}
    for lo, hi in re.findall(r"\bF(\d{3})-F(\d{3})\b", text):
        ids |= {f"F{n:03d}" for n in range(int(lo), int(hi) + 1)}
    return ids


def _check(a: Assumption, ev: evidence.Evidence, segment_ids: set[str]) -> None:
    if a.id != f"{a.segment}.{a.parameter}":
        raise ValueError(f"id must be '{a.segment}.{a.parameter}'")
    if a.segment != "all" and a.segment not in segment_ids:
        raise ValueError(f"unknown segment '{a.segment}'; known: all, {', '.join(sorted(segment_ids))}")
    allowed = set(PARAMETERS) | (set(_size_names(SEGMENT[a.segment])) if a.segment != "all" else set())
    if a.parameter not in allowed:
        raise ValueError(f"unknown parameter '{a.parameter}'; known: {', '.join(sorted(allowed))}")
    for id_ in a.figures:
        ev.figure(id_)
    missing = [e for e in a.events if e not in ev.events]
    if missing:
        raise ValueError(f"no event '{missing[0]}' in data/events.csv")
    cited = _cited(a.reasoning, ev)
    used = {n for f in FIELDS if a.formula(f) for n in formula_names(a.formula(f))}
    for ids, where in (
        ((cited | used) - set(a.figures), "not listed in figures"),
        (set(a.figures) - cited - used, "listed in figures but not cited in reasoning"),
    ):
        if ids:
            raise ValueError(f"figure {sorted(ids)[0]} {where}")
    events_cited = {e for e in ev.events if e in a.reasoning}
    if events_cited ^ set(a.events):
        raise ValueError(f"events cited in reasoning {sorted(events_cited)} differ from events {a.events}")
    a._values = {f: float(evaluate_formula(getattr(a, f))) for f in FIELDS}
    v = a._values
    if not v["low"] < v["high"]:
        raise ValueError(f"low {v['low']:g} must be below high {v['high']:g}")
    for f in ("bear", "base", "bull"):
        if not v["low"] <= v[f] <= v["high"]:
            raise ValueError(f"{f} {v[f]:g} is outside low..high {v['low']:g}..{v['high']:g}")


@functools.lru_cache(maxsize=4)
def load_assumptions(path: Path | None = None) -> dict[str, Assumption]:
    """Every assumption record, validated, with figure formulas resolved (cached per file)."""
    path = Path(path or paths.ASSUMPTIONS)
    try:
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: not found") from None
    if not isinstance(records, list):
        raise InputError(f"{path}: expected a list of assumption records")
    ev, found = evidence.load(), {}
    for i, record in enumerate(records, 1):
        where = f"{path}: record {i} (id {record.get('id') if isinstance(record, dict) else None!r})"
        try:
            a = Assumption.model_validate(record)
            _check(a, ev, set(SEGMENT))
        except ValidationError as err:
            first = err.errors()[0]
            raise InputError(f"{where}, field '{'.'.join(map(str, first['loc']))}': {first['msg']}") from None
        except (ValueError, SyntaxError, InputError) as err:
            raise InputError(f"{where}: {err}") from None
        if a.id in found:
            raise InputError(f"{where}: id '{a.id}' is used twice")
        found[a.id] = a
    _check_complete(found, path)
    return found


def _check_complete(found: dict[str, Assumption], path: Path) -> None:
    for seg in SEGMENTS:
        fixed = dict(seg.fixed)
        for name in PARAMETERS + tuple(_size_names(seg)):
            own = f"{seg.id}.{name}" in found
            if own and name in fixed:
                raise InputError(f"{path}: {seg.id}.{name} is structural ({fixed[name]:g}) and cannot be assumed")
            if not (own or name in fixed or f"all.{name}" in found):
                raise InputError(f"{path}: no assumption for parameter '{name}' of segment '{seg.id}'")


def source(seg: Segment, name: str) -> Assumption | float:
    """The record (own or shared) or structural value that gives one parameter of one segment."""
    fixed, found = dict(seg.fixed), load_assumptions()
    if name in fixed:
        return fixed[name]
    return found.get(f"{seg.id}.{name}") or found[f"all.{name}"]


# ------------------------------------------------------------------------------------ the model


def usd_bn(amount, currency: str):
    """Convert an amount in currency units to USD bn with the sourced rate FX_FIGURE."""
    return amount / (figure_value(FX_FIGURE) if currency == "CNY" else 1.0) / 1e9


def segment_values(seg: Segment, scenario: str = "base", change: dict | None = None) -> dict:
    """One segment's parameter values and size (USD bn) for a scenario.

    `change` overrides values by assumption id ('all.price_decline'), by segment and parameter
    ('film_china.vendor_share', this segment only) or for every segment ('*.substitution').
    """
    change = change or {}
    v = {}
    for name in PARAMETERS + tuple(_size_names(seg)):
        src = source(seg, name)
        v[name] = src if isinstance(src, float) else src.value(scenario)
        for key in (f"*.{name}", getattr(src, "id", None), f"{seg.id}.{name}"):
            if key in change:
                v[name] = change[key]
    v["size"] = usd_bn(evaluate_formula(seg.size, v), seg.currency)
    return v


def values(scenario: str = "base", change: dict | None = None) -> dict[str, dict]:
    """Parameter values of every segment (see segment_values)."""
    return {seg.id: segment_values(seg, scenario, change) for seg in SEGMENTS}


def _year(year):
    """A scalar year stays a Python float, so float32 draws are not upcast (NumPy 2 promotion rules)."""
    return float(year) if np.ndim(year) == 0 else np.asarray(year, dtype=float)


def adoption(year, midpoint, steepness):
    """Share of the substitutable work done with AI video: logistic in the year, zero before 2024."""
    year = _year(year)
    share = 1.0 / (1.0 + np.exp(-steepness * (year - midpoint)))
    return np.where(year >= ADOPTION_START, share, 0.0)


def price_index(year, decline):
    """AI-video vendor price relative to 2025."""
    year = _year(year)
    return (1.0 - decline) ** (
        max(year - PRICE_BASE_YEAR, 0.0) if isinstance(year, float) else np.maximum(year - PRICE_BASE_YEAR, 0.0)
    )


def outcomes(
    revenue, production_share, substitution, cost_reduction, adopted, elasticity, vendor_share, price, tool_share
) -> dict:
    """The accounting of one segment-year (any argument may be an array; they broadcast)."""
    production = revenue * production_share
    ai_work = production * substitution * adopted
    vendor_part = vendor_share * price / (1.0 - vendor_share + vendor_share * price)
    remaining = (1.0 - cost_reduction) * (1.0 - vendor_share + vendor_share * price)
    gross = ai_work * (1.0 - remaining)
    respent = gross * elasticity
    saved = gross - respent
    vendor_pool = (ai_work * remaining + respent) * vendor_part
    tools = production * tool_share * substitution * adopted
    return {
        "revenue": revenue,
        "production": production,
        "ai_work": ai_work,
        "gross_saving": gross,
        "respent": respent,
        "cost_saved": saved,
        "production_after": production - saved,
        "vendor_pool": vendor_pool,
        "tools_at_risk": tools,
        "tool_market_change": vendor_pool - tools,
        "adoption": adopted,
        "savings_share": saved / revenue,
        "tool_market_change_share": (vendor_pool - tools) / revenue,
    }


def evaluate(seg: Segment, v: dict, year, mature: bool = False) -> dict:
    """Outputs of one segment in `year` (mature: every substitutable task already done with AI)."""
    revenue = v["size"] * (1.0 + v["growth"]) ** (_year(year) - seg.base_year)
    adopted = 1.0 if mature else adoption(year, v["adoption_midpoint"], v["adoption_steepness"])
    return outcomes(
        revenue,
        v["production_share"],
        v["substitution"],
        v["cost_reduction"],
        adopted,
        v["elasticity"],
        v["vendor_share"],
        price_index(year, v["price_decline"]),
        v["tool_share"],
    )


def project(scenario: str = "base", threshold: float = 0.05, change: dict | None = None) -> pd.DataFrame:
    """Every output per segment and year, from the segment's sourced base year to HEADLINE_YEAR."""
    frames = []
    for seg_id, v in values(scenario, change).items():
        seg = SEGMENT[seg_id]
        years = np.arange(seg.base_year, HEADLINE_YEAR + 1)
        out = {k: np.broadcast_to(x, years.shape) for k, x in evaluate(seg, v, years).items()}
        mature = evaluate(seg, v, years, mature=True)
        frames.append(
            pd.DataFrame(
                {
                    "segment": seg_id,
                    "label": seg.label,
                    "year": years,
                    "scenario": scenario,
                    **out,
                    "savings_share_mature": mature["savings_share"],
                    "tool_market_change_share_mature": mature["tool_market_change_share"],
                }
            )
        )
    frame = pd.concat(frames, ignore_index=True)
    frame["disrupted"] = frame["savings_share"] >= threshold
    frame["tool_market_shrinks"] = frame["tool_market_change"] < 0
    return frame


def headline(scenario: str = "base", threshold: float = 0.05, year: int = HEADLINE_YEAR) -> pd.DataFrame:
    """One row per segment in `year`, with the savings share at full adoption beside it."""
    frame = project(scenario, threshold)
    return frame[frame.year == year].reset_index(drop=True).assign(threshold=threshold)


def exports(values: dict) -> dict[str, pd.DataFrame]:
    """market.csv: every output per segment, year and scenario (amounts in USD bn)."""
    threshold = values.get("disruption_threshold", 0.05)
    frame = pd.concat([project(s, threshold) for s in SCENARIOS], ignore_index=True)
    return {"market.csv": frame.assign(threshold=threshold)}


# ------------------------------------------------------------------------------------ Monte Carlo


def _inverse_cdf(a: Assumption, u: np.ndarray) -> np.ndarray:
    """Map uniform draws to the record's distribution (triangular with mode = base, or uniform)."""
    lo, mode, hi = a.value("low"), a.value("base"), a.value("high")  # Python floats keep float32 draws
    if a.distribution == "uniform":
        return lo + (hi - lo) * u
    upper = u >= (mode - lo) / (hi - lo)
    right = 1.0 - u  # above the mode: hi - sqrt((1 - u)(hi - lo)(hi - mode))
    right *= (hi - lo) * (hi - mode)
    np.sqrt(right, out=right)
    np.subtract(hi, right, out=right)
    u *= (hi - lo) * (mode - lo)  # below the mode: lo + sqrt(u (hi - lo)(mode - lo)), in place
    np.sqrt(u, out=u)
    u += lo
    np.copyto(u, right, where=upper)
    return u


def draw(n: int, seed: int) -> dict[str, np.ndarray]:
    """n joint draws of every assumption, independent, reproducible under `seed` (one stream per record)."""
    records = sorted(load_assumptions().values(), key=lambda a: a.id)
    streams = np.random.SeedSequence(seed).spawn(len(records))

    def one(pair):
        a, stream = pair
        return a.id, _inverse_cdf(a, np.random.default_rng(stream).random(n, dtype=np.float32))

    with ThreadPoolExecutor(2) as pool:
        return dict(pool.map(one, zip(records, streams)))


def order_statistics(x: np.ndarray, percentiles=PERCENTILES, bins: int = 65536, scratch=None) -> np.ndarray:
    """Exact percentiles of the 'lower' kind (= np.percentile(x, q, method="lower")), about 3x faster.

    One histogram pass finds the bin holding each wanted rank (the bin of a value is monotone in the
    value, so ranks are preserved); only that bin is then partitioned.
    """
    x = np.ravel(x)
    ranks = np.floor(np.asarray(percentiles, dtype=float) / 100 * (x.size - 1)).astype(np.int64)
    lo, hi = x.min(), x.max()
    if not hi > lo:
        return np.full(len(ranks), lo)
    shifted, key = scratch if scratch is not None else (np.empty_like(x), np.empty(x.shape, dtype=np.int32))
    np.subtract(x, lo, out=shifted)
    np.multiply(shifted, float(bins / (hi - lo)), out=key, casting="unsafe")  # truncates like astype
    np.minimum(key, bins - 1, out=key)
    before = np.cumsum(np.bincount(key, minlength=bins))
    found = []
    for rank in ranks:
        j = int(np.searchsorted(before, rank, side="right"))
        offset = rank - (before[j - 1] if j else 0)
        found.append(np.partition(x[key == j], offset)[offset])
    return np.array(found)


def _prepare(seg: Segment, samples: dict) -> dict:
    """A segment's draws (or structural values) plus the year-independent products the hot loop reuses."""
    v = {}
    for name in PARAMETERS + tuple(_size_names(seg)):
        src = source(seg, name)
        v[name] = src if isinstance(src, float) else samples[src.id]
    v["size"] = usd_bn(evaluate_formula(seg.size, v), seg.currency)
    v["_work"] = v["production_share"] * v["substitution"]
    v["_work_kept"] = v["_work"] * (1.0 - v["elasticity"])
    v["_one_minus_e"] = 1.0 - v["elasticity"]
    v["_one_minus_cost"] = 1.0 - v["cost_reduction"]
    v["_one_minus_vendor"] = 1.0 - v["vendor_share"]
    v["_log_price"] = np.log1p(-v["price_decline"])
    return v


def headline_inplace(v: dict, year: int, metric: str, a, b, c, mature: bool = False):
    """`outcomes(...)[metric]` with revenue cancelled, computed in three float32 buffers; returns c.

    The Monte Carlo hot loop: no allocation per year. Tests hold it equal to `outcomes`.
    """
    if mature or year < ADOPTION_START:
        a.fill(1.0 if mature else 0.0)
    else:  # adoption = 1 / (1 + exp(k (m - t)))
        np.subtract(v["adoption_midpoint"], float(year), out=a)
        np.multiply(a, v["adoption_steepness"], out=a)
        np.exp(a, out=a)
        a += 1.0
        np.reciprocal(a, out=a)
    np.multiply(v["_log_price"], max(year - PRICE_BASE_YEAR, 0.0), out=b)
    np.exp(b, out=b)
    b *= v["vendor_share"]  # vendor_share x price
    np.add(b, v["_one_minus_vendor"], out=c)  # kept: remaining = (1 - cost_reduction) x kept
    if metric == "savings_share":  # work x (1 - remaining) x (1 - elasticity)
        c *= v["_one_minus_cost"]
        np.subtract(1.0, c, out=c)
        c *= a
        c *= v["_work_kept"]
        return c
    np.divide(b, c, out=b)  # vendor part of AI-made spend
    c *= v["_one_minus_cost"]  # remaining
    c *= v["_one_minus_e"]  # remaining + elasticity x (1 - remaining) = remaining (1 - e) + e
    c += v["elasticity"]
    c *= b
    c -= v["tool_share"]
    c *= a
    c *= v["_work"]
    return c


@dataclass
class Simulation:
    draws: int
    seed: int
    threshold: float
    fans: pd.DataFrame  # segment, label, metric, year, p5 .. p95 of the segment's headline metric
    summary: pd.DataFrame  # one row per segment in HEADLINE_YEAR


def _buffers(n: int) -> tuple:
    """Work arrays for one thread: three for headline_inplace, two for order_statistics."""
    return tuple(np.empty(n, dtype=np.float32) for _ in range(4)) + (np.empty(n, dtype=np.int32),)


def _simulate_segment(seg: Segment, samples: dict, years, threshold: float, buffers: tuple) -> tuple[list, dict]:
    v = _prepare(seg, samples)
    a, b, c, *scratch = buffers
    fans, kept = [], {}
    for year in years:
        metric = headline_inplace(v, year, seg.headline, a, b, c)
        fans.append([seg.id, seg.label, seg.headline, year, *order_statistics(metric, scratch=scratch)])
        if year == HEADLINE_YEAR:
            kept[seg.headline] = metric.copy()
    wanted = ("savings_share", "tool_market_change_share") if seg.headline != "savings_share" else ("savings_share",)
    for name in wanted:  # the software market's sign only matters for the software segment
        if name not in kept:
            kept[name] = headline_inplace(v, HEADLINE_YEAR, name, a, b, c).copy()
    share, metric = kept["savings_share"], kept[seg.headline]
    change = kept.get("tool_market_change_share")
    revenue = v["size"] * (1.0 + v["growth"]) ** float(HEADLINE_YEAR - seg.base_year)
    last = fans[-1][4:] if years[-1] == HEADLINE_YEAR else order_statistics(metric)
    summary = {
        "segment": seg.id,
        "label": seg.label,
        "metric": seg.headline,
        "mean": float(metric.mean()),
        **dict(zip((f"p{q}" for q in PERCENTILES), last)),
        "p_disrupted": float(np.mean(share >= threshold)),
        "p_tool_market_shrinks": float(np.mean(change < 0)) if change is not None else np.nan,
        "cost_saved_mean": float(np.mean(share * revenue)),
        "p_disrupted_mature": float(
            np.mean(headline_inplace(v, HEADLINE_YEAR, "savings_share", a, b, c, mature=True) >= threshold)
        ),
    }
    return fans, summary


def simulate(
    draws: int, seed: int, threshold: float = 0.05, years=tuple(range(ADOPTION_START, HEADLINE_YEAR + 1))
) -> Simulation:
    """Monte Carlo over every assumption at once (vectorised over draws; segments run on two threads)."""
    samples = draw(draws, seed)

    def group(segments):  # one thread's share of the segments, reusing one set of work arrays
        buffers = _buffers(draws)
        return [(seg.id, _simulate_segment(seg, samples, years, threshold, buffers)) for seg in segments]

    with ThreadPoolExecutor(2) as pool:
        found = dict(pair for part in pool.map(group, (SEGMENTS[0::2], SEGMENTS[1::2])) for pair in part)
    done = [found[seg.id] for seg in SEGMENTS]
    columns = ["segment", "label", "metric", "year", *(f"p{q}" for q in PERCENTILES)]
    fans = pd.DataFrame([row for rows, _ in done for row in rows], columns=columns)
    return Simulation(draws, seed, threshold, fans, pd.DataFrame([summary for _, summary in done]))


# ------------------------------------------------------------------------------------ sensitivity


def _metric(
    seg: Segment, scenario: str, change: dict, year: int, mature: bool = False, metric: str | None = None
) -> float:
    return float(evaluate(seg, segment_values(seg, scenario, change), year, mature)[metric or seg.headline])


def tornado(scenario: str = "base", year: int = HEADLINE_YEAR) -> pd.DataFrame:
    """One-at-a-time swings of every assumption between its low and high, on each segment's headline metric."""
    rows = []
    for seg in SEGMENTS:
        at_base = _metric(seg, scenario, {}, year)
        for name in PARAMETERS + tuple(_size_names(seg)):
            src = source(seg, name)
            if not isinstance(src, Assumption):
                continue
            at_low = _metric(seg, scenario, {src.id: src.value("low")}, year)
            at_high = _metric(seg, scenario, {src.id: src.value("high")}, year)
            rows.append(
                {
                    "segment": seg.id,
                    "label": seg.label,
                    "metric": seg.headline,
                    "assumption": src.id,
                    "parameter": name,
                    "low": src.value("low"),
                    "high": src.value("high"),
                    "at_low": at_low,
                    "at_high": at_high,
                    "at_base": at_base,
                    "swing": abs(at_high - at_low),
                }
            )
    frame = pd.DataFrame(rows)
    return frame.sort_values(["segment", "swing"], ascending=[True, False]).reset_index(drop=True)


# ------------------------------------------------------------------------------------ break-even


def bisect(f: Callable[[float], float], lo: float, hi: float, tol: float = 1e-12, iterations: int = 200):
    """A root of f in [lo, hi] by bisection, or None when f has the same sign at both ends."""
    a, b = np.float64(lo), np.float64(hi)
    fa, fb = f(a), f(b)
    if fa == 0 or fb == 0:
        return float(a if fa == 0 else b)
    if np.sign(fa) == np.sign(fb):
        return None
    for _ in range(iterations):
        m = 0.5 * (a + b)
        fm = f(m)
        if fm == 0 or 0.5 * (b - a) < tol:
            return float(m)
        if np.sign(fm) == np.sign(fa):
            a, fa = m, fm
        else:
            b = m
    return float(0.5 * (a + b))


def break_even(
    scenario: str = "base", threshold: float = 0.05, mature: bool = True, year: int = HEADLINE_YEAR
) -> pd.DataFrame:
    """For each claim, segment and parameter: the value at which the claim stops holding.

    A 'not disrupted' claim fails once savings reach `threshold` of revenue; the software claim
    fails once the tool market (incumbents plus AI vendors) stops shrinking. Other parameters stay
    at the scenario's values; mature = every substitutable task done with AI (the article's premise).
    """
    rows = []
    for claim in CLAIMS:
        metric, target = ("savings_share", threshold) if claim.kind == "not_disrupted" else ("tool_market_change", 0.0)
        for seg_id in claim.segments:
            seg = SEGMENT[seg_id]
            for name in claim.parameters:
                src = source(seg, name)
                if not isinstance(src, Assumption):
                    continue
                key = f"{seg.id}.{name}"

                def gap(x, key=key, seg=seg, metric=metric, target=target):
                    return _metric(seg, scenario, {key: x}, year, mature, metric) - target

                lo, hi = DOMAIN.get(name, (0.0, 1.0))
                root = bisect(gap, lo, hi)
                assumed, low, high = src.value(scenario), src.value("low"), src.value("high")
                rows.append(
                    {
                        "claim": claim.id,
                        "claim_text": claim.text,
                        "segment": seg.id,
                        "label": seg.label,
                        "parameter": name,
                        "assumption": src.id,
                        "basis": "full adoption" if mature else str(year),
                        "assumed": assumed,
                        "low": low,
                        "high": high,
                        "break_even": root,
                        "fails": None if root is None else ("above" if gap(hi) >= 0 else "below"),
                        "holds": gap(assumed) < 0,
                        "verdict": _verdict(gap, assumed, low, high),
                    }
                )
    return pd.DataFrame(rows)


def _verdict(gap: Callable[[float], float], assumed: float, low: float, high: float) -> str:
    """How a claim fares at the assumed value and across the plausible range (gap < 0: it holds)."""
    if gap(assumed) >= 0:
        return "fails at the assumed value"
    if gap(low) < 0 and gap(high) < 0:  # the metric is monotone in each parameter, so the ends decide
        return "holds across the plausible range"
    return "holds at the assumed value, not across the plausible range"


# ------------------------------------------------------------------------------------ calibration

NOT_NESTED = ("film_global", "longvideo_china", "shortvideo_china", "ads_global", "post_software", "games_art")
VENDOR_FIGURES = ("F095", "F105", "F107")  # Kling FY2025 (USD), Runway ARR mid-2025, Synthesia ARR Apr 2025


def calibration(scenario: str = "base", year: int = 2025) -> pd.DataFrame:
    """The model's AI-vendor pool in `year` beside the vendor revenues sourced for 2025 (USD bn)."""
    frame = project(scenario)
    model = frame[(frame.year == year) & frame.segment.isin(NOT_NESTED)]
    rows = [
        {"item": f"Model: {r.label}", "usd_bn": r.vendor_pool, "source": "model, " + scenario}
        for r in model.itertuples()
    ]
    rows.append(
        {"item": "Model: total of segments that do not nest", "usd_bn": model.vendor_pool.sum(), "source": "model"}
    )
    ev = evidence.load()
    for id_ in VENDOR_FIGURES:
        fig = ev.figure(id_)
        rows.append(
            {
                "item": f"Sourced: {fig.entity}, {fig.metric} {fig.period}",
                "usd_bn": usd_bn(fig.value, fig.currency),
                "source": id_,
            }
        )
    rows.append(
        {
            "item": "Sourced: these three vendors together",
            "usd_bn": sum(usd_bn(ev.figure(i).value, ev.figure(i).currency) for i in VENDOR_FIGURES),
            "source": ", ".join(VENDOR_FIGURES),
        }
    )
    return pd.DataFrame(rows)


# ------------------------------------------------------------------------------------ what-if

WHATIF_SEGMENTS = tuple(s.id for s in SEGMENTS if s.headline == "savings_share")
WHATIF_LEVERS = ("substitution", "cost_reduction", "adoption_midpoint")


def whatif(
    substitution: float,
    cost_reduction: float,
    adoption_midpoint: float,
    scenario: str = "base",
    year: int = HEADLINE_YEAR,
) -> pd.DataFrame:
    """Savings share per segment when the three levers take the same value in every segment."""
    change = {
        "*.substitution": substitution,
        "*.cost_reduction": cost_reduction,
        "*.adoption_midpoint": adoption_midpoint,
    }
    rows = [
        {
            "segment": seg_id,
            "label": LABEL[seg_id],
            "savings_share": _metric(SEGMENT[seg_id], scenario, change, year, metric="savings_share"),
        }
        for seg_id in WHATIF_SEGMENTS
    ]
    return pd.DataFrame(rows)


def whatif_inputs(scenario: str = "base", year: int = HEADLINE_YEAR) -> tuple[pd.DataFrame, dict]:
    """What the browser needs to recompute savings shares, and the levers' starting values.

    The starting values are the scenario's averages over the segments, rounded to the sliders' steps.
    """
    all_values = values(scenario)
    rows = []
    for seg_id in WHATIF_SEGMENTS:
        v = all_values[seg_id]
        rows.append(
            {
                "segment": seg_id,
                "label": LABEL[seg_id],
                "year": year,
                "production_share": v["production_share"],
                "elasticity": v["elasticity"],
                "vendor_share": v["vendor_share"],
                "steepness": v["adoption_steepness"],
                "price": float(price_index(year, v["price_decline"])),
            }
        )
    start = {name: float(np.mean([all_values[s][name] for s in WHATIF_SEGMENTS])) for name in WHATIF_LEVERS}
    start = {
        "substitution": round(start["substitution"], 2),
        "cost_reduction": round(start["cost_reduction"], 2),
        "adoption_midpoint": round(start["adoption_midpoint"] * 2) / 2,
    }
    return pd.DataFrame(rows), start
