"""Decode an article file as received: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, or HTML reduced to text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from claimscope.errors import InputError

MAX_BYTES = 2_000_000  # larger files are refused: no commentary article is that long
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Bytes -> (text with LF newlines, encoding). Raises InputError naming the file and reason."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {len(data):,} bytes is over the {MAX_BYTES:,}-byte limit for an article")
    if data.startswith(_UTF16_BOMS):
        return _decode_utf16(data, name)
    if b"\x00" in data:
        raise InputError(f"{name}: looks binary (contains NUL bytes), not an article text")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(f"{name}: not UTF-8 or GB18030/GBK text")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t")
    if controls > max(3, len(text) // 100):
        raise InputError(f"{name}: looks binary ({controls} control characters), not an article text")
    if encoding == "gb18030" and _looks_mojibake(text):
        raise InputError(f"{name}: not UTF-8, and as GB18030 it decodes to unreadable text")
    return _normalise(text, name), ("utf-8" if encoding == "utf-8-sig" else encoding)


def _decode_utf16(data: bytes, name: str) -> tuple[str, str]:
    """Text saved as UTF-16 with a byte-order mark (Windows "Unicode")."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        raise InputError(f"{name}: starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    return _normalise(text.lstrip("\ufeff"), name), "utf-16"


def _normalise(text: str, name: str) -> str:
    """LF newlines, HTML reduced to text; a text with nothing visible is refused as empty."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _looks_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise InputError(f"{name}: the file is empty (no visible text)")
    return text


def _looks_mojibake(text: str) -> bool:
    rare = sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff" or 0x80 <= ord(ch) < 0xA0)
    return rare > len(text) // 50


def _looks_html(text: str) -> bool:
    head = text[:2000].lower()
    return bool(re.search(r"<!doctype html|<html[\s>]|<body[\s>]|<p[\s>]|<div[\s>]|<article[\s>]", head))


class _TextExtractor(HTMLParser):
    BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "title", "tr"}
    SKIP = {"script", "style", "noscript", "template", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP and tag != "head":
            self.skipping += 1
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and tag != "head" and self.skipping:
            self.skipping -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Reduce HTML to its visible text, one block element a paragraph (scripts and styles dropped)."""
    parser = _TextExtractor()
    parser.feed(markup)
    text = "".join(parser.parts)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
