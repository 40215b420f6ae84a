import pytest

from claimscope.text import markers


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        ("这或许可能是真的。", "hedges", ["或许", "可能"]),
        ("较大可能走到瓶颈。", "hedges", ["较大可能"]),
        ("AI 或成最大赢家，预计明年落地，这或影响中小公司。", "hedges", ["或成", "预计", "或影响"]),
        ("預計明年營收或將翻倍。", "hedges", ["預計", "或將"]),
        ("要么涨价或降价。", "hedges", []),
        ("Sales are expected to fall.", "hedges", ["expected to"]),
        ("这不可能。", "hedges", []),
        ("怎么可能撑住一年？", "hedges", []),
        ("It may well be, perhaps.", "hedges", ["may", "perhaps"]),
        ("It launched in May 2024.", "hedges", []),
        ("How could anyone think so?", "hedges", []),
        ("贾玲无疑是成功的，毫无疑问。", "certainty", ["无疑", "毫无疑问"]),
        ("一定时期内处于亢奋状态。", "certainty", []),
        ("这不一定对。", "certainty", []),
        ("It will clearly fail.", "certainty", ["will", "clearly"]),
        ("凭什么流量要给你？", "rhetorical", ["凭什么"]),
        ("岂是内容优劣决定的？", "rhetorical", ["岂是"]),
        ("这每年几万部电影不应该有出圈机会么?", "rhetorical", ["不应该有出圈机会么"]),
        ("Why would anyone pay?", "rhetorical", ["Why would anyone"]),
        ("所以，首先要看因为什么。", "discourse", ["所以", "首先", "因为"]),
        ("但是 however, because.", "discourse", ["但是", "however", "because"]),
        ("这是最直接的应用，远比想象复杂。", "comparison", ["最", "远比"]),
        ("最近最后一次更新。", "comparison", []),
        ("It is the largest and more than enough.", "comparison", ["largest", "more than"]),
    ],
)
def test_markers_are_listed_as_matched(text, kind, expected):
    assert markers.markers(text)[kind] == expected


@pytest.mark.parametrize(
    "text, question",
    [
        ("我们赶上别人需要多久?", True),
        ("有么？", True),
        ("结果呢", True),
        ("你知道吗。", True),
        ("不知道为什么。", False),
        ("Is it?", True),
        ("He asked why.", False),
        ("Why would a cheaper shoot change that?", True),
        ("他问：“为什么？”", True),
    ],
)
def test_questions(text, question):
    assert markers.is_question(text) is question
