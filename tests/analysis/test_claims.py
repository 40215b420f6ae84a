import copy

import pytest
import yaml

from claimscope import paths
from claimscope.analysis import claims
from claimscope.errors import InputError

SLUG = "sora-gpt4-bottleneck"


@pytest.fixture(scope="module")
def claimset():
    return claims.load(SLUG)


@pytest.fixture
def raw():
    return yaml.safe_load(paths.claims_file(SLUG).read_text(encoding="utf-8"))


def _load(data, seed, tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return claims.load(SLUG, art=seed, path=path)


def test_every_quote_is_verbatim_in_its_paragraph(claimset, seed):
    for c in claimset.claims:
        assert c.quote in seed.paragraph(c.paragraph).text, c.id


def test_ids_are_unique_and_in_article_order(claimset):
    ids = [c.id for c in claimset.claims]
    assert len(ids) == len(set(ids))
    assert [c.paragraph for c in claimset.claims] == sorted(c.paragraph for c in claimset.claims)


def test_the_breakdown_covers_the_whole_article(claimset, seed):
    with_claims = {c.paragraph for c in claimset.claims}
    assert len(claimset.claims) >= 60
    assert len(with_claims) >= len(seed.paragraphs) - 6  # only transitional paragraphs may contribute none
    assert {c.role for c in claimset.claims} >= {"main thesis", "sub-thesis", "premise", "concession"}
    assert len(claims.theses(claimset)) >= 3


def test_every_link_points_to_an_existing_claim_and_no_cycle(claimset):
    ids = set(claimset.by_id)
    assert all(a in ids and b in ids and a != b for a, b, _ in claims.edges(claimset))
    assert claims.find_cycle(claims.edges(claimset)) == []


def test_conclusions_cite_existing_claims(claimset):
    assert claimset.conclusions
    for conclusion in claimset.conclusions:
        assert conclusion.claims and set(conclusion.claims) <= set(claimset.by_id)


def test_a_quote_that_is_not_verbatim_is_refused_naming_claim_and_field(raw, seed, tmp_path):
    raw["claims"][1]["quote"] = "Sora 的表现堪称完美"
    with pytest.raises(InputError, match=r"claim C02, field 'quote': not verbatim in P2"):
        _load(raw, seed, tmp_path)


def test_a_quote_in_the_wrong_paragraph_says_where_it_is(raw, seed, tmp_path):
    raw["claims"][1]["paragraph"] = 3
    with pytest.raises(InputError, match="it is in P2"):
        _load(raw, seed, tmp_path)


def test_a_dangling_link_is_refused(raw, seed, tmp_path):
    raw["claims"][0]["supports"] = ["C999"]
    with pytest.raises(InputError, match=r"claim C01, field 'supports': no claim 'C999'"):
        _load(raw, seed, tmp_path)


def test_a_cycle_is_refused_with_its_path(raw, seed, tmp_path):
    by_id = {c["id"]: c for c in raw["claims"]}
    by_id["C57"]["supports"] = ["C42"]  # C42 already supports C57
    with pytest.raises(InputError, match="cycle: C42 -> C57 -> C42|cycle: C57 -> C42 -> C57"):
        _load(raw, seed, tmp_path)


def test_an_unknown_type_is_refused_naming_claim_and_field(raw, seed, tmp_path):
    raw["claims"][4]["type"] = "opinion"
    with pytest.raises(InputError, match=r"claim C05, field 'type'"):
        _load(raw, seed, tmp_path)


def test_duplicate_ids_are_refused(raw, seed, tmp_path):
    raw["claims"].append(copy.deepcopy(raw["claims"][0]))
    with pytest.raises(InputError, match="used twice"):
        _load(raw, seed, tmp_path)


def test_no_claims_file_means_no_curated_analysis(tmp_path, seed):
    assert claims.load(SLUG, art=seed, path=tmp_path / "absent.yaml") is None


def test_load_bearing_counts_whole_chains_of_support(claimset):
    table = claims.load_bearing(claimset, n=3)
    carried = claims.supporters(claimset)
    top = table.iloc[0]
    assert (
        top["claims beneath it"]
        == len(carried[top["claim"]])
        == max(len(carried[c.id]) for c in claimset.claims if c.role != "main thesis")
    )


def test_supporters_follow_chains():
    data = {"article": "x", "note": "n", "topics": ["talent"], "sections": [], "claims": []}
    for i, supports in enumerate([["C02"], ["C03"], []], 1):
        data["claims"].append(
            {
                "id": f"C0{i}",
                "paragraph": 1,
                "quote": "qq",
                "quote_en": "qq",
                "paraphrase": "p p p",
                "type": "factual",
                "role": "premise",
                "topic": "talent",
                "evidence": "none",
                "supports": supports,
                "checkable": False,
                "assessment": "a a a",
            }
        )
    claimset = claims.parse(data, "test")
    assert claims.supporters(claimset) == {"C01": set(), "C02": {"C01"}, "C03": {"C01", "C02"}}


def test_model_outputs_name_claims_the_industry_model_tests(claimset):
    from claimscope.analysis import market

    known = {f"market.{c.id}" for c in market.load(SLUG).spec.claims}
    linked = [o for c in claimset.claims for o in c.model_outputs]
    assert linked and set(linked) <= known
    assert {"market.software"} <= set(claimset.by_id["C85"].model_outputs)


def test_prediction_links_agree_both_ways(claimset):
    from claimscope.analysis import hindsight

    predictions = hindsight.load(SLUG)
    for p in predictions:
        for c in p.claims:
            assert p.id in claimset.by_id[c].prediction_ids, (p.id, c)
    linked = {(i, c.id) for c in claimset.claims for i in c.prediction_ids}
    assert linked == {(p.id, c) for p in predictions for c in p.claims}


def test_a_topic_the_claim_set_does_not_list_is_refused():
    data = yaml.safe_load(paths.claims_file(SLUG).read_text(encoding="utf-8"))
    data["claims"][0]["topic"] = "weather"
    with pytest.raises(InputError, match="topic 'weather' is not one of the topics listed"):
        claims.parse(data, "claims.yaml")


def _new_article(root, slug, fixture):
    from pathlib import Path

    folder = root / slug
    folder.mkdir(parents=True)
    (folder / "article.txt").write_bytes((Path(__file__).parents[1] / "fixtures" / fixture).read_bytes())
    return folder


def test_without_claims_yaml_the_draft_stands_in_and_says_so(seeds_copy):
    _new_article(seeds_copy, "new-zh", "zh_new_article.txt")
    drafted = claims.load_or_draft("new-zh")
    assert drafted.draft and drafted.note.startswith("DRAFT")
    assert all(c.id.startswith("D") for c in drafted.claims) and claims.edges(drafted)
    assert claims.load_or_draft("sora-gpt4-bottleneck").draft is False


def test_a_draft_file_is_read_and_checked_like_a_curated_one(seeds_copy):
    from claimscope.text import intake

    folder = _new_article(seeds_copy, "new-en", "en_new_article.txt")
    intake.draft("new-en", seeds_copy)
    data = yaml.safe_load((folder / "claims.draft.yaml").read_text(encoding="utf-8"))
    data["claims"] = data["claims"][:3]
    for c in data["claims"]:
        c["supports"], c["attacks"] = [], []
    data["claims"][0]["role"] = "main thesis"
    (folder / "claims.draft.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    drafted = claims.load_or_draft("new-en")
    assert [c.id for c in drafted.claims] == ["D01", "D02", "D03"] and drafted.claims[0].role == "main thesis"
    data["claims"][1]["quote"] = "not in the article"
    (folder / "claims.draft.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="claim D02, field 'quote'"):
        claims.load_or_draft("new-en")
    data["claims"][1]["type"] = "guess"
    (folder / "claims.draft.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="claim D02, field 'type'"):
        claims.load_or_draft("new-en")
