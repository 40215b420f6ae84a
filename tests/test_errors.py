"""Errors carry what a user needs to act, as fields and in their message."""

import pickle
from pathlib import Path

from claimscope.errors import BuildError, ChapterError


def test_a_chapter_error_names_variant_notebook_cell_and_error_and_says_where_the_notebook_is_kept():
    error = ChapterError("sora-base", "notebooks/99_x.ipynb", 4, "raise ValueError('x')", "ValueError", "x")
    assert str(error) == (
        "variant 'sora-base': notebooks/99_x.ipynb failed in cell 4 (counting every cell from 1) "
        "`raise ValueError('x')`: ValueError: x"
    )
    kept = error.keep(Path("/out/.failed/sora-base/99_x.ipynb"))
    assert (kept.variant, kept.notebook, kept.cell, kept.ename, kept.evalue) == (
        "sora-base",
        "notebooks/99_x.ipynb",
        4,
        "ValueError",
        "x",
    )
    assert kept.kept == Path("/out/.failed/sora-base/99_x.ipynb") and str(kept).endswith("99_x.ipynb")
    assert "is kept at /out/.failed/sora-base/99_x.ipynb" in str(kept)


def test_a_chapter_error_survives_a_trip_to_another_process():
    error = ChapterError("v", "n.ipynb", 2, "x = 1/0", "ZeroDivisionError", "division by zero")
    again = pickle.loads(pickle.dumps(error))
    assert (again.variant, again.cell, again.ename, str(again)) == ("v", 2, "ZeroDivisionError", str(error))


def test_a_chapter_that_could_not_start_says_so():
    assert str(ChapterError("v", "n.ipynb", ename="DeadKernelError", evalue="died")) == (
        "variant 'v': n.ipynb could not run: DeadKernelError: died"
    )


def test_a_build_error_lists_every_failure_and_exits_1():
    failures = [ChapterError("a", "x.ipynb"), ChapterError("b", "y.ipynb")]
    error = BuildError(failures)
    assert error.failures == failures and error.exit_code == 1
    assert str(error).splitlines() == [str(failures[0]), str(failures[1])]
