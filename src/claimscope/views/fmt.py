"""Numbers for people: the one place that turns a value into the text a reader sees.

Every table, sentence, chart axis and tooltip of the report formats its numbers through here, so
one value always reads the same way:

    number(1234567)            -> "1,234,567"        thousands separators, no float noise
    number(14.751875)          -> "14.8"             three significant figures at most
    scaled(2.5e11)             -> "250 bn"           k is not used; m, bn, tn are (after a no-break space)
    money(2.5e11, "USD")       -> "US$250 bn"        money(3.46e9, "CNY") -> "¥3.46 bn"
    span(1e6, 2e6, "money", "USD") -> "US$1–2 m"     one scale for both ends of a range
    percent(0.276)             -> "27.6%"            shares are fractions (0.05 is 5%)
    ratio(1.25)                -> "1.25×"
    year(2023.0)               -> "2023"             years never get a separator
    date("2024-02-19")         -> "19 Feb 2024"
    cell(None), cell(nan)      -> "—"                missing is an em dash, never None or nan

`quantity(low, high, unit, currency)` picks the right one for a value with the unit names used by
the text and evidence modules (money, percent, year, times, counts...). Chart axes use the
Vega-Lite format strings in AXIS, which follow the same conventions.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers

MISSING = "—"
DASH = "–"  # en dash between the ends of a range
NBSP = "\u00a0"  # between a number and its scale: "US$7.32 bn" never breaks into "US$7.32" and "bn"
CURRENCIES = {"USD": "US$", "CNY": "¥", "RMB": "¥", "EUR": "€", "GBP": "£", "JPY": "JP¥"}
SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
# Vega-Lite (d3-format) equivalents for chart axes and tooltips.
AXIS = {"number": ",.3~r", "integer": ",d", "percent": ".0%", "percent1": ".1%", "ratio": ".2~f", "year": "d"}


def missing(value) -> bool:
    """True for None, NaN, NaT and pandas' NA (anything a reader should see as a dash)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT and NA are not equal to themselves
    except (TypeError, ValueError):
        return False


def _significant(x: float, digits: int = 3) -> float:
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


def number(value, digits: int = 3) -> str:
    """A plain number: separators, at most `digits` significant figures, integers kept whole."""
    if missing(value):
        return MISSING
    x = float(value)
    if abs(x) >= 10**digits or x == int(x):
        return f"{round(x):,}"
    rounded = _significant(x, digits)
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(rounded)))) if rounded else 0
    text = f"{rounded:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text  # 270.06 -> "270", never "27"


def _scale_of(x: float) -> tuple[float, str]:
    for size, suffix in SCALES:
        if abs(x) >= size:
            return size, suffix
    return 1, ""


def scaled(value, digits: int = 3) -> str:
    """A large number with a word for its scale: 2.5e11 -> "250 bn", 1.6e6 -> "1.6 m"."""
    if missing(value):
        return MISSING
    size, suffix = _scale_of(float(value))
    return f"{number(float(value) / size, digits)}{NBSP}{suffix}" if suffix else number(float(value), digits)


def _currency(code) -> str | None:
    """A currency code, or None for a missing one (None, NaN, "")."""
    return code if isinstance(code, str) and code else None


def money(value, currency: str | None = None, digits: int = 3) -> str:
    """An amount with its currency sign and scale: US$250 bn, ¥3.46 bn, US$800,000."""
    if missing(value):
        return MISSING
    currency = _currency(currency)
    sign = CURRENCIES.get(currency or "", "")
    x = float(value)
    text = scaled(abs(x), digits) if abs(x) >= 1e6 else number(abs(x), digits)
    code = f" {currency}" if currency and not sign else ""
    # −US$89.7 m, not US$-89.7 m; the minus sign (U+2212), unlike a hyphen, never ends a line
    minus = "\u2212" if x < 0 and text.strip("0.,") else ""
    return f"{minus}{sign}{text}{code}"


def percent(value, digits: int = 1) -> str:
    """A fraction as a percentage with at most `digits` decimals: 0.276 -> "27.6%", 0.05 -> "5%"."""
    if missing(value):
        return MISSING
    x = float(value) * 100
    if x and abs(x) < 1:  # small shares keep two significant figures: 0.0001 -> "0.01%"
        return f"{number(x, 2)}%"
    text = f"{x:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"


def ratio(value, digits: int = 3) -> str:
    """A multiple: 1.25 -> "1.25×", 10.299 -> "10.3×"."""
    return MISSING if missing(value) else f"{number(value, digits)}×"


def year(value) -> str:
    """A year as written: 2023.0 -> "2023"."""
    return MISSING if missing(value) else str(int(round(float(value))))


def date(value) -> str:
    """A date for readers: "19 Feb 2024" (ISO strings, dates and datetimes)."""
    if missing(value) or value == "":
        return MISSING
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return f"{value.day} {value:%b %Y}"


def probability(value) -> str:
    """A probability as a percentage with no decimals: 0.333 -> "33%"."""
    return percent(value, 0)


def span(low, high, unit: str | None = None, currency: str | None = None) -> str:
    """A value or a range in one format and one scale: "US$1–2 m", "10–100", "5%"."""
    if missing(low) and missing(high):
        return MISSING
    currency = _currency(currency)
    low = high if missing(low) else low
    high = low if missing(high) else high
    if float(low) == float(high):
        return quantity(low, unit, currency)
    if unit == "times":
        return f"{number(low)}{DASH}{number(high)}×"
    if unit in ("percent", "year") or (unit == "money" and currency is None and abs(float(high)) < 1e6):
        return f"{quantity(low, unit, currency)}{DASH}{quantity(high, unit, currency)}"
    size, suffix = _scale_of(float(high))
    if size > 1 and abs(float(low)) >= size / 1000:
        sign = CURRENCIES.get(currency or "", "") if unit == "money" else ""
        lo, hi = number(float(low) / size), number(float(high) / size)
        return f"{sign}{lo}{DASH}{hi}{NBSP}{suffix}"
    return f"{quantity(low, unit, currency)}{DASH}{quantity(high, unit, currency)}"


def quantity(value, unit: str | None = None, currency: str | None = None) -> str:
    """One value in its unit's format (units as named by the text and evidence modules)."""
    if missing(value):
        return MISSING
    currency = _currency(currency)
    if unit == "money" or currency:
        return money(value, currency)
    if unit == "percent":  # the article's percentages are written as numbers (5% is 5)
        return f"{number(value)}%"
    if unit == "fraction" or unit == "share":
        return percent(value)
    if unit == "year":
        return year(value)
    if unit == "times":
        return ratio(value)
    return scaled(value) if abs(float(value)) >= 1e6 else number(value)


def cell(value) -> str:
    """Any table cell that has no column format: numbers as `number`, booleans as yes/no, missing as a dash."""
    if missing(value):
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return f"{value:,}"
    if isinstance(value, numbers.Real):
        return number(value)
    if isinstance(value, dt.date):
        return date(value)
    text = str(value)
    return text if text.strip() else MISSING
