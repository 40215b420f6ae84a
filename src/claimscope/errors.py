"""Errors a user can act on, each with the exit code the command line gives for it."""


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
    """A chapter notebook raised while it ran; the executed notebook is kept for debugging."""

    exit_code = 1


class SystemDependencyError(ClaimscopeError):
    """Chromium or a CJK font is missing, so a correct PDF cannot be printed."""

    exit_code = 3


class BuildLockedError(ClaimscopeError):
    """Another build holds the output lock."""

    exit_code = 4
