"""Which script a character is written in: the one place that says what counts as Chinese."""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs, extension A, compatibility ideographs
KANA = "\u3040-\u30ff"
# what a CJK font must cover: radicals, CJK punctuation, kana, ideographs, compatibility and full-width forms
CJK_RANGES = (
    (0x2E80, 0x2FDF),
    (0x3000, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
)
_HAN = re.compile(f"[{HAN}]")


def is_han(ch: str) -> bool:
    """Is this character a Chinese character (a CJK ideograph)?"""
    return bool(ch) and bool(_HAN.match(ch))


def has_han(text: str) -> bool:
    """Does the text hold at least one Chinese character?"""
    return bool(_HAN.search(text))


def is_kana(ch: str) -> bool:
    """Is this character Japanese hiragana or katakana?"""
    return "\u3040" <= ch <= "\u30ff"


def is_cjk(ch: str) -> bool:
    """Is this character one a CJK font must draw (ideographs, kana, CJK punctuation, full-width forms)?"""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in CJK_RANGES)
