"""The HTML id of every entry the report links to; a module of its own so that views which only
name an anchor (show.paragraphs) do not load the analysis modules `links` needs."""

from __future__ import annotations

KINDS = ("claim", "check", "prediction", "event", "source", "figure", "paragraph")


def anchor(kind: str, id_: str) -> str:
    """The HTML id of an entry."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of entry {kind!r}: one of {', '.join(KINDS)}")
    return f"{kind}-{id_}"
