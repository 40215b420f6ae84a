"""Names and number formats the industry tables, sentences and charts share, and the article's quotes."""

from __future__ import annotations

from claimscope.analysis.market import Market
from claimscope.views import fmt

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
}
METRIC_NAMES = {"savings_share": "savings / revenue", "tool_market_change_share": "tool market change / tool revenue"}


def name(parameter: str) -> str:
    """A parameter's name for readers (a size formula's own assumption keeps its words: adobe_video_share)."""
    return NAMES.get(parameter, parameter.replace("_", " "))


def pct(x: float, digits: int = 1) -> str:
    """A share as a percentage (the report's one format, views.fmt)."""
    return fmt.percent(x, digits)


def usd(x_bn: float) -> str:
    """An amount the model holds in USD bn, as readers see money: US$3.04 bn, US$890 m, US$743,000.

    A model output is an estimate: three significant figures below a million too (not US$743,244).
    """
    return fmt.money(float(f"{x_bn * 1e9:.3g}"), "USD")


def in_unit(value: float, unit: str) -> str:
    """An assumption value in its unit."""
    if unit in ("share", "share per year"):
        return pct(value)
    if unit == "year":
        return f"{value:g}"
    return f"{value:.2f}"


def formula(text) -> str:
    return str(text).replace("*", "×").replace(" / ", " ÷ ")


def join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def quotes(m: Market, topic: str) -> list[tuple[str, str, str]]:
    """(original, translation, where) for one chapter section's quotes in market.yaml (none if it has none)."""
    return [(q.text, q.en, f"P{q.paragraph}") for q in m.spec.quotes.get(topic, [])]
