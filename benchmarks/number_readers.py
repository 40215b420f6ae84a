"""claimscope's number reader against well-kept libraries, on the same labelled cases.

Libraries compared when installed (they are not dependencies of the project; install them into the
venv to rerun: `.venv/bin/pip install cn2an quantulum3 price-parser`): cn2an (Chinese numerals,
its "smart" mode on each run of digits and numerals), quantulum3 (English quantities), price-parser
(currency amounts, one per text). A reader gets a case right when one of its readings has the
expected low and high values (to 1e-9 relative), or, for a text with no quantity (a date, an idiom),
when it reads nothing.
"""

from __future__ import annotations

import math
import re
import warnings

from claimscope.text import numbers

COMMAND = ".venv/bin/python benchmarks/number_readers.py"
# (text, low, high); None for a text with no quantity in it
CASES = [
    ("zh", "营收 549.3 亿元", 54_930_000_000, 54_930_000_000),
    ("zh", "1200萬人", 1.2e7, 1.2e7),
    ("zh", "1.4億美元", 1.4e8, 1.4e8),
    ("zh", "營收還在十幾億", 1.1e9, 1.9e9),
    ("zh", "几十万人", 1e5, 1e6),
    ("zh", "三十多万", 3.1e5, 3.9e5),
    ("zh", "两三天", 2, 3),
    ("zh", "5-10 倍", 5, 10),
    ("zh", "上千到几千块", 1e3, 1e4),
    ("zh", "不到 100 人", 0, 100),
    ("zh", "最高200萬元", 0, 2e6),
    ("zh", "一两百万美金", 1e6, 2e6),
    ("zh", "万分之一", 1e-4, 1e-4),
    ("zh", "营收减少了一半", 0.5, 0.5),
    ("zh", "1,200 亿美金", 1.2e11, 1.2e11),
    ("zh", "9月30日发布", None, None),
    ("zh", "这事十万火急", None, None),
    ("zh", "GPT4 和 Sora 2", None, None),
    ("en", "Revenue grew 30% to $5 billion", 5e9, 5e9),
    ("en", "Users grew 20% to 300 million", 3e8, 3e8),
    ("en", "between 10% and 20%", 10, 20),
    ("en", "$1.2 billion in 2024", 1.2e9, 1.2e9),
    ("en", "HK$10 billion", 1e10, 1e10),
    ("en", "€5 million", 5e6, 5e6),
    ("en", "$5-10 billion", 5e9, 1e10),
    ("en", "tens of thousands", 1e4, 1e5),
    ("en", "three years", 3, 3),
    ("en", "US$20bn", 2e10, 2e10),
    ("en", "cut costs by half", 0.5, 0.5),
    ("en", "on 2025-06-02", None, None),
    ("en", "It launched on 3 April 2025", None, None),
]


def _claimscope(text: str) -> list[tuple[float, float]]:
    return [(low, high) for _, _, low, high, *_ in numbers.numbers(text)]


def _cn2an(text: str) -> list[tuple[float, float]]:
    import cn2an

    found = []
    for run in re.findall(r"[0-9.,零〇一二两三四五六七八九十百千万亿萬億几幾]+", text):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                value = float(cn2an.cn2an(run.replace(",", ""), "smart"))
            except (ValueError, KeyError, TypeError):
                continue
        found.append((value, value))
    return found


def _quantulum(text: str) -> list[tuple[float, float]]:
    from quantulum3 import parser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [(q.value, q.value) for q in parser.parse(text)]


def _price(text: str) -> list[tuple[float, float]]:
    from price_parser import Price

    amount = Price.fromstring(text).amount_float
    return [] if amount is None else [(amount, amount)]


READERS = {"claimscope": _claimscope, "cn2an": _cn2an, "quantulum3": _quantulum, "price-parser": _price}


def _right(found: list[tuple[float, float]], low, high) -> bool:
    if low is None:
        return not found
    return any(math.isclose(a, low, rel_tol=1e-9) and math.isclose(b, high, rel_tol=1e-9) for a, b in found)


def main() -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        readers = {}
        for name, read in READERS.items():
            try:
                read("1")
                readers[name] = read
            except ImportError:
                print(f"  ({name} is not installed: skipped)")
    results = {}
    print(COMMAND)
    print(f"  {'reader':<14} {'Chinese':>9} {'English':>9}")
    for name, read in readers.items():
        right = {"zh": 0, "en": 0}
        for lang, text, low, high in CASES:
            right[lang] += _right(read(text), low, high)
        totals = {lang: sum(c[0] == lang for c in CASES) for lang in right}
        results[name] = right
        print(f"  {name:<14} {right['zh']:>4} / {totals['zh']:<3} {right['en']:>4} / {totals['en']:<3}")
    return results


if __name__ == "__main__":
    main()
