"""A CJK font subset embedded in the report, so Chinese shows on any machine and prints as real text.

The subset holds only the Chinese characters a report uses (typically a few hundred KB). It is cut
from WenQuanYi Micro Hei, a TrueType font: Chromium embeds it in the PDF as a named CID font, where
the CFF-based Noto CJK fonts would print as anonymous Type 3 glyphs.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import logging
import subprocess
from pathlib import Path

from claimscope import paths
from claimscope.engine import usercache
from claimscope.errors import SystemDependencyError
from claimscope.text.script import CJK_RANGES, is_cjk

FAMILY = "claimscope CJK"
SOURCE_FAMILY = "WenQuanYi Micro Hei"
UNICODE_RANGE = ", ".join(f"U+{lo:04X}-{hi:04X}" for lo, hi in CJK_RANGES)  # the characters is_cjk accepts


@functools.lru_cache(maxsize=1)
def source_font() -> Path:
    """The installed TrueType CJK font to cut subsets from."""
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", SOURCE_FAMILY], capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except (FileNotFoundError, subprocess.TimeoutExpired):
        found = ""
    if not found or "wqy-microhei" not in found:
        raise SystemDependencyError(
            f"the font {SOURCE_FAMILY} is not installed; the report embeds a subset of it so that Chinese shows "
            "everywhere and prints as real text: apt-get install fonts-wqy-microhei (or run `make setup`)"
        )
    return Path(found)


def subset_woff(chars: set[str]) -> bytes:
    """A WOFF font with just `chars` (sorted, so the same text gives the same bytes)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    font = TTFont(source_font(), fontNumber=0, recalcTimestamp=False)  # same text, same bytes
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.flavor = "woff"
    options.drop_tables += ["FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff"
    font.save(buffer, reorderTables=True)
    return buffer.getvalue()


@functools.lru_cache(maxsize=8)
def _encoded(chars: frozenset[str]) -> str:
    """The subset as base64, cut once per set of characters and font (about a CPU-second each) and kept
    in the user's cache folder: variants of one article, and rebuilds after most edits, use the same characters."""
    from importlib import metadata

    source = source_font()
    stat = source.stat()
    key = hashlib.sha256(
        "\n".join(
            [
                metadata.version("fonttools"),
                str(source),
                str(stat.st_size),
                str(stat.st_mtime_ns),
                "".join(sorted(chars)),
            ]
        ).encode("utf-8")
    ).hexdigest()[:24]
    woff = usercache.remember(paths.font_subset_file(key), lambda: subset_woff(set(chars)))
    return base64.b64encode(woff).decode("ascii")


def font_face(text: str) -> str:
    """An @font-face rule embedding the CJK characters of `text` (empty when there are none)."""
    chars = {c for c in set(text) if is_cjk(c)}  # distinct characters first: a report has ~1M
    if not chars:
        return ""
    data = _encoded(frozenset(chars))
    return (
        f'@font-face {{ font-family: "{FAMILY}"; src: url(data:font/woff;base64,{data}) format("woff"); '
        f"unicode-range: {UNICODE_RANGE}; font-display: block; }}"
    )
