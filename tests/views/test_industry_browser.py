"""The what-if chart recomputes the model in the reader's browser: same numbers as Python, no kernel, no network."""

from pathlib import Path

import altair as alt
import nbformat
import pytest
from playwright.sync_api import sync_playwright

from claimscope.analysis import market
from claimscope.analysis.market import model
from claimscope.engine import pdf, render
from claimscope.views import charts
from claimscope.views.industry import charts as figures

M = market.load("sora-gpt4-bottleneck")

pytestmark = pytest.mark.slow

# Runs before the page's scripts: wraps vegaEmbed when the inline bundle defines it, keeping each view.
KEEP_VIEWS = """
(() => {
  let wrapped;
  window.__csViews = {};
  Object.defineProperty(window, "vegaEmbed", {
    configurable: true,
    get() { return wrapped; },
    set(embed) {
      wrapped = Object.assign(function (el, spec, opts) {
        return embed(el, spec, opts).then(function (result) { window.__csViews[el] = result.view; return result; });
      }, embed);
    },
  });
})();
"""

# Set the bound sliders, let Vega rerun, and read back the rows that carry the computed savings share.
SET_AND_READ = """
async (levers) => {
  const view = window.__csViews["#cs-chart-1"];
  for (const [name, value] of Object.entries(levers)) {
    const input = document.querySelector(`#cs-chart-1 input[name="${name}"]`);
    input.value = String(value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }
  await view.runAsync();
  const signals = Object.fromEntries(Object.keys(levers).map((name) => [name, view.signal(name)]));
  for (const name of Object.keys(view._runtime.data)) {
    const rows = view.data(name);
    if (rows.length && "savings_share" in rows[0] && "status" in rows[0]) {
      return { signals, rows: rows.map((r) => ({ label: r.label, savings_share: r.savings_share, status: r.status })) };
    }
  }
  return { signals, rows: [] };
}
"""


def _page(tmp_path: Path, threshold: float) -> Path:
    charts.use_theme()
    chart = figures.whatif_chart(M, "base", threshold)
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# What if\n\n## Sliders"),
        nbformat.v4.new_code_cell(
            "chart", outputs=[nbformat.v4.new_output("display_data", data=alt.renderers.get()(chart.to_dict()))]
        ),
    ]
    page = tmp_path / "whatif.html"
    page.write_text(render.render(nb, "What if", "test", ""), encoding="utf-8")
    return page


def _drive(page: Path, settings: list[dict]) -> tuple[list, list, list]:
    """Open the page offline, apply each set of slider values in turn; return readings, errors, blocked."""
    errors, blocked, readings = [], [], []
    url = page.resolve().as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=pdf.chromium(), args=pdf.BROWSER_ARGS)
        tab = browser.new_page()
        tab.route(
            "**/*",
            lambda r: (
                r.continue_()
                if r.request.url == url or r.request.url.startswith("data:")
                else (blocked.append(r.request.url), r.abort())
            ),
        )
        tab.on("console", lambda m: m.type == "error" and errors.append(m.text))
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.add_init_script(KEEP_VIEWS)
        tab.goto(url)
        tab.wait_for_function("() => window.__csViews && window.__csViews['#cs-chart-1']", timeout=15000)
        for levers in settings:
            readings.append(tab.evaluate(SET_AND_READ, levers))
        browser.close()
    return readings, errors, blocked


def test_sliders_recompute_the_models_numbers_in_the_browser(tmp_path):
    """At the start the chart shows the headline numbers; at every other position, Python's for those levers."""
    threshold = 0.05
    moves = [
        dict(model.START),
        {"substitution_factor": 1.6, "cost_factor": 0.8, "midpoint_shift": -2},
        {"substitution_factor": 3, "cost_factor": 2, "midpoint_shift": -5, "threshold": 0.1},
        {"substitution_factor": 0, "cost_factor": 0.5, "midpoint_shift": 10},
    ]
    readings, errors, blocked = _drive(_page(tmp_path, threshold), moves)
    assert errors == [] and blocked == []
    headline = model.headline(M, "base", threshold).set_index("label").savings_share
    start = {r["label"]: r["savings_share"] for r in readings[0]["rows"]}
    for label, value in start.items():
        assert value == pytest.approx(headline[label], rel=1e-9), label
    limit = threshold
    for levers, reading in zip(moves, readings):
        limit = levers.get("threshold", limit)
        assert reading["signals"] == pytest.approx(levers)
        lever_values = {k: v for k, v in levers.items() if k != "threshold"}
        expected = model.whatif(M, lever_values, "base").set_index("label").savings_share
        got = {r["label"]: r for r in reading["rows"]}
        assert set(got) == set(expected.index)
        for label, value in expected.items():
            assert got[label]["savings_share"] == pytest.approx(value, rel=1e-6, abs=1e-12), (levers, label)
            assert got[label]["status"] == (figures.ABOVE if value >= limit else figures.BELOW)
    assert any(r["status"] == figures.ABOVE for r in readings[2]["rows"])
    assert all(r["savings_share"] == 0 for r in readings[3]["rows"])
