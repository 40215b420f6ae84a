"""Build report variants: validate -> plan (cache) -> run chapters in parallel -> merge -> HTML -> PDF -> publish."""

from __future__ import annotations

import datetime as dt
import html
import json
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from claimscope import paths
from claimscope.engine import cache, checks, exports, lock, pdf, provenance, publish, runner, variants
from claimscope.errors import ChapterError, ClaimscopeError


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
    folder: Path | None
    status: str  # built | up to date | failed
    reason: str = ""
    timings: dict = field(default_factory=dict)


def check_inputs(selected: list[variants.Variant]) -> None:
    """Everything that can be checked before a kernel starts (`claimscope check` runs the same)."""
    if not paths.chapters():
        raise ClaimscopeError(f"no chapter notebooks (NN_name.ipynb) in {paths.NOTEBOOKS}")
    checks.run_all(selected)


def _footer(variant: variants.Variant, git: dict) -> str:
    rows = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in variant.parameters.items()
    )
    commit = git["commit"] or "unknown"
    dirty = " (with uncommitted changes)" if git["dirty"] else ""
    return (
        f"<p>Variant <b>{html.escape(variant.name)}</b>, built from commit <code>{html.escape(commit[:12])}</code>"
        f"{dirty}. Rebuild with <code>claimscope build {html.escape(variant.name)}</code>; inputs, hashes and "
        f'package versions are in run.json beside this file.</p><table class="cs-facts">{rows}</table>'
    )


# ---------------------------------------------------------------- chapters


def _tasks(plans: list[cache.VariantPlan], scratch: Path) -> dict:
    """One task per distinct chapter key not in the cache: variants that share a chapter run it once."""
    tasks = {}
    for p in plans:
        for c in p.chapters:
            if not c.cached and c.key not in tasks:
                target = scratch / f"{c.key}.ipynb"
                tasks[c.key] = runner.Task(p.variant.name, str(c.notebook), str(target), dict(p.variant.parameters))
    return tasks


def _failure(task: runner.Task, error: Exception, output: Path) -> ChapterError:
    """Keep the executed notebook of a failed chapter, and say where it is."""
    folder = paths.failed_dir(task.variant, output)
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / Path(task.notebook).name
    if Path(task.target).exists():
        shutil.move(task.target, kept)
    return ChapterError(f"{error}\nthe executed notebook with the traceback is kept at {kept}")


# ---------------------------------------------------------------- one variant


def assemble(p: cache.VariantPlan, output: Path, show_code: bool, printer: pdf.Printer, timings: dict) -> Path:
    """Merge the variant's executed chapters, render HTML and PDF, write exports and run.json, publish."""
    import nbformat

    from claimscope.engine import merge, render

    variant = p.variant
    staged = publish.stage(variant.name, output)
    try:
        (staged / "notebooks").mkdir()
        executed = []
        for c in p.chapters:
            shutil.copy(cache.cache_dir(output) / f"{c.key}.ipynb", staged / "notebooks" / c.notebook.name)
            executed.append(nbformat.read(staged / "notebooks" / c.notebook.name, as_version=4))
        t = time.perf_counter()
        report = merge.merge(executed)
        nbformat.write(report, staged / "report.ipynb")
        git = provenance.git_commit()
        document = render.render(
            report,
            variant.title,
            exports.article_title(variant.parameters["article"]),
            _footer(variant, git),
            show_code,
        )
        (staged / "report.html").write_text(document, encoding="utf-8")
        timings["html"] = round(time.perf_counter() - t, 2)
        t = time.perf_counter()
        printer.print(staged / "report.html", staged / "report.pdf")
        timings["pdf"] = round(time.perf_counter() - t, 2)
        exports.write_all(variant.parameters, staged / "data")
        run = {
            "variant": variant.name,
            "title": variant.title,
            "parameters": variant.parameters,
            "git": git,
            "finished": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "inputs": provenance.input_hashes(variant.parameters["article"]),
            "versions": provenance.versions(),
            "timings_seconds": timings,
            "cache": p.record(),
        }
        (staged / "run.json").write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except BaseException:
        publish.discard(staged)
        raise
    return publish.publish(staged, variant.name, output)


# ---------------------------------------------------------------- the build


def plan(
    names: list[str] | None = None, output: Path | None = None, show_code: bool = False, force: bool = False
) -> list[cache.VariantPlan]:
    """What a build would do and why, without running anything (`claimscope build --dry-run`)."""
    output = Path(output or paths.OUTPUT)
    selected = variants.select(variants.load(), names or [])
    check_inputs(selected)
    return [cache.plan(v, output, show_code, force) for v in selected]


def build(
    names: list[str] | None = None,
    output: Path | None = None,
    show_code: bool = False,
    progress: Progress | None = None,
    wait: bool = True,
    force: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
) -> list[Result]:
    """Build the named variants (all when none named), skipping what is up to date; refresh the index.

    Variants whose chapters all ran are published even when another variant fails; the failure is
    raised at the end (ChapterError), so the exit code says the build was not complete.
    """
    progress = progress or Progress()
    output = Path(output or paths.OUTPUT)
    selected = variants.select(variants.load(), names or [])  # validates every parameter first
    check_inputs(selected)
    browser = pdf.check_toolchain()
    with lock.held(output, wait):
        for leftover in publish.clean_leftovers(output):
            progress(f"removed {leftover.name}, left by an interrupted build")
        plans = [cache.plan(v, output, show_code, force) for v in selected]
        results = [
            Result(p.variant.name, paths.variant_dir(p.variant.name, output), "up to date", p.reason)
            for p in plans
            if not p.rebuild
        ]
        todo = [p for p in plans if p.rebuild]
        for p in plans:
            progress(f"{p.variant.name}: {p.reason}")
        failures = _run_and_publish(todo, output, show_code, progress, browser, workers, scheduler, results)
        publish.write_index(output)
        cache.prune(output)
    if failures:
        raise ChapterError("\n".join(str(f) for f in failures))
    return results


def _run_and_publish(todo, output, show_code, progress, browser, workers, scheduler, results) -> list:
    if not todo:
        return []
    scratch = cache.cache_dir(output) / "running"
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        tasks = _tasks(todo, scratch)
        outcomes = runner.run(list(tasks.values()), progress, workers, scheduler)
        failures = []
        with pdf.Printer(browser) as printer:
            for p in todo:
                timings, failed = {}, []
                for c in p.chapters:
                    task = tasks.get(c.key)
                    outcome = outcomes.get(task) if task else 0.0
                    if isinstance(outcome, Exception):
                        failed.append(_failure(task, outcome, output))
                    else:
                        if task and not (cache.cache_dir(output) / f"{c.key}.ipynb").exists():
                            cache.store(output, c.key, Path(task.target))
                        timings[c.notebook.name] = round(outcome, 2)
                if failed:
                    failures += failed
                    results.append(Result(p.variant.name, None, "failed", str(failed[0])))
                    continue
                t = time.perf_counter()
                folder = assemble(p, output, show_code, printer, timings)
                progress(f"{p.variant.name}: published in {time.perf_counter() - t:.1f} s -> {folder}/report.html")
                results.append(Result(p.variant.name, folder, "built", p.reason, timings))
        return failures
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
