"""What a build was made from: commit, parameters, input hashes, package versions, timings."""

from __future__ import annotations

import functools
import hashlib
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from claimscope import paths

PACKAGES = (
    "claimscope",
    "papermill",
    "nbconvert",
    "nbclient",
    "altair",
    "vl-convert-python",
    "pandas",
    "numpy",
    "jieba",
    "pyyaml",
    "pydantic",
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def input_files(article: str) -> list[Path]:
    """Every file a variant's report depends on."""
    files = [paths.REPORTS_TOML, *paths.chapters()]
    files += sorted(p for p in paths.article_dir(article).rglob("*") if p.is_file())
    files += sorted(p for p in paths.DATA.rglob("*") if p.is_file() and "_incoming" not in p.parts)
    files += sorted(paths.PACKAGE.rglob("*.py")) + sorted(paths.RESOURCES.glob("*"))
    return [f for f in files if f.exists()]


def _label(path: Path) -> str:
    """A path relative to the project (or, for the package's own files, to its src folder)."""
    for base in (paths.ROOT, paths.PACKAGE.parent):
        if path.is_relative_to(base):
            return str(path.relative_to(base))
    return str(path)


def input_hashes(article: str) -> dict[str, str]:
    return {_label(f): sha256(f) for f in input_files(article)}


def git_commit() -> dict:
    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=paths.ROOT, capture_output=True, text=True, timeout=10
            ).stdout.strip()
        except (FileNotFoundError, subprocess.TimeoutExpired):
            return ""

    return {"commit": git("rev-parse", "HEAD") or None, "dirty": bool(git("status", "--porcelain"))}


@functools.cache  # installed packages do not change while a build runs
def versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out
