"""What the industry chapter shows: charts, formatted tables, verbatim quotes and sentences built from numbers.

The numbers come from claimscope.analysis.market; nothing here computes the model. Every sentence that
states a result is built from the model's output, so it changes when an assumption changes.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from claimscope.analysis import evidence, market
from claimscope.errors import InputError
from claimscope.text import article
from claimscope.views.charts import PALETTE, WIDTH

BELOW, ABOVE = "below threshold", "at or above threshold"
STATUS_COLORS = alt.Scale(domain=[BELOW, ABOVE], range=[PALETTE[0], PALETTE[1]])
NAMES = {
    "growth": "growth a year",
    "production_share": "production share",
    "substitution": "AI-substitutable share",
    "cost_reduction": "cost reduction",
    "adoption_midpoint": "adoption midpoint",
    "adoption_steepness": "adoption steepness",
    "elasticity": "re-spent share of savings",
    "vendor_share": "vendor share of AI-made cost",
    "price_decline": "vendor price fall a year",
    "tool_share": "software share of production",
    "adobe_video_share": "Adobe video share",
}
METRIC_NAMES = {"savings_share": "savings / revenue", "tool_market_change_share": "tool market change / tool revenue"}

# ------------------------------------------------------------------------------------ formatting


def pct(x: float, digits: int = 1) -> str:
    """A share as a percentage, with one more digit for small values."""
    if x is None or not np.isfinite(x):
        return "—"
    return f"{x * 100:.{digits + 1 if abs(x) < 0.01 and x != 0 else digits}f}%"


def bn(x: float) -> str:
    """USD bn with three significant-ish digits."""
    return f"{x:,.3f}" if abs(x) < 1 else f"{x:,.2f}" if abs(x) < 10 else f"{x:,.1f}"


def fmt(value: float, unit: str) -> str:
    """An assumption value in its unit."""
    if unit in ("share", "share per year"):
        return pct(value)
    if unit == "year":
        return f"{value:g}"
    return f"{value:.2f}"


def _formula(text) -> str:
    return str(text).replace("*", "×").replace(" / ", " ÷ ")


# ------------------------------------------------------------------------------------ quotes

QUOTES_ARTICLE = "sora-gpt4-bottleneck"  # the model is built for this article's business thesis (P31-P49)
QUOTES = {
    "premise": [
        (
            33,
            "先做个假设,即使 Sora 很成熟,成本和使用门槛也足够低,且 99%情况下没 bug,那 Sora 的文生视频工具,到底能撬动多大的市场?",
            "Suppose Sora is fully mature, cheap and easy enough to use, and bug-free 99% of the time: how big a "
            "market can its text-to-video tool actually move?",
        )
    ],
    "film": [
        (
            38,
            "群众的审美是有限的、院线的档期是有限的、明星的稀缺是有限的、资本的力量是无限的",
            "The public's taste is limited, cinema release slots are limited, stars are scarce, and the power of "
            "capital is unlimited",
        )
    ],
    "short_video": [
        (
            40,
            "本来就上千的制作成本,用了 Sora 恐怕还得反复微调,那 Sora 到底能起到什么颠覆作用?",
            "The production cost is only a thousand or so to begin with, and with Sora it would probably "
            "still need repeated fine-tuning, so what disruption can Sora really bring?",
        ),
        (
            41,
            "和源源不断的内容供给相比,流量才是稀缺且宝贵的,这是平台的命根子。",
            "Compared with the endless supply of content, traffic is what is scarce and precious; it is the "
            "platform's lifeblood.",
        ),
    ],
    "software": [
        (
            45,
            "如果不是,那最终结果无一例外是把产品价格打下来、市场规模打下来。",
            "If not, the end result, without exception, is that product prices are driven down and the "
            "market size is driven down.",
        ),
        (46, "倒是把后期制作软件市场干萎缩了。", "If anything, it shrinks the post-production software market."),
    ],
    "advertising": [
        (
            48,
            "当我们说一则大片广告花了1亿预算时,大部分是流量投放成本,制作一般在几百万",
            "When we say a blockbuster ad had a budget of 100 million, most of it is the cost of buying "
            "traffic; production is generally a few million",
        ),
        (
            49,
            "能影响的也不过是这批赚的盆满钵满的广告导演的报价从几百万砍到几十万",
            "all it can affect is cutting the fees of these well-paid commercial directors from several "
            "million to several hundred thousand",
        ),
    ],
}


def quotes(slug: str, topic: str) -> list[tuple[str, str, str]]:
    """(original, translation, where) for a topic, each checked verbatim against the article.

    The quotes belong to QUOTES_ARTICLE; for any other article there are none.
    """
    if slug != QUOTES_ARTICLE:
        return []
    art = article.load_slug(slug)
    found = []
    for number, chinese, english in QUOTES[topic]:
        if number > len(art.paragraphs) or chinese not in art.paragraph(number).text:
            raise InputError(f"quote for '{topic}' is not verbatim in paragraph {number} of {slug}: {chinese[:30]}…")
        found.append((chinese, english, f"P{number}"))
    return found


# ------------------------------------------------------------------------------------ tables


def sizes_table(scenario: str = "base") -> pd.DataFrame:
    """Each segment's sourced size in its base year, in its currency and in USD."""
    rows = []
    for seg in market.SEGMENTS:
        v = market.segment_values(seg, scenario)
        local = market.evaluate_formula(seg.size, v) / 1e9
        rows.append(
            {
                "Segment": seg.label,
                "Measure": seg.measure,
                "Base year": seg.base_year,
                "Formula (figure ids)": _formula(seg.size),
                "Size (bn)": bn(local),
                "Currency": seg.currency,
                "Size (USD bn)": bn(v["size"]),
            }
        )
    return pd.DataFrame(rows)


def _figure_text(fig) -> str:
    if fig.unit == "money":
        return f"{fig.value / 1e9:,.2f}bn {fig.currency}" if fig.value >= 1e8 else f"{fig.value:,.0f} {fig.currency}"
    return f"{fig.value:g}{'%' if fig.unit == 'percent' else ''}"


def history_table() -> pd.DataFrame:
    """The sourced series behind each segment's size, with figure and source ids."""
    ev, rows = evidence.load(), []
    for seg in market.SEGMENTS:
        for metric, entity in seg.history:
            for rec in ev.series(metric, entity).itertuples():
                fig = ev.figure(rec.id)
                rows.append(
                    {
                        "Segment": seg.label,
                        "Figure": fig.id,
                        "Metric": fig.metric,
                        "Entity": fig.entity,
                        "Period": fig.period,
                        "Value": _figure_text(fig),
                        "Source": fig.source_id,
                        "Tier": ev.sources[fig.source_id].tier,
                        "Note": fig.note or "",
                    }
                )
    return pd.DataFrame(rows)


def assumption_table(parameters: tuple[str, ...] | None = None, reasoning: bool = True) -> pd.DataFrame:
    """Assumptions (and structural values) with their value per scenario, range, source and reasoning.

    Without reasoning the table is the compact reference: it adds the id and the Monte Carlo distribution.
    """
    order = {s.id: i for i, s in enumerate(market.SEGMENTS)} | {"all": -1}
    rows = []
    for a in sorted(market.load_assumptions().values(), key=lambda a: (order[a.segment], a.parameter)):
        if parameters and a.parameter not in parameters:
            continue
        formulas = [f"{w}: {_formula(a.formula(w))}" for w in market.FIELDS if a.formula(w)]
        rows.append(
            {
                "Assumption": f"{'All segments' if a.segment == 'all' else market.LABEL[a.segment]} · "
                f"{NAMES.get(a.parameter, a.parameter)}",
                "Id": a.id,
                **{w.capitalize(): fmt(a.value(w), a.unit) for w in market.SCENARIOS},
                "Range": f"{fmt(a.value('low'), a.unit)} – {fmt(a.value('high'), a.unit)}",
                "Distribution": a.distribution,
                "Source": "; ".join(formulas + [", ".join(a.figures + a.events)]).strip("; ")
                or "assumption (see reasoning)",
                "Reasoning": a.reasoning,
            }
        )
    for seg in market.SEGMENTS:
        for name, value in seg.fixed:
            if not parameters or name in parameters:
                rows.append(
                    {
                        "Assumption": f"{seg.label} · {NAMES[name]}",
                        "Id": f"{seg.id}.{name}",
                        **{w.capitalize(): fmt(value, "share") for w in market.SCENARIOS},
                        "Range": "fixed",
                        "Distribution": "none",
                        "Source": "structural: a definition, not an assumption",
                        "Reasoning": _STRUCTURAL[seg.id],
                    }
                )
    frame = pd.DataFrame(rows)
    return frame.drop(columns=["Id", "Distribution"]) if reasoning else frame.drop(columns=["Reasoning"])


_STRUCTURAL = {
    "vfx_services": "The segment's revenue is itself production work, so all of it is production spend.",
    "post_software": "The segment is the tool market: its revenue is what buyers pay for tools (production share 1), "
    "all of it is tool spend (software share 1), and what replaces it is paid to AI vendors "
    "(vendor share 1).",
}


def outputs_table(scenario: str, threshold: float, year: int = market.HEADLINE_YEAR) -> pd.DataFrame:
    """Every output per segment in `year` (USD bn), with the disruption test."""
    h = market.headline(scenario, threshold, year)
    verdict = np.where(
        h.segment == "post_software",
        np.where(h.tool_market_change < 0, "tool market shrinks", "tool market grows"),
        np.where(h.disrupted, "disrupted", "not disrupted"),
    )
    return pd.DataFrame(
        {
            "Segment": h.label,
            "Revenue": h.revenue.map(bn),
            "Production": h.production.map(bn),
            "AI-made work": h.ai_work.map(bn),
            "Cost saved": h.cost_saved.map(bn),
            "Re-spent": h.respent.map(bn),
            "AI-vendor pool": h.vendor_pool.map(bn),
            "Incumbent tools at risk": h.tools_at_risk.map(bn),
            "Tool market change": h.tool_market_change.map(bn),
            f"Savings / revenue {year}": h.savings_share.map(pct),
            "At full adoption": h.savings_share_mature.map(pct),
            "Verdict": verdict,
        }
    )


def scenario_table(threshold: float, year: int = market.HEADLINE_YEAR) -> pd.DataFrame:
    """Each segment's headline metric under each scenario, in `year` and at full adoption."""
    frames = {s: market.headline(s, threshold, year).set_index("segment") for s in market.SCENARIOS}
    metric = pd.Series({seg.id: seg.headline for seg in market.SEGMENTS})
    out = pd.DataFrame({"Segment": [market.LABEL[s] for s in metric.index], "Metric": metric.map(METRIC_NAMES).values})
    for suffix, title in (("", str(year)), ("_mature", "full adoption")):
        for s in market.SCENARIOS:
            out[f"{s.capitalize()} {title}"] = [pct(frames[s].loc[seg, m + suffix]) for seg, m in metric.items()]
    return out


def simulation_table(sim: market.Simulation) -> pd.DataFrame:
    s = sim.summary
    own = lambda col: np.where(s.metric == "savings_share", s[col].map(pct), "—")  # noqa: E731
    return pd.DataFrame(
        {
            "Segment": s.label,
            "Metric": s.metric.map(METRIC_NAMES),
            "5th pct": s.p5.map(pct),
            "Median": s.p50.map(pct),
            "95th pct": s.p95.map(pct),
            f"P(≥ {pct(sim.threshold)} by {market.HEADLINE_YEAR})": own("p_disrupted"),
            f"P(≥ {pct(sim.threshold)} at full adoption)": own("p_disrupted_mature"),
            "P(tool market shrinks)": np.where(s.segment == "post_software", s.p_tool_market_shrinks.map(pct), "—"),
        }
    )


def break_even_frame(scenario: str, threshold: float) -> pd.DataFrame:
    """Break-even values at full adoption and in the headline year side by side."""
    mature = market.break_even(scenario, threshold, mature=True)
    dated = market.break_even(scenario, threshold, mature=False)
    return mature.assign(break_even_dated=dated.break_even.values, holds_dated=dated.holds.values)


def break_even_table(frame: pd.DataFrame) -> pd.DataFrame:
    unit = frame.parameter.map(lambda p: "ratio" if p == "elasticity" else "share")

    def show(col):
        return [fmt(x, u) if x is not None and np.isfinite(x) else "none in range" for x, u in zip(frame[col], unit)]

    return pd.DataFrame(
        {
            "Claim": frame.claim_text,
            "Segment": frame.label,
            "Parameter": frame.parameter.map(NAMES),
            "Assumed": show("assumed"),
            "Plausible range": [f"{fmt(lo, u)} – {fmt(hi, u)}" for lo, hi, u in zip(frame.low, frame.high, unit)],
            "Claim fails": frame.fails.map({"above": "above", "below": "below", None: "—"}).fillna("—"),
            "Break-even, full adoption": show("break_even"),
            f"Break-even, {market.HEADLINE_YEAR}": show("break_even_dated"),
            "Verdict": frame.verdict,
        }
    )


def calibration_table(scenario: str) -> pd.DataFrame:
    c = market.calibration(scenario)
    return pd.DataFrame({"Item": c["item"], "USD bn": c.usd_bn.map(lambda x: f"{x:.3f}"), "Source": c.source})


# ------------------------------------------------------------------------------------ sentences


def segment_notes(scenario: str, threshold: float) -> list[tuple[str, str]]:
    """One (finding, reasoning) pair per segment, every number taken from the model."""
    h = market.headline(scenario, threshold).set_index("segment")
    out = []
    for seg in market.SEGMENTS:
        r, v = h.loc[seg.id], market.segment_values(seg, scenario)
        src = market.source(seg, "production_share")
        where = (
            "structural"
            if isinstance(src, float)
            else f"{_formula(src.formula(scenario))} (sourced)"
            if src.formula(scenario)
            else "an assumption"
        )
        if seg.id == "post_software":
            text = (
                f"{seg.label}: incumbent tools earn USD {bn(r.revenue)}bn in {market.HEADLINE_YEAR}; AI video "
                f"replaces {pct(v['substitution'])} of their use at full adoption, {pct(r.adoption)} of that by "
                f"{market.HEADLINE_YEAR}. Incumbents lose USD {bn(r.tools_at_risk)}bn, AI vendors gain "
                f"{bn(r.vendor_pool)}bn, so the tool market changes by {pct(r.tool_market_change_share)} "
                f"({'shrinks' if r.tool_market_change < 0 else 'grows'})."
            )
            why = (
                f"The AI route costs {pct(v['cost_reduction'])} less and vendor prices fall "
                f"{pct(v['price_decline'])} a year; {v['elasticity']:.2f} of every unit saved comes back as new "
                "AI-tool spend (re-spent share). Sizes: 4 × F076 + F078 + F082 + Adobe video share × F075."
            )
        else:
            share = (
                "all of its revenue is production work"
                if isinstance(src, float)
                else f"production is {pct(v['production_share'])} of {seg.measure}"
            )
            text = (
                f"{seg.label}: {share}; AI could do "
                f"{pct(v['substitution'])} of it at {pct(v['cost_reduction'])} lower cost, and "
                f"{pct(r.adoption)} of that work uses AI by {market.HEADLINE_YEAR}. Net of the "
                f"{pct(v['elasticity'], 0)} re-spent on more content, savings are {pct(r.savings_share)} of "
                f"revenue (threshold {pct(threshold)}): {'disrupted' if r.disrupted else 'not disrupted'}; "
                f"{pct(r.savings_share_mature)} at full adoption."
            )
            why = (
                f"savings / revenue = production share × AI-substitutable share × adoption × cost reduction "
                f"(after vendor prices) × (1 − re-spent share). Production share: {where}; other values are "
                f"the {scenario} scenario's assumptions in the scenario table."
            )
        out.append((text, why))
    return out


def claims_table() -> pd.DataFrame:
    """The article's business claims, the segments that carry each and how the model tests it."""
    test = {
        "not_disrupted": "savings / revenue stays below the disruption threshold",
        "shrinks": "incumbent tool revenue lost exceeds what AI-video vendors gain",
    }
    return pd.DataFrame(
        [
            {
                "Claim": c.text,
                "Paragraph": f"P{c.paragraph}",
                "Segments": ", ".join(market.LABEL[s] for s in c.segments),
                "Holds if": test[c.kind],
                "Break-even on": ", ".join(NAMES[p] for p in c.parameters),
            }
            for c in market.CLAIMS
        ]
    )


def sizes_note() -> tuple[str, str]:
    years = {s.id: s.base_year for s in market.SEGMENTS}
    oldest = min(years, key=years.get)
    tiers = history_table().Tier.value_counts()
    return (
        f"Segment sizes are sourced for base years {min(years.values())}–{max(years.values())}; the oldest is "
        f"{market.LABEL[oldest]} ({years[oldest]}), so its growth assumption carries "
        f"{market.HEADLINE_YEAR - years[oldest]} years to {market.HEADLINE_YEAR}. Of the "
        f"{int(tiers.sum())} figures behind the sizes, {int(tiers.get('primary', 0))} are primary, "
        f"{int(tiers.get('secondary', 0))} secondary and {int(tiers.get('tertiary', 0))} tertiary.",
        "Sizes mix definitions (box office, platform revenue, media spend, market-research estimates) and some "
        "segments nest inside others, so segments are compared through ratios to their own revenue; the one sum "
        "of amounts (the calibration against vendor revenue) leaves nested segments out.",
    )


def production_note(scenario: str) -> tuple[str, str]:
    vals = market.values(scenario)
    shares = {s: vals[s]["production_share"] for s in market.WHATIF_SEGMENTS if s != "vfx_services"}
    lo, hi = min(shares, key=shares.get), max(shares, key=shares.get)
    sourced = [
        market.LABEL[s]
        for s in shares
        if getattr(market.source(market.SEGMENT[s], "production_share"), "formula", lambda w: None)(scenario)
    ]
    return (
        f"In the {scenario} scenario production is between {pct(shares[lo])} ({market.LABEL[lo]}) and "
        f"{pct(shares[hi])} ({market.LABEL[hi]}) of segment revenue, so at most that share of revenue can be "
        f"saved even if AI did all production for free. "
        + (
            f"The value is derived from sourced figures for {_join(sourced)}; elsewhere it is an assumption."
            if sourced
            else "In this scenario every segment's value is an assumption."
        ),
        "This is the article's central premise in numbers (P33, P48): production is a minority of where the "
        "money goes. For advertising the model uses the WFA production share (F061), higher than the article's "
        "own example of a few million out of a budget of 100 million.",
    )


def tornado_note(frame: pd.DataFrame) -> tuple[str, str]:
    top = frame.sort_values("swing", ascending=False).groupby("segment", sort=False).head(2)
    counts = top.parameter.map(NAMES).value_counts()
    idle = sorted({NAMES[p] for p, g in frame.groupby("parameter") if (g.swing < 1e-12).all()})
    return (
        f"The two largest swings per segment come from {_join([f'{k} ({v} segments)' for k, v in counts.items()])}"
        + (f"; {_join(idle)} do not move the headline metric at all." if idle else "."),
        "One-at-a-time swings between each assumption's low and high with every other assumption at the "
        "scenario's value; they show which assumptions deserve evidence first, not joint uncertainty (that is "
        "the Monte Carlo's job).",
    )


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def verdicts(scenario: str, threshold: float, sim: market.Simulation, be: pd.DataFrame) -> list[tuple[str, str]]:
    """Per claim of the article: does it hold, how likely, and what would have to be true for it to fail."""
    h = market.headline(scenario, threshold).set_index("segment")
    s = sim.summary.set_index("segment")
    out = []
    for claim in market.CLAIMS:
        segs = claim.segments
        rows = be[(be.claim == claim.id)]
        if claim.kind == "not_disrupted":
            holds = all(not h.loc[x].disrupted for x in segs)
            text = (
                f"“{claim.text}” (P{claim.paragraph}) {'holds' if holds else 'does not hold'} in the {scenario} "
                f"scenario: savings reach "
                + _join([f"{pct(h.loc[x].savings_share)} ({market.LABEL[x]})" for x in segs])
                + f" of revenue by {market.HEADLINE_YEAR} and "
                + _join([pct(h.loc[x].savings_share_mature) for x in segs])
                + f" at full adoption, against a threshold of {pct(threshold)}. Across {sim.draws:,} Monte Carlo "
                f"draws around the base values the chance of crossing it by {market.HEADLINE_YEAR} is "
                + _join([pct(s.loc[x].p_disrupted) for x in segs])
                + ", and "
                + _join([pct(s.loc[x].p_disrupted_mature) for x in segs])
                + " at full adoption."
            )
            sub = rows[rows.parameter == "substitution"]
            limits = [
                f"more than {pct(r.break_even, 0)} of production ({r.label}; assumed {pct(r.assumed, 0)}, "
                f"plausible {pct(r.low, 0)}–{pct(r.high, 0)})"
                for r in sub.itertuples()
                if np.isfinite(r.break_even)
            ]
            never = [r.label for r in sub.itertuples() if not np.isfinite(r.break_even)]
            parts = ([f"the claim fails once AI substitutes {_join(limits)}"] if limits else []) + (
                [f"for {_join(never)} even substituting all production keeps savings below the threshold"]
                if never
                else []
            )
            fragile = rows[rows.verdict != "holds across the plausible range"]
            why = (
                f"What must be true: at full adoption and the {scenario} scenario's other values, "
                + "; ".join(parts)
                + ". "
                + (
                    (
                        "Assumptions whose plausible range reaches failure: "
                        + _join(sorted({f"{NAMES[r.parameter]} ({r.label})" for r in fragile.itertuples()}))
                        + "."
                    )
                    if len(fragile)
                    else "No single assumption moved across its plausible range makes it fail."
                )
            )
        else:
            r = h.loc[segs[0]]
            e = rows.iloc[0]
            text = (
                f"“{claim.text}” (P{claim.paragraph}) {'holds' if r.tool_market_change < 0 else 'does not hold'} "
                f"in the {scenario} scenario: by {market.HEADLINE_YEAR} incumbents lose USD {bn(r.tools_at_risk)}bn "
                f"and AI vendors gain {bn(r.vendor_pool)}bn, a net {pct(r.tool_market_change_share)} of tool "
                f"revenue. The chance it shrinks across the Monte Carlo (draws around the base values) is "
                f"{pct(s.loc[segs[0]].p_tool_market_shrinks)}."
            )
            why = (
                f"In this model the claim reduces to one condition: it fails once cheaper AI tools draw in "
                f"{e.break_even:.2f} or more of new spend per unit they save buyers (assumed {e.assumed:.2f}, "
                f"plausible {e.low:.2f}–{e.high:.2f}), whatever the substitution, cost and price path. The Monte "
                "Carlo probability is therefore only the probability the re-spend assumption puts below that "
                "value. Sourced evidence so far leans towards expansion: Adobe Digital Media grew from "
                f"{bn(_fig('F072'))}bn to {bn(_fig('F073'))}bn (F072, F073) while AI-video vendors built new "
                "revenue (F095, F105, F107)."
            )
        out.append((text, why))
    return out


def _fig(id_: str) -> float:
    fig = evidence.load().figure(id_)
    return market.usd_bn(fig.value, fig.currency) if fig.unit == "money" else fig.value


def thesis_summary(scenario: str, threshold: float, sim: market.Simulation) -> tuple[str, str]:
    """Where the article's business thesis holds and where it does not, in one judgement."""
    h = market.headline(scenario, threshold).set_index("segment")
    s = sim.summary.set_index("segment")
    content = [x for x in market.WHATIF_SEGMENTS if x != "vfx_services"]
    crossed = [x for x in content if h.loc[x].disrupted]
    held = [x for x in content if x not in crossed]
    share = lambda x: f"{market.LABEL[x]} ({pct(h.loc[x].savings_share)})"  # noqa: E731
    if not crossed:
        top = max(content, key=lambda x: h.loc[x].savings_share)
        first = (
            f"The article's core point survives the numbers for the content businesses: in the {scenario} "
            f"scenario no content segment saves {pct(threshold)} of its revenue by {market.HEADLINE_YEAR}; the "
            f"largest saving is {share(top)}."
        )
    else:
        first = (
            f"In the {scenario} scenario the article's core point fails for {_join([share(x) for x in crossed])}, "
            f"which save at least {pct(threshold)} of revenue by {market.HEADLINE_YEAR}"
            + (f"; it survives for {_join([market.LABEL[x] for x in held])}." if held else ".")
        )
    likely = [x for x in content if s.loc[x].p_disrupted_mature >= 0.2]
    second = (
        " At full adoption "
        + _join([f"{market.LABEL[x]} ({pct(s.loc[x].p_disrupted_mature)})" for x in likely])
        + " cross the threshold in a fifth or more of the Monte Carlo draws."
        if likely
        else " Even at full adoption no content segment crosses the threshold in a fifth of the Monte Carlo draws."
    )
    vfx = h.loc["vfx_services"]
    third = (
        f" Post-production itself {'is' if vfx.disrupted else 'is not'} disrupted: VFX and post services save "
        f"{pct(vfx.savings_share)} of revenue by {market.HEADLINE_YEAR} (probability "
        f"{pct(s.loc['vfx_services'].p_disrupted)} of reaching {pct(threshold)}), a fall in cost the article "
        "expects (P46) but does not count as disruption of film. Its software claim is a bet on demand, not "
        "a result of the model."
    )
    why = (
        "Judged on savings as a share of segment revenue, the article's own test of disruption. The model cannot "
        "see what the article calls the real bottlenecks (traffic, stars, release slots, capital); it only "
        "shows whether production cost is a large enough part of a segment's revenue for cheaper production "
        "to reshape it, given how much production AI substitutes."
    )
    return first + second + third, why


def calibration_note(scenario: str) -> tuple[str, str]:
    c = market.calibration(scenario)
    model = float(c.loc[c.source == "model", "usd_bn"].iloc[0])
    sourced = float(c.usd_bn.iloc[-1])
    ratio = model / sourced
    verdict = (
        "of the right order"
        if 1 <= ratio <= 5
        else "too slow: the sourced vendors alone earn more"
        if ratio < 1
        else "possibly too fast"
    )
    return (
        f"In 2025 the model pays AI-video vendors USD {model:.2f}bn across segments that do not nest "
        f"({scenario}); three vendors with sourced revenue earned at least USD {sourced:.2f}bn. The model is "
        f"{ratio:.1f} times the sourced lower bound: its adoption pace looks {verdict}.",
        "Other vendors (Google, OpenAI, MiniMax, ByteDance, Pika, Luma) have no sourced revenue, so the sourced "
        "total is a lower bound; Synthesia (F107) sells avatar video, which the segments only partly cover. "
        "Nested segments (China inside global advertising, VFX inside film, games and ad budgets) are left out "
        "of the total to avoid counting twice.",
    )


# ------------------------------------------------------------------------------------ charts


_TOP_HEADER = alt.Header(labelOrient="top", labelAnchor="start", labelAngle=0, labelFontSize=11, labelFontWeight="bold")


def headline_chart(frame: pd.DataFrame, threshold: float, scenario: str) -> alt.LayerChart:
    """Savings share of revenue per content segment in the headline year, with full adoption and the threshold."""
    data = frame[frame.segment != "post_software"][["label", "savings_share", "savings_share_mature"]].assign(
        status=lambda d: np.where(d.savings_share >= threshold, ABOVE, BELOW), threshold=threshold
    )
    y = alt.Y("label:N", title=None, sort=list(data.sort_values("savings_share", ascending=False).label))
    base = alt.Chart(data, title=f"Savings as a share of segment revenue, {market.HEADLINE_YEAR} ({scenario})")
    bars = base.mark_bar().encode(
        x=alt.X(
            "savings_share:Q",
            title="Production cost saved, net of re-spending, / segment revenue",
            axis=alt.Axis(format="%"),
        ),
        y=y,
        color=alt.Color("status:N", scale=STATUS_COLORS, title=None),
        tooltip=[
            alt.Tooltip("label:N", title="Segment"),
            alt.Tooltip("savings_share:Q", format=".2%", title="2030"),
            alt.Tooltip("savings_share_mature:Q", format=".2%", title="Full adoption"),
        ],
    )
    mature = base.mark_point(shape="diamond", filled=True, size=70, color="#333333").encode(
        x="savings_share_mature:Q", y=y, tooltip=[alt.Tooltip("savings_share_mature:Q", format=".2%")]
    )
    rule = base.mark_rule(strokeDash=[4, 3], color="#333333").encode(x="mean(threshold):Q")
    return alt.layer(bars, mature, rule).properties(width=WIDTH - 180, height=260)


def adoption_chart(scenario: str, last_year: int = 2036) -> alt.Chart:
    values = market.values(scenario)
    years = np.arange(market.ADOPTION_START - 1, last_year + 1)
    data = pd.DataFrame(
        [
            {
                "label": market.LABEL[s],
                "year": int(y),
                "adoption": float(market.adoption(y, v["adoption_midpoint"], v["adoption_steepness"])),
            }
            for s, v in values.items()
            for y in years
        ]
    )
    return (
        alt.Chart(data, title=f"Share of the AI-substitutable work done with AI video ({scenario})")
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("adoption:Q", title="Adoption", axis=alt.Axis(format="%")),
            color=alt.Color(
                "label:N", title=None, scale=alt.Scale(scheme="tableau10"), sort=[s.label for s in market.SEGMENTS]
            ),
            tooltip=["label:N", "year:O", alt.Tooltip("adoption:Q", format=".1%")],
        )
        .properties(width=WIDTH - 160, height=260)
    )


def fan_chart(sim: market.Simulation) -> alt.FacetChart:
    """Percentile bands over years of each segment's headline metric, one panel per segment."""
    data = sim.fans.assign(
        reference=np.where(sim.fans.metric == "savings_share", sim.threshold, 0.0),
        panel=sim.fans.label + " · " + sim.fans.metric.map(METRIC_NAMES),
    )
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0, values=[2024, 2026, 2028, 2030]))
    outer = (
        alt.Chart()
        .mark_area(opacity=0.25, color=PALETTE[0])
        .encode(x=x, y=alt.Y("p5:Q", title=None, axis=alt.Axis(format="%")), y2="p95:Q")
    )
    inner = alt.Chart().mark_area(opacity=0.45, color=PALETTE[0]).encode(x=x, y="p25:Q", y2="p75:Q")
    median = (
        alt.Chart()
        .mark_line(color=PALETTE[0])
        .encode(
            x=x,
            y="p50:Q",
            tooltip=[
                "year:O",
                alt.Tooltip("p5:Q", format=".2%"),
                alt.Tooltip("p50:Q", format=".2%"),
                alt.Tooltip("p95:Q", format=".2%"),
            ],
        )
    )
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


def tornado_chart(frame: pd.DataFrame, top: int = 5) -> alt.FacetChart:
    """Headline metric at each assumption's low and high, the `top` largest swings per segment."""
    chosen = frame.groupby("segment", sort=False).head(top).copy()
    chosen["name"] = chosen.parameter.map(NAMES) + np.where(chosen.assumption.str.startswith("all."), " (shared)", "")
    chosen["panel"] = chosen.label + " · " + chosen.metric.map(METRIC_NAMES)
    panels = [f"{s.label} · {METRIC_NAMES[s.headline]}" for s in market.SEGMENTS]
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
            title=f"Sensitivity in {market.HEADLINE_YEAR}: each assumption at its low and high, others at the scenario",
        )
        .resolve_scale(y="independent", x="independent")
    )


def break_even_chart(frame: pd.DataFrame) -> alt.FacetChart:
    """Plausible range, assumed value and break-even of every claim's parameters (full adoption)."""
    data = frame.assign(
        name=frame.label + " · " + frame.parameter.map(NAMES), break_even=frame.break_even.astype(float)
    )
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
            row=alt.Row("claim_text:N", title=None, sort=[c.text for c in market.CLAIMS], header=_TOP_HEADER),
            title="Break-even at full adoption: plausible range (grey), assumed (blue), claim fails (diamond)",
        )
        .resolve_scale(y="independent", x="independent")
    )


def whatif_chart(scenario: str, threshold: float, year: int = market.HEADLINE_YEAR) -> alt.LayerChart:
    """Savings share per segment recomputed in the reader's browser from four sliders (no kernel needed).

    The calculate transforms repeat market.outcomes for savings_share; the browser test holds them equal.
    """
    data, start = market.whatif_inputs(scenario, year)
    sub = alt.param(
        name="substitution",
        value=start["substitution"],
        bind=alt.binding_range(min=0, max=1, step=0.01, name="AI-substitutable share of production (every segment) "),
    )
    cost = alt.param(
        name="cost_reduction",
        value=start["cost_reduction"],
        bind=alt.binding_range(min=0, max=1, step=0.01, name="Cost reduction where AI substitutes "),
    )
    mid = alt.param(
        name="adoption_midpoint",
        value=start["adoption_midpoint"],
        bind=alt.binding_range(min=2024, max=2040, step=0.5, name="Year half the substitutable work uses AI "),
    )
    limit = alt.param(
        name="threshold",
        value=threshold,
        bind=alt.binding_range(min=0.005, max=0.2, step=0.005, name="Disruption threshold "),
    )
    base = alt.Chart(
        data, title=f"What if? Savings as a share of revenue in {year}, recomputed from the sliders"
    ).transform_calculate(
        adoption=f"datum.year >= {market.ADOPTION_START} ? "
        "1 / (1 + exp(-datum.steepness * (datum.year - adoption_midpoint))) : 0",
        remaining="(1 - cost_reduction) * (1 - datum.vendor_share + datum.vendor_share * datum.price)",
        savings_share="datum.production_share * substitution * datum.adoption * (1 - datum.remaining)"
        " * (1 - datum.elasticity)",
        status=f"datum.savings_share >= threshold ? '{ABOVE}' : '{BELOW}'",
        threshold_value="threshold",
    )
    y = alt.Y("label:N", title=None, sort=[market.LABEL[s] for s in market.WHATIF_SEGMENTS])
    bars = base.mark_bar().encode(
        x=alt.X("savings_share:Q", title="Savings / revenue", axis=alt.Axis(format="%")),
        y=y,
        color=alt.Color("status:N", scale=STATUS_COLORS, title=None),
        tooltip=["label:N", alt.Tooltip("savings_share:Q", format=".2%"), alt.Tooltip("adoption:Q", format=".1%")],
    )
    text = base.mark_text(align="left", dx=4, fontSize=10).encode(
        x="savings_share:Q", y=y, text=alt.Text("savings_share:Q", format=".2%")
    )
    rule = base.mark_rule(strokeDash=[4, 3], color="#333333").encode(x="mean(threshold_value):Q")
    return alt.layer(bars, text, rule).add_params(sub, cost, mid, limit).properties(width=WIDTH - 200, height=240)
