"""Build report variants: validate -> run chapters -> merge -> HTML -> PDF -> exports -> publish."""

from __future__ import annotations

import datetime as dt
import html
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import checks, execute, exports, lock, merge, paths, pdf, provenance, publish, render, variants
from .errors import ChapterError, ClaimscopeError


class Progress:
    """One line per step on a terminal; silent when stderr is not a TTY (scheduled builds)."""

    def __init__(self, enabled: bool | None = None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled

    def __call__(self, message: str) -> None:
        if self.enabled:
            print(message, file=sys.stderr, flush=True)


@dataclass
class Result:
    variant: str
    folder: Path
    timings: dict = field(default_factory=dict)


def check_inputs(selected: list[variants.Variant]) -> None:
    """Everything that can be checked before a kernel starts (`claimscope check` runs the same)."""
    if not paths.chapters():
        raise ClaimscopeError(f"no chapter notebooks (NN_name.ipynb) in {paths.NOTEBOOKS}")
    checks.run_all(selected)


def _footer(variant: variants.Variant, run: dict) -> str:
    rows = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in variant.parameters.items()
    )
    commit = run["git"]["commit"] or "unknown"
    dirty = " (with uncommitted changes)" if run["git"]["dirty"] else ""
    return (
        f"<p>Variant <b>{html.escape(variant.name)}</b>, built from commit <code>{html.escape(commit[:12])}</code>"
        f"{dirty}. Rebuild with <code>claimscope build {html.escape(variant.name)}</code>; inputs, hashes and "
        f"package versions are in run.json beside this file.</p><table class=\"cs-facts\">{rows}</table>"
    )


def build_variant(variant: variants.Variant, output: Path, show_code: bool, progress: Progress,
                  browser: str) -> Result:
    """Build one variant into a staged folder and publish it; on failure the old report stays."""
    timings: dict = {}
    staged = publish.stage(variant.name, output)
    chapters_dir = staged / "notebooks"
    chapters_dir.mkdir()
    executed = []
    try:
        # 1. run every chapter with the variant's parameters
        for notebook in paths.chapters():
            progress(f"  {variant.name}: {notebook.name} ...")
            target = chapters_dir / notebook.name
            try:
                timings[notebook.name] = round(execute.run(notebook, target, variant.parameters, variant.name), 2)
            except ChapterError as err:
                kept = _keep_failed(staged, variant.name, output) / notebook.name
                raise ChapterError(f"{err}\nthe executed notebook with the traceback is kept at {kept}") from None
            executed.append(nbformat.read(target, as_version=4))
        # 2. merge and render the HTML
        t = time.perf_counter()
        report = merge.merge(executed)
        nbformat.write(report, staged / "report.ipynb")
        run = {"variant": variant.name, "title": variant.title, "parameters": variant.parameters,
               "git": provenance.git_commit()}
        article_meta = exports.article_title(variant.parameters["article"])
        document = render.render(report, variant.title, article_meta, _footer(variant, run), show_code)
        (staged / "report.html").write_text(document, encoding="utf-8")
        timings["html"] = round(time.perf_counter() - t, 2)
        # 3. print the PDF from the same HTML
        progress(f"  {variant.name}: report.pdf ...")
        t = time.perf_counter()
        pdf.print_pdf(staged / "report.html", staged / "report.pdf", browser)
        timings["pdf"] = round(time.perf_counter() - t, 2)
        # 4. data exports and the run record
        exports.write_all(variant.parameters, staged / "data")
        run.update({
            "finished": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "inputs": provenance.input_hashes(variant.parameters["article"]),
            "versions": provenance.versions(),
            "timings_seconds": timings,
        })
        (staged / "run.json").write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except BaseException:
        publish.discard(staged)
        raise
    # 5. publish atomically
    return Result(variant.name, publish.publish(staged, variant.name, output), timings)


def _keep_failed(staged: Path, variant: str, output: Path) -> Path:
    """Move the executed notebooks of a failed build where the error message says they are."""
    failed = paths.failed_dir(variant, output)
    if failed.exists():
        publish.discard(failed)
    failed.parent.mkdir(parents=True, exist_ok=True)
    (staged / "notebooks").rename(failed)
    return failed


def build(names: list[str] | None = None, output: Path | None = None, show_code: bool = False,
          progress: Progress | None = None, wait: bool = True) -> list[Result]:
    """Build the named variants (all when none named) and refresh output/index.html."""
    progress = progress or Progress()
    output = Path(output or paths.OUTPUT)
    selected = variants.select(variants.load(), names or [])  # validates every parameter first
    check_inputs(selected)
    browser = pdf.check_toolchain()
    results = []
    with lock.held(output, wait):
        for leftover in publish.clean_leftovers(output):
            progress(f"removed {leftover.name}, left by an interrupted build")
        for i, variant in enumerate(selected, 1):
            progress(f"[{i}/{len(selected)}] {variant.name}")
            t = time.perf_counter()
            result = build_variant(variant, output, show_code, progress, browser)
            progress(f"  {variant.name}: done in {time.perf_counter() - t:.1f} s -> {result.folder}/report.html")
            results.append(result)
        publish.write_index(output)
    return results
