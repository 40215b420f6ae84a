"""Data files written next to each report (output/<variant>/data/), one function per chapter."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import article


def article_title(slug: str) -> str:
    """A one-line description of the article for the report's subtitle."""
    art = article.load_slug(slug)
    meta = art.meta
    parts = [meta.get("title") or slug, meta.get("author"), meta.get("date")]
    return "Analysis of “" + " · ".join(str(p) for p in parts if p).replace("“", "") + "”"


def article_frames(slug: str) -> dict[str, pd.DataFrame]:
    art = article.load_slug(slug)
    return {"paragraphs.csv": article.paragraph_frame(art), "sentences.csv": article.sentence_frame(art)}


EXPORTERS = [article_frames]


def write_all(values: dict, folder: Path) -> list[Path]:
    """Write every chapter's exports for a variant's parameter values."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for exporter in EXPORTERS:
        for name, frame in exporter(values["article"]).items():
            target = folder / name
            frame.to_csv(target, index=False, encoding="utf-8")
            written.append(target)
    return written
