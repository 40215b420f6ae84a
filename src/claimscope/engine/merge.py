"""Merge executed chapters into one report notebook: numbered chapters, sections, figures and tables."""

from __future__ import annotations

import re

import nbformat

from claimscope.views.show import CAPTION_KEY

HEADING = re.compile(r"^(#{1,3})\s+(.*)$", re.M)


def _number_headings(source: str, chapter: int, counters: dict) -> str:
    def repl(m: re.Match) -> str:
        level = len(m.group(1))
        if level == 1:
            return f"# {chapter}. {m.group(2)}"
        if level == 2:
            counters["section"] += 1
            return f"## {chapter}.{counters['section']} {m.group(2)}"
        return m.group(0)

    return HEADING.sub(repl, source)


def _number_caption(output: dict, chapter: int, counters: dict) -> None:
    kind = output.get("metadata", {}).get(CAPTION_KEY, {}).get("kind")
    if kind not in ("figure", "table"):
        return
    counters[kind] += 1
    label = f"{kind.capitalize()} {chapter}.{counters[kind]}."
    html = output["data"]["text/html"]
    output["data"]["text/html"] = re.sub(
        r"(<p class=\"cs-caption[^\"]*\">)", rf'\1<span class="cs-num">{label}</span> ', html, count=1
    )


def merge(chapters: list[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    """One notebook holding every chapter's cells, numbered; parameter cells are dropped.

    A chapter whose metadata says `claimscope: {numbered: false}` (the summary) keeps its headings
    as written and labels its figures and tables "S.n".
    """
    merged = nbformat.v4.new_notebook()
    merged.metadata = chapters[0].metadata if chapters else {}
    number = 0
    for nb in chapters:
        numbered = nb.metadata.get("claimscope", {}).get("numbered", True)
        number += 1 if numbered else 0
        label = number if numbered else "S"
        counters = {"section": 0, "figure": 0, "table": 0}
        for cell in nb.cells:
            tags = cell.metadata.get("tags", [])
            if "parameters" in tags or "injected-parameters" in tags:
                continue
            cell = nbformat.from_dict(cell)
            if cell.cell_type == "markdown" and numbered:
                cell.source = _number_headings(cell.source, label, counters)
            elif cell.cell_type == "code":
                for out in cell.get("outputs", []):
                    if out.get("output_type") in ("display_data", "execute_result"):
                        _number_caption(out, label, counters)
            merged.cells.append(cell)
    return merged
