"""Render a merged report notebook to one self-contained HTML page (no network needed to read it)."""

from __future__ import annotations

import copy
import functools
import html
import json
import re

import nbformat
from nbconvert import HTMLExporter

from claimscope import paths
from claimscope.engine import fonts, usercache
from claimscope.errors import RenderError

VEGALITE = re.compile(r"^application/vnd\.vegalite\.v\d+\+json$")
EMBED_OPTIONS = {"actions": False, "renderer": "svg"}
# A link (<a href>) may point anywhere; nothing may be *loaded* from another host.
_EXTERNAL_LOAD = re.compile(
    r"<(?:script|img|iframe|link|source|video|audio|embed)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I
)
_CSS_IMPORT = re.compile(r"@import\s+url\(\s*[\"']?(?:https?:)?//|url\(\s*[\"']?(?:https?:)?//", re.I)


@functools.lru_cache(maxsize=1)
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script (about 0.9 MB).

    Bundling takes vl-convert ~2.5 CPU-seconds and gives the same text for the same version of
    vl-convert, so it is kept in the user's cache folder (paths.user_cache()) under that version.
    """
    from importlib import metadata

    import vl_convert

    file = paths.vega_bundle_file(metadata.version("vl-convert-python"))
    return usercache.remember(file, lambda: vl_convert.javascript_bundle().encode("utf-8")).decode("utf-8")


def _script_json(value) -> str:
    """JSON safe to place inside a <script> element (no '</' can close it early)."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def embed_charts(nb: nbformat.NotebookNode) -> int:
    """Replace every Vega-Lite output with a div and an inline vegaEmbed call; return the count."""
    count = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            key = next((k for k in data if VEGALITE.match(k)), None)
            if key is None:
                continue
            count += 1
            spec = data[key]
            div = f"cs-chart-{count}"
            out["data"] = {
                "text/html": (
                    f'<div class="cs-chart" id="{div}"></div>'
                    f'<script>vegaEmbed("#{div}", {_script_json(spec)}, {_script_json(EMBED_OPTIONS)})'
                    f'.catch(function (e) {{ document.getElementById("{div}").textContent = "Chart failed: " + e; console.error(e); }});</script>'
                ),
                "text/plain": f"[chart {count}]",
            }
            out.setdefault("metadata", {})
    return count


def drop_stderr(nb: nbformat.NotebookNode) -> None:
    """Library warnings on stderr are for the build log, not for the reader."""
    for cell in nb.cells:
        if "outputs" in cell:
            cell.outputs = [
                o for o in cell.outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
            ]


# Stands in for an HTML output while nbconvert renders the notebook (see body_html).
_SLOT = '<div data-cs-slot="{}"></div>'
_SLOTS = re.compile(r'<div data-cs-slot="(\d+)"></div>')


def body_html(nb: nbformat.NotebookNode, show_code: bool) -> str:
    """The notebook's cells as HTML (nbconvert's basic template, no prompts, code only if asked).

    nbconvert re-parses its whole result with BeautifulSoup (to give images without one an alt text,
    and JupyterLab's wrappers, which the basic template does not use, a tab stop); over a report's
    ~2 MB of output HTML that costs seconds. Each HTML output is set aside behind a placeholder while
    nbconvert runs and put back after, so the outputs stay as the chapters wrote them (they hold no
    <img>: charts and the argument map are drawn as SVG).
    """
    nb = copy.deepcopy(nb)
    outputs = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/html" in data:
                outputs.append("".join(data["text/html"]) if isinstance(data["text/html"], list) else data["text/html"])
                data["text/html"] = _SLOT.format(len(outputs) - 1)
    exporter = HTMLExporter(template_name="basic")
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.anchor_link_text = ""
    body, _ = exporter.from_notebook_node(nb)
    return _SLOTS.sub(lambda m: outputs[int(m[1])], body)


def table_of_contents(body: str) -> str:
    """A nested list of the chapter (h1) and section (h2) headings, linking to their ids."""
    items = []
    for level, anchor, inner in re.findall(r'<h([12]) id="([^"]+)"[^>]*>(.*?)</h\1>', body, re.S):
        text = re.sub(r"<[^>]+>", "", inner).strip()
        items.append(f'<li class="cs-toc-{level}"><a href="#{anchor}">{text}</a></li>')
    return "<ol>" + "".join(items) + "</ol>"


def other_variants(title: str) -> list[tuple[str, str, str]]:
    """(folder, title, what it changes) of every variant in reports.toml but the one titled `title`."""
    from claimscope.engine import publish, variants

    try:
        listed = variants.load()
    except Exception:  # a page rendered outside a project (tests, a notebook) has no variants to offer
        return []
    if not any(v.title == title for v in listed):
        return []
    return [(v.name, v.title, publish.describe(v.parameters)) for v in listed if v.title != title]


def sidebar(body: str, title: str) -> str:
    """Contents that stay in reach (a sidebar on wide screens, a bar on narrow ones) and the other variants."""
    others = other_variants(title)
    links = "".join(
        f'<li><a href="../{html.escape(name)}/report.html">{html.escape(vtitle)}</a>'
        f'<span class="cs-variant-what">{html.escape(what)}</span></li>'
        for name, vtitle, what in others
    )
    variants = (
        f'<div class="cs-variants"><p class="cs-toc-title">Other versions</p><ul>{links}</ul></div>' if links else ""
    )
    return (
        '<nav class="cs-toc" aria-label="Contents"><details class="cs-toc-details" open>'
        '<summary><span class="cs-toc-title">Contents</span> <span class="cs-current-name"></span></summary>'
        f"{table_of_contents(body)}{variants}</details></nav>"
    )


# Marks the contents entry of the section being read (no library, nothing loaded).
CURRENT_SECTION = """
(function () {
  var links = {}, names = document.querySelector('.cs-current-name');
  document.querySelectorAll('.cs-toc a[href^="#"]').forEach(function (a) { links[a.getAttribute('href').slice(1)] = a; });
  var heads = Array.prototype.filter.call(document.querySelectorAll('main h1[id], main h2[id]'), function (h) { return links[h.id]; });
  var details = document.querySelector('.cs-toc-details');
  if (window.matchMedia('(max-width: 1099px)').matches && details) { details.open = false; }
  function mark() {
    var current = heads[0];
    heads.forEach(function (h) { if (h.getBoundingClientRect().top < 120) { current = h; } });
    Object.keys(links).forEach(function (k) { links[k].classList.remove('cs-current'); });
    if (!current) { return; }
    links[current.id].classList.add('cs-current');
    if (names) { names.textContent = '· ' + links[current.id].textContent; }
    var box = links[current.id].closest('.cs-toc');
    if (box && box.scrollHeight > box.clientHeight) {
      var r = links[current.id].getBoundingClientRect(), b = box.getBoundingClientRect();
      if (r.top < b.top || r.bottom > b.bottom) { box.scrollTop += r.top - b.top - b.height / 3; }
    }
  }
  document.querySelectorAll('.cs-toc a').forEach(function (a) {
    a.addEventListener('click', function () { if (window.matchMedia('(max-width: 1099px)').matches && details) { details.open = false; } });
  });
  window.addEventListener('scroll', mark, {passive: true});
  mark();
})();
"""


def page(title: str, subtitle: str, body: str, footer: str, with_charts: bool) -> str:
    css = fonts.font_face(title + subtitle + body + footer) + paths.REPORT_CSS.read_text(encoding="utf-8")
    script = f"<script>{vega_bundle()}</script>" if with_charts else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{css}</style>{script}</head><body>"
        f'<div class="cs-layout">{sidebar(body, title)}<div class="cs-page">'
        f'<header class="cs-header"><p class="cs-title">{html.escape(title)}</p>'
        f'<p class="cs-subtitle">{html.escape(subtitle)}</p></header>'
        f"<main>{body}</main>"
        f'<footer class="cs-footer">{footer}</footer></div></div>'
        f"<script>{CURRENT_SECTION}</script></body></html>\n"
    )


def external_loads(document: str) -> list[str]:
    """Every place the page would load something from another host (should be none)."""
    return [m.group(0) for m in _EXTERNAL_LOAD.finditer(document)] + [
        m.group(0) for m in _CSS_IMPORT.finditer(document)
    ]


def render(nb: nbformat.NotebookNode, title: str, subtitle: str, footer: str, show_code: bool = False) -> str:
    """The report as one HTML document; raises RenderError if anything would be loaded from the network."""
    nb = nbformat.from_dict(nb)
    drop_stderr(nb)
    charts = embed_charts(nb)
    document = page(title, subtitle, body_html(nb, show_code), footer, with_charts=charts > 0)
    leaks = external_loads(document)
    if leaks:
        raise RenderError(f"the report would load {len(leaks)} resource(s) from the network, e.g. {leaks[0][:120]}")
    return document
