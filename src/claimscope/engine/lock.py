"""One writer at a time in an output folder: an exclusive lock held for the whole build."""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
from pathlib import Path

from claimscope import paths
from claimscope.errors import BuildLockedError


@contextlib.contextmanager
def held(output: Path, wait: bool = True):
    """Hold the output folder's lock; wait for another build to finish, or fail at once."""
    output.mkdir(parents=True, exist_ok=True)
    path = paths.lock_file(output)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            if not wait:
                raise BuildLockedError(
                    f"another build ({holder}) is writing to {output}; "
                    "try again when it ends, or drop --no-wait to wait for it"
                ) from None
            print(
                f"waiting for another build ({holder}) to finish writing to {output} ...", file=sys.stderr, flush=True
            )
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
