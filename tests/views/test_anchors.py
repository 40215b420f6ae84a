import pytest

from claimscope.views import anchors


def test_an_anchor_names_its_kind_and_id():
    assert anchors.anchor("paragraph", "29") == "paragraph-29"


def test_anchor_refuses_unknown_kinds():
    with pytest.raises(ValueError):
        anchors.anchor("chart", "x")
