from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimscope import paths
from claimscope.errors import InputError
from claimscope.text import article, decoding, signals, units

FIXTURES = Path(__file__).parents[1] / "fixtures"
PROPERTY = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def load_bytes(tmp_path, data: bytes, name: str = "article.txt") -> article.Article:
    path = tmp_path / name
    path.write_bytes(data)
    return article.load(path)


def assert_offsets_slice_back(art: article.Article) -> None:
    for p in art.paragraphs:
        assert article.clean(art.raw[p.start : p.end])[0] == p.text
        for s in p.sentences:
            assert article.clean(art.raw[s.start : s.end])[0] == s.text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b" \t\r\n\n  ", "empty"),
        (b"\xef\xbb\xbf\r\n", "empty"),  # a byte-order mark and nothing else
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "binary"),
        (b"title\n\nbody \x00 text.", "binary"),
        ("标题\n\n正文。".encode() * 1 + b"a" * decoding.MAX_BYTES, "limit"),
        (bytes(range(128, 256)) * 4, "not UTF-8"),
    ],
    ids=["empty", "whitespace", "bom-only", "png", "nul", "oversized", "undecodable"],
)
def test_bad_input_is_refused_naming_the_file_and_reason(tmp_path, data, reason):
    with pytest.raises(InputError) as err:
        load_bytes(tmp_path, data)
    assert str(tmp_path / "article.txt") in str(err.value) and reason in str(err.value)


def test_gbk_chinese_decodes_to_the_right_text():
    art = article.load(FIXTURES / "zh_gbk_article.txt")
    assert art.encoding == "gb18030"
    assert art.meta["title"] == "国产大模型的追赶之路"
    assert (art.meta["author"], art.meta["date"], art.meta["place"]) == ("作者甲", "2024-03-01", "北京")
    assert [p.text for p in art.paragraphs] == [
        "国内有 5 家大厂在做大模型，投入超过 100 亿元。",
        "但人才依然稀缺，每年毕业的博士数以千计。",
    ]
    assert_offsets_slice_back(art)


def test_utf8_with_bom_loses_the_mark(tmp_path):
    art = load_bytes(tmp_path, "\ufeff标题一\n\n第一段。".encode())
    assert art.meta["title"] == "标题一" and art.encoding == "utf-8"
    assert "\ufeff" not in art.raw


def test_utf16_with_bom_is_read(tmp_path):
    art = load_bytes(tmp_path, "标题二\r\n\r\n第一段。第二句。".encode("utf-16"))
    assert art.encoding == "utf-16" and art.meta["title"] == "标题二"
    assert [s.text for s in art.sentences] == ["第一段。", "第二句。"]


def test_crlf_newlines_give_the_same_article_and_offsets_still_slice_back(tmp_path, seed):
    data = paths.article_text("sora-gpt4-bottleneck").read_bytes().replace(b"\n", b"\r\n")
    art = load_bytes(tmp_path, data)
    assert "\r" not in art.raw
    assert [s.text for s in art.sentences] == [s.text for s in seed.sentences]
    assert art.meta == seed.meta
    assert_offsets_slice_back(art)


def test_html_is_reduced_to_text_without_scripts_or_styles():
    art = article.load(FIXTURES / "html_article.html")
    assert art.meta["title"] == "Sora 与好莱坞"
    body = art.body
    assert "do not show" not in body and "tracking pixel" not in art.raw and "color: red" not in art.raw
    assert [p.text for p in art.paragraphs] == [
        "马斯克说特斯拉一年前就有了这个能力。",
        "市值 200 亿美金的 Unity & Unreal 是游戏引擎。",
        "每年有几万部电影，能出圈的就十几部。",
    ]
    assert_offsets_slice_back(art)


def test_markup_in_plain_text_is_kept_as_literal_text():
    art = article.load(FIXTURES / "markup_article.txt")
    assert art.meta["title"] == "<script>alert(1)</script> 标题"
    assert "<img src=x onerror=alert(1)>" in art.paragraph(1).text
    assert "<b>不成对的标签" in art.paragraph(2).text
    assert_offsets_slice_back(art)


def test_english_abbreviations_and_decimals_do_not_split_sentences():
    art = article.load(FIXTURES / "en_article.txt")
    assert (art.meta["title"], art.meta["author"]) == ("Why Video Models Will Not Replace Hollywood Soon", "Jane Doe")
    texts = [s.text for s in art.sentences]
    assert texts[0].startswith("OpenAI unveiled Sora in February, e.g. a model") and texts[0].endswith("video.")
    assert texts[1] == "Mr. Smith, a producer in Los Angeles, said it was impressive."
    assert texts[2] == "The U.S. film industry took about $1.5 billion at the box office in a single quarter."
    assert texts[3].endswith("by 5-10x.")
    assert texts[4].startswith("Others, like No. 3 on the Forbes list")
    assert len(texts) == 7
    assert_offsets_slice_back(art)


def test_chinese_quotation_stays_inside_its_sentence(tmp_path):
    art = article.parse("标题\n\n他说：“我们还差得远……。真的。”然后就走了。第二句话。\n", tmp_path / "a.txt")
    assert [s.text for s in art.sentences] == ["他说：“我们还差得远……。真的。”然后就走了。", "第二句话。"]


def test_article_without_a_header_keeps_its_first_paragraph(tmp_path):
    raw = "这是第一段的第一句。这是第二句。\n\n这是第二段。\n"
    art = article.parse(raw, tmp_path / "a.txt")
    assert art.meta["title"] is None and art.meta["author"] is None
    assert [p.text for p in art.paragraphs] == ["这是第一段的第一句。这是第二句。", "这是第二段。"]


def test_paragraph_a_line_without_blank_lines(tmp_path):
    wrapped = "这是一个被硬换行切断的很长的段落，它的第一行到这里还没有结束，后面接着" + "\n" + "第二行才说完。"
    raw = "标题\n第一段只有一行。\n第二段也只有一行！\n" + wrapped + "\n最后一段。\n"
    art = article.parse(raw, tmp_path / "a.txt")
    assert art.meta["title"] == "标题"
    assert [p.text for p in art.paragraphs] == [
        "第一段只有一行。",
        "第二段也只有一行！",
        wrapped.replace("\n", ""),
        "最后一段。",
    ]
    assert_offsets_slice_back(art)


def test_blocks_of_bold_markers_alone_make_no_paragraph(tmp_path):
    art = article.parse("标题\n\n****\n\n正文。\n", tmp_path / "a.txt")
    assert [(p.number, p.text) for p in art.paragraphs] == [(1, "正文。")]


@pytest.mark.parametrize("name", ["en_article.txt", "zh_gbk_article.txt", "html_article.html", "markup_article.txt"])
def test_numbers_of_every_fixture_slice_back(name):
    art = article.load(FIXTURES / name)
    for n in signals.find_numbers(art):
        assert article.clean(art.raw[n.start : n.end])[0] == n.text


# ---------------------------------------------------------------- properties

ARTICLE_PIECES = st.sampled_from(
    [
        "标题",
        "正文",
        "。",
        "？",
        "!",
        ".",
        " ",
        "\n",
        "\n\n",
        "**",
        "“",
        "”",
        "e.g. ",
        "Mr. ",
        "……",
        "\t",
        "\u3000",
        "5-10 倍",
        "几十万",
        "$1.5 billion",
        "GPT4",
        "Sora",
        "马斯克",
        "<p>",
        "\r\n",
        "2024-02-19",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(ARTICLE_PIECES, max_size=40).map("".join))


@PROPERTY
@given(TEXTS)
def test_parse_returns_an_article_or_raises_input_error_and_offsets_slice_back(raw):
    try:
        art = article.parse(raw, Path("property.txt"))
    except InputError:
        return
    assert_offsets_slice_back(art)
    for n in signals.find_numbers(art):
        assert article.clean(art.raw[n.start : n.end])[0] == n.text


@PROPERTY
@given(st.binary(max_size=300))
def test_decode_returns_text_or_raises_input_error(data):
    try:
        text, encoding = decoding.decode(data, "property.txt")
    except InputError:
        return
    assert "\r" not in text and encoding in ("utf-8", "gb18030", "utf-16")


NUMBER_PIECES = st.sampled_from(
    list("0123456789,.-~% 年万亿千百十几数上一两三五到至多余个人部倍岁天xkmbB")
    + [
        "美金",
        "元",
        "块",
        "分之",
        "数以",
        "预算",
        "tens of ",
        "thousands",
        "million",
        "US$",
        "€",
        " to ",
        " and ",
        "between ",
        "萬",
        "億",
        "一半",
        "翻倍",
        "GPT",
        "第",
        "\n",
        "。",
    ]
)


@PROPERTY
@given(st.one_of(st.text(), st.lists(NUMBER_PIECES, max_size=30).map("".join)))
def test_numbers_never_crash_and_low_is_at_most_high(text):
    for start, end, low, high, _unit, currency, kind in signals.numbers(text):
        assert 0 <= start < end <= len(text)
        assert low <= high
        assert kind in ("exact", "approximate", "range", "lower-bound")
        assert currency is None or currency in units.CURRENCY_CODES
