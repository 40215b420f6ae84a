"""The fact check for readers: verdict charts, the key tables and one entry per check.

Works on the frame of `analysis.factcheck.results`; numbers go through `views.fmt`, ids through
`views.links`.
"""

from __future__ import annotations

import html
import math

import altair as alt
import numpy as np
import pandas as pd

from claimscope.analysis.factcheck import ACCURATE, OK_CLASS, ROUGHLY, VERDICTS, verdict_counts
from claimscope.views import fmt, show
from claimscope.views.charts import SCALED_LABEL, WIDTH
from claimscope.views.links import Index, anchor
from claimscope.views.tables import Table

VERDICT_COLOURS = {
    "accurate": "#3c8d5a",
    "roughly right": "#9bbf5a",
    "overstated": "#d1603d",
    "understated": "#8e6c8a",
    "depends on definition": "#c9a227",
    "unverifiable": "#9aa5ae",
    "inaccurate": "#b0342c",
}


def _verdict_colour(title: str = "Verdict") -> alt.Color:
    return alt.Color(
        "verdict:N", scale=alt.Scale(domain=list(VERDICT_COLOURS), range=list(VERDICT_COLOURS.values())), title=title
    )


# ---------------------------------------------------------------- charts


def _labelled(frame: pd.DataFrame) -> pd.DataFrame:
    data = frame.copy()
    data["label"] = data["title"]
    data["article says"] = [
        fmt.span(r["article low"], r["article high"], r["unit"], r["currency"]) for r in data.to_dict("records")
    ]
    data["evidence says"] = [
        fmt.span(r["evidence low"], r["evidence high"], r["unit"], r["currency"]) for r in data.to_dict("records")
    ]
    data["ratio shown"] = data["ratio"].map(fmt.ratio)
    return data


def ratio_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Article value / evidence on a log scale, with the bands of the verdict rule."""
    data = _labelled(frame[frame["ratio"].notna()])
    bands = pd.DataFrame(
        {
            "lo": [1 / ROUGHLY, 1 / ACCURATE],
            "hi": [ROUGHLY, ACCURATE],
            "band": ["roughly right (within 50%)", "accurate (within 10%)"],
        }
    )
    scale = alt.Scale(type="log", domain=[0.05, 20])
    x = alt.X("ratio:Q", scale=scale, title="Article value ÷ evidence (log scale)", axis=alt.Axis(format=",~g"))
    shade = (
        alt.Chart(bands)
        .mark_rect(opacity=0.18, color="#3c8d5a")
        .encode(x=alt.X("lo:Q", scale=scale), x2="hi:Q", tooltip=[alt.Tooltip("band:N", title="Band")])
    )
    one = alt.Chart(pd.DataFrame({"ratio": [1.0]})).mark_rule(color="#1d2329").encode(x=x)
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=120)
        .encode(
            x=x,
            y=alt.Y("label:N", sort=None, title=None),
            color=_verdict_colour(),
            tooltip=[
                alt.Tooltip("title:N", title="Check"),
                alt.Tooltip("article says:N", title="Article"),
                alt.Tooltip("evidence says:N", title="Evidence"),
                alt.Tooltip("ratio shown:N", title="Ratio"),
                alt.Tooltip("verdict:N", title="Verdict"),
            ],
        )
    )
    return (shade + one + points).properties(
        width=WIDTH - 160, height=alt.Step(22), title="How far each figure of the article is from the evidence"
    )


def thousands(values: pd.DataFrame) -> list[float]:
    """Ticks for a log axis: the powers of 1,000 (1, 1,000, 1 m, 1 bn...) that span `values`."""
    positive = values.to_numpy(dtype=float).ravel()
    positive = positive[np.isfinite(positive) & (positive > 0)]
    if not len(positive):
        return [1.0]
    low, high = math.floor(math.log10(positive.min()) / 3), math.ceil(math.log10(positive.max()) / 3)
    return [10.0 ** (3 * k) for k in range(low, high + 1)]


def values_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Each quantitative claim: the article's value or range (bar) against the evidence (diamond at its
    low end, a line to its high end where it is a range), log scale."""
    data = _labelled(frame[frame["evidence low"].notna()])
    unit = data["currency"].where(data["unit"] == "money", data["unit"]).fillna("")  # "money" says less than "USD"
    data["label"] = (data["title"] + " (" + unit + ")").str.replace(" ()", "", regex=False)
    scale = alt.Scale(type="log")
    data["evidence high"] = data["evidence high"].fillna(data["evidence low"])
    spans = ["article low", "article high", "evidence low", "evidence high"]
    axis = alt.Axis(labelExpr=SCALED_LABEL, values=thousands(data[spans]))
    tooltip = [
        alt.Tooltip("title:N", title="Check"),
        alt.Tooltip("article says:N", title="Article"),
        alt.Tooltip("evidence says:N", title="Evidence"),
        alt.Tooltip("verdict:N", title="Verdict"),
    ]
    article = (
        alt.Chart(data)
        .mark_bar(height=10, color="#1f5f8b", opacity=0.55)
        .encode(
            x=alt.X("article low:Q", scale=scale, title="Value in the claim's own unit (log scale)", axis=axis),
            x2="article high:Q",
            y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=250)),
            tooltip=tooltip,
        )
    )
    tick = (
        alt.Chart(data)
        .mark_tick(color="#1f5f8b", thickness=2, size=14)
        .encode(x=alt.X("article low:Q", scale=scale), y=alt.Y("label:N", sort=None), tooltip=tooltip)
    )
    found_range = (  # evidence that is itself a range: a line from its low to its high end
        alt.Chart(data[data["evidence high"] > data["evidence low"]])
        .mark_rule(strokeWidth=3, yOffset=8, color="#5b6670")  # just under the article's bar, which it may overlap
        .encode(
            x=alt.X("evidence low:Q", scale=scale),
            x2="evidence high:Q",
            y=alt.Y("label:N", sort=None),
            tooltip=tooltip,
        )
    )
    found = (
        alt.Chart(data)
        .mark_point(shape="diamond", filled=True, size=110)
        .encode(
            x=alt.X("evidence low:Q", scale=scale),
            y=alt.Y("label:N", sort=None),
            color=_verdict_colour("Evidence, by verdict"),
            tooltip=tooltip,
        )
    )
    return (article + tick + found_range + found).properties(
        width=WIDTH - 220,
        height=alt.Step(22),
        title="The article's value (blue bar) against the evidence (diamond, with a line where it is a range)",
    )


def verdict_chart(frame: pd.DataFrame) -> alt.Chart:
    """How many checks got each verdict."""
    return (
        alt.Chart(verdict_counts(frame))
        .mark_bar()
        .encode(
            y=alt.Y("verdict:N", sort=list(VERDICTS), title=None),
            x=alt.X("checks:Q", title="Checks", axis=alt.Axis(format="d", tickMinStep=1)),
            color=_verdict_colour(),
            tooltip=[alt.Tooltip("verdict:N", title="Verdict"), alt.Tooltip("checks:Q", title="Checks")],
        )
        .properties(width=WIDTH - 200, height=alt.Step(20))
    )


# ---------------------------------------------------------------- tables


def quantities(frame: pd.DataFrame, ix: Index) -> Table:
    """The key table: each quantity, the article's value, the evidence at its date, the ratio and verdict."""
    data = _labelled(frame[frame["kind"] == "quantity"])
    shown = data[["check", "claim", "quote", "article says", "evidence says", "ratio", "verdict shown"]].rename(
        columns={"evidence says": "evidence at the date", "verdict shown": "verdict"}
    )
    return Table(
        shown,
        formats={"ratio": fmt.ratio},
        links={"check": ix.column("check"), "claim": ix.column("claim")},
        numeric=["article says", "evidence at the date", "ratio"],
    )


def _definitions(items: list, unit, currency) -> str:
    parts = []
    for definition, low, high, verdict in items:
        said = f"{definition}: {fmt.span(low, high, unit, currency)}"
        parts.append(f"{said} ({verdict})" if verdict else said)
    return "; ".join(parts)


def other_definitions(frame: pd.DataFrame, ix: Index) -> Table:
    """Other definitions of the evidence (with the verdict each would give) and later values."""
    data = frame[(frame["kind"] == "quantity")]
    rows = [
        {
            "check": r["check"],
            "other definitions": _definitions(r["alternatives"], r["unit"], r["currency"]) or None,
            "later values": _definitions(r["later"], r["unit"], r["currency"]) or None,
        }
        for r in data.to_dict("records")
    ]
    shown = pd.DataFrame(rows, columns=["check", "other definitions", "later values"])
    shown = shown[shown["other definitions"].notna() | shown["later values"].notna()]
    return Table(shown, links={"check": ix.column("check")})


def flagged(frame: pd.DataFrame, ix: Index) -> Table:
    """Checks whose verdict is not accurate or roughly right, with the reasoning."""
    chosen = frame[~frame["verdict"].isin(OK_CLASS)]
    shown = chosen[["check", "claim", "verdict shown", "reasoning"]].rename(columns={"verdict shown": "verdict"})
    return Table(shown, links={"check": ix.column("check"), "claim": ix.column("claim"), "reasoning": ix.text_column()})


# ---------------------------------------------------------------- entries


def entry(row: dict, ix: Index) -> str:
    """One check as the reader's entry: quote, translation, verdict, values, reasoning, sources."""
    values = {}
    if row["kind"] == "quantity":
        values = {
            "The article says": html.escape(
                fmt.span(row["article low"], row["article high"], row["unit"], row["currency"])
            ),
            "Evidence at the date": html.escape(
                fmt.span(row["evidence low"], row["evidence high"], row["unit"], row["currency"])
            ),
            "Definition used": html.escape(fmt.cell(row["definition"])),
        }
    facts = {
        "Claim": ix.cite("claim", row["claim"], row["P"]),
        **values,
        "Sources": ix.links("source", row["sources"].split(), sep="; "),
    }
    title = html.escape(f"{row['title']}: {row['verdict shown']}")
    return (
        f'<section class="cs-entry" id="{anchor("check", row["check"])}">'
        f'<p class="cs-entry-title">{title}</p>'
        + show.quote_html(row["quote"], row["English"])
        + show.facts_html(facts, markup=True)
        + show.analysis_html(ix.linkify(html.escape(row["reasoning"])))
        + "</section>"
    )


def entries(frame: pd.DataFrame, ix: Index) -> str:
    """Every check's entry, in order."""
    return "".join(entry(r, ix) for r in frame.to_dict("records"))
