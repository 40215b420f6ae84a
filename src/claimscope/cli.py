"""Command line: `claimscope build | list | check | inspect | new | draft | clean`; each hands off to the library."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
from importlib.metadata import version
from pathlib import Path

from claimscope import paths
from claimscope.engine import build as builder
from claimscope.engine import parameters as params
from claimscope.engine import variants
from claimscope.engine.progress import Progress
from claimscope.errors import ClaimscopeError


def cmd_build(args: argparse.Namespace) -> int:
    if args.dry_run:
        overrides = params.overrides(args.set)
        for p in builder.plan(args.variants, Path(args.output), args.show_code, args.force, overrides):
            print(f"{p.variant.name}: {'build' if p.rebuild else 'skip'} ({p.reason})")
            for c in p.chapters if p.rebuild else []:
                print(f"  {c.notebook.name}: {'cached' if c.cached else 'run'} ({c.reason})")
        return 0
    progress = Progress("quiet" if args.quiet else None)
    results = builder.build(
        args.variants,
        Path(args.output),
        args.show_code,
        progress,
        wait=not args.no_wait,
        force=args.force,
        workers=args.workers,
        scheduler=args.scheduler,
        overrides=params.overrides(args.set),
    )
    for result in results:
        print(f"{result.variant}: {result.status} ({result.reason}) -> {result.folder}/report.html")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    print("Variants (reports.toml):")
    for v in variants.load():
        changed = {k: v.parameters[k] for k in v.parameters if v.parameters[k] != params.PARAMETERS[k].default}
        print(f"  {v.name:<20} {v.title}" + (f"  {changed}" if changed else ""))
    print("\nParameters (claimscope.engine.parameters):")
    for p in params.PARAMETERS.values():
        print(f"  {p.name:<22} {p.type.__name__:<6} default {p.default!r:<24} {p.help}; {p.allowed()}")
    print("\nChapters:")
    for nb in paths.chapters():
        print(f"  {nb.name}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from claimscope.engine import checks  # pandas, pydantic: a no-op build does without them

    for line in checks.run_all():
        print(f"ok  {line}")
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    from claimscope.text import intake  # here: jieba and pandas load only for the commands that read articles

    report = intake.inspect(Path(args.file), top=args.top)
    print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else intake.inspect_text(report))
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from claimscope.text import intake  # here: jieba and pandas load only for the commands that read articles

    folder = intake.create(Path(args.file), args.name, paths.SEEDS, paths.REPORTS_TOML)
    drafts = ", ".join(p.name for p in sorted(folder.glob("*.draft.yaml")))
    print(
        f"created {folder} (article.txt, {drafts}) and variant '{args.name}' in {paths.REPORTS_TOML.name};"
        f" build it with: claimscope build {args.name}"
    )
    return 0


def cmd_draft(args: argparse.Namespace) -> int:
    from claimscope.text import intake  # here: jieba and pandas load only for the commands that read articles

    names = intake.draft(args.slug, paths.SEEDS, force=args.force)
    print(f"wrote {', '.join(names)} in {paths.article_dir(args.slug)}")
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    output = Path(args.output)
    removed = 0
    for entry in output.iterdir() if output.exists() else []:
        if entry.name == "README.md":
            continue
        if entry.is_symlink() or entry.is_file():
            entry.unlink()
        else:
            shutil.rmtree(entry)
        removed += 1
    print(f"removed {removed} entr{'y' if removed == 1 else 'ies'} from {output}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="claimscope",
        description="Build analytical reports that take a commentary article apart and weigh it against sourced data.",
        epilog="Exit codes: 0 ok, 1 a chapter failed, 2 bad parameters or input files, 3 missing Chromium, "
        "CJK font or Graphviz, 4 another build holds the output folder (--no-wait), 130 interrupted.",
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {version('claimscope')}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser(
        "build",
        help="run the chapters and write HTML, PDF and data for report variants",
        description="Validate every variant, run each chapter in warm kernels (in parallel; "
        "chapters whose code, parameters, inputs, source and package versions are "
        "unchanged come from the cache), and publish output/<variant>/report.html, "
        "report.pdf, data/ and run.json. A failed build leaves the previous report "
        "untouched.",
    )
    b.add_argument("variants", nargs="*", metavar="VARIANT", help="variants from reports.toml (default: all)")
    b.add_argument(
        "-p",
        dest="set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a one-off parameter value (repeatable), as papermill's -p; the report is published as "
        "<variant>-custom and never replaces a listed variant",
    )
    b.add_argument("--show-code", action="store_true", help="show the code cells in the report (hidden by default)")
    b.add_argument("--output", default=str(paths.OUTPUT), help="output folder (default: %(default)s)")
    b.add_argument(
        "--quiet",
        action="store_true",
        help="no progress output (otherwise a bar per variant on a terminal, one line per step in a log)",
    )
    b.add_argument("--force", action="store_true", help="rebuild even what is up to date (ignore the cache)")
    b.add_argument("--dry-run", action="store_true", help="say what would run and why, and run nothing")
    b.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="chapters run at once on this machine (default: one kernel per 8 chapters to run, at most one per core)",
    )
    b.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="run the chapters on this Dask cluster; its workers must see the project and output "
        "folders at the same paths",
    )
    b.add_argument(
        "--no-wait",
        action="store_true",
        help="if another build holds the output folder, exit at once (code 4) instead of waiting",
    )
    b.set_defaults(func=cmd_build)

    ls = sub.add_parser(
        "list",
        help="list variants, parameters (type, range, help) and chapters",
        description="List the report variants in reports.toml with the parameters they change, every "
        "parameter a variant may set (type, default, allowed values, help), and the "
        "chapter notebooks in build order.",
    )
    ls.set_defaults(func=cmd_list)

    c = sub.add_parser(
        "check",
        help="validate variants, notebooks, articles, claims, checks, predictions and data",
        description="Run every validation that needs no kernel: variant parameters, the parameters "
        "cell of each chapter, sources, figures and events, and for each article its "
        "translation, claims (verbatim quotes, links, cycles), fact checks and "
        "predictions. Errors name the file, the record and the field; exit code 2.",
    )
    c.set_defaults(func=cmd_check)

    i = sub.add_parser(
        "inspect",
        help="show metadata, counts, check-worthy sentences and numbers of any article file",
        description="Read an article file (UTF-8 or GBK text, or HTML) and show what the report's "
        "first chapter would find: metadata, counts, the most check-worthy sentences "
        "and every number with its normalised value.",
    )
    i.add_argument("file", help="the article file")
    i.add_argument("--json", action="store_true", help="print everything (with offsets) as JSON")
    i.add_argument("--top", type=int, default=10, help="check-worthy sentences to list (default: %(default)s)")
    i.set_defaults(func=cmd_inspect)

    n = sub.add_parser(
        "new",
        help="add an article: seeds/SLUG/ with draft claims, fact checks and predictions, and a report variant",
        description="Copy an article into seeds/SLUG/ byte for byte, write its draft files (as "
        "`claimscope draft` does) for an analyst to review, and add a variant to "
        "reports.toml so `claimscope build SLUG` builds its report.",
    )
    n.add_argument("file", help="the article file")
    n.add_argument(
        "--name", required=True, metavar="SLUG", help="folder and variant name: lower-case letters, digits, '-'"
    )
    n.set_defaults(func=cmd_new)

    d = sub.add_parser(
        "draft",
        help="draft claims, fact checks and predictions for an article in seeds/",
        description="Write claims.draft.yaml (the argument drafted from the article's discourse structure: "
        "candidate claims with a guessed type, role and support/attack links), factchecks.draft.yaml (a "
        "candidate check for every sentence with a number) and predictions.draft.yaml into seeds/SLUG/, "
        "for an analyst to curate into claims.yaml, factchecks.yaml and predictions.yaml.",
    )
    d.add_argument("slug", metavar="SLUG", help="the article's folder in seeds/")
    d.add_argument("--force", action="store_true", help="replace draft files that exist already")
    d.set_defaults(func=cmd_draft)

    cl = sub.add_parser(
        "clean",
        help="remove built reports from the output folder",
        description="Remove every built report, the index and leftovers from the output folder; "
        "its README stays. Inputs are never touched.",
    )
    cl.add_argument("--output", default=str(paths.OUTPUT), help="output folder (default: %(default)s)")
    cl.set_defaults(func=cmd_clean)
    return top


class Terminated(BaseException):
    """SIGTERM, turned into an exception so that a build cleans up its staged files."""


def _terminate(signum, frame):
    raise Terminated()


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    # nbformat checks every notebook it reads and writes against its schema; its fastjsonschema
    # validator does the same check about 20 times faster (0.007 against 0.14 s on a merged report)
    os.environ.setdefault("NBFORMAT_VALIDATOR", "fastjsonschema")
    try:
        if args.command != "inspect":  # inspect reads any file; every other command works on a project
            paths.require_project()
        return args.func(args)
    except ClaimscopeError as err:
        print(f"claimscope: error: {err}", file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        sys.stdout = open(os.devnull, "w")
        return 0
    except (KeyboardInterrupt, Terminated) as err:
        print("claimscope: interrupted; the published reports are unchanged", file=sys.stderr)
        return 143 if isinstance(err, Terminated) else 130


if __name__ == "__main__":
    sys.exit(main())
