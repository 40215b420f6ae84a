import pytest

from claimscope.text import article, header


def parse(text):
    return article.parse(text, article.Path("x.txt"))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "AI 视频会让影视行业迎来失业潮吗？\n\n观潮笔记 2025-03-08 10:15 北京\n\n正文第一段。\n",
            {
                "title": "AI 视频会让影视行业迎来失业潮吗？",
                "author": "观潮笔记",
                "date": "2025-03-08",
                "time": "10:15",
                "place": "北京",
            },
        ),
        (
            "Will AI video make film crews obsolete?\nBy Dana Reyes, 3 April 2025\n\nThe body starts here.\n",
            {"title": "Will AI video make film crews obsolete?", "author": "Dana Reyes", "date": "2025-04-03"},
        ),
        (
            "Streaming after the strike\nBy a media columnist, 12 May 2025\n\nThe body starts here.\n",
            {"title": "Streaming after the strike", "author": "a media columnist", "date": "2025-05-12"},
        ),
        (
            "Streaming after the strike\nBy Jane Doe\n\nThe body starts here.\n",
            {"title": "Streaming after the strike", "author": "Jane Doe", "date": None},
        ),
    ],
)
def test_question_titles_and_bylines_are_parsed(text, expected):
    art = parse(text)
    assert {key: art.meta[key] for key in expected} == expected
    assert len(art.paragraphs) == 1  # neither title nor byline is left in the body


@pytest.mark.parametrize(
    "line, navigation",
    [
        ("日期: 2025-10-03 | 来源: 腾讯科技 | 有0人参与评论 | 字号: 大 中 小", True),
        ("首页 > 科技 > 正文", True),
        ("责任编辑：张三", True),
        ("Date: 2025-10-03 | Source: Example News | Share | Print", True),
        ("成本、渠道、明星 | 三者缺一不可，这是行业共识，也是本文要讨论的问题。", False),
        ("A | B", False),
    ],
)
def test_navigation_lines(line, navigation):
    assert header.is_navigation(line) is navigation


def test_navigation_line_gives_date_and_source_and_is_dropped():
    art = parse("大模型这三年\n日期: 2025-10-03 | 来源: 腾讯科技 | 有0人参与评论\n正文第一段。\n")
    assert (art.meta["date"], art.meta["author"]) == ("2025-10-03", "腾讯科技")
    assert [b["reason"] for b in art.boilerplate] == ["navigation line of a web page"]
    assert [p.text for p in art.paragraphs] == ["正文第一段。"]
