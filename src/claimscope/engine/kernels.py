"""Warm Jupyter kernels: each starts once per build, imports what the chapters import, and runs
chapters one after another with a clean namespace for each.

A chapter in a fresh kernel pays a kernel start (about 1.4 s) and its imports (pandas, Altair,
pydantic, the package: several CPU-seconds) before its first line of work; a warm kernel pays
them once for all the chapters it runs. Between chapters the user namespace is cleared and the
execution count starts again from 1, so a chapter sees what it would see in a fresh kernel except
modules already imported (and their caches, which hold values computed from the same inputs).
tests/engine/test_kernels.py checks that chapters give the same outputs in any order.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from claimscope import paths
from claimscope.engine import dependencies, execute

KERNEL = "python3"
KERNEL_ARGUMENTS = [
    "--IPKernelApp.log_level=ERROR",  # no transport warnings in the build log
    "--HistoryManager.hist_file=:memory:",  # no history database shared between kernels
    # no output cache (Out, _1, ...): chapters never read it, and without it a reset between
    # chapters skips a full garbage collection (about 0.1 s a chapter)
    "--InteractiveShell.cache_size=0",
]
RESET = "get_ipython().reset(new_session=True)"  # clear the namespace; execution counts from 1 again
TIMEOUT = 600  # seconds one cell may take


def warm_up_code(notebooks: list[Path]) -> str:
    """Code importing every module the chapters import (names that are not modules are skipped)."""

    modules = []
    for notebook in notebooks:
        for cell in execute.read(notebook)["cells"]:
            if cell["cell_type"] == "code":
                try:
                    modules += dependencies.imports(execute.source(cell))
                except SyntaxError:
                    continue  # magics and the like: the chapter itself will say what is wrong
    modules = list(dict.fromkeys(modules))
    return (
        "import importlib\n"
        f"for _module in {modules!r}:\n"
        "    try:\n"
        "        importlib.import_module(_module)\n"
        "    except ImportError:  # a name imported from a module, not a module\n"
        "        pass\n"
        "import gc\n"
        "gc.freeze()  # the imported modules live as long as the kernel: later collections skip them\n"
    )


class Kernel:
    """One kernel and its client. Create and use it from one thread: its event loop is that thread's."""

    def __init__(self, warm_up: str = ""):
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self._sync = run_sync
        self.km = AsyncKernelManager(kernel_name=KERNEL)
        run_sync(self.km.start_kernel)(cwd=str(paths.NOTEBOOKS), extra_arguments=KERNEL_ARGUMENTS)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.allow_stdin = False
        run_sync(self.kc.wait_for_ready)(timeout=60)
        if warm_up:
            self.run(warm_up)

    @property
    def pid(self) -> int | None:
        process = getattr(self.km.provisioner, "process", None)
        return getattr(process, "pid", None)

    def alive(self) -> bool:
        return bool(self._sync(self.km.is_alive)())

    def run(self, code: str) -> None:
        """Run engine code (not a chapter's) silently; raise if it fails."""
        reply = self._sync(self.kc.execute_interactive)(
            code, silent=True, store_history=False, timeout=TIMEOUT, output_hook=lambda msg: None
        )
        content = reply["content"]
        if content["status"] != "ok":
            raise RuntimeError(f"the kernel could not run engine code: {content.get('ename')}: {content.get('evalue')}")

    def execute(self, nb):
        """Execute every cell of `nb` in place, in a clean namespace (raises CellExecutionError)."""
        from nbclient import NotebookClient

        self.run(RESET)
        client = NotebookClient(nb, km=self.km, kernel_name=KERNEL, timeout=TIMEOUT, record_timing=False)
        client.kc = self.kc  # the kernel's one client: no new channels per chapter
        client.execute()
        return nb

    def shutdown(self) -> None:
        """Stop the kernel politely (no 'KeyboardInterrupt caught' in the log)."""
        try:
            self.kc.stop_channels()
            self._sync(self.km.shutdown_kernel)(now=False)
        except Exception:
            self.kill()

    def kill(self) -> None:
        """Stop the kernel and whatever it started, at once (from any thread)."""
        import psutil

        if self.pid is None:
            return
        try:
            kernel = psutil.Process(self.pid)
            family = [*kernel.children(recursive=True), kernel]
        except psutil.NoSuchProcess:
            return
        for process in family:
            try:
                process.kill()
            except psutil.NoSuchProcess:
                pass


class Pool:
    """`size` warm kernels in threads of this process, each taking the next job when it is free.

    A job is a callable given a Kernel; its result (or the exception it raised) comes back from
    `results()` in the order jobs finish. Kernel processes are children of this process, so an
    interrupted build kills them (`stop`) and leaves none behind.
    """

    def __init__(self, size: int, warm_up: str = ""):
        self._jobs: queue.Queue = queue.Queue()
        self._events: queue.Queue = queue.Queue()
        self._kernels: list[Kernel] = []
        self._lock = threading.Lock()
        self._pending = 0
        self._sealed = False
        self._stopped = False
        self._threads = [
            threading.Thread(target=self._work, args=(warm_up,), name=f"claimscope-kernel-{i}", daemon=True)
            for i in range(size)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, job_id, job: Callable[[Kernel], object]) -> None:
        self._pending += 1
        self._jobs.put((job_id, job))

    def events(self) -> Iterator[tuple[object, str, object]]:
        """(job id, "started" | "done", result or exception) until every submitted job is done."""
        while self._pending:
            job_id, what, value = self._events.get()
            if what == "done":
                self._pending -= 1
            yield job_id, what, value

    def _work(self, warm_up: str) -> None:
        kernel, broken = None, None
        try:  # at once, not at the first job: the kernel warms up while the build checks its inputs
            kernel = self._start(warm_up)
        except Exception as err:  # every job of this thread reports it
            broken = err
        while (item := self._jobs.get()) is not None:
            job_id, job = item
            self._events.put((job_id, "started", None))
            try:
                if broken is None and not kernel.alive():  # the last chapter killed it: a fresh one
                    kernel = self._start(warm_up)
                result = broken if broken is not None else job(kernel)
            except Exception as err:  # reported with the job; the next job gets a kernel that works
                result = err
            self._events.put((job_id, "done", result))
        if kernel is not None:
            kernel.shutdown()

    def _start(self, warm_up: str) -> Kernel:
        kernel = Kernel(warm_up)
        with self._lock:
            self._kernels.append(kernel)
            stopped = self._stopped
        if stopped:  # stop() came while it started
            kernel.kill()
        return kernel

    def seal(self) -> None:
        """No more jobs: each kernel stops as soon as it has no job left (freeing its memory)."""
        if not self._sealed:
            self._sealed = True
            for _ in self._threads:
                self._jobs.put(None)

    def close(self) -> None:
        """Let each kernel finish its jobs and stop politely."""
        self.seal()
        for thread in self._threads:
            thread.join(timeout=30)

    def stop(self) -> None:
        """Kill every kernel now (an interrupted build, or a pool no chapter used); the threads end."""
        with self._lock:
            self._stopped = True
            kernels = list(self._kernels)
        self.seal()
        for kernel in kernels:
            kernel.kill()  # one that already stopped is passed over
