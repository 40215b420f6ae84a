"""Build at scale, measured side by side in one run on a copy of the project:

cold builds of every variant in reports.toml, alternating with the naive pipeline (a papermill
process, `jupyter nbconvert --to html` and a Chromium print per chapter of each variant), ROUNDS
times; a no-op rebuild; a rebuild after one parameter of one variant changes; cold builds of 1, 4
and 16 variants (variants differ in as_of and scenario). Wall and CPU seconds (the whole process
tree, see measure.py) as median (min-max) where repeated, and peak resident memory of the tree.

  .venv/bin/python benchmarks/scale.py [--rounds 3] [--naive-rounds N] [--skip-naive] [--sizes 1 4 16]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import measure

from claimscope import paths

BIN = Path(sys.executable).parent


def copy_project(root: Path) -> Path:
    for name in ("notebooks", "seeds", "data"):
        shutil.copytree(
            paths.ROOT / name, root / name, ignore=shutil.ignore_patterns("_incoming", ".ipynb_checkpoints")
        )
    shutil.copy(paths.REPORTS_TOML, root / "reports.toml")
    return root


def variants_toml(n: int) -> str:
    scenarios = ("base", "bear", "bull")
    out = []
    for i in range(n):
        as_of = dt.date(2024, 6, 30) + dt.timedelta(days=45 * i)
        out.append(
            f'[[variant]]\nname = "v{i:02d}"\n[variant.parameters]\narticle = "sora-gpt4-bottleneck"\n'
            f'scenario = "{scenarios[i % 3]}"\nas_of = "{as_of.isoformat()}"\n'
        )
    return "\n".join(out)


def build(env: dict, *args: str) -> measure.Measurement:
    return measure.run([str(BIN / "claimscope"), "build", "--quiet", *args], env)


def naive(root: Path, env: dict) -> measure.Measurement:
    """Every variant of reports.toml through the naive pipeline."""
    script = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); from build import naive; "
        "from claimscope.engine import variants; "
        "from pathlib import Path; [naive(v, Path(sys.argv[1])) for v in variants.load()]"
    )
    out = Path(tempfile.mkdtemp(dir=root, prefix="naive-"))
    return measure.run([sys.executable, "-c", script, str(out)], env)


def row(what: str, ms: list[measure.Measurement]) -> str:
    """One line of the table, also printed at once (a long run can be read as it goes)."""
    wall, cpu = [m.wall for m in ms], [m.cpu for m in ms]
    line = f"{what:<58} {measure.summary(wall):>18} {measure.summary(cpu):>18} {max(m.peak_mb for m in ms):8.0f}"
    print(line, flush=True)
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="cold builds of every variant, each beside a naive run")
    parser.add_argument("--skip-naive", action="store_true", help="leave out the naive pipeline (slow)")
    parser.add_argument("--naive-rounds", type=int, default=None, help="naive runs, in the first rounds (default: all)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 4, 16], help="numbers of variants")
    args = parser.parse_args()
    print(measure.machine(), flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp) / "project")
        env = {**os.environ, "CLAIMSCOPE_ROOT": str(root), "CLAIMSCOPE_OUTPUT": str(root / "output")}
        cold, naive_runs = [], []
        for i in range(args.rounds):
            shutil.rmtree(root / "output", ignore_errors=True)
            cold.append(build(env))
            print(
                f"round {i + 1}: claimscope, every variant {cold[-1].wall:6.1f} s {cold[-1].cpu:6.1f} CPU-s", flush=True
            )
            if not args.skip_naive and i < (args.rounds if args.naive_rounds is None else args.naive_rounds):
                naive_runs.append(naive(root, env))
                print(f"round {i + 1}: naive, every variant {naive_runs[-1].wall:6.1f} s", flush=True)
        rows.append(row("cold build, every variant of reports.toml", cold))
        if naive_runs:
            rows.append(row("naive pipeline, every variant of reports.toml", naive_runs))
        rows.append(row("no-op rebuild", [build(env) for _ in range(args.rounds)]))
        toml = root / "reports.toml"
        changed = []
        for i in range(args.rounds):
            toml.write_text(
                toml.read_text()
                .replace(f"seed = {i + 6}\n", "")
                .replace('scenario = "bull"', f'scenario = "bull"\nseed = {i + 7}')
            )
            changed.append(build(env))
        rows.append(row("rebuild after one parameter of one variant changes", changed))
        for n in args.sizes:
            shutil.rmtree(root / "output", ignore_errors=True)
            toml.write_text(variants_toml(n))
            rows.append(row(f"cold build, {n} variant(s)", [build(env)]))
    print(f"\n{'what':<58} {'wall s':>18} {'CPU s':>18} {'peak MB':>8}")
    for line in rows:
        print(line)
    if naive_runs:
        med = statistics.median
        print(
            f"\nnaive / claimscope, cold, every variant: wall {med([m.wall for m in naive_runs]) / med([m.wall for m in cold]):.2f}, "
            f"CPU {med([m.cpu for m in naive_runs]) / med([m.cpu for m in cold]):.2f}"
        )
    print(measure.machine())
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")


if __name__ == "__main__":
    main()
