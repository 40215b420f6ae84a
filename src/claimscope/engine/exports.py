"""Data files written next to each report (output/<variant>/data/), one function per chapter."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from claimscope import paths
from claimscope.text import article


def article_title(slug: str) -> str:
    """A one-line description of the article for the report's subtitle."""
    art = article.load_slug(slug)
    meta = art.meta
    parts = [meta.get("title") or "an untitled article", meta.get("author"), meta.get("date")]  # never the slug
    return "Analysis of “" + " · ".join(str(p) for p in parts if p).replace("“", "") + "”"


def article_frames(values: dict) -> dict[str, pd.DataFrame]:
    art = article.load_slug(values["article"])
    return {"paragraphs.csv": article.paragraph_frame(art), "sentences.csv": article.sentence_frame(art)}


def argument_files(values: dict) -> dict[str, object]:
    """claims.csv, the argument in AIF JSON, and in Argdown (of the DRAFT argument when no curated claims exist)."""
    from claimscope.analysis import argmap, claims

    claimset = claims.load_or_draft(values["article"])
    return {
        "claims.csv": claims.frame(claimset),
        "argument.aif.json": argmap.aif(claimset),
        "argument.argdown": argmap.argdown(claimset),
    }


def factcheck_frames(values: dict) -> dict[str, pd.DataFrame]:
    from claimscope.analysis import factcheck

    checks = factcheck.load(values["article"])
    return {"factcheck.csv": factcheck.export(factcheck.results(checks))} if checks else {}


def hindsight_frames(values: dict) -> dict[str, pd.DataFrame]:
    from claimscope.analysis import hindsight

    predictions = hindsight.load(values["article"])
    if not predictions:
        return {}
    return {"hindsight.csv": hindsight.export(hindsight.table(predictions, values["as_of"]))}


def market_frames(values: dict) -> dict[str, pd.DataFrame]:
    from claimscope.analysis import market
    from claimscope.analysis.market import model

    if not paths.market_file(values["article"]).exists():
        return {}
    return model.exports(market.load(values["article"]), values["disruption_threshold"])


EXPORTERS = [article_frames, argument_files, factcheck_frames, market_frames, hindsight_frames]


def write_all(values: dict, folder: Path) -> list[Path]:
    """Write every chapter's exports for a variant's parameter values."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for exporter in EXPORTERS:
        for name, content in exporter(values).items():
            target = folder / name
            if isinstance(content, pd.DataFrame):
                content.to_csv(target, index=False, encoding="utf-8")
            elif isinstance(content, str):
                target.write_text(content, encoding="utf-8")
            else:
                target.write_text(json.dumps(content, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            written.append(target)
    return written
