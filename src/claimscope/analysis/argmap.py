"""The argument as data: AIF JSON and Argdown exports (views.argmap draws the map)."""

from __future__ import annotations

from claimscope.analysis.claims import ClaimSet, edges


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
