import re
import subprocess

import pikepdf
import pytest

from claimscope import paths
from claimscope.engine import contents, pdf


def _char(x, y, size):
    return contents.Char(x, y, size)


def test_a_number_is_right_aligned_on_the_baseline_of_its_entrys_first_line():
    box = ("ch-2", [40.0, 100.0, 300.0, 130.0])
    characters = [_char(50, 118, 8.0), _char(56, 118, 8.0), _char(50, 104, 8.0), _char(400, 118, 9.0)]
    [(text, x, y, size)] = contents.placements(characters, [box], {"ch-2": 12})
    assert (text, y, size) == ("12", 118, 8.0)
    assert x == pytest.approx(300.0 - 2 * contents.DIGIT_WIDTH * 8.0)


def test_an_entry_without_text_or_without_a_known_page_gets_no_number():
    boxes = [("a", [0.0, 0.0, 10.0, 10.0]), ("b", [0.0, 20.0, 10.0, 30.0])]
    assert contents.placements([_char(5, 25, 8.0)], boxes, {"a": 3}) == []


def test_the_numbers_are_the_reports_muted_colour():
    hex_colour = re.search(r"--muted:\s*#(\w{6})", paths.REPORT_CSS.read_text(encoding="utf-8"))[1]
    assert [round(v * 255) for v in contents.muted_colour()] == [int(hex_colour[i : i + 2], 16) for i in (0, 2, 4)]


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 2cm; }
.cs-toc a { display: flex; justify-content: space-between; }
.cs-toc a::after { content: ""; min-width: 2.2em; }
h1 { break-before: page; }
ol { list-style: none; }
</style></head><body><nav class="cs-toc"><ol>
<li><a href="#first">First chapter</a></li><li><a href="#second">Second chapter</a></li>
<li><a href="#third">Third chapter, whose title is long enough to run over onto a second line of the contents list
so that the number has to sit on the first one</a></li>
</ol></nav>
<h1 id="first">First chapter</h1><p>See the <a href="#third">third chapter</a>.</p>
<h1 id="second">Second chapter</h1><p>Text.</p><div style="height: 40cm"></div><p>More text.</p>
<h1 id="third">Third chapter</h1><p>Text.</p>
</body></html>"""


@pytest.mark.slow
def test_a_printed_contents_list_shows_the_page_of_each_heading(tmp_path):
    html_file = tmp_path / "page.html"
    html_file.write_text(PAGE, encoding="utf-8")
    pdf_file = tmp_path / "page.pdf"
    with pdf.Printer() as printer:
        printer.print(html_file, pdf_file)
    first = subprocess.run(["pdftotext", "-layout", "-l", "1", str(pdf_file), "-"], capture_output=True, text=True)
    lines = [re.sub(r"\s+", " ", line).strip() for line in first.stdout.splitlines() if line.strip()]
    assert "First chapter 2" in lines and "Second chapter 3" in lines
    assert any(line.startswith("Third chapter, whose title") and line.endswith(" 5") for line in lines), lines
    assert pdf.anchor_pages(pdf_file) == {"first": 2, "second": 3, "third": 5}


def test_the_numbers_font_takes_a_name_the_page_does_not_use(tmp_path):
    pdf_doc = pikepdf.new()
    pdf_doc.add_blank_page()
    page = pdf_doc.pages[0]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(CsPage=pikepdf.Dictionary()))
    font = pdf_doc.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font))
    assert contents._font_name(page, font) == "/CsPage1"
    assert contents._font_name(pdf_doc.pages[0], font) == "/CsPage2"


def test_links_to_files_beside_the_report_become_relative(tmp_path):
    folder = tmp_path / "staging"
    pdf_doc = pikepdf.new()
    pdf_doc.add_blank_page()
    link = lambda uri: pikepdf.Dictionary(  # noqa: E731
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=[0, 0, 10, 10],
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=uri),
    )
    inside, outside = folder.resolve().as_uri() + "/data/claims.csv", "https://example.org/a"
    pdf_doc.pages[0].obj.Annots = pikepdf.Array([link(inside), link(outside)])
    assert contents.relative_links(pdf_doc, folder) == 1
    assert [str(a.A.URI) for a in pdf_doc.pages[0].obj.Annots] == ["data/claims.csv", outside]
