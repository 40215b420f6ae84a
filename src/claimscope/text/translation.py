"""The project's English translation of an article, aligned paragraph by paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from claimscope import paths
from claimscope.errors import InputError

ENTRY = re.compile(r"^\[P(\d+)\]\s+(.+)$")
META = re.compile(r"^- (title|byline|note):\s*(.+)$")


@dataclass(frozen=True)
class Translation:
    path: Path
    meta: dict
    paragraphs: dict[int, str]  # paragraph number -> English, emphasis markers kept

    def plain(self, number: int) -> str:
        return self.paragraphs.get(number, "").replace("**", "")


def parse(text: str, path: Path) -> Translation:
    meta, paragraphs = {}, {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if m := ENTRY.match(line):
            number = int(m.group(1))
            if number in paragraphs:
                raise InputError(f"{path}:{lineno}: paragraph P{number} is translated twice")
            paragraphs[number] = m.group(2).strip()
        elif m := META.match(line):
            meta[m.group(1)] = m.group(2).strip()
    return Translation(path, meta, paragraphs)


def load(slug: str) -> Translation | None:
    """The translation of an article, or None when there is none yet."""
    path = paths.translation_file(slug)
    if not path.exists():
        return None
    return parse(path.read_text(encoding="utf-8"), path)


def alignment_problems(translation: Translation, paragraph_count: int) -> list[str]:
    """Why the translation does not line up with the article's paragraphs (empty when it does)."""
    problems = []
    numbers = list(translation.paragraphs)
    expected = list(range(1, paragraph_count + 1))
    if numbers != expected:
        missing = sorted(set(expected) - set(numbers))
        extra = sorted(set(numbers) - set(expected))
        problems.append(f"paragraphs should be P1..P{paragraph_count} in order; missing {missing}, extra {extra}")
    return problems


def parallel(art, translation: Translation | None) -> list[tuple[int, str, str]]:
    """(number, original, English) for every paragraph; English empty where not translated."""
    return [(p.number, p.text, translation.plain(p.number) if translation else "") for p in art.paragraphs]


def _same(english: str) -> str:
    words = " ".join(english.split())
    return words[:1].lower() + words[1:]  # a quote standing alone may start with a capital


def quote_conflicts(quotes: list[tuple[str, str, str]]) -> list[str]:
    """(where, original, English) quotes that give the same original two different translations,
    one line per original: a reader without Chinese must be able to tell that it is the same passage."""
    seen: dict[str, dict[str, list[str]]] = {}
    for where, original, english in quotes:
        seen.setdefault(original.strip(), {}).setdefault(_same(english), []).append(where)
    return [
        f"{original!r} is translated differently by " + "; ".join(", ".join(w) for w in versions.values())
        for original, versions in seen.items()
        if len(versions) > 1
    ]
