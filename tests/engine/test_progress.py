"""A build shows its steps: bars on a terminal, one plain line per step in a log, nothing when quiet."""

import io

import pytest

from claimscope.engine.progress import Progress


def _steps(progress: Progress) -> None:
    with progress:
        progress.start("sora-base", 3, "not built before")
        progress.step("sora-base", "01_article.ipynb ran in 2.0 s")
        progress.step("sora-base", "HTML in 1.0 s")
        progress("removed a leftover")
        progress.step("sora-base", "PDF in 3.0 s")


def test_a_log_gets_one_plain_line_per_step():
    out = io.StringIO()
    _steps(Progress(stream=out))  # a StringIO is not a terminal
    lines = out.getvalue().splitlines()
    assert lines == [
        "sora-base: not built before; 3 steps",
        "sora-base: 01_article.ipynb ran in 2.0 s",
        "sora-base: HTML in 1.0 s",
        "removed a leftover",
        "sora-base: PDF in 3.0 s",
    ]


def test_quiet_prints_nothing():
    out = io.StringIO()
    _steps(Progress("quiet", stream=out))
    assert out.getvalue() == ""


def test_a_terminal_gets_a_bar_per_variant_that_reaches_its_total():
    out = io.StringIO()
    _steps(Progress("bars", stream=out))
    text = out.getvalue()
    assert "sora-base" in text and "3/3" in text and "PDF in 3.0 s" in text
    assert "removed a leftover" in text


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError):
        Progress("loud")
