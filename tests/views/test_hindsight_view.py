from claimscope.analysis import hindsight
from claimscope.views import hindsight as view
from claimscope.views import links

AS_OF = "2026-11-29"


def test_timeline_spec(base):
    predictions = hindsight.load("sora-gpt4-bottleneck")
    spec = view.timeline(base, predictions, AS_OF, "2024-02-19").to_dict()
    dots = spec["layer"][-1]
    assert dots["encoding"]["x"]["field"] == "date" and dots["encoding"]["y"]["field"] == "category"


def test_ledger_and_calibration_read_as_percentages(base):
    predictions = hindsight.load("sora-gpt4-bottleneck")
    ledger = hindsight.table(predictions, AS_OF, base)
    ix = links.index("sora-gpt4-bottleneck", predictions=predictions, base=base)
    html = view.ledger(ledger, ix).html() + view.calibration(hindsight.calibration(ledger)).html()
    assert "0.333333" not in html and "%" in html and 'href="#prediction-H01"' in html
    entries = view.entries(ledger, ix)
    assert entries.count('id="prediction-H') == len(predictions)


def test_scorecard_words():
    card = view.scorecard({"scored": 3, "share right": 0.5, "Brier score": 0.1234}, AS_OF)
    assert card["As of"] == "29 Nov 2026" and "50%" in card.values() and "0.12" in card.values()
