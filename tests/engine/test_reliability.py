"""Hostile inputs, concurrent and interrupted builds, reproducible output (real builds, slow)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from browser import visit
from claimscope.engine import lock

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).parents[1] / "fixtures"


def _claimscope(*args, timeout=900):
    return subprocess.run(
        [sys.executable, "-m", "claimscope.cli", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=timeout,
    )


def _only_first_chapter(root: Path) -> None:
    for extra in sorted((root / "notebooks").glob("*.ipynb")):
        if not extra.name.startswith("01_"):
            extra.unlink()


def _files(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_hostile_text_is_shown_as_text_and_never_run(project_copy):
    seed = project_copy / "seeds" / "hostile"
    seed.mkdir()
    shutil.copy(FIXTURES / "hostile_article.txt", seed / "article.txt")
    claims_file = project_copy / "seeds" / "sora-gpt4-bottleneck" / "claims.yaml"
    data = yaml.safe_load(claims_file.read_text(encoding="utf-8"))
    data["claims"][0]["paraphrase"] = "Paraphrase with <script>alert('claim')</script> and <img src=x onerror=alert(2)>"
    claims_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with open(project_copy / "reports.toml", "a") as f:
        f.write('\n[[variant]]\nname = "hostile"\n[variant.parameters]\narticle = "hostile"\n')
    proc = _claimscope("build", "hostile", "sora-base")
    assert proc.returncode == 0, proc.stderr
    for variant in ("hostile", "sora-base"):
        html = project_copy / "output" / variant / "report.html"
        seen = visit(html, script="document.body.innerText")
        assert seen.dialogs == [], variant
        assert seen.requests_blocked == [] and seen.console_errors == []
        if variant == "hostile":
            text = seen.result
            assert "<script>alert('xss')</script>" in text and "onerror=alert('img')" in text
            assert "javascript:alert('md')" in text
            assert "No curated analysis exists yet" in text
    pdf_text = subprocess.run(
        ["pdftotext", str(project_copy / "output" / "hostile" / "report.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "<script>alert('xss')</script>" in pdf_text


def test_a_second_build_with_no_wait_exits_4_while_one_holds_the_lock(project_copy):
    output = project_copy / "output"
    with lock.held(output):
        start = time.perf_counter()
        proc = _claimscope("build", "sora-base", "--no-wait")
    assert proc.returncode == 4, proc.stderr
    assert "another build" in proc.stderr and "--no-wait" in proc.stderr
    assert time.perf_counter() - start < 60
    assert not (output / "sora-base").exists()


@pytest.mark.parametrize("kill_after", [1.5, 4.0, 7.0])
def test_a_killed_build_leaves_the_old_report_whole_and_the_next_build_cleans_up(one_chapter_built, kill_after):
    project_copy = one_chapter_built
    published = project_copy / "output" / "sora-base"
    before = _files(published)

    proc = subprocess.Popen(
        [sys.executable, "-m", "claimscope.cli", "build", "sora-base", "--force"],
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(kill_after)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    after = _files(published)
    assert after == before or set(after) == set(before)  # old report, or (if it finished) a whole new one
    assert (published / "report.pdf").stat().st_size > 1000

    again = _claimscope("build", "sora-base")
    assert again.returncode == 0, again.stderr
    output = project_copy / "output"
    builds = {p.name for p in (output / ".builds").iterdir()}
    linked = {os.readlink(p).split("/")[-1] for p in output.iterdir() if p.is_symlink()}
    assert builds == linked  # every build folder is a published report; leftovers are gone
    assert not (output / ".cache" / "running").exists()
    assert list((output / ".cache").glob(".*.tmp-*")) == []


def test_sigterm_stops_the_build_cleanly(project_copy):
    _only_first_chapter(project_copy)
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimscope.cli", "build", "sora-base"],
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(3)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err
    assert "interrupted" in err
    output = project_copy / "output"
    assert not (output / "sora-base").exists()
    assert not (output / ".builds").exists() or list((output / ".builds").iterdir()) == []
    assert not (output / ".cache" / "running").exists()


def test_two_builds_of_the_same_inputs_give_the_same_report(one_chapter_built):
    report = one_chapter_built / "output" / "sora-base" / "report.html"
    first = report.read_bytes()
    proc = _claimscope("build", "sora-base", "--force")
    assert proc.returncode == 0, proc.stderr
    assert report.read_bytes() == first


def test_sigterm_during_parallel_chapters_stops_promptly_and_leaves_no_kernel(project_copy):
    for extra in (project_copy / "notebooks").glob("*.ipynb"):
        if not extra.name.startswith(("00_", "02_", "04_")):  # the longest chapters
            extra.unlink()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimscope.cli", "build", "sora-base"],
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(3)
    children = _descendants(proc.pid)
    start = time.perf_counter()
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=120)
    assert proc.returncode == 143
    assert time.perf_counter() - start < 5  # the running chapters are stopped, not waited for
    time.sleep(1)
    assert [pid for pid in children if _alive(pid)] == []
    assert not (project_copy / "output" / "sora-base").exists()


def _descendants(pid: int) -> list[int]:
    import psutil

    return [p.pid for p in psutil.Process(pid).children(recursive=True)]


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
