"""Links between everything the report names: claims, checks, predictions, events, sources and figures.

Each of them has exactly one entry in the report, whose HTML id is `anchor(kind, id)`:

    claim       claim-C57            appendix "Claim inventory"
    check       check-fc-musk-...    chapter "Fact check", "Every check, with its reasoning"
    prediction  prediction-H04       chapter "Hindsight", "The predictions, one by one"
    event       event-<id>           appendix "Events"
    source      source-<id>          appendix "Sources"
    figure      figure-<id>          appendix "Figures" (the sourced data points, F061 and the like)
    paragraph   paragraph-<n>        appendix "The article in full", the paragraph beside its translation
                                     (linked from paragraph columns only: "P10" in prose may be a pay grade)

`Index` knows which ids exist in this report and their human names, and only ever links to an id it
knows, so no link leads nowhere. Tables use its column helpers (`ix.column("claim")`), prose its
`linkify` (which links every id it knows in a text). Everything it receives has
been HTML-escaped already (tables escape cells before formatting); its own output is markup.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from claimscope.analysis import claims, evidence, factcheck, hindsight
from claimscope.text import article as reader
from claimscope.views.anchors import anchor

INDUSTRY = "market."  # model outputs of the industry chapter, named but not (yet) linked
# ids in prose: any run of letters, digits, dots, hyphens and underscores with a letter in it (C57,
# H04, fc-..., a figure id such as F061 or alibaba-p10-pay-upper); only ids the index knows become links
_ID_IN_TEXT = re.compile(r"(?<![\w.-])(?=[\w.-]*[A-Za-z])([A-Za-z0-9](?:[\w.-]*[A-Za-z0-9])?)(?![\w-])")
_SEPARATORS = re.compile(r"[\s,;]+")
PLACEHOLDER_TITLE = "(title not shown"  # sources whose page title was never seen


def ids_in(text: str) -> list[str]:
    """Every run in `text` shaped like an id (known or not), in order."""
    return _ID_IN_TEXT.findall(text)


def _kind_of(id_: str) -> str:
    if id_.startswith("fc-"):
        return "check"
    if re.fullmatch(r"C\d{2,3}", id_):
        return "claim"
    return "prediction" if re.fullmatch(r"H\d{2}", id_) else "figure"


OTHER_KINDS = ("figure", "event", "source")  # ids with no telling shape: looked up in this order


def industry_name(key: str) -> str:
    """A model output key as words: market.short_video -> "industry model: short video"."""
    return "industry model: " + key.removeprefix(INDUSTRY).replace("_", " ")


def source_title(source) -> str:
    """A source's title in English (the project's translation of one in Chinese); for a record whose
    title was never seen, words from its address."""
    if not source.title.startswith(PLACEHOLDER_TITLE):
        return source.title_en or source.title
    url = urlparse(source.url)
    slug = unquote(url.path.rstrip("/").rsplit("/", 1)[-1])
    words = re.sub(r"\.(s?html?|php|aspx?)$", "", slug)
    words = re.sub(r"[-_+]+", " ", words).strip()
    host = url.netloc.removeprefix("www.")
    return f"{words.capitalize()} (page at {host})" if words and not words.isdigit() else f"Page at {host}"


@dataclass
class Index:
    """What this report has entries for: {(kind, id): (label, tooltip)}."""

    entries: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def add(self, kind: str, id_: str, label: str, tooltip: str = "") -> None:
        self.entries[(kind, id_)] = (label, tooltip)

    def has(self, kind: str, id_: str) -> bool:
        return (kind, id_) in self.entries

    def label(self, kind: str, id_: str) -> str:
        return self.entries.get((kind, id_), (id_, ""))[0]

    def link(self, kind: str, id_: str, text: str | None = None) -> str:
        """`text` (escaped here; the entry's label by default) linking to the entry, or plain text."""
        label, tooltip = self.entries.get((kind, id_), (id_, ""))
        shown = html.escape(text if text is not None else label)
        if not self.has(kind, id_):
            return shown
        title = f' title="{html.escape(tooltip)}"' if tooltip else ""
        return f'<a class="cs-ref cs-ref-{kind}" href="#{anchor(kind, id_)}"{title}>{shown}</a>'

    def links(self, kind: str, ids, sep: str = ", ") -> str:
        """Several entries, linked, joined by `sep`; a dash if there are none."""
        ids = [i for i in (_SEPARATORS.split(ids) if isinstance(ids, str) else ids) if i and i != "—"]
        return sep.join(self.link(kind, i) for i in ids) or "—"

    def cite(self, kind: str, id_: str, paragraph: int) -> str:
        """Where a quote comes from: "C57, paragraph 29" with the id and the paragraph (beside its
        translation in the appendix) linked."""
        return f"{self.link(kind, id_)}, {self.link('paragraph', str(int(paragraph)), f'paragraph {int(paragraph)}')}"

    def linkify(self, escaped: str) -> str:
        """Already-escaped text with every known claim, check, prediction, figure, event and source id
        made a link (the id stays the text, so a reader can find it in its appendix)."""

        def one(id_: str) -> str | None:
            shape = _kind_of(id_)
            for kind in OTHER_KINDS if shape == "figure" else (shape,):
                if self.has(kind, id_):
                    return self.link(kind, id_, id_ if kind != "check" else None)
            return None

        def repl(m: re.Match) -> str:
            id_ = m.group(1)
            if (linked := one(id_)) is not None:
                return linked
            ends = id_.split("-")  # a range such as F097-F099: both ends linked
            if len(ends) == 2 and all(linked := [one(end) for end in ends]):
                return "-".join(linked)
            return id_

        return _ID_IN_TEXT.sub(repl, escaped)

    def column(self, kind: str, sep: str = ", "):
        """For `tables.html(links=...)`: a cell of one or more ids of `kind` becomes their links."""
        return lambda text, value: self.links(kind, html.unescape(str(value)), sep) if value else text

    def text_column(self):
        """For `tables.html(links=...)`: a cell of prose with ids in it."""
        return lambda text, value: self.linkify(text)

    def mixed_column(self, sep: str = ", "):
        """A cell listing ids of several kinds (claims, checks, predictions, industry outputs)."""

        def cell(text, value) -> str:
            parts = [i for i in _SEPARATORS.split(html.unescape(str(value or ""))) if i and i != "—"]
            shown = [
                html.escape(industry_name(i)) if i.startswith(INDUSTRY) else self.link(_kind_of(i), i) for i in parts
            ]
            return sep.join(shown) or "—"

        return cell


def index(article: str, claimset=None, checks=None, predictions=None, base=None, as_of: str | None = None) -> Index:
    """Every entry this report holds for `article` (what the curated files and evidence base define).

    With `as_of`, only events dated up to that day have entries (a report as of an earlier date lists no later ones).
    """

    base = base or evidence.load()
    claimset = claimset if claimset is not None else claims.load(article)
    checks = checks if checks is not None else factcheck.load(article)
    predictions = predictions if predictions is not None else hindsight.load(article)
    ix = Index()
    for c in claimset.claims if claimset else []:
        ix.add("claim", c.id, c.id, c.paraphrase)
    for c in checks or []:
        ix.add("check", c.id, factcheck.title(c), c.quote_en)
    for p in predictions or []:
        ix.add("prediction", p.id, p.id, p.statement)
    last = dt.date.fromisoformat(as_of) if as_of else dt.date.max
    for e in base.events.values():
        if e.date <= last:
            ix.add("event", e.id, e.title, f"{e.date.isoformat()}, {e.entity}")
    for s in base.sources.values():
        publisher = s.publisher_en or s.publisher
        ix.add("source", s.id, source_title(s), f"{s.title} ({publisher})" if s.title_en else publisher)
    for f in base.figures.values():
        ix.add("figure", f.id, f.id, f"{f.metric_words}, {f.entity}, {f.period}")
    for p in reader.load_slug(article).paragraphs:
        ix.add("paragraph", str(p.number), str(p.number), "the paragraph beside its English translation")
    return ix
