"""Every table of the report, drawn by one library (pandas' Styler) with one set of formats.

    tables.html(frame, formats={"revenue": lambda v: fmt.money(v, "USD")}, links={"claim": links.claims})

- every cell's text is HTML-escaped first; a column's format (a function of the value, from
  `views.fmt`) turns it into text, and a link function (from `views.links`) may then wrap it in a
  link; columns with no format go through `fmt.cell`, so no cell shows 1e+06, 0.333333, None or nan;
- missing values print as an em dash;
- numeric columns are right-aligned (class `cs-numeric`);
- the table sits in a box that scrolls sideways on its own when it is wider than the page (the page
  itself never does), and prints with every column: numbers never split, words break at spaces and
  hyphens, and a `wide` (reference) table's text after slashes and underscores too.

Ids are derived from the table's content, so two builds of the same inputs write the same HTML.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pandas as pd
from pandas.io.formats.style import Styler

from claimscope.views import fmt

Format = Callable[[object], str]


def _uuid(frame: pd.DataFrame) -> str:
    digest = hashlib.sha1(frame.to_json(force_ascii=False, default_handler=str).encode("utf-8"))
    return digest.hexdigest()[:10]


def _numeric(frame: pd.DataFrame) -> list[str]:
    return [
        c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
    ]


def _compose(format_: Format, link: Callable[[str, object], str] | None) -> Callable[[object], str]:
    if link is None:
        return format_
    return lambda value: link(format_(value), value)


_TEXT_OR_TAG = re.compile(r"(<[^>]*>)|([/_])")


def breakable(markup: str) -> str:
    """Markup whose text may break after a slash or an underscore (file names, paths, joined names),
    which browsers otherwise never break: a long one would make its column, and the table, too wide."""
    return _TEXT_OR_TAG.sub(lambda m: m.group(1) or f"{m.group(2)}<wbr>", markup)


def styler(
    frame: pd.DataFrame,
    formats: dict[str, Format] | None = None,
    links: dict[str, Callable[[str, object], str]] | None = None,
    index: bool = False,
    numeric: list[str] | None = None,
    wide: bool = False,
) -> Styler:
    """The Styler behind `html`, for a caller that wants to add to it."""
    formats, links = formats or {}, links or {}
    frame = frame.reset_index(drop=not index) if index else frame.reset_index(drop=True)
    style = Styler(frame, uuid=_uuid(frame), cell_ids=False)
    formatter = {c: _compose(formats.get(c, fmt.cell), links.get(c)) for c in frame.columns}
    if wide:
        formatter = {c: (lambda value, f=f: breakable(f(value))) for c, f in formatter.items()}
    style = style.format(formatter, escape="html", na_rep=fmt.MISSING)
    right = numeric if numeric is not None else [c for c in _numeric(frame) if c not in links]
    classes = pd.DataFrame("", index=frame.index, columns=frame.columns)
    for column in right:
        classes[column] = "cs-numeric"
    return style.hide(axis="index").set_td_classes(classes).set_table_attributes('class="cs-table"')


def html(
    frame: pd.DataFrame,
    formats: dict[str, Format] | None = None,
    links: dict[str, Callable[[str, object], str]] | None = None,
    index: bool = False,
    numeric: list[str] | None = None,
    wide: bool = False,
) -> str:
    """The table as HTML in its own scrolling box (`wide`: a reference table of file names, paths and
    joined names, whose text may break after a slash or an underscore)."""
    table = styler(frame, formats, links, index, numeric, wide).to_html()
    kind = " cs-wide" if wide else ""
    return f'<div class="cs-table-wrap{kind}" tabindex="0">{table}</div>'


@dataclass
class Table:
    """A frame with its column formats and links: what `show.table` draws (see `html`)."""

    frame: pd.DataFrame
    formats: dict[str, Format] = field(default_factory=dict)
    links: dict[str, Callable[[str, object], str]] = field(default_factory=dict)
    index: bool = False
    numeric: list[str] | None = None
    wide: bool = False

    def head(self, n: int) -> Table:
        return replace(self, frame=self.frame.head(n))

    def html(self) -> str:
        return html(self.frame, self.formats, self.links, self.index, self.numeric, self.wide)
