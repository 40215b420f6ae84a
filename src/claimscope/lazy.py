"""Defer the slow import of rfc3987_syntax until jsonschema first checks an IRI (it never does here).

`import jsonschema` (pulled in by Altair and nbformat) imports `rfc3987_syntax` for its "iri"
format checker when the `format-nongpl` extra is installed (jupyter-events asks for it), and that
import compiles a Lark grammar: about 2.7 s of every process that draws a chart or reads a
notebook (python-jsonschema/jsonschema#1392, #1521). This module puts a stand-in in its place
whose one function loads the real module on first call, so the checker keeps working and costs
nothing until it is used. `claimscope/__init__.py` installs it, before anything imports jsonschema.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
import types

NAME = "rfc3987_syntax"


def _load_real() -> types.ModuleType:
    """Import the real package in place of the stand-in (its submodules import it by name)."""
    spec = importlib.machinery.PathFinder.find_spec(NAME)
    module = importlib.util.module_from_spec(spec)
    sys.modules[NAME] = module
    spec.loader.exec_module(module)
    return module


def is_valid_syntax(term: str, value: str) -> bool:
    return _load_real().is_valid_syntax(term, value)


def defer_rfc3987_syntax() -> bool:
    """Install the stand-in unless the package is missing or already imported; True if installed."""
    if NAME in sys.modules or "jsonschema" in sys.modules:
        return False
    if importlib.machinery.PathFinder.find_spec(NAME) is None:
        return False
    stand_in = types.ModuleType(NAME, "stand-in that imports rfc3987_syntax on first use (claimscope.lazy)")
    stand_in.is_valid_syntax = is_valid_syntax
    sys.modules[NAME] = stand_in
    return True
