import numpy as np
import pandas as pd
import pytest

from claimscope.analysis import market
from claimscope.analysis.market import model, montecarlo

M = market.load("sora-gpt4-bottleneck")


def test_monte_carlo_is_reproducible_under_a_seed_and_differs_under_another():
    a, b, c = (montecarlo.simulate(M, 20_000, s, 0.05) for s in (7, 7, 8))
    pd.testing.assert_frame_equal(a.fans, b.fans)
    pd.testing.assert_frame_equal(a.summary, b.summary)
    assert not np.allclose(a.fans.p50, c.fans.p50)


def test_draws_follow_each_records_distribution():
    draws = montecarlo.draw(M, 200_000, 1)
    for a in M.assumptions.values():
        x = draws[a.id].astype(float)
        lo, mode, hi = a.value("low"), a.value("base"), a.value("high")
        assert lo - 1e-4 <= x.min() and x.max() <= hi + 1e-4, a.id
        mean = (lo + hi) / 2 if a.distribution == "uniform" else (lo + mode + hi) / 3
        assert abs(x.mean() - mean) < 0.01 * (hi - lo), a.id


def test_monte_carlo_summary_is_consistent_with_its_draws():
    sim = montecarlo.simulate(M, 50_000, 3, threshold=0.05)
    s = sim.summary.set_index("segment")
    assert ((s.p5 <= s.p50) & (s.p50 <= s.p95)).all()
    assert ((0 <= s.p_disrupted) & (s.p_disrupted <= s.p_disrupted_mature + 0.02)).all()
    last = sim.fans[sim.fans.year == M.headline_year].set_index("segment")
    assert np.allclose(last.p50, s.p50)
    tri = M.assumptions["post_software.elasticity"]
    lo, mode, hi = (tri.value(w) for w in ("low", "base", "high"))
    p_below_one = 1 - (hi - 1) ** 2 / ((hi - lo) * (hi - mode))  # triangular CDF at 1
    assert s.loc["post_software", "p_tool_market_shrinks"] == pytest.approx(p_below_one, abs=0.01)


def test_draws_pinned_at_the_base_values_give_the_deterministic_model():
    """The Monte Carlo evaluates the same formulas as the tables: a degenerate draw reproduces them."""
    samples = {a.id: np.full(4, a.value("base"), dtype=np.float64) for a in M.assumptions.values()}
    headline = model.headline(M, "base", 0.05).set_index("segment")
    for seg in M.segments:
        v = montecarlo._drawn_values(M, seg, samples)
        got = montecarlo._metric(M, v, M.headline_year, seg.headline)
        assert np.allclose(got, headline.loc[seg.id, seg.headline], rtol=1e-10), seg.id
