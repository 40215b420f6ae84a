"""Run chapter tasks in parallel: a local process pool sized to the cores, or a Dask cluster."""

from __future__ import annotations

import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from claimscope.engine import execute
from claimscope.errors import ChapterError, ClaimscopeError


@dataclass(frozen=True, eq=False)  # hashed by identity: results are keyed by the task object
class Task:
    variant: str
    notebook: str  # absolute paths, so a worker on another host with the same shared folders can run it
    target: str
    values: dict


def run_task(task: Task) -> float:
    """Execute one chapter; seconds taken (raises ChapterError on a failing cell)."""
    return execute.run(Path(task.notebook), Path(task.target), task.values, task.variant)


def workers(requested: int | None, tasks: int) -> int:
    return max(1, min(requested or os.cpu_count() or 1, tasks))


def run(tasks: list[Task], progress, requested_workers: int | None = None, scheduler: str | None = None) -> dict:
    """Run every task; return {task: seconds or the ChapterError it raised}."""
    if not tasks:
        return {}
    if scheduler:
        return _run_dask(tasks, progress, scheduler)
    results: dict = {}
    pool = ProcessPoolExecutor(max_workers=workers(requested_workers, len(tasks)))
    try:
        pending = {pool.submit(run_task, t): t for t in tasks}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                task = pending.pop(future)
                results[task] = _outcome(future.exception(), future, task, progress)
    except BaseException:
        _stop(pool)  # interrupted: stop the running chapters now rather than let them finish
        raise
    pool.shutdown()
    return results


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started, kill the running chapters' kernels and end the workers at once."""
    import psutil

    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            kernels = psutil.Process(process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            continue
        for kernel in kernels:
            kernel.kill()
        process.kill()
    for process in processes:
        process.join(timeout=10)


def _outcome(error, future, task: Task, progress):
    name = Path(task.notebook).name
    if error is None:
        seconds = future.result()
        progress(f"  {task.variant}: {name} ran in {seconds:.1f} s")
        return seconds
    if not isinstance(error, ClaimscopeError):
        error = ChapterError(f"variant '{task.variant}': {name} could not run: {type(error).__name__}: {error}")
    progress(f"  {task.variant}: {name} FAILED")
    return error


def _run_dask(tasks: list[Task], progress, scheduler: str) -> dict:
    from distributed import Client, as_completed

    try:
        client = Client(scheduler, timeout="20s")
    except OSError as err:
        raise ClaimscopeError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
    results: dict = {}
    with client:
        progress(f"  running {len(tasks)} chapter(s) on the Dask cluster at {scheduler}")
        futures = {
            client.submit(run_task, t, pure=False, key=f"chapter-{i}-{Path(t.notebook).stem}"): t
            for i, t in enumerate(tasks)
        }
        for future in as_completed(futures):
            task = futures[future]
            results[task] = _outcome(future.exception(), future, task, progress)
    return results
