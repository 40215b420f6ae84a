import hashlib
from pathlib import Path

import pytest

from claimscope import paths
from claimscope.errors import InputError
from claimscope.text import article

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEED_SHA256 = "88171b3281df2c065e68c54b49fdb41aa245e45d19f9e9ffa1f2048cecdeb376"


def test_seed_is_byte_for_byte_as_received():
    digest = hashlib.sha256(paths.article_text("sora-gpt4-bottleneck").read_bytes()).hexdigest()
    assert digest.startswith("88171b3281df2c06")
    assert digest == SEED_SHA256


def test_header_is_parsed_into_metadata(seed):
    assert seed.meta == {
        "title": "希望 Sora 别走 GPT4 的老路",
        "author": "瑞泽洞察",
        "date": "2024-02-19",
        "time": "21:40",
        "place": "上海",
        "url": "https://mp.weixin.qq.com/s/p7fWCQzgGMXdWioqrayuWQ",
    }


def test_advertising_line_is_dropped_and_listed(seed):
    assert [b["line"] for b in seed.boilerplate] == ["更多AI工具可直接访问: https://www.faxianai.com/"]
    assert "faxianai" not in seed.body


def test_paragraph_and_sentence_counts(seed):
    assert len(seed.paragraphs) == 54
    assert seed.paragraph(1).text.startswith("秉着让子弹飞一会儿的想法")
    assert seed.paragraph(54).text.endswith("拭目以待。")
    assert len(seed.sentences) == 115


def test_paragraph_broken_mid_sentence_is_rejoined(seed):
    joined = [p for p in seed.paragraphs if p.joined]
    assert [p.number for p in joined] == [21]
    assert "爱惜自己名声的" in joined[0].text


def test_hard_wrap_space_between_chinese_characters_is_removed(seed):
    assert "必须同时下注" in seed.body
    assert "必须同 时下注" not in seed.body
    assert "Sora 的表现" in seed.body  # a space next to a Latin word is kept


def test_emphasis_markers_are_removed_from_text_but_kept_as_spans(seed):
    assert "**" not in seed.body
    assert any(span["text"] == "倒是把后期制作软件市场干萎缩了" for span in seed.emphasis)


def test_offsets_slice_back_to_the_same_text(seed):
    for p in seed.paragraphs:
        assert article.clean(seed.raw[p.start : p.end])[0] == p.text
    for s in seed.sentences:
        assert article.clean(seed.raw[s.start : s.end])[0] == s.text


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="no such article file"):
        article.load(tmp_path / "nope.txt")


def test_web_copy_with_mixed_line_breaks_is_split_into_its_real_paragraphs():
    web = article.load(FIXTURES / "zh_webcopy.txt")
    assert len(web.paragraphs) == 19  # 15 one-line paragraphs and 4 headings; blank lines are only a few
    assert [p.text[:3] for p in web.paragraphs if p.heading] == ["01.", "02.", "03.", "04."]
    assert [b["line"][:5] for b in web.boilerplate] == ["日期: 2", "首页 > ", "责任编辑："]
    assert web.meta["title"] == "从ChatGPT到Sora：大模型这三年"


def test_hard_wrapped_block_stays_one_paragraph():
    text = (
        "A title\n\nThe studios say that the cost of visual effects has risen every year since\n"
        "the pandemic, and that the tools they buy have not kept up with it.\n\nA second paragraph.\n"
    )
    art = article.parse(text, Path("x.txt"))
    assert len(art.paragraphs) == 2 and art.paragraph(1).text.endswith("kept up with it.")


@pytest.mark.parametrize(
    "text, heading",
    [
        ("01.从ChatGPT到Sora，模型能力的跃迁", True),
        ("二、短视频", True),
        ("第三章 后期制作", True),
        ("接下来会怎样", True),
        ("三年前，ChatGPT 的发布让整个科技行业重新排队。", False),
        ("为什么用户不愿意留下来？", False),
    ],
)
def test_headings(text, heading):
    assert article.is_heading(text) is heading


def test_folder_is_refused_with_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        article.load(tmp_path)


def test_the_metadata_gives_the_title_and_byline_in_english_beside_the_original(seed):
    from claimscope.text import translation

    english = translation.load("sora-gpt4-bottleneck").meta
    rows = article.summary(seed, english)
    assert rows["Title"] == "希望 Sora 别走 GPT4 的老路"
    assert rows["Title in English"].startswith("I hope Sora") and "Shanghai" in rows["Byline in English"]
    assert "Title in English" not in article.summary(seed)
