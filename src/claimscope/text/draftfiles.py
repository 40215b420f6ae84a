"""The draft files `claimscope new` and `claimscope draft` write into seeds/<slug>/ for an analyst to curate:
claims.draft.yaml, factchecks.draft.yaml and predictions.draft.yaml, each shaped like the curated file it
stands in for, with the automatic reasons beside every entry."""

from __future__ import annotations

import yaml

from claimscope.text import drafts, signals

CLAIMS_HEADER = """\
# DRAFT argument for {slug}, drafted automatically from the article's discourse structure
# (claimscope.text.drafts): every sentence of the body, cut into clauses at discourse markers, is a
# candidate claim with a guessed type, role, evidence and support/attack links. Nothing here is an
# analyst's judgement yet. To curate: drop the candidates that carry no claim, shorten quotes to the
# span that carries it (it must stay verbatim in its paragraph), correct type, role and links, write
# quote_en, paraphrase, topic and assessment, delete each `draft` block, and save as claims.yaml
# (the form of seeds/sora-gpt4-bottleneck/claims.yaml).
"""
FACTCHECKS_HEADER = """\
# DRAFT fact checks for {slug}: one candidate for every sentence with a number (claimscope.text.numbers
# reads each figure, shown under `numbers`). To curate: keep the checks worth making, cut `quote` to
# the figure's clause, add evidence (figure ids from data/figures.csv) or sources, write quote_en and
# reasoning, delete each `draft` block, and save as factchecks.yaml.
"""
PREDICTIONS_HEADER = """\
# DRAFT predictions for {slug}: the candidate claims whose guessed type is predictive. To curate: keep
# the real predictions, write statement, criterion and horizon (YYYY-MM-DD), delete each `draft`
# block, and save as predictions.yaml.
"""
NOTE = (
    "DRAFT: drafted automatically from the article's discourse structure (discourse markers, questions, "
    "hedges, headings, numbers), not curated. Types, roles and links are guesses for an analyst to review."
)
_COMPARISON = {"exact": "approx", "approximate": "approx", "range": "range", "lower-bound": "at_least"}


def _dump(header: str, slug: str, data: dict) -> str:
    return header.format(slug=slug) + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def claims_entries(cands: list[drafts.Candidate]) -> list[dict]:
    return [
        {
            "id": c.id,
            "paragraph": c.paragraph,
            "quote": c.quote,
            "quote_en": "",
            "paraphrase": "",
            "type": c.type,
            "role": c.role,
            "topic": "",
            "evidence": c.evidence,
            "devices": [],
            "supports": list(c.supports),
            "attacks": list(c.attacks),
            "checkable": c.type == "statistical" or bool([n for n in c.signals.numbers if n.text in c.quote]),
            "assessment": "",
            "draft": {
                "sentence": c.sentence,
                "opens with": c.cue,
                "links": c.why,
                "status": "unreviewed",
            },
        }
        for c in cands
    ]


def claims_draft(slug: str, analysed, drafted) -> str:
    """claims.draft.yaml: the draft argument, in the shape of claims.yaml."""
    cands, parts = drafted
    sections = [{**s, "summary": ""} for s in parts]
    data = {"article": slug, "note": NOTE, "sections": sections, "claims": claims_entries(cands)}
    return _dump(CLAIMS_HEADER, slug, data)


def _claim_of(sig, cands: list[drafts.Candidate]) -> str | None:
    return next((c.id for c in cands if c.sentence == sig.index), None)


def factchecks_draft(slug: str, analysed, drafted) -> str:
    """factchecks.draft.yaml: a candidate check for every sentence with a number."""
    cands, _ = drafted
    checks = []
    for sig in analysed:
        if sig.heading or not sig.numbers:
            continue
        main = max(sig.numbers, key=lambda n: n.unit not in ("number", "year"))
        checks.append(
            {
                "id": f"fc-s{sig.index}",
                "claim": _claim_of(sig, cands),
                "paragraph": sig.paragraph,
                "quote": sig.text,
                "quote_en": "",
                "kind": "quantity",
                "comparison": _COMPARISON.get(main.kind, "approx"),
                "currency": main.currency if main.currency in ("USD", "CNY") else None,
                "evidence": [],
                "verdict": None,
                "reasoning": "",
                "draft": {
                    "numbers": [
                        {"text": n.text, "low": n.low, "high": n.high, "unit": n.unit, "currency": n.currency}
                        for n in sig.numbers
                    ],
                    "status": "unreviewed",
                },
            }
        )
    return _dump(FACTCHECKS_HEADER, slug, {"checks": checks})


def predictions_draft(slug: str, analysed, drafted) -> str:
    """predictions.draft.yaml: the candidates whose guessed type is predictive."""
    cands, _ = drafted
    found = [c for c in cands if c.type == "predictive"]
    entries = [
        {
            "id": f"H{k:02d}",
            "claims": [c.id],
            "paragraph": c.paragraph,
            "quote": c.quote,
            "quote_en": "",
            "statement": "",
            "criterion": "",
            "horizon": None,
            "marker": ", ".join(c.signals.hedges + c.signals.certainty) or None,
            "draft": {"status": "unreviewed"},
        }
        for k, c in enumerate(found, 1)
    ]
    return _dump(PREDICTIONS_HEADER, slug, {"predictions": entries})


WRITERS = {"claims": claims_draft, "factchecks": factchecks_draft, "predictions": predictions_draft}


def write_all(slug: str, art, folder) -> list[str]:
    """Write every draft file into `folder`; return their names."""
    analysed = signals.analyse(art)
    drafted = drafts.draft(art, analysed)
    names = []
    for name, writer in WRITERS.items():
        (folder / f"{name}.draft.yaml").write_text(writer(slug, analysed, drafted), encoding="utf-8")
        names.append(f"{name}.draft.yaml")
    return names
