import hashlib

import pytest

from claimscope import paths
from claimscope.errors import InputError
from claimscope.text import article

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
