import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimscope.views import fmt


@pytest.mark.parametrize(
    "value, text",
    [
        (1234567, "1,234,567"),
        (14.751875, "14.8"),
        (0.333333, "0.333"),
        (800000.0, "800,000"),
        (2023.0, "2,023"),
        (None, "—"),
        (math.nan, "—"),
    ],
)
def test_number(value, text):
    assert fmt.number(value) == text


def test_money_scale_and_currency():
    assert fmt.money(2.5e11, "USD") == "US$250\u00a0bn"
    assert fmt.money(3.46e9, "CNY") == "¥3.46\u00a0bn"
    assert fmt.money(49e12, "USD") == "US$49\u00a0tn"
    assert fmt.money(800000, "USD") == "US$800,000"
    assert fmt.span(1e6, 2e6, "money", "USD") == "US$1–2\u00a0m"


def test_percent_probability_ratio_year_date():
    assert fmt.percent(0.276) == "27.6%"
    assert fmt.percent(0.05) == "5%"
    assert fmt.percent(1e-4) == "0.01%"
    assert fmt.probability(1 / 3) == "33%"
    assert fmt.ratio(10.299) == "10.3×"
    assert fmt.year(2023.0) == "2023"
    assert fmt.date("2024-02-19") == "19 Feb 2024"


def test_quantity_follows_the_unit():
    assert fmt.quantity(2023.0, "year") == "2023"
    assert fmt.quantity(5.0, "percent") == "5%"
    assert fmt.quantity(1e-4, "fraction") == "0.01%"
    assert fmt.span(10, 100, "count") == "10–100"
    assert fmt.span(5, 10, "times") == "5–10×"
    assert fmt.span(1.1e9, 1.9e9, "money", None) == "1.1–1.9\u00a0bn"


@pytest.mark.parametrize("value", [2.5e11, 49000000000000.0, 14.751875, 0.333333, 1 / 7, 123456.789])
def test_no_scientific_notation_or_float_noise(value):
    for text in (fmt.number(value), fmt.scaled(value), fmt.cell(value), fmt.money(value, "USD")):
        assert "e+" not in text and "e-" not in text
        digits = text.split(".")[-1] if "." in text else ""
        assert len(digits.rstrip(" mbnt%×")) <= 4, text


def test_tiny_numbers_are_written_out():
    assert fmt.number(1e-7) == "0.0000001"


def test_cell_handles_every_kind_of_value():
    assert fmt.cell(True) == "yes" and fmt.cell(False) == "no"
    assert fmt.cell(12000) == "12,000"
    assert fmt.cell("") == "—" and fmt.cell("text") == "text"


SUFFIX = {"": 1, "m": 1e6, "bn": 1e9, "tn": 1e12}


def _read(text: str) -> float:
    """The value a reader takes from a formatted number: "-US$1.56 bn" -> -1.56e9."""
    sign = -1 if text.startswith(("-", "\u2212")) else 1
    number, _, suffix = text.lstrip("-\u2212").removeprefix("US$").replace(",", "").partition(fmt.NBSP)
    return sign * float(number) * SUFFIX[suffix]


@pytest.mark.parametrize(
    "value, text", [(270.06, "270"), (99.96, "100"), (270.06e9, "270\u00a0bn"), (150.2e6, "150\u00a0m")]
)
def test_rounding_to_a_multiple_of_ten_keeps_its_zeros(value, text):
    assert fmt.scaled(value) == text


def test_a_number_and_its_scale_never_part():
    assert fmt.money(7.32e9, "USD") == f"US$7.32{fmt.NBSP}bn" and " " not in fmt.span(1e6, 2e6, "money", "USD")


def test_a_negative_amount_puts_the_minus_before_the_currency():
    assert fmt.money(-89.7e6, "USD") == "\u2212US$89.7\u00a0m"
    assert fmt.money(-0.0001, "USD") == "\u2212US$0.0001"


@given(st.floats(min_value=1e-6, max_value=1e15, allow_nan=False), st.booleans())
def test_a_reader_reads_back_the_value_to_three_significant_figures(magnitude, negative):
    value = -magnitude if negative else magnitude
    for text in (fmt.number(value), fmt.scaled(value), fmt.money(value, "USD")):
        read = _read(text)
        allowed = max(0.005 * abs(value), 0.5 if abs(value) >= 1000 and text == fmt.number(value) else 0)
        assert abs(read - value) <= allowed * (1 + 1e-9), (value, text)
