import pytest

from claimscope.views import links


@pytest.fixture(scope="module")
def ix(claimset, checks, base):
    from claimscope.analysis import hindsight

    return links.index("sora-gpt4-bottleneck", claimset, checks, hindsight.load("sora-gpt4-bottleneck"), base)


def test_known_ids_link_to_their_entry_unknown_ones_stay_text(ix):
    assert ix.link("claim", "C57").startswith('<a class="cs-ref cs-ref-claim" href="#claim-C57"')
    assert ix.link("claim", "C999") == "C999"
    text = ix.linkify("C57 rests on C44 and fc-musk-net-worth; C999 does not exist; H01 too.")
    assert 'href="#claim-C57"' in text and 'href="#claim-C44"' in text and 'href="#prediction-H01"' in text
    assert "Elon Musk&#x27;s net worth" in text or "Elon Musk's net worth" in text
    assert "C999" in text and "#claim-C999" not in text


def test_checks_and_sources_show_human_names(ix, base):
    assert all(not label.startswith("fc-") for (kind, _), (label, _) in ix.entries.items() if kind == "check")
    titles = [label for (kind, _), (label, _) in ix.entries.items() if kind == "source"]
    assert not any(t.startswith(links.PLACEHOLDER_TITLE) for t in titles)


def test_mixed_column_names_industry_outputs(ix):
    cell = ix.mixed_column()("", "fc-musk-net-worth market.short_video H01")
    assert "industry model: short video" in cell and 'href="#prediction-H01"' in cell


def test_figure_ids_and_ranges_in_prose_link_to_the_figures_register(ix):
    text = ix.linkify("the WFA share (F061) and prices F097-F099, figure alibaba-p10-pay-upper; F999, P10, 2024.")
    assert 'href="#figure-F061"' in text and 'href="#figure-F097"' in text and 'href="#figure-F099"' in text
    assert 'href="#figure-alibaba-p10-pay-upper"' in text
    assert "F999" in text and "#figure-F999" not in text and "#figure-P10" not in text and "#figure-2024" not in text


def test_escaped_text_keeps_its_entities(ix):
    assert ix.linkify("it&#x27;s C57 &amp; F061").startswith("it&#x27;s <a ")


def test_event_and_source_ids_in_prose_link_to_their_entries(ix, base):
    event, source = next(iter(base.events)), next(iter(base.sources))
    text = ix.linkify(f"see {event} and {source}.")
    assert f'href="#event-{event}"' in text and f'href="#source-{source}"' in text
    assert links.ids_in("(F097-F099), C57; 2024.") == ["F097-F099", "C57"]
