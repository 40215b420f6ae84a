import pytest

from claimscope.analysis import argmap, claims


@pytest.fixture(scope="module")
def claimset():
    return claims.load("sora-gpt4-bottleneck")


def _layers(chart_dict):
    return {
        layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]: layer
        for layer in chart_dict["layer"]
    }


def test_map_encodes_type_role_relation_and_tooltips(claimset):
    spec = argmap.chart(claimset).to_dict()
    layers = _layers(spec)
    circle = layers["circle"]["encoding"]
    assert circle["color"]["field"] == "type" and circle["size"]["field"] == "role"
    assert {t["field"] for t in circle["tooltip"]} >= {"id", "quote", "english", "paraphrase"}
    line = layers["line"]["encoding"]
    assert line["strokeDash"]["field"] == "relation" and line["detail"]["field"] == "edge"
    assert spec["width"] <= argmap.MAX_WIDTH + 1


def test_thesis_is_laid_out_above_its_premises(claimset):
    nodes, _ = argmap.frames(claimset)
    y = dict(zip(nodes.id, nodes.y))
    for a, b, relation in claims.edges(claimset):
        if relation == "support":
            assert y[b] > y[a], (a, b)


def test_sub_map_shows_linked_claims_from_other_sections_faded(claimset):
    section = claimset.sections[6]
    ids = [c.id for c in claimset.claims if c.paragraph in section.paragraphs]
    nodes, _ = argmap.frames(claimset, ids)
    assert set(nodes[~nodes.outside].id) == set(ids)
    assert nodes.outside.any()


def test_aif_export_is_consistent(claimset):
    doc = argmap.aif(claimset)
    ids = {n["nodeID"] for n in doc["nodes"]}
    assert all(e["fromID"] in ids and e["toID"] in ids for e in doc["edges"])
    kinds = {n["nodeID"]: n["type"] for n in doc["nodes"]}
    for node, kind in kinds.items():
        if kind in ("RA", "CA"):
            incoming = [e for e in doc["edges"] if e["toID"] == node]
            outgoing = [e for e in doc["edges"] if e["fromID"] == node]
            assert len(incoming) == 1 and len(outgoing) == 1
            assert kinds[incoming[0]["fromID"]] == "I" and kinds[outgoing[0]["toID"]] == "I"
    assert sum(k == "I" for k in kinds.values()) == len(claimset.claims)
    assert sum(k == "RA" for k in kinds.values()) == sum(len(c.supports) for c in claimset.claims)
    assert sum(k == "CA" for k in kinds.values()) == sum(len(c.attacks) for c in claimset.claims)


def test_argdown_export_carries_every_claim_and_link(claimset):
    text = argmap.argdown(claimset)
    for c in claimset.claims:
        assert f"[{c.id}]: " in text
    assert text.count("<+ [") == sum(len(c.supports) for c in claimset.claims)
    assert text.count("<- [") == sum(len(c.attacks) for c in claimset.claims)


def test_summary_charts_have_the_expected_encodings(claimset):
    assert argmap.types_by_role(claimset).to_dict()["encoding"]["color"]["field"] == "role"
    mix = argmap.evidence_mix(claimset).to_dict()
    assert mix["layer"][0]["encoding"]["x"]["field"] == "evidence"
    assert argmap.devices_count(claimset).to_dict()["encoding"]["y"]["field"] == "device"


def test_a_draft_map_says_draft_in_its_title(seeds_copy):
    from pathlib import Path

    from claimscope.analysis import argmap, claims

    folder = seeds_copy / "new-en"
    folder.mkdir()
    (folder / "article.txt").write_bytes((Path(__file__).parents[1] / "fixtures" / "en_new_article.txt").read_bytes())
    spec = argmap.chart(claims.load_or_draft("new-en")).to_dict()
    assert spec["title"] == "DRAFT argument map (drafted automatically, not curated)"
