"""Build report variants: validate -> plan (cache) -> run chapters in parallel -> merge -> HTML -> PDF -> publish."""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import itertools
import json
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from claimscope import paths
from claimscope.engine import cache, lock, pdf, provenance, publish, runner, variants
from claimscope.engine.progress import Progress
from claimscope.errors import BuildError, ChapterError, ClaimscopeError


@dataclass
class Result:
    variant: str
    folder: Path | None
    status: str  # built | up to date | failed
    reason: str = ""
    timings: dict = field(default_factory=dict)


def check_inputs(selected: list[variants.Variant]) -> None:
    """Everything that can be checked before a kernel starts (`claimscope check` runs the same)."""
    from claimscope.engine import checks  # imports pandas and pydantic: a no-op rebuild skips them

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


def _tasks(plans: list[cache.VariantPlan], scratch: Path) -> dict[str, runner.Task]:
    """One task per distinct chapter key not in the cache: variants that share a chapter run it once."""
    tasks = {}
    for p in plans:
        for c in p.chapters:
            if not c.cached and c.key not in tasks:
                target = scratch / f"{c.key}.ipynb"
                tasks[c.key] = runner.Task(p.variant.name, str(c.notebook), str(target), dict(p.variant.parameters))
    return tasks


def _keep_failed(task: runner.Task, error: ChapterError, output: Path) -> ChapterError:
    """Keep the executed notebook of a failed chapter, and say where it is."""
    folder = paths.failed_dir(task.variant, output)
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / Path(task.notebook).name
    if Path(task.target).exists():
        shutil.move(task.target, kept)
        return error.keep(kept)
    return error


# ---------------------------------------------------------------- one variant


def assemble(
    p: cache.VariantPlan, output: Path, show_code: bool, printer: pdf.Printers, progress: Progress, seconds: dict
) -> tuple[Path, dict]:
    """Merge the variant's executed chapters, render HTML and PDF, write exports and run.json, publish.

    `seconds` are its chapters' run times; returns the published folder and every timing."""
    import nbformat

    from claimscope.engine import exports, merge, render  # pandas, nbconvert: only when a report is made

    variant = p.variant
    staged = publish.stage(variant.name, output)
    try:
        chapters = staged / paths.CHAPTERS_DIR
        chapters.mkdir()
        executed = []
        for c in p.chapters:
            shutil.copy(paths.cached_chapter(c.key, output), chapters / c.notebook.name)
            executed.append(nbformat.read(chapters / c.notebook.name, as_version=4))
        t = time.perf_counter()
        data_files = exports.collect(executed)
        report = merge.merge([exports.strip(nb) for nb in executed])
        nbformat.write(report, staged / paths.REPORT_NOTEBOOK)
        git = provenance.git_commit()
        document = render.render(
            report,
            variant.title,
            exports.article_title(variant.parameters["article"]),
            _footer(variant, git),
            show_code,
        )
        (staged / paths.REPORT_HTML).write_text(document, encoding="utf-8")
        html_seconds = round(time.perf_counter() - t, 2)
        progress.step(variant.name, f"HTML in {html_seconds:.1f} s")
        t = time.perf_counter()
        printer.print(staged / paths.REPORT_HTML, staged / paths.REPORT_PDF)
        pdf_seconds = round(time.perf_counter() - t, 2)
        progress.step(variant.name, f"PDF in {pdf_seconds:.1f} s")
        exports.write_all(data_files, staged / paths.DATA_DIR)
        timings = {**seconds, "html": html_seconds, "pdf": pdf_seconds}
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
        (staged / paths.RUN_RECORD).write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except BaseException:
        publish.discard(staged)
        raise
    return publish.publish(staged, variant.name, output), timings


# ---------------------------------------------------------------- the build


def plan(
    names: list[str] | None = None,
    output: Path | None = None,
    show_code: bool = False,
    force: bool = False,
    overrides: dict | None = None,
) -> list[cache.VariantPlan]:
    """What a build would do and why, without running anything (`claimscope build --dry-run`)."""
    output = Path(output or paths.OUTPUT)
    selected = variants.select(variants.load(), names or [], overrides)
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
    overrides: dict | None = None,
) -> list[Result]:
    """Build the named variants (all when none named), skipping what is up to date; refresh the index.

    Variants whose chapters all ran are published even when another variant fails; the failures
    are raised at the end (BuildError), so the exit code says the build was not complete.
    """
    progress = progress or Progress()
    output = Path(output or paths.OUTPUT)
    selected = variants.select(variants.load(), names or [], overrides)  # validates every parameter first
    first = [cache.plan(v, output, show_code, force) for v in selected]
    checked = any(p.rebuild for p in first)
    # the kernels start (about 3 s: a process and its imports) while the inputs are checked
    pool = _early_pool(first, workers) if checked and not scheduler else None
    try:
        if checked:  # a variant that is up to date had its inputs checked by the build that made it
            check_inputs(selected)
            pdf.check_toolchain()
        with lock.held(output, wait), progress:
            for leftover in publish.clean_leftovers(output):
                progress(f"removed {leftover.name}, left by an interrupted build")
            plans = [cache.plan(v, output, show_code, force) for v in selected]  # another build may have run
            current = [
                Result(p.variant.name, paths.variant_dir(p.variant.name, output), "up to date", p.reason)
                for p in plans
                if not p.rebuild
            ]
            for result in current:
                progress(f"{result.variant}: up to date")
            todo = [p for p in plans if p.rebuild]
            if todo and not checked:
                check_inputs(selected)
            built, failures = _run_and_publish(todo, output, show_code, progress, workers, scheduler, pool)
            publish.write_index(output)
            cache.prune(output)
    finally:
        if pool is not None:
            pool.stop()  # kernels the chapters did not use (a failed check, nothing left to do); else a no-op
    if failures:
        raise BuildError(failures)
    return current + built


def _early_pool(plans: list[cache.VariantPlan], workers: int | None):
    """Warm kernels for the chapters the plans would run, started before the inputs are checked."""
    keys = {c.key: c.notebook for p in plans if p.rebuild for c in p.chapters if not c.cached}
    return runner.start_pool(list(keys.values()), len(keys), workers) if keys else None


def _run_and_publish(
    todo: list[cache.VariantPlan], output, show_code, progress, workers, scheduler, pool=None
) -> tuple[list[Result], list[ChapterError]]:
    """Run the chapters to run, and publish each variant as soon as its chapters are done."""
    if not todo:
        return [], []
    scratch = paths.running_dir(output)
    scratch.mkdir(parents=True, exist_ok=True)
    tasks = _tasks(todo, scratch)
    key_of = {task: key for key, task in tasks.items()}
    for p in todo:
        progress.start(p.variant.name, sum(c.key in tasks for c in p.chapters) + 2, p.reason)
    outcomes: dict[str, float | ChapterError] = {}
    waiting, results, failures = list(todo), [], []
    # each variant is published on its own thread as soon as its chapters are done, and printed by
    # the first free browser: HTML and PDF of several variants are made side by side
    side_by_side = runner.workers(workers, len(todo))
    publishing = ThreadPoolExecutor(max_workers=side_by_side, thread_name_prefix="claimscope-publish")
    published = []
    try:
        with (
            pdf.Printers(side_by_side, pdf.check_toolchain()) as printers,
            contextlib.closing(runner.run(list(tasks.values()), workers, scheduler, pool)) as running,
        ):
            for task, outcome in itertools.chain([(None, None)], running):
                if task is not None:
                    outcomes[key_of[task]] = _settle(task, key_of[task], outcome, output)
                    for p in waiting:
                        if any(c.key == key_of[task] for c in p.chapters):
                            progress.step(p.variant.name, _said(task, outcome))
                for p in [p for p in waiting if all(c.key in outcomes or c.key not in tasks for c in p.chapters)]:
                    waiting.remove(p)
                    published.append(
                        publishing.submit(_finish, p, dict(outcomes), output, show_code, printers, progress)
                    )
            for future in published:
                result, failed = future.result()
                results.append(result)
                failures += [f for f in failed if f not in failures]  # a shared chapter fails once
        return results, failures
    finally:
        publishing.shutdown(wait=False, cancel_futures=True)
        shutil.rmtree(scratch, ignore_errors=True)


def _settle(task: runner.Task, key: str, outcome, output: Path):
    """Keep a chapter that ran in the cache, or a failed one's notebook in .failed/; the outcome."""
    if isinstance(outcome, ChapterError):
        return _keep_failed(task, outcome, output)
    if not paths.cached_chapter(key, output).exists():
        cache.store(output, key, Path(task.target))
    return outcome


def _said(task: runner.Task, outcome) -> str:
    name = Path(task.notebook).name
    return f"{name} FAILED" if isinstance(outcome, ChapterError) else f"{name} ran in {outcome:.1f} s"


def _finish(p: cache.VariantPlan, outcomes: dict, output, show_code, printer, progress) -> tuple[Result, list]:
    """Publish a variant whose chapters are all done, or report the ones that failed."""
    failed = [outcomes[c.key] for c in p.chapters if isinstance(outcomes.get(c.key), ChapterError)]
    if failed:
        progress.step(p.variant.name, "not published: a chapter failed")
        return Result(p.variant.name, None, "failed", str(failed[0])), failed
    seconds = {c.notebook.name: round(outcomes.get(c.key, 0.0), 2) for c in p.chapters}
    t = time.perf_counter()
    folder, timings = assemble(p, output, show_code, printer, progress, seconds)
    progress(f"{p.variant.name}: published in {time.perf_counter() - t:.1f} s -> {folder / paths.REPORT_HTML}")
    return Result(p.variant.name, folder, "built", p.reason, timings), []
