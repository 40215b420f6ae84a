import pytest

from claimscope.text import article, numbers, signals


def only(text):
    """The one number found in a text, without its offsets."""
    found = numbers.numbers(text)
    assert len(found) == 1, found
    return found[0][2:]


# (text, low, high, unit, currency, kind)
NORMALISED = [
    ("200 亿美金", 2e10, 2e10, "money", "USD", "exact"),
    ("1,200 亿美金", 1.2e11, 1.2e11, "money", "USD", "exact"),
    ("2,500 亿美金", 2.5e11, 2.5e11, "money", "USD", "exact"),
    ("50 万亿美元", 5e13, 5e13, "money", "USD", "exact"),
    ("几十万人", 1e5, 1e6, "people", None, "approximate"),
    ("几百万", 1e6, 1e7, "number", None, "approximate"),
    ("十几亿", 1.1e9, 1.9e9, "number", None, "approximate"),
    ("上千到几千块", 1e3, 1e4, "money", "CNY", "range"),
    ("几千万", 1e7, 1e8, "number", None, "approximate"),
    ("几万部", 1e4, 1e5, "films", None, "approximate"),
    ("几百部", 100, 1000, "films", None, "approximate"),
    ("十几部", 11, 19, "films", None, "approximate"),
    ("5-10 倍", 5, 10, "times", None, "range"),
    ("1-2 家", 1, 2, "count", None, "range"),
    ("2-3 天", 2, 3, "days", None, "range"),
    ("99%", 99, 99, "percent", None, "exact"),
    ("5%", 5, 5, "percent", None, "exact"),
    ("100%", 100, 100, "percent", None, "exact"),
    ("35 岁", 35, 35, "age", None, "exact"),
    ("3 小时", 3, 3, "hours", None, "exact"),
    ("2023 年", 2023, 2023, "year", None, "exact"),
    ("20 年", 20, 20, "years", None, "exact"),
    ("一两百万美金", 1e6, 2e6, "money", "USD", "approximate"),
    ("1亿预算", 1e8, 1e8, "money", None, "exact"),
    ("几十亿票房", 1e9, 1e10, "money", None, "approximate"),
    ("营收还在十几亿", 1.1e9, 1.9e9, "money", None, "approximate"),
    ("1亿骂声", 1e8, 1e8, "number", None, "exact"),
    ("数以千计", 1e3, 1e4, "number", None, "approximate"),
    ("数以百计", 100, 1000, "number", None, "approximate"),
    ("数以万级", 1e4, 1e5, "number", None, "approximate"),
    ("数以百万", 1e6, 1e7, "number", None, "approximate"),
    ("上百人", 100, 100, "people", None, "lower-bound"),
    ("几十个视频", 10, 100, "count", None, "approximate"),
    ("超过 1,200 亿美金", 1.2e11, 1.2e11, "money", "USD", "lower-bound"),
    ("不到 100 人", 0, 100, "people", None, "range"),
    ("近百人", 100, 100, "people", None, "approximate"),
    ("20多万", 2e5, 3e5, "number", None, "approximate"),
    ("三十多万", 3.1e5, 3.9e5, "number", None, "approximate"),
    ("两三天", 2, 3, "days", None, "approximate"),
    ("一年前", 1, 1, "years", None, "exact"),
    ("这两家", 2, 2, "count", None, "exact"),
    ("年产万吨", 1e4, 1e4, "tonnes", None, "exact"),
    ("高达数十米", 10, 100, "metres", None, "approximate"),
    ("万分之一", 1e-4, 1e-4, "fraction", None, "exact"),
    ("百分之五", 5, 5, "percent", None, "exact"),
    ("二〇二三年", 2023, 2023, "year", None, "exact"),
    ("1-2 万", 1e4, 2e4, "number", None, "range"),
    ("3 千米", 3, 3, "km", None, "exact"),
    ("１２３ 人", 123, 123, "people", None, "exact"),
    ("$1.5 billion", 1.5e9, 1.5e9, "money", "USD", "exact"),
    ("US$20bn", 2e10, 2e10, "money", "USD", "exact"),
    ("€3m", 3e6, 3e6, "money", "EUR", "exact"),
    ("¥300", 300, 300, "money", "CNY", "exact"),
    ("RMB 5 million", 5e6, 5e6, "money", "CNY", "exact"),
    ("$5-10 billion", 5e9, 1e10, "money", "USD", "range"),
    ("12%", 12, 12, "percent", None, "exact"),
    ("5 percent", 5, 5, "percent", None, "exact"),
    ("5%-10%", 5, 10, "percent", None, "range"),
    ("5-10x", 5, 10, "times", None, "range"),
    ("1,200", 1200, 1200, "number", None, "exact"),
    ("3", 3, 3, "number", None, "exact"),
    ("3.5 million people", 3.5e6, 3.5e6, "people", None, "exact"),
    ("tens of thousands", 1e4, 1e5, "number", None, "approximate"),
    ("hundreds of millions of users", 1e8, 1e9, "people", None, "approximate"),
    ("about 300 people", 300, 300, "people", None, "approximate"),
    ("more than 5 companies", 5, 5, "count", None, "lower-bound"),
    ("three years", 3, 3, "years", None, "exact"),
    ("a million users", 1e6, 1e6, "people", None, "exact"),
    ("from 2020 to 2023", 2020, 2023, "year", None, "range"),
    # traditional Chinese, read through OpenCC's simplified form
    ("1200萬人", 1.2e7, 1.2e7, "people", None, "exact"),
    ("1.4億美元", 1.4e8, 1.4e8, "money", "USD", "exact"),
    ("200萬元", 2e6, 2e6, "money", "CNY", "exact"),
    ("營收還在十幾億", 1.1e9, 1.9e9, "money", None, "approximate"),
    ("最高200萬元", 0, 2e6, "money", "CNY", "range"),
    ("幾十萬人", 1e5, 1e6, "people", None, "approximate"),
    # English phrasing and currencies
    ("between 10% and 20%", 10, 20, "percent", None, "range"),
    ("€5 million", 5e6, 5e6, "money", "EUR", "exact"),
    ("£3 billion", 3e9, 3e9, "money", "GBP", "exact"),
    ("HK$10 billion", 1e10, 1e10, "money", "HKD", "exact"),
    ("passed one trillion dollars", 1e12, 1e12, "money", "USD", "lower-bound"),
    ("突破了 10 亿美元", 1e9, 1e9, "money", "USD", "lower-bound"),
    ("最多 30 人", 0, 30, "people", None, "range"),
    # shares and multiples written as words
    ("一半", 0.5, 0.5, "fraction", None, "exact"),
    ("cut costs by half", 0.5, 0.5, "fraction", None, "exact"),
    ("a quarter of users", 0.25, 0.25, "fraction", None, "exact"),
    ("营收翻倍", 2, 2, "times", None, "exact"),
    ("下降了九成以上", 90, 90, "percent", None, "lower-bound"),
    ("三成用户", 30, 30, "percent", None, "exact"),
    ("营收翻了一倍", 2, 2, "times", None, "exact"),
    # exact decimal arithmetic
    ("549.3 亿元", 54_930_000_000, 54_930_000_000, "money", "CNY", "exact"),
    ("1.1-2.3 亿", 110_000_000, 230_000_000, "number", None, "range"),
    ("In 2023, revenue rose", 2023, 2023, "year", None, "exact"),
]


@pytest.mark.parametrize("text, low, high, unit, currency, kind", NORMALISED, ids=[c[0] for c in NORMALISED])
def test_numbers_are_normalised(text, low, high, unit, currency, kind):
    got_low, got_high, got_unit, got_currency, got_kind = only(text)
    assert (got_unit, got_currency, got_kind) == (unit, currency, kind)
    assert got_low == pytest.approx(low) and got_high == pytest.approx(high)


NOT_NUMBERS = [
    "GPT4",
    "GPT3.5",
    "GPT-4",
    "P10",
    "top10",
    "3D 游戏",
    "2B的",
    "2C的",
    "FSD",
    "Sora 2 发布",
    "4K",
    "5G",
    "COVID-19",
    "v1.2.3",
    "零一万物",
    "万一",
    "千万不要",
    "第三",
    "第 3 名",
    "一个人",
    "大卸八块",
    "正儿八经",
    "21:40 上海",
    "a day",
    "one of them",
    "10-5",
    "2024-02-19",
    "2024年2月19日",
    "9月30日",
    "3月份",
    "2025-06-02",
    "February 19, 2024",
    "3 April 2025",
    "十万火急",
    "千方百计",
    "a quarter",
    "只下降几个百分点",
    "一成不变",
    "八成是他干的",
    "公司的成员",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_names_idioms_and_ordinals_are_not_numbers(text):
    assert numbers.numbers(text) == []


def test_bare_amount_is_cny_only_when_its_sentence_says_yuan():
    said = numbers.numbers("1亿预算，其中 3 万元是制作费。1亿预算。")
    assert [(n[4], n[5]) for n in said] == [("money", "CNY"), ("money", "CNY"), ("money", None)]


def test_number_offsets_point_into_the_string():
    text = "他说市值 200 亿美金，增长 5-10 倍。"
    assert [text[s:e] for s, e, *_ in numbers.numbers(text)] == ["200 亿美金", "5-10 倍"]


def test_seed_numbers_slice_back_to_their_text_in_the_raw_article(seed):
    found = numbers.find_numbers(seed)
    assert len(found) > 40
    for n in found:
        assert article.clean(seed.raw[n.start : n.end])[0] == n.text
        assert n.low <= n.high


def test_seed_numbers_include_the_headline_amounts(seed):
    table = signals.numbers_frame(seed).set_index("text")
    assert table.loc["2,500 亿美金", "high"] == 2.5e11 and table.loc["2,500 亿美金", "currency"] == "USD"
    assert table.loc["50 万亿美元", "low"] == 5e13
    assert table.loc["1,200 亿美金", "kind"] == "lower-bound"  # 超过 1,200 亿美金
    assert table.loc["一两百万美金", "sentence"] == 9
    assert "GPT4" not in table.index and "P10" not in table.index


def test_numbers_frame_has_one_row_per_number(seed):
    table = signals.numbers_frame(seed)
    assert list(table.columns) == signals.NUMBER_COLUMNS
    assert len(table) == len(numbers.find_numbers(seed))
    assert set(table["kind"]) <= {"exact", "approximate", "range", "lower-bound"}


def test_decimal_amounts_are_exact_not_merely_close():
    ((_, _, low, high, *_),) = numbers.numbers("营收 549.3 亿元")
    assert low == high == 54_930_000_000  # float arithmetic gives 54,929,999,999.99999


def test_traditional_figures_keep_their_original_characters_and_offsets():
    text = "去年營收 1.4億美元，用戶 1200萬人。"
    found = numbers.numbers(text)
    assert [text[s:e] for s, e, *_ in found] == ["1.4億美元", "1200萬人"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Revenue grew 30% to $5 billion.", [("30%", 30, "percent", None), ("$5 billion", 5e9, "money", "USD")]),
        ("Users grew 20% to 300 million.", [("20%", 20, "percent", None), ("300 million", 3e8, "number", None)]),
        ("It made $1.2 billion in 2024.", [("$1.2 billion", 1.2e9, "money", "USD"), ("2024", 2024, "year", None)]),
        ("The budget was $200 million in 2019.", [("$200 million", 2e8, "money", "USD"), ("2019", 2019, "year", None)]),
        (
            "Between 2 and 3 companies, and 4 and 5.",
            [("2 and 3 companies", 2, "count", None), ("4", 4, "number", None), ("5", 5, "number", None)],
        ),
        ("9月30日发布，营收十万火急地涨了一半。", [("一半", 0.5, "fraction", None)]),
    ],
)
def test_english_changes_are_two_amounts_and_dates_and_idioms_are_not_numbers(text, expected):
    found = [(text[s:e], low, unit, currency) for s, e, low, _, unit, currency, _ in numbers.numbers(text)]
    assert found == [(t, pytest.approx(v), u, c) for t, v, u, c in expected]
