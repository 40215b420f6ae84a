import pytest

from claimscope.text import script


@pytest.mark.parametrize(
    "ch, han", [("中", True), ("萬", True), ("㐀", True), ("a", False), ("，", False), ("か", False), ("", False)]
)
def test_is_han_accepts_chinese_characters_only(ch, han):
    assert script.is_han(ch) is han


def test_has_han_and_is_cjk():
    assert script.has_han("Sora 很强") and not script.has_han("Sora is strong")
    assert script.is_cjk("，") and script.is_cjk("か") and script.is_cjk("中") and not script.is_cjk("a")


def test_simplified_keeps_length_so_offsets_hold():
    text = "營收還在十幾億，頭髮 1200萬"
    assert script.simplified(text) == "营收还在十几亿，头发 1200万"
    assert script.simplified("plain English") == "plain English"


def test_no_module_of_the_package_is_over_500_lines():
    from claimscope import paths

    long = {p.name: n for p in paths.PACKAGE.rglob("*.py") if (n := len(p.read_text().splitlines())) > 500}
    assert set(long) <= {"market.py", "industry.py"}, long  # those two are being split in their own issue
