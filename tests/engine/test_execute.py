from claimscope import paths
from claimscope.engine import execute


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
