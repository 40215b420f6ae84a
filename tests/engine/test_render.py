import json

import altair as alt
import nbformat
import pandas as pd
import pytest

from claimscope.engine import fonts, merge, render
from claimscope.errors import RenderError
from claimscope.views import charts

charts.use_theme()


def _chart_output(title: str) -> dict:
    chart = alt.Chart(pd.DataFrame({"a": [1, 2], "b": [title, "x"]})).mark_bar().encode(x="a", y="b")
    bundle = alt.renderers.get()(chart.to_dict())
    return nbformat.v4.new_output("display_data", data=bundle)


def _notebook(*outputs) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Chapter\n\n## Section"),
        nbformat.v4.new_code_cell("x", outputs=list(outputs)),
    ]
    return nb


def test_renderer_keeps_the_spec_as_json_and_html_for_live_jupyter():
    out = _chart_output("t")
    assert charts.VEGALITE_MIME in out["data"] and "text/html" in out["data"]
    nbformat.validate(_notebook(out))


def test_two_charts_share_one_inline_bundle_and_load_nothing_from_the_network():
    document = render.render(_notebook(_chart_output("a"), _chart_output("b")), "T", "S", "F")
    assert document.count("window.vegaEmbed=") == 1
    assert document.count('class="cs-chart"') == 2
    assert "cdn.jsdelivr" not in document and "require.js" not in document
    assert render.external_loads(document) == []


def test_spec_text_cannot_close_the_script_element():
    document = render.render(_notebook(_chart_output("</script><script>alert(1)</script>")), "T", "S", "F")
    assert "</script><script>alert(1)" not in document
    assert "<\\/script>" in document


def test_external_loads_are_detected():
    assert render.external_loads('<script src="https://cdn.example/x.js"></script>')
    assert render.external_loads("<style>@import url(//fonts.example/css);</style>")
    assert render.external_loads('<a href="https://example.com">a link is fine</a>') == []


def test_the_page_embeds_a_font_subset_for_its_chinese_text():
    document = render.render(_notebook(), "标题", "副标题", "")
    assert f'font-family: "{fonts.FAMILY}"' in document and "data:font/woff;base64," in document


def test_code_is_hidden_unless_asked():
    nb = _notebook()
    nb.cells[1].source = "secret_code_line = 1"
    assert "secret_code_line" not in render.render(nb, "T", "S", "F")
    assert "secret_code_line" in render.render(nb, "T", "S", "F", show_code=True)


def test_merge_numbers_chapters_sections_figures_and_tables():
    caption = nbformat.v4.new_output(
        "display_data",
        data={"text/html": '<p class="cs-caption cs-figure-caption">Lengths</p>'},
        metadata={"claimscope": {"kind": "figure"}},
    )
    params_cell = nbformat.v4.new_code_cell("a = 1", metadata={"tags": ["parameters"]})
    first, second = _notebook(caption), _notebook(json.loads(json.dumps(caption)))
    second.cells.insert(1, params_cell)
    merged = merge.merge([first, second])
    sources = [c.source for c in merged.cells if c.cell_type == "markdown"]
    assert sources == ["# 1. Chapter\n\n## 1.1 Section", "# 2. Chapter\n\n## 2.1 Section"]
    captions = [o["data"]["text/html"] for c in merged.cells if c.cell_type == "code" for o in c.outputs]
    assert "Figure 1.1." in captions[0] and "Figure 2.1." in captions[1]
    assert all(c.source != "a = 1" for c in merged.cells)


def test_an_unnumbered_summary_keeps_its_headings_and_labels_figures_s():
    caption = nbformat.v4.new_output(
        "display_data",
        data={"text/html": '<p class="cs-caption cs-table-caption">T</p>'},
        metadata={"claimscope": {"kind": "table"}},
    )
    summary, chapter = _notebook(caption), _notebook(json.loads(json.dumps(caption)))
    summary.metadata["claimscope"] = {"numbered": False}
    merged = merge.merge([summary, chapter])
    headings = [c.source for c in merged.cells if c.cell_type == "markdown"]
    assert headings == ["# Chapter\n\n## Section", "# 1. Chapter\n\n## 1.1 Section"]
    captions = [o["data"]["text/html"] for c in merged.cells if c.cell_type == "code" for o in c.outputs]
    assert "Table S.1." in captions[0] and "Table 1.1." in captions[1]


def test_the_font_subset_is_the_same_bytes_for_the_same_text(monkeypatch):
    import time

    first = fonts.subset_woff(set("希望别走老路"))
    monkeypatch.setattr(time, "time", lambda: 4_000_000_000.0)  # a later clock must not change the bytes
    assert fonts.subset_woff(set("希望别走老路")) == first


def test_a_page_that_would_load_from_the_network_is_a_render_error_with_an_exit_code():
    nb = _notebook()
    nb.cells[0].source = '# Chapter\n\n<img src="https://example.com/x.png">'
    with pytest.raises(RenderError) as refused:
        render.render(nb, "T", "S", "F")
    assert "load 1 resource(s) from the network" in str(refused.value) and refused.value.exit_code == 1


def test_merge_letters_the_appendix_and_its_captions():
    import nbformat

    from claimscope.views.show import CAPTION_KEY

    chapter = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# One\n\n## Part")])
    appendix = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Full text"),
            nbformat.v4.new_markdown_cell("# Sources\n\n## Web"),
            nbformat.v4.new_code_cell(
                outputs=[
                    nbformat.v4.new_output(
                        "display_data",
                        data={"text/html": '<p class="cs-caption cs-table-caption">All sources.</p>'},
                        metadata={CAPTION_KEY: {"kind": "table"}},
                    )
                ]
            ),
        ]
    )
    appendix.metadata["claimscope"] = {"appendix": True}
    merged = merge.merge([chapter, appendix])
    headings = [c.source for c in merged.cells if c.cell_type == "markdown"]
    assert headings == ["# 1. One\n\n## 1.1 Part", "# Appendix A. Full text", "# Appendix B. Sources\n\n## B.1 Web"]
    assert "Table B.1." in merged.cells[-1].outputs[0]["data"]["text/html"]


def test_html_outputs_pass_through_nbconvert_unchanged():
    html_output = '<table class="x"><tr><td>a &amp; b<br></td></tr></table><p>不变</p>'
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Heading"),
        nbformat.v4.new_code_cell(
            "x",
            outputs=[nbformat.v4.new_output("display_data", data={"text/html": html_output, "text/plain": "t"})],
        ),
    ]
    body = render.body_html(nb, show_code=False)
    assert html_output in body and "data-cs-slot" not in body
    assert nb.cells[1].outputs[0].data["text/html"] == html_output  # the notebook given is not changed
