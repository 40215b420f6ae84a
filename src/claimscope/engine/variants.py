"""Report variants from reports.toml, validated before any kernel starts."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimscope import paths
from claimscope.engine import parameters as params
from claimscope.errors import InputError, ParameterError


@dataclass(frozen=True)
class Variant:
    name: str
    title: str
    parameters: dict[str, Any] = field(default_factory=dict)


def load(path: Path = paths.REPORTS_TOML) -> list[Variant]:
    """Every variant in the file, each with validated, complete parameters."""
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: not found; it lists the report variants to build") from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{path}: not valid TOML: {err}") from None
    entries = doc.get("variant", [])
    if not entries:
        raise InputError(f"{path}: no [[variant]] entries")
    variants, seen = [], set()
    for i, entry in enumerate(entries, 1):
        name = entry.get("name")
        where = f"{path.name}: variant '{name}'" if name else f"{path.name}: variant #{i}"
        if not isinstance(name, str) or not paths.SLUG.match(name):
            raise ParameterError(f"{where}: name must be lower-case letters, digits and '-' (got {name!r})")
        if name in seen:
            raise ParameterError(f"{where}: the name is used twice")
        unknown = set(entry) - {"name", "title", "parameters"}
        if unknown:
            raise ParameterError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: name, title, parameters")
        seen.add(name)
        values = params.validate(entry.get("parameters", {}), where)
        variants.append(Variant(name, entry.get("title", name), values))
    return variants


def select(variants: list[Variant], names: list[str], overrides: dict[str, Any] | None = None) -> list[Variant]:
    """The named variants (all when none named); an unknown name is an error.

    `overrides` (from `claimscope build -p NAME=VALUE`) gives one-off variants, published as
    `<name>-custom` so that they never replace the reports reports.toml lists.
    """
    by_name = {v.name: v for v in variants}
    missing = [n for n in names if n not in by_name]
    if missing:
        raise ParameterError(f"unknown variant(s) {missing}; reports.toml lists {list(by_name)}")
    chosen = [by_name[n] for n in names] if names else variants
    if not overrides:
        return chosen
    changes = ", ".join(f"{k}={v}" for k, v in overrides.items())
    return [
        Variant(
            f"{v.name}-custom",
            f"{v.title} (one-off: {changes})",
            params.validate({**v.parameters, **overrides}, f"-p for variant '{v.name}'"),
        )
        for v in chosen
    ]
