"""Errors a user can act on, each with the exit code the command line gives for it."""

from __future__ import annotations

from pathlib import Path


class ClaimscopeError(Exception):
    """Base class: the message says what went wrong and what to do."""

    exit_code = 1


class ParameterError(ClaimscopeError):
    """A report variant names an unknown parameter or gives it a value it does not allow."""

    exit_code = 2


class InputError(ClaimscopeError):
    """An input file (article, claims, sources, figures) is missing or malformed."""

    exit_code = 2


class ChapterError(ClaimscopeError):
    """A chapter notebook raised while it ran; the executed notebook is kept for debugging.

    Like papermill's PapermillExecutionError, it carries what failed as fields: the variant, the
    notebook, the failing cell (numbered from 1 over every cell as written, 0 if none), its first
    line, the error's name and value, and where the executed notebook is kept (once it is).
    """

    exit_code = 1

    def __init__(
        self,
        variant: str,
        notebook: str,
        cell: int = 0,
        line: str = "",
        ename: str = "",
        evalue: str = "",
        kept: Path | None = None,
    ):
        self.variant, self.notebook, self.cell, self.line = variant, notebook, cell, line
        self.ename, self.evalue, self.kept = ename, evalue, kept
        super().__init__(self.message())

    def message(self) -> str:
        where = f"variant '{self.variant}': {self.notebook}"
        if self.cell:
            what = f"{where} failed in cell {self.cell} (counting every cell from 1) `{self.line}`"
        else:
            what = f"{where} could not run"
        text = f"{what}: {self.ename}: {self.evalue}" if self.ename else what
        if self.kept is not None:
            text += f"\nthe executed notebook with the traceback is kept at {self.kept}"
        return text

    def keep(self, kept: Path) -> ChapterError:
        """The same error, saying where the executed notebook is kept."""
        return ChapterError(self.variant, self.notebook, self.cell, self.line, self.ename, self.evalue, kept)

    def __reduce__(self):  # picklable with its fields (chapters may run in other processes)
        return ChapterError, (self.variant, self.notebook, self.cell, self.line, self.ename, self.evalue, self.kept)


class BuildError(ClaimscopeError):
    """Chapters of one or more variants failed; the variants that built are published."""

    exit_code = 1

    def __init__(self, failures: list[ChapterError]):
        self.failures = failures
        super().__init__("\n".join(str(f) for f in failures))


class RenderError(ClaimscopeError):
    """The report could not be rendered as one self-contained page (it would load from the network)."""

    exit_code = 1


class SystemDependencyError(ClaimscopeError):
    """Chromium or a CJK font is missing, so a correct PDF cannot be printed."""

    exit_code = 3


class BuildLockedError(ClaimscopeError):
    """Another build holds the output lock."""

    exit_code = 4
