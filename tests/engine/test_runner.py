import pytest

from claimscope.engine import runner


@pytest.fixture
def four_cores(monkeypatch):
    monkeypatch.setattr(runner.os, "cpu_count", lambda: 4)


def test_one_variants_chapters_share_one_kernel(four_cores):
    assert runner.kernel_count(None, 7) == 1
    assert runner.kernel_count(None, runner.CHAPTERS_PER_KERNEL) == 1


def test_more_chapters_start_more_kernels_up_to_one_per_core(four_cores):
    assert runner.kernel_count(None, runner.CHAPTERS_PER_KERNEL + 1) == 2
    assert runner.kernel_count(None, 28) == 4
    assert runner.kernel_count(None, 100) == 4


def test_a_requested_number_of_workers_is_kept_but_never_exceeds_the_chapters(four_cores):
    assert runner.kernel_count(2, 7) == 2
    assert runner.kernel_count(8, 3) == 3
    assert runner.workers(None, 3) == 3 and runner.workers(None, 9) == 4
