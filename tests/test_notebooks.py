"""Chapters narrate and call the package: no definitions, paths or file access, no committed outputs."""

import re

import nbformat
import papermill as pm
import pytest

from claimscope import paths
from claimscope.engine import execute

CHAPTERS = paths.chapters()
FORBIDDEN = [
    (re.compile(r"^\s*(def|class)\s", re.M), "defines a function or class"),
    (re.compile(r"\bopen\("), "opens a file"),
    (re.compile(r"\bPath\(|os\.path|[\"'][^\"']*/[^\"']*\.(csv|ya?ml|txt|json|ipynb)[\"']"), "builds a path"),
]


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.name)
def test_chapter_has_no_logic_paths_or_outputs(notebook):
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert not cell.outputs and cell.execution_count is None, "outputs are committed: strip them"
        for pattern, what in FORBIDDEN:
            assert not pattern.search(cell.source), f"{notebook.name}: a cell {what}:\n{cell.source}"


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.name)
def test_first_code_cell_is_tagged_parameters_and_matches_the_registry(notebook):
    assert execute.declared(notebook)


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.name)
def test_chapter_opens_with_a_level_one_heading(notebook):
    nb = nbformat.read(notebook, as_version=4)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.name)
def test_the_cell_after_the_parameters_validates_them(notebook):
    code = [c for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code"]
    assert "parameters.check_chapter(globals())" in code[1].source


@pytest.mark.slow
@pytest.mark.parametrize(
    "name, value, words",
    [
        ("scenario", "nonsense", ["'scenario'", "bear | base | bull"]),
        ("mc_draws", 5, ["'mc_draws' = 5", "out of range"]),
    ],
)
def test_a_direct_papermill_run_refuses_a_bad_value_before_any_work(tmp_path, name, value, words):
    """As an analyst runs a chapter outside `claimscope build`: the validation cell stops it."""
    with pytest.raises(pm.PapermillExecutionError) as err:
        pm.execute_notebook(
            str(paths.NOTEBOOKS / "04_industry.ipynb"),
            str(tmp_path / "out.ipynb"),
            parameters={name: value},
            cwd=str(paths.NOTEBOOKS),
            progress_bar=False,
        )
    assert err.value.ename == "ParameterError" and "check_chapter" in err.value.source
    assert all(w in err.value.evalue for w in words)
