"""One chart theme and renderer for every chapter, and the chart builders shared by chapters."""

from __future__ import annotations

import altair as alt
import pandas as pd
from altair.vegalite.v6.display import html_renderer

# "claimscope CJK" is the font subset the report embeds; the rest serve live Jupyter sessions.
FONT = "DejaVu Sans, claimscope CJK, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"
PALETTE = ["#1f5f8b", "#d1603d", "#3c8d5a", "#8e6c8a", "#c9a227", "#5b7083", "#b44b6b", "#4aa3a2"]
WIDTH = 620
VEGALITE_MIME = "application/vnd.vegalite.v6+json"
# Axis labels in the words of views.fmt.scaled (Vega expression): 2.5e11 -> "250 bn", 1e5 -> "100,000".
SCALED_LABEL = (
    "abs(datum.value) >= 1e12 ? format(datum.value / 1e12, ',.3~r') + ' tn'"
    " : abs(datum.value) >= 1e9 ? format(datum.value / 1e9, ',.3~r') + ' bn'"
    " : abs(datum.value) >= 1e6 ? format(datum.value / 1e6, ',.3~r') + ' m'"
    " : format(datum.value, ',.3~r')"
)


@alt.theme.register("claimscope", enable=False)
def _theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": WIDTH, "continuousHeight": 300, "stroke": None},
            "axis": {
                "labelFont": FONT,
                "titleFont": FONT,
                "labelFontSize": 11,
                "titleFontSize": 12,
                "gridColor": "#e6e6e6",
            },
            "legend": {"labelFont": FONT, "titleFont": FONT},
            "title": {"font": FONT, "fontSize": 14, "anchor": "start"},
            "range": {"category": PALETTE},
        }
    }


def _renderer(spec: dict, **metadata) -> dict:
    """Vega-Lite JSON (which the report embeds offline) plus Altair's HTML for live Jupyter use."""
    html = html_renderer(spec, **metadata)
    html = html[0] if isinstance(html, tuple) else html
    # "+json" keeps the spec a JSON object in the notebook file (nbformat's schema wants that)
    return {VEGALITE_MIME: spec, "text/html": html["text/html"], "text/plain": "<chart>"}


alt.renderers.register("claimscope", _renderer)


def use_theme() -> None:
    """Enable the project's theme and renderer (idempotent); chapters call it once."""
    alt.theme.enable("claimscope")
    alt.renderers.enable("claimscope")
    alt.data_transformers.disable_max_rows()


def bar_by_paragraph(frame: pd.DataFrame, value: str, title: str, value_title: str) -> alt.Chart:
    """Bars per paragraph number with a tooltip; `frame` has columns paragraph, <value>, preview."""
    return (
        alt.Chart(frame[["paragraph", value, "preview"]], title=title)
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("paragraph:O", title="Paragraph", axis=alt.Axis(labelAngle=0, labelOverlap=True)),
            y=alt.Y(f"{value}:Q", title=value_title, axis=alt.Axis(format=",d")),
            tooltip=[
                alt.Tooltip("paragraph:O", title="Paragraph"),
                alt.Tooltip(f"{value}:Q", title=value_title, format=",d"),
                alt.Tooltip("preview:N", title="Begins"),
            ],
        )
        .properties(width=WIDTH, height=220)
    )


def signals_by_paragraph(frame: pd.DataFrame) -> alt.Chart:
    """A heat strip: for each signal (row) and paragraph (column), how many were found."""
    base = alt.Chart(frame, title="Automatic signals by paragraph").encode(
        x=alt.X("paragraph:O", title="Paragraph", axis=alt.Axis(labelAngle=0, labelOverlap=True)),
        y=alt.Y("signal:N", title=None, sort=None),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("count:Q", scale=alt.Scale(scheme="blues"), title="Found", legend=alt.Legend(format="d")),
        tooltip=[
            alt.Tooltip("paragraph:O", title="Paragraph"),
            alt.Tooltip("signal:N", title="Signal"),
            alt.Tooltip("count:Q", title="Found", format=",d"),
        ],
    )
    return cells.properties(width=WIDTH, height=alt.Step(18))
