"""Run one chapter notebook with its parameters: inject them as papermill does, execute with nbclient."""

from __future__ import annotations

import json
import time
from pathlib import Path

from claimscope import paths
from claimscope.engine import parameters as params
from claimscope.errors import ChapterError, ParameterError


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


INJECTED = "injected-parameters"  # papermill's tag, so tools that know papermill read these notebooks too
ERROR_BANNER = "claimscope-error"


def parameterize(nb, values: dict):
    """Insert the values as a cell after the `parameters` cell, tagged as papermill tags it."""
    import nbformat

    lines = "".join(f"{name} = {value!r}\n" for name, value in values.items())
    cell = nbformat.v4.new_code_cell(f"# Parameters\n{lines}", metadata={"tags": [INJECTED]})
    first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    nb.cells.insert(first + 1, cell)
    return nb


def run(notebook: Path, output: Path, values: dict, variant: str, kernel=None) -> float:
    """Execute `notebook` into `output` with the values it declares; return seconds taken.

    `kernel` is a warm kernels.Kernel to run in; without one a fresh kernel starts and stops.
    On failure the executed notebook (with an error banner and the traceback) is written to
    `output`, and ChapterError names the variant, notebook and failing cell.
    """
    import nbformat
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    from claimscope.engine import kernels  # kernels imports this module

    wanted = {k: values[k] for k in declared(notebook)}
    start = time.perf_counter()
    if (missing := missing_input(notebook, values)) is not None:
        write_notice(notebook, output, missing)
        return time.perf_counter() - start
    nb = parameterize(nbformat.read(notebook, as_version=4), wanted)
    try:
        if kernel is not None:
            kernel.execute(nb)
        else:
            from nbclient import NotebookClient

            client = NotebookClient(
                nb,
                kernel_name=kernels.KERNEL,
                timeout=kernels.TIMEOUT,
                record_timing=False,
                extra_arguments=kernels.KERNEL_ARGUMENTS,
                resources={"metadata": {"path": str(paths.NOTEBOOKS)}},
            )
            client.execute()
    except CellExecutionError:
        raise _failed(nb, output, notebook, variant) from None
    except DeadKernelError as err:
        nbformat.write(nb, output)
        raise ChapterError(variant, _name(notebook), ename="DeadKernelError", evalue=str(err)) from None
    nbformat.write(nb, output)
    return time.perf_counter() - start


def _name(notebook: Path) -> str:
    return str(notebook.relative_to(paths.ROOT) if notebook.is_relative_to(paths.ROOT) else notebook)


def _failed(nb, output: Path, notebook: Path, variant: str) -> ChapterError:
    """Write the executed notebook with a banner naming the failing cell; the error to raise."""
    import nbformat

    number, cell = _failing_cell(nb)
    error = next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), {}) if cell else {}
    lines = source(cell).strip().splitlines() if cell else []
    failure = ChapterError(
        variant,
        _name(notebook),
        number,
        lines[0][:80] if lines else "",
        error.get("ename", ""),
        error.get("evalue", ""),
    )
    banner = nbformat.v4.new_markdown_cell(
        f"**This chapter failed** in cell {number} (counting every cell as written from 1): "
        f"`{error.get('ename', '')}: {error.get('evalue', '')}`. The traceback is in that cell's output.",
        metadata={"tags": [ERROR_BANNER]},
    )
    nb.cells.insert(0, banner)
    nbformat.write(nb, output)
    return failure


def _failing_cell(nb) -> tuple[int, dict | None]:
    """Number (1-based, in the notebook as written) of the cell that raised, and the cell."""
    written = [c for c in nb.cells if not {INJECTED, ERROR_BANNER} & set(c.get("metadata", {}).get("tags", []))]
    for number, cell in enumerate(written, 1):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return number, cell
    return 0, None
