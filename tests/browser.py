"""Open a page in Debian's headless Chromium with the network cut off, and report what happened."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import sync_playwright

from claimscope.engine import pdf


@dataclass
class Visit:
    requests_blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    charts: int = 0
    charts_drawn: int = 0
    cjk_font_loaded: bool = False
    result: object = None


def visit(html_file: Path, script: str | None = None, wait_ms: int = 1500, width: int = 1280) -> Visit:
    """Load `html_file` in a window `width` px wide; any request not for that file is blocked and recorded."""
    seen = Visit()
    page_url = Path(html_file).resolve().as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=pdf.chromium(), args=pdf.BROWSER_ARGS)
        page = browser.new_page(viewport={"width": width, "height": 900})

        def route(r):
            if r.request.url == page_url or r.request.url.startswith("data:"):
                r.continue_()
            else:
                seen.requests_blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("console", lambda m: m.type == "error" and seen.console_errors.append(m.text))
        page.on("pageerror", lambda e: seen.console_errors.append(str(e)))
        page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
        page.goto(page_url)
        page.wait_for_timeout(wait_ms)
        seen.charts = page.locator(".cs-chart").count()
        seen.charts_drawn = page.locator(".cs-chart svg, .cs-chart canvas").count()
        seen.cjk_font_loaded = page.evaluate("document.fonts.check('16px \"claimscope CJK\"', '中文')")
        if script:
            seen.result = page.evaluate(script)
        browser.close()
    return seen
