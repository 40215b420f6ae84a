"""Display helpers for chapters: captioned figures and tables, quotes with translations, labelled analysis.

Everything that comes from data is escaped here, so article text or a data note can never become
markup or script in the report.
"""

from __future__ import annotations

import html
import json
from dataclasses import replace

import pandas as pd
from IPython.display import HTML, display

from claimscope.views import fmt, tables
from claimscope.views.anchors import anchor

CAPTION_KEY = "claimscope"


def _caption_html(kind: str, caption: str) -> str:
    return f'<p class="cs-caption cs-{kind}-caption">{html.escape(caption)}</p>'


def _caption(kind: str, caption: str) -> None:
    display(HTML(_caption_html(kind, caption)), metadata={CAPTION_KEY: {"kind": kind}})


def figure(chart, caption: str) -> None:
    """Show a chart (Altair, or markup such as an inlined SVG) with a numbered caption.

    Numbers are given when chapters are merged.
    """
    display(HTML(f'<div class="cs-figure">{chart}</div>') if isinstance(chart, str) else chart)
    _caption("figure", caption)


def table(frame, caption: str, index: bool = False, max_rows: int | None = None, ix=None) -> None:
    """Show a table under its numbered caption: a DataFrame (formatted by `fmt.cell`) or a `tables.Table`.

    Caption and table are one output, so a page break never falls between them. With `ix` (a
    `links.Index`), the ids in every text column that has no link of its own become links.
    """
    spec = frame if isinstance(frame, tables.Table) else tables.Table(frame, index=index)
    if ix is not None:
        text = [
            c for c in spec.frame.columns if not pd.api.types.is_numeric_dtype(spec.frame[c]) and c not in spec.links
        ]
        spec = replace(spec, links={**spec.links, **{c: ix.text_column() for c in text}})
    rows = len(spec.frame)
    if max_rows is not None:
        spec = spec.head(max_rows)
    more = (
        f'<p class="cs-more">{rows - max_rows} more rows in the data export.</p>'
        if max_rows and rows > max_rows
        else ""
    )
    display(
        HTML(f'<div class="cs-table-block">{_caption_html("table", caption)}{spec.html()}{more}</div>'),
        metadata={CAPTION_KEY: {"kind": "table"}},
    )


def html_block(markup: str) -> None:
    """Show markup built by a views module (which escaped everything that came from data)."""
    display(HTML(markup))


def quote_html(chinese: str, english: str, where: str = "", where_html: str = "") -> str:
    """A verbatim quote beside its translation; `where_html` is markup (e.g. links) made by a views module."""
    cite = where_html or (html.escape(where) if where else "")
    cite = f'<span class="cs-where">{cite}</span>' if cite else ""
    return (
        '<div class="cs-quote">'
        f'<blockquote lang="zh">{html.escape(chinese)}</blockquote>'
        f'<p class="cs-translation">{html.escape(english)} <span class="cs-label">translation</span>{cite}</p>'
        "</div>"
    )


def quote(chinese: str, english: str, where: str = "", where_html: str = "") -> None:
    """A verbatim quote beside its translation (translation labelled as the project's own)."""
    display(HTML(quote_html(chinese, english, where, where_html)))


def analysis_html(text_html: str, reasoning_html: str = "", title_html: str = "") -> str:
    """An analysis box from markup (escape data first, e.g. with `links.Index.linkify(html.escape(text))`)."""
    why = f'<p class="cs-reasoning"><b>Reasoning:</b> {reasoning_html}</p>' if reasoning_html else ""
    head = f" <b>{title_html}</b>" if title_html else ""
    return f'<div class="cs-analysis"><span class="cs-label">analysis</span>{head}<p>{text_html}</p>{why}</div>'


def analysis(text: str, reasoning: str = "", title: str = "", ix=None) -> None:
    """A judgement of the analyst's, labelled as such, with its reasoning beside it.

    With `ix` (a `links.Index`), the claim, check and prediction ids in the text become links.
    """
    link = ix.linkify if ix is not None else (lambda t: t)
    display(HTML(analysis_html(link(html.escape(text)), link(html.escape(reasoning)), link(html.escape(title)))))


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


def facts_html(pairs: dict, markup: bool = False) -> str:
    """A two-column list of labelled facts; values are text (escaped) unless `markup`."""
    value = (lambda v: str(v)) if markup else (lambda v: html.escape(fmt.cell(v)))
    rows = "".join(f"<tr><th>{html.escape(str(k))}</th><td>{value(v)}</td></tr>" for k, v in pairs.items())
    return f'<table class="cs-facts">{rows}</table>'


def meta_html(pairs: dict) -> str:
    """Labelled facts on one wrapping line ("Publisher Reuters · Published 3 Mar 2024"); values are markup."""
    items = [f'<span><span class="cs-meta-key">{html.escape(k)}</span> {v}</span>' for k, v in pairs.items() if v]
    return f'<p class="cs-meta">{" · ".join(items)}</p>'


def facts(pairs: dict) -> None:
    """A small two-column list of labelled facts (numbers formatted for people)."""
    display(HTML(facts_html(pairs)))


def paragraphs(rows: list[tuple[int, str, str]]) -> None:
    """The article paragraph by paragraph: number, original, translation (may be empty); each row is
    the target of `links.anchor("paragraph", n)`."""
    body = "".join(
        f'<tr id="{anchor("paragraph", str(n))}"><td class="cs-pnum">P{n}</td><td lang="zh">{html.escape(zh)}</td>'
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


DATA_MIME = "application/vnd.claimscope.data+json"  # a data file a chapter hands to the build


def data_text(content) -> str:
    """A data file's text: a DataFrame as CSV, a string as it is, anything else as JSON."""
    if isinstance(content, pd.DataFrame):
        return content.to_csv(index=False)
    if isinstance(content, str):
        return content
    return json.dumps(content, ensure_ascii=False, indent=1) + "\n"


def data(files: dict[str, object]) -> None:
    """Hand the chapter's data files to the build, which writes them beside the report (data/).

    The chapter computes them once, with the results it shows; in Jupyter each shows as a line
    naming the file. They are not part of the report's pages.
    """
    for name, content in files.items():
        text = data_text(content)
        size = f"{len(content):,} rows" if isinstance(content, pd.DataFrame) else f"{len(text):,} characters"
        display({DATA_MIME: {"name": name, "text": text}, "text/plain": f"data file {name} ({size})"}, raw=True)
