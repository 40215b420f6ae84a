"""Read YAML input files quickly (libyaml when present), with errors that name the file."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from claimscope.errors import InputError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: Path):
    """The file's data; InputError naming the file when it is missing or not valid YAML."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: not found") from None
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as err:
        raise InputError(f"{path}: not valid YAML: {err}") from None


def records(path: Path, key: str, model, label: str) -> list:
    """The list under `key`, each item validated by the pydantic `model`.

    An invalid item is an InputError naming the file, the item (by id) and the field."""
    data = load(path) or {}
    items = data.get(key, []) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InputError(f"{path}: expected a mapping with a list under '{key}'")
    found = []
    for i, raw in enumerate(items, 1):
        try:
            found.append(model.model_validate(raw))
        except ValidationError as err:
            first = err.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            name = raw.get("id", i) if isinstance(raw, dict) else i
            raise InputError(f"{path}: {label} {name!r}, field '{field}': {first['msg']}") from None
    return found
