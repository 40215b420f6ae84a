"""Every validation that can run without a kernel, for `claimscope check` and before each build."""

from __future__ import annotations

from claimscope import paths
from claimscope.analysis import claims, evidence, factcheck, hindsight, market
from claimscope.engine import execute, variants
from claimscope.errors import InputError
from claimscope.text import article, translation


def run_all(selected: list[variants.Variant] | None = None) -> list[str]:
    """Run every check; return one line per check passed, raise on the first failure."""
    done = []
    if selected is None:
        selected = variants.load()
        done.append(f"reports.toml: {len(selected)} variant(s), every parameter valid")
    for notebook in paths.chapters():
        names = execute.declared(notebook)
        done.append(f"{notebook.name}: parameters {', '.join(names) or '(none)'} match their declarations")
    base = evidence.load()
    done.append(
        f"data/: {len(base.sources)} sources, {len(base.figures)} figures, {len(base.events)} events, "
        "every one with a source record"
    )
    for slug in sorted({v.parameters["article"] for v in selected}):
        done += _article_checks(slug, base)
    return done


def _article_checks(slug: str, base) -> list[str]:
    art = article.load_slug(slug)
    done = [f"seeds/{slug}: {len(art.paragraphs)} paragraphs, {len(art.sentences)} sentences"]
    english = translation.load(slug)
    if english is not None:
        problems = translation.alignment_problems(english, len(art.paragraphs))
        if problems:
            raise InputError(f"{english.path}: " + "; ".join(problems))
        done.append(f"seeds/{slug}/translation.en.md: aligned with {len(english.paragraphs)} paragraphs")
    claimset = claims.load(slug, art)
    if claimset is not None:
        done.append(f"seeds/{slug}/claims.yaml: {len(claimset.claims)} claims, quotes verbatim, graph acyclic")
    checks = factcheck.load(slug, art, claimset, base)
    if checks is not None:
        factcheck.results(checks, base)  # every verdict that differs from the rule's gives its reason
        done.append(
            f"seeds/{slug}/factchecks.yaml: {len(checks)} checks, quotes verbatim, every figure sourced, "
            "no verdict on tertiary sources alone, every override with its reason"
        )
    predictions = hindsight.load(slug, art, claimset, base)
    if predictions is not None:
        done.append(
            f"seeds/{slug}/predictions.yaml: {len(predictions)} predictions, every grade named by its criterion, "
            "every event sourced and pointing one way, no grade on tertiary sources alone"
        )
    quotes = [(f"claim {c.id}", c.quote, c.quote_en) for c in (claimset.claims if claimset else [])]
    quotes += [(f"check {c.id}", c.quote, c.quote_en) for c in checks or []]
    quotes += [(f"prediction {p.id}", p.quote, p.quote_en) for p in predictions or []]
    if paths.market_file(slug).exists():
        industry = market.load(slug)
        done.append(
            f"seeds/{slug}/market.yaml: {len(industry.segments)} segments, {len(industry.spec.claims)} claims, "
            f"{len(industry.assumptions)} assumptions, quotes verbatim"
        )
        quotes += [
            (f"industry quote ({topic})", q.text, q.en) for topic, qs in industry.spec.quotes.items() for q in qs
        ]
    conflicts = translation.quote_conflicts(quotes)
    if conflicts:
        raise InputError(f"seeds/{slug}: one translation per quote: " + "; ".join(conflicts))
    done.append(f"seeds/{slug}: every quote repeated across files has one translation")
    return done
