import functools

import pytest

from claimscope import paths
from claimscope.text import names


def test_dictionary_lines_each_have_a_known_type():
    found = names.dictionary()
    assert len(found) == len([line for line in paths.USER_DICT.read_text(encoding="utf-8").splitlines() if line])
    assert set(found.values()) <= set(names.ENTITY_TYPES)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("马斯克说特斯拉的 FSD 早就有了。", [("马斯克", "person"), ("特斯拉", "company"), ("FSD", "product")]),
        (
            "奥特曼和周鸿祎都谈过 GPT-4 与 GPT4。",
            [("奥特曼", "person"), ("周鸿祎", "person"), ("GPT-4", "product"), ("GPT4", "product")],
        ),
        ("Lecun 在世界政府峰会上评论 Sora。", [("Lecun", "person"), ("世界政府峰会", "event"), ("Sora", "product")]),
        (
            "字节、阿里、百度都去了好莱坞。",
            [("字节", "company"), ("阿里", "company"), ("百度", "company"), ("好莱坞", "place")],
        ),
        ("Andrej Karpathy left OpenAI.", [("Andrej Karpathy", "person"), ("OpenAI", "company")]),
        (
            "However, the World Health Organization met Mr. Smith.",
            [("World Health Organization", "organisation"), ("Smith", "person")],
        ),
        ("Acme Technologies and Sora, then Sora again.", [("Acme Technologies", "company"), ("Sora", "product")]),
    ],
)
def test_entities_from_the_dictionary_and_capitalised_names(text, expected):
    assert names.entities(text) == expected


def test_common_words_are_not_names():
    assert names.entities("深度的明星张力很宝贵。") == []
    assert names.entities("The report said nothing.") == []


@functools.cache
def _jieba_tagger():
    """jieba's part-of-speech tagger with the user dictionary: what names.py used before it read the same
    facts more cheaply (the tests below show that both give the same answers)."""
    import jieba
    import jieba.posseg

    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(paths.USER_DICT))
    return jieba.posseg.POSTokenizer(tokenizer)


def test_idioms_read_from_the_dictionary_file_are_the_ones_jiebas_tagger_holds():
    tags = _jieba_tagger().word_tag_tab
    assert names.idioms() == {w: f for w, f in tags.items() if len(w) == 4 and f in ("i", "l")}
    assert names.idioms()["十万火急"] == "i"


def test_chinese_names_are_the_user_dictionary_words_jiebas_tagger_finds(seed):
    def tagged(text):
        found, cursor = [], 0
        for word, flag in _jieba_tagger().cut(text, HMM=False):
            at = text.find(word, cursor)
            cursor = at + len(word) if at >= 0 else cursor
            if flag in names.ENTITY_TYPES and names.has_han(word) and at >= 0:
                found.append((at, word, flag))
        return found

    lines = [s.text for s in seed.sentences]
    found = [names._han_names(line) for line in lines]
    assert found == [tagged(line) for line in lines]
    assert sum(map(len, found)) >= 20  # the seed names people and companies throughout
