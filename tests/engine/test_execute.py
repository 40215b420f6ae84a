"""Running one chapter: parameters injected as papermill injects them, failing cells named, missing inputs named."""

import nbformat

from claimscope import paths
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


def _chapter(prefix):
    return next(nb for nb in paths.chapters() if nb.name.startswith(prefix))


def _chapter(prefix):
    return next(nb for nb in paths.chapters() if nb.name.startswith(prefix))


def test_a_notice_names_every_missing_file_and_the_command_that_drafts_it(seeds_copy):
    (seeds_copy / "fresh").mkdir()
    text = execute.missing_input(_chapter("03_"), {"article": "fresh"})
    assert "seeds/fresh/claims.yaml (the curated claim breakdown)" in text
    assert "seeds/fresh/factchecks.yaml (the curated fact checks)" in text
    assert "`claimscope draft fresh` writes claims.draft.yaml, factchecks.draft.yaml" in text
    assert "predictions" not in text


def test_only_the_files_missing_are_named(seeds_copy):
    seed = seeds_copy / "sora-gpt4-bottleneck"
    (seed / "factchecks.yaml").unlink()
    text = execute.missing_input(_chapter("03_"), {"article": "sora-gpt4-bottleneck"})
    assert "factchecks.yaml" in text and "claims.yaml (" not in text
    assert execute.missing_input(_chapter("02_"), {"article": "sora-gpt4-bottleneck"}) is None


def test_the_industry_chapter_names_market_yaml_and_says_it_has_no_draft(seeds_copy):
    (seeds_copy / "fresh").mkdir()
    text = execute.missing_input(_chapter("04_"), {"article": "fresh"})
    assert "seeds/fresh/market.yaml (the industry model's segments, claims and quotes)" in text
    assert "market.yaml has no draft" in text and "market.draft.yaml" not in text
