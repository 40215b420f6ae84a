"""A chapter's key covers the modules it imports and the files they read, found without running it."""

from claimscope import paths
from claimscope.engine import cache, dependencies, execute

ARTICLE = "sora-gpt4-bottleneck"


def _code(name: str) -> list[str]:
    nb = execute.read(paths.NOTEBOOKS / name)
    return [execute.source(c) for c in nb["cells"] if c["cell_type"] == "code"]


def _labels(files) -> set[str]:
    return {str(f.relative_to(paths.PACKAGE)) for f in files}


def test_imports_are_read_from_the_code_including_relative_and_nested_ones():
    code = "import a.b\nfrom c import d, e\ndef f():\n    from .g import h\n"
    assert dependencies.imports(code, package="p.q") == ["a.b", "c", "c.d", "c.e", "p.q.g", "p.q.g.h"]


def test_a_chapter_depends_on_the_modules_it_imports_and_theirs_not_on_the_cli_or_the_engine():
    modules = _labels(dependencies.modules(_code("01_article.ipynb")))
    assert {"text/article.py", "text/signals.py", "views/show.py", "__init__.py", "paths.py"} <= modules
    assert "yamlfile.py" in modules  # imported by text/article.py, not by the chapter itself
    engine = {m for m in modules if m.startswith("engine/")}
    assert "cli.py" not in modules and engine == {"engine/__init__.py", "engine/parameters.py"}  # it validates
    assert not any(m.startswith("analysis/market") for m in modules)


def test_the_inputs_are_the_files_the_imported_modules_read():
    article = dependencies.inputs(dependencies.modules(_code("01_article.ipynb")), ARTICLE)
    assert f"seeds/{ARTICLE}/article.txt" in article and "src/claimscope/resources/userdict.txt" in article
    assert not any(name.startswith("data/") for name in article)  # chapter 1 reads no sourced data
    industry = dependencies.inputs(dependencies.modules(_code("04_industry.ipynb")), ARTICLE)
    assert f"seeds/{ARTICLE}/assumptions.yaml" in industry and f"seeds/{ARTICLE}/market.yaml" in industry
    assert "data/figures.csv" in industry


def test_a_missing_seed_file_counts_as_absent_so_that_adding_it_changes_the_key(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    (seeds / "new").mkdir(parents=True)
    (seeds / "new" / "article.txt").write_text("text", encoding="utf-8")
    monkeypatch.setattr(paths, "SEEDS", seeds)
    module = tmp_path / "uses.py"
    module.write_text("from claimscope import paths\npaths.claims_file\n", encoding="utf-8")
    before = dependencies.inputs([module], "new")
    (seeds / "new" / "claims.yaml").write_text("claims: []\n", encoding="utf-8")
    after = dependencies.inputs([module], "new")
    assert set(before) < set(after)


def test_the_key_ignores_what_a_chapter_does_not_use():
    values = {"article": ARTICLE, "top_n": 15}
    parts = cache.chapter_parts(paths.NOTEBOOKS / "01_article.ipynb", values, "versions")
    changed = cache.chapter_parts(paths.NOTEBOOKS / "01_article.ipynb", {**values, "scenario": "bull"}, "versions")
    assert parts == changed  # chapter 1 does not declare `scenario`
    assert cache.chapter_parts(paths.NOTEBOOKS / "01_article.ipynb", {**values, "top_n": 20}, "versions") != parts


def test_a_chapters_modules_are_found_again_only_when_one_of_them_changes(monkeypatch):
    import os

    code = ["from claimscope.views import fmt"]
    calls = []
    closure = dependencies._closure
    monkeypatch.setattr(dependencies, "_closure", lambda c: calls.append(1) or closure(c))
    monkeypatch.setattr(dependencies, "_CLOSURES", {})
    first = dependencies.modules(code)
    assert dependencies.modules(code) == first and len(calls) == 1
    fmt_file = next(p for p in first if p.name == "fmt.py")
    stat = fmt_file.stat()
    os.utime(fmt_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    try:
        assert dependencies.modules(code) == first and len(calls) == 2
    finally:
        os.utime(fmt_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
