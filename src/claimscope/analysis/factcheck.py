"""The article's checkable claims against sourced evidence, with a verdict from a documented rule.

Verdict rule for a quantity (the article states a value a, or a range lo..hi; the evidence is E, or a
range):
  1. Put both in the same currency (a sourced exchange-rate figure, named in the check).
  2. Ratio r: 1 if E lies inside the article's range (or the two ranges overlap), else the article's
     nearer bound divided by E. "More than x" (at_least) holds when E >= x; "at most x" when E <= x.
  3. accurate     if r is within 10% (1/1.1 <= r <= 1.1; exactly 1 for at_least / at_most);
     roughly right if within 50% (1/1.5 <= r <= 1.5);
     overstated   if r > 1.5;  understated if r < 1/1.5.
  4. Several definitions of the evidence: the first decides; if another lands in a different class
     (accurate or roughly right versus overstated or understated), or a "more than" / "at most"
     claim holds under one definition and not under another, the verdict is "depends on
     definition". No evidence at the article's date: "unverifiable".
A curated check may override the computed verdict; the report then shows both, with the reason.
Non-numeric facts carry the analyst's verdict: accurate | roughly right | inaccurate | unverifiable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from claimscope import paths, yamlfile
from claimscope.analysis import claims
from claimscope.analysis import evidence as evidence_base
from claimscope.errors import InputError
from claimscope.text import article, signals

ACCURATE, ROUGHLY = 1.1, 1.5
VERDICTS = (
    "accurate",
    "roughly right",
    "overstated",
    "understated",
    "depends on definition",
    "unverifiable",
    "inaccurate",
)
OK_CLASS = {"accurate", "roughly right"}


class Definition(BaseModel):
    model_config = ConfigDict(extra="forbid")
    definition: str
    figures: list[str] = Field(min_length=1)
    combine: Literal["sum", "ratio", "range"] = "sum"
    per: list[str] = []
    fx: str | None = None

    @property
    def cited(self) -> list[str]:
        """Every figure this definition uses: its figures, the denominator's and the exchange rate."""
        return self.figures + self.per + ([self.fx] if self.fx else [])


class Check(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^fc-[a-z0-9-]+$")
    title: str | None = None  # a few words for readers; the id's words when absent
    claim: str
    paragraph: int
    quote: str
    quote_en: str = Field(min_length=2)
    kind: Literal["quantity", "fact"]
    comparison: Literal["approx", "range", "at_least", "at_most"] = "approx"
    currency: Literal["USD", "CNY"] | None = None
    evidence: list[Definition] = []
    later: list[Definition] = []
    sources: list[str] = []
    verdict: Literal[VERDICTS] | None = None
    override_reason: str | None = None  # required when `verdict` differs from the rule's verdict
    reasoning: str = Field(min_length=5)


# ---------------------------------------------------------------- loading


def load(slug: str, art=None, claimset=None, base=None, path: Path | None = None) -> list[Check] | None:
    """The article's curated checks, validated against the article, claims and evidence; None if absent."""
    path = path or paths.factchecks_file(slug)
    if not path.exists():
        return None
    checks = yamlfile.records(path, "checks", Check, "check")
    _cross_check(checks, path, slug, art, claimset, base or evidence_base.load())
    return checks


def _cross_check(checks, path, slug, art, claimset, base) -> None:
    art = art or article.load_slug(slug)
    claimset = claimset or claims.load(slug, art)
    claim_ids = set(claimset.by_id) if claimset else set()
    claims.require_unique([c.id for c in checks], str(path))
    for c in checks:
        where = f"{path}: check {c.id!r}"
        claims.require_quote(art, c.paragraph, c.quote, where)
        if claimset and c.claim not in claim_ids:
            raise InputError(f"{where}, field 'claim': no claim {c.claim!r} in claims.yaml")
        for d in c.evidence + c.later:
            for fid in d.cited:
                if fid not in base.figures:
                    raise InputError(f"{where}, field 'evidence': no figure {fid!r} in data/figures.csv")
        for sid in c.sources:
            if sid not in base.sources:
                raise InputError(f"{where}, field 'sources': no source {sid!r} in data/sources.yaml")
        if c.kind == "fact" and c.verdict is None:
            raise InputError(f"{where}, field 'verdict': a fact check needs the analyst's verdict")
        tiers = {base.sources[s].tier for s in basis(c, base)}
        unverifiable = c.verdict == "unverifiable" or (c.verdict is None and not c.evidence)  # the rule's answer
        if not unverifiable and tiers <= {"tertiary"}:
            raise InputError(
                f"{where}, field 'evidence': the verdict rests on tertiary sources only "
                f"({', '.join(basis(c, base)) or 'none'}); cite a primary or secondary source, or call it unverifiable"
            )


# ---------------------------------------------------------------- values


def article_value(check: Check) -> tuple[float, float, str, str | None]:
    """(low, high, unit, currency) the quote states, as the signals module normalises it."""
    found = [n for n in signals.numbers(check.quote) if n[4] != "year"]
    if not found:
        raise InputError(f"check {check.id}: the signals module finds no number in {check.quote!r}")
    if len(found) > 1 and len({n[4] for n in found}) == 1 and check.comparison == "approx":
        low = high = sum(n[2] for n in found)  # "5 firms and 5 teams": the parts add up
        return low, high, found[0][4], found[0][5] or check.currency
    measured = [
        n for n in found if n[4] not in ("count", "number")
    ] or found  # "two firms ... 120 bn dollars": the amount
    chosen = measured[0]
    return chosen[2], chosen[3], chosen[4], chosen[5] or check.currency


def _amount(base, ids: list[str], currency: str | None, fx: str | None) -> float:
    total = 0.0
    for fid in ids:
        f = base.figure(fid)
        value = f.value
        if f.unit == "money" and currency and f.currency != currency:
            if fx is None:
                raise InputError(f"figure {fid} is in {f.currency} but the claim is in {currency}: name an fx figure")
            rate = base.figure(fx).value  # CNY per USD
            value = value / rate if f.currency == "CNY" else value * rate
        total += value
    return total


def evidence_value(base, d: Definition, currency: str | None) -> tuple[float, float]:
    """(low, high) of one definition's evidence, in the claim's currency."""
    if d.combine == "range":
        values = sorted(_amount(base, [fid], currency, d.fx) for fid in d.figures)
        return values[0], values[-1]
    if d.combine == "ratio":
        money = base.figure(d.figures[0]).currency or "USD"
        value = _amount(base, d.figures, money, d.fx) / _amount(base, d.per, money, d.fx)
        return value, value
    value = _amount(base, d.figures, currency, d.fx)
    return value, value


# ---------------------------------------------------------------- the rule


def ratio(article: tuple[float, float], found: tuple[float, float], comparison: str) -> float:
    """Article value over evidence value, 1 when they agree (see the module docstring)."""
    a_lo, a_hi = article
    e_lo, e_hi = found
    if comparison == "at_least":
        return 1.0 if e_hi >= a_lo else a_lo / e_hi
    if comparison == "at_most":
        return 1.0 if e_lo <= a_hi else a_hi / e_lo
    if e_hi >= a_lo and e_lo <= a_hi:
        return 1.0
    return a_lo / e_hi if e_hi < a_lo else a_hi / e_lo


def classify(r: float, comparison: str) -> str:
    tolerance = 1.0 if comparison in ("at_least", "at_most") else ACCURATE
    if 1 / tolerance <= r <= tolerance:
        return "accurate"
    if 1 / ROUGHLY <= r <= ROUGHLY:
        return "roughly right"
    return "overstated" if r > ROUGHLY else "understated"


def combine(verdicts: list[str], threshold: bool = False) -> str:
    """One verdict from the verdicts of several definitions (the first is the primary one)."""
    if not verdicts:
        return "unverifiable"
    first = verdicts[0]
    if any((v in OK_CLASS) != (first in OK_CLASS) for v in verdicts[1:]):
        return "depends on definition"
    if threshold and "accurate" in verdicts and len(set(verdicts)) > 1:
        return "depends on definition"  # "more than x" holds under one definition and not another
    return first


# ---------------------------------------------------------------- results


def title(check: Check) -> str:
    """The check's name for readers: its title, or its id's words."""
    return check.title or check.id.removeprefix("fc-").replace("-", " ").capitalize()


def evaluate(check: Check, base) -> dict:
    """One result row: article value, evidence at date and later, ratio, rule and final verdicts."""
    row = {
        "check": check.id,
        "title": title(check),
        "claim": check.claim,
        "P": check.paragraph,
        "quote": check.quote,
        "English": check.quote_en,
        "kind": check.kind,
        "article low": None,
        "article high": None,
        "unit": None,
        "currency": None,
        "evidence": None,
        "definition": None,
        "ratio": None,
        "rule verdict": None,
        "evidence low": None,
        "evidence high": None,
        "alternatives": [],
        "later": [],
    }
    if check.kind == "quantity":
        low, high, unit, currency = article_value(check)
        found = [(d, evidence_value(base, d, currency)) for d in check.evidence]
        results = [classify(ratio((low, high), v, check.comparison), check.comparison) for _, v in found]
        rule = combine(results, threshold=check.comparison in ("at_least", "at_most"))
        row.update({"article low": low, "article high": high, "unit": unit, "currency": currency, "rule verdict": rule})
        if found:
            (d, (e_lo, e_hi)), r = found[0], ratio((low, high), found[0][1], check.comparison)
            row.update(
                {
                    "evidence": e_lo if e_lo == e_hi else f"{e_lo:.4g}–{e_hi:.4g}",
                    "definition": d.definition,
                    "ratio": round(r, 3),
                    "evidence low": e_lo,
                    "evidence high": e_hi,
                }
            )
            # (definition, low, high, verdict under it): the views format them for readers
            row["alternatives"] = [(d.definition, *v, res) for (d, v), res in zip(found[1:], results[1:])]
        row["later"] = [(d.definition, *evidence_value(base, d, currency), None) for d in check.later]
    row["verdict"] = check.verdict or row["rule verdict"]
    row["overridden"] = bool(check.verdict and row["rule verdict"] and check.verdict != row["rule verdict"])
    if row["overridden"] and not (check.override_reason or "").strip():
        raise InputError(
            f"check {check.id!r}, field 'override_reason': the analyst's verdict '{check.verdict}' differs from "
            f"the rule's '{row['rule verdict']}', so the reason must be given"
        )
    row["override reason"] = check.override_reason or ""
    row["verdict shown"] = (
        f"{row['verdict']} (the rule gives {row['rule verdict']}: {check.override_reason})"
        if row["overridden"]
        else row["verdict"]
    )
    row["reasoning"] = check.reasoning
    row["sources"] = " ".join(sources_of(check, base))
    return row


def figures_of(check: Check) -> list[str]:
    """Every figure a check cites, at the article's date and later (in order, once each)."""
    return list(dict.fromkeys(f for d in check.evidence + check.later for f in d.cited))


def sources_of(check: Check, base) -> list[str]:
    """Every source a check cites, directly or through its figures (in order, once each)."""
    return list(dict.fromkeys([*check.sources, *(base.figure(f).source_id for f in figures_of(check))]))


def basis(check: Check, base) -> list[str]:
    """The sources a verdict rests on: those cited directly and those of the evidence at the article's date."""
    ids = list(check.sources)
    for d in check.evidence:
        ids += [base.figure(f).source_id for f in d.cited]
    return list(dict.fromkeys(ids))


def results(checks: list[Check], base=None) -> pd.DataFrame:
    base = base or evidence_base.load()
    return pd.DataFrame([evaluate(c, base) for c in checks])


def export(frame: pd.DataFrame) -> pd.DataFrame:
    """The factcheck.csv columns: claim id, quote, article value, evidence value, unit, ratio, verdict, sources."""
    out = frame.rename(
        columns={
            "article low": "article_low",
            "article high": "article_high",
            "evidence": "evidence_value",
            "rule verdict": "rule_verdict",
            "override reason": "override_reason",
            "sources": "source_ids",
        }
    )
    return out[
        [
            "check",
            "claim",
            "quote",
            "article_low",
            "article_high",
            "evidence_value",
            "unit",
            "currency",
            "ratio",
            "rule_verdict",
            "verdict",
            "override_reason",
            "definition",
            "source_ids",
        ]
    ]


def verdict_counts(frame: pd.DataFrame) -> pd.DataFrame:
    counts = frame["verdict"].value_counts()
    return pd.DataFrame(
        {"verdict": [v for v in VERDICTS if v in counts], "checks": [int(counts[v]) for v in VERDICTS if v in counts]}
    )


def sources_table(check_frame: pd.DataFrame, base=None) -> pd.DataFrame:
    """The source records behind the checks, in first-cited order."""
    base = base or evidence_base.load()
    ids = list(dict.fromkeys(i for s in check_frame["sources"] for i in s.split()))
    rows = []
    for sid in ids:
        s = base.sources[sid]
        rows.append(
            {
                "source": sid,
                "title": s.title,
                "publisher": s.publisher,
                "published": s.date_published.isoformat() if s.date_published else f"undated ({s.date_published_note})",
                "accessed": s.date_accessed.isoformat(),
                "tier": s.tier,
                "quote": s.quote,
                "quote in English": s.quote_en or "(English original)",
                "url": s.url,
                "quote re-checked": "yes" if s.quote_rechecked else "no",
            }
        )
    return pd.DataFrame(rows)


def flagged(frame: pd.DataFrame) -> pd.DataFrame:
    """Checks whose verdict is not accurate or roughly right."""
    chosen = frame[~frame["verdict"].isin(OK_CLASS)]
    return chosen[["check", "claim", "quote", "English", "verdict shown", "reasoning"]].rename(
        columns={"verdict shown": "verdict"}
    )
