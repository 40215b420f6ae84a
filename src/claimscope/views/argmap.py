"""The argument map drawn by Graphviz as SVG (inlined in the page), and the claim-mix charts.

Each node is a box with the claim's id and a few words of its paraphrase; its fill is the claim's
type (TYPE_COLOURS, the same colours in every chart of the report) and its outline its role
(ROLE_STYLES). Support links are solid grey arrows, attack links dashed red ones. Every node links
to the claim's entry in the appendix. `legend_html` draws the legend with the same shapes and
colours as the map, so the legend shows what is drawn.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import altair as alt

from claimscope.analysis.claims import (
    EVIDENCE,
    ROLES,
    TYPES,
    ClaimSet,
    conclusions_frame,
    devices_frame,
    edges,
    mix,
    sections_frame,
)
from claimscope.analysis.claims import load_bearing as load_bearing_frame
from claimscope.errors import SystemDependencyError
from claimscope.views.charts import PALETTE, WIDTH
from claimscope.views.links import Index, anchor
from claimscope.views.tables import Table

FONT = "DejaVu Sans"
TYPE_COLOURS = dict(zip(TYPES, PALETTE))
# role -> Graphviz node attributes (the outline says the role)
ROLE_STYLES = {
    "main thesis": {"penwidth": "3.2", "peripheries": "2", "style": "filled,rounded"},
    "sub-thesis": {"penwidth": "2.4", "style": "filled,rounded"},
    "premise": {"penwidth": "1", "style": "filled,rounded"},
    "evidence": {"penwidth": "1", "style": "filled"},
    "concession": {"penwidth": "1.2", "style": "filled,rounded,dashed"},
    "aside": {"penwidth": "1", "style": "filled,rounded,dotted"},
}
LINK_STYLES = {
    "support": {"color": "#5b6670", "style": "solid", "label": "supports"},
    "attack": {"color": "#c0392b", "style": "dashed", "label": "attacks"},
}
OUTSIDE = {"fill": "#ffffff", "ink": "#5b6670"}
LINE_CHARS = 24
MAX_LINES = 4


# ---------------------------------------------------------------- labels


def short(paraphrase: str, max_words: int = 11) -> str:
    """A few words of a paraphrase: its first clause when that is short enough, else its first words and '…'."""
    text = " ".join(paraphrase.split())
    clause = re.split(r"(?<=[;:])\s|\s[-–—]\s|,\s(?:but|and|so|which|because)\s", text, maxsplit=1)[0].rstrip(";:,.")
    words = clause.split()
    if len(words) >= 4 and len(words) <= max_words:
        return clause + ("…" if clause != text.rstrip(".") else "")
    words = text.rstrip(".").split()
    return " ".join(words[:max_words]) + ("…" if len(words) > max_words else "")


def wrap(text: str, width: int = LINE_CHARS, lines: int = MAX_LINES) -> list[str]:
    """Greedy word wrap into at most `lines` lines (the last ends with '…' if text was cut)."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1].rstrip("…") + "…"
    return out


def node_lines(claim) -> list[str]:
    """The text drawn on a claim's node: its id, then its short paraphrase wrapped."""
    return [claim.id, *wrap(short(claim.paraphrase))]


# ---------------------------------------------------------------- Graphviz


def _attrs(values: dict) -> str:
    return ", ".join(f'{k}="{v}"' for k, v in values.items())


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def dot_source(claimset: ClaimSet, ids: list[str] | None = None) -> str:
    """Graphviz source of the map of `ids` (all claims by default), premises left of what they support;
    claims of other sections linked to them are drawn greyed."""
    by_id = claimset.by_id
    chosen = set(ids or by_id)
    links = [(a, b, r) for a, b, r in edges(claimset) if a in chosen or b in chosen]
    shown = sorted(chosen | {x for a, b, _ in links for x in (a, b)}, key=lambda i: int(i[1:]))
    lines = [
        "digraph A {",
        "rankdir=LR; nodesep=0.14; ranksep=0.5; bgcolor=transparent;",
        f'node [shape=box, fontname="{FONT}", fontsize=10, margin="0.08,0.05", color="#1d2329"];',
        f'edge [arrowsize=0.7, fontname="{FONT}"];',
    ]
    for i in shown:
        c = by_id[i]
        label = "\\n".join(_dot_text(t) for t in node_lines(c))
        colour = TYPE_COLOURS[c.type]
        attrs = {**ROLE_STYLES[c.role], "label": label, "color": colour, "fillcolor": colour + "26"}
        if i not in chosen:
            attrs.update({"fillcolor": OUTSIDE["fill"], "fontcolor": OUTSIDE["ink"], "color": "#9aa5ae"})
        attrs.update({"URL": "#" + anchor("claim", i), "tooltip": _dot_text(c.paraphrase), "id": f"argnode-{i}"})
        lines.append(f'"{i}" [{_attrs(attrs)}];')
    for a, b, r in links:
        style = LINK_STYLES[r]
        lines.append(f'"{a}" -> "{b}" [color="{style["color"]}", style={style["style"]}, penwidth=1.1];')
    lines.append("}")
    return "\n".join(lines)


def svg(claimset: ClaimSet, ids: list[str] | None = None) -> str:
    """The map as an SVG element ready to inline (no XML prolog, scales to its box)."""
    if shutil.which("dot") is None:
        raise SystemDependencyError("Graphviz `dot` is needed to draw the argument map: apt-get install graphviz")
    proc = subprocess.run(
        ["dot", "-Tsvg"], input=dot_source(claimset, ids), capture_output=True, text=True, timeout=120, check=True
    )
    drawing = proc.stdout[proc.stdout.index("<svg") :]
    drawing = re.sub(r"<!--.*?-->\n?", "", drawing, flags=re.S)
    size = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', drawing)
    width = float(size.group(1)) if size else 600.0
    return re.sub(
        r'<svg width="[\d.]+pt" height="[\d.]+pt"',
        f'<svg class="cs-argmap-svg" role="img" style="width: {width:.0f}pt; min-width: min({width:.0f}pt, 600px)"',
        drawing,
        count=1,
    )


def _swatch(shape: str) -> str:
    return f'<svg class="cs-swatch" width="34" height="18" viewBox="0 0 34 18" aria-hidden="true">{shape}</svg>'


def _type_swatch(colour: str) -> str:
    return _swatch(
        f'<rect x="2" y="3" width="30" height="12" rx="3" fill="{colour}" fill-opacity="0.15" stroke="{colour}"/>'
    )


def _role_swatch(style: dict) -> str:
    dash = {"dashed": ' stroke-dasharray="4 2"', "dotted": ' stroke-dasharray="1 2"'}
    pattern = next((v for k, v in dash.items() if k in style["style"]), "")
    radius = "3" if "rounded" in style["style"] else "0"
    outer = '<rect x="0.5" y="0.5" width="33" height="17" rx="4" fill="none" stroke="#1d2329"/>'
    box = (
        f'<rect x="3" y="3" width="28" height="12" rx="{radius}" fill="#ffffff" stroke="#1d2329" '
        f'stroke-width="{style["penwidth"]}"{pattern}/>'
    )
    return _swatch((outer if style.get("peripheries") else "") + box)


def _link_swatch(style: dict) -> str:
    pattern = ' stroke-dasharray="5 3"' if style["style"] == "dashed" else ""
    line = f'<line x1="2" y1="9" x2="26" y2="9" stroke="{style["color"]}" stroke-width="1.6"{pattern}/>'
    return _swatch(line + f'<path d="M26 5 L33 9 L26 13 z" fill="{style["color"]}"/>')


def legend_html() -> str:
    """The legend, drawn with the map's own colours, outlines and line styles."""
    types = "".join(f"<li>{_type_swatch(c)}{html.escape(t)}</li>" for t, c in TYPE_COLOURS.items())
    roles = "".join(f"<li>{_role_swatch(s)}{html.escape(r)}</li>" for r, s in ROLE_STYLES.items())
    links = "".join(f"<li>{_link_swatch(s)}{html.escape(s['label'])}</li>" for s in LINK_STYLES.values())
    outside = _swatch(f'<rect x="2" y="3" width="30" height="12" rx="3" fill="{OUTSIDE["fill"]}" stroke="#9aa5ae"/>')
    return (
        '<div class="cs-legend">'
        f'<div><p class="cs-legend-title">Fill: claim type</p><ul>{types}</ul></div>'
        f'<div><p class="cs-legend-title">Outline: role</p><ul>{roles}</ul></div>'
        f'<div><p class="cs-legend-title">Arrows</p><ul>{links}<li>{outside}claim from another section</li></ul></div>'
        "</div>"
    )


def map_html(claimset: ClaimSet, ids: list[str] | None = None, legend: bool = True) -> str:
    """The map in its own scrolling box, followed by its legend; a drafted claim set's map says it is a DRAFT."""
    draft = (
        '<p class="cs-draft-label"><b>DRAFT</b> argument map: drafted automatically, not curated</p>'
        if getattr(claimset, "draft", False)
        else ""
    )
    return (
        f'<div class="cs-argmap">{draft}<div class="cs-argmap-scroll" tabindex="0">{svg(claimset, ids)}</div>'
        f"{legend_html() if legend else ''}</div>"
    )


def section_maps(claimset: ClaimSet, minimum: int = 3) -> list[tuple[object, str]]:
    """(section, map HTML) for every section with at least `minimum` claims."""
    maps = []
    for section in claimset.sections:
        ids = [c.id for c in claimset.claims if c.paragraph in section.paragraphs]
        if len(ids) >= minimum:
            maps.append((section, map_html(claimset, ids, legend=False)))
    return maps


# ---------------------------------------------------------------- tables


def sections(claimset: ClaimSet) -> Table:
    """The article's sections with their paragraphs, claim counts and the analyst's summaries."""
    return Table(sections_frame(claimset), numeric=["claims"])


def conclusions(claimset: ClaimSet, ix: Index) -> Table:
    """The analyst's closing assessment, point by point, with the claims each rests on linked."""
    return Table(conclusions_frame(claimset), links={"claims": ix.column("claim"), "assessment": ix.text_column()})


def load_bearing(claimset: ClaimSet, ix: Index) -> Table:
    """The claims most others rest on, with their links."""
    claim_list = ix.column("claim")
    return Table(
        load_bearing_frame(claimset),
        links={"claim": claim_list, "supports": claim_list, "rests directly on": claim_list},
    )


def devices(claimset: ClaimSet, ix: Index) -> Table:
    """Every rhetorical device labelled, with the claim linked."""
    return Table(devices_frame(claimset), links={"claim": ix.column("claim")})


# ---------------------------------------------------------------- charts of the claim mix


def _heat(table, x: str, x_order, title: str, x_title: str) -> alt.LayerChart:
    base = alt.Chart(table, title=title).encode(
        x=alt.X(f"{x}:N", sort=list(x_order), title=x_title, axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("type:N", sort=list(TYPES), title=None),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("claims:Q", scale=alt.Scale(scheme="greys"), title="Claims", legend=alt.Legend(format="d")),
        tooltip=[
            alt.Tooltip("type:N", title="Type"),
            alt.Tooltip(f"{x}:N", title=x_title),
            alt.Tooltip("claims:Q", title="Claims"),
        ],
    )
    labels = base.mark_text(fontSize=11).encode(
        text="claims:Q", color=alt.condition("datum.claims >= 8", alt.value("white"), alt.value("#1d2329"))
    )
    return (cells + labels).properties(width=WIDTH - 200, height=220)


def types_by_role(claimset: ClaimSet) -> alt.LayerChart:
    """Claims per type and role, as a table of counts (greys, so no colour means two things)."""
    return _heat(mix(claimset, "type", "role"), "role", ROLES, "Claim types, by role in the argument", "Role")


def evidence_mix(claimset: ClaimSet) -> alt.LayerChart:
    """What kind of evidence the article offers, per claim type (a heat table)."""
    return _heat(
        mix(claimset, "type", "evidence"),
        "evidence",
        EVIDENCE,
        "Evidence the article offers, by claim type",
        "Evidence offered",
    )


def devices_count(claimset: ClaimSet) -> alt.Chart:
    """How often each rhetorical device is labelled."""
    table = devices_frame(claimset).groupby("device", as_index=False).size().rename(columns={"size": "claims"})
    return (
        alt.Chart(table, title="Rhetorical devices labelled (analysis)")
        .mark_bar(color="#5b7083")
        .encode(
            y=alt.Y("device:N", sort="-x", title=None),
            x=alt.X("claims:Q", title="Claims", axis=alt.Axis(format="d", tickMinStep=1)),
            tooltip=[alt.Tooltip("device:N", title="Device"), alt.Tooltip("claims:Q", title="Claims")],
        )
        .properties(width=WIDTH - 260, height=alt.Step(18))
    )
