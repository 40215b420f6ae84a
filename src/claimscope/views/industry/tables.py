"""The industry chapter's tables: sizes, sourced history, assumptions, outputs, scenarios, Monte Carlo, break-even."""

from __future__ import annotations

import numpy as np
import pandas as pd

from claimscope.analysis import evidence
from claimscope.analysis.market import Market, assumptions, model, sensitivity
from claimscope.analysis.market.assumptions import FIELDS, SCENARIOS
from claimscope.analysis.market.montecarlo import Simulation
from claimscope.analysis.market.spec import ROLE_REASON
from claimscope.views import fmt
from claimscope.views.industry.words import METRIC_NAMES, formula, in_unit, name, pct, usd
from claimscope.views.links import Index
from claimscope.views.tables import Table

TESTS = {
    "not_disrupted": "savings / revenue stays below the disruption threshold",
    "shrinks": "incumbent tool revenue lost exceeds what AI-video vendors gain",
}


def sizes_table(m: Market, scenario: str) -> pd.DataFrame:
    """Each segment's sourced size in its base year, in its currency and in USD."""
    rows = []
    for seg in m.segments:
        v = model.segment_values(m, seg, scenario)
        rows.append(
            {
                "Segment": seg.label,
                "Measure": seg.measure,
                "Base year": fmt.year(seg.base_year),
                "Formula (figure ids)": formula(seg.size),
                "Size": fmt.money(assumptions.evaluate(seg.size, v), seg.currency),
                "Currency": seg.currency,
                "Size in US$": usd(v["size"]),
            }
        )
    return pd.DataFrame(rows)


def history_table(m: Market, ix: Index | None = None) -> Table:
    """The sourced series behind each segment's size, each source linked to its entry."""
    ev, rows = evidence.load(), []
    for seg in m.segments:
        for metric, entity in seg.history:
            for rec in ev.series(metric, entity).itertuples():
                fig = ev.figure(rec.id)
                rows.append(
                    {
                        "Segment": seg.label,
                        "Figure": fig.id,
                        "Metric": fig.metric_words,
                        "Entity": fig.entity,
                        "Period": fig.period,
                        "Value": fmt.quantity(fig.value, fig.unit, fig.currency),
                        "Source": fig.source_id,
                        "Tier": ev.sources[fig.source_id].tier,
                        "Note": fig.note or "",
                    }
                )
    frame = pd.DataFrame(
        rows, columns=["Segment", "Figure", "Metric", "Entity", "Period", "Value", "Source", "Tier", "Note"]
    )
    return Table(frame, links={"Source": ix.column("source")} if ix else {}, wide=True)


def assumption_table(m: Market, parameters: tuple[str, ...] | None = None, reasoning: bool = True) -> pd.DataFrame:
    """Assumptions (and structural values) with their value per scenario, range, source and reasoning.

    Without reasoning the table is the compact reference: it adds the id and the Monte Carlo distribution.
    """
    order = {s.id: i for i, s in enumerate(m.segments)} | {"all": -1}
    rows = []
    for a in sorted(m.assumptions.values(), key=lambda a: (order[a.segment], a.parameter)):
        if parameters and a.parameter not in parameters:
            continue
        formulas = [f"{w}: {formula(a.formula(w))}" for w in FIELDS if a.formula(w)]
        rows.append(
            {
                "Assumption": f"{'All segments' if a.segment == 'all' else m.label(a.segment)} · {name(a.parameter)}",
                "Id": a.id,
                **{w.capitalize(): in_unit(a.value(w), a.unit) for w in SCENARIOS},
                "Range": f"{in_unit(a.value('low'), a.unit)} – {in_unit(a.value('high'), a.unit)}",
                "Distribution": a.distribution,
                "Source": "; ".join(formulas + [", ".join(a.figures + a.events)]).strip("; ")
                or "assumption (see reasoning)",
                "Reasoning": a.reasoning,
            }
        )
    for seg in m.segments:
        for parameter, value in seg.fixed.items():
            if not parameters or parameter in parameters:
                rows.append(
                    {
                        "Assumption": f"{seg.label} · {name(parameter)}",
                        "Id": f"{seg.id}.{parameter}",
                        **{w.capitalize(): in_unit(value, "share") for w in SCENARIOS},
                        "Range": "fixed",
                        "Distribution": "none",
                        "Source": "structural: a definition, not an assumption",
                        "Reasoning": ROLE_REASON[seg.role],
                    }
                )
    frame = pd.DataFrame(rows).drop(columns=["Id"])  # readers see the assumption's name, not its key
    return frame.drop(columns=["Distribution"]) if reasoning else frame.drop(columns=["Reasoning"])


def outputs_table(m: Market, scenario: str, threshold: float) -> pd.DataFrame:
    """Every output per segment in the headline year (in US$), with the disruption test."""
    h, year = model.headline(m, scenario, threshold), m.headline_year
    verdict = np.where(
        h.role == "tools",
        np.where(h.tool_market_change < 0, "tool market shrinks", "tool market grows"),
        np.where(h.disrupted, "disrupted", "not disrupted"),
    )
    return pd.DataFrame(
        {
            "Segment": h.label,
            "Revenue": h.revenue.map(usd),
            "Production": h.production.map(usd),
            "AI-made work": h.ai_work.map(usd),
            "Cost saved": h.cost_saved.map(usd),
            "Re-spent": h.respent.map(usd),
            "AI-vendor pool": h.vendor_pool.map(usd),
            "Incumbent tools at risk": h.tools_at_risk.map(usd),
            "Tool market change": h.tool_market_change.map(usd),
            f"Savings / revenue {year}": h.savings_share.map(pct),
            f"Savings / production {year}": h.savings_production_share.map(pct),
            "Savings / revenue at full adoption": h.savings_share_mature.map(pct),
            "Verdict": verdict,
        }
    )


def scenario_table(m: Market, threshold: float) -> pd.DataFrame:
    """Each segment's headline metric under each scenario, in the headline year and at full adoption."""
    frames = {s: model.headline(m, s, threshold).set_index("segment") for s in SCENARIOS}
    metric = pd.Series({seg.id: seg.headline for seg in m.segments})
    out = pd.DataFrame({"Segment": [m.label(s) for s in metric.index], "Metric": metric.map(METRIC_NAMES).values})
    for suffix, title in (("", str(m.headline_year)), ("_mature", "full adoption")):
        for s in SCENARIOS:
            out[f"{s.capitalize()} {title}"] = [pct(frames[s].loc[seg, k + suffix]) for seg, k in metric.items()]
    return out


def simulation_table(m: Market, sim: Simulation) -> pd.DataFrame:
    s, year = sim.summary, m.headline_year
    tools = s.segment.map(lambda x: m.segment(x).role == "tools")
    return pd.DataFrame(
        {
            "Segment": s.label,
            "Metric": s.metric.map(METRIC_NAMES),
            "5th pct": s.p5.map(pct),
            "Median": s.p50.map(pct),
            "95th pct": s.p95.map(pct),
            f"P(≥ {pct(sim.threshold)} by {year})": np.where(tools, "—", s.p_disrupted.map(pct)),
            f"P(≥ {pct(sim.threshold)} at full adoption)": np.where(tools, "—", s.p_disrupted_mature.map(pct)),
            "P(tool market shrinks)": np.where(tools, s.p_tool_market_shrinks.map(pct), "—"),
        }
    )


def break_even_frame(m: Market, scenario: str, threshold: float) -> pd.DataFrame:
    """Break-even values at full adoption and in the headline year side by side."""
    mature = sensitivity.break_even(m, scenario, threshold, mature=True)
    dated = sensitivity.break_even(m, scenario, threshold, mature=False)
    return mature.assign(break_even_dated=dated.break_even.values, holds_dated=dated.holds.values)


def break_even_table(m: Market, frame: pd.DataFrame) -> pd.DataFrame:
    unit = frame.parameter.map(lambda p: "ratio" if p == "elasticity" else "share")

    def show(col):
        return [
            in_unit(x, u) if x is not None and np.isfinite(x) else "none in range" for x, u in zip(frame[col], unit)
        ]

    return pd.DataFrame(
        {
            "Claim": frame.claim_text,
            "Segment": frame.label,
            "Parameter": frame.parameter.map(name),
            "Assumed": show("assumed"),
            "Plausible range": [
                f"{in_unit(lo, u)} – {in_unit(hi, u)}" for lo, hi, u in zip(frame.low, frame.high, unit)
            ],
            "Claim fails": frame.fails.map({"above": "above", "below": "below", None: "—"}).fillna("—"),
            "Break-even, full adoption": show("break_even"),
            f"Break-even, {m.headline_year}": show("break_even_dated"),
            "Verdict": frame.verdict,
        }
    )


def calibration_table(m: Market, scenario: str) -> pd.DataFrame:
    c = model.calibration(m, scenario)
    return pd.DataFrame({"Item": c["item"], "Revenue": c.usd_bn.map(usd), "Source": c.source})


def claims_table(m: Market) -> pd.DataFrame:
    """The article's business claims, the segments that carry each and how the model tests it."""
    return pd.DataFrame(
        [
            {
                "Claim": c.text,
                "Paragraph": f"P{c.paragraph}",
                "Segments": ", ".join(m.label(s) for s in c.segments),
                "Holds if": TESTS[c.kind],
                "Break-even on": ", ".join(name(p) for p in c.parameters),
            }
            for c in m.spec.claims
        ]
    )


OTHER_PARAMETERS = ("elasticity", "vendor_share", "price_decline", "tool_share", "growth")


def size_parameters(m: Market) -> tuple[str, ...]:
    """Assumptions that segments' size formulas use (not figures)."""
    return tuple(sorted({n for seg in m.segments for n in assumptions.size_names(seg)}))
