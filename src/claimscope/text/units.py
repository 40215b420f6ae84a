"""The vocabulary numbers are read with (numerals, scale words, currencies, unit words, bounding words) and the patterns built from it."""

from __future__ import annotations

import re

FULLWIDTH = str.maketrans("０１２３４５６７８９％＄", "0123456789%$")
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
    "€": "EUR",
    "£": "GBP",
    "EUR": "EUR",
    "GBP": "GBP",
    "JPY": "JPY",
    "HK$": "HKD",
    "HKD": "HKD",
}
# unit word -> (unit, currency); "money" units carry their currency
UNIT_WORDS = {
    "美金": ("money", "USD"),
    "美元": ("money", "USD"),
    "元": ("money", "CNY"),
    "块钱": ("money", "CNY"),
    "块": ("money", "CNY"),
    "人民币": ("money", "CNY"),
    "欧元": ("money", "EUR"),
    "英镑": ("money", "GBP"),
    "日元": ("money", "JPY"),
    "港元": ("money", "HKD"),
    "港币": ("money", "HKD"),
    "韩元": ("money", "KRW"),
    "dollars": ("money", "USD"),
    "dollar": ("money", "USD"),
    "usd": ("money", "USD"),
    "yuan": ("money", "CNY"),
    "rmb": ("money", "CNY"),
    "cny": ("money", "CNY"),
    "euros": ("money", "EUR"),
    "euro": ("money", "EUR"),
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
UNIT_NOT_BEFORE = {
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
MONEY_AFTER = re.compile(rf"[^，,。；;！？!?\n]{{0,6}}?(?:{MONEY_WORDS})", re.I)
MONEY_BEFORE = re.compile(rf"(?:{MONEY_WORDS})", re.I)
CNY_IN_SENTENCE = re.compile(r"(?<![美欧日港韩澳台加])元|块钱|人民币|RMB|CNY|[¥￥]|[0-9几千百万十]\s?块(?!卡|显卡|GPU)")

LOWER = (
    "不少于",
    "突破了",
    "突破",
    "超过了",
    "超出",
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
    "passed",
    "surpassed",
    "exceeded",
    "topped",
    "crossed",
)
UPPER = (
    "不超过",
    "最高",
    "最多",
    "至多",
    "at most",
    "a maximum of",
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
APPROX = (
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
AFTER = {
    "以上": "lower-bound",
    "+": "lower-bound",
    "左右": "approximate",
    "上下": "approximate",
    "以下": "upper",
    "以内": "upper",
}

# quantities written as words, with a fixed value: (pattern, value, unit)
WORD_QUANTITIES = (
    (r"翻了?一番|翻了?一倍|翻倍|翻番", 2.0, "times"),
    (r"(?i:doubled|doubling)(?![A-Za-z])", 2.0, "times"),
    (r"(?i:tripled|trebled)(?![A-Za-z])", 3.0, "times"),
    (r"一半|(?i:(?:by\s)?half(?=\s+of\b)|by\shalf|halved)(?![A-Za-z])", 0.5, "fraction"),
    (r"(?i:(?:a|one)\s(?:quarter)(?=\s+of\b))", 0.25, "fraction"),
    (r"(?i:three\squarters)(?=\s+of\b)", 0.75, "fraction"),
    (r"(?i:(?:a|one)\sthird)(?=\s+of\b)", 1 / 3, "fraction"),
    (r"(?i:two\sthirds)(?=\s+of\b)", 2 / 3, "fraction"),
    # 九成 = 90%; but 八成是 ... is "probably", not a share
    *(
        (rf"{digit}成(?![员为果功本立就绩长年熟品型交{'是会要' if digit == '八' else ''}])", 10.0 * k, "percent")
        for k, digit in enumerate("一二三四五六七八九", 1)
    ),
)
CURRENCY_CODES = frozenset(c for c in CURRENCIES.values() if c) | {c for _, c in UNIT_WORDS.values() if c}


# ---------------------------------------------------------------- patterns


def _alternation(words) -> str:
    """Regex alternation of words, longest first; Latin words end at a word boundary."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        part = re.escape(word).replace("\\ ", r"\s")
        if word[-1].isascii() and word[-1].isalpha():
            part += "(?![A-Za-z])"
        if word in UNIT_NOT_BEFORE:
            part += f"(?![{UNIT_NOT_BEFORE[word]}])"
        if word.isascii() and word.isalpha():
            part = f"(?i:{part})"
        parts.append(part)
    return "|".join(parts)


CN_DIGIT = "零〇一二两三四五六七八九"
_MAGS = r"万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?![米克瓦])|百|十"
_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,15}(?:\.[0-9]{1,10})?"
_EN_SCALE = r"(?:hundred|thousand|million|billion|trillion)(?![A-Za-z])"
_AR_Q = (
    rf"(?:{_ARABIC})(?:\s?[多余])?(?:\s?(?:{_MAGS})|\s(?i:{_EN_SCALE})|(?i:bn|mn|tn)(?![A-Za-z])"
    r"|[kKmMbBtT](?![A-Za-z]))?"
)
PAIRS = "一两|两三|三四|三五|四五|五六|六七|七八|八九"
_CN_Q = (
    rf"数以(?:{_MAGS})(?:计|级)?|[上近](?:{_MAGS})|[几数](?:{_MAGS})|[二三四五六七八九]?十[几多余](?:{_MAGS})?"
    rf"|(?:{PAIRS})(?:{_MAGS})?|[{CN_DIGIT}十百千万亿]+(?:[多余](?:{_MAGS})?)?"
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
_CURRENCY = r"US\s?\$|HK\$|\$|¥|￥|€|£|(?:USD|RMB|CNY|EUR|GBP|JPY|HKD)\s?"
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_EN_MONTH = (
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|december"
    rf"|(?:{_MONTHS})\.)"
)
_DATE = (
    r"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?![0-9])"
    r"|[0-9]{4}\s?年\s?[0-9]{1,2}\s?月(?:\s?[0-9]{1,2}\s?[日号])?"
    r"|[0-9]{1,2}\s?月\s?[0-9]{1,2}\s?[日号]"
    r"|[0-9]{1,2}\s?月份?(?![0-9])"
    rf"|{_EN_MONTH}\s[0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?\s[0-9]{{4}})?(?![0-9])"
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th)?\s{_EN_MONTH}(?:,?\s[0-9]{{4}})?(?![0-9])"
    rf"|{_EN_MONTH}\s[0-9]{{4}}(?![0-9])"
)
_UNIT = _alternation(UNIT_WORDS)
_WORD_QUANTITY = "|".join(pattern for pattern, _, _ in WORD_QUANTITIES)


def _number_pattern(ranges: bool) -> re.Pattern:
    """One quantity (a date, a clock time, a fraction, a word such as 一半, or an amount with its unit);
    with `ranges`, an amount may be a range of two (5-10, 10% to 20%, between 10% and 20%)."""
    second = (
        rf"(?:\s?(?P<gap>%?)\s?(?P<sep>[-–~～至到]|\sto\s|\sand\s)\s?(?:{_CURRENCY})?(?P<q2>{_AR_Q}|{_CN_Q}))?"
        if ranges
        else "(?P<gap>)(?P<sep>)(?P<q2>)"
    )
    return re.compile(
        r"(?<![0-9A-Za-z_.])(?<![0-9][,.])(?<![A-Za-z]-)"
        rf"(?:(?P<date>{_DATE})"
        r"|(?P<time>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)"
        rf"|(?P<frac>(?:{_ARABIC}|[{CN_DIGIT}十百千万]+)分之(?:{_ARABIC}|[{CN_DIGIT}十百千]+))"
        rf"|(?P<word>{_WORD_QUANTITY})"
        rf"|(?P<cur>{_CURRENCY})?(?P<q1>{_Q}){second}"
        rf"(?:\s?(?P<unit>{_UNIT}))?)"
        r"(?![0-9A-Za-z_]|[.,][0-9])"
    )


NUMBER = _number_pattern(ranges=True)
SINGLE = _number_pattern(ranges=False)
CN_NUMERAL = re.compile(f"[{CN_DIGIT}十百千万亿]")
CLAUSE_END = re.compile(r"[，,。；;！？!?：:\n]")
SENTENCE_END = re.compile(r"[。！？!?\n]")
