import re

import pytest

from claimscope.analysis import hindsight
from claimscope.views import appendix, links


@pytest.fixture(scope="module")
def ix(claimset, checks, base):
    return links.index("sora-gpt4-bottleneck", claimset, checks, hindsight.load("sora-gpt4-bottleneck"), base)


def test_claim_entries_link_back_to_their_checks_and_supporters(claimset, ix):
    html = appendix.claim_entries(claimset, ix)
    assert html.count('class="cs-entry cs-claim"') == len(claimset.claims)
    c57 = html[html.index('id="claim-C57"') :]
    c57 = c57[: c57.index("</section>")]
    assert "Supported by" in c57 and 'href="#claim-C44"' in c57
    c54 = html[html.index('id="claim-C54"') :]
    assert 'href="#check-fc-musk-net-worth"' in c54[: c54.index("</section>")]


def test_every_source_and_event_has_one_entry_with_backlinks(base, checks, ix):
    sources = appendix.source_entries(base, checks, ix)
    assert len(re.findall(r'id="source-', sources)) == len(base.sources)
    assert "title not shown" not in sources
    events = appendix.event_entries(base, hindsight.load("sora-gpt4-bottleneck"), ix, "2024-12-31")
    assert 0 < len(re.findall(r'id="event-', events)) < len(base.events)
    assert 'href="#prediction-H' in events and 'href="#source-' in events


def test_score_rule_has_no_code_names():
    rule = appendix.score_rule()
    assert "score =" in rule and "WEIGHTS" not in rule and "SentenceSignals" not in rule


def test_numbers_read_in_words(seed):
    from claimscope.text import signals

    html = appendix.numbers(signals.numbers_frame(seed)).html()
    assert "e+0" not in html and ">2023<" in html and "US$250\u00a0bn" in html


def test_a_report_as_of_an_earlier_date_links_no_later_event(claimset, checks, base):
    predictions = hindsight.load("sora-gpt4-bottleneck")
    ix = links.index("sora-gpt4-bottleneck", claimset, checks, predictions, base, as_of="2024-12-31")
    entries = set(re.findall(r'id="(event-[^"]+)"', appendix.event_entries(base, predictions, ix, "2024-12-31")))
    linked = set(re.findall(r'href="#(event-[^"]+)"', appendix.source_entries(base, checks, ix)))
    assert linked and linked <= entries


def test_every_figure_has_one_anchored_row_with_its_source_and_checks(base, checks, ix):
    table = appendix.figure_table(base, checks, ix)
    html = table.html()
    assert len(re.findall(r'id="figure-', html)) == len(base.figures)
    assert 'id="figure-F061"' in html and 'href="#source-' in html and 'href="#check-' in html
    uses = appendix.figure_checks(base, checks)
    cited = {fid for check in checks for d in check.evidence for fid in d.figures}
    assert cited and all(uses[fid] for fid in cited)


def test_a_checked_claim_shows_its_verdict_beside_the_earlier_assessment(claimset, checks, base, ix):
    from claimscope.analysis import factcheck

    results = factcheck.results(checks, base)
    html = appendix.claim_entries(claimset, ix, results)
    row = results.iloc[0]
    entry = html[html.index(f'id="claim-{row.claim}"') :]
    entry = entry[: entry.index("</section>")]
    assert f"<b>{row.verdict}</b>" in entry and f'href="#check-{row.check}"' in entry
    assert "before the fact check" in entry
    unchecked = next(c.id for c in claimset.claims if c.id not in set(results.claim))
    entry = html[html.index(f'id="claim-{unchecked}"') :]
    assert "Fact-check verdict" not in entry[: entry.index("</section>")]


def test_a_chinese_source_title_reads_in_english_with_the_original_beside_it(base, checks, ix):
    source = next(s for s in base.sources.values() if s.title_en and s.title != s.title_en)
    html = appendix.source_entries(base, checks, ix)
    entry = html[html.index(f'id="source-{source.id}"') :]
    entry = entry[: entry.index("</section>")]
    assert source.title_en.replace("'", "&#x27;") in entry and "original title" in entry
    assert ix.label("source", source.id) == source.title_en


def test_signal_tables_link_each_paragraph_to_its_translation(seed, ix):
    from claimscope.text import signals

    html = appendix.ranked(signals.ranked(seed, 5), ix).html()
    assert 'href="#paragraph-' in html


def test_back_links_count_what_reasoning_and_notes_name(base, checks):
    from claimscope.analysis import factcheck

    check, figure_id = next(
        (c, f)
        for c in checks
        for f in links.ids_in(c.reasoning)
        if f in base.figures and f not in factcheck.figures_of(c)
    )
    assert check.id in appendix.figure_checks(base, checks)[figure_id]
    uses = appendix.cited_by(base, checks)
    figure = next(iter(base.figures.values()))
    assert figure.id in uses[figure.source_id]["figure"]


def test_an_earlier_as_of_date_does_not_say_an_event_resolves_a_still_open_prediction(base, checks, claimset):
    import datetime as dt

    predictions = hindsight.load("sora-gpt4-bottleneck")
    as_of = "2024-12-31"
    known = hindsight.events_until(base, dt.date.fromisoformat(as_of))
    still_open, early = next(
        (p, e)
        for p in predictions
        if hindsight.resolve(p, known)[1] is None
        for r in p.resolutions
        for e in r.events
        if e in known
    )
    ix = links.index("sora-gpt4-bottleneck", claimset, checks, predictions, base, as_of=as_of)
    html = appendix.event_entries(base, predictions, ix, as_of)
    entry = html[html.index(f'id="event-{early}"') :]
    entry = entry[: entry.index("</section>")]
    assert "once later events are in" in entry and f'href="#prediction-{still_open.id}"' in entry
    assert entry.count(f'href="#prediction-{still_open.id}"') == 1  # under "once later events are in" only
