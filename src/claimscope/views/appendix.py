"""The appendices: the reference entries every chapter links to (claims, sources, events, figures, signals).

Each entry carries the HTML id `links.anchor(kind, id)` and lists where it is used, linked back:
a claim its checks, predictions and industry outputs and the claims it supports or attacks; a
source the checks, events and figures that cite it; an event the predictions it resolves; a figure
the checks that cite it.
"""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd

from claimscope.analysis import factcheck, hindsight
from claimscope.analysis.claims import ClaimSet, edges
from claimscope.text import signals
from claimscope.views import fmt, show
from claimscope.views.links import INDUSTRY, Index, anchor, ids_in, industry_name, source_title
from claimscope.views.tables import Table

# ---------------------------------------------------------------- automatic signals


def score_rule() -> str:
    """The check-worthiness rule as the text module states it."""
    return signals.SCORE_RULE.strip()


def _paragraphs(ix: Index | None) -> dict:
    """A paragraph column linking each number to the paragraph and its translation (Appendix A)."""
    return {"paragraph": ix.column("paragraph")} if ix is not None else {}


def ranked(frame: pd.DataFrame, ix: Index | None = None) -> Table:
    """The most check-worthy sentences with the points behind each score."""
    shown = frame[["rank", "paragraph", "score", "text", "reasons"]].rename(
        columns={"paragraph": "paragraph", "text": "sentence", "reasons": "points"}
    )
    return Table(
        shown,
        formats={"score": lambda v: fmt.number(v, 3)},
        links=_paragraphs(ix),
        numeric=["rank", "paragraph", "score"],
    )


def numbers(frame: pd.DataFrame, ix: Index | None = None) -> Table:
    """Every number of the article, its normalised value in words and its unit."""
    rows = [
        {
            "paragraph": r["paragraph"],
            "as written": r["text"],
            "value": fmt.span(
                r["low"], r["high"], r["unit"], r["currency"] if isinstance(r["currency"], str) else None
            ),
            "unit": r["unit"],
            "reading": r["kind"],
        }
        for r in frame.to_dict("records")
    ]
    return Table(pd.DataFrame(rows), links=_paragraphs(ix), numeric=["paragraph", "value"])


# ---------------------------------------------------------------- claims


def _uses(claimset: ClaimSet) -> dict[str, dict[str, list[str]]]:
    uses = {c.id: {"supported by": [], "attacked by": []} for c in claimset.claims}
    for a, b, relation in edges(claimset):
        uses[b]["supported by" if relation == "support" else "attacked by"].append(a)
    return uses


def claim_entry(claim, section, uses: dict, ix: Index, checked: list[tuple[str, str]] = ()) -> str:
    """A claim's entry; `checked` lists the (check id, verdict) of every fact check of the claim."""
    tested = [ix.link("check", i) if i.startswith("fc-") else html.escape(i) for i in claim.evidence_ids]
    tested += [html.escape(industry_name(i)) for i in claim.model_outputs if i.startswith(INDUSTRY)]
    tested += [ix.link("prediction", i) for i in claim.prediction_ids]
    where = f"paragraph {claim.paragraph}, section {section.id}: {section.title}"
    kind = f"{claim.type}, {claim.role}; evidence offered: {claim.evidence}"
    links = {
        "Supports": ", ".join(ix.link("claim", i) for i in claim.supports),
        "Attacks": ", ".join(ix.link("claim", i) for i in claim.attacks),
        "Supported by": ", ".join(ix.link("claim", i) for i in uses["supported by"]),
        "Attacked by": ", ".join(ix.link("claim", i) for i in uses["attacked by"]),
        "Tested in": ", ".join(tested),
    }
    devices = "; ".join(html.escape(f"{d.device}: {d.rationale}") for d in claim.devices)
    verdicts = "; ".join(f"<b>{html.escape(verdict)}</b> ({ix.link('check', check)})" for check, verdict in checked)
    # the assessment was written when the argument was broken down; a check may have settled it since
    title = "Assessment at the breakdown, before the fact check" if checked else ""
    return (
        f'<section class="cs-entry cs-claim" id="{anchor("claim", claim.id)}">'
        f'<p class="cs-entry-title">{html.escape(claim.id)} <span class="cs-entry-sub">{html.escape(where)}</span></p>'
        + show.quote_html(claim.quote, claim.quote_en)
        + show.meta_html({"Paraphrase (analysis)": html.escape(claim.paraphrase), "Kind": html.escape(kind)})
        + show.meta_html(links)
        + show.meta_html({"Devices (analysis)": devices, "Fact-check verdict": verdicts})
        + show.analysis_html(ix.linkify(html.escape(claim.assessment)), title_html=html.escape(title))
        + "</section>"
    )


def claim_entries(claimset: ClaimSet, ix: Index, checked: pd.DataFrame | None = None) -> str:
    """Every claim's entry, in the article's order; `checked` is factcheck.results (each claim's verdicts)."""
    if not claimset:
        return '<p class="cs-notice">No curated claim breakdown exists yet for this article.</p>'
    uses = _uses(claimset)
    verdicts: dict[str, list[tuple[str, str]]] = {}
    for row in (checked if checked is not None else pd.DataFrame(columns=["check", "claim", "verdict"])).itertuples():
        verdicts.setdefault(row.claim, []).append((row.check, row.verdict))
    return "".join(
        claim_entry(c, claimset.section_of(c.paragraph), uses[c.id], ix, verdicts.get(c.id, []))
        for c in claimset.claims
    )


# ---------------------------------------------------------------- sources and events


def cited_by(base, checks) -> dict[str, dict[str, list[str]]]:
    """For every source: the checks, the events and the figures that cite it."""
    uses: dict[str, dict[str, list[str]]] = {s: {"check": [], "event": [], "figure": []} for s in base.sources}
    for check in checks or []:
        for sid in factcheck.sources_of(check, base):
            uses[sid]["check"].append(check.id)
    for kind, records in (("event", base.events.values()), ("figure", base.figures.values())):
        for record in records:  # its own source, and those its note names as corroboration
            for sid in dict.fromkeys([record.source_id, *ids_in(record.note or "")]):
                if sid in uses and record.id not in uses[sid][kind]:
                    uses[sid][kind].append(record.id)
    return uses


def source_entry(source, uses: dict, ix: Index) -> str:
    english = (
        f' <span class="cs-translation">{html.escape(source.quote_en)} <span class="cs-label">translation</span></span>'
        if source.quote_en
        else ""
    )
    published = fmt.date(source.date_published) if source.date_published else f"undated ({source.date_published_note})"
    events = [i for i in uses["event"] if ix.has("event", i)]  # events after the as-of date have no entry
    where = [ix.link(kind, i) for kind, ids in (("check", uses["check"]), ("event", events)) for i in ids]
    where += [ix.link("figure", i) for i in uses["figure"]]
    original = (
        f'<span lang="zh">{html.escape(source.title)}</span> <span class="cs-label">original title</span>'
        if source.title_en
        else ""
    )
    meta = {
        "Original title": original,
        "Publisher": html.escape(source.publisher_en or source.publisher)
        + (f' (<span lang="zh">{html.escape(source.publisher)}</span>)' if source.publisher_en else ""),
        "Published": html.escape(published),
        "Accessed": html.escape(fmt.date(source.date_accessed)),
        "Reliability": html.escape(source.tier),
        "Quote found again": "yes" if source.quote_rechecked else "no (copied from the page once)",
    }
    return (
        f'<section class="cs-entry cs-source" id="{anchor("source", source.id)}">'
        f'<p class="cs-entry-title">{html.escape(source_title(source))} '
        f'<span class="cs-entry-sub">{html.escape(source.id)}</span></p>'
        + show.meta_html(meta)
        + f'<p class="cs-source-quote">“{html.escape(source.quote)}”{english}</p>'
        + show.meta_html(
            {
                "Address": f'<a class="cs-url" href="{html.escape(source.url)}">{html.escape(source.url)}</a>',
                "Cited by": "; ".join(where) or "—",
            }
        )
        + "</section>"
    )


def source_entries(base, checks, ix: Index) -> str:
    """Every source record, sorted by title."""
    uses = cited_by(base, checks)
    chosen = sorted(base.sources.values(), key=lambda s: source_title(s).lower())
    return "".join(source_entry(s, uses[s.id], ix) for s in chosen)


def event_entries(base, predictions, ix: Index, as_of: str | None = None) -> str:
    """Every dated event up to `as_of` (all by default), oldest first, with its source and the predictions it resolves."""
    last = dt.date.fromisoformat(as_of) if as_of else dt.date.max
    known = hindsight.events_until(base, last)
    resolves: dict[str, list[str]] = {}  # by the resolution in effect as of `as_of`
    pending: dict[str, list[str]] = {}  # by a resolution that also needs events after `as_of`
    for p in predictions or []:
        current = hindsight.resolve(p, known)[1]
        for r in p.resolutions:
            for e in r.events:
                (resolves if r is current else pending).setdefault(e, []).append(p.id)
    out = []
    for e in sorted((e for e in base.events.values() if e.date <= last), key=lambda e: (e.date, e.id)):
        value = fmt.quantity(e.value, e.unit, e.currency) if e.value is not None else None
        meta = {
            "Date": html.escape(fmt.date(e.date)),
            "Who": html.escape(e.entity),
            "Where": html.escape(e.region),
            "Category": html.escape(e.category),
            "Value": html.escape(value) if value else "",
            "Source": ix.link("source", e.source_id),
            "Resolves": ", ".join(ix.link("prediction", i) for i in dict.fromkeys(resolves.get(e.id, []))),
            "Cited for, once later events are in": ", ".join(
                ix.link("prediction", i) for i in dict.fromkeys(pending.get(e.id, []))
            ),
        }
        note = show.meta_html({"Note": html.escape(e.note)}) if e.note else ""
        out.append(
            f'<section class="cs-entry cs-event" id="{anchor("event", e.id)}">'
            f'<p class="cs-entry-title">{html.escape(e.title)} <span class="cs-entry-sub">{html.escape(e.id)}</span></p>'
            + show.meta_html(meta)
            + note
            + "</section>"
        )
    return "".join(out)


# ---------------------------------------------------------------- figures


def figure_checks(base, checks) -> dict[str, list[str]]:
    """For every figure: the checks that cite it (as evidence, denominator or exchange rate, or by
    naming it in their reasoning)."""
    uses: dict[str, list[str]] = {f: [] for f in base.figures}
    for check in checks or []:
        named = ids_in(f"{check.reasoning} {check.override_reason or ''}")
        for fid in dict.fromkeys([*factcheck.figures_of(check), *named]):
            if fid in uses:
                uses[fid].append(check.id)
    return uses


def figure_table(base, checks, ix: Index) -> Table:
    """Every figure of the evidence base, by id: what it measures, its value, its source, who cites it."""
    uses = figure_checks(base, checks)
    rows = [
        {
            "figure": f.id,
            "metric": f.metric_words,
            "entity": f.entity,
            "period": f.period,
            "value": fmt.quantity(f.value, f.unit, f.currency),
            "source": f.source_id,
            "cited by checks": ", ".join(uses[f.id]),
            "note": f.note or "",
        }
        for f in sorted(base.figures.values(), key=lambda f: f.id.lower())
    ]
    frame = pd.DataFrame(
        rows, columns=["figure", "metric", "entity", "period", "value", "source", "cited by checks", "note"]
    )
    target = lambda text, value: f'<span id="{anchor("figure", html.unescape(str(value)))}">{text}</span>'  # noqa: E731
    return Table(
        frame,
        links={"figure": target, "source": ix.column("source"), "cited by checks": ix.column("check", "; ")},
        numeric=["value"],
        wide=True,
    )
