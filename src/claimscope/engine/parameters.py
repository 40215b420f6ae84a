"""Report parameters: each declared once, with type, range and help, and validated before a run."""

from __future__ import annotations

import ast
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from claimscope import paths
from claimscope.errors import ParameterError


@dataclass(frozen=True)
class Param:
    name: str
    type: type
    default: Any
    help: str
    choices: tuple[str, ...] | None = None
    low: float | None = None
    high: float | None = None
    is_date: bool = False
    dynamic_choices: Callable[[], list[str]] | None = None

    def allowed(self) -> str:
        """What values are allowed, in words."""
        if self.choices:
            return "one of " + " | ".join(self.choices)
        if self.dynamic_choices:
            return "one of " + " | ".join(self.dynamic_choices()) + " (folders in seeds/)"
        if self.is_date:
            return f"a date YYYY-MM-DD from {self.low} to {self.high}"
        if self.low is not None:
            return f"a{'n' if self.type is int else ''} {self.type.__name__} from {_num(self.low)} to {_num(self.high)}"
        return f"a {self.type.__name__}"

    def parse(self, text: str) -> Any:
        """A value given as text on the command line (`-p mc_draws=5000`), in this parameter's type."""
        if self.type is str:
            return text
        try:
            return self.type(text)
        except ValueError:
            raise ValueError(
                f"is not a{'n' if self.type is int else ''} {self.type.__name__}; expected {self.allowed()}"
            ) from None

    def check(self, value: Any) -> Any:
        """Return the value if allowed, else raise ValueError saying what is allowed."""
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.type) or isinstance(value, bool) and self.type is not bool:
            raise ValueError(f"has type {type(value).__name__}, expected {self.allowed()}")
        options = self.choices or (self.dynamic_choices() if self.dynamic_choices else None)
        if options is not None and value not in options:
            raise ValueError(f"is not allowed; expected {self.allowed()}")
        if self.is_date:
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"is not a date; expected {self.allowed()}") from None
            if not (self.low <= day.isoformat() <= self.high):
                raise ValueError(f"is out of range; expected {self.allowed()}")
        elif self.low is not None and not (self.low <= value <= self.high):
            raise ValueError(f"is out of range; expected {self.allowed()}")
        return value

    def declaration(self) -> str:
        """The line that declares this parameter in a notebook's `parameters` cell."""
        value = json.dumps(self.default, ensure_ascii=False) if isinstance(self.default, str) else repr(self.default)
        return f"{self.name}: {self.type.__name__} = {value}  # {self.help} ({self.allowed_short()})"

    def allowed_short(self) -> str:
        if self.choices:
            return " | ".join(self.choices)
        if self.dynamic_choices:
            return "a folder in seeds/"
        if self.is_date:
            return "YYYY-MM-DD"
        if self.low is not None:
            return f"{_num(self.low)}..{_num(self.high)}"
        return self.type.__name__


def _num(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def _articles() -> list[str]:
    return sorted(p.parent.name for p in paths.SEEDS.glob("*/article.txt"))


AS_OF_DEFAULT = "2026-11-29"

PARAMETERS: dict[str, Param] = {
    p.name: p
    for p in [
        Param("article", str, "sora-gpt4-bottleneck", "article analysed", dynamic_choices=_articles),
        Param("top_n", int, 15, "check-worthy sentences listed", low=5, high=100),
        Param("scenario", str, "base", "industry scenario", choices=("bear", "base", "bull")),
        Param("mc_draws", int, 200_000, "Monte Carlo draws", low=1_000, high=2_000_000),
        Param("seed", int, 20240219, "random seed of the Monte Carlo", low=0, high=2**32 - 1),
        Param(
            "disruption_threshold",
            float,
            0.05,
            "savings share of segment revenue that counts as disruption",
            low=0.001,
            high=0.5,
        ),
        Param(
            "as_of",
            str,
            AS_OF_DEFAULT,
            "last day whose events count in hindsight",
            low="2000-01-01",
            high="2100-12-31",
            is_date=True,
        ),
    ]
}


def validate(values: dict[str, Any], where: str) -> dict[str, Any]:
    """Check every value; return the full parameter set with defaults filled in.

    `where` names the variant in the message, e.g. "reports.toml: variant 'sora-bull'".
    """
    for name, value in values.items():
        if name not in PARAMETERS:
            known = ", ".join(PARAMETERS)
            raise ParameterError(f"{where}: unknown parameter '{name}' = {value!r}; known parameters: {known}")
        try:
            PARAMETERS[name].check(value)
        except ValueError as err:
            raise ParameterError(f"{where}: parameter '{name}' = {value!r} {err}") from None
    full = {name: p.default for name, p in PARAMETERS.items()}
    full.update({k: float(v) if PARAMETERS[k].type is float else v for k, v in values.items()})
    return full


def overrides(pairs: list[str]) -> dict[str, Any]:
    """`NAME=VALUE` pairs from the command line, each parsed in its parameter's type and checked."""
    found = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        if not sep or name not in PARAMETERS:
            known = ", ".join(PARAMETERS)
            raise ParameterError(f"-p {pair!r}: expected NAME=VALUE with NAME one of {known}")
        try:
            found[name] = PARAMETERS[name].check(PARAMETERS[name].parse(text))
        except ValueError as err:
            raise ParameterError(f"-p {pair!r}: parameter '{name}' = {text!r} {err}") from None
    return found


def check_chapter(namespace: dict[str, Any]) -> None:
    """Validate the parameters a chapter holds, wherever it runs (claimscope build, papermill, JupyterLab).

    A chapter calls this in the cell after its `parameters` cell, so a bad value stops it before any
    work with the same message `claimscope build` gives.
    """
    validate({name: namespace[name] for name in PARAMETERS if name in namespace}, "chapter")


def declared_in(source: str) -> dict[str, str]:
    """Parameter names and their declaration lines in a `parameters` cell's source."""
    found = {}
    for line in source.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        node = ast.parse(line.split("  #")[0].strip()).body[0]
        if not isinstance(node, ast.AnnAssign):
            raise ParameterError(f"parameters cell: '{line}' is not of the form `name: type = value  # help`")
        found[node.target.id] = line.strip()
    return found


def check_declarations(source: str, notebook: str) -> list[str]:
    """Check a notebook's `parameters` cell against the registry; return the names it declares."""
    declared = declared_in(source)
    for name, line in declared.items():
        if name not in PARAMETERS:
            raise ParameterError(f"{notebook}: parameter '{name}' is not declared in claimscope.engine.parameters")
        expected = PARAMETERS[name].declaration()
        if line != expected:
            raise ParameterError(f"{notebook}: parameter line\n  {line}\ndiffers from its declaration\n  {expected}")
    return list(declared)
