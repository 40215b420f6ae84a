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


def test_the_log_axis_ticks_are_powers_of_a_thousand_in_words(results):
    import pandas as pd
    import vl_convert

    from claimscope.views import charts

    assert view.thousands(pd.DataFrame({"a": [5.0, 2e9], "b": [float("nan"), 0.0]})) == [1.0, 1e3, 1e6, 1e9, 1e12]
    charts.use_theme()
    svg = vl_convert.vegalite_to_svg(view.values_chart(results).to_json())
    ticks = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert {"1,000", "1 m", "1 bn"} <= set(ticks) and not any("e+" in t for t in ticks), ticks
