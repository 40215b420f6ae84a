"""The engine is general: no article's text in src/, and no module grown past what one reader can hold."""

import re

from claimscope import paths

SOURCES = sorted(paths.PACKAGE.rglob("*.py"))
CJK = re.compile(r"[\u3400-\u9fff]")


def test_no_ten_character_run_of_any_seed_article_appears_in_the_package():
    runs = set()
    for text_file in paths.SEEDS.glob("*/article.txt"):
        text = text_file.read_text(encoding="utf-8")
        runs |= {text[i : i + 10] for i in range(len(text) - 9) if CJK.search(text[i : i + 10])}
    assert runs
    for source in SOURCES:
        code = source.read_text(encoding="utf-8")
        found = [code[i : i + 10] for i in range(len(code) - 9) if code[i : i + 10] in runs]
        assert not found, f"{source.relative_to(paths.PACKAGE)} holds article text: {found[0]!r}"


def test_no_module_is_longer_than_500_lines():
    long = {str(s.relative_to(paths.PACKAGE)): n for s in SOURCES if (n := len(s.read_text().splitlines())) > 500}
    assert not long, long
