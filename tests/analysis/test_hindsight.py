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


def test_later_resolution_replaces_an_earlier_one(predictions, base):
    h01 = next(p for p in predictions if p.id == "H01")
    assert hindsight.table([h01], "2025-01-01", base).iloc[0]["resolution"] == "partly right"
    assert hindsight.table([h01], AS_OF, base).iloc[0]["resolution"] == "right"


def test_every_resolved_prediction_cites_at_least_one_event(predictions, base):
    ledger = hindsight.table(predictions, AS_OF, base)
    resolved = ledger[ledger["resolution"] != "open"]
    assert len(resolved) > 0 and (resolved["evidence"].str.len() > 0).all()


def test_scores_on_known_cases():
    import pandas as pd

    frame = pd.DataFrame(
        {"resolution": ["right", "wrong", "partly right", "open"], "implied probability": [0.9, 0.8, 0.5, 0.7]}
    )
    card = hindsight.scorecard(frame)
    assert card["scored"] == 3 and card["open"] == 1
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
    data["predictions"][0]["resolutions"][0]["events"] = ["no-such-event"]
    path = tmp_path / "predictions.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="no event"):
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
