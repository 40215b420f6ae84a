"""Copies of the project to build in, and the command line run in its own process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from claimscope import paths


def copy_inputs(root: Path) -> Path:
    """The project's inputs (notebooks, seeds, data, reports.toml) copied to `root`."""
    for name in ("notebooks", "seeds", "data"):
        shutil.copytree(
            paths.ROOT / name, root / name, ignore=shutil.ignore_patterns("_incoming", ".ipynb_checkpoints")
        )
    shutil.copy(paths.REPORTS_TOML, root / "reports.toml")
    return root


def project_env(root: Path) -> dict:
    return {**os.environ, "CLAIMSCOPE_ROOT": str(root), "CLAIMSCOPE_OUTPUT": str(root / "output")}


def claimscope(*args: str, root: Path | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
    """Run the command line in its own process (in the project at `root`, else as the environment says)."""
    return subprocess.run(
        [sys.executable, "-m", "claimscope.cli", *args],
        capture_output=True,
        text=True,
        env=project_env(root) if root else dict(os.environ),
        timeout=timeout,
    )
