"""Shared fixtures: the seed article, and one real build of the default variant per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimscope import paths
from claimscope.engine import build
from claimscope.text import article

FIXTURES = Path(__file__).parent / "fixtures"
SEED = "sora-gpt4-bottleneck"


@pytest.fixture(scope="session")
def seed():
    return article.load_slug(SEED)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Output folder holding one real build of the first variant in reports.toml."""
    output = tmp_path_factory.mktemp("output")
    build.build(["sora-base"], output=output, progress=build.Progress(False))
    return output / "sora-base"


@pytest.fixture
def project_copy(tmp_path, monkeypatch):
    """A copy of the project's inputs in tmp_path, with CLAIMSCOPE_ROOT pointing at it."""
    root = tmp_path / "project"
    for name in ("notebooks", "seeds", "data"):
        shutil.copytree(
            paths.ROOT / name, root / name, ignore=shutil.ignore_patterns("_incoming", ".ipynb_checkpoints")
        )
    shutil.copy(paths.REPORTS_TOML, root / "reports.toml")
    monkeypatch.setenv("CLAIMSCOPE_ROOT", str(root))
    monkeypatch.setenv("CLAIMSCOPE_OUTPUT", str(root / "output"))
    return root


@pytest.fixture(scope="session")
def base():
    from claimscope.analysis import evidence

    return evidence.load()


@pytest.fixture(scope="session")
def claimset(seed):
    from claimscope.analysis import claims

    return claims.load(SEED, art=seed)


@pytest.fixture(scope="session")
def checks(seed, claimset, base):
    from claimscope.analysis import factcheck

    return factcheck.load(SEED, seed, claimset, base)


@pytest.fixture(scope="session")
def results(checks, base):
    from claimscope.analysis import factcheck

    return factcheck.results(checks, base)


@pytest.fixture
def seeds_copy(tmp_path, monkeypatch):
    """A copy of seeds/ in tmp_path that claimscope.paths points at, for tests that run in this process."""
    seeds = tmp_path / "seeds"
    shutil.copytree(paths.SEEDS, seeds)
    monkeypatch.setattr(paths, "SEEDS", seeds)
    return seeds
