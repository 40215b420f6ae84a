from pathlib import Path

import pytest

from claimscope.text import article, drafts, signals

FIXTURES = Path(__file__).parents[1] / "fixtures"


def draft_of(text):
    art = article.parse(text, Path("x.txt"))
    cands, parts = drafts.draft(art, signals.analyse(art))
    return {c.quote: c for c in cands}, parts


@pytest.mark.parametrize(
    "text, pieces",
    [
        (
            "后期只是制作的一部分，所以整部电影的成本下降有限。",
            ["后期只是制作的一部分", "所以整部电影的成本下降有限。"],
        ),
        (
            "The tool is impressive, but studios will not rebuild around it.",
            ["The tool is impressive", "but studios will not rebuild around it."],
        ),
        ("他说，所以呢。", ["他说，所以呢。"]),  # a clause under 6 characters stays with its sentence
    ],
)
def test_clauses_are_cut_at_discourse_markers(text, pieces):
    assert drafts.clauses(text) == pieces


def test_links_follow_the_discourse_markers():
    found, _ = draft_of(
        "标题\n\n平台的内容已经严重过剩。因为流量有限，所以平台不会为 AI 内容多付钱。\n\n"
        "虽然 AI 能把成本降低一半，但是观众并不在乎制作成本。\n\n总之，AI 视频颠覆不了短视频平台。\n"
    )
    reason, conclusion = found["因为流量有限"], found["所以平台不会为 AI 内容多付钱。"]
    assert reason.supports == [conclusion.id]
    concession, point = found["虽然 AI 能把成本降低一半"], found["但是观众并不在乎制作成本。"]
    assert point.id in concession.attacks and concession.role == "concession"
    thesis = found["总之，AI 视频颠覆不了短视频平台。"]
    assert thesis.role == "main thesis"
    assert any(thesis.id in c.supports for c in found.values())


@pytest.mark.parametrize(
    "quote, kind",
    [
        ("为什么平台要把更多流量给 AI 生成的内容？", "rhetorical question"),
        ("制作费通常只占 30% 左右。", "statistical"),
        ("平台应该把流量留给原创内容。", "normative"),
        ("预计明年平台营收会继续增长。", "predictive"),
        ("这是最直接的影响。", "evaluative"),
        ("Sora was shown in February.", "factual"),
    ],
)
def test_types_are_guessed_from_markers(quote, kind):
    found, _ = draft_of(f"A title\n\n{quote}\n")
    assert found[quote].type == kind


def test_no_cycle_and_every_link_points_at_a_candidate(seed):
    cands, parts = drafts.draft(seed, signals.analyse(seed))
    ids = {c.id for c in cands}
    assert all(t in ids for c in cands for t in c.supports + c.attacks)
    from claimscope.analysis.claims import find_cycle

    assert find_cycle([(c.id, t, "l") for c in cands for t in c.supports + c.attacks]) == []
    assert [p for s in parts for p in s["paragraphs"]] == [p.number for p in seed.paragraphs]


def test_headings_are_sections_and_never_candidates():
    web = article.load(FIXTURES / "zh_webcopy.txt")
    cands, parts = drafts.draft(web, signals.analyse(web))
    assert parts[0]["title"] == "Paragraphs 1–2"
    assert [s["title"][:3] for s in parts[1:]] == ["01.", "02.", "03.", "04."]
    assert not any(c.quote.startswith(("01.", "02.", "03.", "04.")) for c in cands)


def test_the_seed_draft_recovers_most_curated_claims_with_at_most_twice_as_many_candidates(seed, claimset):
    cands, _ = drafts.draft(seed, signals.analyse(seed))
    result = drafts.compare(seed, cands, claimset)
    assert result["share recovered"] >= 0.7
    assert result["candidates"] <= 2 * result["curated claims"]
    assert result["curated links found"] >= 1


def test_compare_counts_overlap_and_links(seed, claimset):
    first = claimset.claims[0]
    lone = drafts.Candidate("D1", first.paragraph, 1, first.quote[:8], None, None)
    result = drafts.compare(seed, [lone], claimset)
    assert result["curated claims recovered"] >= 1 and result["curated links found"] == 0
