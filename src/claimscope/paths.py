"""Every path the project uses, derived from one root."""

from __future__ import annotations

import os
import re
from pathlib import Path

from claimscope.errors import InputError

MARKER = "reports.toml"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")  # a folder in seeds/ and a variant name: the same rule


def find_root(start: Path) -> Path | None:
    """The nearest folder holding reports.toml, from `start` upward (as git finds .git), or None."""
    for folder in (start, *start.parents):
        if (folder / MARKER).is_file():
            return folder
    return None


# CLAIMSCOPE_ROOT overrides; otherwise the project is the one the working directory is in (a chapter's
# kernel runs in notebooks/, so it finds the same project), never the folder the package is installed in.
_FOUND = Path(os.environ["CLAIMSCOPE_ROOT"]) if "CLAIMSCOPE_ROOT" in os.environ else find_root(Path.cwd().resolve())
ROOT = _FOUND or Path.cwd().resolve()

NOTEBOOKS = ROOT / "notebooks"
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
OUTPUT = Path(os.environ.get("CLAIMSCOPE_OUTPUT", ROOT / "output"))
REPORTS_TOML = ROOT / "reports.toml"

SOURCES = DATA / "sources.yaml"
FIGURES = DATA / "figures.csv"
EVENTS = DATA / "events.csv"

PACKAGE = Path(__file__).resolve().parent
RESOURCES = PACKAGE / "resources"
USER_DICT = RESOURCES / "userdict.txt"
REPORT_CSS = RESOURCES / "report.css"


def require_project() -> Path:
    """The project root, or a clear error when the working directory is not inside a project."""
    if _FOUND is None:
        raise InputError(
            f"no {MARKER} in {Path.cwd()} or any folder above it: run claimscope inside a project "
            "(the folder holding reports.toml), or set CLAIMSCOPE_ROOT"
        )
    return ROOT


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


def market_file(slug: str) -> Path:
    return article_dir(slug) / "market.yaml"


def assumptions_file(slug: str) -> Path:
    return article_dir(slug) / "assumptions.yaml"


def chapters() -> list[Path]:
    """Chapter notebooks in build order (NN_name.ipynb)."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


# ---------------------------------------------------------------- the output folder's layout
#
#   output/index.html                 every published variant, linked
#   output/<variant>                  a link to the variant's published build, swapped atomically:
#                                     report.html, report.pdf, report.ipynb, notebooks/, data/, run.json
#   output/.builds/<variant>-<time>-  the build folders behind those links (and ones being staged)
#   output/.cache/<key>.ipynb         executed chapters, reused by any variant with the same key
#   output/.cache/running/            chapters executing now
#   output/.failed/<variant>/         executed notebooks of chapters that failed
#   output/.build.lock                held by the build writing to the folder


def variant_dir(variant: str, output: Path | None = None) -> Path:
    """Where a published variant lives (a link swapped atomically on publish)."""
    return (output or OUTPUT) / variant


# Inside a variant's folder:
REPORT_HTML = "report.html"  # the report, self-contained
REPORT_PDF = "report.pdf"
REPORT_NOTEBOOK = "report.ipynb"  # the merged, executed chapters
CHAPTERS_DIR = "notebooks"  # each executed chapter
DATA_DIR = "data"  # the chapters' data exports
RUN_RECORD = "run.json"  # what the build was made from, and the keys of its chapters


def run_record(variant: str, output: Path | None = None) -> Path:
    """The published variant's run.json."""
    return variant_dir(variant, output) / RUN_RECORD


def index_page(output: Path | None = None) -> Path:
    return (output or OUTPUT) / "index.html"


def builds_dir(output: Path | None = None) -> Path:
    """Where the real build folders behind the variant links live."""
    return (output or OUTPUT) / ".builds"


def cache_dir(output: Path | None = None) -> Path:
    """Executed chapters kept under their keys."""
    return (output or OUTPUT) / ".cache"


def cached_chapter(key: str, output: Path | None = None) -> Path:
    return cache_dir(output) / f"{key}.ipynb"


def running_dir(output: Path | None = None) -> Path:
    """Chapters being executed (a killed build leaves them; the next one removes them)."""
    return cache_dir(output) / "running"


def user_cache() -> Path:
    """Files computed once per machine from installed packages (CLAIMSCOPE_CACHE overrides)."""
    default = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimscope"
    return Path(os.environ.get("CLAIMSCOPE_CACHE") or default)


def vega_bundle_file(version: str) -> Path:
    """The chart libraries every report embeds, as bundled by vl-convert `version`."""
    return user_cache() / f"vega-bundle-{version}.js"


def font_subset_file(key: str) -> Path:
    """A CJK font subset (engine.fonts), named by the hash of its characters, source font and fontTools version."""
    return user_cache() / f"cjk-subset-{key}.woff"


def failed_dir(variant: str, output: Path | None = None) -> Path:
    """Where a failed build keeps its executed notebooks for debugging."""
    return (output or OUTPUT) / ".failed" / variant


def draft_file(slug: str, name: str) -> Path:
    """A drafted input beside the curated one it stands in for: claims -> claims.draft.yaml."""
    return article_dir(slug) / f"{name}.draft.yaml"


def lock_file(output: Path | None = None) -> Path:
    return (output or OUTPUT) / ".build.lock"


def temporary(target: Path) -> Path:
    """A hidden sibling of `target` to write before an atomic rename onto it."""
    return target.with_name(f".{target.name}.tmp-{os.getpid()}")


def leftovers(output: Path | None = None) -> list[Path]:
    """Temporary files an interrupted build may have left in the output folder."""
    output = output or OUTPUT
    return [*output.glob(".*.tmp-*"), *output.glob(".*.link-*"), *cache_dir(output).glob(".*.tmp-*")]
