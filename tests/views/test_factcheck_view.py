import re

from claimscope.views import factcheck as view
from claimscope.views import links

RAW = re.compile(r"\d\.\d+e[+-]\d+|\d\.\d{5,}|\bNone\b|\bnan\b")


def test_key_tables_show_formatted_numbers(results, claimset, checks):
    ix = links.index("sora-gpt4-bottleneck", claimset, checks, [])
    for table in (view.quantities(results, ix), view.other_definitions(results, ix), view.flagged(results, ix)):
        html = table.html()
        assert not RAW.search(re.sub(r"<[^>]+>", " ", html)), RAW.search(re.sub(r"<[^>]+>", " ", html))
    html = view.quantities(results, ix).html()
    assert "US$250\u00a0bn" in html and "US$49\u00a0tn" in html and 'href="#check-fc-musk-net-worth"' in html


def test_entries_carry_anchors_and_link_claims_and_sources(results, claimset, checks, base):
    ix = links.index("sora-gpt4-bottleneck", claimset, checks, [], base)
    html = view.entries(results, ix)
    assert html.count('class="cs-entry"') == len(results)
    assert 'id="check-fc-musk-net-worth"' in html and 'href="#claim-C54"' in html and 'href="#source-' in html


def test_charts_label_checks_by_title(results):
    spec = view.ratio_chart(results).to_dict()
    data = next(iter(spec["datasets"].values())) if "datasets" in spec else []
    labels = {row.get("label") for d in spec.get("datasets", {}).values() for row in d if "label" in row}
    assert "Elon Musk's net worth" in labels and not any(str(x).startswith("fc-") for x in labels)
    assert data is not None
