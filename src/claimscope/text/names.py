"""Named entities in any Chinese or English text: a user dictionary read with jieba, plus capitalised English names.

Names
    `entities(text)` finds names from resources/userdict.txt (jieba's user-dictionary format, one
    "name type" a line; type company | person | product | place | organisation | event) with
    jieba for Chinese and whole-word matching for Latin names, plus runs of two or more capitalised
    English words, typed by their last word (Inc -> company, University -> organisation, Summit ->
    event, Valley -> place), as person after Mr/Dr..., otherwise as other. Each name is listed once
    per text, in order of first appearance.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import re
from pathlib import Path

from claimscope import paths
from claimscope.errors import InputError, SystemDependencyError
from claimscope.text.script import has_han, simplified

ENTITY_TYPES = ("company", "person", "product", "place", "organisation", "event")
_DICT_LINE = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$")  # jieba's user-dictionary line
_DICT_WORD4 = re.compile(r"^(\S{4}) \d+ (\S+)$", re.M)  # a four-character word of jieba's dictionary, and its tag
_TITLES = r"(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+"
_CAPITALISED = re.compile(
    rf"(?P<title>{_TITLES})?[A-Z][A-Za-z]+(?:\s(?:(?:of|the|for|de|van|von|der)\s)*[A-Z][A-Za-z]+)*"
)
_LEADING_WORDS = (
    "The A An This That These Those In On At For But And If When While As After Before Since With By From To Of "
    "It We He She They I You Our His Her Their Its However Meanwhile Yet So Then Also Still Last Next Earlier "
    "Later Why How What Who Where Which Although Because CEO CTO CFO President Chairman Director Founder "
    "Professor Senator Minister"
)
_LEADING = re.compile(rf"^(?:(?:{'|'.join(_LEADING_WORDS.split())}|of|the|for|and|de|van|von|der)\s+)+")
_CUES = {
    "company": "Inc Corp Corporation Ltd LLC Group Technologies Labs Company Holdings Motors Systems Capital "
    "Ventures Bank",
    "organisation": "University Institute Foundation Association Agency Department Ministry Commission Council "
    "Committee Bureau Academy School College Fund Organization Organisation Court Congress Senate "
    "Parliament Government",
    "event": "Summit Conference Forum Expo Festival Awards Olympics Cup",
    "place": "City County Valley State Province River Mountains Island Islands Street Bay",
}
_CUE_TYPE = {word: kind for kind, words in _CUES.items() for word in words.split()}


@functools.cache
def dictionary() -> dict[str, str]:
    """name -> type from resources/userdict.txt."""
    names = {}
    for number, line in enumerate(paths.USER_DICT.read_text(encoding="utf-8").splitlines(), 1):
        m = _DICT_LINE.match(line.strip())
        if not line.strip():
            continue
        if not m or not m[3] or m[3].strip() not in ENTITY_TYPES:
            raise InputError(
                f"{paths.USER_DICT}:{number}: expected 'name type', type one of "
                f"{' | '.join(ENTITY_TYPES)}; got {line!r}"
            )
        names[m[1]] = m[3].strip()
    return names


@functools.cache
def latin_names() -> dict[str, str]:
    return {name: kind for name, kind in dictionary().items() if not has_han(name)}


@functools.cache
def _latin_pattern() -> re.Pattern:
    names = sorted(latin_names(), key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(re.escape(n) for n in names) + r")(?![A-Za-z0-9]|-[A-Za-z])")


@functools.cache
def segmenter():
    """jieba's tokenizer with the user dictionary added, loaded once (about a second).

    Only the words of the user dictionary are names here, and their types come from
    `dictionary()`; jieba cuts the text so that a name counts only where it is a whole word.
    jieba's part-of-speech tagger would cut the same way and read 349,000 word tags besides.
    """
    import jieba  # here, not at the top: loading jieba costs a second that most commands never need

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(paths.USER_DICT))
    return tokenizer


@functools.cache
def idioms() -> dict[str, str]:
    """Four-character words that jieba's dictionary tags as idioms (i) or set phrases (l): 十万火急 -> i.

    Read from jieba's dictionary file itself ("word frequency tag" a line; a later line wins, as in
    jieba's tagger), which takes a tenth of the time of loading the tagger; tests/text/test_names.py
    checks that both give the same words.
    """
    words = {m[1]: m[2] for m in _DICT_WORD4.finditer(jieba_dictionary().read_text(encoding="utf-8"))}
    return {w: f for w, f in words.items() if f in ("i", "l")}


def jieba_dictionary() -> Path:
    """jieba's main dictionary file, found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise SystemDependencyError("jieba is not installed: run `make setup`")
    return Path(spec.origin).parent / "dict.txt"


def _han_names(text: str) -> list[tuple[int, str, str]]:
    found, cursor, types = [], 0, dictionary()
    for word in segmenter().cut(text, HMM=False):
        at = text.find(word, cursor)
        if at >= 0:
            cursor = at + len(word)
        if word in types and has_han(word) and at >= 0:
            found.append((at, word, types[word]))
    return found


def _capitalised_names(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, str, str]]:
    found = []
    for m in _CAPITALISED.finditer(text):
        words = m[0].split()
        if m["title"]:
            found.append((m.start(), " ".join(words[1:]), "person"))
            continue
        lead = _LEADING.match(m[0])
        start = m.start() + (lead.end() if lead else 0)
        words = text[start : m.end()].split()
        if len(words) >= 2 and not any(s < m.end() and start < e for s, e in taken):
            found.append((start, " ".join(words), _CUE_TYPE.get(words[-1], "other")))
    return found


def entities(text: str) -> list[tuple[str, str]]:
    """Named entities in a text as (name, type), each once, in order of first appearance."""
    latin = [(m.start(), m[0], latin_names()[m[0]]) for m in _latin_pattern().finditer(text)]
    taken = [(at, at + len(name)) for at, name, _ in latin]
    han = (
        [(at, text[at : at + len(name)], kind) for at, name, kind in _han_names(simplified(text))]
        if has_han(text)
        else []
    )
    names, seen = [], set()
    for _, name, kind in sorted(latin + han + _capitalised_names(text, taken)):
        if name not in seen:
            seen.add(name)
            names.append((name, kind))
    return names
