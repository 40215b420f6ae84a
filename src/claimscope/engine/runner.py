"""Run chapter tasks in parallel: warm kernels in this process (up to one per core), or a Dask cluster."""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimscope.engine import execute, kernels
from claimscope.errors import ChapterError, ClaimscopeError


@dataclass(frozen=True, eq=False)  # hashed by identity: results are keyed by the task object
class Task:
    variant: str
    notebook: str  # absolute paths, so a worker on another host with the same shared folders can run it
    target: str
    values: dict


def run_task(task: Task, kernel: kernels.Kernel | None = None) -> float:
    """Execute one chapter (in `kernel`, else in a fresh kernel); seconds taken (raises ChapterError)."""
    return execute.run(Path(task.notebook), Path(task.target), task.values, task.variant, kernel)


# A kernel's start and imports cost about 1.5 CPU-seconds, two chapters' worth. Measured on one
# variant (7 chapters): two kernels finished 0.6 s sooner than one but used 2 CPU-seconds more; on
# two variants (14 chapters), two workers finished 5 s sooner than one (that also printed with two
# browsers instead of one). So by default a kernel is started per 8 chapters to run.
CHAPTERS_PER_KERNEL = 8


def workers(requested: int | None, tasks: int) -> int:
    """How many of `tasks` to run at once: `requested`, else one per core; never more than the tasks."""
    return max(1, min(requested or os.cpu_count() or 1, tasks))


def kernel_count(requested: int | None, chapters: int) -> int:
    """Kernels for `chapters` chapters: `requested`, else one per CHAPTERS_PER_KERNEL chapters, one per core at most."""
    if requested:
        return workers(requested, chapters)
    return workers(None, math.ceil(chapters / CHAPTERS_PER_KERNEL))


def start_pool(notebooks: list[Path], count: int, requested_workers: int | None = None) -> kernels.Pool:
    """Warm kernels for `count` chapters of `notebooks`, starting now (in the background)."""
    warm_up = kernels.warm_up_code(sorted(set(notebooks)))
    return kernels.Pool(kernel_count(requested_workers, count), warm_up)


def run(
    tasks: list[Task],
    requested_workers: int | None = None,
    scheduler: str | None = None,
    pool: kernels.Pool | None = None,
) -> Iterator:
    """Run every task; yield (task, seconds or the ChapterError it raised) as each finishes.

    `pool` is a pool started earlier (start_pool); without one, a pool starts here."""
    if not tasks:
        return
    if scheduler:
        yield from _run_dask(tasks, scheduler)
        return
    pool = pool or start_pool([Path(t.notebook) for t in tasks], len(tasks), requested_workers)
    try:
        for task in tasks:
            pool.submit(task, lambda kernel, task=task: run_task(task, kernel))
        pool.seal()
        for task, what, value in pool.events():
            if what == "done":
                yield task, _outcome(value, task)
    except BaseException:
        pool.stop()  # interrupted: kill the running chapters' kernels now rather than let them finish
        raise
    pool.close()


def _outcome(value, task: Task):
    if not isinstance(value, BaseException):
        return value
    if isinstance(value, ClaimscopeError):
        return value
    return ChapterError(task.variant, Path(task.notebook).name, ename=type(value).__name__, evalue=str(value))


def _run_dask(tasks: list[Task], scheduler: str) -> Iterator:
    from distributed import Client, as_completed

    try:  # tries for Dask's distributed.comm.timeouts.connect (30 s unless configured)
        client = Client(scheduler)
    except OSError as err:
        raise ClaimscopeError(
            f"cannot reach the Dask scheduler at {scheduler}: {err} (to wait longer or shorter, set "
            "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT, e.g. to 60s)"
        ) from None
    with client:
        futures = {
            client.submit(run_task, t, pure=False, key=f"chapter-{i}-{Path(t.notebook).stem}"): t
            for i, t in enumerate(tasks)
        }
        for future in as_completed(futures):
            task = futures[future]
            error = future.exception()
            yield task, _outcome(error if error is not None else future.result(), task)
