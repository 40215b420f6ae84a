import re

from claimscope.text import translation


def test_translation_is_aligned_paragraph_by_paragraph(seed):
    english = translation.load("sora-gpt4-bottleneck")
    assert translation.alignment_problems(english, len(seed.paragraphs)) == []
    assert all(english.plain(n).strip() for n in range(1, len(seed.paragraphs) + 1))


def test_every_arabic_number_of_a_paragraph_appears_in_its_translation(seed):
    english = translation.load("sora-gpt4-bottleneck")
    for p in seed.paragraphs:
        for number in re.findall(r"[0-9][0-9,.%]*", p.text):
            assert number.rstrip(",.") in english.plain(p.number), (p.number, number)


def test_translation_says_it_is_the_projects_own():
    english = translation.load("sora-gpt4-bottleneck")
    assert "translation" in english.meta["note"].lower()


def test_misaligned_translation_is_reported(tmp_path):
    text = "[P1] one\n\n[P3] three\n"
    parsed = translation.parse(text, tmp_path / "t.md")
    problems = translation.alignment_problems(parsed, 3)
    assert problems and "missing [2]" in problems[0]


def test_one_original_quoted_twice_must_have_one_translation():
    from claimscope.text import translation as tr

    same = [("claim C1", "原文", "the text"), ("check fc-a", "原文 ", "The  text")]
    assert tr.quote_conflicts(same) == []
    differ = [*same, ("prediction H01", "原文", "the words")]
    [line] = tr.quote_conflicts(differ)
    assert "claim C1, check fc-a; prediction H01" in line
