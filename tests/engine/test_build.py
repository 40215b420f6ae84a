"""End to end: a real build of the default variant, checked in a browser, as text, and under failure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from browser import visit
from claimscope.engine import parameters as params

pytestmark = pytest.mark.slow
TITLE = "希望 Sora 别走 GPT4 的老路"


def _claimscope(*args, env=None, timeout=900):
    return subprocess.run(
        [sys.executable, "-m", "claimscope.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def test_build_writes_every_file(built):
    for name in ("report.html", "report.pdf", "report.ipynb", "run.json", "data/paragraphs.csv"):
        assert (built / name).stat().st_size > 0, name
    assert (built.parent / "index.html").read_text().count("sora-base/report.html") == 1


def test_run_record_says_what_the_build_was_made_from(built):
    run = json.loads((built / "run.json").read_text())
    assert run["parameters"] == params.validate({"article": "sora-gpt4-bottleneck", "scenario": "base"}, "x")
    assert "seeds/sora-gpt4-bottleneck/article.txt" in run["inputs"]
    assert run["inputs"]["seeds/sora-gpt4-bottleneck/article.txt"].startswith("88171b3281df2c06")
    assert {"papermill", "nbconvert", "altair"} <= set(run["versions"])
    assert run["timings_seconds"]["01_article.ipynb"] > 0 and run["timings_seconds"]["pdf"] > 0


def test_html_works_offline_in_a_real_browser(built):
    seen = visit(built / "report.html")
    assert seen.requests_blocked == []
    assert seen.console_errors == []
    assert seen.dialogs == []
    assert seen.charts >= 1 and seen.charts_drawn == seen.charts
    assert seen.cjk_font_loaded


def test_html_has_toc_numbered_chapters_and_hidden_code(built):
    document = (built / "report.html").read_text(encoding="utf-8")
    assert 'class="cs-toc"' in document and "1. The article" in document
    assert "Figure 1.1." in document
    assert "reader.load_slug" not in document  # code cells hidden by default


def _pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_pdf_is_a4_with_chinese_as_real_text_in_a_cjk_font(built):
    pdf = built / "report.pdf"
    assert TITLE in _pdftotext(pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYiMicroHei" in fonts and "Type 3" not in fonts


def test_pdf_has_the_charts_drawn(built):
    text = _pdftotext(built / "report.pdf")
    assert "Characters per paragraph" in text  # the chart's title, drawn as SVG text


def test_bad_parameter_is_refused_with_exit_2_before_any_kernel_starts(project_copy):
    toml = project_copy / "reports.toml"
    toml.write_text(toml.read_text() + '\n[[variant]]\nname = "bad"\n[variant.parameters]\nscenario = "hyper"\n')
    start = time.perf_counter()
    proc = _claimscope("build")
    assert proc.returncode == 2, proc.stderr
    assert (
        "variant 'bad'" in proc.stderr and "'scenario' = 'hyper'" in proc.stderr and "bear | base | bull" in proc.stderr
    )
    assert not (project_copy / "output").exists()  # nothing staged, so no chapter ran
    assert time.perf_counter() - start < 30


def _failing_chapter(path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Failing"),
        nbformat.v4.new_code_cell(params.PARAMETERS["article"].declaration(), metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("ok = 1"),
        nbformat.v4.new_code_cell("raise ValueError('deliberate failure')"),
    ]
    nbformat.write(nb, path)


def test_a_failing_chapter_leaves_the_previous_report_byte_identical(one_chapter_built):
    project_copy = one_chapter_built  # one real chapter keeps this test quick
    notebooks = project_copy / "notebooks"
    published = project_copy / "output" / "sora-base"
    before = {p.relative_to(published): p.read_bytes() for p in published.rglob("*") if p.is_file()}

    _failing_chapter(notebooks / "99_failing.ipynb")
    second = _claimscope("build", "sora-base")
    assert second.returncode == 1
    assert "variant 'sora-base'" in second.stderr and "99_failing.ipynb" in second.stderr
    assert "failed in cell 4" in second.stderr and "raise ValueError" in second.stderr
    assert "deliberate failure" in second.stderr
    after = {p.relative_to(published): p.read_bytes() for p in published.rglob("*") if p.is_file()}
    assert after == before
    kept = project_copy / "output" / ".failed" / "sora-base" / "99_failing.ipynb"
    assert "deliberate failure" in kept.read_text()
    builds = list((project_copy / "output" / ".builds").iterdir())
    assert len(builds) == 1  # the failed build's staging folder is gone


def test_new_english_and_chinese_articles_build_with_a_draft_map_and_notices_naming_the_missing_files(project_copy):
    fixtures = Path(__file__).parents[1] / "fixtures"
    for name, slug in (("en_new_article.txt", "new-en"), ("zh_new_article.txt", "new-zh")):
        proc = _claimscope("new", str(fixtures / name), "--name", slug)
        assert proc.returncode == 0, proc.stderr
    proc = _claimscope("build", "new-en", "new-zh")
    assert proc.returncode == 0, proc.stderr
    for slug in ("new-en", "new-zh"):
        html = (project_copy / "output" / slug / "report.html").read_text(encoding="utf-8")
        assert "DRAFT argument." in html  # chapter 2 ran, with the banner
        assert "<b>DRAFT</b> argument map: drafted automatically, not curated" in html  # above the map
        assert f"seeds/{slug}/market.yaml (the industry model" in html  # chapter 4's notice
        assert f"seeds/{slug}/factchecks.yaml (the curated fact checks)" in html  # chapter 3's notice
        assert f"seeds/{slug}/predictions.yaml (the article&#x27;s predictions)" in html or (
            f"seeds/{slug}/predictions.yaml (the article's predictions)" in html
        )
        assert f"`claimscope draft {slug}`" in html or f"<code>claimscope draft {slug}</code>" in html
        assert f"Analysis of “{slug}" not in html  # the slug never poses as the title
        data = project_copy / "output" / slug / "data"
        assert sorted(p.name for p in data.iterdir()) == [  # no fact checks, model or predictions yet: no files
            "argument.aif.json",
            "argument.argdown",
            "claims.csv",
            "paragraphs.csv",
            "sentences.csv",
        ]
        assert (data / "claims.csv").read_text(encoding="utf-8").splitlines()[1].startswith("D01,")  # the draft's
