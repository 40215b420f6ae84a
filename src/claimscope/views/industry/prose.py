"""The industry chapter's findings in sentences, each number taken from the model (labelled analysis)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from claimscope.analysis.market import Market, model
from claimscope.analysis.market.montecarlo import Simulation
from claimscope.views.industry.tables import history_table
from claimscope.views.industry.words import formula, join, name, pct, usd

FORMULA_WORDS = (
    "savings / revenue = production share × AI-substitutable share × adoption × cost reduction (after vendor "
    "prices) × (1 − re-spent share)"
)


def segment_notes(m: Market, scenario: str, threshold: float) -> list[tuple[str, str]]:
    """One (finding, reasoning) pair per segment, every number taken from the model."""
    h, year = model.headline(m, scenario, threshold).set_index("segment"), m.headline_year
    out = []
    for seg in m.segments:
        r, v = h.loc[seg.id], model.segment_values(m, seg, scenario)
        if seg.role == "tools":
            out.append(_tools_note(m, seg, r, v))
            continue
        src = m.source(seg, "production_share")
        sourced = not isinstance(src, float) and src.formula(scenario)
        where = (
            "structural" if isinstance(src, float) else f"{formula(sourced)} (sourced)" if sourced else "an assumption"
        )
        share = (
            "all of its revenue is production work"
            if isinstance(src, float)
            else f"production is {pct(v['production_share'])} of {seg.measure}"
        )
        text = (
            f"{seg.label}: {share}; AI could do {pct(v['substitution'])} of it at {pct(v['cost_reduction'])} lower "
            f"cost, and {pct(r.adoption)} of that work uses AI by {year}. Net of the {pct(v['elasticity'], 0)} "
            f"re-spent on more content, savings are {pct(r.savings_share)} of revenue (threshold {pct(threshold)}): "
            f"{'disrupted' if r.disrupted else 'not disrupted'}; {pct(r.savings_share_mature)} at full adoption. "
            f"As a share of production spend alone the saving is {pct(r.savings_production_share)}."
        )
        why = (
            f"{FORMULA_WORDS}. Production share: {where}; other values are the {scenario} scenario's assumptions "
            "in the scenario table."
        )
        out.append((text, why))
    return out


def _tools_note(m: Market, seg, r, v) -> tuple[str, str]:
    year = m.headline_year
    text = (
        f"{seg.label}: incumbent tools earn {usd(r.revenue)} in {year} without AI video; AI video replaces "
        f"{pct(v['substitution'])} of their use at full adoption, {pct(r.adoption)} of that by {year}. Incumbents "
        f"lose {usd(r.tools_at_risk)}, AI vendors gain {usd(r.vendor_pool)}, so the tool market ends "
        f"{pct(r.tool_market_change_share)} {'below' if r.tool_market_change < 0 else 'above'} that counterfactual."
    )
    why = (
        f"The AI route costs {pct(v['cost_reduction'])} less and vendor prices fall {pct(v['price_decline'])} a year; "
        f"{v['elasticity']:.2f} of every unit saved comes back as new AI-tool spend (re-spent share). "
        f"Size: {formula(seg.size)}."
    )
    return text, why


def sizes_note(m: Market) -> tuple[str, str]:
    years = {s.id: s.base_year for s in m.segments}
    oldest = min(years, key=years.get)
    tiers = history_table(m).frame.Tier.value_counts()
    return (
        f"Segment sizes are sourced for base years {min(years.values())}–{max(years.values())}; the oldest is "
        f"{m.label(oldest)} ({years[oldest]}), so its growth assumption carries {m.headline_year - years[oldest]} "
        f"years to {m.headline_year}. Of the {int(tiers.sum())} figures behind the sizes, "
        f"{int(tiers.get('primary', 0))} are primary, {int(tiers.get('secondary', 0))} secondary and "
        f"{int(tiers.get('tertiary', 0))} tertiary.",
        "Sizes mix definitions (box office, platform revenue, media spend, market-research estimates) and some "
        "segments nest inside others, so segments are compared through ratios to their own revenue; the one sum "
        "of amounts (the calibration against vendor revenue) leaves nested segments out.",
    )


def production_note(m: Market, scenario: str) -> tuple[str, str]:
    vals = model.values(m, scenario)
    content = [s for s in m.segments if s.role == "content"]
    shares = {s.id: vals[s.id]["production_share"] for s in content}
    lo, hi = min(shares, key=shares.get), max(shares, key=shares.get)
    sourced = [
        s.label for s in content if getattr(m.source(s, "production_share"), "formula", lambda w: None)(scenario)
    ]
    return (
        f"In the {scenario} scenario production is between {pct(shares[lo])} ({m.label(lo)}) and "
        f"{pct(shares[hi])} ({m.label(hi)}) of segment revenue, so at most that share of revenue can be "
        "saved even if AI did all production for free. "
        + (
            f"The value is derived from sourced figures for {join(sourced)}; elsewhere it is an assumption."
            if sourced
            else "In this scenario every segment's value is an assumption."
        ),
        m.spec.notes.get("production", "Production share bounds what cheaper production can save."),
    )


def tornado_note(frame: pd.DataFrame) -> tuple[str, str]:
    top = frame.sort_values("swing", ascending=False).groupby("segment", sort=False).head(2)
    counts = top.parameter.map(name).value_counts()
    idle = sorted({name(p) for p, g in frame.groupby("parameter") if (g.swing < 1e-12).all()})
    return (
        f"The two largest swings per segment come from {join([f'{k} ({v} segments)' for k, v in counts.items()])}"
        + (f"; {join(idle)} do not move the headline metric at all." if idle else "."),
        "One-at-a-time swings between each assumption's low and high with every other assumption at the "
        "scenario's value; they show which assumptions deserve evidence first, not joint uncertainty (that is "
        "the Monte Carlo's job).",
    )


def verdicts(m: Market, scenario: str, threshold: float, sim: Simulation, be: pd.DataFrame) -> list[tuple[str, str]]:
    """Per claim of the article: does it hold, how likely, and what would have to be true for it to fail."""
    h = model.headline(m, scenario, threshold).set_index("segment")
    s = sim.summary.set_index("segment")
    out = []
    for claim in m.spec.claims:
        rows = be[be.claim == claim.id]
        if claim.kind == "not_disrupted":
            out.append(_not_disrupted(m, claim, h, s, rows, scenario, threshold, sim))
        else:
            out.append(_shrinks(m, claim, h, s, rows, scenario))
    return out


def _not_disrupted(m, claim, h, s, rows, scenario, threshold, sim) -> tuple[str, str]:
    segs, year = claim.segments, m.headline_year
    holds = all(not h.loc[x].disrupted for x in segs)
    text = (
        f"“{claim.text}” (P{claim.paragraph}) {'holds' if holds else 'does not hold'} in the {scenario} scenario: "
        "savings reach "
        + join([f"{pct(h.loc[x].savings_share)} ({m.label(x)})" for x in segs])
        + f" of revenue by {year} and "
        + join([pct(h.loc[x].savings_share_mature) for x in segs])
        + f" at full adoption, against a threshold of {pct(threshold)}. Across {sim.draws:,} Monte Carlo draws "
        f"around the base values the chance of crossing it by {year} is "
        + join([pct(s.loc[x].p_disrupted) for x in segs])
        + ", and "
        + join([pct(s.loc[x].p_disrupted_mature) for x in segs])
        + " at full adoption. As a share of production spend alone the saving is "
        + join([pct(h.loc[x].savings_production_share) for x in segs])
        + f" by {year}: the claim is about the industry, so the test divides by its whole revenue."
    )
    sub = rows[rows.parameter == "substitution"]
    limits = [
        f"more than {pct(r.break_even, 0)} of production ({r.label}; assumed {pct(r.assumed, 0)}, "
        f"plausible {pct(r.low, 0)}–{pct(r.high, 0)})"
        for r in sub.itertuples()
        if r.break_even is not None and np.isfinite(r.break_even)
    ]
    never = [r.label for r in sub.itertuples() if r.break_even is None or not np.isfinite(r.break_even)]
    parts = ([f"the claim fails once AI substitutes {join(limits)}"] if limits else []) + (
        [f"for {join(never)} even substituting all production keeps savings below the threshold"] if never else []
    )
    fragile = rows[rows.verdict != "holds across the plausible range"]
    why = (
        f"What must be true: at full adoption and the {scenario} scenario's other values, "
        + "; ".join(parts)
        + ". "
        + (
            "Assumptions whose plausible range reaches failure: "
            + join(sorted({f"{name(r.parameter)} ({r.label})" for r in fragile.itertuples()}))
            + "."
            if len(fragile)
            else "No single assumption moved across its plausible range makes it fail."
        )
    )
    return text, why


def _shrinks(m, claim, h, s, rows, scenario) -> tuple[str, str]:
    seg, year = m.segment(claim.segments[0]), m.headline_year
    r, e = h.loc[seg.id], rows.iloc[0]
    start = model.project(m, scenario).query("segment == @seg.id").iloc[0]
    after = r.revenue + r.tool_market_change
    text = (
        f"“{claim.text}” (P{claim.paragraph}) {'holds' if r.tool_market_change < 0 else 'does not hold'} in the "
        f"{scenario} scenario, and only against a counterfactual: without AI video the tool market would grow "
        f"from {usd(start.revenue)} ({seg.base_year}) to {usd(r.revenue)} by {year}; with it, incumbents "
        f"lose {usd(r.tools_at_risk)} and AI vendors gain {usd(r.vendor_pool)}, so it reaches "
        f"{usd(after)}, {pct(r.tool_market_change_share)} against the counterfactual and "
        f"{'more' if after > start.revenue else 'less'} than in {seg.base_year} in absolute terms. The chance "
        f"it ends below the counterfactual across the Monte Carlo is {pct(s.loc[seg.id].p_tool_market_shrinks)}."
    )
    why = (
        f"The sign turns on one assumption: the claim fails once cheaper AI tools draw in {e.break_even:.2f} or "
        f"more of new spend per unit they save buyers (assumed {e.assumed:.2f}, plausible {e.low:.2f}–"
        f"{e.high:.2f}), whatever the substitution, cost and price path. The Monte Carlo probability is "
        "therefore only the probability the re-spend assumption puts below that value. " + m.fill(claim.evidence)
    ).strip()
    return text, why


def thesis_summary(m: Market, scenario: str, threshold: float, sim: Simulation) -> tuple[str, str]:
    """Where the article's business thesis holds and where it does not, in one judgement."""
    h, year = model.headline(m, scenario, threshold).set_index("segment"), m.headline_year
    s = sim.summary.set_index("segment")
    content = [x.id for x in m.segments if x.role == "content"]
    crossed = [x for x in content if h.loc[x].disrupted]
    held = [x for x in content if x not in crossed]

    def share(x):
        return f"{m.label(x)} ({pct(h.loc[x].savings_share)})"

    if not crossed:
        top = max(content, key=lambda x: h.loc[x].savings_share)
        first = (
            f"The article's core point survives the numbers for the content businesses: in the {scenario} "
            f"scenario no content segment saves {pct(threshold)} of its revenue by {year}; the largest saving is "
            f"{share(top)}."
        )
    else:
        first = (
            f"In the {scenario} scenario the article's core point fails for {join([share(x) for x in crossed])}, "
            f"which save at least {pct(threshold)} of revenue by {year}"
            + (f"; it survives for {join([m.label(x) for x in held])}." if held else ".")
        )
    likely = [x for x in content if s.loc[x].p_disrupted_mature >= 0.2]
    second = (
        " At full adoption, "
        + join([f"{m.label(x)} (in {pct(s.loc[x].p_disrupted_mature)} of draws)" for x in likely])
        + " cross the threshold in a fifth or more of the Monte Carlo draws."
        if likely
        else " Even at full adoption no content segment crosses the threshold in a fifth of the Monte Carlo draws."
    )
    return first + second + _services_sentence(m, h, s, threshold) + _tools_sentence(m, h, scenario), (
        "Judged on savings as a share of segment revenue, the article's own test of disruption; the outputs table "
        "also shows savings as a share of production spend. The model cannot see what the article calls the real "
        "bottlenecks (traffic, stars, release slots, capital); it only shows whether production cost is a large "
        "enough part of a segment's revenue for cheaper production to reshape it."
    )


def _services_sentence(m: Market, h, s, threshold: float) -> str:
    out = ""
    for seg in (x for x in m.segments if x.role == "services"):
        r = h.loc[seg.id]
        out += (
            f" {seg.label} {'is' if r.disrupted else 'is not'} disrupted in this scenario: it saves "
            f"{pct(r.savings_share)} of revenue by {m.headline_year}, and reaches {pct(threshold)} in "
            f"{pct(s.loc[seg.id].p_disrupted)} of the Monte Carlo draws"
            + (f", {m.spec.notes['services']}" if "services" in m.spec.notes else ".")
        )
    return out


def _tools_sentence(m: Market, h, scenario: str) -> str:
    out, frame = "", model.project(m, scenario)
    for seg in (x for x in m.segments if x.role == "tools"):
        r, start = h.loc[seg.id], frame[frame.segment == seg.id].iloc[0]
        after = r.revenue + r.tool_market_change
        out += (
            f" {seg.label}: without AI video it goes from {usd(start.revenue)} ({seg.base_year}) to "
            f"{usd(r.revenue)} ({m.headline_year}); with it, to {usd(after)}, {pct(r.tool_market_change_share)} "
            f"against that counterfactual and {'above' if after > start.revenue else 'below'} its {seg.base_year} "
            "size. Whether it ends below the counterfactual turns on one assumption, how much of what buyers save "
            "comes back as new AI-tool spend, not on a result of the model."
        )
    return out


def calibration_note(m: Market, scenario: str) -> tuple[str, str]:
    c = model.calibration(m, scenario)
    modelled = float(c.loc[c.source == "model", "usd_bn"].iloc[0])
    sourced = float(c.usd_bn.iloc[-1])
    ratio = modelled / sourced
    verdict = (
        "of the right order"
        if 1 <= ratio <= 5
        else "too slow: the sourced vendors alone earn more"
        if ratio < 1
        else "possibly too fast"
    )
    count = len(m.spec.calibration.vendor_figures)
    return (
        f"In {m.spec.calibration.year} the model pays AI-video vendors {usd(modelled)} across segments that do "
        f"not nest ({scenario}); {count} vendors with sourced revenue earned at least {usd(sourced)}. The "
        f"model is {ratio:.1f} times the sourced lower bound: its adoption pace looks {verdict}.",
        m.spec.calibration.note,
    )
