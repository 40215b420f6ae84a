"""The engine knows no article: a second article's own market.yaml gives it its own industry chapter."""

import shutil
from pathlib import Path

import nbformat
import papermill as pm
import pytest

from claimscope import paths
from claimscope.analysis import market
from claimscope.analysis.market import model

FIXTURE = Path(__file__).parents[1] / "fixtures" / "articles" / "short-drama"


def test_the_fixture_articles_model_has_its_own_segments_and_claims(monkeypatch):
    monkeypatch.setattr(paths, "SEEDS", FIXTURE.parent)
    industry = market.load("short-drama")
    assert [s.id for s in industry.segments] == ["short_drama", "ads", "post_houses"]
    headline = model.headline(industry, "base", 0.05)
    assert set(headline.segment) == {"short_drama", "ads", "post_houses"} and headline.savings_share.gt(0).all()


@pytest.mark.slow
def test_the_fixture_article_builds_its_own_industry_chapter(project_copy, tmp_path):
    shutil.copytree(FIXTURE, project_copy / "seeds" / "short-drama")
    out = tmp_path / "04.ipynb"
    pm.execute_notebook(
        str(project_copy / "notebooks" / "04_industry.ipynb"),
        str(out),
        parameters={"article": "short-drama", "mc_draws": 2000},
        cwd=str(project_copy / "notebooks"),
        progress_bar=False,
    )
    shown = "".join(
        str(o.get("data", {}).get("text/html", ""))
        for c in nbformat.read(out, as_version=4).cells
        for o in c.get("outputs", [])
    )
    assert "Short drama is not disrupted" in shown and "投流费用往往占到收入的七成以上" in shown
    assert "Post-production houses" in shown
    assert "Sora" not in shown and "Film is not disrupted" not in shown and "P46" not in shown
