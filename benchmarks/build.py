"""Time the naive pipeline against `claimscope build` on the same variant, side by side in one run.

(A) naive: for each chapter a separate `papermill` process, then `jupyter nbconvert --to html`,
    then a Chromium print of that HTML.
(B) `claimscope build VARIANT` into an empty output folder (cold), in its own process.
Runs A and B alternately ROUNDS times; prints wall and CPU seconds (the whole process tree,
Chromium and kernels included, see measure.py) as median (min-max), and the ratios A/B.

    .venv/bin/python benchmarks/build.py [--rounds 3] [--variant sora-base]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import measure

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


def naive_command(variant: variants.Variant, folder: Path) -> list[str]:
    """The naive pipeline as a command, so that its whole process tree is measured."""
    script = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); from build import naive; "
        "from claimscope.engine import variants; from pathlib import Path; "
        "naive(variants.select(variants.load(), [sys.argv[1]])[0], Path(sys.argv[2]))"
    )
    return [sys.executable, "-c", script, variant.name, str(folder)]


def claimscope_command(variant: variants.Variant, folder: Path) -> list[str]:
    return [str(BIN / "claimscope"), "build", variant.name, "--output", str(folder), "--quiet"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs of each pipeline (default 3)")
    parser.add_argument("--variant", default=None, help="variant from reports.toml (default: the first)")
    parser.add_argument(
        "--empty-machine-cache",
        action="store_true",
        help="give each build an empty per-machine cache too (it then bundles the chart libraries, ~2.5 CPU-s)",
    )
    args = parser.parse_args()
    chosen = variants.select(variants.load(), [args.variant] if args.variant else [])[0]
    print(measure.machine(), flush=True)
    runs: dict[str, list[measure.Measurement]] = {"naive": [], "claimscope": []}
    with tempfile.TemporaryDirectory() as root:
        for i in range(args.rounds):
            for name, command in (("naive", naive_command), ("claimscope", claimscope_command)):
                folder = Path(tempfile.mkdtemp(dir=root))
                env = dict(os.environ)
                if args.empty_machine_cache:
                    env["CLAIMSCOPE_CACHE"] = tempfile.mkdtemp(dir=root)
                m = measure.run(command(chosen, folder), env)
                runs[name].append(m)
                print(f"round {i + 1}: {name:<10} {m.wall:6.1f} s wall {m.cpu:6.1f} CPU-s", flush=True)
    a, b = runs["naive"], runs["claimscope"]
    med = statistics.median
    print(f"\nvariant {chosen.name}, {len(paths.chapters())} chapters, {args.rounds} rounds, median (min-max)")
    print(f"{'':<24} {'wall s':>18} {'CPU s':>18}")
    for label, ms in (("(A) naive pipeline", a), ("(B) claimscope build", b)):
        print(f"{label:<24} {measure.summary([m.wall for m in ms]):>18} {measure.summary([m.cpu for m in ms]):>18}")
    print(
        f"A/B wall {med([m.wall for m in a]) / med([m.wall for m in b]):.2f}, "
        f"CPU {med([m.cpu for m in a]) / med([m.cpu for m in b]):.2f}"
    )
    print(measure.machine())


if __name__ == "__main__":
    main()
