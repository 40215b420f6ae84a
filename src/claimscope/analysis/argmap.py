"""The argument map: a Graphviz `dot` layout drawn with Altair, plus AIF JSON and Argdown exports."""

from __future__ import annotations

import json
import math
import shutil
import subprocess

import altair as alt
import pandas as pd

from claimscope.analysis.claims import TYPES, ClaimSet, edges
from claimscope.errors import SystemDependencyError
from claimscope.views.charts import PALETTE

TYPE_COLOURS = dict(zip(TYPES, PALETTE))
ROLE_SIZES = {"main thesis": 900, "sub-thesis": 520, "premise": 330, "evidence": 330, "concession": 330, "aside": 260}
MAX_WIDTH = 900


# ---------------------------------------------------------------- layout


def dot_source(node_ids: list[str], links: list[tuple[str, str, str]]) -> str:
    """Graphviz source: premises below, conclusions above (edges point from premise to conclusion)."""
    lines = [
        "digraph A {",
        "rankdir=BT; nodesep=0.12; ranksep=0.9;",
        'node [shape=circle, width=0.42, fixedsize=true, fontsize=9, label=""];',
    ]
    lines += [f'"{n}";' for n in node_ids]
    lines += [f'"{a}" -> "{b}" [style={"dashed" if r == "attack" else "solid"}];' for a, b, r in links]
    lines.append("}")
    return "\n".join(lines)


def layout(node_ids: list[str], links: list[tuple[str, str, str]]) -> tuple[dict, list[dict]]:
    """Run `dot`; return node positions {id: (x, y)} and edge polylines [{from, to, relation, points}]."""
    if shutil.which("dot") is None:
        raise SystemDependencyError("Graphviz `dot` is needed to lay out the argument map: apt-get install graphviz")
    proc = subprocess.run(
        ["dot", "-Tjson0"], input=dot_source(node_ids, links), capture_output=True, text=True, timeout=60, check=True
    )
    graph = json.loads(proc.stdout)
    objects = graph.get("objects", [])
    positions = {o["name"]: tuple(float(v) for v in o["pos"].split(",")) for o in objects}
    names = [o["name"] for o in objects]
    routed: dict[tuple[str, str], list[str]] = {}
    for e in graph.get("edges", []):
        routed.setdefault((names[e["tail"]], names[e["head"]]), []).append(e["pos"])
    polylines = [
        {"from": a, "to": b, "relation": relation, "points": _spline_points(routed[(a, b)].pop(0))}
        for a, b, relation in links
    ]
    return positions, polylines


def _spline_points(pos: str) -> list[tuple[float, float]]:
    """Graphviz spline 'e,x,y x1,y1 ...' as a polyline ending at the arrow tip."""
    end, points = None, []
    for token in pos.split():
        parts = token.split(",")
        if parts[0] == "e":
            end = (float(parts[1]), float(parts[2]))
        elif parts[0] != "s":
            points.append((float(parts[0]), float(parts[1])))
    return points + ([end] if end else [])


# ---------------------------------------------------------------- chart


def frames(claimset: ClaimSet, ids: list[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Node and edge tables for the map of `ids` (all claims by default; linked outsiders included)."""
    by_id = claimset.by_id
    chosen = set(ids or by_id)
    links = [(a, b, r) for a, b, r in edges(claimset) if a in chosen or b in chosen]
    shown = sorted(chosen | {x for a, b, _ in links for x in (a, b)}, key=lambda i: int(i[1:]))
    positions, polylines = layout(shown, links)
    nodes = pd.DataFrame(
        {
            "id": i,
            "x": positions[i][0],
            "y": positions[i][1],
            "type": by_id[i].type,
            "role": by_id[i].role,
            "P": by_id[i].paragraph,
            "quote": by_id[i].quote,
            "english": by_id[i].quote_en,
            "paraphrase": by_id[i].paraphrase,
            "outside": i not in chosen,
        }
        for i in shown
    )
    rows = []
    for k, line in enumerate(polylines):
        for order, (x, y) in enumerate(line["points"]):
            rows.append(
                {
                    "edge": k,
                    "order": order,
                    "x": x,
                    "y": y,
                    "relation": line["relation"],
                    "link": f"{line['from']} {'supports' if line['relation'] == 'support' else 'attacks'} {line['to']}",
                }
            )
    return nodes, pd.DataFrame(rows, columns=["edge", "order", "x", "y", "relation", "link"])


def _arrow_heads(edge_frame: pd.DataFrame) -> pd.DataFrame:
    heads = []
    for _, group in edge_frame.groupby("edge"):
        (x0, y0), (x1, y1) = group[["x", "y"]].to_numpy()[-2:]
        angle = (90 - math.degrees(math.atan2(y1 - y0, x1 - x0))) % 360
        heads.append({"x": x1, "y": y1, "angle": angle, "relation": group["relation"].iloc[0]})
    return pd.DataFrame(heads, columns=["x", "y", "angle", "relation"])


def chart(claimset: ClaimSet, ids: list[str] | None = None, title: str = "Argument map") -> alt.LayerChart:
    """The map: nodes coloured by type and sized by role; solid support and dashed red attack links.

    A drafted claim set's map says so in its title: DRAFT, drafted automatically, not curated.
    """
    if claimset.draft:
        title = f"DRAFT {title[0].lower()}{title[1:]} (drafted automatically, not curated)"
    nodes, links = frames(claimset, ids)
    span_x = max(nodes.x.max() - nodes.x.min(), 1) + 40
    span_y = max(nodes.y.max() - nodes.y.min(), 1) + 40
    scale = min(1.4, MAX_WIDTH / span_x)
    width, height = span_x * scale, max(span_y * scale, 60)
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[nodes.x.min() - 20, nodes.x.max() + 20], nice=False))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[nodes.y.min() - 20, nodes.y.max() + 20], nice=False))
    relation = alt.Color(
        "relation:N",
        scale=alt.Scale(domain=["support", "attack"], range=["#8a949c", "#c0392b"]),
        legend=alt.Legend(title="Link"),
    )
    edge_layer = (
        alt.Chart(links)
        .mark_line(strokeWidth=1.2)
        .encode(
            x=x,
            y=y,
            detail="edge:N",
            order="order:Q",
            color=relation,
            strokeDash=alt.StrokeDash(
                "relation:N", scale=alt.Scale(domain=["support", "attack"], range=[[1, 0], [5, 3]]), legend=None
            ),
            tooltip=[alt.Tooltip("link:N", title="Link")],
        )
    )
    head_layer = (
        alt.Chart(_arrow_heads(links))
        .mark_point(shape="triangle", filled=True, size=40)
        .encode(
            x=x,
            y=y,
            angle=alt.Angle("angle:Q", scale=None),
            color=alt.Color(
                "relation:N", legend=None, scale=alt.Scale(domain=["support", "attack"], range=["#8a949c", "#c0392b"])
            ),
        )
    )
    node_layer = (
        alt.Chart(nodes)
        .mark_circle(stroke="white", strokeWidth=1.5)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "type:N",
                scale=alt.Scale(domain=list(TYPE_COLOURS), range=list(TYPE_COLOURS.values())),
                legend=alt.Legend(title="Claim type"),
            ),
            size=alt.Size(
                "role:N",
                scale=alt.Scale(domain=list(ROLE_SIZES), range=list(ROLE_SIZES.values())),
                legend=alt.Legend(title="Role"),
            ),
            opacity=alt.condition("datum.outside", alt.value(0.35), alt.value(1)),
            tooltip=[
                alt.Tooltip("id:N", title="Claim"),
                alt.Tooltip("P:Q", title="Paragraph"),
                alt.Tooltip("type:N", title="Type"),
                alt.Tooltip("role:N", title="Role"),
                alt.Tooltip("quote:N", title="Quote"),
                alt.Tooltip("english:N", title="English"),
                alt.Tooltip("paraphrase:N", title="Paraphrase (analysis)"),
            ],
        )
    )
    label_layer = (
        alt.Chart(nodes)
        .mark_text(fontSize=8, color="white", fontWeight="bold")
        .encode(x=x, y=y, text="id:N", tooltip=alt.value(None))
    )
    return (
        alt.layer(edge_layer, head_layer, node_layer, label_layer, title=title)
        .properties(width=width, height=height)
        .resolve_scale(color="independent")
    )


# ---------------------------------------------------------------- exports


def aif(claimset: ClaimSet) -> dict:
    """Argument Interchange Format: I-nodes for claims, one RA node per support, one CA node per attack."""
    nodes = [{"nodeID": c.id, "text": c.quote, "type": "I", "paraphrase": c.paraphrase} for c in claimset.claims]
    links = []
    counters = {"support": 0, "attack": 0}
    for a, b, relation in edges(claimset):
        counters[relation] += 1
        kind = "RA" if relation == "support" else "CA"
        scheme = "Default Inference" if kind == "RA" else "Default Conflict"
        node_id = f"{kind}{counters[relation]}"
        nodes.append({"nodeID": node_id, "text": scheme, "type": kind})
        links.append({"edgeID": f"E{len(links) + 1}", "fromID": a, "toID": node_id})
        links.append({"edgeID": f"E{len(links) + 1}", "fromID": node_id, "toID": b})
    return {"nodes": nodes, "edges": links, "locutions": []}


def _argdown_text(text: str) -> str:
    return " ".join(text.replace("[", "(").replace("]", ")").replace("<", "‹").replace(">", "›").split())


def argdown(claimset: ClaimSet) -> str:
    """Argdown: one statement per claim under its section, with incoming supports (<+) and attacks (<-)."""
    incoming: dict[str, list[tuple[str, str]]] = {}
    for a, b, relation in edges(claimset):
        incoming.setdefault(b, []).append((a, relation))
    lines = [f"===\ntitle: Argument breakdown of {claimset.article}\n===", ""]
    for section in claimset.sections:
        members = [c for c in claimset.claims if c.paragraph in section.paragraphs]
        if not members:
            continue
        lines += [f"# {section.id}: {_argdown_text(section.title)}", ""]
        for c in members:
            tags = f"#({c.type}) #({c.role})"
            lines.append(f"[{c.id}]: {_argdown_text(c.paraphrase)} {tags}")
            for source, relation in incoming.get(c.id, []):
                lines.append(f"  {'<+' if relation == 'support' else '<-'} [{source}]")
            lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------- summary charts


def types_by_role(claimset: ClaimSet) -> alt.Chart:
    """Claims per type, stacked by role."""
    from claimscope.analysis.claims import ROLES, mix

    table = mix(claimset, "type", "role")
    return (
        alt.Chart(table, title="Claim types, by role in the argument")
        .mark_bar()
        .encode(
            y=alt.Y("type:N", sort=list(TYPES), title=None),
            x=alt.X("claims:Q", title="Claims"),
            color=alt.Color("role:N", scale=alt.Scale(domain=list(ROLES)), sort=list(ROLES), title="Role"),
            order=alt.Order("role:N"),
            tooltip=["type:N", "role:N", "claims:Q"],
        )
        .properties(width=560, height=200)
    )


def evidence_mix(claimset: ClaimSet) -> alt.Chart:
    """What kind of evidence the article offers, per claim type (a heat table)."""
    from claimscope.analysis.claims import EVIDENCE, mix

    table = mix(claimset, "type", "evidence")
    base = alt.Chart(table, title="Evidence the article offers, by claim type").encode(
        x=alt.X("evidence:N", sort=list(EVIDENCE), title="Evidence offered", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("type:N", sort=list(TYPES), title=None),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("claims:Q", scale=alt.Scale(scheme="blues"), title="Claims"),
        tooltip=["type:N", "evidence:N", "claims:Q"],
    )
    labels = base.mark_text(fontSize=11).encode(
        text="claims:Q", color=alt.condition("datum.claims >= 8", alt.value("white"), alt.value("#1d2329"))
    )
    return (cells + labels).properties(width=520, height=220)


def devices_count(claimset: ClaimSet) -> alt.Chart:
    """How often each rhetorical device is labelled."""
    from claimscope.analysis.claims import devices_frame

    table = devices_frame(claimset).groupby("device", as_index=False).size().rename(columns={"size": "claims"})
    return (
        alt.Chart(table, title="Rhetorical devices labelled (analysis)")
        .mark_bar(color=PALETTE[1])
        .encode(
            y=alt.Y("device:N", sort="-x", title=None),
            x=alt.X("claims:Q", title="Claims"),
            tooltip=["device:N", "claims:Q"],
        )
        .properties(width=480, height=alt.Step(18))
    )


def section_maps(claimset: ClaimSet, minimum: int = 3) -> list[tuple[object, alt.LayerChart]]:
    """(section, sub-map) for every section with at least `minimum` claims; linked outsiders shown faded."""
    maps = []
    for section in claimset.sections:
        ids = [c.id for c in claimset.claims if c.paragraph in section.paragraphs]
        if len(ids) >= minimum:
            maps.append((section, chart(claimset, ids, f"{section.id}: {section.title}")))
    return maps
