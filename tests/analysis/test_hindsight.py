import datetime as dt

import pytest

from claimscope.analysis import hindsight

AS_OF = "2026-11-29"


@pytest.fixture(scope="module")
def predictions(seed, claimset, base):
    return hindsight.load("sora-gpt4-bottleneck", seed, claimset, base)


def test_an_event_one_day_after_as_of_does_not_count(predictions, base):
    h10 = next(p for p in predictions if p.id == "H10")
    last = max(base.events[e].date for e in h10.resolutions[-1].events)
    on_the_day = hindsight.table([h10], last, base)
    day_before = hindsight.table([h10], last - dt.timedelta(days=1), base)
    assert on_the_day.iloc[0]["resolution"] == "right"
    assert day_before.iloc[0]["resolution"] == "open"


def test_later_resolution_replaces_an_earlier_one(tmp_path, seed, claimset, base):
    early = _resolution("not yet resolvable", [("sutskever-leaves-openai-2024-05", "right")])
    late = _resolution(
        "right", [("sutskever-leaves-openai-2024-05", "right"), ("murati-leaves-openai-2024-09", "right")]
    )
    criterion = {**CRITERION, "not yet resolvable": "only one leader has left so far"}
    [h] = _load(tmp_path, seed, claimset, base, [_prediction("H90", [early, late], criterion=criterion)])
    assert hindsight.table([h], "2024-06-01", base).iloc[0]["resolution"] == "not yet resolvable"
    assert hindsight.table([h], AS_OF, base).iloc[0]["resolution"] == "right"
    assert hindsight.table([h], "2024-01-01", base).iloc[0]["resolution"] == "open"


def test_every_resolved_prediction_cites_at_least_one_event(predictions, base):
    ledger = hindsight.table(predictions, AS_OF, base)
    resolved = ledger[ledger["resolution"] != "open"]
    assert len(resolved) > 0 and (resolved["evidence"].str.len() > 0).all()


def test_scores_on_known_cases():
    import pandas as pd

    frame = pd.DataFrame(
        {
            "resolution": ["right", "wrong", "partly right", "open", "not yet resolvable"],
            "implied probability": [0.9, 0.8, 0.5, 0.7, 0.6],
        }
    )
    card = hindsight.scorecard(frame)
    assert card["scored"] == 3 and card["open"] == 1 and card["not yet resolvable"] == 1
    assert card["share right"] == pytest.approx(0.5)
    assert card["Brier score"] == pytest.approx(((0.9 - 1) ** 2 + (0.8 - 0) ** 2 + (0.5 - 0.5) ** 2) / 3, abs=1e-3)


def test_all_open_has_no_score():
    import pandas as pd

    card = hindsight.scorecard(pd.DataFrame({"resolution": ["open"], "implied probability": [0.5]}))
    assert card["share right"] is None and card["Brier score"] is None


def test_calibration_groups_by_probability(predictions, base):
    table = hindsight.calibration(hindsight.table(predictions, AS_OF, base))
    assert table["predictions"].sum() == len(predictions)
    assert table["observed"].between(0, 1).all()


def test_every_marker_maps_to_a_probability_in_range():
    for p, why in hindsight.CONFIDENCE.values():
        assert 0 < p < 1 and why


def test_quotes_are_verbatim(predictions, seed):
    for p in predictions:
        assert p.quote in seed.paragraph(p.paragraph).text


def test_a_bad_prediction_is_refused_naming_file_id_and_field(tmp_path, seed, claimset, base):
    path = tmp_path / "predictions.yaml"
    path.write_text("predictions:\n  - id: H01\n    claims: [C57]\n    paragraph: 29\n")
    from claimscope.errors import InputError

    with pytest.raises(InputError, match=r"predictions.yaml: prediction 'H01', field 'quote'"):
        hindsight.load("sora-gpt4-bottleneck", seed, claimset, base, path=path)


def test_an_event_that_does_not_exist_is_refused(tmp_path, seed, claimset, base):
    import yaml

    from claimscope import paths
    from claimscope.errors import InputError

    data = yaml.safe_load(paths.predictions_file("sora-gpt4-bottleneck").read_text(encoding="utf-8"))
    data["predictions"][0]["resolutions"][0]["events"] = [{"id": "no-such-event", "points": "right"}]
    path = tmp_path / "predictions.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match=r"prediction 'H01', resolution 1, field 'events': no event"):
        hindsight.load("sora-gpt4-bottleneck", seed, claimset, base, path=path)


def test_a_duplicate_prediction_id_is_refused(tmp_path, seed, claimset, base):
    import yaml

    from claimscope import paths
    from claimscope.errors import InputError

    data = yaml.safe_load(paths.predictions_file("sora-gpt4-bottleneck").read_text(encoding="utf-8"))
    data["predictions"].append(dict(data["predictions"][0]))
    path = tmp_path / "predictions.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match=r"used twice: \['H01'\]"):
        hindsight.load("sora-gpt4-bottleneck", seed, claimset, base, path=path)


# ---------------------------------------------------------------- grades follow their own criteria

CRITERION = {"right": "a further senior leader leaves OpenAI", "wrong": "none leaves"}
QUOTES = {"H11": "OpenAI 接下来除技术突破外,好戏应该也免不了", "H12": "联合做点事还是一起去特斯拉帮衬?"}


def _resolution(status, cited, note=None):
    r = {"status": status, "events": [{"id": e, "points": d} for e, d in cited], "reasoning": "the analyst's reading"}
    return {**r, "note": note} if note else r


def _prediction(id_, resolutions, criterion=None, like="H11", horizon="2026-11-29"):
    return {
        "id": id_,
        "claims": ["C99"],
        "paragraph": 54,
        "quote": QUOTES[like],
        "quote_en": "an English rendering",
        "statement": "a statement",
        "criterion": criterion or CRITERION,
        "horizon": horizon,
        "marker": "应该",
        "resolutions": resolutions,
    }


def _write(tmp_path, predictions):
    import yaml

    path = tmp_path / "predictions.yaml"
    path.write_text(yaml.safe_dump({"predictions": predictions}, allow_unicode=True), encoding="utf-8")
    return path


def _load(tmp_path, seed, claimset, base, predictions):
    path = _write(tmp_path, predictions)
    return hindsight.load("sora-gpt4-bottleneck", seed, claimset, base, path=path)


def _refused(tmp_path, seed, claimset, base, predictions, pattern):
    from claimscope.errors import InputError

    with pytest.raises(InputError, match=pattern):
        _load(tmp_path, seed, claimset, base, predictions)


def test_the_seed_passes_every_rule_and_the_table_shows_grades_and_directions(predictions, base):
    assert len(predictions) == 12
    for p in predictions:
        assert {"right", "wrong"} <= set(p.criterion)
        assert all(r.status in p.criterion for r in p.resolutions)
    ledger = hindsight.table(predictions, AS_OF, base)
    h08 = ledger.set_index("prediction").loc["H08"]
    assert h08["criterion"].startswith("right: ") and "; partly right: " in h08["criterion"]
    assert h08["grades"] == "right / partly right / wrong"
    assert "china-ai-comic-drama-market-2025 (points wrong)" in h08["evidence"]
    assert h08["evidence ids"].split() == [e for e in h08["evidence ids"].split() if e in base.events]
    assert set(hindsight.export(ledger)["evidence_ids"]) == set(ledger["evidence ids"])


def test_a_resolution_its_criterion_does_not_name_is_refused(tmp_path, seed, claimset, base):
    bad = _prediction("H90", [_resolution("partly right", [("murati-leaves-openai-2024-09", "right")])])
    _refused(tmp_path, seed, claimset, base, [bad], r"predictions.yaml: prediction 'H90', resolution 1, field 'status'")


def test_a_criterion_that_does_not_say_what_makes_it_wrong_is_refused(tmp_path, seed, claimset, base):
    bad = _prediction("H90", [], criterion={"right": "a further senior leader leaves"})
    _refused(tmp_path, seed, claimset, base, [bad], r"predictions.yaml: prediction 'H90', field 'criterion'.*wrong")


def test_a_grade_outside_the_four_is_refused(tmp_path, seed, claimset, base):
    bad = _prediction("H90", [], criterion={**CRITERION, "mostly right": "most leaders leave"})
    _refused(tmp_path, seed, claimset, base, [bad], r"predictions.yaml: prediction 'H90', field 'criterion")


def test_an_event_without_a_direction_is_refused(tmp_path, seed, claimset, base):
    bad = _prediction("H90", [{"status": "right", "events": ["murati-leaves-openai-2024-09"], "reasoning": "reads"}])
    _refused(tmp_path, seed, claimset, base, [bad], r"predictions.yaml: prediction 'H90', field 'resolutions.0.events")


def test_an_event_cited_for_and_against_one_claim_needs_a_note(tmp_path, seed, claimset, base):
    event = "sutskever-leaves-openai-2024-05"
    one = _prediction("H90", [_resolution("right", [(event, "right")])])
    other = _prediction(
        "H91", [_resolution("wrong", [(event, "wrong")], note="why it points the other way")], like="H12"
    )
    _refused(
        tmp_path,
        seed,
        claimset,
        base,
        [one, other],
        r"predictions.yaml: prediction 'H90', resolution 1, field 'note': event 'sutskever-leaves-openai-2024-05' "
        r"is cited both for and against claim C99",
    )
    one["resolutions"][0]["note"] = "why it counts for the article here"
    assert len(_load(tmp_path, seed, claimset, base, [one, other])) == 2


def test_an_event_pointing_the_same_way_twice_needs_no_note(tmp_path, seed, claimset, base):
    event = "sutskever-leaves-openai-2024-05"
    one = _prediction("H90", [_resolution("right", [(event, "right")])])
    other = _prediction("H91", [_resolution("right", [(event, "right")])], like="H12")
    assert len(_load(tmp_path, seed, claimset, base, [one, other])) == 2


def test_a_graded_resolution_on_tertiary_sources_alone_is_refused(tmp_path, seed, claimset, base):
    tertiary = [("tim-brooks-joins-deepmind-2024-10", "right"), ("karpathy-joins-anthropic-2026-05", "right")]
    assert all(base.sources[base.events[e].source_id].tier == "tertiary" for e, _ in tertiary)
    bad = _prediction("H90", [_resolution("right", tertiary)])
    _refused(
        tmp_path,
        seed,
        claimset,
        base,
        [bad],
        r"predictions.yaml: prediction 'H90', resolution 1, field 'events': .*every cited event's source is tertiary",
    )
    criterion = {**CRITERION, "not yet resolvable": "only tertiary sources report a departure"}
    waiting = _prediction("H90", [_resolution("not yet resolvable", tertiary)], criterion=criterion)
    assert _load(tmp_path, seed, claimset, base, [waiting])[0].resolutions[0].status == "not yet resolvable"
    corroborated = _prediction("H90", [_resolution("right", [*tertiary, ("murati-leaves-openai-2024-09", "right")])])
    assert len(_load(tmp_path, seed, claimset, base, [corroborated])) == 1


def test_a_grade_resting_on_an_event_after_the_horizon_is_refused(tmp_path, seed, claimset, base):
    events = [("murati-leaves-openai-2024-09", "right"), ("karpathy-joins-anthropic-2026-05", "right")]
    late = _prediction("H90", [_resolution("right", events)], horizon="2025-02-19")
    _refused(tmp_path, seed, claimset, base, [late], r"\['karpathy-joins-anthropic-2026-05'\] came after the horizon")
    assert _load(
        tmp_path, seed, claimset, base, [_prediction("H90", [_resolution("right", events[:1])], horizon="2025-02-19")]
    )
