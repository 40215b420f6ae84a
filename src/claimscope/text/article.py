"""Load an article as received: decode, parse its header, drop boilerplate, segment with offsets.

Offsets refer to the decoded text with newlines normalised to LF (`Article.raw`): for every
paragraph and sentence, `clean(article.raw[start:end])[0] == text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from claimscope import paths, yamlfile
from claimscope.errors import InputError
from claimscope.text import header
from claimscope.text.decoding import decode
from claimscope.text.script import HAN, is_han

_HAN_CHAR = re.compile(f"[{HAN}，。、；：？！“”‘’（）《》「」【】—…]")
_SENTENCE_END_ZH = "。！？!?"
_CLOSERS = "”’」』）)》】\"'*"
_OPENERS = {"“": "”", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】"}
_ABBREVIATIONS = {
    "e.g",
    "i.e",
    "etc",
    "vs",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "no",
    "nos",
    "inc",
    "ltd",
    "co",
    "corp",
    "jr",
    "sr",
    "st",
    "fig",
    "vol",
    "p",
    "pp",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "a.m",
    "p.m",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "approx",
}

_HEADING_NUMBER = re.compile(
    r"^(?:\d{1,2}\s*[.、．)）]|[一二三四五六七八九十]{1,3}\s*[、．.]|第[一二三四五六七八九十\d]{1,3}[章节部分])\s*\S"
)
_EMPHASIS = re.compile(r"\*\*((?:(?!\n[ \t]*\n).)+?)\*\*", re.S)  # bold never spans a blank line
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Sentence:
    index: int  # 1-based across the article
    paragraph: int  # 1-based paragraph number
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    number: int
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]
    joined: bool = False  # True when a line break in the copy split it and it was re-joined
    heading: bool = False  # a section heading (01.从ChatGPT到Sora), not a paragraph of argument


@dataclass
class Article:
    path: Path
    raw: str
    meta: dict
    boilerplate: list[dict]
    paragraphs: list[Paragraph]
    emphasis: list[dict] = field(default_factory=list)
    encoding: str = "utf-8"

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    @property
    def body(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]


# ---------------------------------------------------------------- cleaning


def clean(raw: str) -> tuple[str, list[int]]:
    """Reading text of a raw span, and for each of its characters the offset in `raw`.

    Drops markdown emphasis markers, joins hard line breaks, and removes the stray single space a
    re-flowed copy leaves between two Chinese characters ("必须同 时下注" -> "必须同时下注").
    """
    out: list[str] = []
    pos: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if raw.startswith("**", i):
            i += 2
            continue
        if ch in " \t\n":
            j = i
            while j < n and raw[j] in " \t\n":
                j += 1
            prev = out[-1] if out else ""
            nxt = raw[j + 2] if raw.startswith("**", j) and j + 2 < n else (raw[j] if j < n else "")
            between_han = bool(prev and nxt and _HAN_CHAR.match(prev) and _HAN_CHAR.match(nxt))
            single = j - i == 1 and ch == " "
            if prev and nxt and not (between_han and (single or "\n" in raw[i:j])):
                out.append(" ")
                pos.append(i)
            i = j
            continue
        out.append(ch)
        pos.append(i)
        i += 1
    return "".join(out), pos


# ---------------------------------------------------------------- segmentation


def _blocks(raw: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each paragraph block from `start` on, trailing space trimmed.

    Blocks are separated by blank lines. A body with no blank line at all (a paragraph a line, as
    web copies and Windows text files often are) is split into lines, and so is a block whose lines
    mostly end a sentence or are headings (a web copy mixing a paragraph a line with a few blank
    lines); the lines of a hard-wrapped paragraph are kept together.
    """
    whole = not _BLANK_LINE.search(raw, start)
    spans: list[tuple[int, int]] = []
    for m in (_LINE if whole else _BLOCK).finditer(raw, start):
        s, e = m.start(), m.start() + len(m[0].rstrip())
        lines = [(x.start(), x.start() + len(x[0].rstrip())) for x in _LINE.finditer(raw, s, e)]
        if whole or len(lines) == 1 or not _a_paragraph_a_line(raw, lines):
            spans.append((s, e))
        else:
            spans += _unwrap(raw, lines)
    return _unwrap(raw, spans) if whole else spans


def _a_paragraph_a_line(raw: str, lines: list[tuple[int, int]]) -> bool:
    """Do most lines of a block (its last apart) end a sentence or stand as headings?"""
    ends = [raw[s:e] for s, e in lines[:-1]]
    whole = sum(bool(_LINE_END.search(t.rstrip("* "))) or is_heading(clean(t)[0]) for t in ends)
    return whole >= len(ends) / 2


def is_heading(text: str) -> bool:
    """A section heading: a short line that is numbered (01.从ChatGPT…, 二、, 第三章) or has no punctuation."""
    text = text.strip("* ")
    if not text or len(text) > 40 or text[-1] in "。.!！;；,，:：…":
        return False
    if _HEADING_NUMBER.match(text):
        return True
    return len(text) <= 24 and text[-1] not in "?？" and not re.search(r"[，,。；;：:、]", text)


_BLANK_LINE = re.compile(r"\S[ \t]*\n(?:[ \t]*\n)+[ \t]*\S")
_BLOCK = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")
_LINE = re.compile(r"\S.*")
_LINE_END = re.compile(r"[。！？!?.…:：”’」』\"')）]\s*$")


def _unwrap(raw: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a line to the one before when that one is long and stops mid-sentence (a hard wrap)."""
    out: list[tuple[int, int]] = []
    prev = ""
    for s, e in lines:
        if out and len(prev) > 30 and not _LINE_END.search(prev.rstrip("* ")):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
        prev = raw[s:e]
    return out


def _ends_midsentence(raw_block: str, next_block: str) -> bool:
    """A block cut in the middle of a sentence by the copy: ends and resumes on a Chinese character."""
    text = raw_block.rstrip("* ")
    resumed = next_block.lstrip("* ")
    return len(text) > 40 and is_han(text[-1]) and is_han(resumed[:1])


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in clean text; Chinese and English rules, quotes respected."""
    spans, start, depth, i, n = [], 0, [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPENERS:
            depth.append(_OPENERS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        end = None
        if ch in _SENTENCE_END_ZH or ch == "…" and text[i : i + 2] == "……":
            end = i + (2 if ch == "…" else 1)
        elif ch == "." and _english_stop(text, i):
            end = i + 1
        if end is not None and (not depth or i - start > 300):
            while end < n and text[end] in _CLOSERS:
                if depth and text[end] == depth[-1]:
                    depth.pop()
                end += 1
            if end < n and text[end] in _SENTENCE_END_ZH:
                i += 1
                continue
            spans.append((start, end))
            while end < n and text[end] == " ":
                end += 1
            start, depth, i = end, [], end
            continue
        i += 1
    if start < n and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def _english_stop(text: str, i: int) -> bool:
    """Is the '.' at i the end of an English sentence (not e.g., U.S., $1.5 or No. 3)?"""
    after = text[i + 1 : i + 3]
    if not after or after[0] != " ":
        return i + 1 == len(text)
    nxt = after[1:2]
    if not (nxt.isupper() or nxt in "\"'“(" or nxt.isdigit() or is_han(nxt)):
        return False
    word = re.search(r"(?<![0-9])([A-Za-z.]+)$", text[max(0, i - 12) : i])  # "5-10x." ends a sentence
    if word:
        token = word.group(1).lower().strip(".")
        if token in _ABBREVIATIONS or len(token) == 1:
            return False
    return True


def _segment(raw: str, body_start: int, dropped: list[dict]) -> list[Paragraph]:
    """Paragraphs and sentences of the body; navigation lines in it go to `dropped` instead."""
    blocks = []
    for s, e in _blocks(raw, body_start):
        if header.is_navigation(raw[s:e]):
            dropped.append({"offset": s, "line": raw[s:e].strip(), "reason": "navigation line of a web page"})
        else:
            blocks.append((s, e))
    merged: list[tuple[int, int, bool]] = []
    for s, e in blocks:
        if merged and _ends_midsentence(raw[merged[-1][0] : merged[-1][1]], raw[s:e]):
            merged[-1] = (merged[-1][0], e, True)
        else:
            merged.append((s, e, False))
    paragraphs, sentence_index = [], 0
    for s, e, joined in merged:
        text, pos = clean(raw[s:e])
        if not text:
            continue  # only emphasis markers
        number = len(paragraphs) + 1
        sentences = []
        for a, b in split_sentences(text):
            sentence_index += 1
            sentences.append(Sentence(sentence_index, number, s + pos[a], s + pos[b - 1] + 1, text[a:b]))
        paragraphs.append(Paragraph(number, s, e, text, tuple(sentences), joined, not joined and is_heading(text)))
    return paragraphs


# ---------------------------------------------------------------- loading


def parse(raw: str, path: Path, encoding: str = "utf-8", overrides: dict | None = None) -> Article:
    """Parse decoded text into an Article."""
    meta, dropped, body_start = header.classify(header.lines_with_offsets(raw)[:8])
    if overrides:
        meta.update(overrides)
    paragraphs = _segment(raw, body_start, dropped)
    if not paragraphs:
        raise InputError(f"{path}: no body text after the header lines")
    emphasis = [{"start": m.start(1), "end": m.end(1), "text": m.group(1)} for m in _EMPHASIS.finditer(raw, body_start)]
    return Article(path, raw, meta, dropped, paragraphs, emphasis, encoding)


def load(path: Path) -> Article:
    """Load an article file as received; `article.meta.yaml` beside it overrides the parsed header."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give the article file itself (e.g. {path / 'article.txt'})")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such article file") from None
    except PermissionError:
        raise InputError(f"{path}: not readable (permission denied)") from None
    raw, encoding = decode(data, str(path))
    overrides = None
    meta_file = path.with_name("article.meta.yaml")
    if meta_file.exists():
        overrides = yamlfile.load(meta_file) or {}
        if not isinstance(overrides, dict):
            raise InputError(f"{meta_file}: expected a mapping of metadata fields")
    return parse(raw, path, encoding, overrides)


def load_slug(slug: str) -> Article:
    return load(paths.article_text(slug))


# ---------------------------------------------------------------- tables for the report


def summary(art: Article, english: dict | None = None) -> dict:
    """Metadata and counts, labelled for display; `english` is a translation's metadata (its title and
    byline in English, shown beside the original's)."""
    meta, english = art.meta, english or {}
    rows = {"Title": meta.get("title") or "(not found in the header)"}
    if english.get("title"):
        rows["Title in English"] = f"{english['title']} (the project's translation)"
    rows["Author / publisher"] = meta.get("author") or "(not found)"
    rows["Published"] = " ".join(str(meta[k]) for k in ("date", "time", "place") if meta.get(k)) or "(not found)"
    if english.get("byline"):
        rows["Byline in English"] = f"{english['byline']} (the project's translation)"
    return rows | {
        "Original URL": meta.get("url") or "(not found)",
        "Encoding as received": art.encoding,
        "Paragraphs": len(art.paragraphs),
        "Sentences": len(art.sentences),
        "Characters in the body": sum(len(p.text) for p in art.paragraphs),
        "Header lines dropped as boilerplate": len(art.boilerplate),
        "Paragraphs re-joined after a line break in the copy": sum(p.joined for p in art.paragraphs),
    }


def paragraph_frame(art: Article) -> pd.DataFrame:

    return pd.DataFrame(
        {
            "paragraph": p.number,
            "start": p.start,
            "end": p.end,
            "characters": len(p.text),
            "sentences": len(p.sentences),
            "joined": p.joined,
            "preview": p.text[:30] + ("…" if len(p.text) > 30 else ""),
            "text": p.text,
        }
        for p in art.paragraphs
    )


def sentence_frame(art: Article) -> pd.DataFrame:

    return pd.DataFrame(
        {"sentence": s.index, "paragraph": s.paragraph, "start": s.start, "end": s.end, "text": s.text}
        for s in art.sentences
    )


def boilerplate_frame(art: Article) -> pd.DataFrame:

    return pd.DataFrame(art.boilerplate or [], columns=["offset", "line", "reason"])
