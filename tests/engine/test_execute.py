"""A chapter's parameters are injected as papermill injects them, right after its `parameters` cell."""

import nbformat

from claimscope.engine import execute


def test_values_go_in_a_tagged_cell_after_the_parameters_cell():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Chapter"),
        nbformat.v4.new_code_cell('article: str = "a"  # help', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("print(article)"),
    ]
    execute.parameterize(nb, {"article": "希望", "mc_draws": 5000, "disruption_threshold": 0.05})
    injected = nb.cells[2]
    assert injected.metadata.tags == [execute.INJECTED]
    assert injected.source == "# Parameters\narticle = '希望'\nmc_draws = 5000\ndisruption_threshold = 0.05\n"
    assert nb.cells[3].source == "print(article)"


def test_the_failing_cell_is_counted_over_the_cells_as_written():
    nb = nbformat.v4.new_notebook()
    error = nbformat.v4.new_output("error", ename="ValueError", evalue="x", traceback=[])
    nb.cells = [
        nbformat.v4.new_markdown_cell("banner", metadata={"tags": [execute.ERROR_BANNER]}),
        nbformat.v4.new_code_cell("a = 1", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("a = 2", metadata={"tags": [execute.INJECTED]}),
        nbformat.v4.new_code_cell("raise ValueError('x')", outputs=[error]),
    ]
    number, cell = execute._failing_cell(nb)
    assert number == 2 and cell.source == "raise ValueError('x')"
