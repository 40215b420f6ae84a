"""Words that mark a sentence's stance and structure: rhetorical questions, hedges, certainty, discourse, comparison."""

from __future__ import annotations

import re

from claimscope.text.script import simplified


def _markers(chinese: list[str], english: list[str]) -> re.Pattern:
    """Chinese patterns as given (longest first), English words and phrases as whole words, any case."""
    words = [r"\b" + re.escape(w).replace("\\ ", r"\s+") + r"\b" for w in sorted(english, key=len, reverse=True)]
    return re.compile("|".join(chinese + [f"(?i:{'|'.join(words)})"]))


MARKERS = {
    "rhetorical": _markers(
        [
            "凭什么",
            "岂是",
            "岂能",
            "岂不",
            "难道",
            "怎么可能",
            "何必",
            "何苦",
            "何尝",
            "你敢",
            "有么",
            "有吗",
            "谁知道",
            "还能怎么",
            "为什么不",
            "不是[^。？?]{0,20}?吗",
            "不[^，,。？?]{0,12}?(?<![什怎这那多])么(?=[？?])",
            "哪个[^。？?]*?的(?=[？?])",
            "又能[^。？?]{0,20}?呢",
        ],
        [
            "how could",
            "why would anyone",
            "who would",
            "isn't it",
            "aren't they",
            "don't you think",
            "is it any wonder",
            "what's the point",
            "who cares",
            "why should",
            "can anyone",
            "would anyone",
            "who in their right mind",
        ],
    ),
    "hedges": _markers(
        [
            "较大可能",
            "不太可能",
            "(?<!不)(?<!怎么)(?<!岂)可能",
            "或许",
            "也许",
            "恐怕",
            "大概",
            "似乎",
            "应该",
            "好像",
            "估计",
            "未必",
            "不一定",
            "或将",
            "或(?:成|影响|致|会|使|带来|导致|面临|迎来)",
            "预计",
            "预期",
            "有望",
            "据说",
            "据称",
        ],
        [
            "may",
            "might",
            "could",
            "likely",
            "unlikely",
            "perhaps",
            "probably",
            "possibly",
            "maybe",
            "seems",
            "appears to",
            "expected to",
            "is set to",
            "reportedly",
            "arguably",
            "allegedly",
            "apparently",
        ],
    ),
    "certainty": _markers(
        [
            "毫无疑问",
            "毋庸置疑",
            "显而易见",
            "无一例外",
            "无疑",
            "必然",
            "必定",
            "注定",
            "肯定",
            "(?<!不)一定(?!时期|程度|的|数量|范围|比例)",
            "显然",
            "根本(?!原因)",
            "绝对",
            "绝不",
            "不可能",
            "永远",
            "从来",
            "确实",
        ],
        [
            "certainly",
            "clearly",
            "undoubtedly",
            "will",
            "always",
            "never",
            "definitely",
            "obviously",
            "surely",
            "inevitably",
            "no doubt",
            "without doubt",
            "of course",
        ],
    ),
    "discourse": _markers(
        [
            "总而言之",
            "换言之",
            "所以",
            "因此",
            "因而",
            "但是",
            "(?<!不)但",
            "然而",
            "不过",
            "首先",
            "其次",
            "最后",
            "即便",
            "即使",
            "如果",
            "因为",
            "同理",
            "而且",
            "此外",
            "另外",
            "总之",
            "虽然",
            "尽管",
            "于是",
            "可见",
            "再说",
            "比如",
            "譬如",
            "例如",
        ],
        [
            "therefore",
            "but",
            "however",
            "first",
            "firstly",
            "second",
            "secondly",
            "finally",
            "because",
            "thus",
            "hence",
            "moreover",
            "furthermore",
            "although",
            "though",
            "in short",
            "in conclusion",
            "for example",
            "for instance",
            "on the other hand",
            "as a result",
        ],
    ),
    "comparison": _markers(
        [
            "远比",
            "远不如",
            "不如",
            "越来越",
            "之最",
            "最(?!近|后|终|初|起码|好)",
            "(?<![对相无好])比(?![如较例起重])[^，,。；;？?！!]{1,12}?(?:更|还)",
            "(?<![变])更(?!新|换|改|正|替|迭)",
        ],
        [
            "most",
            "more than",
            "less than",
            "fewer than",
            "better than",
            "worse than",
            "bigger than",
            "larger than",
            "higher than",
            "faster than",
            "cheaper than",
            "best",
            "worst",
            "largest",
            "biggest",
            "highest",
            "lowest",
            "greatest",
            "fastest",
            "smallest",
            "strongest",
            "cheapest",
        ],
    ),
}
_QUESTION = re.compile(r"(?:[?？]|[吗呢][。.!！]?)[\s”’」』）)\"'*]*$")
_MAY_MONTH = re.compile(r"May\s+[0-9]|[0-9]\s+May\b|\bin\s+May\b")


def markers(text: str) -> dict[str, list[str]]:
    """Rhetorical, hedge, certainty, discourse and comparison words in a text, as written (traditional
    characters are matched through their simplified form: 預計 is the hedge 预计)."""
    work = simplified(text)
    matches = {name: list(pattern.finditer(work)) for name, pattern in MARKERS.items()}
    rhetorical = [m.span() for m in matches["rhetorical"]]
    matches["hedges"] = [  # "how could", 怎么可能: the hedge word is part of the rhetorical form
        m
        for m in matches["hedges"]
        if not any(s < m.end() and m.start() < e for s, e in rhetorical)
        and not (m[0] == "May" and _MAY_MONTH.search(text))  # the month
    ]
    return {name: [text[m.start() : m.end()] for m in found] for name, found in matches.items()}


def is_question(text: str) -> bool:
    """Ends with a question mark, or with 吗/呢."""
    return bool(_QUESTION.search(text))
