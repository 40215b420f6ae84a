"""Numbers in any Chinese or English text, normalised to (low, high) in base units, with unit, currency and kind.

Numbers
    `numbers(text)` finds quantities and normalises them to (low, high) in base units.
    unit      money | people | films | count | percent | points | times | year | years | months |
              weeks | days | hours | minutes | seconds | age | tokens | parameters | words | metres |
              km | tonnes | mu | GPUs | fraction | number
              ("year" is a calendar year such as 2023 年 or "in 2019"; "years" a duration such as 20 年;
              "fraction" a share such as 万分之一 = 0.0001, 一半, "by half" or "a quarter of";
              "times" includes 翻倍 and "doubled" = 2; "number" a bare quantity with no unit word).
    currency  "USD" ($, US$, 美元, 美金, dollars), "CNY" (元, 块, 人民币, RMB, ¥), "EUR" (€, 欧元),
              "GBP" (£, 英镑), "HKD" (HK$, 港元), "JPY", "KRW". A bare amount made money by its
              clause (预算, 票房, 营收, 成本, 市值, revenue, budget ... next to it, as in 1亿预算 or
              几十亿票房) is CNY only if its sentence says 元, 块 after a number, 人民币, RMB or ¥;
              otherwise its currency is None.
    kind      exact | approximate (几百, 数以千计, 十几, 一两百万, 约, about) | range (5-10, 上千到几千,
              "between 10% and 20%", and "under"/不到/最高 X as 0..X) | lower-bound (上百, 超过,
              突破, 以上, more than, passed; low == high).
    Approximate Chinese magnitudes read 几/数 M as M..10M (几十万 = 1e5..1e6), 十几 M as 11M..19M and
    一两 M as 1M..2M. Traditional characters are read through OpenCC's simplified form (1200萬 =
    1.2e7), offsets and text staying those of the original. Amounts are multiplied out in decimal
    arithmetic (549.3 亿 = 54,930,000,000 exactly). "X% to Y" after a verb is two amounts (grew 30%
    to $5 billion), not a range. Digits glued to Latin letters are names, not numbers (GPT4, P10,
    top10, 3D, 2B), as is a bare number right after a product name (Sora 2); so are ordinals (第三),
    dates (9月30日, 2025-06-02, 3 April 2025), clock times (21:40), idioms that jieba's dictionary
    tags as such (十万火急, 千方百计) and a lone Chinese digit or magnitude without a unit word (一个,
    万一, 十分). Full-width digits count as digits.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass
from decimal import Decimal

from claimscope.text import article as article_mod
from claimscope.text.names import dictionary, idioms, latin_names
from claimscope.text.script import simplified
from claimscope.text.units import (
    AFTER,
    APPROX,
    CLAUSE_END,
    CN_DIGIT,
    CN_DIGITS,
    CN_MAGS,
    CN_NUMERAL,
    CNY_IN_SENTENCE,
    CURRENCIES,
    EN_PLURALS,
    EN_SCALES,
    EN_WORDS,
    FULLWIDTH,
    GENERIC_MEASURES,
    LOWER,
    MONEY_AFTER,
    MONEY_BEFORE,
    NUMBER,
    PAIRS,
    SENTENCE_END,
    SINGLE,
    TIME_UNITS,
    UNIT_WORDS,
    UPPER,
    WORD_QUANTITIES,
)


@dataclass(frozen=True)
class Number:
    text: str
    start: int
    end: int
    low: float
    high: float
    unit: str
    currency: str | None
    kind: str


@dataclass(frozen=True)
class _Quantity:
    low: float
    high: float
    kind: str
    mag: float  # the magnitude word's factor (万 = 1e4), 1 without one
    form: str  # arabic | glued | cn | cn-digits | cn-mag | words | words-bare


# ---------------------------------------------------------------- reading one quantity


def _mag_value(text: str) -> float:
    """Factor of a run of magnitude characters: 十万 = 1e5, 万亿 = 1e12."""
    return math.prod(CN_MAGS[ch] for ch in text)


def _cn_integer(text: str) -> float:
    """Value of a Chinese numeral: 三百五十万 = 3.5e6, 二〇二三 = 2023."""
    if not any(ch in CN_MAGS for ch in text):
        return float("".join(str(CN_DIGITS[ch]) for ch in text))
    total, section, digit = 0.0, 0.0, 0
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch == "亿":
            total, section, digit = (total + section + digit or 1) * 1e8, 0.0, 0
        elif ch == "万":
            total, section, digit = total + (section + digit or 1) * 1e4, 0.0, 0
        else:
            section, digit = section + (digit or 1) * CN_MAGS[ch], 0
    return total + section + digit


def _step(value: float) -> float:
    """Place value of the last non-zero digit of an integer: 20 -> 10, 120 -> 10, 3 -> 1."""
    step = 1.0
    while value >= 10 and value % (step * 10) == 0:
        step *= 10
    return step


def _times(a: float | str, b: float) -> float:
    """a x b in exact decimal arithmetic (549.3 x 1e8 = 54,930,000,000, not 54,929,999,999.99999)."""
    return float(Decimal(str(a)) * Decimal(repr(float(b))))


def _arabic(text: str) -> _Quantity:
    m = re.match(r"([0-9.,]+)\s?([多余])?\s?(.*)$", text)
    digits = m[1].replace(",", "")
    value = float(digits)
    scale = m[3].strip()
    if not scale:
        mag, form = 1.0, "arabic"
    elif scale[0] in CN_MAGS:
        mag, form = _mag_value(scale), "arabic"
    else:
        mag = EN_SCALES[scale.lower()]
        form = "glued" if len(scale) == 1 and text[-2:-1].isdigit() else "arabic"
    if m[2]:
        return _Quantity(_times(digits, mag), _times(value + _step(value), mag), "approximate", mag, form)
    return _Quantity(_times(digits, mag), _times(digits, mag), "exact", mag, form)


def _cn(text: str) -> _Quantity | None:
    if text.startswith("数以"):
        mag = _mag_value(text[2:].rstrip("计级"))
        return _Quantity(mag, 10 * mag, "approximate", mag, "cn")
    if text[0] in "上近" and len(text) > 1 and text[1] in CN_MAGS:
        mag = _mag_value(text[1:])
        return _Quantity(mag, mag, "lower-bound" if text[0] == "上" else "approximate", mag, "cn")
    if text[0] in "几数":
        mag = _mag_value(text[1:])
        return _Quantity(mag, 10 * mag, "approximate", mag, "cn")
    if m := re.match(rf"([{CN_DIGIT}]?)十[几多余]([十百千万亿]*)$", text):
        tens, mag = 10 * (CN_DIGITS[m[1]] if m[1] else 1), _mag_value(m[2])
        return _Quantity((tens + 1) * mag, (tens + 9) * mag, "approximate", mag, "cn")
    if text[:2] in PAIRS.split("|"):
        mag = _mag_value(text[2:])
        form = "cn" if mag > 1 else "cn-digits"
        return _Quantity(CN_DIGITS[text[0]] * mag, CN_DIGITS[text[1]] * mag, "approximate", mag, form)
    return _cn_numeral(text)


def _cn_numeral(text: str) -> _Quantity | None:
    """A plain Chinese numeral, possibly with 多/余: 三十多万, 一千二百, 万."""
    m = re.match(r"([^多余]+)(?:[多余]([十百千万亿]*))?$", text)
    head, tail = m[1], m[2] or ""
    if head[0] in "百千万亿" and any(ch in CN_DIGITS for ch in head):
        return None  # 万一, 千一: not a numeral
    if all(ch in CN_MAGS for ch in head):
        mag = _mag_value(head)
        return _Quantity(mag, mag, "exact", mag, "cn-mag")
    value, mag = _cn_integer(head), _mag_value(tail) if tail else 1.0
    form = "cn" if any(ch in CN_MAGS for ch in head) else "cn-digits"
    if head != text:
        return _Quantity(value * mag, (value + _step(value)) * mag, "approximate", mag, form)
    return _Quantity(value * mag, value * mag, "exact", mag, form)


def _words(text: str) -> _Quantity | None:
    tokens = re.findall(r"[a-z]+", text.lower().replace("-", " "))
    if tokens == ["a"]:
        return None  # "a" is one only before a scale word: a million
    if tokens[0] in EN_PLURALS:
        scales = [EN_PLURALS[t] for t in tokens if t in EN_PLURALS]
        return _Quantity(math.prod(scales), 10 * math.prod(scales), "approximate", 1.0, "words")
    total, current = 0.0, 0.0
    for token in tokens:
        if token in EN_WORDS:
            current += EN_WORDS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        else:
            total, current = total + (current or 1) * EN_SCALES[token], 0.0
    value = total + current
    scaled = any(t in EN_SCALES for t in tokens)
    return _Quantity(value, value, "exact", 1.0, "words" if scaled else "words-bare")


def _quantity(text: str) -> _Quantity | None:
    if text[0].isdigit():
        return _arabic(text)
    if text[0] in CN_DIGITS or text[0] in CN_MAGS or text[0] in "几数上近":
        return _cn(text)
    return _words(text)


# ---------------------------------------------------------------- reading a match in context


def _fraction(text: str) -> tuple[float, str]:
    whole, part = text.split("分之")
    denominator = _number_value(whole)
    value = _number_value(part) / denominator if denominator else 0.0
    return (value * 100, "percent") if denominator == 100 else (value, "fraction")


def _number_value(text: str) -> float:
    return float(text.replace(",", "")) if text[0].isdigit() else _cn_integer(text)


def _modifier(text: str, start: int, end: int) -> str | None:
    """lower-bound, upper or approximate from the words just before or after a number."""
    before = text[max(0, start - 16) : start].rstrip().lower()
    after = text[end : end + 2]
    for words, kind in ((UPPER, "upper"), (LOWER, "lower-bound"), (APPROX, "approximate")):
        for word in words:
            if (
                before.endswith(word)
                and not before.endswith("最近")
                and (not word.isascii() or not before[: -len(word)][-1:].isalpha())
            ):
                return kind
    for word, kind in AFTER.items():
        if after.startswith(word):
            return kind
    return None


def _apply_modifier(low: float, high: float, kind: str, modifier: str | None) -> tuple[float, float, str]:
    if modifier == "upper" and kind != "range":
        return 0.0, high, "range"
    if modifier == "lower-bound" and kind in ("exact", "approximate"):
        return low, high, "lower-bound"
    if modifier == "approximate" and kind == "exact":
        return low, high, "approximate"
    return low, high, kind


def _allowed(q: _Quantity, unit: str | None, unit_word: str | None, currency: bool, next_char: str) -> bool:
    """Whether a quantity stands as a number here (a lone 一 or 万 needs a unit after it)."""
    if q.form == "glued":
        return currency
    if q.form == "words-bare":
        return unit is not None
    if q.form == "cn-digits":
        if unit_word is None or unit_word in GENERIC_MEASURES:
            return False
        return q.high != 1 or unit in TIME_UNITS
    if q.form == "cn-mag":
        if next_char == "分":
            return False  # 百分点, 百分比: part of a word, not a hundred
        return unit is not None or (q.mag >= 1e5 and next_char not in "不别要记莫")
    return True


def _is_name(text: str, start: int) -> bool:
    """A bare number right after a product or company name (Sora 2, GPT 4)."""
    m = re.search(r"([A-Za-z][A-Za-z0-9.\-]*)\s$", text[max(0, start - 30) : start])
    if not m:
        return False
    word = m[1]
    if word in latin_names():
        return latin_names()[word] in ("product", "company")
    return sum(ch.isupper() for ch in word) >= 2 and word not in {"AI", "US", "UK", "EU", "CEO", "CTO", "IPO", "GDP"}


def _unit_of(m: re.Match, q1: _Quantity, text: str, sentence: str) -> tuple[str | None, str | None]:
    """(unit, currency) from the unit word, a currency sign, or money words in the clause around."""
    unit, currency = _UNIT_LOOKUP[_key(m["unit"])] if m["unit"] else (None, None)
    if m["cur"]:
        return "money", CURRENCIES.get(re.sub(r"\s", "", m["cur"]))
    if (
        unit == "years"
        and q1.form in ("arabic", "cn-digits")
        and q1.kind == "exact"
        and q1.mag == 1
        and 1000 <= q1.low <= 2100
        and "," not in m["q1"]
    ):
        return "year", None
    if unit is None and _is_year(m, q1, text):
        return "year", None
    if unit is None:
        window = max(0, m.start() - 40)
        clause_start = max((x.end() for x in CLAUSE_END.finditer(text, window, m.start())), default=window)
        if MONEY_AFTER.match(text, m.end()) or MONEY_BEFORE.search(text, clause_start, m.start()):
            return "money", "CNY" if CNY_IN_SENTENCE.search(sentence) else None
    return unit, currency


_YEAR_BEFORE = re.compile(r"(?i:\b(?:in|since|by|until|till|before|after|from|during|through)\s+)$")


def _is_year(m: re.Match, q: _Quantity, text: str) -> bool:
    """A bare four-digit number after 'in', 'since', 'by' ... is a calendar year, even in a money clause."""
    bare = q.form == "arabic" and q.mag == 1 and q.kind == "exact" and len(m["q1"]) == 4 and m["q1"].isdigit()
    return bare and 1900 <= q.low <= 2100 and bool(_YEAR_BEFORE.search(text[max(0, m.start() - 12) : m.start()]))


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word).lower()


_UNIT_LOOKUP = {_key(word): value for word, value in UNIT_WORDS.items()}


def _read(m: re.Match, text: str, sentence: str) -> tuple[float, float, str, str | None, str] | None:
    """(low, high, unit, currency, kind) of one match, or None when it is not a number here."""
    if m["time"] or m["date"]:
        return None  # a clock time or a date is a when, not a quantity
    if m["word"]:
        value, unit = next((v, u) for p, v, u in WORD_QUANTITIES if _reads_as(p, text, m))
        low, high, kind = _apply_modifier(value, value, "exact", _modifier(text, m.start(), m.end()))
        return low, high, unit, None, kind
    if m["frac"]:
        value, unit = _fraction(m["frac"])
        return value, value, unit, None, "exact"
    q1 = _quantity(m["q1"])
    q2 = _quantity(m["q2"]) if m["q2"] else None
    if q1 is None or (m["q2"] and q2 is None):
        return None
    unit, currency = _unit_of(m, q1, text, sentence)
    next_char = text[m.end() : m.end() + 1]
    if not _allowed(q1, unit, m["unit"], bool(m["cur"]), next_char):
        return None
    if q2 is not None:
        return _range(q1, q2, unit, currency, m)
    if unit is None:
        unit = _bare_unit(m, q1, text)
        if unit is None:
            return None
    low, high, kind = _apply_modifier(q1.low, q1.high, q1.kind, _modifier(text, m.start(), m.end()))
    return low, high, unit, currency, kind


def _reads_as(pattern: str, text: str, m: re.Match) -> bool:
    """Whether a word quantity's own pattern matches exactly what was matched (lookaheads see the text)."""
    found = re.compile(pattern).match(text, m.start("word"))
    return bool(found) and found.end() == m.end("word")


def _bare_unit(m: re.Match, q: _Quantity, text: str) -> str | None:
    """Unit of a number with no unit word: a calendar year, a plain number, or None for a name."""
    if q.form == "arabic" and q.mag == 1 and q.kind == "exact" and "," not in m["q1"] and "." not in m["q1"]:
        if 1900 <= q.low <= 2100 and len(m["q1"]) == 4:
            return "year"
        if q.low < 100 and _is_name(text, m.start()):
            return None
    return "number"


def _range(q1: _Quantity, q2: _Quantity, unit, currency, m) -> tuple[float, float, str, str | None, str] | None:
    low = _times(q1.low, q2.mag) if q1.mag == 1 and q2.mag > 1 else q1.low
    if low > q2.high or not _allowed(q2, unit, m["unit"], bool(m["cur"]), ""):
        return None
    if unit is None:
        years = all(q.form == "arabic" and 1900 <= q.low <= 2100 for q in (q1, q2))
        unit = "year" if years else "number"
    return low, q2.high, unit, currency, "range"


@functools.cache
def _numeric_names() -> re.Pattern | None:
    """Dictionary names that contain a numeral (GPT-4, 零一万物): never read as numbers."""
    names = [n for n in dictionary() if re.search(rf"[0-9{CN_DIGIT}十百千万亿]", n)]
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))) if names else None


def numbers(text: str) -> list[tuple[int, int, float, float, str, str | None, str]]:
    """Every number in a plain string: (start, end, low, high, unit, currency, kind), offsets into `text`.

    Traditional characters are read through their simplified form (萬 as 万), offsets stay those of `text`.
    """
    work = simplified(text).translate(FULLWIDTH)
    names = _numeric_names()
    taken = [(n.start(), n.end()) for n in names.finditer(work)] if names else []
    taken += _idioms(work)
    ends = [e.end() for e in SENTENCE_END.finditer(work)]
    found, pos = [], 0
    while m := NUMBER.search(work, pos):
        if not _range_reads(m, work):
            m = SINGLE.match(work, m.start())
        pos = m.end()
        if any(s < m.end() and m.start() < e for s, e in taken) or _is_ordinal(work, m.start()):
            continue
        k = bisect.bisect_right(ends, m.start())
        sentence = work[ends[k - 1] if k else 0 : ends[k] if k < len(ends) else len(work)]
        value = _read(m, work, sentence)
        if value is None and m["sep"] and m["sep"].strip() in ("to", "and"):
            m = SINGLE.match(work, m.start())  # "30% to $5 billion": two amounts, not a range
            pos = m.end()
            value = _read(m, work, sentence)
        if value is not None:
            found.append((m.start(), m.end(), *value))
    return found


def _range_reads(m: re.Match, text: str) -> bool:
    """Whether a matched range is one: 'X and Y' only after 'between'; '20% to 300 million' is a change."""
    if not m["sep"]:
        return True
    if m["sep"].strip() == "and" and not re.search(r"(?i:\bbetween\s+)$", text[max(0, m.start() - 12) : m.start()]):
        return False
    unit = _UNIT_LOOKUP.get(_key(m["unit"]), (None,))[0] if m["unit"] else None
    return not (m["gap"] and unit != "percent")


def _idioms(text: str) -> list[tuple[int, int]]:
    """Spans of four-character idioms that contain a numeral (十万火急, 千方百计), as jieba's dictionary tags
    them (i, l). One that is a quantity as a whole (数以千计) stays a quantity."""
    spans = []
    for m in CN_NUMERAL.finditer(text):
        for at in range(max(0, m.start() - 3), m.start() + 1):
            word = text[at : at + 4]
            if word in idioms() and not NUMBER.fullmatch(word) and (at, at + 4) not in spans:
                spans.append((at, at + 4))
    return spans


def _is_ordinal(text: str, start: int) -> bool:
    """第三, 第 3 名: a rank, not a quantity."""
    return text[max(0, start - 4) : start].rstrip()[-1:] == "第"


def find_numbers(art) -> list[Number]:
    """Every number in an article's sentences (headings apart), with offsets into `art.raw`."""
    return [n for s in art.sentences if not art.paragraph(s.paragraph).heading for n in sentence_numbers(art, s)]


def sentence_numbers(art, sentence) -> list[Number]:
    text, pos = article_mod.clean(art.raw[sentence.start : sentence.end])
    return [
        Number(text[a:b], sentence.start + pos[a], sentence.start + pos[b - 1] + 1, low, high, unit, currency, kind)
        for a, b, low, high, unit, currency, kind in numbers(text)
    ]
