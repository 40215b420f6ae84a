"""What moves the model: one-at-a-time swings (tornado) and the break-even value of each claim's parameters."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from claimscope.analysis.market.assumptions import Assumption, parameters_of
from claimscope.analysis.market.model import Market, evaluate, segment_values
from claimscope.analysis.market.spec import Segment

DOMAIN = {"elasticity": (0.0, 3.0)}  # break-even search interval; shares search (0, 1)


def metric(
    m: Market, seg: Segment, scenario: str, change: dict, year: int, mature: bool = False, name: str | None = None
) -> float:
    """One output of one segment with some values changed (default: its headline metric)."""
    return float(evaluate(m, seg, segment_values(m, seg, scenario, change), year, mature)[name or seg.headline])


def tornado(m: Market, scenario: str) -> pd.DataFrame:
    """One-at-a-time swings of every assumption between its low and high, on each segment's headline metric."""
    rows, year = [], m.headline_year
    for seg in m.segments:
        at_base = metric(m, seg, scenario, {}, year)
        for name in parameters_of(seg):
            src = m.source(seg, name)
            if not isinstance(src, Assumption):
                continue
            at_low = metric(m, seg, scenario, {src.id: src.value("low")}, year)
            at_high = metric(m, seg, scenario, {src.id: src.value("high")}, year)
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


def bisect(f: Callable[[float], float], lo: float, hi: float, tol: float = 1e-12, iterations: int = 200):
    """A root of f in [lo, hi] by bisection, or None when f has the same sign at both ends."""
    a, b = np.float64(lo), np.float64(hi)
    fa, fb = f(a), f(b)
    if fa == 0 or fb == 0:
        return float(a if fa == 0 else b)
    if np.sign(fa) == np.sign(fb):
        return None
    for _ in range(iterations):
        mid = 0.5 * (a + b)
        fm = f(mid)
        if fm == 0 or 0.5 * (b - a) < tol:
            return float(mid)
        if np.sign(fm) == np.sign(fa):
            a, fa = mid, fm
        else:
            b = mid
    return float(0.5 * (a + b))


def break_even(m: Market, scenario: str, threshold: float, mature: bool = True) -> pd.DataFrame:
    """For each claim, segment and parameter: the value at which the claim stops holding.

    A 'not disrupted' claim fails once savings reach `threshold` of revenue; a 'shrinks' claim fails once
    the tool market (incumbents plus AI vendors) stops shrinking. Other parameters stay at the
    scenario's values; mature = every substitutable task done with AI (the article's premise).
    """
    rows, year = [], m.headline_year
    for claim in m.spec.claims:
        name, target = ("savings_share", threshold) if claim.kind == "not_disrupted" else ("tool_market_change", 0.0)
        for seg in (m.segment(s) for s in claim.segments):
            for parameter in claim.parameters:
                src = m.source(seg, parameter)
                if not isinstance(src, Assumption):
                    continue
                key = f"{seg.id}.{parameter}"

                def gap(x, key=key, seg=seg, name=name, target=target):
                    return metric(m, seg, scenario, {key: x}, year, mature, name) - target

                root = bisect(gap, *DOMAIN.get(parameter, (0.0, 1.0)))
                hi = DOMAIN.get(parameter, (0.0, 1.0))[1]
                assumed, low, high = src.value(scenario), src.value("low"), src.value("high")
                rows.append(
                    {
                        "claim": claim.id,
                        "claim_text": claim.text,
                        "segment": seg.id,
                        "label": seg.label,
                        "parameter": parameter,
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
