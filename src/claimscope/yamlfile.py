"""Read YAML input files quickly (libyaml when present), with errors that name the file."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError

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
