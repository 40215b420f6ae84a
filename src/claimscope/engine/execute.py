"""Run one chapter notebook with its parameters through papermill."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from claimscope import paths
from claimscope.engine import parameters as params
from claimscope.errors import ChapterError, ParameterError

KERNEL = "python3"
logging.getLogger("papermill").setLevel(logging.WARNING)


def read(notebook: Path) -> dict:
    """A notebook as plain JSON (cheaper than nbformat for reading cells and metadata)."""
    return json.loads(Path(notebook).read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def parameters_cell(nb: dict, name: str) -> str:
    """Source of the cell tagged `parameters` (it must be the first code cell)."""
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    if not code or "parameters" not in code[0].get("metadata", {}).get("tags", []):
        raise ParameterError(f"{name}: the first code cell must be tagged 'parameters'")
    return source(code[0])


def declared(notebook: Path) -> list[str]:
    """Names of the parameters a chapter declares, checked against claimscope.engine.parameters."""
    return params.check_declarations(parameters_cell(read(notebook), notebook.name), notebook.name)


REQUIREMENTS = {  # name -> (where it is, its file name, what it holds, whether `claimscope draft` writes a draft)
    "claims": (paths.claims_file, "claims.yaml", "the curated claim breakdown", True),
    "factchecks": (paths.factchecks_file, "factchecks.yaml", "the curated fact checks", True),
    "predictions": (paths.predictions_file, "predictions.yaml", "the article's predictions", True),
    "market": (paths.market_file, "market.yaml", "the industry model's segments, claims and quotes", False),
}


def missing_input(notebook: Path, values: dict) -> str | None:
    """The curated inputs a chapter needs that this article does not have yet, and how to draft them, in
    words; None when nothing is missing."""
    needs = read(notebook).get("metadata", {}).get("claimscope", {}).get("requires", [])
    slug = values["article"]
    wanted = [REQUIREMENTS[need] for need in ([needs] if isinstance(needs, str) else needs)]
    missing = [(name, what, drafted) for locate, name, what, drafted in wanted if not locate(slug).exists()]
    if not missing:
        return None
    files = " and ".join(f"seeds/{slug}/{name} ({what})" for name, what, _ in missing)
    drafted = [name for name, _, can in missing if can]
    by_hand = [name for name, _, can in missing if not can]
    how = []
    if drafted:
        drafts = ", ".join(name.replace(".yaml", ".draft.yaml") for name in drafted)
        how.append(
            f"`claimscope draft {slug}` writes {drafts} beside the article for an analyst to review and save as "
            + " and ".join(drafted)
        )
    if by_hand:
        how.append(f"{' and '.join(by_hand)} has no draft: the same file of another article in seeds/ shows its form")
    return f"this chapter needs {files}. " + "; ".join(how)


def write_notice(notebook: Path, output: Path, missing: str) -> None:
    """Stand-in for a chapter whose curated input does not exist yet: its heading and a plain notice."""
    import nbformat

    heading = source(read(notebook)["cells"][0]).splitlines()[0]
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(
            f"{heading}\n\nNo curated analysis exists yet for this article: {missing}. "
            "The automatic results are in the chapter on the article, and the DRAFT argument in the "
            "argument breakdown."
        )
    ]
    nbformat.write(nb, output)


def run(notebook: Path, output: Path, values: dict, variant: str) -> float:
    """Execute `notebook` into `output` with the values it declares; return seconds taken.

    On failure the executed notebook (with papermill's error banner and the traceback) stays at
    `output`, and ChapterError names the variant, notebook and failing cell.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    wanted = {k: values[k] for k in declared(notebook)}
    start = time.perf_counter()
    if (missing := missing_input(notebook, values)) is not None:
        write_notice(notebook, output, missing)
        return time.perf_counter() - start
    try:
        pm.execute_notebook(
            str(notebook),
            str(output),
            parameters=wanted,
            kernel_name=KERNEL,
            progress_bar=False,
            log_output=False,
            cwd=str(paths.NOTEBOOKS),
            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no transport warnings in the build log
        )
    except PapermillExecutionError as err:
        number, first_line = _failing_cell(output)
        name = notebook.relative_to(paths.ROOT) if notebook.is_relative_to(paths.ROOT) else notebook
        raise ChapterError(
            f"variant '{variant}': {name} failed in cell {number} (counting every cell from 1) `{first_line}`: "
            f"{err.ename}: {err.evalue}"
        ) from None
    return time.perf_counter() - start


def _failing_cell(executed: Path) -> tuple[int, str]:
    """Number (1-based, in the notebook as written) and first line of the cell that raised."""
    added = ("injected-parameters", "papermill-error-cell-tag")
    written = [
        c for c in read(executed)["cells"] if not any(tag in c.get("metadata", {}).get("tags", []) for tag in added)
    ]
    for number, cell in enumerate(written, 1):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            lines = source(cell).strip().splitlines()
            return number, (lines[0][:80] if lines else "")
    return 0, ""
