"""Files computed from installed packages and kept in the user's cache folder (paths.user_cache()).

What is kept there is a pure function of its name: the name carries every version and input the
content depends on, so a file found is a file that would be made again byte for byte.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from claimscope import paths

KEEP = 32  # files of one kind kept; the least recently made beyond that are removed


def remember(file: Path, make: Callable[[], bytes]) -> bytes:
    """The bytes of `file`, made by `make()` and kept there the first time they are asked for."""
    if file.exists():
        return file.read_bytes()
    content = make()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = paths.temporary(file)
        tmp.write_bytes(content)
        os.replace(tmp, file)
        _prune(file)
    except OSError:  # a read-only home: make it again next time
        pass
    return content


def _prune(file: Path) -> None:
    """Keep the KEEP newest files of `file`'s kind (the part of its name before the first '-')."""
    kind = file.name.split("-")[0]
    same = sorted(file.parent.glob(f"{kind}-*{file.suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in same[KEEP:]:
        old.unlink(missing_ok=True)
