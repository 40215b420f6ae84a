import pytest

from claimscope.analysis import factcheck
from claimscope.analysis.factcheck import classify, combine, ratio


@pytest.mark.parametrize(
    "article, found, comparison, expected",
    [
        ((100, 100), (100, 100), "approx", 1.0),
        ((250, 250), (200, 200), "approx", 1.25),
        ((1, 2), (1.5, 1.5), "range", 1.0),
        ((1, 2), (0.8, 0.8), "range", 1.25),
        ((1, 2), (4, 4), "range", 0.5),
        ((1000, 10000), (500, 5000), "range", 1.0),  # overlapping ranges agree
        ((120, 120), (131, 131), "at_least", 1.0),
        ((120, 120), (112.9, 112.9), "at_least", 120 / 112.9),
        ((10, 10), (12, 12), "at_most", 10 / 12),
    ],
)
def test_ratio(article, found, comparison, expected):
    assert ratio(article, found, comparison) == pytest.approx(expected)


@pytest.mark.parametrize(
    "r, comparison, verdict",
    [
        (1.0, "approx", "accurate"),
        (1.09, "approx", "accurate"),
        (0.92, "approx", "accurate"),
        (1.2, "approx", "roughly right"),
        (0.7, "approx", "roughly right"),
        (1.6, "approx", "overstated"),
        (0.6, "approx", "understated"),
        (1.06, "at_least", "roughly right"),  # "more than x" has no 10% grace
        (1.0, "at_least", "accurate"),
    ],
)
def test_classify(r, comparison, verdict):
    assert classify(r, comparison) == verdict


def test_combine_definitions():
    assert combine([]) == "unverifiable"
    assert combine(["overstated", "overstated"]) == "overstated"
    assert combine(["accurate", "roughly right"]) == "accurate"
    assert combine(["roughly right", "accurate"]) == "roughly right"
    assert combine(["roughly right", "overstated"]) == "depends on definition"
    assert combine(["roughly right", "accurate"], threshold=True) == "depends on definition"
    assert combine(["accurate", "accurate"], threshold=True) == "accurate"


def test_definition_matters_for_profit(checks, base):
    check = next(c for c in checks if c.id == "fc-meta-google-profit")
    net, operating = (factcheck.evidence_value(base, d, "USD") for d in check.evidence)
    assert net[0] == pytest.approx(73.795e9 + 39.098e9)
    assert operating[0] == pytest.approx(84.293e9 + 46.751e9)
    assert factcheck.evaluate(check, base)["verdict"] == "depends on definition"


def test_currency_conversion_uses_the_named_rate(checks, base):
    check = next(c for c in checks if c.id == "fc-newgrad-multiple")
    with_equity, base_only = (factcheck.evidence_value(base, d, None)[0] for d in check.evidence)
    rate = base.figure("usdcny-avg-2023").value
    assert base_only == pytest.approx(300_000 / (384_000 / rate))
    assert with_equity == pytest.approx(800_000 / (384_000 / rate))


def test_every_check_with_a_verdict_cites_at_least_one_source(results):
    decided = results[results["verdict"] != "unverifiable"]
    assert len(decided) >= 15 and (decided["sources"].str.len() > 0).all()


def test_every_check_quote_is_verbatim_and_linked_to_its_claim(checks, seed, claimset):
    for c in checks:
        assert c.quote in seed.paragraph(c.paragraph).text
        assert c.id in claimset.by_id[c.claim].evidence_ids


def test_signals_normalise_the_article_values(checks):
    values = {c.id: factcheck.article_value(c) for c in checks if c.kind == "quantity"}
    assert values["fc-openai-newgrad-pay"][:2] == (1e6, 2e6) and values["fc-openai-newgrad-pay"][3] == "USD"
    assert values["fc-meta-google-profit"][:2] == (1.2e11, 1.2e11)
    assert values["fc-openai-revenue"][:2] == (1.1e9, 1.9e9)
    assert values["fc-china-llm-makers"][:2] == (10, 10)
    assert values["fc-douyin-cost"][:2] == (1e3, 1e4) and values["fc-douyin-cost"][3] == "CNY"


def test_unverifiable_when_no_evidence(results):
    row = results.set_index("check").loc["fc-china-writers-directors"]
    assert row["verdict"] == "unverifiable"


def test_export_has_the_promised_columns(results):
    assert list(factcheck.export(results).columns[:3]) == ["check", "claim", "quote"]
    assert {"ratio", "verdict", "source_ids", "unit"} <= set(factcheck.export(results).columns)


def test_a_check_citing_a_missing_figure_is_refused(tmp_path, seed, claimset, base):
    import yaml

    from claimscope import paths
    from claimscope.errors import InputError

    data = yaml.safe_load(paths.factchecks_file("sora-gpt4-bottleneck").read_text(encoding="utf-8"))
    data["checks"][0]["evidence"][0]["figures"] = ["no-such-figure"]
    path = tmp_path / "factchecks.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(
        InputError, match=r"check 'fc-openai-newgrad-pay', field 'evidence': no figure 'no-such-figure'"
    ):
        factcheck.load("sora-gpt4-bottleneck", seed, claimset, base, path=path)


def test_an_unknown_verdict_is_refused_naming_the_field(tmp_path, seed, claimset, base):
    from claimscope.errors import InputError

    path = tmp_path / "factchecks.yaml"
    path.write_text(
        "checks:\n  - id: fc-x\n    claim: C01\n    paragraph: 1\n    quote: q\n    quote_en: qq\n"
        "    kind: fact\n    verdict: mostly true\n    reasoning: because\n"
    )
    with pytest.raises(InputError, match=r"check 'fc-x', field 'verdict'"):
        factcheck.load("sora-gpt4-bottleneck", seed, claimset, base, path=path)


def _edited(tmp_path, edit):
    import yaml

    from claimscope import paths

    data = yaml.safe_load(paths.factchecks_file("sora-gpt4-bottleneck").read_text(encoding="utf-8"))
    check = next(c for c in data["checks"] if c["id"] == "fc-musk-net-worth")
    edit(check)
    path = tmp_path / "factchecks.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_verdict_that_differs_from_the_rule_needs_its_reason(tmp_path, seed, claimset, base):
    from claimscope.errors import InputError

    path = _edited(tmp_path, lambda c: c.update(verdict="accurate"))
    checks = factcheck.load("sora-gpt4-bottleneck", seed, claimset, base, path=path)
    with pytest.raises(InputError, match=r"'fc-musk-net-worth', field 'override_reason'.*'accurate'.*'roughly right'"):
        factcheck.results(checks, base)
    path = _edited(tmp_path, lambda c: c.update(verdict="accurate", override_reason="a reason"))
    shown = factcheck.results(factcheck.load("sora-gpt4-bottleneck", seed, claimset, base, path=path), base)
    row = shown[shown.check == "fc-musk-net-worth"].iloc[0]
    assert row["verdict"] == "accurate" and "the rule gives roughly right: a reason" in row["verdict shown"]
    assert factcheck.export(shown).set_index("check").loc["fc-musk-net-worth", "override_reason"] == "a reason"


def test_a_verdict_resting_on_tertiary_sources_alone_is_refused(tmp_path, seed, claimset, base):
    from claimscope.errors import InputError

    def tertiary_only(check):
        check["evidence"] = [{"definition": "start of 2024", "figures": ["musk-net-worth-start-2024"]}]

    with pytest.raises(InputError, match=r"'fc-musk-net-worth', field 'evidence': the verdict rests on tertiary"):
        factcheck.load("sora-gpt4-bottleneck", seed, claimset, base, path=_edited(tmp_path, tertiary_only))
    unverifiable = _edited(
        tmp_path, lambda c: (tertiary_only(c), c.update(verdict="unverifiable", override_reason="r"))
    )
    assert factcheck.load("sora-gpt4-bottleneck", seed, claimset, base, path=unverifiable)


def test_every_verdict_agrees_with_the_rule_or_gives_its_reason(results):
    differ = results[results["overridden"]]
    assert len(differ) and (differ["override reason"].str.len() > 10).all()
