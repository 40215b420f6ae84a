"""The industry model: assumptions complete and sourced, accounting invariants, scenarios, Monte Carlo,
break-even solver, chart specs and exports."""

import re

import numpy as np
import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope import paths
from claimscope.analysis import evidence, market
from claimscope.errors import InputError
from claimscope.text import article
from claimscope.views import charts
from claimscope.views import industry as present

charts.use_theme()
FIELDS = (
    "id",
    "segment",
    "parameter",
    "description",
    "unit",
    "bear",
    "base",
    "bull",
    "low",
    "high",
    "distribution",
    "reasoning",
)
share = st.floats(0.0, 1.0)


# ------------------------------------------------------------------------------------ assumptions


def test_every_assumption_record_is_complete_and_its_values_are_in_range():
    records = yaml.safe_load(paths.ASSUMPTIONS.read_text(encoding="utf-8"))
    loaded = market.load_assumptions()
    assert len(records) == len(loaded) > 40
    for record in records:
        missing = [f for f in FIELDS if record.get(f) in (None, "")]
        assert not missing, f"{record.get('id')}: missing {missing}"
        a = loaded[record["id"]]
        assert a.value("low") < a.value("high"), a.id
        for which in ("bear", "base", "bull"):
            assert a.value("low") <= a.value(which) <= a.value("high"), (a.id, which)
        assert len(a.reasoning.split()) >= 15, f"{a.id}: reasoning too thin"
        assert a.distribution in ("triangular", "uniform")


def test_every_figure_and_event_the_model_cites_exists():
    ev = evidence.load()
    cited = {market.FX_FIGURE, *market.VENDOR_FIGURES}
    for seg in market.SEGMENTS:
        cited |= {n for n in market.formula_names(seg.size) if re.fullmatch(r"F\d{3}", n)}
        for metric, entity in seg.history:
            assert len(ev.series(metric, entity)), (seg.id, metric, entity)
    for a in market.load_assumptions().values():
        cited |= set(a.figures) | set(re.findall(r"\bF\d{3}\b", a.reasoning))
        for which in market.FIELDS:
            if a.formula(which):
                cited |= set(market.formula_names(a.formula(which)))
        assert all(e in ev.events for e in a.events), a.id
    assert sorted(cited - set(ev.figures)) == []
    assert ev.figure(market.FX_FIGURE).metric == "exchange_rate" and ev.figure(market.FX_FIGURE).unit == "fx"


def test_sourced_values_are_used_where_a_figure_exists():
    ads = market.source(market.SEGMENT["ads_global"], "production_share")
    wfa = evidence.load().figure("F061").value / 100
    assert ads.formula("base") and ads.value("base") == pytest.approx(wfa / (1 - wfa))
    assert market.values("base")["film_china"]["size"] == pytest.approx(
        evidence.load().figure("F004").value / evidence.load().figure("F110").value / 1e9
    )


def test_every_segment_has_exactly_one_source_for_every_parameter():
    for seg in market.SEGMENTS:
        for name in market.PARAMETERS:
            src = market.source(seg, name)
            assert isinstance(src, float) or src.parameter == name


def _write(tmp_path, records):
    path = tmp_path / "assumptions.yaml"
    path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    market.load_assumptions.cache_clear()
    return path


@pytest.mark.parametrize(
    "edit, words",
    [
        (lambda r: r.pop("reasoning"), ["field 'reasoning'", "Field required"]),
        (lambda r: r.update(bull=0.99), ["bull 0.99 is outside low..high"]),
        (lambda r: r.update(base="F999 * 2"), ["F999"]),
        (lambda r: r.update(reasoning=r["reasoning"] + " See F099."), ["F099 not listed in figures"]),
        (lambda r: r.update(base="__import__('os')"), ["may only use numbers"]),
    ],
)
def test_a_bad_record_is_refused_with_file_record_and_reason(tmp_path, edit, words):
    records = yaml.safe_load(paths.ASSUMPTIONS.read_text(encoding="utf-8"))
    target = next(r for r in records if r["id"] == "ads_global.production_share")
    edit(target)
    path = _write(tmp_path, records)
    try:
        with pytest.raises(InputError) as err:
            market.load_assumptions(path)
    finally:
        market.load_assumptions.cache_clear()
    assert str(path) in str(err.value) and "ads_global.production_share" in str(err.value)
    for word in words:
        assert word in str(err.value)


def test_a_missing_parameter_is_refused(tmp_path):
    records = [
        r for r in yaml.safe_load(paths.ASSUMPTIONS.read_text(encoding="utf-8")) if r["id"] != "games_art.elasticity"
    ]
    path = _write(tmp_path, records)
    try:
        with pytest.raises(InputError, match="no assumption for parameter 'elasticity' of segment 'games_art'"):
            market.load_assumptions(path)
    finally:
        market.load_assumptions.cache_clear()


# ------------------------------------------------------------------------------------ accounting invariants


@settings(max_examples=300, deadline=None)
@given(
    revenue=st.floats(0.01, 1e4),
    p=share,
    sub=share,
    cost=share,
    adopted=share,
    e=share,
    v=share,
    price=st.floats(0.01, 1.0),
    tool=share,
)
def test_savings_never_exceed_production_spend(revenue, p, sub, cost, adopted, e, v, price, tool):
    out = market.outcomes(revenue, p, sub, cost, adopted, e, v, price, tool)
    tol = 1e-9 * revenue
    assert 0 <= out["gross_saving"] <= out["ai_work"] + tol <= out["production"] + 2 * tol
    assert 0 <= out["cost_saved"] <= out["production"] + tol
    assert out["production_after"] >= -tol
    assert 0 <= out["vendor_pool"] and 0 <= out["tools_at_risk"] <= out["production"] + tol


@settings(max_examples=200, deadline=None)
@given(p=share, cost=share, e=st.floats(0, 0.99), v=share, price=st.floats(0.01, 1.0), lo=share, hi=share)
def test_savings_are_monotone_in_adoption_and_substitution(p, cost, e, v, price, lo, hi):
    lo, hi = sorted((lo, hi))
    f = lambda sub, adopted: market.outcomes(10.0, p, sub, cost, adopted, e, v, price, 0.02)  # noqa: E731
    for key in ("cost_saved", "gross_saving", "tools_at_risk", "savings_share"):
        assert f(lo, 0.5)[key] <= f(hi, 0.5)[key] + 1e-12
        assert f(0.5, lo)[key] <= f(0.5, hi)[key] + 1e-12


def test_the_model_is_monotone_in_its_substitution_and_adoption_assumptions():
    for sub_lo, sub_hi in ((0.1, 0.2), (0.2, 0.6)):
        lo = market.project("base", change={"*.substitution": sub_lo})
        hi = market.project("base", change={"*.substitution": sub_hi})
        assert (lo.cost_saved <= hi.cost_saved + 1e-12).all()
    late = market.project("base", change={"*.adoption_midpoint": 2035})
    early = market.project("base", change={"*.adoption_midpoint": 2027})
    assert (late.adoption <= early.adoption).all() and (late.cost_saved <= early.cost_saved + 1e-12).all()


def test_zero_adoption_gives_zero_impact():
    out = market.outcomes(100.0, 0.3, 0.5, 0.7, 0.0, 0.4, 0.25, 0.5, 0.02)
    for key in (
        "ai_work",
        "gross_saving",
        "respent",
        "cost_saved",
        "vendor_pool",
        "tools_at_risk",
        "tool_market_change",
        "savings_share",
    ):
        assert out[key] == 0
    assert out["production_after"] == out["production"]
    before = market.project("base").query(f"year < {market.ADOPTION_START}")
    assert len(before) and (before[["cost_saved", "vendor_pool", "tools_at_risk"]] == 0).all().all()


def test_scenarios_are_ordered_bear_base_bull_on_headline_outputs():
    frames = {s: market.project(s).set_index(["segment", "year"]) for s in market.SCENARIOS}
    for column in ("savings_share", "savings_share_mature", "cost_saved", "tools_at_risk", "ai_work"):
        bear, base, bull = (frames[s][column] for s in market.SCENARIOS)
        assert (bear <= base + 1e-12).all() and (base <= bull + 1e-12).all(), column


def test_growth_changes_amounts_but_not_shares():
    slow = market.headline("base").set_index("segment")
    fast = (
        market.project("base", change={"*.growth": 0.2}).query(f"year == {market.HEADLINE_YEAR}").set_index("segment")
    )
    assert np.allclose(slow.savings_share, fast.savings_share)
    assert (fast.revenue > slow.revenue).sum() >= len(market.SEGMENTS) - 1


def test_software_market_shrinks_exactly_when_re_spending_is_below_one():
    seg = market.SEGMENT["post_software"]
    for e in (0.5, 0.99, 1.01, 1.7):
        change = market.evaluate(
            seg, market.segment_values(seg, "base", {"post_software.elasticity": e}), market.HEADLINE_YEAR
        )["tool_market_change"]
        assert (change < 0) == (e < 1)


def test_exports_give_market_csv_with_every_output_per_segment_year_and_scenario():
    frames = market.exports({"disruption_threshold": 0.05, "scenario": "base"})
    assert list(frames) == ["market.csv"]
    frame = frames["market.csv"]
    assert {"segment", "year", "scenario", *market.OUTPUTS} <= set(frame.columns)
    assert set(frame.scenario) == set(market.SCENARIOS) and frame.year.max() == market.HEADLINE_YEAR
    assert not frame.duplicated(["segment", "year", "scenario"]).any()
    for seg in market.SEGMENTS:
        assert frame[frame.segment == seg.id].year.min() == seg.base_year


# ------------------------------------------------------------------------------------ Monte Carlo


def test_monte_carlo_is_reproducible_under_a_seed_and_differs_under_another():
    a, b, c = market.simulate(20_000, 7), market.simulate(20_000, 7), market.simulate(20_000, 8)
    pd.testing.assert_frame_equal(a.fans, b.fans)
    pd.testing.assert_frame_equal(a.summary, b.summary)
    assert not np.allclose(a.fans.p50, c.fans.p50)


def test_draws_follow_each_records_distribution():
    draws = market.draw(200_000, 1)
    for a in market.load_assumptions().values():
        x = draws[a.id].astype(float)
        lo, mode, hi = a.value("low"), a.value("base"), a.value("high")
        assert lo - 1e-4 <= x.min() and x.max() <= hi + 1e-4, a.id
        mean = (lo + hi) / 2 if a.distribution == "uniform" else (lo + mode + hi) / 3
        assert abs(x.mean() - mean) < 0.01 * (hi - lo), a.id


def test_monte_carlo_summary_is_consistent_with_its_draws():
    sim = market.simulate(50_000, 3, threshold=0.05)
    s = sim.summary.set_index("segment")
    assert ((s.p5 <= s.p50) & (s.p50 <= s.p95)).all()
    assert ((0 <= s.p_disrupted) & (s.p_disrupted <= s.p_disrupted_mature + 0.02)).all()
    last = sim.fans[sim.fans.year == market.HEADLINE_YEAR].set_index("segment")
    assert np.allclose(last.p50, s.p50)
    tri = market.load_assumptions()["post_software.elasticity"]
    lo, mode, hi = (tri.value(w) for w in ("low", "base", "high"))
    p_below_one = 1 - (hi - 1) ** 2 / ((hi - lo) * (hi - mode))  # triangular CDF at 1
    assert s.loc["post_software", "p_tool_market_shrinks"] == pytest.approx(p_below_one, abs=0.01)


@pytest.mark.parametrize(
    "x",
    [
        np.random.default_rng(1).standard_normal(10_001).astype(np.float32),
        np.random.default_rng(2).integers(0, 5, 1000).astype(np.float32),
        np.full(100, 0.25, dtype=np.float32),
        np.random.default_rng(3).random(7),
    ],
)
def test_order_statistics_are_exact_lower_percentiles(x):
    assert np.array_equal(market.order_statistics(x), np.percentile(x, market.PERCENTILES, method="lower"))


def test_the_monte_carlo_hot_loop_equals_the_model():
    samples = {k: v[:2000] for k, v in market.draw(2000, 5).items()}
    a, b, c = (np.empty(2000, dtype=np.float32) for _ in range(3))
    for seg in market.SEGMENTS:
        v = market._prepare(seg, samples)
        for year in (2023, 2026, 2030):
            for mature in (False, True):
                full = market.evaluate(seg, v, year, mature)
                for metric in ("savings_share", "tool_market_change_share"):
                    fast = market.headline_inplace(v, year, metric, a, b, c, mature)
                    assert np.allclose(fast, full[metric], rtol=1e-4, atol=1e-7), (seg.id, year, metric)


# ------------------------------------------------------------------------------------ break-even


def test_bisection_finds_a_known_root_and_reports_no_sign_change():
    assert market.bisect(lambda x: x**3 - 2, 0, 2) == pytest.approx(2 ** (1 / 3), abs=1e-10)
    assert market.bisect(lambda x: x - 0.3, 0, 1) == pytest.approx(0.3, abs=1e-12)
    assert market.bisect(lambda x: x + 1, 0, 1) is None
    assert market.bisect(lambda x: x, 0, 1) == 0


def test_break_even_substitution_matches_the_analytic_answer():
    # savings share is linear in substitution, so the break-even is threshold / share at substitution 1
    be = market.break_even("base", 0.02, mature=True).set_index(["segment", "parameter"])
    for seg_id in ("ads_global", "film_global", "longvideo_china"):
        seg = market.SEGMENT[seg_id]
        at_one = market.evaluate(
            seg, market.segment_values(seg, "base", {f"{seg_id}.substitution": 1.0}), market.HEADLINE_YEAR, mature=True
        )["savings_share"]
        expected = 0.02 / at_one
        found = be.loc[(seg_id, "substitution"), "break_even"]
        assert expected < 1 and found == pytest.approx(expected, rel=1e-9)


def test_software_claim_breaks_even_at_a_re_spend_of_exactly_one():
    be = market.break_even("base", 0.05).set_index("segment")
    assert be.loc["post_software", "break_even"] == pytest.approx(1.0, abs=1e-9)
    assert be.loc["post_software", "fails"] == "above"  # more re-spending than 1: the tool market grows


def test_at_the_break_even_value_the_claim_is_exactly_on_the_threshold():
    threshold = 0.03
    for row in market.break_even("bull", threshold, mature=False).dropna(subset=["break_even"]).itertuples():
        if row.claim == "software":
            continue
        seg = market.SEGMENT[row.segment]
        v = market.segment_values(seg, "bull", {f"{row.segment}.{row.parameter}": row.break_even})
        assert market.evaluate(seg, v, market.HEADLINE_YEAR)["savings_share"] == pytest.approx(threshold, rel=1e-8)


def test_what_if_levers_equal_the_model_with_the_same_values():
    got = market.whatif(0.4, 0.8, 2027.5).set_index("segment").savings_share
    frame = market.project(
        "base", change={"*.substitution": 0.4, "*.cost_reduction": 0.8, "*.adoption_midpoint": 2027.5}
    )
    want = frame[frame.year == market.HEADLINE_YEAR].set_index("segment").savings_share
    assert np.allclose(got, want.loc[got.index])


# ------------------------------------------------------------------------------------ presentation


def test_quotes_are_verbatim_from_the_article():
    art = article.load_slug(present.QUOTES_ARTICLE)
    for topic, items in present.QUOTES.items():
        for number, chinese, english in items:
            assert chinese in art.paragraph(number).text, (topic, number)
            assert english and not re.search(r"[\u4e00-\u9fff]", english.replace("100 million", ""))
        assert len(present.quotes(present.QUOTES_ARTICLE, topic)) == len(items)
    assert present.quotes("some-other-article", "premise") == []


def test_sentences_are_built_from_the_numbers():
    strict = dict(present.segment_notes("base", 0.001))
    loose = dict(present.segment_notes("base", 0.2))
    assert any("not disrupted" not in t for t in strict) and all(
        "not disrupted" in t for t in loose if not t.startswith("Post")
    )
    sim = market.simulate(5000, 1, 0.05)
    texts = [t for t, _ in present.verdicts("base", 0.05, sim, present.break_even_frame("base", 0.05))]
    share = market.headline("base").set_index("segment").loc["film_china", "savings_share"]
    assert present.pct(share) in texts[0]


def test_the_scenario_table_lists_every_assumption_with_each_scenario_and_its_reasoning():
    reference = present.assumption_table(reasoning=False)
    assert set(market.load_assumptions()) <= set(reference.Id)
    assert {"Bear", "Base", "Bull", "Range", "Distribution", "Source"} <= set(reference.columns)
    assert (reference.Source.str.len() >= 4).all()
    steps = [
        ("production_share",),
        ("substitution", "cost_reduction"),
        ("adoption_midpoint", "adoption_steepness"),
        ("elasticity", "vendor_share", "price_decline", "tool_share", "adobe_video_share", "growth"),
    ]
    shown = pd.concat([present.assumption_table(names) for names in steps])  # the chapter's step-by-step tables
    assert len(shown) == len(reference) and shown.Reasoning.str.len().min() > 20


def _encodings(spec: dict) -> list[dict]:
    found = []
    if "encoding" in spec:
        found.append(spec["encoding"])
    for key in ("layer", "spec"):
        part = spec.get(key)
        for sub in part if isinstance(part, list) else [part] if part else []:
            found += _encodings(sub)
    return found


def test_headline_chart_has_bars_full_adoption_marks_and_the_threshold_line():
    spec = present.headline_chart(market.headline("base", 0.05), 0.05, "base").to_dict()
    enc = _encodings(spec)
    assert enc[0]["x"]["field"] == "savings_share" and enc[0]["y"]["field"] == "label"
    assert enc[0]["color"]["field"] == "status"
    assert enc[1]["x"]["field"] == "savings_share_mature"
    assert enc[2]["x"] == {"aggregate": "mean", "field": "threshold", "type": "quantitative"}
    rows = spec["datasets"][spec["data"]["name"]] if "datasets" in spec else None
    assert rows is None or all(r["threshold"] == 0.05 for r in rows)


def test_fan_tornado_and_break_even_charts_encode_their_frames():
    sim = market.simulate(5000, 1)
    fan = _encodings(present.fan_chart(sim).to_dict())
    assert fan[0]["y"]["field"] == "p5" and fan[0]["y2"]["field"] == "p95"
    assert fan[1]["y"]["field"] == "p25" and fan[2]["y"]["field"] == "p50"
    tornado = present.tornado_chart(market.tornado()).to_dict()
    assert tornado["facet"]["row"]["field"] == "panel"
    enc = _encodings(tornado)[0]
    assert enc["x"]["field"] == "value" and enc["x2"]["field"] == "at_base" and enc["color"]["field"] == "end"
    be = _encodings(present.break_even_chart(present.break_even_frame("base", 0.05)).to_dict())
    assert be[0]["x"]["field"] == "low" and be[0]["x2"]["field"] == "high"
    assert be[1]["x"]["field"] == "assumed" and be[2]["x"]["field"] == "break_even"


def test_what_if_chart_binds_sliders_and_recomputes_with_calculate_transforms():
    spec = present.whatif_chart("base", 0.05).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert set(params) == {"substitution", "cost_reduction", "adoption_midpoint", "threshold"}
    assert all(p["bind"]["input"] == "range" for p in params.values())
    assert params["threshold"]["value"] == 0.05
    transforms = [t for layer in spec["layer"] for t in layer.get("transform", [])] + spec.get("transform", [])
    calc = {t["as"]: t["calculate"] for t in transforms if "calculate" in t}
    assert "substitution" in calc["savings_share"] and "adoption_midpoint" in calc["adoption"]
    assert "cost_reduction" in calc["remaining"]
    _, start = market.whatif_inputs("base")
    assert params["substitution"]["value"] == start["substitution"]


@pytest.mark.parametrize("scenario", ["bear", "base", "bull"])
def test_every_generated_sentence_and_table_works_in_every_scenario(scenario):
    from claimscope.views import industry as present

    sim = market.simulate(2_000, 1, 0.05)
    be = present.break_even_frame(scenario, 0.05)
    for text, reasoning in [
        present.production_note(scenario),
        present.thesis_summary(scenario, 0.05, sim),
        present.calibration_note(scenario),
        *present.segment_notes(scenario, 0.05),
        *present.verdicts(scenario, 0.05, sim, be),
    ]:
        assert text and reasoning
    assert len(present.outputs_table(scenario, 0.05)) > 0
