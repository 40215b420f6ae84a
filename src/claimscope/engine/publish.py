"""Stage a build beside the published one, then publish it by one atomic rename."""

from __future__ import annotations

import html
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from claimscope import paths


def stage(variant: str, output: Path) -> Path:
    """A fresh folder for a new build of `variant`, invisible to readers until published."""
    builds = paths.builds_dir(output)
    builds.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{variant}-{time.strftime('%Y%m%dT%H%M%S')}-", dir=builds))
    folder.chmod(0o755)  # readable like any published file
    return folder


def publish(staged: Path, variant: str, output: Path) -> Path:
    """Point output/<variant> at `staged` atomically; remove the build it replaces."""
    link = paths.variant_dir(variant, output)
    previous = Path(os.readlink(link)) if link.is_symlink() else None
    if link.exists() and not link.is_symlink():  # a plain folder from an older layout: move it aside first
        previous = paths.builds_dir(output) / f"{variant}-legacy-{os.getpid()}"
        link.rename(previous)
    tmp = paths.temporary(link)
    tmp.unlink(missing_ok=True)
    os.symlink(os.path.relpath(staged, link.parent), tmp)
    os.replace(tmp, link)
    if previous is not None:
        old = previous if previous.is_absolute() else link.parent / previous
        if old.resolve() != staged.resolve():
            shutil.rmtree(old, ignore_errors=True)
    return link


def clean_leftovers(output: Path) -> list[Path]:
    """Remove what an interrupted build left behind: unpublished build folders and temporary files.

    Call it only while holding the output lock, so no other build is half-way through."""
    builds = paths.builds_dir(output)
    live = {Path(os.readlink(p)).name for p in output.iterdir() if p.is_symlink()} if output.exists() else set()
    removed = []
    for folder in builds.iterdir() if builds.exists() else []:
        if folder.name not in live:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    for tmp in paths.leftovers(output):
        tmp.unlink(missing_ok=True)
        removed.append(tmp)
    running = paths.running_dir(output)  # chapters a killed build was executing
    if running.exists():
        shutil.rmtree(running, ignore_errors=True)
        removed.append(running)
    return removed


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)


def write_atomic(path: Path, text: str) -> None:
    tmp = paths.temporary(path)
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def describe(values: dict) -> str:
    """What a variant changes from the defaults, in words ("industry scenario bear; as of 2024-12-31")."""
    from claimscope.engine import parameters as params

    changed = []
    for name, value in values.items():
        param = params.PARAMETERS.get(name)
        if param is None or value == param.default or name == "article":
            continue
        what = param.help.split("(")[0].strip()
        changed.append(f"{what}: {value:,}" if isinstance(value, int | float) else f"{what}: {value}")
    return "; ".join(changed) or "the defaults"


def _variant_row(folder: Path, run: dict) -> str:
    name = html.escape(folder.name)
    values = run.get("parameters", {})
    return (
        f"<tr><td><b>{html.escape(run.get('title', folder.name))}</b><br><code>{name}</code></td>"
        f"<td>{html.escape(values.get('article', ''))}</td><td>{html.escape(describe(values))}</td>"
        f"<td>{html.escape(run.get('finished', '').replace('T', ' ').replace('Z', ' UTC'))}</td>"
        f'<td><a href="{name}/{paths.REPORT_HTML}">HTML</a> · <a href="{name}/{paths.REPORT_PDF}">PDF</a> · '
        f'<a href="{name}/data/">data</a> · <a href="{name}/{paths.RUN_RECORD}">{paths.RUN_RECORD}</a></td></tr>'
    )


INDEX_INTRO = (
    "Each report takes an article apart: its argument, a check of its figures against sourced data, "
    "a model of the industries it talks about, and its predictions against what happened. "
    "Variants of one article differ only in the parameters named below."
)


def write_index(output: Path) -> Path:
    """output/index.html: one row per published variant: its title, what it changes, its HTML and PDF."""
    rows = []
    for link in sorted(p for p in output.iterdir() if p.is_symlink() or paths.run_record(p.name, output).exists()):
        run_file = paths.run_record(link.name, output)
        if not run_file.exists():
            continue
        rows.append(_variant_row(link, json.loads(run_file.read_text(encoding="utf-8"))))
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>claimscope reports</title>'
        "<style>body{font-family:'DejaVu Sans',sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;"
        "line-height:1.5;color:#1d2329}.wrap{overflow-x:auto}table{border-collapse:collapse;width:100%}"
        "td,th{padding:.4rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}"
        "a{color:#1f5f8b}</style></head><body><h1>claimscope reports</h1>"
        f"<p>{html.escape(INDEX_INTRO)}</p>"
        '<div class="wrap"><table><thead><tr><th>Report</th><th>Article</th><th>What this variant changes</th>'
        "<th>Built</th><th>Files</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div></body></html>\n"
    )
    index = paths.index_page(output)
    write_atomic(index, page)
    return index
