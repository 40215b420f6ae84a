"""The industry model of the seed article: its market.yaml and assumptions, the formulas and accounting."""

import re

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope import paths
from claimscope.analysis import evidence, market
from claimscope.analysis.market import assumptions, formulas, model, spec
from claimscope.errors import InputError

SEED = "sora-gpt4-bottleneck"
M = market.load(SEED)
REQUIRED = ("id", "segment", "parameter", "description", "unit", "bear", "base", "bull", "low", "high")
share = st.floats(0.0, 1.0)


# ------------------------------------------------------------------------------------ market.yaml


def test_the_seed_model_is_data_with_segments_claims_and_verbatim_quotes():
    assert len(M.segments) == 9 and {c.kind for c in M.spec.claims} == {"not_disrupted", "shrinks"}
    assert {s.role for s in M.segments} == {"content", "services", "tools"}
    assert sum(len(q) for q in M.spec.quotes.values()) >= 5


def _spec_file(tmp_path, edit):
    data = yaml.safe_load(paths.market_file(SEED).read_text(encoding="utf-8"))
    edit(data)
    return data


@pytest.mark.parametrize(
    "edit, words",
    [
        (lambda d: d["segments"][0].update(size="F999"), ["segment film_china", "no figure 'F999'"]),
        (lambda d: d["claims"][0].update(segments=["nowhere"]), ["claim film", "no segment 'nowhere'"]),
        (lambda d: d["quotes"]["premise"][0].update(text="不在文中的话"), ["quotes 'premise'", "not verbatim"]),
        (lambda d: d["segments"][0].update(role="actor"), ["segments.0.role"]),
        (lambda d: d.update(fx_figure="F999"), ["F999"]),
    ],
)
def test_a_bad_market_file_is_refused_naming_the_item(tmp_path, edit, words):
    data = _spec_file(tmp_path, edit)
    with pytest.raises(InputError) as err:
        spec.check(spec.parse(data, "market.yaml"), SEED, "market.yaml")
    for word in words:
        assert word in str(err.value)


def test_a_missing_market_file_names_the_file_and_what_it_holds(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "market_file", lambda slug: tmp_path / "market.yaml")
    with pytest.raises(InputError, match="market.yaml: not found; the industry chapter needs it"):
        spec.load(SEED)


# ------------------------------------------------------------------------------------ assumptions


def test_every_assumption_record_is_complete_and_its_values_are_in_range():
    records = yaml.safe_load(paths.assumptions_file(SEED).read_text(encoding="utf-8"))
    assert len(records) == len(M.assumptions) > 40
    for record in records:
        missing = [f for f in REQUIRED if record.get(f) in (None, "")]
        assert not missing, f"{record.get('id')}: missing {missing}"
        a = M.assumptions[record["id"]]
        for which in ("bear", "base", "bull"):
            assert a.value("low") <= a.value(which) <= a.value("high"), (a.id, which)
        assert len(a.reasoning.split()) >= 15, f"{a.id}: reasoning too thin"


def test_every_figure_and_event_the_model_cites_exists():
    ev = evidence.load()
    cited = {M.spec.fx_figure, *M.spec.calibration.vendor_figures}
    for seg in M.segments:
        cited |= {n for n in formulas.names(seg.size) if re.fullmatch(r"F\d{3}", n)}
        for metric, entity in seg.history:
            assert len(ev.series(metric, entity)), (seg.id, metric, entity)
    for a in M.assumptions.values():
        cited |= set(a.figures) | set(re.findall(r"\bF\d{3}\b", a.reasoning))
        assert all(e in ev.events for e in a.events), a.id
    assert sorted(cited - set(ev.figures)) == []
    assert ev.figure(M.spec.fx_figure).unit == "fx"


def test_sourced_values_are_used_where_a_figure_exists():
    ads = M.source(M.segment("ads_global"), "production_share")
    wfa = evidence.load().figure("F061").value / 100
    assert ads.formula("base") and ads.value("base") == pytest.approx(wfa / (1 - wfa))
    ev = evidence.load()
    assert model.values(M, "base")["film_china"]["size"] == pytest.approx(
        ev.figure("F004").value / ev.figure("F110").value / 1e9
    )


def _write(tmp_path, records):
    path = tmp_path / "assumptions.yaml"
    path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
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
    records = yaml.safe_load(paths.assumptions_file(SEED).read_text(encoding="utf-8"))
    edit(next(r for r in records if r["id"] == "ads_global.production_share"))
    path = _write(tmp_path, records)
    with pytest.raises(InputError) as err:
        assumptions.load(path, M.spec)
    assert str(path) in str(err.value) and "ads_global.production_share" in str(err.value)
    for word in words:
        assert word in str(err.value)


def test_a_missing_parameter_is_refused(tmp_path):
    records = yaml.safe_load(paths.assumptions_file(SEED).read_text(encoding="utf-8"))
    path = _write(tmp_path, [r for r in records if r["id"] != "games_art.elasticity"])
    with pytest.raises(InputError, match="no assumption for parameter 'elasticity' of segment 'games_art'"):
        assumptions.load(path, M.spec)


# ------------------------------------------------------------------------------------ formulas


def _outcome(p, sub, cost, adopted, e, v, price, tool):
    scope = dict(
        production_share=p, substitution=sub, cost_reduction=cost, adopted=adopted, elasticity=e,
        vendor_share=v, price=price, tool_share=tool,
    )  # fmt: skip
    return {name: formulas.compute(name, scope) for name in model.SHARES if name != "savings_production_share"}


@settings(max_examples=300, deadline=None)
@given(p=share, sub=share, cost=share, adopted=share, e=share, v=share, price=st.floats(0.01, 1.0), tool=share)
def test_savings_never_exceed_production_spend(p, sub, cost, adopted, e, v, price, tool):
    out = _outcome(p, sub, cost, adopted, e, v, price, tool)
    tol = 1e-12
    assert 0 <= out["gross_saving"] <= out["ai_work"] + tol <= p + 2 * tol
    assert 0 <= out["savings_share"] <= p + tol
    assert 0 <= out["vendor_pool"] and 0 <= out["tools_at_risk"] <= p + tol


@settings(max_examples=200, deadline=None)
@given(p=share, cost=share, e=st.floats(0, 0.99), v=share, price=st.floats(0.01, 1.0), lo=share, hi=share)
def test_savings_are_monotone_in_adoption_and_substitution(p, cost, e, v, price, lo, hi):
    lo, hi = sorted((lo, hi))

    def f(sub, adopted):
        return _outcome(p, sub, cost, adopted, e, v, price, 0.02)

    for key in ("gross_saving", "tools_at_risk", "savings_share"):
        assert f(lo, 0.5)[key] <= f(hi, 0.5)[key] + 1e-12
        assert f(0.5, lo)[key] <= f(0.5, hi)[key] + 1e-12


def test_formulas_refuse_anything_but_arithmetic_and_the_shared_functions():
    assert formulas.names("pow(1 - a, max(b, 0))") == ["a", "b"]
    for bad in ("__import__('os')", "a.b", "open(a)", "a if b else c"):
        with pytest.raises(ValueError, match="may only use"):
            formulas.names(bad)


def test_the_vega_expression_is_the_python_formula_with_names_replaced():
    scope = {"production_share": 0.3, "substitution": 0.4, "adopted": 0.5, "cost_reduction": 0.6,
             "vendor_share": 0.25, "price": 0.8, "elasticity": 0.2}  # fmt: skip
    text = formulas.vega("savings_share", {k: str(v) for k, v in scope.items()})
    assert "datum" not in text and "savings_share" not in text
    assert eval(text, {"__builtins__": {}}, {**formulas.FUNCTIONS}) == pytest.approx(
        formulas.compute("savings_share", scope)
    )


# ------------------------------------------------------------------------------------ the model


def test_the_model_is_monotone_in_its_substitution_and_adoption_assumptions():
    lo = model.project(M, "base", change={"*.substitution": 0.1})
    hi = model.project(M, "base", change={"*.substitution": 0.6})
    assert (lo.cost_saved <= hi.cost_saved + 1e-12).all()
    late = model.project(M, "base", change={"*.adoption_midpoint": 2035})
    early = model.project(M, "base", change={"*.adoption_midpoint": 2027})
    assert (late.adoption <= early.adoption).all() and (late.cost_saved <= early.cost_saved + 1e-12).all()


def test_no_adoption_before_it_starts_gives_zero_impact():
    before = model.project(M, "base").query(f"year < {M.spec.adoption_start}")
    assert len(before) and (before[["cost_saved", "vendor_pool", "tools_at_risk", "adoption"]] == 0).all().all()
    assert (before.production_after == before.production).all()


def test_scenarios_are_ordered_bear_base_bull_on_headline_outputs():
    frames = {s: model.project(M, s).set_index(["segment", "year"]) for s in assumptions.SCENARIOS}
    for column in ("savings_share", "savings_share_mature", "cost_saved", "tools_at_risk", "ai_work"):
        bear, base, bull = (frames[s][column] for s in assumptions.SCENARIOS)
        assert (bear <= base + 1e-12).all() and (base <= bull + 1e-12).all(), column


def test_growth_changes_amounts_but_not_shares():
    slow = model.headline(M, "base", 0.05).set_index("segment")
    fast = model.project(M, "base", change={"*.growth": 0.2}).query(f"year == {M.headline_year}").set_index("segment")
    assert np.allclose(slow.savings_share, fast.savings_share)
    assert (fast.revenue > slow.revenue).sum() >= len(M.segments) - 1


def test_savings_against_production_are_savings_against_revenue_over_the_production_share():
    h = model.headline(M, "base", 0.05)
    assert np.allclose(h.savings_production_share * h.production, h.cost_saved)
    assert (h.savings_production_share >= h.savings_share).all()


def test_software_market_shrinks_exactly_when_re_spending_is_below_one():
    seg = M.segment("post_software")
    for e in (0.5, 0.99, 1.01, 1.7):
        v = model.segment_values(M, seg, "base", {"post_software.elasticity": e})
        assert (model.evaluate(M, seg, v, M.headline_year)["tool_market_change"] < 0) == (e < 1)


def test_exports_give_market_csv_with_every_output_per_segment_year_and_scenario():
    frame = model.exports(M, 0.05)["market.csv"]
    wanted = {"segment", "year", "scenario", "revenue", "cost_saved", "savings_share", "savings_production_share"}
    assert wanted <= set(frame.columns)
    assert set(frame.scenario) == set(assumptions.SCENARIOS) and frame.year.max() == M.headline_year
    assert not frame.duplicated(["segment", "year", "scenario"]).any()
    for seg in M.segments:
        assert frame[frame.segment == seg.id].year.min() == seg.base_year


def test_the_what_if_at_its_start_is_the_headline_and_its_levers_match_the_model():
    start = model.whatif(M, {}, "base").set_index("segment").savings_share
    headline = model.headline(M, "base", 0.05).set_index("segment").savings_share
    assert np.allclose(start, headline.loc[start.index], rtol=1e-12)
    moved = (
        model.whatif(M, {"substitution_factor": 2.0, "midpoint_shift": -2}, "base").set_index("segment").savings_share
    )
    for seg_id in ("film_china", "ads_global"):
        seg = M.segment(seg_id)
        v = model.segment_values(M, seg, "base")
        change = {
            f"{seg_id}.substitution": min(2 * v["substitution"], 1),
            f"{seg_id}.adoption_midpoint": v["adoption_midpoint"] - 2,
        }
        want = model.evaluate(M, seg, model.segment_values(M, seg, "base", change), M.headline_year)["savings_share"]
        assert moved[seg_id] == pytest.approx(want, rel=1e-12)
