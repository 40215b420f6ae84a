import pytest

from claimscope.analysis import argmap, claims


@pytest.fixture(scope="module")
def claimset():
    return claims.load("sora-gpt4-bottleneck")


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
