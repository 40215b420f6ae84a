"""How much of the seed article's curated argument the automatic draft recovers.

Share of curated claims (seeds/<article>/claims.yaml) whose quote overlaps a draft candidate, the
ratio of candidates to curated claims, and the share of curated support/attack links that the draft
finds between candidates overlapping the two ends (same relation, same direction).
"""

from __future__ import annotations

import sys
import time

from claimscope.analysis import claims
from claimscope.text import article, drafts, signals

COMMAND = ".venv/bin/python benchmarks/drafts.py [ARTICLE]"
SEED = "sora-gpt4-bottleneck"


def main(slug: str = SEED) -> dict:
    art = article.load_slug(slug)
    curated = claims.load(slug, art=art)
    start = time.perf_counter()
    cands, _ = drafts.draft(art, signals.analyse(art))
    seconds = time.perf_counter() - start
    result = drafts.compare(art, cands, curated)
    print(f"{COMMAND}  (article: {slug}; drafted in {seconds:.2f} s)")
    for key, value in result.items():
        print(f"  {key:<48} {value:.2f}" if isinstance(value, float) else f"  {key:<48} {value}")
    return result


if __name__ == "__main__":
    main(*sys.argv[1:2])
