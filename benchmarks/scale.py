"""Build at scale, measured in one run on a copy of the project:

cold build of every variant in reports.toml, against the naive pipeline (a papermill process,
`jupyter nbconvert --to html` and a Chromium print per chapter of each variant);
a no-op rebuild; a rebuild after one parameter of one variant changes;
cold builds of 1, 4 and 16 variants (variants differ in as_of and scenario);
peak resident memory of the whole process tree of each build (sampled every 0.1 s).

  .venv/bin/python benchmarks/scale.py [--skip-naive] [--sizes 1 4 16]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

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


def measured(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB, summed over the process tree) of a command."""
    proc = psutil.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            try:
                tree = [proc] + proc.children(recursive=True)
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.1)

    start = time.perf_counter()
    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err.decode()[-2000:]}")
    return seconds, peak / 2**20


def build(env: dict, *args: str) -> tuple[float, float]:
    return measured([str(BIN / "claimscope"), "build", "--quiet", *args], env)


def naive(root: Path, env: dict) -> float:
    """Every variant of reports.toml through the naive pipeline."""
    script = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); from build import naive; "
        "from claimscope.engine import variants; "
        "from pathlib import Path; [naive(v, Path(sys.argv[1])) for v in variants.load()]"
    )
    out = root / "naive"
    out.mkdir()
    seconds, _ = measured([sys.executable, "-c", script, str(out)], env)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-naive", action="store_true", help="leave out the naive pipeline (slow)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 4, 16], help="numbers of variants")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp) / "project")
        env = {**os.environ, "CLAIMSCOPE_ROOT": str(root), "CLAIMSCOPE_OUTPUT": str(root / "output")}
        cold, cold_mem = build(env)
        rows.append(("cold build, every variant of reports.toml", cold, cold_mem))
        noop, noop_mem = build(env)
        rows.append(("no-op rebuild", noop, noop_mem))
        toml = root / "reports.toml"
        toml.write_text(toml.read_text().replace('scenario = "bull"', 'scenario = "bull"\nseed = 7'))
        one, one_mem = build(env)
        rows.append(("rebuild after one parameter of one variant changes", one, one_mem))
        if not args.skip_naive:
            rows.append(("naive pipeline, every variant of reports.toml", naive(root, env), float("nan")))
        for n in args.sizes:
            shutil.rmtree(root / "output", ignore_errors=True)
            toml.write_text(variants_toml(n))
            seconds, mem = build(env)
            rows.append((f"cold build, {n} variant(s)", seconds, mem))
    print(f"\n{'what':<55} {'seconds':>8} {'peak MB':>8}")
    for what, seconds, mem in rows:
        print(f"{what:<55} {seconds:8.1f} {mem:8.0f}")
    if not args.skip_naive:
        print(f"\nnaive / claimscope (cold, every variant) = {rows[3][1] / rows[0][1]:.2f}")
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")


if __name__ == "__main__":
    main()
