"""Every path the project uses, derived from one root."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("CLAIMSCOPE_ROOT", Path(__file__).resolve().parents[2]))

NOTEBOOKS = ROOT / "notebooks"
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
OUTPUT = Path(os.environ.get("CLAIMSCOPE_OUTPUT", ROOT / "output"))
REPORTS_TOML = ROOT / "reports.toml"

SOURCES = DATA / "sources.yaml"
FIGURES = DATA / "figures.csv"
EVENTS = DATA / "events.csv"
ASSUMPTIONS = DATA / "assumptions.yaml"

PACKAGE = Path(__file__).resolve().parent
RESOURCES = PACKAGE / "resources"
USER_DICT = RESOURCES / "userdict.txt"
REPORT_CSS = RESOURCES / "report.css"


def article_dir(slug: str) -> Path:
    """The folder of one article in seeds/."""
    return SEEDS / slug


def article_text(slug: str) -> Path:
    return article_dir(slug) / "article.txt"


def claims_file(slug: str) -> Path:
    return article_dir(slug) / "claims.yaml"


def translation_file(slug: str) -> Path:
    return article_dir(slug) / "translation.en.md"


def factchecks_file(slug: str) -> Path:
    return article_dir(slug) / "factchecks.yaml"


def predictions_file(slug: str) -> Path:
    return article_dir(slug) / "predictions.yaml"


def chapters() -> list[Path]:
    """Chapter notebooks in build order (NN_name.ipynb)."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def variant_dir(variant: str, output: Path | None = None) -> Path:
    """Where a published variant lives (a link swapped atomically on publish)."""
    return (output or OUTPUT) / variant


def builds_dir(output: Path | None = None) -> Path:
    """Where the real build folders behind the variant links live."""
    return (output or OUTPUT) / ".builds"


def failed_dir(variant: str, output: Path | None = None) -> Path:
    """Where a failed build keeps its executed notebooks for debugging."""
    return (output or OUTPUT) / ".failed" / variant


def draft_file(slug: str, name: str) -> Path:
    """A drafted input beside the curated one it stands in for: claims -> claims.draft.yaml."""
    return article_dir(slug) / f"{name}.draft.yaml"
