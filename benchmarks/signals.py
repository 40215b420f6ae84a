"""Time article parsing plus sentence signals on the seed, and on the seed body repeated 10 and 100 times."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from claimscope.text import article, signals

SEED = "sora-gpt4-bottleneck"
COMMAND = ".venv/bin/python benchmarks/signals.py"


def repeated(seed: article.Article, times: int) -> str:
    """The seed's header once, then its body `times` times."""
    body_start = seed.paragraphs[0].start
    return seed.raw[:body_start] + "\n\n".join([seed.raw[body_start:].strip()] * times) + "\n"


def best_time(raw: str, runs: int) -> tuple[float, int]:
    """Fastest of `runs` parse + analyse passes, and the number of sentences."""
    best, count = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        art = article.parse(raw, Path(f"{SEED}/article.txt"))
        count = len(signals.analyse(art))
        best = min(best, time.perf_counter() - start)
    return best, count


def main() -> int:
    seed = article.load_slug(SEED)
    start = time.perf_counter()
    signals.entities("马斯克")
    print(f"jieba dictionary load (once per process): {time.perf_counter() - start:.2f} s")
    print(f"{'article':<14}{'characters':>12}{'sentences':>11}{'seconds':>10}{'µs/char':>10}")
    for times, runs in ((1, 7), (10, 3), (100, 1)):
        raw = repeated(seed, times)
        seconds, sentences = best_time(raw, runs)
        label = "seed" if times == 1 else f"seed x {times}"
        print(f"{label:<14}{len(raw):>12,}{sentences:>11,}{seconds:>10.3f}{seconds / len(raw) * 1e6:>10.2f}")
    print(f"(best of 7, 3 and 1 runs; Python {sys.version.split()[0]}; command: {COMMAND})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
