"""What makes a built chapter or report stale: hashed code, parameters, input files, source, versions.

A chapter's key covers its notebook's cells, the values of the parameters it declares, the input
files it reads and the claimscope modules it imports (both found statically, see dependencies.py:
editing cli.py or a module no chapter imports reruns nothing) and the package versions. Unlike a
freeze of code alone, parameters and data are part of the key. A variant is up to date when the
keys of all its chapters (and the show-code choice) match those recorded in its published run.json.
Executed chapters are kept in the output folder's cache (paths.cached_chapter) and reused by any
variant with the same key.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from claimscope import paths
from claimscope.engine import dependencies, execute, provenance

PARTS = ("code", "parameters", "inputs", "source", "versions")


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def chapter_parts(notebook: Path, values: dict, versions: str) -> dict[str, str]:
    """The hashed parts of a chapter's key: code, parameter values, inputs read, source imported, versions."""
    nb = execute.read(notebook)
    code = [(c["cell_type"], execute.source(c)) for c in nb["cells"]] + [nb.get("metadata", {}).get("claimscope", {})]
    declared = {k: values[k] for k in execute.declared(notebook)}
    modules = dependencies.modules([source for kind, source in code[:-1] if kind == "code"])
    return {
        "code": _digest(code),
        "parameters": _digest(declared),
        "inputs": _digest(dependencies.inputs(modules, values["article"])),
        "source": _digest(dependencies.sources(modules)),
        "versions": versions,
    }


@dataclass
class ChapterPlan:
    notebook: Path
    key: str
    parts: dict
    cached: bool
    reason: str


@dataclass
class VariantPlan:
    variant: object
    key: str
    chapters: list[ChapterPlan] = field(default_factory=list)
    rebuild: bool = True
    reason: str = ""

    def record(self) -> dict:
        """What run.json keeps so that the next build can tell what changed."""
        return {"key": self.key, "chapters": {c.notebook.name: {"key": c.key, "parts": c.parts} for c in self.chapters}}


def published_record(variant: str, output: Path) -> dict:
    run = paths.run_record(variant, output)
    if not run.exists():
        return {}
    return json.loads(run.read_text(encoding="utf-8")).get("cache", {})


def _changed(parts: dict, before: dict | None) -> str:
    if not before:
        return "not built before"
    changed = [p for p in PARTS if parts.get(p) != before.get("parts", {}).get(p)]
    return "changed: " + ", ".join(changed) if changed else "unchanged"


def plan(variant, output: Path, show_code: bool, force: bool) -> VariantPlan:
    """Which chapters of a variant must run, which come from the cache, and why."""
    versions = _digest(provenance.versions())
    before = published_record(variant.name, output)
    chapters = []
    for notebook in paths.chapters():
        parts = chapter_parts(notebook, variant.parameters, versions)
        key = _digest(parts)
        cached = not force and paths.cached_chapter(key, output).exists()
        reason = _changed(parts, before.get("chapters", {}).get(notebook.name))
        chapters.append(ChapterPlan(notebook, key, parts, cached, "reused from the cache" if cached else reason))
    key = _digest({"chapters": [c.key for c in chapters], "show_code": show_code})
    result = VariantPlan(variant, key, chapters)
    if force:
        result.reason = "forced"
    elif before.get("key") == key and paths.variant_dir(variant.name, output).exists():
        result.rebuild, result.reason = False, "up to date"
    else:
        changed = sorted({c.reason for c in chapters if c.reason not in ("unchanged", "reused from the cache")})
        result.reason = "; ".join(changed) or ("the report's options changed" if before else "not built before")
    return result


def store(output: Path, key: str, executed: Path) -> Path:
    """Keep an executed chapter under its key (atomically)."""
    target = paths.cached_chapter(key, output)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = paths.temporary(target)
    tmp.write_bytes(executed.read_bytes())
    os.replace(tmp, target)
    return target


def prune(output: Path) -> int:
    """Drop cached chapters that no published variant refers to; return how many."""
    live = set()
    for link in output.iterdir() if output.exists() else []:
        run = paths.run_record(link.name, output)
        if not link.name.startswith(".") and run.exists():
            record = json.loads(run.read_text(encoding="utf-8")).get("cache", {})
            live |= {c["key"] for c in record.get("chapters", {}).values()}
    removed = 0
    folder = paths.cache_dir(output)
    for entry in folder.glob("*.ipynb") if folder.exists() else []:
        if entry.stem not in live:
            entry.unlink()
            removed += 1
    return removed
