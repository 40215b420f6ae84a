"""The built report as a reader meets it: numbers, widths, links, the argument map, the PDF's pages."""

from __future__ import annotations

import html
import re
import subprocess
from collections import Counter

import pypdfium2
import pypdfium2.raw as pdfium
import pytest

from browser import visit
from claimscope.analysis import claims
from claimscope.views import argmap

pytestmark = pytest.mark.slow

# Every visible table cell whose text is raw: scientific notation, float noise, None, nan.
RAW_CELLS = """() => {
  const raw = /\\d\\.\\d+e[+-]\\d+|\\d\\.\\d{5,}|^(None|nan|NaN|null|undefined)$|\\bnan\\b/;
  const chapter = (el) => { let name = ''; for (const h of document.querySelectorAll('main h1')) {
      if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) name = h.textContent.trim(); } return name; };
  return [...document.querySelectorAll('main td, main th')].filter(c => raw.test(c.innerText.trim()))
    .map(c => [chapter(c), c.innerText.trim().slice(0, 80)]);
}"""

WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"

# Claim and prediction ids in the text (not the titles of their own entries), linked or not.
ID_MENTIONS = """() => {
  const re = /(?<![\\w-])(C\\d{2,3}|H\\d{2})(?![\\w-])/g, out = {linked: 0, unlinked: [], cells: []};
  const walk = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const node = walk.currentNode, el = node.parentElement;
    if (el.closest('script, style, svg, .cs-entry-title')) continue;  // map nodes: see test_argument_maps_*
    const found = node.textContent.match(re) || [];
    if (el.closest('a')) { out.linked += found.length; continue; }
    found.forEach(() => out.unlinked.push(node.textContent.slice(0, 80)));
    if (found.length && el.closest('td')) out.cells.push(node.textContent.slice(0, 80));
  }
  return out;
}"""

DANGLING = """() => {
  const ids = new Set([...document.querySelectorAll('[id]')].map(e => e.id));
  return [...document.querySelectorAll('a[href^="#"]')].map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
    .filter(h => !ids.has(h));
}"""

MAP_TEXT = """() => [...document.querySelectorAll('svg.cs-argmap-svg')].map(svg => ({
  text: [...svg.querySelectorAll('text')].map(t => t.textContent),
  drawn: [...svg.querySelectorAll('text')].filter(t => t.getBBox().width > 0).length,
}))"""


@pytest.fixture(scope="module")
def report(built):
    return built / "report.html"


def test_no_table_cell_shows_raw_numbers(report):
    cells = visit(report, RAW_CELLS).result
    assert not cells, cells[:10]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_page_is_never_wider_than_the_window(report, width):
    scroll, inner = visit(report, WIDTH, width=width).result
    assert scroll <= inner, f"page is {scroll} px wide in a {inner} px window"


def test_claim_and_prediction_ids_are_links(report):
    seen = visit(report, ID_MENTIONS).result
    total = seen["linked"] + len(seen["unlinked"])
    assert total > 300
    assert seen["linked"] / total >= 0.9, seen["unlinked"][:10]
    assert not seen["cells"], seen["cells"][:10]


def test_no_internal_link_leads_nowhere_and_no_slug_shows(report):
    seen = visit(report, DANGLING)
    assert not seen.result, seen.result[:10]
    text = visit(report, "() => document.querySelector('main').innerText").result
    assert not re.search(r"(?<![\w/.-])fc-[a-z0-9]+-[a-z0-9-]+", text)
    assert "title not shown" not in text
    for code_name in ("WEIGHTS", "SentenceSignals", "as_of"):
        assert code_name not in text


def test_argument_maps_draw_their_labels(report):
    maps = visit(report, MAP_TEXT).result
    claimset = claims.load("sora-gpt4-bottleneck")
    whole = html.unescape(" ".join(maps[0]["text"]))
    assert len(maps) >= 2 and all(m["drawn"] == len(m["text"]) > 0 for m in maps)
    for claim in claimset.claims:
        for line in argmap.node_lines(claim):
            assert line in whole, (claim.id, line)


def test_contents_sidebar_stays_in_view_and_marks_the_current_section(report):
    script = """async () => {
      const target = document.querySelectorAll('main h2[id]')[8];
      target.scrollIntoView(); await new Promise(r => setTimeout(r, 300));
      const nav = document.querySelector('.cs-toc').getBoundingClientRect();
      const current = document.querySelector('.cs-toc a.cs-current');
      return [nav.top, nav.height > 200, current && current.getAttribute('href') === '#' + target.id];
    }"""
    top, tall, marked = visit(report, script).result
    assert top == 0 and tall and marked


def _pdf_pages(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")[:-1]]


def _outline(pdf) -> list[str]:
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(pdf)], capture_output=True, text=True).stdout
    return [html.unescape(re.sub(r"<[^>]+>", "", m)).strip() for m in re.findall(r"<item[^>]*>(.*?)</item>", xml, re.S)]


def test_pdf_has_page_numbers_and_an_outline_of_the_headings(built):
    pages = _pdf_pages(built / "report.pdf")
    assert all(re.fullmatch(rf"{n} / {len(pages)}", page[-1]) for n, page in enumerate(pages, 1))
    outline = _outline(built / "report.pdf")
    for heading in (
        "Executive summary",
        "1. The article",
        "2.2 The whole argument",
        "5. Hindsight",
        "Appendix D. Sources",
    ):
        assert heading in outline, outline[:20]


def test_pdf_strands_no_heading_or_table_caption_at_a_page_foot(built):
    outline = set(_outline(built / "report.pdf"))
    stranded = []
    for n, page in enumerate(_pdf_pages(built / "report.pdf"), 1):
        last = page[-2] if len(page) > 1 else ""
        if last in outline or re.match(r"^Table [0-9SA-E]+\.\d+\.", last):
            stranded.append((n, last))
    assert not stranded, stranded


def _outline_pages(pdf) -> dict[str, int]:
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(pdf)], capture_output=True, text=True).stdout
    found = re.findall(r'<item page="(\d+)">(.*?)</item>', xml, re.S)
    return {html.unescape(re.sub(r"<[^>]+>", "", title)).strip(): int(page) for page, title in found}


def test_the_printed_contents_give_each_heading_the_page_it_is_on(built):
    pages = _pdf_pages(built / "report.pdf")
    first_heading = min(_outline_pages(built / "report.pdf").values())
    contents = "\n".join(line for page in pages[:first_heading] for line in page)
    checked = 0
    for title, page in _outline_pages(built / "report.pdf").items():
        m = re.search(re.escape(title) + r"\s+(\d+)(?:\s|$)", contents)
        if m:
            assert int(m[1]) == page, (title, m[1], page)
            checked += 1
    assert checked >= 30, checked


def test_the_pdf_prints_at_full_size(built):
    """Chromium shrinks every page when one element is wider than the page. The text must print at
    the scale of the pages' own margin boxes (CSS px to points, 0.75); charts scale on their own."""
    document = pypdfium2.PdfDocument(built / "report.pdf")
    matrix, scales = pdfium.FS_MATRIX(), Counter()
    for index in range(len(document)):
        textpage = document[index].get_textpage()
        for i in range(0, textpage.count_chars(), 10):
            if pdfium.FPDFText_GetMatrix(textpage, i, matrix):
                scales[round(matrix.d, 3)] += 1
    assert scales.most_common(1)[0][0] == 0.75, scales.most_common(3)
