"""The build cache and the parallel runners, on real builds of a small project copy (slow)."""

from __future__ import annotations

import json
import time

import pytest

from project import claimscope as _claimscope

pytestmark = pytest.mark.slow


def _timings(root, variant):
    return json.loads((root / "output" / variant / "run.json").read_text())["timings_seconds"]


def test_a_no_op_rebuild_runs_nothing_and_is_quick(small):
    start = time.perf_counter()
    again = _claimscope("build")
    elapsed = time.perf_counter() - start
    assert again.returncode == 0, again.stderr
    assert "one: up to date" in again.stdout and "two: up to date" in again.stdout
    assert elapsed < 10  # a process start and hashing; the benchmark measures it precisely


def test_a_parameter_change_rebuilds_only_its_variant_and_only_chapters_that_declare_it(small):
    toml = small / "reports.toml"
    toml.write_text(toml.read_text().replace("top_n = 20", "top_n = 25"))
    dry = _claimscope("build", "--dry-run")
    assert "one: skip (up to date)" in dry.stdout
    assert "two: build (changed: parameters)" in dry.stdout
    assert "01_article.ipynb: run (changed: parameters)" in dry.stdout
    assert "02_argument.ipynb: cached" in dry.stdout
    before_one = (small / "output" / "one" / "report.html").read_bytes()
    again = _claimscope("build")
    assert again.returncode == 0, again.stderr
    assert (small / "output" / "one" / "report.html").read_bytes() == before_one
    assert _timings(small, "two")["02_argument.ipynb"] == 0.0  # reused, not run
    assert _timings(small, "two")["01_article.ipynb"] > 0


def test_a_change_to_an_input_reruns_only_the_chapters_that_read_it(small):
    figures = small / "data" / "figures.csv"
    figures.write_text(figures.read_text() + "\n")
    dry = _claimscope("build", "--dry-run")
    assert "01_article.ipynb: cached" in dry.stdout  # chapter 1 reads no sourced data
    assert "02_argument.ipynb: run (changed: inputs)" in dry.stdout  # chapter 2 links events and sources
    claims = small / "seeds" / "sora-gpt4-bottleneck" / "claims.yaml"
    claims.write_text(claims.read_text() + "\n")
    dry = _claimscope("build", "--dry-run")
    assert "one: build (changed: inputs)" in dry.stdout


def test_force_rebuilds_everything(small):
    forced = _claimscope("build", "one", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "one: built (forced)" in forced.stdout
    assert _timings(small, "one")["02_argument.ipynb"] > 0


def test_a_dask_cluster_runs_the_same_build(small):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        proc = _claimscope("build", "--force", "--scheduler", cluster.scheduler_address)
    assert proc.returncode == 0, proc.stderr
    assert "one: built" in proc.stdout and "two: built" in proc.stdout
    assert (small / "output" / "two" / "report.pdf").stat().st_size > 1000


def test_an_unreachable_scheduler_is_a_clear_error(small, monkeypatch):
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "2s")  # Dask's own setting: no 30 s wait
    proc = _claimscope("build", "--force", "--scheduler", "tcp://127.0.0.1:9")
    assert proc.returncode == 1 and "cannot reach the Dask scheduler" in proc.stderr
