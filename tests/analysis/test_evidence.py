import pytest

from claimscope.analysis import evidence
from claimscope.errors import InputError

HEADER = "id,metric,entity,period,value,unit,currency,source_id,note\n"
SOURCE = """- id: src-a
  title: A title
  publisher: A publisher
  url: https://example.org/a
  date_published: 2024-01-02
  date_accessed: 2026-11-29
  quote: "revenue was 5 billion"
  tier: primary
"""


@pytest.fixture(scope="module")
def base():
    return evidence.load()


def _data(tmp_path, sources=SOURCE, figures=HEADER + "f1,revenue,X,2023,5000000000,money,USD,src-a,\n"):
    (tmp_path / "sources.yaml").write_text(sources)
    (tmp_path / "figures.csv").write_text(figures)
    evidence.load.cache_clear()
    try:
        return evidence.load(tmp_path)
    finally:
        evidence.load.cache_clear()


def test_every_source_record_is_complete(base):
    assert base.sources
    for s in base.sources.values():
        assert s.title and s.publisher and s.url.startswith("http") and s.quote and s.date_accessed
        assert s.date_published or s.date_published_note


def test_every_figure_and_event_cites_an_existing_source(base):
    assert base.figures and base.events
    for item in list(base.figures.values()) + list(base.events.values()):
        assert item.source_id in base.sources


def test_money_figures_have_a_known_currency(base):
    for f in base.figures.values():
        assert (f.unit == "money") == (f.currency in evidence.CURRENCIES), f.id


def test_a_valid_minimal_evidence_base_loads(tmp_path):
    assert _data(tmp_path).figure("f1").value == 5e9


@pytest.mark.parametrize(
    "row, words",
    [
        ("f1,revenue,X,2023,5e9,money,EUR,src-a,", ["line 2", "'f1'", "currency"]),
        ("f1,revenue,X,2023,5e9,dollars,USD,src-a,", ["line 2", "unit", "unknown unit 'dollars'"]),
        ("f1,revenue,X,2023,lots,money,USD,src-a,", ["line 2", "field 'value'"]),
        ("f1,revenue,X,2023,5e9,money,USD,src-missing,", ["line 2", "field 'source_id'", "src-missing"]),
        ("f1,revenue,X,2023,5e9,money,USD,src-a,\nf1,revenue,X,2024,6e9,money,USD,src-a,", ["line 3", "used twice"]),
    ],
)
def test_bad_figures_are_refused_naming_file_line_and_field(tmp_path, row, words):
    with pytest.raises(InputError) as err:
        _data(tmp_path, figures=HEADER + row + "\n")
    assert str(tmp_path / "figures.csv") in str(err.value)
    for word in words:
        assert word in str(err.value)


def test_a_source_without_date_or_reason_is_refused(tmp_path):
    bad = SOURCE.replace("date_published: 2024-01-02", "date_published: null")
    with pytest.raises(InputError, match="date_published_note must say why"):
        _data(tmp_path, sources=bad)


def test_malformed_yaml_is_refused_naming_the_file(tmp_path):
    with pytest.raises(InputError, match="sources.yaml: not valid YAML"):
        _data(tmp_path, sources="- id: [unclosed\n")


def test_series_orders_by_period(base):
    series = base.series("box_office", "China")
    assert list(series.period) == sorted(series.period)


def test_every_quote_not_in_english_has_a_translation(base):
    for s in base.sources.values():
        if any("\u3040" <= ch <= "\u9fff" for ch in s.quote):
            assert s.quote_en and s.quote_en.strip(), s.id


def test_a_chinese_quote_without_translation_is_refused(tmp_path):
    with pytest.raises(InputError, match="quote_en must give its English translation"):
        _data(tmp_path, sources=SOURCE.replace('quote: "revenue was 5 billion"', 'quote: "营收 50 亿元"'))


def test_a_chinese_title_without_translation_is_refused(tmp_path):
    chinese = SOURCE.replace("title: A title", "title: 2023年我国广告业实现快速增长")
    with pytest.raises(InputError, match="title_en must give its English translation"):
        _data(tmp_path, sources=chinese)
    translated = chinese.replace(
        "title: 2023年我国广告业实现快速增长",
        "title: 2023年我国广告业实现快速增长\n  title_en: China's advertising grew fast in 2023",
    )
    assert _data(tmp_path, sources=translated).sources


def test_a_chinese_publisher_without_translation_is_refused(tmp_path):
    chinese = SOURCE.replace("publisher: A publisher", "publisher: 每日经济新闻")
    with pytest.raises(InputError, match="publisher_en must give its English translation"):
        _data(tmp_path, sources=chinese)


def test_a_placeholder_title_is_refused(tmp_path):
    bad = SOURCE.replace("title: A title", "title: '(title not shown in stored excerpt; URL slug: a)'")
    with pytest.raises(InputError, match="not a placeholder"):
        _data(tmp_path, sources=bad)


def test_every_title_written_by_the_project_says_so(base):
    for s in base.sources.values():
        assert not s.title.startswith("(") and "title not shown" not in s.title, s.id
        assert s.title_note is None or "written from the page" in s.title_note, s.id
