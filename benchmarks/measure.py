"""Measure a command: wall seconds, CPU seconds of its whole process tree, peak resident memory.

CPU counts every process the command starts, Chromium's and the kernels' included: this process
becomes a "child subreaper" (Linux), so descendants whose parents exit without waiting for them
are re-parented here and reaped, and their CPU time lands in RUSAGE_CHILDREN. Peak memory is the
resident memory of the tree summed, sampled every 0.1 s (an upper bound: forked processes share pages).
"""

from __future__ import annotations

import ctypes
import os
import platform
import resource
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass

import psutil

PR_SET_CHILD_SUBREAPER = 36


@dataclass
class Measurement:
    wall: float
    cpu: float
    peak_mb: float


def become_subreaper() -> bool:
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _reap_orphans(grace: float = 5.0) -> None:
    """Wait for descendants re-parented here, for at most `grace` seconds."""
    end = time.monotonic() + grace
    while time.monotonic() < end:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.05)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str], env: dict | None = None) -> Measurement:
    """Run `cmd` to the end; raise SystemExit with its stderr if it fails."""
    become_subreaper()
    cpu_before = _children_cpu()
    peak = 0
    done = threading.Event()
    start = time.perf_counter()
    proc = psutil.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def sample():
        nonlocal peak
        while not done.is_set():
            try:
                tree = [proc, *proc.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.1)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    _reap_orphans()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err.decode(errors='replace')[-3000:]}")
    return Measurement(wall, _children_cpu() - cpu_before, peak / 2**20)


def machine() -> str:
    """One line naming the machine: cores, CPU model, Python, load average when measured."""
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"nproc {os.cpu_count()}, {model}, Python {platform.python_version()}, load average {load}"


def summary(values: list[float]) -> str:
    """median (min-max) of a list of seconds."""
    return f"{statistics.median(values):6.1f} ({min(values):.1f}-{max(values):.1f})"
