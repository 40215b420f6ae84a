"""Data files written next to each report (output/<variant>/data/), as the chapters handed them over.

A chapter computes its data files with the results it shows and hands them over with `show.data`;
they travel in its executed notebook (so a cached chapter brings its files with it) and are taken
out before the chapters are merged into the report. Nothing is computed again here.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from claimscope.errors import ClaimscopeError
from claimscope.text import article
from claimscope.views.show import DATA_MIME


def article_title(slug: str) -> str:
    """A one-line description of the article for the report's subtitle."""
    art = article.load_slug(slug)
    meta = art.meta
    parts = [meta.get("title") or "an untitled article", meta.get("author"), meta.get("date")]  # never the slug
    return "Analysis of “" + " · ".join(str(p) for p in parts if p).replace("“", "") + "”"


def _is_data(output: dict) -> bool:
    return DATA_MIME in output.get("data", {})


def collect(chapters: list[nbformat.NotebookNode]) -> dict[str, str]:
    """{file name: text} of every data file the chapters handed over, in chapter order.

    A name handed over twice would leave two answers for one file: it is an error."""
    files: dict[str, str] = {}
    for nb in chapters:
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                if _is_data(out):
                    name, text = out["data"][DATA_MIME]["name"], out["data"][DATA_MIME]["text"]
                    if name in files:
                        raise ClaimscopeError(f"two chapters hand over a data file named {name}")
                    files[name] = text
    return files


def strip(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """`nb` without its data files (they are written beside the report, not shown in it)."""
    for cell in nb.cells:
        if "outputs" in cell:
            cell.outputs = [out for out in cell.outputs if not _is_data(out)]
    return nb


def write_all(files: dict[str, str], folder: Path) -> list[Path]:
    """Write the data files into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        target = folder / Path(name).name  # a bare file name: nothing is written outside the folder
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
