import pytest

from claimscope.analysis import market
from claimscope.analysis.market import model, sensitivity

M = market.load("sora-gpt4-bottleneck")


def test_bisection_finds_a_known_root_and_reports_no_sign_change():
    assert sensitivity.bisect(lambda x: x**3 - 2, 0, 2) == pytest.approx(2 ** (1 / 3), abs=1e-10)
    assert sensitivity.bisect(lambda x: x - 0.3, 0, 1) == pytest.approx(0.3, abs=1e-12)
    assert sensitivity.bisect(lambda x: x + 1, 0, 1) is None
    assert sensitivity.bisect(lambda x: x, 0, 1) == 0


def test_break_even_substitution_matches_the_analytic_answer():
    # savings share is linear in substitution, so the break-even is threshold / share at substitution 1
    be = sensitivity.break_even(M, "base", 0.02, mature=True).set_index(["segment", "parameter"])
    for seg_id in ("ads_global", "film_global", "longvideo_china"):
        seg = M.segment(seg_id)
        v = model.segment_values(M, seg, "base", {f"{seg_id}.substitution": 1.0})
        expected = 0.02 / model.evaluate(M, seg, v, M.headline_year, mature=True)["savings_share"]
        assert expected < 1 and be.loc[(seg_id, "substitution"), "break_even"] == pytest.approx(expected, rel=1e-9)


def test_software_claim_breaks_even_at_a_re_spend_of_exactly_one():
    be = sensitivity.break_even(M, "base", 0.05).set_index("segment")
    assert be.loc["post_software", "break_even"] == pytest.approx(1.0, abs=1e-9)
    assert be.loc["post_software", "fails"] == "above"  # more re-spending than 1: the tool market grows


def test_at_the_break_even_value_the_claim_is_exactly_on_the_threshold():
    threshold = 0.03
    for row in sensitivity.break_even(M, "bull", threshold, mature=False).dropna(subset=["break_even"]).itertuples():
        if row.claim == "software":
            continue
        seg = M.segment(row.segment)
        v = model.segment_values(M, seg, "bull", {f"{row.segment}.{row.parameter}": row.break_even})
        assert model.evaluate(M, seg, v, M.headline_year)["savings_share"] == pytest.approx(threshold, rel=1e-8)


def test_tornado_swings_every_assumption_of_every_segment():
    frame = sensitivity.tornado(M, "base")
    assert set(frame.segment) == {s.id for s in M.segments}
    assert (frame.swing >= 0).all() and (
        frame.at_base.between(
            frame[["at_low", "at_high"]].min(axis=1) - 1e-12, frame[["at_low", "at_high"]].max(axis=1) + 1e-12
        )
    ).all()
