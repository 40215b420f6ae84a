"""Which script a character is written in: the one place that says what counts as Chinese."""

from __future__ import annotations

import functools
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


@functools.cache
def _converter():
    """OpenCC's traditional-to-simplified converter, made once."""
    import opencc  # here, not at the top: only traditional-Chinese text needs the converter and its tables

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """The text with traditional Chinese characters in their simplified form, character for character.

    Readers work on this copy so that one set of rules serves both scripts (萬 -> 万, 億 -> 亿, 幾 -> 几);
    it has the same length as `text`, so offsets found in it point into the original, whose characters
    are what quotes and offsets show. OpenCC converts phrase by phrase; in the rare case where that
    changes the length, each character is converted on its own.
    """
    if not has_han(text):
        return text
    out = _converter().convert(text)
    if len(out) == len(text):
        return out
    return "".join(c if len(c := _converter().convert(ch)) == 1 else ch for ch in text)
