"""The model's formulas, written once: evaluated by NumPy in Python and translated for the browser's Vega.

Each formula is arithmetic over parameter names, other formulas' names, and exp, pow, max, min, which
NumPy and the Vega expression language both provide. Python evaluates them over scalars or arrays
(they broadcast); `vega` inlines the formulas a result depends on and maps each name to a Vega
expression (a datum field or a slider), so the what-if chart and the report's numbers come from the
same text. Sizes in market.yaml use the same arithmetic over figure ids (`names`, `evaluate`).
"""

from __future__ import annotations

import ast
import functools
import re

import numpy as np

# Per segment and year, every amount as a share of the segment's revenue (amount = revenue x share), so
# the Monte Carlo needs no revenue. "adopted" is given as 1 at full adoption and 0 before adoption starts.
FORMULAS = {
    "adopted": "1 / (1 + exp(-adoption_steepness * (year - adoption_midpoint)))",
    "price": "pow(1 - price_decline, max(year - price_base_year, 0))",
    "kept": "1 - vendor_share + vendor_share * price",  # AI-made cost left per unit, before cost reduction
    "remaining": "(1 - cost_reduction) * kept",
    "vendor_part": "vendor_share * price / kept",  # vendors' part of what AI-made work still costs
    "ai_work": "production_share * substitution * adopted",
    "gross_saving": "ai_work * (1 - remaining)",
    "respent": "gross_saving * elasticity",  # spent again on more content, made with AI
    "savings_share": "gross_saving - respent",  # cost saved / revenue: the disruption test
    "savings_production_share": "savings_share / production_share",  # cost saved / production spend
    "vendor_pool": "(ai_work * remaining + respent) * vendor_part",
    "tools_at_risk": "production_share * tool_share * substitution * adopted",
    "tool_market_change_share": "vendor_pool - tools_at_risk",
}
# The what-if chart's levers act on each segment's own values, so at 1, 1 and 0 it shows the scenario.
LEVERS = {
    "substitution": "min(substitution * substitution_factor, 1)",
    "cost_reduction": "min(cost_reduction * cost_factor, 1)",
    "adoption_midpoint": "adoption_midpoint + midpoint_shift",
}


def _scalar_or(array_function, scalar_function):
    """Plain Python floats for scalars, so that float32 draws are not promoted to float64 (NumPy 2 rules)."""

    def apply(a, b):
        return float(scalar_function(a, b)) if np.ndim(a) == np.ndim(b) == 0 else array_function(a, b)

    return apply


FUNCTIONS = {
    "exp": np.exp,
    "pow": _scalar_or(np.power, pow),
    "max": _scalar_or(np.maximum, max),
    "min": _scalar_or(np.minimum, min),
}
_NODES = (
    ast.Expression,
    ast.BinOp,
    ast.UnaryOp,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.USub,
    ast.UAdd,
    ast.Constant,
    ast.Name,
    ast.Load,
    ast.Call,
)


@functools.lru_cache(maxsize=1024)
def names(text: str) -> list[str]:
    """Names a formula uses; refuses anything but arithmetic and the shared functions."""
    tree = ast.parse(str(text), mode="eval")
    bad = [type(n).__name__ for n in ast.walk(tree) if not isinstance(n, _NODES)]
    calls = [n.func for n in ast.walk(tree) if isinstance(n, ast.Call)]
    if bad or any(not isinstance(f, ast.Name) or f.id not in FUNCTIONS for f in calls):
        raise ValueError(f"formula {text!r} may only use numbers, names, + - * / ( ) and {', '.join(FUNCTIONS)}")
    functions = {f.id for f in calls}
    return sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} - functions)


def evaluate(text: str | float, scope: dict):
    """Value of a number or a formula over `scope` (scalars or NumPy arrays)."""
    if not isinstance(text, str):
        return float(text)
    missing = [n for n in names(text) if n not in scope]
    if missing:
        raise KeyError(f"formula {text!r} needs {missing[0]}")
    with np.errstate(divide="ignore", invalid="ignore"):  # a zero production share gives nan, not a warning
        return eval(_compiled(text), {"__builtins__": {}, **FUNCTIONS}, {n: scope[n] for n in names(text)})


@functools.lru_cache(maxsize=1024)
def _compiled(text: str):
    return compile(ast.parse(text, mode="eval"), "<formula>", "eval")


def compute(result: str, scope: dict):
    """A named result of FORMULAS, computing the formulas it depends on first.

    A formula's name given in `scope` is taken as given (adopted = 1 at full adoption, 0 before adoption starts).
    """
    scope = dict(scope)
    for name in _order(result):
        if name not in scope:
            scope[name] = evaluate(FORMULAS[name], scope)
    return scope[result]


@functools.lru_cache(maxsize=256)
def _order(result: str) -> tuple[str, ...]:
    """The formulas `result` depends on, each before its users, `result` last."""
    done: list[str] = []

    def visit(name):
        for dep in names(FORMULAS[name]):
            if dep in FORMULAS and dep not in done:
                visit(dep)
        done.append(name)

    visit(result)
    return tuple(done)


def inputs(result: str) -> set[str]:
    """The names a result needs that no formula gives (parameters, year, price_base_year)."""
    return {n for name in _order(result) for n in names(FORMULAS[name]) if n not in FORMULAS}


def vega(result: str, mapping: dict[str, str]) -> str:
    """`result` as one Vega expression: names in `mapping` replaced by their expression, other formulas inlined."""
    return translate(FORMULAS[result], mapping)


def translate(text: str, mapping: dict[str, str]) -> str:
    """A formula's text as a Vega expression (see `vega`)."""

    def swap(match: re.Match) -> str:
        name = match.group(0)
        if name in FUNCTIONS:
            return name
        if name in mapping:
            return mapping[name]
        if name in FORMULAS:
            return f"({translate(FORMULAS[name], mapping)})"
        raise KeyError(f"no Vega expression given for '{name}'")

    return re.sub(r"[A-Za-z_][A-Za-z_0-9]*", swap, text)
