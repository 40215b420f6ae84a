"""Time the naive pipeline against `claimscope build` on the same variant, in one run.

(A) naive: for each chapter a separate `papermill` process, then `jupyter nbconvert --to html`,
    then a Chromium print of that HTML.
(B) `claimscope build VARIANT` in its own process.
Runs A and B alternately ROUNDS times and prints the medians and the ratio A/B.

    .venv/bin/python benchmarks/build.py [--rounds 3] [--variant sora-base]
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
from claimscope.engine import execute, pdf, variants

BIN = Path(sys.executable).parent


def naive(variant: variants.Variant, folder: Path) -> None:
    browser = pdf.check_toolchain()
    for notebook in paths.chapters():
        out = folder / notebook.name
        args = [
            str(BIN / "papermill"),
            str(notebook),
            str(out),
            "-k",
            "python3",
            "--log-level",
            "ERROR",
            "--cwd",
            str(paths.NOTEBOOKS),
        ]
        for name in execute.declared(notebook):
            args += ["-r" if isinstance(variant.parameters[name], str) else "-p", name, str(variant.parameters[name])]
        subprocess.run(args, check=True, capture_output=True)
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(out)], check=True, capture_output=True)
        pdf.print_pdf(out.with_suffix(".html"), out.with_suffix(".pdf"), browser)


def claimscope_build(variant: variants.Variant, folder: Path) -> None:
    subprocess.run(
        [str(BIN / "claimscope"), "build", variant.name, "--output", str(folder), "--quiet"],
        check=True,
        capture_output=True,
    )


def timed(step, variant, root: Path) -> float:
    with tempfile.TemporaryDirectory(dir=root) as folder:
        start = time.perf_counter()
        step(variant, Path(folder))
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs of each pipeline (default 3)")
    parser.add_argument("--variant", default=None, help="variant from reports.toml (default: the first)")
    args = parser.parse_args()
    chosen = variants.select(variants.load(), [args.variant] if args.variant else [])[0]
    times = {"naive": [], "claimscope": []}
    with tempfile.TemporaryDirectory() as root:
        for i in range(args.rounds):
            for name, step in (("naive", naive), ("claimscope", claimscope_build)):
                seconds = timed(step, chosen, Path(root))
                times[name].append(seconds)
                print(f"round {i + 1}: {name:<10} {seconds:6.1f} s", flush=True)
    a, b = statistics.median(times["naive"]), statistics.median(times["claimscope"])
    print(f"\nvariant {chosen.name}, {len(paths.chapters())} chapters, {args.rounds} rounds")
    print(f"(A) naive pipeline     median {a:6.1f} s")
    print(f"(B) claimscope build   median {b:6.1f} s")
    print(f"A/B = {a / b:.2f}")


if __name__ == "__main__":
    main()
