"""The industry chapter's tables, sentences and chart specs, built from the model's numbers."""

import re

import pandas as pd
import pytest

from claimscope.analysis import market
from claimscope.analysis.market import model, montecarlo, sensitivity
from claimscope.views import charts
from claimscope.views.industry import charts as figures
from claimscope.views.industry import prose, tables, words

charts.use_theme()
M = market.load("sora-gpt4-bottleneck")


def test_quotes_come_from_market_yaml_with_their_paragraph_and_translation():
    for topic in M.spec.quotes:
        for chinese, english, where in words.quotes(M, topic):
            assert re.fullmatch(r"P\d+", where) and chinese and english
            assert not re.search(r"[\u4e00-\u9fff]", english)
    assert words.quotes(M, "no-such-section") == []


def test_sentences_are_built_from_the_numbers():
    strict = dict(prose.segment_notes(M, "base", 0.001))
    loose = dict(prose.segment_notes(M, "base", 0.2))
    assert any("not disrupted" not in t for t in strict)
    assert all("not disrupted" in t for t in loose if not t.startswith("Post"))
    sim = montecarlo.simulate(M, 5000, 1, 0.05)
    texts = [t for t, _ in prose.verdicts(M, "base", 0.05, sim, tables.break_even_frame(M, "base", 0.05))]
    h = model.headline(M, "base", 0.05).set_index("segment")
    assert words.pct(h.loc["film_china", "savings_share"]) in texts[0]
    assert words.pct(h.loc["film_china", "savings_production_share"]) in texts[0]


def test_the_software_verdict_states_the_path_the_counterfactual_and_the_one_assumption():
    sim = montecarlo.simulate(M, 5000, 1, 0.05)
    be = tables.break_even_frame(M, "base", 0.05)
    text, why = prose.verdicts(M, "base", 0.05, sim, be)[-1]
    r = model.headline(M, "base", 0.05).set_index("segment").loc["post_software"]
    assert (
        "counterfactual" in text
        and words.usd(r.revenue) in text
        and words.usd(r.revenue + r.tool_market_change) in text
    )
    assert "The sign turns on one assumption" in why and "{" not in why


def test_the_scenario_table_lists_every_assumption_with_each_scenario_and_its_reasoning():
    reference = tables.assumption_table(M, reasoning=False)
    assert len(reference) == len(M.assumptions) + sum(len(s.fixed) for s in M.segments)
    assert not reference.Assumption.str.contains(r"\w\.\w", regex=True).any()  # names, not keys
    assert {"Bear", "Base", "Bull", "Range", "Distribution", "Source"} <= set(reference.columns)
    steps = [
        ("production_share",),
        ("substitution", "cost_reduction"),
        ("adoption_midpoint", "adoption_steepness"),
        tables.OTHER_PARAMETERS + tables.size_parameters(M),
    ]
    shown = pd.concat([tables.assumption_table(M, names) for names in steps])  # the chapter's tables
    assert len(shown) == len(reference) and shown.Reasoning.str.len().min() > 20


def _encodings(spec: dict) -> list[dict]:
    found = [spec["encoding"]] if "encoding" in spec else []
    for key in ("layer", "spec"):
        part = spec.get(key)
        for sub in part if isinstance(part, list) else [part] if part else []:
            found += _encodings(sub)
    return found


def test_headline_chart_has_bars_full_adoption_marks_and_the_threshold_line():
    spec = figures.headline_chart(M, model.headline(M, "base", 0.05), 0.05, "base").to_dict()
    enc = _encodings(spec)
    assert enc[0]["x"]["field"] == "savings_share" and enc[0]["color"]["field"] == "status"
    assert enc[1]["x"]["field"] == "savings_share_mature" and enc[1]["shape"]["scale"]["domain"] == ["full adoption"]
    assert enc[2]["x"] == {"aggregate": "mean", "field": "threshold", "type": "quantitative"}


def test_the_adoption_chart_draws_each_distinct_curve_once_naming_every_segment():
    spec = figures.adoption_chart(M, "base").to_dict()
    rows = spec["datasets"][spec["data"]["name"]]
    labels = {r["segments"] for r in rows}
    assert len(labels) < len(M.segments)
    assert {s.label for s in M.segments} == {name for label in labels for name in label.split("; ")}


def test_fan_tornado_and_break_even_charts_encode_their_frames():
    sim = montecarlo.simulate(M, 5000, 1, 0.05)
    fan = _encodings(figures.fan_chart(M, sim).to_dict())
    assert fan[0]["y"]["field"] == "p5" and fan[0]["y2"]["field"] == "p95" and fan[2]["y"]["field"] == "p50"
    tornado = figures.tornado_chart(M, sensitivity.tornado(M, "base")).to_dict()
    enc = _encodings(tornado)[0]
    assert enc["x"]["field"] == "value" and enc["x2"]["field"] == "at_base" and enc["color"]["field"] == "end"
    be = _encodings(figures.break_even_chart(M, tables.break_even_frame(M, "base", 0.05)).to_dict())
    assert be[0]["x"]["field"] == "low" and be[1]["x"]["field"] == "assumed" and be[2]["x"]["field"] == "break_even"


def test_what_if_chart_binds_whole_year_sliders_and_computes_with_the_models_expression():
    spec = figures.whatif_chart(M, "base", 0.05).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert set(params) == {"substitution_factor", "cost_factor", "midpoint_shift", "threshold"}
    assert params["midpoint_shift"]["bind"]["step"] == 1 and params["threshold"]["value"] == 0.05
    transforms = [t for layer in spec["layer"] for t in layer.get("transform", [])] + spec.get("transform", [])
    calc = {t["as"]: t["calculate"] for t in transforms if "calculate" in t}
    assert calc["savings_share"] == model.whatif_expression(M)


@pytest.mark.parametrize("scenario", ["bear", "base", "bull"])
def test_every_generated_sentence_and_table_works_in_every_scenario(scenario):
    sim = montecarlo.simulate(M, 2_000, 1, 0.05)
    be = tables.break_even_frame(M, scenario, 0.05)
    for text, reasoning in [
        prose.production_note(M, scenario),
        prose.thesis_summary(M, scenario, 0.05, sim),
        prose.calibration_note(M, scenario),
        *prose.segment_notes(M, scenario, 0.05),
        *prose.verdicts(M, scenario, 0.05, sim, be),
    ]:
        assert text and reasoning and "None" not in text
    assert len(tables.outputs_table(M, scenario, 0.05)) == len(M.segments)
