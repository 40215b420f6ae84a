"""Print a report's HTML to an A4 PDF with headless Chromium, after checking it can show Chinese."""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from claimscope.errors import SystemDependencyError

# Debian's headless shell first: the same Blink and PDF printing without the full browser around
# them, about 3 CPU-seconds less per report (start, page load and print); the full browser otherwise.
CANDIDATES = (
    "/usr/lib/chromium/chromium-headless-shell",
    "chromium-headless-shell",
    "/usr/lib/chromium/chromium",
    "chromium",
    "chromium-browser",
    "google-chrome",
)
BROWSER_ARGS = [  # for a browser driven by Playwright (which adds --headless)
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
]
# for a one-off print from the command line (print_pdf)
FLAGS = ["--headless", *BROWSER_ARGS, "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw"]


def chromium() -> str:
    """Path of a Chromium binary (CLAIMSCOPE_CHROMIUM overrides), or a clear error."""
    override = os.environ.get("CLAIMSCOPE_CHROMIUM")
    for candidate in ([override] if override else []) + list(CANDIDATES):
        found = candidate if os.path.isabs(candidate) and os.access(candidate, os.X_OK) else shutil.which(candidate)
        if found:
            return found
    raise SystemDependencyError(
        "no Chromium found to print the PDF: install Debian's package (apt-get install chromium-headless-shell), "
        "run `make setup`, or set CLAIMSCOPE_CHROMIUM to the browser binary"
    )


def cjk_fonts() -> list[str]:
    """Families of installed fonts that cover Chinese."""
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=30).stdout
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return []
    return sorted({line.split(",")[0].strip() for line in out.splitlines() if line.strip()})


def check_toolchain() -> str:
    """Chromium's path, after making sure a CJK font is installed (else Chinese prints as boxes)."""
    browser = chromium()
    if not cjk_fonts():
        raise SystemDependencyError(
            "no font that covers Chinese is installed, so the PDF would show empty boxes: "
            "install one (apt-get install fonts-noto-cjk) or run `make setup`"
        )
    return browser


def print_pdf(html_file: Path, pdf_file: Path, browser: str | None = None, timeout: int = 120) -> None:
    """Print `html_file` to `pdf_file`: A4 and page numbers come from the page's @page rule, bookmarks from its headings."""
    browser = browser or check_toolchain()
    with tempfile.TemporaryDirectory(prefix="claimscope-chromium-") as profile:
        cmd = [
            browser,
            *FLAGS,
            f"--user-data-dir={profile}",
            "--virtual-time-budget=15000",
            "--generate-pdf-document-outline",
            f"--print-to-pdf={pdf_file}",
            Path(html_file).resolve().as_uri(),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0 or not pdf_file.exists() or pdf_file.stat().st_size < 1000:
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        raise SystemDependencyError(f"Chromium could not print {html_file.name} (exit {proc.returncode}):\n{tail}")


_DESTINATION = re.compile(r'^\s*(\d+)\s+\[[^\]]*\]\s+"(.*)"$', re.M)


def anchor_pages(pdf_file: Path) -> dict[str, int]:
    """{anchor id: page number} of a printed PDF, from its named destinations (poppler's `pdfinfo -dests`).

    Chromium names a destination after each element id that a link in the page points to, so every
    heading the contents list links to is there. Empty if the PDF cannot be read.
    """
    try:
        out = subprocess.run(["pdfinfo", "-dests", str(pdf_file)], capture_output=True, timeout=60).stdout
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return {}
    return {name: int(page) for page, name in _DESTINATION.findall(out.decode("utf-8", errors="replace"))}


# The anchors the printed contents list links to, in its order.
CONTENTS_ANCHORS = """() => [...document.querySelectorAll('.cs-toc li a[href^="#"]')].map(
    a => decodeURIComponent(a.getAttribute('href').slice(1)))"""

CHARTS_DRAWN = """() => [...document.querySelectorAll('.cs-chart')].every(
    d => d.querySelector('svg, canvas') || d.textContent.startsWith('Chart failed'))"""


class Printer:
    """One long-lived headless Chromium (driven by Playwright) that prints every report of a build.

    The browser starts in the background as soon as the printer is entered, so its start-up
    overlaps the chapters; Playwright's calls all happen on the printer's one thread.
    """

    def __init__(self, browser: str | None = None):
        self.browser_path = browser or check_toolchain()
        self._playwright = self._browser = None
        self._thread = None
        self._started = None

    def __enter__(self) -> Printer:
        from concurrent.futures import ThreadPoolExecutor

        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimscope-printer")
        self._started = self._thread.submit(self._launch)
        return self

    def __exit__(self, *exc) -> None:
        if self._thread is not None:
            self._thread.submit(self._close).result()
            self._thread.shutdown()

    def _launch(self) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=self.browser_path, args=BROWSER_ARGS)

    def _close(self) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()

    @staticmethod
    def _pdf(page, pdf_file: Path) -> None:
        # outline: bookmarks from the h1-h6 headings; tagged: a structured PDF (needed for the outline)
        page.pdf(
            path=str(pdf_file),
            format="A4",
            print_background=True,
            prefer_css_page_size=True,
            outline=True,
            tagged=True,
        )

    def print(self, html_file: Path, pdf_file: Path, timeout_ms: int = 60_000) -> None:
        """Print `html_file` to an A4 `pdf_file` with page numbers, bookmarks and a paged contents list.

        Printed once; the page of each contents entry's heading is then written into the PDF, and
        links to the files beside the report made relative (engine.contents): about 0.55 s against
        3-5 s for printing it again with the numbers in the page.
        """
        from claimscope.engine import contents  # pikepdf and PDFium: only when a report is printed

        self._started.result()
        anchors = self._thread.submit(self._print, html_file, pdf_file, timeout_ms).result()
        if not pdf_file.exists() or pdf_file.stat().st_size < 1000:
            raise SystemDependencyError(f"Chromium could not print {html_file.name}")
        contents.stamp(pdf_file, anchors, anchor_pages(pdf_file) if anchors else {}, Path(html_file).parent)

    def _print(self, html_file: Path, pdf_file: Path, timeout_ms: int) -> list[str]:
        page = self._browser.new_page()
        try:
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
            page.goto(Path(html_file).resolve().as_uri(), wait_until="load")
            page.wait_for_function(CHARTS_DRAWN, timeout=timeout_ms)
            page.emulate_media(media="print")
            self._pdf(page, pdf_file)
            return page.evaluate(CONTENTS_ANCHORS)
        finally:
            page.close()


class Printers:
    """Up to `size` Printers, each its own headless Chromium, lent one print at a time, so that the
    reports of several variants print side by side (one Chromium lays out one page on one core).

    The first browser starts when the pool is entered (while the chapters run); another starts
    only when a report is ready to print and every browser is busy.
    """

    def __init__(self, size: int, browser: str | None = None):
        self.size = max(1, size)
        self.browser_path = browser or check_toolchain()
        self._free: queue.Queue = queue.Queue()
        self._all: list[Printer] = []
        self._lock = threading.Lock()

    def __enter__(self) -> Printers:
        self._free.put(self._new())
        return self

    def __exit__(self, *exc) -> None:
        for printer in self._all:
            printer.__exit__(*exc)

    def _new(self) -> Printer:
        printer = Printer(self.browser_path).__enter__()
        self._all.append(printer)
        return printer

    def print(self, html_file: Path, pdf_file: Path, timeout_ms: int = 60_000) -> None:
        """Print as Printer.print does, on the first browser free (a new one if there is room)."""
        try:
            printer = self._free.get_nowait()
        except queue.Empty:
            with self._lock:
                printer = self._new() if len(self._all) < self.size else None
            printer = printer or self._free.get()
        try:
            printer.print(html_file, pdf_file, timeout_ms)
        finally:
            self._free.put(printer)
