import pandas as pd

from claimscope.views import fmt, tables


def test_cells_are_formatted_escaped_and_missing_is_a_dash():
    frame = pd.DataFrame({"name": ["<b>x</b>", None], "value": [2.5e11, float("nan")], "share": [0.333333, 0.5]})
    html = tables.html(frame, formats={"value": lambda v: fmt.money(v, "USD"), "share": fmt.percent})
    assert "US$250\u00a0bn" in html and "33.3%" in html and "50%" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
    assert "None" not in html and "nan" not in html and "e+" not in html
    assert html.count("—") == 2
    assert html.startswith('<div class="cs-table-wrap"') and 'class="cs-table"' in html


def test_numeric_columns_are_right_aligned_and_ids_are_stable():
    frame = pd.DataFrame({"a": ["x"], "n": [1234]})
    first, second = tables.html(frame), tables.html(frame)
    assert first == second
    assert 'cs-numeric" >1,234<' in first


def test_links_wrap_the_formatted_text():
    frame = pd.DataFrame({"claim": ["C01"]})
    html = tables.html(frame, links={"claim": lambda text, value: f'<a href="#claim-{value}">{text}</a>'})
    assert '<a href="#claim-C01">C01</a>' in html


def test_table_head_keeps_formats():
    spec = tables.Table(pd.DataFrame({"v": [0.1, 0.2, 0.3]}), formats={"v": fmt.percent})
    assert spec.head(2).html().count("%") == 2


def test_a_wide_table_may_break_file_names_but_never_inside_a_tag():
    assert tables.breakable('<a href="#source-a_b/c">guide_v2.txt</a> x/y') == (
        '<a href="#source-a_b/c">guide_<wbr>v2.txt</a> x/<wbr>y'
    )
    frame = pd.DataFrame({"file": ["segment_analysis_guide.txt"]})
    assert "segment_<wbr>analysis" in tables.html(frame, wide=True) and "<wbr>" not in tables.html(frame)
