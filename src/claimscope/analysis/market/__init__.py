"""The industry model of an article's business thesis (seeds/<article>/market.yaml and assumptions.yaml).

spec          the article's segments, claims, quotes and notes, validated
assumptions   the assumption records: scenarios, ranges, distributions, reasoning
formulas      the model's formulas, one text for Python and for the browser
model         deterministic projection per segment and year, calibration, what-if
montecarlo    joint draws of every assumption and percentiles of the headline metrics
sensitivity   tornado swings and break-even values of the article's claims
"""

from claimscope.analysis.market.model import Market, load

__all__ = ["Market", "load"]
