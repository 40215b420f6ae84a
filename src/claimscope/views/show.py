"""Display helpers for chapters: captioned figures and tables, quotes with translations, labelled analysis.

Everything that comes from data is escaped here, so article text or a data note can never become
markup or script in the report.
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML, display

CAPTION_KEY = "claimscope"


def _caption(kind: str, caption: str) -> None:
    display(
        HTML(f'<p class="cs-caption cs-{kind}-caption">{html.escape(caption)}</p>'),
        metadata={CAPTION_KEY: {"kind": kind}},
    )


def figure(chart, caption: str) -> None:
    """Show a chart with a numbered caption (numbers are given when chapters are merged)."""
    display(chart)
    _caption("figure", caption)


def table(frame: pd.DataFrame, caption: str, index: bool = False, max_rows: int | None = None) -> None:
    """Show a table with a numbered caption; cell text is escaped."""
    shown = frame if max_rows is None else frame.head(max_rows)
    _caption("table", caption)
    display(HTML(shown.to_html(index=index, escape=True, classes="cs-table", border=0, na_rep="—")))
    if max_rows is not None and len(frame) > max_rows:
        display(HTML(f'<p class="cs-more">{len(frame) - max_rows} more rows in the data export.</p>'))


def quote(chinese: str, english: str, where: str = "") -> None:
    """A verbatim quote beside its translation (translation labelled as the project's own)."""
    cite = f'<span class="cs-where">{html.escape(where)}</span>' if where else ""
    display(
        HTML(
            '<div class="cs-quote">'
            f'<blockquote lang="zh">{html.escape(chinese)}</blockquote>'
            f'<p class="cs-translation">{html.escape(english)} <span class="cs-label">translation</span>{cite}</p>'
            "</div>"
        )
    )


def analysis(text: str, reasoning: str = "", title: str = "") -> None:
    """A judgement of the analyst's, labelled as such, with its reasoning beside it."""
    why = f'<p class="cs-reasoning"><b>Reasoning:</b> {html.escape(reasoning)}</p>' if reasoning else ""
    head = f" <b>{html.escape(title)}</b>" if title else ""
    display(
        HTML(
            f'<div class="cs-analysis"><span class="cs-label">analysis</span>{head}'
            f"<p>{html.escape(text)}</p>{why}</div>"
        )
    )


def notice(text: str) -> None:
    """A plain statement for the reader (e.g. that no curated analysis exists yet)."""
    display(HTML(f'<div class="cs-notice"><p>{html.escape(text)}</p></div>'))


def draft_banner(claimset) -> None:
    """For a drafted claim set, a plain banner saying that the argument below is a DRAFT; else nothing."""
    if getattr(claimset, "draft", False):
        display(
            HTML(
                '<div class="cs-notice cs-draft"><p><b>DRAFT argument.</b> No curated claim breakdown exists yet '
                "for this article (no claims.yaml), so this chapter shows the argument drafted automatically from "
                "its discourse structure: every candidate claim quotes the article, but types, roles and links are "
                "guesses, and labels below that say analysis are the drafting rules' reasons, not an analyst's. "
                "An analyst curates claims.draft.yaml into claims.yaml.</p></div>"
            )
        )


def facts(pairs: dict) -> None:
    """A small two-column list of labelled facts."""
    rows = "".join(f"<tr><th>{html.escape(str(k))}</th><td>{html.escape(str(v))}</td></tr>" for k, v in pairs.items())
    display(HTML(f'<table class="cs-facts">{rows}</table>'))


def paragraphs(rows: list[tuple[int, str, str]]) -> None:
    """The article paragraph by paragraph: number, original, translation (may be empty)."""
    body = "".join(
        f'<tr><td class="cs-pnum">P{n}</td><td lang="zh">{html.escape(zh)}</td>'
        f'<td class="cs-en">{html.escape(en)}</td></tr>'
        for n, zh, en in rows
    )
    display(
        HTML(
            '<table class="cs-table cs-parallel"><thead><tr><th>#</th><th>Original</th>'
            f"<th>English (the project's translation)</th></tr></thead><tbody>{body}</tbody></table>"
        )
    )


def preformatted(text: str) -> None:
    """A block of plain text kept as written (e.g. a documented rule)."""
    display(HTML(f'<pre class="cs-pre">{html.escape(text.strip())}</pre>'))
