"""Shared fixtures: the seed article, and one real build of the default variant per test run."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

from claimscope import paths
from claimscope.engine import build
from claimscope.engine.progress import Progress
from claimscope.text import article
from project import claimscope, copy_inputs

FIXTURES = Path(__file__).parent / "fixtures"
SEED = "sora-gpt4-bottleneck"


@pytest.fixture(scope="session")
def seed():
    return article.load_slug(SEED)


@pytest.fixture(scope="session", autouse=True)
def machine_cache(tmp_path_factory):
    """The per-machine cache (the chart bundle) in the session's tmp folder, shared by every build."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLAIMSCOPE_CACHE", str(tmp_path_factory.mktemp("machine-cache")))
        yield


def _once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder filled by `make(folder)` once per test run: with pytest-xdist, the first worker to ask
    makes it (under a file lock) and the others use it; tests only read it or copy it."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    shared = tmp_path_factory.getbasetemp().parent  # this run's folder, above each worker's own
    folder, done = shared / name, shared / f"{name}.done"
    with FileLock(str(shared / f"{name}.lock")):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Output folder holding one real build of the first variant in reports.toml."""
    output = _once(
        tmp_path_factory, "output", lambda folder: build.build(["sora-base"], output=folder, progress=Progress("quiet"))
    )
    return output / "sora-base"


def _use(root: Path, monkeypatch) -> Path:
    monkeypatch.setenv("CLAIMSCOPE_ROOT", str(root))
    monkeypatch.setenv("CLAIMSCOPE_OUTPUT", str(root / "output"))
    return root


@pytest.fixture
def project_copy(tmp_path, monkeypatch):
    """A copy of the project's inputs in tmp_path, with CLAIMSCOPE_ROOT pointing at it."""
    return _use(copy_inputs(tmp_path / "project"), monkeypatch)


def _template(tmp_path_factory, name: str, keep: tuple[str, ...], toml: str | None = None) -> Path:
    """A project copy with only the chapters named in `keep`, built once per test run."""

    def make(folder: Path) -> None:
        root = copy_inputs(folder / "project")
        for nb in (root / "notebooks").glob("*.ipynb"):
            if not nb.name.startswith(keep):
                nb.unlink()
        if toml is not None:
            (root / "reports.toml").write_text(toml)
        first = claimscope("build", *([] if toml else ["sora-base"]), root=root)
        assert first.returncode == 0, first.stderr
        assert "ERROR" not in first.stderr  # e.g. no "KeyboardInterrupt caught in kernel" from stopping kernels

    return _once(tmp_path_factory, name, make) / "project"


def _built_copy(template: Path, tmp_path: Path, monkeypatch) -> Path:
    """A test's own copy of a built template (output links are relative, so they still resolve)."""
    root = tmp_path / "project"
    shutil.copytree(template, root, symlinks=True)
    return _use(root, monkeypatch)


@pytest.fixture(scope="session")
def one_chapter_template(tmp_path_factory):
    return _template(tmp_path_factory, "one-chapter", ("01_",))


@pytest.fixture
def one_chapter_built(one_chapter_template, tmp_path, monkeypatch):
    """A project whose only chapter is 01_article, with sora-base built (once per session, copied)."""
    return _built_copy(one_chapter_template, tmp_path, monkeypatch)


TWO_VARIANTS = (
    '[[variant]]\nname = "one"\n[variant.parameters]\narticle = "sora-gpt4-bottleneck"\n\n'
    '[[variant]]\nname = "two"\n[variant.parameters]\narticle = "sora-gpt4-bottleneck"\ntop_n = 20\n'
)


@pytest.fixture(scope="session")
def small_template(tmp_path_factory):
    return _template(tmp_path_factory, "small", ("01_", "02_"), TWO_VARIANTS)


@pytest.fixture
def small(small_template, tmp_path, monkeypatch):
    """Two chapters (01 declares article and top_n, 02 only article) and two variants, built."""
    return _built_copy(small_template, tmp_path, monkeypatch)


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
