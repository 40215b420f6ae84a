"""Warm kernels: chapters give the same outputs whatever ran before them in the kernel (slow)."""

from __future__ import annotations

import copy

import nbformat
import pytest

from claimscope import paths
from claimscope.engine import execute, kernels, parameters
from claimscope.errors import ChapterError
from claimscope.views import charts

pytestmark = pytest.mark.slow
VALUES = {name: p.default for name, p in parameters.PARAMETERS.items()}


def _outputs(nb) -> list:
    """Every cell's outputs as a reader of the report sees them: chart specs, not Altair's random div ids."""
    seen = []
    for cell in nb.cells:
        for out in copy.deepcopy(cell.get("outputs", [])):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                continue  # library warnings show once per process; the report drops them
            if charts.VEGALITE_MIME in out.get("data", {}):
                out["data"].pop("text/html")
            seen.append(out)
    return seen


def _run_in_order(order: list, folder):
    def job(kernel):
        ran = {}
        for notebook in order:
            target = folder / f"{notebook.stem}-{order[0].stem}.ipynb"
            execute.run(notebook, target, VALUES, "order", kernel)
            nb = nbformat.read(target, as_version=4)
            ran[notebook.name] = (_outputs(nb), [c.execution_count for c in nb.cells if c.cell_type == "code"])
        return ran

    return job


def test_chapters_give_the_same_outputs_in_any_order_in_a_warm_kernel(tmp_path):
    chapters = paths.chapters()
    pool = kernels.Pool(2, kernels.warm_up_code(chapters))
    pool.submit("forward", _run_in_order(chapters, tmp_path))
    pool.submit("reverse", _run_in_order(chapters[::-1], tmp_path))
    runs = {job: value for job, what, value in pool.events() if what == "done"}
    pool.close()
    forward, reverse = runs["forward"], runs["reverse"]
    assert not isinstance(forward, Exception) and not isinstance(reverse, Exception), (forward, reverse)
    for name in forward:
        assert forward[name][0] == reverse[name][0], name
        counts = [n for n in forward[name][1] if n is not None]
        assert counts == list(range(1, len(counts) + 1)), name  # counted from 1, as in a fresh kernel
        assert forward[name][1] == reverse[name][1], name


def test_a_failing_chapter_leaves_the_kernel_usable_and_its_namespace_does_not_leak(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(parameters.PARAMETERS["article"].declaration(), metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("leaked = 1"),
        nbformat.v4.new_code_cell("raise ValueError('deliberate')"),
    ]
    failing = tmp_path / "failing.ipynb"
    nbformat.write(nb, failing)
    nb.cells[1:] = [nbformat.v4.new_code_cell("print('leaked' in globals())")]
    probe = tmp_path / "probe.ipynb"
    nbformat.write(nb, probe)
    kernel = kernels.Kernel()
    try:
        with pytest.raises(ChapterError) as failed:
            execute.run(failing, tmp_path / "failing-out.ipynb", VALUES, "v", kernel)
        assert (failed.value.cell, failed.value.ename, failed.value.evalue) == (3, "ValueError", "deliberate")
        execute.run(probe, tmp_path / "probe-out.ipynb", VALUES, "v", kernel)
    finally:
        kernel.shutdown()
    ran = nbformat.read(tmp_path / "probe-out.ipynb", as_version=4)
    assert ran.cells[-1].outputs[0]["text"] == "False\n"


def test_a_pool_starts_its_kernels_before_any_job_and_a_stop_leaves_none_running():
    import time

    import psutil

    pool = kernels.Pool(1)
    deadline = time.monotonic() + 60
    while not pool._kernels and time.monotonic() < deadline:  # no job submitted: the kernel starts anyway
        time.sleep(0.1)
    assert pool._kernels, "the kernel did not start before a job came"
    pid = pool._kernels[0].pid
    pool.stop()
    time.sleep(0.5)
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
