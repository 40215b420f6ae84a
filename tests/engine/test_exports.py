from pathlib import Path

from claimscope.engine import exports

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _new(seeds, slug, text):
    (seeds / slug).mkdir()
    (seeds / slug / "article.txt").write_text(text, encoding="utf-8")


def test_a_draft_argument_is_exported_like_a_curated_one(seeds_copy):
    _new(seeds_copy, "new-en", (FIXTURES / "en_new_article.txt").read_text(encoding="utf-8"))
    files = exports.argument_files({"article": "new-en"})
    assert set(files) == {"claims.csv", "argument.aif.json", "argument.argdown"}
    assert len(files["claims.csv"]) > 5 and files["claims.csv"]["id"].iloc[0] == "D01"


def test_the_slug_never_poses_as_the_title(seeds_copy):
    _new(seeds_copy, "plain-slug", "只有正文，没有标题。\n")
    assert "plain-slug" not in exports.article_title("plain-slug")
    assert exports.article_title("plain-slug") == "Analysis of “an untitled article”"
