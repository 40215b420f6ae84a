import time
from pathlib import Path

import pytest

from claimscope.text import article, signals

FIXTURES = Path(__file__).parents[1] / "fixtures"

# ---------------------------------------------------------------- score


@pytest.mark.parametrize(
    "text, emphasis, score",
    [
        ("今天天气不错。", None, 0.0),
        ("马斯克说特斯拉的市值是 200 亿美金。", None, 3 + 1.5 + 1.5),
        ("OpenAI、Google、Meta 和 Anthropic 毫无疑问都在 2023 年发布了模型。", None, 3 + 1 + 1),  # names capped at 3
        ("这或许可能是真的吗？", None, -1 - 1 - 1),
        ("凭什么你敢说 3 家公司最强？", None, 3 + 0.5 + 1),  # rhetorical, so no question penalty
        ("这是重点。", ["重点"], 1.0),
        ("约 300 人，远比去年多，但可能更少。", None, 3 + 1 - 1),  # comparison once, however many words
    ],
)
def test_score_formula_on_hand_made_sentences(text, emphasis, score):
    assert signals.examine(text, emphasis).score == pytest.approx(score)


def test_reasons_add_up_to_the_score(seed):
    for sig in signals.analyse(seed):
        points = sum(float(reason.split(" ", 1)[0]) for reason in sig.reasons)
        assert points == pytest.approx(sig.score), sig.reasons


# ---------------------------------------------------------------- article tables


def test_analyse_covers_every_sentence_with_its_signals(seed):
    analysed = signals.analyse(seed)
    assert [sig.index for sig in analysed] == list(range(1, 116))
    by_index = {sig.index: sig for sig in analysed}
    assert by_index[17].emphasis and by_index[17].question  # "...多久**? 重点...领先?**"
    assert by_index[27].rhetorical == ["怎么可能"]
    assert ("世界政府峰会", "event") in by_index[44].entities
    assert by_index[65].hedges == ["较大可能"]
    assert not by_index[1].emphasis


def test_frame_has_one_row_per_sentence_with_list_columns_joined(seed):
    table = signals.frame(seed)
    assert len(table) == 115 and list(table.columns) == signals.FRAME_COLUMNS
    row = table.set_index("sentence").loc[59]
    assert row["numbers"] == "20 年; 2,500 亿美金"
    assert isinstance(row["reasons"], str) and "2,500 亿美金" in row["reasons"]


def test_ranked_orders_by_score_then_sentence(seed):
    top = signals.ranked(seed, 10)
    assert list(top["rank"]) == list(range(1, 11))
    pairs = list(zip(-top["score"], top["sentence"]))
    assert pairs == sorted(pairs)
    assert top.iloc[0]["sentence"] == 73  # four film and money figures in one sentence


def test_ranked_breaks_ties_in_reading_order(tmp_path):
    art = article.parse("标题\n\n特斯拉来了。马斯克来了。奥特曼来了。\n", tmp_path / "a.txt")
    assert list(signals.ranked(art, 2)["sentence"]) == [1, 2]


def test_by_paragraph_counts_every_signal_in_every_paragraph(seed):
    table = signals.by_paragraph(seed)
    assert len(table) == 54 * len(signals.SIGNALS)
    numbers = table[table["signal"] == "numbers"]["count"].sum()
    assert numbers == len(signals.find_numbers(seed))
    assert table[(table["paragraph"] == 11) & (table["signal"] == "questions")]["count"].item() == 2


def test_signals_of_the_seed_take_well_under_half_a_second(seed):
    signals.entities("马斯克")  # jieba's dictionary loads once, about a second
    start = time.perf_counter()
    signals.analyse(article.parse(seed.raw, seed.path))
    assert time.perf_counter() - start < 0.5


def test_headings_and_title_are_never_ranked_and_their_numbers_are_not_figures():
    web = article.load(FIXTURES / "zh_webcopy.txt")
    headings = {s.index for s in web.sentences if web.paragraph(s.paragraph).heading}
    assert len(headings) == 4
    table = signals.ranked(web, 100)
    assert not set(table["sentence"]) & headings
    assert "01" not in set(signals.numbers_frame(web)["text"])
    assert not any("参与评论" in text for text in table["text"])


def test_title_left_in_the_body_is_not_ranked():
    text = "Studios spent $12 billion.\n\nThey spent $3 billion more.\n"
    art = article.parse(text, Path("x.txt"), overrides={"title": "Studios spent $12 billion."})
    assert len(art.sentences) == 2
    assert list(signals.ranked(art, 5)["text"]) == ["They spent $3 billion more."]


def test_english_question_is_flagged_in_an_article():
    art = article.load(FIXTURES / "en_new_article.txt")
    flagged = [sig.text for sig in signals.analyse(art) if sig.question]
    assert flagged == ["Why would a cheaper shoot change that?"]


def test_a_traditional_chinese_article_reads_like_a_simplified_one():
    art = article.load(FIXTURES / "zh_hant_article.txt")
    assert (art.meta["title"], art.meta["author"], art.meta["date"]) == (
        "短影音平台還缺內容嗎？",
        "觀潮筆記",
        "2025-04-12",
    )
    found = {n.text: (n.low, n.high, n.unit, n.currency, n.kind) for n in signals.find_numbers(art)}
    assert found["1200萬人"] == (1.2e7, 1.2e7, "people", None, "lower-bound")  # 超過 1200萬人
    assert found["十幾億"][:2] == (1.1e9, 1.9e9)
    assert found["1.4億美元"][:4] == (1.4e8, 1.4e8, "money", "USD")
    assert found["200萬元"] == (0, 2e6, "money", "CNY", "range")  # 最高200萬元
    assert found["翻倍"][:3] == (2, 2, "times")
    hedged = [sig.hedges for sig in signals.analyse(art) if sig.hedges]
    assert hedged == [["預計", "或將"]]
    for n in signals.find_numbers(art):
        assert article.clean(art.raw[n.start : n.end])[0] == n.text  # offsets into the original characters
