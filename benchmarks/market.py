"""Time the industry model: a full Monte Carlo with 1,000,000 draws, and the chapter run by papermill.

    .venv/bin/python benchmarks/market.py [--runs 5] [--draws 1000000] [--chapter-runs 3]

Targets on the 2-core reference machine: Monte Carlo under 1 s, chapter under 10 s (default mc_draws).
Prints the median of several runs (the first Monte Carlo run, which warms caches, is not counted).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimscope import paths
from claimscope.analysis import market
from claimscope.analysis.market import montecarlo
from claimscope.engine import parameters as params

CHAPTER = paths.NOTEBOOKS / "04_industry.ipynb"
MODEL = market.load(params.PARAMETERS["article"].default)


def time_monte_carlo(draws: int, runs: int) -> list[float]:
    montecarlo.simulate(
        MODEL, 10_000, 0, params.PARAMETERS["disruption_threshold"].default
    )  # load figures and assumptions, warm NumPy
    seconds = []
    for run in range(runs):
        start = time.perf_counter()
        montecarlo.simulate(
            MODEL, draws, params.PARAMETERS["seed"].default + run, params.PARAMETERS["disruption_threshold"].default
        )
        seconds.append(time.perf_counter() - start)
    return seconds


def chapter_command(output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "papermill",
        CHAPTER.name,
        str(output),
        "-k",
        "python3",
        "--log-level",
        "ERROR",
        "--no-progress-bar",
    ]


def time_chapter(runs: int) -> tuple[list[float], str]:
    seconds = []
    with tempfile.TemporaryDirectory() as folder:
        command = chapter_command(Path(folder) / "04_out.ipynb")
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(command, cwd=paths.NOTEBOOKS, check=True, capture_output=True)
            seconds.append(time.perf_counter() - start)
    shown = chapter_command(Path("/tmp/04_out.ipynb"))
    return seconds, "cd notebooks && ../.venv/bin/python " + " ".join(shown[1:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chapter-runs", type=int, default=3)
    args = parser.parse_args(argv)

    mc = time_monte_carlo(args.draws, args.runs)
    print(
        f"Monte Carlo, {args.draws:,} draws, {len(MODEL.assumptions)} assumptions, "
        f"{len(MODEL.segments)} segments, fans {MODEL.spec.adoption_start}-{MODEL.headline_year}:"
    )
    print(
        f"  median {statistics.median(mc):.3f} s over {len(mc)} runs "
        f"(min {min(mc):.3f}, max {max(mc):.3f})  target < 1 s"
    )
    print(
        f"  command: .venv/bin/python benchmarks/market.py  (times claimscope.analysis.market.montecarlo.simulate({args.draws}, seed))"
    )
    if args.chapter_runs:
        chapter, command = time_chapter(args.chapter_runs)
        print(f"Chapter {CHAPTER.name} executed by papermill (mc_draws {params.PARAMETERS['mc_draws'].default:,}):")
        print(
            f"  median {statistics.median(chapter):.2f} s over {len(chapter)} runs "
            f"(min {min(chapter):.2f}, max {max(chapter):.2f})  target < 10 s"
        )
        print(f"  command: {command}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
