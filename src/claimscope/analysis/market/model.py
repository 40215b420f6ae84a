"""The deterministic industry model: per segment and year, what cheaper AI-made production saves.

Per segment (amounts in USD bn, CNY converted with the article's sourced rate):

    revenue       sourced size x (1 + growth) ** (year - base year)
    every output  revenue x its share from formulas.FORMULAS (one definition for Python and the browser)

Every parameter that is not a sourced figure is an assumption (bear / base / bull, a range and a
distribution, with reasoning) in seeds/<article>/assumptions.yaml.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from claimscope import paths
from claimscope.analysis import evidence
from claimscope.analysis.market import assumptions as assumption_records
from claimscope.analysis.market import formulas, spec
from claimscope.analysis.market.assumptions import PARAMETERS, SCENARIOS, Assumption, figure_value, parameters_of
from claimscope.analysis.market.spec import Segment

SHARES = (
    "ai_work",
    "gross_saving",
    "respent",
    "savings_share",
    "savings_production_share",
    "vendor_pool",
    "tools_at_risk",
    "tool_market_change_share",
)
AMOUNTS = {  # output in USD bn: the share of revenue it is
    "ai_work": "ai_work",
    "gross_saving": "gross_saving",
    "respent": "respent",
    "cost_saved": "savings_share",
    "vendor_pool": "vendor_pool",
    "tools_at_risk": "tools_at_risk",
    "tool_market_change": "tool_market_change_share",
}


@dataclass(frozen=True)
class Market:
    """One article's model: its segments and claims (market.yaml) and its assumptions."""

    slug: str
    spec: spec.Spec
    assumptions: dict[str, Assumption]

    @property
    def segments(self) -> list[Segment]:
        return self.spec.segments

    @property
    def headline_year(self) -> int:
        return self.spec.headline_year

    def segment(self, id_: str) -> Segment:
        return next(s for s in self.spec.segments if s.id == id_)

    def label(self, id_: str) -> str:
        return self.segment(id_).label

    def source(self, seg: Segment, name: str) -> Assumption | float:
        """The record (own or shared) or structural value that gives one parameter of one segment."""
        if name in seg.fixed:
            return seg.fixed[name]
        return self.assumptions.get(f"{seg.id}.{name}") or self.assumptions[f"all.{name}"]

    def usd_bn(self, amount, currency: str):
        """An amount in currency units in USD bn, at the article's sourced exchange rate."""
        return amount / (figure_value(self.spec.fx_figure) if currency == "CNY" else 1.0) / 1e9

    def fill(self, text: str) -> str:
        """A note with each {FIGURE_ID} replaced by the figure's value (USD bn for money)."""

        def value(match) -> str:
            fig = evidence.load().figure(match.group(1))
            return f"US${self.usd_bn(fig.value, fig.currency):,.2f} bn" if fig.unit == "money" else f"{fig.value:g}"

        return spec.PLACEHOLDER.sub(value, text)


@functools.lru_cache(maxsize=8)
def load(slug: str) -> Market:
    """The article's model: seeds/<slug>/market.yaml and assumptions.yaml, validated."""
    model_spec = spec.load(slug)
    return Market(slug, model_spec, assumption_records.load(paths.assumptions_file(slug), model_spec))


def segment_values(m: Market, seg: Segment, scenario: str, change: dict | None = None) -> dict:
    """One segment's parameter values and size (USD bn) for a scenario.

    `change` overrides values by assumption id ('all.price_decline'), by segment and parameter
    ('film_china.vendor_share', this segment only) or for every segment ('*.substitution').
    """
    change = change or {}
    v = {}
    for name in parameters_of(seg):
        src = m.source(seg, name)
        v[name] = src if isinstance(src, float) else src.value(scenario)
        for key in (f"*.{name}", getattr(src, "id", None), f"{seg.id}.{name}"):
            if key in change:
                v[name] = change[key]
    v["size"] = m.usd_bn(assumption_records.evaluate(seg.size, v), seg.currency)
    return v


def values(m: Market, scenario: str, change: dict | None = None) -> dict[str, dict]:
    """Parameter values of every segment (see segment_values)."""
    return {seg.id: segment_values(m, seg, scenario, change) for seg in m.segments}


def scope(m: Market, v: dict, year, mature: bool = False) -> dict:
    """What the formulas need for one segment in `year` (scalar or array); adoption 0 before it starts."""
    year = float(year) if np.ndim(year) == 0 else np.asarray(year, dtype=float)
    out = {**v, "year": year, "price_base_year": float(m.spec.price_base_year)}
    if mature:
        out["adopted"] = 1.0
    elif np.ndim(year) == 0 and year < m.spec.adoption_start:
        out["adopted"] = 0.0
    elif np.ndim(year) > 0:
        out["adopted"] = np.where(year >= m.spec.adoption_start, formulas.compute("adopted", out), 0.0)
    return out


def adoption(m: Market, year, v: dict):
    """Share of the substitutable work done with AI video in `year`."""
    return formulas.compute("adopted", scope(m, v, year))


def evaluate(m: Market, seg: Segment, v: dict, year, mature: bool = False) -> dict:
    """Every output of one segment in `year`: shares of revenue and amounts in USD bn."""
    s = scope(m, v, year, mature)
    revenue = v["size"] * (1.0 + v["growth"]) ** (s["year"] - seg.base_year)
    shares = {name: formulas.compute(name, s) for name in SHARES}
    out = {
        "revenue": revenue,
        "production": revenue * v["production_share"],
        "adoption": formulas.compute("adopted", s),
    }
    out |= {name: revenue * shares[share] for name, share in AMOUNTS.items()}
    out["production_after"] = out["production"] - out["cost_saved"]
    out |= {k: shares[k] for k in ("savings_share", "savings_production_share", "tool_market_change_share")}
    return out


def project(m: Market, scenario: str, change: dict | None = None) -> pd.DataFrame:
    """Every output per segment and year, from the segment's sourced base year to the headline year."""
    frames = []
    for seg_id, v in values(m, scenario, change).items():
        seg = m.segment(seg_id)
        years = np.arange(seg.base_year, m.headline_year + 1)
        out = {k: np.broadcast_to(x, years.shape) for k, x in evaluate(m, seg, v, years).items()}
        mature = evaluate(m, seg, v, years, mature=True)
        frames.append(
            pd.DataFrame(
                {
                    "segment": seg_id,
                    "label": seg.label,
                    "role": seg.role,
                    "year": years,
                    "scenario": scenario,
                    **out,
                    "savings_share_mature": mature["savings_share"],
                    "savings_production_share_mature": mature["savings_production_share"],
                    "tool_market_change_share_mature": mature["tool_market_change_share"],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def tested(frame: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """The frame with the article's tests applied: disrupted at `threshold`, tool market below its path."""
    return frame.assign(
        disrupted=frame["savings_share"] >= threshold,
        tool_market_shrinks=frame["tool_market_change"] < 0,
        threshold=threshold,
    )


def headline(m: Market, scenario: str, threshold: float, year: int | None = None) -> pd.DataFrame:
    """One row per segment in `year` (default: the headline year), with full adoption beside it."""
    frame = tested(project(m, scenario), threshold)
    return frame[frame.year == (year or m.headline_year)].reset_index(drop=True)


def exports(m: Market, threshold: float) -> dict[str, pd.DataFrame]:
    """market.csv: every output per segment, year and scenario (amounts in USD bn)."""
    return {"market.csv": tested(pd.concat([project(m, s) for s in SCENARIOS], ignore_index=True), threshold)}


def calibration(m: Market, scenario: str) -> pd.DataFrame:
    """The model's AI-vendor pool in the calibration year beside the vendor revenues sourced for it (USD bn)."""
    cal, frame = m.spec.calibration, project(m, scenario)
    kept = [s.id for s in m.segments if not s.nested]
    model = frame[(frame.year == cal.year) & frame.segment.isin(kept)]
    rows = [
        {"item": f"Model: {r.label}", "usd_bn": r.vendor_pool, "source": f"model, {scenario}"}
        for r in model.itertuples()
    ]
    rows.append(
        {"item": "Model: total of segments that do not nest", "usd_bn": model.vendor_pool.sum(), "source": "model"}
    )
    ev = evidence.load()
    sourced = [ev.figure(i) for i in cal.vendor_figures]
    for fig in sourced:
        item = f"Sourced: {fig.entity}, {fig.metric_words} {fig.period}"
        rows.append({"item": item, "usd_bn": m.usd_bn(fig.value, fig.currency), "source": fig.id})
    total = sum(m.usd_bn(f.value, f.currency) for f in sourced)
    rows.append({"item": "Sourced: these vendors together", "usd_bn": total, "source": ", ".join(cal.vendor_figures)})
    return pd.DataFrame(rows)


# ------------------------------------------------------------------------------------ what-if

START = {"substitution_factor": 1.0, "cost_factor": 1.0, "midpoint_shift": 0.0}


def whatif_segments(m: Market) -> list[Segment]:
    return [s for s in m.segments if s.headline == "savings_share"]


def whatif(m: Market, levers: dict, scenario: str, year: int | None = None) -> pd.DataFrame:
    """Savings share per segment with the levers applied to each segment's own values (formulas.LEVERS)."""
    levers = {**START, **levers}
    year = year or m.headline_year
    rows = []
    for seg in whatif_segments(m):
        v = segment_values(m, seg, scenario)
        moved = {name: formulas.evaluate(text, {**v, **levers}) for name, text in formulas.LEVERS.items()}
        share = formulas.compute("savings_share", scope(m, {**v, **moved}, year))
        rows.append({"segment": seg.id, "label": seg.label, "savings_share": float(share)})
    return pd.DataFrame(rows)


WHATIF_FIELDS = tuple(p for p in PARAMETERS if p in formulas.inputs("savings_share"))  # what the browser needs


def whatif_inputs(m: Market, scenario: str, year: int | None = None) -> pd.DataFrame:
    """What the browser needs to recompute each segment's savings share: its own values and the year."""
    year = year or m.headline_year
    rows = []
    for seg in whatif_segments(m):
        v = segment_values(m, seg, scenario)
        rows.append({"segment": seg.id, "label": seg.label, "year": year, **{k: v[k] for k in WHATIF_FIELDS}})
    return pd.DataFrame(rows)


def whatif_expression(m: Market) -> str:
    """The savings share as the browser computes it from a row of whatif_inputs and the three sliders."""
    mapping = {name: f"datum.{name}" for name in WHATIF_FIELDS + ("year",)}
    mapping |= {name: name for name in START}
    mapping["price_base_year"] = str(m.spec.price_base_year)
    mapping |= {name: f"({formulas.translate(text, mapping)})" for name, text in formulas.LEVERS.items()}
    adopted = formulas.vega("adopted", mapping)
    mapping["adopted"] = f"(datum.year >= {m.spec.adoption_start} ? {adopted} : 0)"
    return formulas.vega("savings_share", mapping)
