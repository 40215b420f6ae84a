"""Take in a new article: inspect what the parser and the signals make of it, or create its seed folder."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tomllib
from dataclasses import asdict
from pathlib import Path

from claimscope import paths
from claimscope.errors import InputError
from claimscope.text import article, draftfiles, signals


def _plain(value):
    """A metadata value as JSON can hold it (YAML may give dates)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _sentence_entry(sig: signals.SentenceSignals) -> dict:
    return {
        "index": sig.index,
        "paragraph": sig.paragraph,
        "score": sig.score,
        "text": sig.text,
        "reasons": sig.reasons,
    }


def _number_entry(sentence: int, n: signals.Number) -> dict:
    return {**asdict(n), "sentence": sentence}


def top_sentences(analysed: list[signals.SentenceSignals], top: int) -> list[signals.SentenceSignals]:
    """The `top` highest-scoring sentences, ties in reading order; headings and the title are never among them."""
    return sorted((sig for sig in analysed if not sig.heading), key=lambda sig: (-sig.score, sig.index))[:top]


def inspect(path: Path, top: int = 10) -> dict:
    """What the parser and the signals make of an article file, as JSON-serialisable data."""
    art = article.load(Path(path))
    analysed = signals.analyse(art)
    return {
        "file": str(path),
        "encoding": art.encoding,
        "metadata": {key: _plain(value) for key, value in art.meta.items()},
        "counts": {
            "paragraphs": len(art.paragraphs),
            "sentences": len(art.sentences),
            "characters": sum(len(p.text) for p in art.paragraphs),
        },
        "boilerplate": [dict(line) for line in art.boilerplate],
        "top_sentences": [_sentence_entry(sig) for sig in top_sentences(analysed, top)],
        "numbers": [_number_entry(sig.index, n) for sig in analysed for n in sig.numbers],
        "paragraphs": [
            {"number": p.number, "start": p.start, "end": p.end, "joined": p.joined, "text": p.text}
            for p in art.paragraphs
        ],
        "sentences": [
            {"index": s.index, "paragraph": s.paragraph, "start": s.start, "end": s.end, "text": s.text}
            for s in art.sentences
        ],
    }


def _terminal_safe(text: str) -> str:
    """Control characters shown as escapes, so a hostile article cannot drive the terminal."""
    return "".join(
        ch if ch in "\n\t" or (ord(ch) >= 32 and ord(ch) != 127) else ch.encode("unicode_escape").decode()
        for ch in str(text)
    )


def _value(low: float, high: float) -> str:
    def one(x: float) -> str:
        return f"{x:,.0f}" if x == int(x) and abs(x) < 1e18 else f"{x:g}"

    return one(low) if low == high else f"{one(low)}–{one(high)}"


def _preview(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def inspect_text(report: dict) -> str:
    """The `inspect` report as a plain-text summary for a terminal."""
    meta, counts = report["metadata"], report["counts"]
    lines = [f"{report['file']} ({report['encoding']})", ""]
    fields = ("title", "author", "date", "time", "place", "url")
    lines += [f"  {key:<8} {meta.get(key) or '(not found)'}" for key in fields]
    lines += [
        "",
        f"  {counts['paragraphs']} paragraphs, {counts['sentences']} sentences, "
        f"{counts['characters']:,} characters in the body",
    ]
    if report["boilerplate"]:
        lines += ["", "Dropped as boilerplate:"] + [f"  {b['line']}  ({b['reason']})" for b in report["boilerplate"]]
    lines += ["", f"Top {len(report['top_sentences'])} check-worthy sentences:"]
    for entry in report["top_sentences"]:
        lines.append(f"  {entry['score']:>5g}  S{entry['index']} (¶{entry['paragraph']})  {entry['text']}")
        lines += [f"           {reason}" for reason in entry["reasons"]]
    lines += ["", f"Numbers ({len(report['numbers'])}):"]
    for n in report["numbers"]:
        currency = f" {n['currency']}" if n["currency"] else ""
        lines.append(
            f"  S{n['sentence']:<4} {n['text']:<16} = {_value(n['low'], n['high'])} {n['unit']}{currency} ({n['kind']})"
        )
    lines += ["", "Paragraphs (raw offsets):"]
    lines += [f"  ¶{p['number']:<3} {p['start']:>6}-{p['end']:<6} {_preview(p['text'])}" for p in report["paragraphs"]]
    return _terminal_safe("\n".join(lines) + "\n")


def check_slug(slug: str) -> str:
    """The slug if it is lower-case letters, digits and '-', else an InputError saying so."""
    if not isinstance(slug, str) or not paths.SLUG.match(slug):
        raise InputError(
            f"slug {slug!r}: use 1-64 lower-case letters, digits and '-', starting with a letter or "
            f"digit (e.g. 'sora-gpt4-bottleneck')"
        )
    return slug


def _variant_names(reports_toml: Path) -> list[str]:
    if not reports_toml.exists():
        return []
    try:
        doc = tomllib.loads(reports_toml.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{reports_toml}: not valid TOML, so no variant can be added to it: {err}") from None
    return [entry.get("name") for entry in doc.get("variant", [])]


def variant_entry(slug: str, title: str) -> str:
    """The reports.toml lines of the new article's variant (JSON strings are valid TOML strings)."""
    return (
        f"\n[[variant]]\nname = {json.dumps(slug)}\ntitle = {json.dumps(title, ensure_ascii=False)}\n"
        f"[variant.parameters]\narticle = {json.dumps(slug)}\n"
    )


def create(path: Path, slug: str, seeds_dir: Path, reports_toml: Path) -> Path:
    """Copy an article into seeds_dir/slug with its draft files, and add its variant to reports_toml."""
    path, seeds_dir, reports_toml = Path(path), Path(seeds_dir), Path(reports_toml)
    check_slug(slug)
    folder = seeds_dir / slug
    if folder.exists():
        raise InputError(f"{folder}: already exists; choose another slug or remove the folder first")
    if slug in _variant_names(reports_toml):
        raise InputError(f"{reports_toml}: already has a variant named '{slug}'; choose another slug")
    art = article.load(path)
    staging = seeds_dir / f".{slug}.incoming"  # filled first, so a failure leaves no half-made folder
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        shutil.copyfile(path, staging / "article.txt")
        draftfiles.write_all(slug, art, staging)
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    title = art.meta.get("title") or f"Untitled article ({path.name})"  # never the slug dressed as a title
    _append(reports_toml, variant_entry(slug, _one_line(title)))
    return folder


def draft(slug: str, seeds_dir: Path, force: bool = False) -> list[str]:
    """(Re)write the draft files of an article already in seeds_dir/slug; return their names.

    Drafts an analyst may have started editing are kept unless `force`.
    """
    folder = Path(seeds_dir) / check_slug(slug)
    if not (folder / "article.txt").exists():
        raise InputError(f"{folder}: no article.txt; add the article first with `claimscope new FILE --name {slug}`")
    existing = sorted(p.name for p in folder.glob("*.draft.yaml"))
    if existing and not force:
        raise InputError(f"{folder}: already has {', '.join(existing)}; pass --force to draft them again")
    return draftfiles.write_all(slug, article.load(folder / "article.txt"), folder)


def _one_line(text: str) -> str:
    """A title without control characters, which TOML strings may not hold raw."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", str(text)).split())


def _append(reports_toml: Path, entry: str) -> None:
    existing = reports_toml.read_text(encoding="utf-8") if reports_toml.exists() else ""
    with reports_toml.open("a", encoding="utf-8") as out:
        out.write(("\n" if existing and not existing.endswith("\n") else "") + entry)
