from concurrent.futures import ThreadPoolExecutor

import pytest

from claimscope.engine import pdf

pytestmark = pytest.mark.slow

PAGE = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1 id="a">{}</h1><p>中文</p></body></html>'


def test_reports_ready_together_print_side_by_side_on_separate_browsers(tmp_path):
    pages = []
    for name in ("one", "two", "three"):
        (tmp_path / f"{name}.html").write_text(PAGE.format(name), encoding="utf-8")
        pages.append((tmp_path / f"{name}.html", tmp_path / f"{name}.pdf"))
    with pdf.Printers(2) as printers, ThreadPoolExecutor(max_workers=3) as threads:
        list(threads.map(lambda page: printers.print(*page), pages))
        browsers = len(printers._all)
    assert browsers == 2  # never more than the pool's size
    assert all(target.stat().st_size > 1000 for _, target in pages)
