"""Merge executed chapters into one report notebook: numbered chapters, sections, figures and tables.

Chapters are numbered 1, 2, ... in order; the summary (metadata `claimscope: {numbered: false}`)
keeps its headings and labels its figures and tables S.n; an appendix notebook (metadata
`claimscope: {appendix: true}`) comes last, and each of its top-level headings starts a lettered
appendix (Appendix A, sections A.1, Table A.1, ...).
"""

from __future__ import annotations

import re
import string

import nbformat

from claimscope.views.show import CAPTION_KEY

HEADING = re.compile(r"^(#{1,3})\s+(.*)$", re.M)


def _number_headings(source: str, state: dict) -> str:
    """Number the headings of one markdown cell; `state` carries the chapter label and counters."""

    def repl(m: re.Match) -> str:
        level = len(m.group(1))
        if level == 1:
            if state["appendix"]:
                state["label"] = string.ascii_uppercase[state["appendices"]]
                state["appendices"] += 1
                state.update(section=0, figure=0, table=0)
                return f"# Appendix {state['label']}. {m.group(2)}"
            return f"# {state['label']}. {m.group(2)}"
        if level == 2:
            state["section"] += 1
            return f"## {state['label']}.{state['section']} {m.group(2)}"
        return m.group(0)

    return HEADING.sub(repl, source)


def _number_caption(output: dict, state: dict) -> None:
    kind = output.get("metadata", {}).get(CAPTION_KEY, {}).get("kind")
    if kind not in ("figure", "table"):
        return
    state[kind] += 1
    label = f"{kind.capitalize()} {state['label']}.{state[kind]}."
    html = output["data"]["text/html"]
    output["data"]["text/html"] = re.sub(
        r"(<p class=\"cs-caption[^\"]*\">)", rf'\1<span class="cs-num">{label}</span> ', html, count=1
    )


def merge(chapters: list[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    """One notebook holding every chapter's cells, numbered; parameter cells are dropped."""
    merged = nbformat.v4.new_notebook()
    merged.metadata = chapters[0].metadata if chapters else {}
    number, appendices = 0, 0
    for nb in chapters:
        meta = nb.metadata.get("claimscope", {})
        numbered, appendix = meta.get("numbered", True), meta.get("appendix", False)
        number += 1 if numbered and not appendix else 0
        state = {
            "label": number if numbered else "S",
            "appendix": appendix,
            "appendices": appendices,
            "section": 0,
            "figure": 0,
            "table": 0,
        }
        for cell in nb.cells:
            tags = cell.metadata.get("tags", [])
            if "parameters" in tags or "injected-parameters" in tags:
                continue
            cell = nbformat.from_dict(cell)
            if cell.cell_type == "markdown" and (numbered or appendix):
                cell.source = _number_headings(cell.source, state)
            elif cell.cell_type == "code":
                for out in cell.get("outputs", []):
                    if out.get("output_type") in ("display_data", "execute_result"):
                        _number_caption(out, state)
            merged.cells.append(cell)
        appendices = state["appendices"]
    return merged
