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
