"""The industry chapter's charts: headline, adoption, Monte Carlo fans, tornado, break-even, what-if."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from claimscope.analysis.market import Market, model
from claimscope.analysis.market.montecarlo import Simulation
from claimscope.views.charts import PALETTE, WIDTH
from claimscope.views.industry.words import METRIC_NAMES, name

BELOW, ABOVE = "below threshold", "at or above threshold"
STATUS_COLORS = alt.Scale(domain=[BELOW, ABOVE], range=[PALETTE[0], PALETTE[1]])
_TOP_HEADER = alt.Header(labelOrient="top", labelAnchor="start", labelAngle=0, labelFontSize=11, labelFontWeight="bold")


def headline_chart(m: Market, frame: pd.DataFrame, threshold: float, scenario: str) -> alt.LayerChart:
    """Savings share of revenue per segment in the headline year (bars), at full adoption (diamonds), threshold."""
    data = frame[frame.role != "tools"][["label", "savings_share", "savings_share_mature"]].assign(
        status=lambda d: np.where(d.savings_share >= threshold, ABOVE, BELOW), threshold=threshold
    )
    y = alt.Y("label:N", title=None, sort=list(data.sort_values("savings_share", ascending=False).label))
    year = m.headline_year
    base = alt.Chart(data, title=f"Savings as a share of segment revenue, {year} ({scenario})")
    bars = base.mark_bar().encode(
        x=alt.X(
            "savings_share:Q",
            title="Production cost saved, net of re-spending, / segment revenue",
            axis=alt.Axis(format="%"),
        ),
        y=y,
        color=alt.Color("status:N", scale=STATUS_COLORS, title=f"Bars: {year}"),
        tooltip=[
            alt.Tooltip("label:N", title="Segment"),
            alt.Tooltip("savings_share:Q", format=".2%", title=str(year)),
            alt.Tooltip("savings_share_mature:Q", format=".2%", title="Full adoption"),
        ],
    )
    mature = (
        base.mark_point(shape="diamond", filled=True, size=70)
        .encode(
            x="savings_share_mature:Q",
            y=y,
            color=alt.value("#333333"),
            shape=alt.Shape("kind:N", title=None, scale=alt.Scale(domain=["full adoption"], range=["diamond"])),
            tooltip=[alt.Tooltip("savings_share_mature:Q", format=".2%", title="Full adoption")],
        )
        .transform_calculate(kind="'full adoption'")
    )
    rule = base.mark_rule(strokeDash=[4, 3], color="#333333").encode(x="mean(threshold):Q")
    return alt.layer(bars, mature, rule).properties(width=WIDTH - 220, height=260)


def adoption_chart(m: Market, scenario: str, last_year: int = 2036) -> alt.Chart:
    """Adoption by year; segments that share a curve are drawn once, labelled with all their names."""
    values = model.values(m, scenario)
    curves: dict[tuple, list[str]] = {}
    for seg in m.segments:
        v = values[seg.id]
        curves.setdefault((v["adoption_midpoint"], v["adoption_steepness"]), []).append(seg.id)
    years = np.arange(m.spec.adoption_start - 1, last_year + 1)
    rows = []
    for ids in curves.values():
        label = "; ".join(m.label(i) for i in ids)
        share = model.adoption(m, years, values[ids[0]])
        rows += [{"segments": label, "year": int(y), "adoption": float(a)} for y, a in zip(years, share)]
    return (
        alt.Chart(pd.DataFrame(rows), title=f"Share of the AI-substitutable work done with AI video ({scenario})")
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("adoption:Q", title="Adoption", axis=alt.Axis(format="%")),
            color=alt.Color(
                "segments:N",
                title=None,
                scale=alt.Scale(scheme="tableau10"),
                legend=alt.Legend(orient="bottom", columns=1, labelLimit=600),
            ),
            tooltip=["segments:N", "year:O", alt.Tooltip("adoption:Q", format=".1%")],
        )
        .properties(width=WIDTH - 60, height=260)
    )


def fan_chart(m: Market, sim: Simulation) -> alt.FacetChart:
    """Percentile bands over years of each segment's headline metric, one panel per segment."""
    data = sim.fans.assign(
        reference=np.where(sim.fans.metric == "savings_share", sim.threshold, 0.0),
        panel=sim.fans.label + " · " + sim.fans.metric.map(METRIC_NAMES),
    )
    ticks = list(range(m.spec.adoption_start, m.headline_year + 1, 2))
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0, values=ticks))
    outer = (
        alt.Chart()
        .mark_area(opacity=0.25, color=PALETTE[0])
        .encode(x=x, y=alt.Y("p5:Q", title=None, axis=alt.Axis(format="%")), y2="p95:Q")
    )
    inner = alt.Chart().mark_area(opacity=0.45, color=PALETTE[0]).encode(x=x, y="p25:Q", y2="p75:Q")
    tooltip = ["year:O", *(alt.Tooltip(f"p{q}:Q", format=".2%") for q in (5, 50, 95))]
    median = alt.Chart().mark_line(color=PALETTE[0]).encode(x=x, y="p50:Q", tooltip=tooltip)
    rule = alt.Chart().mark_rule(strokeDash=[4, 3], color=PALETTE[1]).encode(y="mean(reference):Q")
    return (
        alt.layer(outer, inner, median, rule, data=data)
        .properties(width=170, height=120)
        .facet(
            facet=alt.Facet("panel:N", title=None, header=alt.Header(labelFontSize=10)),
            columns=3,
            title=f"Monte Carlo fans: 5–95 and 25–75 percentile bands and median ({sim.draws:,} draws, seed {sim.seed})",
        )
        .resolve_scale(y="independent")
    )


def tornado_chart(m: Market, frame: pd.DataFrame, top: int = 5) -> alt.FacetChart:
    """Headline metric at each assumption's low and high, the `top` largest swings per segment."""
    chosen = frame.groupby("segment", sort=False).head(top).copy()
    chosen["name"] = chosen.parameter.map(name) + np.where(chosen.assumption.str.startswith("all."), " (shared)", "")
    chosen["panel"] = chosen.label + " · " + chosen.metric.map(METRIC_NAMES)
    panels = [f"{s.label} · {METRIC_NAMES[s.headline]}" for s in m.segments]
    long = pd.concat(
        [chosen.assign(end="at low", value=chosen.at_low), chosen.assign(end="at high", value=chosen.at_high)]
    )
    bars = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title=None, axis=alt.Axis(format="%")),
            x2="at_base:Q",
            y=alt.Y("name:N", title=None, sort=alt.EncodingSortField("swing", order="descending")),
            color=alt.Color(
                "end:N",
                title="Assumption set to",
                scale=alt.Scale(domain=["at low", "at high"], range=[PALETTE[0], PALETTE[1]]),
            ),
            tooltip=["name:N", "end:N", alt.Tooltip("value:Q", format=".2%"), alt.Tooltip("at_base:Q", format=".2%")],
        )
    )
    rule = alt.Chart().mark_rule(color="#333333").encode(x="mean(at_base):Q")
    return (
        alt.layer(bars, rule, data=long)
        .properties(width=WIDTH - 230, height=alt.Step(16))
        .facet(
            row=alt.Row("panel:N", title=None, sort=panels, header=_TOP_HEADER),
            title=f"Sensitivity in {m.headline_year}: each assumption at its low and high, others at the scenario",
        )
        .resolve_scale(y="independent", x="independent")
    )


def break_even_chart(m: Market, frame: pd.DataFrame) -> alt.FacetChart:
    """Plausible range, assumed value and break-even of every claim's parameters (full adoption)."""
    data = frame.assign(name=frame.label + " · " + frame.parameter.map(name), break_even=frame.break_even.astype(float))
    y = alt.Y("name:N", title=None, axis=alt.Axis(labelLimit=300))
    span = (
        alt.Chart()
        .mark_rule(strokeWidth=6, opacity=0.35, color=PALETTE[5])
        .encode(x=alt.X("low:Q", title="Parameter value"), x2="high:Q", y=y, tooltip=["name:N", "low:Q", "high:Q"])
    )
    assumed = (
        alt.Chart()
        .mark_point(filled=True, size=60, color=PALETTE[0])
        .encode(x="assumed:Q", y=y, tooltip=["name:N", alt.Tooltip("assumed:Q", format=".3f")])
    )
    limit = (
        alt.Chart()
        .transform_filter("isValid(datum.break_even)")
        .mark_point(shape="diamond", filled=True, size=90, color=PALETTE[1])
        .encode(x="break_even:Q", y=y, tooltip=["name:N", alt.Tooltip("break_even:Q", format=".3f"), "verdict:N"])
    )
    return (
        alt.layer(span, assumed, limit, data=data)
        .properties(width=WIDTH - 250, height=alt.Step(18))
        .facet(
            row=alt.Row("claim_text:N", title=None, sort=[c.text for c in m.spec.claims], header=_TOP_HEADER),
            title="Break-even at full adoption: plausible range (grey), assumed (blue), claim fails (diamond)",
        )
        .resolve_scale(y="independent", x="independent")
    )


def whatif_chart(m: Market, scenario: str, threshold: float) -> alt.LayerChart:
    """Savings share per segment recomputed in the reader's browser from sliders (no kernel needed).

    The expression comes from the model's own formulas (model.whatif_expression), and the sliders act on
    each segment's own values, so at their starting position the chart shows the headline numbers.
    """
    data, year = model.whatif_inputs(m, scenario), m.headline_year
    start = model.START
    sliders = [
        alt.param(
            name="substitution_factor",
            value=start["substitution_factor"],
            bind=alt.binding_range(min=0, max=3, step=0.05, name="AI-substitutable share, × each segment's value "),
        ),
        alt.param(
            name="cost_factor",
            value=start["cost_factor"],
            bind=alt.binding_range(min=0, max=2, step=0.05, name="Cost reduction, × each segment's value "),
        ),
        alt.param(
            name="midpoint_shift",
            value=start["midpoint_shift"],
            bind=alt.binding_range(min=-5, max=10, step=1, name="Adoption midpoint, years later (+) or earlier (−) "),
        ),
        alt.param(
            name="threshold",
            value=threshold,
            bind=alt.binding_range(min=0.005, max=0.2, step=0.005, name="Disruption threshold "),
        ),
    ]
    base = alt.Chart(data, title=f"What if? Savings as a share of revenue in {year}, recomputed from the sliders")
    base = base.transform_calculate(
        savings_share=model.whatif_expression(m),
        status=f"datum.savings_share >= threshold ? '{ABOVE}' : '{BELOW}'",
        threshold_value="threshold",
    )
    y = alt.Y("label:N", title=None, sort=[s.label for s in model.whatif_segments(m)])
    bars = base.mark_bar().encode(
        x=alt.X("savings_share:Q", title="Savings / revenue", axis=alt.Axis(format="%")),
        y=y,
        color=alt.Color("status:N", scale=STATUS_COLORS, title=None),
        tooltip=["label:N", alt.Tooltip("savings_share:Q", format=".2%")],
    )
    text = base.mark_text(align="left", dx=4, fontSize=10).encode(
        x="savings_share:Q", y=y, text=alt.Text("savings_share:Q", format=".2%")
    )
    rule = base.mark_rule(strokeDash=[4, 3], color="#333333").encode(x="mean(threshold_value):Q")
    return alt.layer(bars, text, rule).add_params(*sliders).properties(width=WIDTH - 200, height=240)
