"""Hindsight for readers: the timeline, the resolution chart, the scorecard and one entry per prediction.

Works on the ledger of `analysis.hindsight.table`; numbers go through `views.fmt`, ids through
`views.links`.
"""

from __future__ import annotations

import datetime as dt
import html

import altair as alt
import pandas as pd

from claimscope.analysis import hindsight
from claimscope.analysis.hindsight import Prediction
from claimscope.views import fmt, show
from claimscope.views.charts import WIDTH
from claimscope.views.links import Index, anchor
from claimscope.views.tables import Table

RESOLUTION_COLOURS = {
    "right": "#3c8d5a",
    "partly right": "#c9a227",
    "wrong": "#d1603d",
    "not yet resolvable": "#7b8fa6",
    "open": "#9aa5ae",
}


def timeline(base, predictions: list[Prediction], as_of: str, article_date: str) -> alt.LayerChart:
    """Events over time by category, the article's date, the as-of date and the predictions' horizons."""
    day = dt.date.fromisoformat(as_of)
    events = base.events_frame()
    events = events[events["date"] <= day].copy()
    events["when"] = events["date"].map(fmt.date)
    events["date"] = pd.to_datetime(events["date"])
    known = hindsight.events_until(base, day)  # the resolutions in effect on the as-of date
    cited = {e for p in predictions if (r := hindsight.resolve(p, known)[1]) for e in r.events}
    events["cited"] = events["id"].isin(cited).map({True: "cited by a resolution", False: "context"})
    x = alt.X("date:T", title=None, scale=alt.Scale(domain=[article_date, as_of]), axis=alt.Axis(format="%b %Y"))
    dots = (
        alt.Chart(events)
        .mark_point(filled=True, size=70)
        .encode(
            x=x,
            y=alt.Y("category:N", title=None),
            color=alt.Color("region:N", title="Region"),
            shape=alt.Shape("cited:N", title="Event"),
            tooltip=[
                alt.Tooltip("when:N", title="Date"),
                alt.Tooltip("title:N", title="Event"),
                alt.Tooltip("entity:N", title="Who"),
            ],
        )
    )
    marks = pd.DataFrame({"date": pd.to_datetime([article_date, as_of]), "label": ["the article", "the as-of date"]})
    rules = (
        alt.Chart(marks)
        .mark_rule(strokeDash=[4, 3], color="#1d2329")
        .encode(x="date:T", tooltip=[alt.Tooltip("label:N", title="Line")])
    )
    horizons = pd.DataFrame({"date": sorted({p.horizon for p in predictions if p.horizon <= day})})
    horizons["when"] = horizons["date"].map(fmt.date)
    horizons["date"] = pd.to_datetime(horizons["date"])
    horizon_rules = (
        alt.Chart(horizons)
        .mark_rule(color="#c9a227", opacity=0.6)
        .encode(x="date:T", tooltip=[alt.Tooltip("when:N", title="A prediction's horizon")])
    )
    return (rules + horizon_rules + dots).properties(
        width=WIDTH - 180, height=alt.Step(24), title="Events since the article, by category"
    )


def resolution_chart(frame: pd.DataFrame) -> alt.Chart:
    """Each prediction's implied probability, coloured by how it resolved."""
    data = frame.assign(probability=frame["implied probability"].map(fmt.probability))
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("prediction:N", title=None, sort=None),
            x=alt.X(
                "implied probability:Q",
                title="Probability the article's wording implies",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%"),
            ),
            color=alt.Color(
                "resolution:N",
                scale=alt.Scale(domain=list(RESOLUTION_COLOURS), range=list(RESOLUTION_COLOURS.values())),
                title="Resolution",
            ),
            tooltip=[
                alt.Tooltip("prediction:N", title="Prediction"),
                alt.Tooltip("statement:N", title="Statement"),
                alt.Tooltip("probability:N", title="Implied probability"),
                alt.Tooltip("resolution:N", title="Resolution"),
            ],
        )
        .properties(
            width=WIDTH - 200, height=alt.Step(20), title="Each prediction: the confidence implied and how it resolved"
        )
    )


def scorecard(card: dict, as_of: str) -> dict:
    """The scorecard's figures in words for readers."""
    shown = {"As of": fmt.date(as_of)}
    for key, value in card.items():
        if key == "share right":
            shown["Score (right 1, partly 0.5, wrong 0), mean"] = fmt.percent(value, 0)
        elif key == "Brier score":
            shown["Brier score (0 is perfect, 0.25 is always saying 50%)"] = fmt.number(value, 2)
        else:
            shown[key.capitalize()] = value
    return shown


def ledger(frame: pd.DataFrame, ix: Index) -> Table:
    """Each prediction, the probability its wording implies and how it resolved."""
    shown = frame[["prediction", "statement", "implied probability", "resolution"]]
    return Table(shown, formats={"implied probability": fmt.probability}, links={"prediction": ix.column("prediction")})


def confidence(frame: pd.DataFrame) -> Table:
    """Markers of confidence and the probability each implies."""
    return Table(frame, formats={"implied probability": fmt.probability})


def calibration(frame: pd.DataFrame) -> Table:
    """Predictions grouped by implied probability, with their mean score."""
    shown = frame.rename(columns={"observed": "mean score"})
    return Table(shown, formats={"implied probability": fmt.probability, "mean score": fmt.probability})


def entry(row: dict, ix: Index) -> str:
    """One prediction as the reader's entry: quote, criterion, horizon, resolution with its events."""
    facts = {
        "Prediction": html.escape(row["statement"]),
        "From claims": ix.links("claim", row["claims"]),
        "Criterion": html.escape(row["criterion"]),
        "Horizon": html.escape(fmt.date(row["horizon"])),
        "Wording and implied probability": html.escape(
            f"{row['marker']}: {fmt.probability(row['implied probability'])}"
        ),
        "Events": ix.links("event", row["evidence"], sep="; ") if row["evidence"] else "none yet",
    }
    reasoning = row["reasoning"] or "No event up to the as-of date settles it."
    return (
        f'<section class="cs-entry" id="{anchor("prediction", row["prediction"])}">'
        f'<p class="cs-entry-title">{html.escape(row["prediction"])}: {html.escape(row["resolution"])}</p>'
        + show.quote_html(row["quote"], row["English"])
        + show.facts_html(facts, markup=True)
        + show.analysis_html(ix.linkify(html.escape(reasoning)))
        + "</section>"
    )


def entries(frame: pd.DataFrame, ix: Index) -> str:
    """Every prediction's entry, in order."""
    return "".join(entry(r, ix) for r in frame.to_dict("records"))
