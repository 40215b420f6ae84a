"""Page numbers for the printed contents list, written into the PDF Chromium printed.

Chromium cannot number a contents list (CSS `target-counter()` is not supported), and printing
the report a second time with the numbers filled in costs about as much as the first print.
Instead the print keeps an empty slot at the right end of each contents entry (report.css), and
this module writes each heading's page number into its slot:

- the entry is the first link in the PDF to the heading's anchor (the contents come before the
  report's text), its box is the link's rectangle;
- the heading's page is the page of the anchor's named destination;
- the number sits on the baseline and at the size of the entry's first line of text (read with
  PDFium, through pypdfium2), right-aligned against the box's right edge, in the muted colour of report.css,
  in Helvetica, one of the fonts every PDF reader has;
- it is marked as an artifact, so the tagged PDF's reading order is the entries' titles.

In the same save, links to the files beside the report (data/claims.csv ...) become relative:
Chromium prints them as absolute addresses of the folder the report was printed in.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

import pikepdf
import pypdfium2
import pypdfium2.raw as pdfium

from claimscope import paths

FONT = "Helvetica"
DIGIT_WIDTH = 0.556  # every digit of Helvetica is 556/1000 of an em wide (Adobe's font metrics)


def muted_colour() -> tuple[float, float, float]:
    """The report's --muted colour (report.css) as PDF RGB values between 0 and 1."""
    css = paths.REPORT_CSS.read_text(encoding="utf-8")
    m = re.search(r"--muted:\s*#([0-9a-fA-F]{6})", css)
    if not m:
        raise ValueError(f"{paths.REPORT_CSS} defines no --muted colour")
    return tuple(int(m[1][i : i + 2], 16) / 255 for i in (0, 2, 4))


def _dest_name(annotation) -> str | None:
    """The named destination of a link annotation (/Dest, or a /GoTo action's /D), if it has one."""
    dest = annotation.get("/Dest")
    if dest is None and "/A" in annotation and annotation.A.get("/S") == pikepdf.Name.GoTo:
        dest = annotation.A.get("/D")
    if isinstance(dest, pikepdf.Name):
        return str(dest)[1:]
    if isinstance(dest, pikepdf.String):
        return str(dest)
    return None


def entries(pdf, anchors: set[str]) -> dict[int, list[tuple[str, list[float]]]]:
    """{page index: [(anchor, link rectangle), ...]}: the first link to each of `anchors`."""
    found: dict[int, list[tuple[str, list[float]]]] = defaultdict(list)
    seen = set()
    for index, page in enumerate(pdf.pages):
        for annotation in page.obj.get("/Annots", []):
            name = _dest_name(annotation) if annotation.get("/Subtype") == "/Link" else None
            if name in anchors and name not in seen:
                seen.add(name)
                found[index].append((name, [float(v) for v in annotation.Rect]))
        if len(seen) == len(anchors):
            break
    return dict(found)


class Char(NamedTuple):
    """A printed character: its origin on the baseline (x, y, in PDF points) and its size on the page."""

    x: float
    y: float
    size: float


def characters(document: pypdfium2.PdfDocument, index: int) -> list[Char]:
    """Every character PDFium finds on page `index` (0-based) of `document`.

    The size is the font size times the scale of the character's matrix (Chromium prints the page's
    content scaled), which is the size a reader sees.
    """
    textpage = document[index].get_textpage()
    x, y, matrix = ctypes.c_double(), ctypes.c_double(), pdfium.FS_MATRIX()
    found = []
    for i in range(textpage.count_chars()):
        if not pdfium.FPDFText_GetCharOrigin(textpage, i, x, y) or not pdfium.FPDFText_GetMatrix(textpage, i, matrix):
            continue
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
        found.append(Char(x.value, y.value, pdfium.FPDFText_GetFontSize(textpage, i) * scale))
    return found


def placements(characters: list[Char], boxes: list[tuple[str, list[float]]], pages: dict[str, int]) -> list[tuple]:
    """(number text, x, baseline y, size) for each box: right-aligned on the baseline of its first line."""
    placed = []
    for anchor, (x0, y0, x1, y1) in boxes:
        inside = [c for c in characters if x0 <= c.x <= x1 and y0 <= c.y <= y1]
        if not inside or anchor not in pages:
            continue
        baseline = max(c.y for c in inside)  # y grows upwards: the first line is the highest
        size = next(c.size for c in inside if abs(c.y - baseline) < 0.5)
        text = str(pages[anchor])
        placed.append((text, x1 - DIGIT_WIDTH * size * len(text), baseline, size))
    return placed


def _font_name(page, font) -> pikepdf.Name:
    """Add `font` to the page's font resources under a name the page does not use yet."""
    resources = page.obj.get("/Resources")
    if resources is None:
        resources = page.obj.Resources = pikepdf.Dictionary()
    if "/Font" not in resources:
        resources.Font = pikepdf.Dictionary()
    name, n = pikepdf.Name("/CsPage"), 1
    while name in resources.Font:
        name, n = pikepdf.Name(f"/CsPage{n}"), n + 1
    resources.Font[name] = font
    return name


def relative_links(pdf, folder: Path) -> int:
    """Make every link to a file under `folder` (where the report was printed) relative, so that it
    still opens the file beside the PDF once the report is published or sent on; the count changed."""
    base, changed = folder.resolve().as_uri() + "/", 0
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            action = annotation.get("/A")
            if action is not None and action.get("/S") == pikepdf.Name.URI and str(action.URI).startswith(base):
                action.URI = pikepdf.String(str(action.URI)[len(base) :])
                changed += 1
    return changed


def stamp(pdf_file: Path, anchors: list[str], pages: dict[str, int], folder: Path | None = None) -> int:
    """Write into `pdf_file`'s contents list the page of each of `anchors` (from `pages`); the count
    written. With `folder`, links to files in it become relative as well (in the same save)."""
    red, green, blue = muted_colour()
    written = 0
    with pikepdf.open(pdf_file, allow_overwriting_input=True) as pdf:
        if folder is not None:
            relative_links(pdf, folder)
        boxes = entries(pdf, set(anchors))
        document = pypdfium2.PdfDocument(pdf_file)
        try:
            placed_by_page = {index: placements(characters(document, index), b, pages) for index, b in boxes.items()}
        finally:
            document.close()  # before the file is written over
        # one font object for every page (qpdf numbers the first new object in about 0.2 s)
        font = (
            pdf.make_indirect(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(f"/{FONT}")
                )
            )
            if any(placed_by_page.values())
            else None
        )
        for index, placed in placed_by_page.items():
            if not placed:
                continue
            page = pdf.pages[index]
            name = _font_name(page, font)
            shows = " ".join(
                f"BT {name} {size:.3f} Tf {x:.3f} {y:.3f} Td ({text}) Tj ET" for text, x, y, size in placed
            )
            # the printed content is wrapped in q ... Q, so the numbers are drawn in the page's own coordinates
            operators = f"Q /Artifact BMC q {red:.4f} {green:.4f} {blue:.4f} rg {shows} Q EMC"
            page.contents_add(pikepdf.Stream(pdf, b"q"), prepend=True)
            page.contents_add(pikepdf.Stream(pdf, operators.encode("ascii")), prepend=False)
            written += len(placed)
        pdf.save(pdf_file, deterministic_id=True)
    return written
