"""Per-sentence signals of any article, Chinese or English: numbers, names, markers and a check-worthiness score.

Numbers
    `numbers(text)` finds quantities and normalises them to (low, high) in base units.
    unit      money | people | films | count | percent | points | times | year | years | months |
              weeks | days | hours | minutes | seconds | age | tokens | parameters | words | metres |
              km | tonnes | mu | GPUs | fraction | date | number
              ("year" is a calendar year such as 2023 年; "years" a duration such as 20 年; "date" a
              day or month written out, valued YYYYMMDD with zeros for missing parts; "fraction" a
              share such as 万分之一 = 0.0001; "number" a bare quantity with no unit word).
    currency  "USD" ($, US$, 美元, 美金, dollars) or "CNY" (元, 块, 人民币, RMB, ¥); None for other
              currencies (€, £, 欧元 ...), whose value is still kept with unit "money". A bare amount
              made money by its clause (预算, 票房, 营收, 成本, 市值, revenue, budget ... next to it,
              as in 1亿预算 or 几十亿票房) is CNY only if its sentence says 元, 块 after a number,
              人民币, RMB or ¥; otherwise its currency is None.
    kind      exact | approximate (几百, 数以千计, 十几, 一两百万, 约, about) | range (5-10, 上千到几千,
              and "under"/不到 X as 0..X) | lower-bound (上百, 超过, 以上, more than; low == high).
    Approximate Chinese magnitudes read 几/数 M as M..10M (几十万 = 1e5..1e6), 十几 M as 11M..19M and
    一两 M as 1M..2M. Digits glued to Latin letters are names, not numbers (GPT4, P10, top10, 3D,
    2B), as is a bare number right after a product name (Sora 2); so are ordinals (第三), clock
    times (21:40) and a lone Chinese digit or magnitude without a unit word (一个, 万一, 十分).
    Full-width digits count as digits.

Names
    `entities(text)` finds names from resources/userdict.txt (jieba's user-dictionary format, one
    "name type" a line; type company | person | product | place | organisation | event) with
    jieba for Chinese and whole-word matching for Latin names, plus runs of two or more capitalised
    English words, typed by their last word (Inc -> company, University -> organisation, Summit ->
    event, Valley -> place), as person after Mr/Dr..., otherwise as other. Each name is listed once
    per text, in order of first appearance.

Check-worthiness score of a sentence (WEIGHTS holds the figures)
    score = 3 x numbers with a unit (any unit but number, year, date)
          + 1 x other numbers
          + 1.5 x distinct names, at most 3 in all
          + 1 if a certainty marker (无疑, 必然, clearly ...)
          + 1 if a comparison or superlative (最, 远比, more than ...)
          + 1 if the sentence overlaps **bold** text
          - 1 x hedges (可能, 或许, may ...)
          - 1 if it is a question that is not rhetorical
          + 0.5 if it is a rhetorical question (凭什么, 岂是, how could ...)
    Every point is listed in `SentenceSignals.reasons`, whose figures add up to the score.
"""

from __future__ import annotations

import bisect
import functools
import logging
import math
import re
from dataclasses import dataclass, field

import pandas as pd

from claimscope import paths
from claimscope.text import article as article_mod

SCORE_RULE = __doc__[__doc__.index("Check-worthiness score") :].strip()  # shown in the report

WEIGHTS = {
    "unit_number": 3.0,
    "other_number": 1.0,
    "entity": 1.5,
    "entity_cap": 3.0,
    "certainty": 1.0,
    "comparison": 1.0,
    "emphasis": 1.0,
    "hedge": -1.0,
    "question": -1.0,
    "rhetorical": 0.5,
}
UNITLESS = {"number", "year", "date"}  # numbers scored as "other"
ENTITY_TYPES = ("company", "person", "product", "place", "organisation", "event")
SIGNALS = (
    "numbers",
    "entities",
    "questions",
    "rhetorical",
    "hedges",
    "certainty",
    "discourse",
    "comparison",
    "emphasis",
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


@dataclass
class SentenceSignals:
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    numbers: list[Number]
    entities: list[tuple[str, str]]
    question: bool
    rhetorical: list[str]
    hedges: list[str]
    certainty: list[str]
    discourse: list[str]
    comparison: list[str]
    emphasis: list[str]
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- number patterns

_FULLWIDTH = str.maketrans("０１２３４５６７８９％＄", "0123456789%$")
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_MAGS = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}
EN_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "t": 1e12,
    "tn": 1e12,
}
EN_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen".split()
    )
}
EN_WORDS.update({w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)})
EN_WORDS["a"] = 1
EN_PLURALS = {"tens": 10, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}

CURRENCIES = {
    "$": "USD",
    "US$": "USD",
    "US $": "USD",
    "USD": "USD",
    "RMB": "CNY",
    "CNY": "CNY",
    "¥": "CNY",
    "￥": "CNY",
    "€": None,
    "£": None,
    "EUR": None,
    "GBP": None,
    "JPY": None,
    "HK$": None,
}
# unit word -> (unit, currency); "money" units carry their currency
UNIT_WORDS = {
    "美金": ("money", "USD"),
    "美元": ("money", "USD"),
    "元": ("money", "CNY"),
    "块钱": ("money", "CNY"),
    "块": ("money", "CNY"),
    "人民币": ("money", "CNY"),
    "欧元": ("money", None),
    "英镑": ("money", None),
    "日元": ("money", None),
    "港元": ("money", None),
    "港币": ("money", None),
    "韩元": ("money", None),
    "dollars": ("money", "USD"),
    "dollar": ("money", "USD"),
    "usd": ("money", "USD"),
    "yuan": ("money", "CNY"),
    "rmb": ("money", "CNY"),
    "cny": ("money", "CNY"),
    "euros": ("money", None),
    "euro": ("money", None),
    "人": ("people", None),
    "名": ("people", None),
    "位": ("people", None),
    "人次": ("people", None),
    "用户": ("people", None),
    "员工": ("people", None),
    "观众": ("people", None),
    "网民": ("people", None),
    "people": ("people", None),
    "persons": ("people", None),
    "users": ("people", None),
    "employees": ("people", None),
    "workers": ("people", None),
    "staff": ("people", None),
    "viewers": ("people", None),
    "subscribers": ("people", None),
    "researchers": ("people", None),
    "engineers": ("people", None),
    "students": ("people", None),
    "部": ("films", None),
    "部电影": ("films", None),
    "部影片": ("films", None),
    "films": ("films", None),
    "movies": ("films", None),
    "家": ("count", None),
    "个": ("count", None),
    "只": ("count", None),
    "条": ("count", None),
    "项": ("count", None),
    "款": ("count", None),
    "台": ("count", None),
    "张": ("count", None),
    "篇": ("count", None),
    "件": ("count", None),
    "次": ("count", None),
    "所": ("count", None),
    "座": ("count", None),
    "种": ("count", None),
    "支": ("count", None),
    "套": ("count", None),
    "场": ("count", None),
    "集": ("count", None),
    "companies": ("count", None),
    "firms": ("count", None),
    "startups": ("count", None),
    "videos": ("count", None),
    "products": ("count", None),
    "models": ("count", None),
    "apps": ("count", None),
    "%": ("percent", None),
    "percent": ("percent", None),
    "per cent": ("percent", None),
    "个百分点": ("points", None),
    "percentage points": ("points", None),
    "倍": ("times", None),
    "x": ("times", None),
    "×": ("times", None),
    "times": ("times", None),
    "-fold": ("times", None),
    "fold": ("times", None),
    "年": ("years", None),
    "years": ("years", None),
    "year": ("years", None),
    "yrs": ("years", None),
    "个月": ("months", None),
    "months": ("months", None),
    "month": ("months", None),
    "周": ("weeks", None),
    "个星期": ("weeks", None),
    "星期": ("weeks", None),
    "weeks": ("weeks", None),
    "week": ("weeks", None),
    "天": ("days", None),
    "days": ("days", None),
    "day": ("days", None),
    "个小时": ("hours", None),
    "小时": ("hours", None),
    "钟头": ("hours", None),
    "hours": ("hours", None),
    "hour": ("hours", None),
    "hrs": ("hours", None),
    "分钟": ("minutes", None),
    "minutes": ("minutes", None),
    "mins": ("minutes", None),
    "秒钟": ("seconds", None),
    "秒": ("seconds", None),
    "seconds": ("seconds", None),
    "岁": ("age", None),
    "years old": ("age", None),
    "-year-old": ("age", None),
    "year-old": ("age", None),
    "token": ("tokens", None),
    "tokens": ("tokens", None),
    "个token": ("tokens", None),
    "参数": ("parameters", None),
    "个参数": ("parameters", None),
    "parameters": ("parameters", None),
    "params": ("parameters", None),
    "字": ("words", None),
    "个字": ("words", None),
    "words": ("words", None),
    "characters": ("words", None),
    "米": ("metres", None),
    "metres": ("metres", None),
    "meters": ("metres", None),
    "公里": ("km", None),
    "千米": ("km", None),
    "km": ("km", None),
    "kilometres": ("km", None),
    "kilometers": ("km", None),
    "吨": ("tonnes", None),
    "tonnes": ("tonnes", None),
    "tons": ("tonnes", None),
    "亩": ("mu", None),
    "张卡": ("GPUs", None),
    "块卡": ("GPUs", None),
    "张显卡": ("GPUs", None),
    "块显卡": ("GPUs", None),
    "块GPU": ("GPUs", None),
    "张GPU": ("GPUs", None),
    "GPUs": ("GPUs", None),
}
# what may not follow a unit word for it to count ("年薪" is a salary, "部分" a part)
_UNIT_NOT_BEFORE = {
    "年": "薪产收营利均化龄级代",
    "部": "分门署长落",
    "名": "字称义气声单",
    "位": "置于",
    "元": "素宇老旦",
    "人": "工民类才口气家们",
    "周": "年边围末",
    "字": "节",
    "米": "饭其",
    "次": "要之序",
    "家": "庭人里乡长具",
    "天": "然使才下",
    "条": "件",
    "种": "子",
    "个": "性体",
}
GENERIC_MEASURES = set("个只条项款台张篇件次所座种支套场集块")  # too common after a lone Chinese digit (大卸八块)
TIME_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "age", "times"}
MONEY_WORDS = (
    "预算|票房|营收|收入|成本|利润|市值|估值|融资|身价|年薪|薪资|薪水|工资|报价|售价|投资|投入|资金|经费|费用|"
    "开支|亏损|花了|花费|耗资|revenue|budget|valuation|costs?|profits?|sales|funding|salary|box office|"
    "market cap"
)
_MONEY_AFTER = re.compile(rf"[^，,。；;！？!?\n]{{0,6}}?(?:{MONEY_WORDS})", re.I)
_MONEY_BEFORE = re.compile(rf"(?:{MONEY_WORDS})", re.I)
_CNY_IN_SENTENCE = re.compile(
    r"(?<![美欧日港韩澳台加])元|块钱|人民币|RMB|CNY|[¥￥]|[0-9几千百万十]\s?块(?!卡|显卡|GPU)"
)

_LOWER = (
    "不少于",
    "超过",
    "至少",
    "不止",
    "起码",
    "多于",
    "高于",
    "大于",
    "逾",
    "超",
    "more than",
    "over",
    "at least",
    "upwards of",
    "in excess of",
)
_UPPER = (
    "不超过",
    "不到",
    "不足",
    "少于",
    "低于",
    "less than",
    "fewer than",
    "under",
    "up to",
    "below",
    "no more than",
)
_APPROX = (
    "大约",
    "大概",
    "将近",
    "接近",
    "差不多",
    "约",
    "近",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "~",
)
_AFTER = {
    "以上": "lower-bound",
    "+": "lower-bound",
    "左右": "approximate",
    "上下": "approximate",
    "以下": "upper",
    "以内": "upper",
}


def _alternation(words) -> str:
    """Regex alternation of words, longest first; Latin words end at a word boundary."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        part = re.escape(word).replace("\\ ", r"\s")
        if word[-1].isascii() and word[-1].isalpha():
            part += "(?![A-Za-z])"
        if word in _UNIT_NOT_BEFORE:
            part += f"(?![{_UNIT_NOT_BEFORE[word]}])"
        if word.isascii() and word.isalpha():
            part = f"(?i:{part})"
        parts.append(part)
    return "|".join(parts)


_CN_DIGIT = "零〇一二两三四五六七八九"
_MAGS = r"万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?![米克瓦])|百|十"
_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,15}(?:\.[0-9]{1,10})?"
_EN_SCALE = r"(?:hundred|thousand|million|billion|trillion)(?![A-Za-z])"
_AR_Q = (
    rf"(?:{_ARABIC})(?:\s?[多余])?(?:\s?(?:{_MAGS})|\s(?i:{_EN_SCALE})|(?i:bn|mn|tn)(?![A-Za-z])"
    r"|[kKmMbBtT](?![A-Za-z]))?"
)
_PAIRS = "一两|两三|三四|三五|四五|五六|六七|七八|八九"
_CN_Q = (
    rf"数以(?:{_MAGS})(?:计|级)?|[上近](?:{_MAGS})|[几数](?:{_MAGS})|[二三四五六七八九]?十[几多余](?:{_MAGS})?"
    rf"|(?:{_PAIRS})(?:{_MAGS})?|[{_CN_DIGIT}十百千万亿]+(?:[多余](?:{_MAGS})?)?"
)
_EN_ONES = "one|two|three|four|five|six|seven|eight|nine"
_EN_Q = (
    r"(?i:(?:tens|hundreds|thousands)\s+of\s+(?:thousands|millions|billions)(?:\s+of(?=\s))?(?![A-Za-z])"
    r"|(?:hundreds|thousands|millions|billions)\s+of(?=\s)"
    rf"|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:{_EN_ONES}))?|ten|eleven|twelve"
    rf"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_EN_ONES}|a)"
    rf"(?:\s{_EN_SCALE})*(?![A-Za-z]))"
)
_Q = f"{_AR_Q}|{_CN_Q}|{_EN_Q}"
_CURRENCY = r"US\s?\$|HK\$|\$|¥|￥|€|£|(?:USD|RMB|CNY|EUR|GBP|JPY)\s?"
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_EN_MONTH = (
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|december"
    rf"|(?:{_MONTHS})\.)"
)
_DATE = (
    r"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?![0-9])"
    r"|[0-9]{4}\s?年\s?[0-9]{1,2}\s?月(?:\s?[0-9]{1,2}\s?[日号])?"
    r"|[0-9]{1,2}\s?月\s?[0-9]{1,2}\s?[日号]"
    rf"|{_EN_MONTH}\s[0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?\s[0-9]{{4}})?"
)
_UNIT = _alternation(UNIT_WORDS)
NUMBER = re.compile(
    r"(?<![0-9A-Za-z_.])(?<![0-9][,.])(?<![A-Za-z]-)"
    rf"(?:(?P<date>{_DATE})"
    r"|(?P<time>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)"
    rf"|(?P<frac>(?:{_ARABIC}|[{_CN_DIGIT}十百千万]+)分之(?:{_ARABIC}|[{_CN_DIGIT}十百千]+))"
    rf"|(?P<cur>{_CURRENCY})?(?P<q1>{_Q})"
    rf"(?:\s?%?\s?(?P<sep>[-–~～至到]|\sto\s)\s?(?:{_CURRENCY})?(?P<q2>{_AR_Q}|{_CN_Q}))?"
    rf"(?:\s?(?P<unit>{_UNIT}))?)"
    r"(?![0-9A-Za-z_]|[.,][0-9])"
)
_CLAUSE_END = re.compile(r"[，,。；;！？!?：:\n]")
_SENTENCE_END = re.compile(r"[。！？!?\n]")


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


def _arabic(text: str) -> _Quantity:
    m = re.match(r"([0-9.,]+)\s?([多余])?\s?(.*)$", text)
    value = float(m[1].replace(",", ""))
    scale = m[3].strip()
    if not scale:
        mag, form = 1.0, "arabic"
    elif scale[0] in CN_MAGS:
        mag, form = _mag_value(scale), "arabic"
    else:
        mag = EN_SCALES[scale.lower()]
        form = "glued" if len(scale) == 1 and text[-2:-1].isdigit() else "arabic"
    if m[2]:
        return _Quantity(value * mag, (value + _step(value)) * mag, "approximate", mag, form)
    return _Quantity(value * mag, value * mag, "exact", mag, form)


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
    if m := re.match(rf"([{_CN_DIGIT}]?)十[几多余]([十百千万亿]*)$", text):
        tens, mag = 10 * (CN_DIGITS[m[1]] if m[1] else 1), _mag_value(m[2])
        return _Quantity((tens + 1) * mag, (tens + 9) * mag, "approximate", mag, "cn")
    if text[:2] in _PAIRS.split("|"):
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


def _date(text: str) -> float:
    """A date as YYYYMMDD, zeros for the parts not given (2 月 19 日 -> 219)."""
    parts = [int(p) for p in re.findall(r"[0-9]+", text)]
    if text[0].isalpha():
        month = MONTHS[text[:3].lower()]
        day, year = parts[0], parts[1] if len(parts) > 1 else 0
        return float(year * 10_000 + month * 100 + day)
    if len(parts) == 2 and "年" not in text:
        return float(parts[0] * 100 + parts[1])
    parts += [0] * (3 - len(parts))
    return float(parts[0] * 10_000 + parts[1] * 100 + parts[2])


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
    for words, kind in ((_UPPER, "upper"), (_LOWER, "lower-bound"), (_APPROX, "approximate")):
        for word in words:
            if (
                before.endswith(word)
                and not before.endswith("最近")
                and (not word.isascii() or not before[: -len(word)][-1:].isalpha())
            ):
                return kind
    for word, kind in _AFTER.items():
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
        return unit is not None or (q.mag >= 1e5 and next_char not in "不别要记莫")
    return True


def _is_name(text: str, start: int) -> bool:
    """A bare number right after a product or company name (Sora 2, GPT 4)."""
    m = re.search(r"([A-Za-z][A-Za-z0-9.\-]*)\s$", text[max(0, start - 30) : start])
    if not m:
        return False
    word = m[1]
    if word in _latin_names():
        return _latin_names()[word] in ("product", "company")
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
    if unit is None:
        window = max(0, m.start() - 40)
        clause_start = max((x.end() for x in _CLAUSE_END.finditer(text, window, m.start())), default=window)
        if _MONEY_AFTER.match(text, m.end()) or _MONEY_BEFORE.search(text, clause_start, m.start()):
            return "money", "CNY" if _CNY_IN_SENTENCE.search(sentence) else None
    return unit, currency


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word).lower()


_UNIT_LOOKUP = {_key(word): value for word, value in UNIT_WORDS.items()}


def _read(m: re.Match, text: str, sentence: str) -> tuple[float, float, str, str | None, str] | None:
    """(low, high, unit, currency, kind) of one match, or None when it is not a number here."""
    if m["time"]:
        return None
    if m["date"]:
        value = _date(m["date"])
        return value, value, "date", None, "exact"
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


def _bare_unit(m: re.Match, q: _Quantity, text: str) -> str | None:
    """Unit of a number with no unit word: a calendar year, a plain number, or None for a name."""
    if q.form == "arabic" and q.mag == 1 and q.kind == "exact" and "," not in m["q1"] and "." not in m["q1"]:
        if 1900 <= q.low <= 2100 and len(m["q1"]) == 4:
            return "year"
        if q.low < 100 and _is_name(text, m.start()):
            return None
    return "number"


def _range(q1: _Quantity, q2: _Quantity, unit, currency, m) -> tuple[float, float, str, str | None, str] | None:
    low = q1.low * q2.mag if q1.mag == 1 and q2.mag > 1 else q1.low
    if low > q2.high or not _allowed(q2, unit, m["unit"], bool(m["cur"]), ""):
        return None
    if unit is None:
        years = all(q.form == "arabic" and 1900 <= q.low <= 2100 for q in (q1, q2))
        unit = "year" if years else "number"
    return low, q2.high, unit, currency, "range"


@functools.cache
def _numeric_names() -> re.Pattern | None:
    """Dictionary names that contain a numeral (GPT-4, 零一万物): never read as numbers."""
    names = [n for n in _dictionary() if re.search(rf"[0-9{_CN_DIGIT}十百千万亿]", n)]
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))) if names else None


def numbers(text: str) -> list[tuple[int, int, float, float, str, str | None, str]]:
    """Every number in a plain string: (start, end, low, high, unit, currency, kind), offsets into `text`."""
    work = text.translate(_FULLWIDTH)
    names = _numeric_names()
    taken = [(n.start(), n.end()) for n in names.finditer(work)] if names else []
    ends = [e.end() for e in _SENTENCE_END.finditer(work)]
    found = []
    for m in NUMBER.finditer(work):
        if any(s < m.end() and m.start() < e for s, e in taken) or _is_ordinal(work, m.start()):
            continue
        k = bisect.bisect_right(ends, m.start())
        sentence = work[ends[k - 1] if k else 0 : ends[k] if k < len(ends) else len(work)]
        value = _read(m, work, sentence)
        if value is not None:
            found.append((m.start(), m.end(), *value))
    return found


def _is_ordinal(text: str, start: int) -> bool:
    """第三, 第 3 名: a rank, not a quantity."""
    return text[max(0, start - 4) : start].rstrip()[-1:] == "第"


def find_numbers(art) -> list[Number]:
    """Every number in an article's sentences, with offsets into `art.raw`."""
    return [n for s in art.sentences for n in _sentence_numbers(art, s)]


def _sentence_numbers(art, sentence) -> list[Number]:
    text, pos = article_mod.clean(art.raw[sentence.start : sentence.end])
    return [
        Number(text[a:b], sentence.start + pos[a], sentence.start + pos[b - 1] + 1, low, high, unit, currency, kind)
        for a, b, low, high, unit, currency, kind in numbers(text)
    ]


# ---------------------------------------------------------------- named entities

_DICT_LINE = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$")  # jieba's user-dictionary line
_HAN = re.compile(r"[\u4e00-\u9fff]")
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
def _dictionary() -> dict[str, str]:
    """name -> type from resources/userdict.txt."""
    from claimscope.errors import InputError

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
def _latin_names() -> dict[str, str]:
    return {name: kind for name, kind in _dictionary().items() if not _HAN.search(name)}


@functools.cache
def _latin_pattern() -> re.Pattern:
    names = sorted(_latin_names(), key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(re.escape(n) for n in names) + r")(?![A-Za-z0-9]|-[A-Za-z])")


@functools.cache
def _tagger():
    """jieba's part-of-speech tagger with the user dictionary, loaded once (about a second)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(paths.USER_DICT))
    return jieba.posseg.POSTokenizer(tokenizer)


def _han_names(text: str) -> list[tuple[int, str, str]]:
    found, cursor = [], 0
    for word, flag in _tagger().cut(text, HMM=False):
        at = text.find(word, cursor)
        if at >= 0:
            cursor = at + len(word)
        if flag in ENTITY_TYPES and _HAN.search(word) and at >= 0:
            found.append((at, word, flag))
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
    latin = [(m.start(), m[0], _latin_names()[m[0]]) for m in _latin_pattern().finditer(text)]
    taken = [(at, at + len(name)) for at, name, _ in latin]
    han = _han_names(text) if _HAN.search(text) else []
    names, seen = [], set()
    for _, name, kind in sorted(latin + han + _capitalised_names(text, taken)):
        if name not in seen:
            seen.add(name)
            names.append((name, kind))
    return names


# ---------------------------------------------------------------- markers


def _markers(chinese: list[str], english: list[str]) -> re.Pattern:
    """Chinese patterns as given (longest first), English words and phrases as whole words, any case."""
    words = [r"\b" + re.escape(w).replace("\\ ", r"\s+") + r"\b" for w in sorted(english, key=len, reverse=True)]
    return re.compile("|".join(chinese + [f"(?i:{'|'.join(words)})"]))


MARKERS = {
    "rhetorical": _markers(
        [
            "凭什么",
            "岂是",
            "岂能",
            "岂不",
            "难道",
            "怎么可能",
            "何必",
            "何苦",
            "何尝",
            "你敢",
            "有么",
            "有吗",
            "谁知道",
            "还能怎么",
            "为什么不",
            "不是[^。？?]{0,20}?吗",
            "不[^，,。？?]{0,12}?(?<![什怎这那多])么(?=[？?])",
            "哪个[^。？?]*?的(?=[？?])",
            "又能[^。？?]{0,20}?呢",
        ],
        [
            "how could",
            "why would anyone",
            "who would",
            "isn't it",
            "aren't they",
            "don't you think",
            "is it any wonder",
            "what's the point",
            "who cares",
            "why should",
            "can anyone",
            "would anyone",
            "who in their right mind",
        ],
    ),
    "hedges": _markers(
        [
            "较大可能",
            "不太可能",
            "(?<!不)(?<!怎么)(?<!岂)可能",
            "或许",
            "也许",
            "恐怕",
            "大概",
            "似乎",
            "应该",
            "好像",
            "估计",
            "未必",
            "不一定",
            "或将",
            "有望",
            "据说",
            "据称",
        ],
        [
            "may",
            "might",
            "could",
            "likely",
            "unlikely",
            "perhaps",
            "probably",
            "possibly",
            "maybe",
            "seems",
            "appears to",
            "reportedly",
            "arguably",
            "allegedly",
            "apparently",
        ],
    ),
    "certainty": _markers(
        [
            "毫无疑问",
            "毋庸置疑",
            "显而易见",
            "无一例外",
            "无疑",
            "必然",
            "必定",
            "注定",
            "肯定",
            "(?<!不)一定(?!时期|程度|的|数量|范围|比例)",
            "显然",
            "根本(?!原因)",
            "绝对",
            "绝不",
            "不可能",
            "永远",
            "从来",
            "确实",
        ],
        [
            "certainly",
            "clearly",
            "undoubtedly",
            "will",
            "always",
            "never",
            "definitely",
            "obviously",
            "surely",
            "inevitably",
            "no doubt",
            "without doubt",
            "of course",
        ],
    ),
    "discourse": _markers(
        [
            "总而言之",
            "换言之",
            "所以",
            "因此",
            "因而",
            "但是",
            "(?<!不)但",
            "然而",
            "不过",
            "首先",
            "其次",
            "最后",
            "即便",
            "即使",
            "如果",
            "因为",
            "同理",
            "而且",
            "此外",
            "另外",
            "总之",
            "虽然",
            "尽管",
            "于是",
            "可见",
            "再说",
            "比如",
            "譬如",
            "例如",
        ],
        [
            "therefore",
            "but",
            "however",
            "first",
            "firstly",
            "second",
            "secondly",
            "finally",
            "because",
            "thus",
            "hence",
            "moreover",
            "furthermore",
            "although",
            "though",
            "in short",
            "in conclusion",
            "for example",
            "for instance",
            "on the other hand",
            "as a result",
        ],
    ),
    "comparison": _markers(
        [
            "远比",
            "远不如",
            "不如",
            "越来越",
            "之最",
            "最(?!近|后|终|初|起码|好)",
            "(?<![对相无好])比(?![如较例起重])[^，,。；;？?！!]{1,12}?(?:更|还)",
            "(?<![变])更(?!新|换|改|正|替|迭)",
        ],
        [
            "most",
            "more than",
            "less than",
            "fewer than",
            "better than",
            "worse than",
            "bigger than",
            "larger than",
            "higher than",
            "faster than",
            "cheaper than",
            "best",
            "worst",
            "largest",
            "biggest",
            "highest",
            "lowest",
            "greatest",
            "fastest",
            "smallest",
            "strongest",
            "cheapest",
        ],
    ),
}
_QUESTION = re.compile(r"(?:[?？]|[吗呢][。.!！]?)[\s”’」』）)\"'*]*$")
_MAY_MONTH = re.compile(r"May\s+[0-9]|[0-9]\s+May\b|\bin\s+May\b")


def markers(text: str) -> dict[str, list[str]]:
    """Rhetorical, hedge, certainty, discourse and comparison words in a text, as matched."""
    matches = {name: list(pattern.finditer(text)) for name, pattern in MARKERS.items()}
    rhetorical = [m.span() for m in matches["rhetorical"]]
    matches["hedges"] = [  # "how could", 怎么可能: the hedge word is part of the rhetorical form
        m
        for m in matches["hedges"]
        if not any(s < m.end() and m.start() < e for s, e in rhetorical)
        and not (m[0] == "May" and _MAY_MONTH.search(text))  # the month
    ]
    return {name: [m[0] for m in found] for name, found in matches.items()}


def is_question(text: str) -> bool:
    """Ends with a question mark, or with 吗/呢."""
    return bool(_QUESTION.search(text))


# ---------------------------------------------------------------- sentences


def _score(sig: SentenceSignals) -> tuple[float, list[str]]:
    """The check-worthiness score and its itemised reasons (see the module docstring)."""
    w, items = WEIGHTS, []
    for n in sig.numbers:
        weight = w["other_number"] if n.unit in UNITLESS else w["unit_number"]
        items.append((weight, f"number ({n.unit}): {n.text}"))
    counted = int(w["entity_cap"] // w["entity"])
    items += [(w["entity"], f"name ({kind}): {name}") for name, kind in sig.entities[:counted]]
    if sig.entities[counted:]:
        items.append((0.0, "names beyond the cap: " + ", ".join(name for name, _ in sig.entities[counted:])))
    for key in ("certainty", "comparison"):
        if getattr(sig, key):
            items.append((w[key], f"{key}: {', '.join(getattr(sig, key))}"))
    if sig.emphasis:
        items.append((w["emphasis"], "bold in the article"))
    items += [(w["hedge"], f"hedge: {h}") for h in sig.hedges]
    if sig.rhetorical:
        items.append((w["rhetorical"], f"rhetorical question: {', '.join(sig.rhetorical)}"))
    elif sig.question:
        items.append((w["question"], "question"))
    return sum((p for p, _ in items), 0.0), [f"{p:+g} {label}" for p, label in items]


def _signals(index, paragraph, start, end, text, nums, emphasis) -> SentenceSignals:
    found = markers(text)
    sig = SentenceSignals(
        index,
        paragraph,
        start,
        end,
        text,
        nums,
        entities(text),
        is_question(text),
        found["rhetorical"],
        found["hedges"],
        found["certainty"],
        found["discourse"],
        found["comparison"],
        emphasis,
    )
    sig.score, sig.reasons = _score(sig)
    return sig


def examine(text: str, emphasis: list[str] | None = None) -> SentenceSignals:
    """Signals of one stand-alone sentence (offsets into `text`); `emphasis` lists its bold parts."""
    nums = [Number(text[a:b], a, b, *rest) for a, b, *rest in numbers(text)]
    return _signals(1, 1, 0, len(text), text, nums, list(emphasis or []))


def _emphasis(art, sentence, ends: list[int]) -> list[str]:
    """Bold text inside a sentence (Article.emphasis holds raw offsets, in order)."""
    parts, i = [], bisect.bisect_right(ends, sentence.start)
    while i < len(ends) and art.emphasis[i]["start"] < sentence.end:
        span = art.emphasis[i]
        text = article_mod.clean(art.raw[max(span["start"], sentence.start) : min(span["end"], sentence.end)])[0]
        if text.strip():
            parts.append(text)
        i += 1
    return parts


def analyse(art) -> list[SentenceSignals]:
    """Signals and score of every sentence of an Article."""
    ends = [span["end"] for span in art.emphasis]
    return [
        _signals(s.index, s.paragraph, s.start, s.end, s.text, _sentence_numbers(art, s), _emphasis(art, s, ends))
        for s in art.sentences
    ]


# ---------------------------------------------------------------- tables for the report


def _row(sig: SentenceSignals) -> dict:
    return {
        "sentence": sig.index,
        "paragraph": sig.paragraph,
        "start": sig.start,
        "end": sig.end,
        "score": sig.score,
        "text": sig.text,
        "numbers": "; ".join(n.text for n in sig.numbers),
        "entities": "; ".join(f"{name} ({kind})" for name, kind in sig.entities),
        "question": sig.question,
        "rhetorical": "; ".join(sig.rhetorical),
        "hedges": "; ".join(sig.hedges),
        "certainty": "; ".join(sig.certainty),
        "discourse": "; ".join(sig.discourse),
        "comparison": "; ".join(sig.comparison),
        "emphasis": "; ".join(sig.emphasis),
        "reasons": "; ".join(sig.reasons),
    }


FRAME_COLUMNS = list(_row(SentenceSignals(0, 0, 0, 0, "", [], [], False, [], [], [], [], [], [])))
NUMBER_COLUMNS = ["sentence", "paragraph", "text", "low", "high", "unit", "currency", "kind", "start", "end"]


def frame(art) -> pd.DataFrame:
    """One row per sentence: its signals, list columns joined with '; '."""

    return pd.DataFrame([_row(sig) for sig in analyse(art)], columns=FRAME_COLUMNS)


def ranked(art, n: int) -> pd.DataFrame:
    """The n most check-worthy sentences, highest score first, ties in sentence order, with a rank."""
    table = frame(art).sort_values(["score", "sentence"], ascending=[False, True], kind="stable").head(n)
    return table.reset_index(drop=True).rename_axis("rank").reset_index().assign(rank=lambda t: t["rank"] + 1)


def numbers_frame(art) -> pd.DataFrame:
    """Every number in the article, one row each, in reading order."""

    rows = [
        {
            "sentence": sig.index,
            "paragraph": sig.paragraph,
            "text": n.text,
            "low": n.low,
            "high": n.high,
            "unit": n.unit,
            "currency": n.currency,
            "kind": n.kind,
            "start": n.start,
            "end": n.end,
        }
        for sig in analyse(art)
        for n in sig.numbers
    ]
    return pd.DataFrame(rows, columns=NUMBER_COLUMNS)


def _counts(sig: SentenceSignals) -> dict[str, int]:
    return {
        "numbers": len(sig.numbers),
        "entities": len(sig.entities),
        "questions": int(sig.question),
        "rhetorical": len(sig.rhetorical),
        "hedges": len(sig.hedges),
        "certainty": len(sig.certainty),
        "discourse": len(sig.discourse),
        "comparison": len(sig.comparison),
        "emphasis": len(sig.emphasis),
    }


def by_paragraph(art) -> pd.DataFrame:
    """Long table (paragraph, signal, count) of every signal in every paragraph, zeros included."""

    totals = {(p.number, name): 0 for p in art.paragraphs for name in SIGNALS}
    for sig in analyse(art):
        for name, count in _counts(sig).items():
            totals[(sig.paragraph, name)] += count
    rows = [{"paragraph": p, "signal": name, "count": count} for (p, name), count in totals.items()]
    return pd.DataFrame(rows, columns=["paragraph", "signal", "count"])
