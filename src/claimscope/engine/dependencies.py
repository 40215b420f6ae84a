"""What a chapter depends on, found without running it: the claimscope modules it imports
(transitively, read with ast) and the input files those modules read through claimscope.paths.

Every file the package reads is named in paths.py (a project rule), so the names of `paths` a
module uses say which inputs it reads: `paths.ASSUMPTIONS` is data/assumptions.yaml,
`paths.DATA` all of data/, `paths.claims_file(slug)` a file of the article's folder. A file of the
article's folder stands for the whole folder, because the text layer reads siblings by name
(article.meta.yaml beside article.txt); a file that does not exist counts too, as absent, so the
key changes when it appears.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import inspect
import re
from pathlib import Path

from claimscope import paths

PACKAGE = "claimscope"


def _statements(body: list[ast.stmt]):
    """Every statement, nested ones included (imports are statements: no need to walk expressions)."""
    for node in body:
        yield node
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            inner = getattr(node, field, None)
            if isinstance(inner, list):
                yield from _statements(inner)


def imports(source: str, package: str = "") -> list[str]:
    """Modules a piece of code imports, in order (`from a import b` gives a and a.b, b may be a name).

    `package` resolves relative imports (`from . import x` in package a.b gives a.b and a.b.x).
    """
    return list(_imports(source, package))


@functools.lru_cache(maxsize=4096)
def _imports(source: str, package: str) -> tuple[str, ...]:
    """imports(), parsed once per piece of code (every variant's plan reads the same chapter cells)."""
    found = []
    for node in _statements(ast.parse(source).body):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            if base:
                found.append(base)
                found += [f"{base}.{alias.name}" for alias in node.names]
    return tuple(dict.fromkeys(found))


def module_file(name: str) -> Path | None:
    """The source file of a claimscope module (or package), or None if `name` is not one."""
    if name != PACKAGE and not name.startswith(PACKAGE + "."):
        return None
    base = paths.PACKAGE.joinpath(*name.split(".")[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _packages(name: str) -> list[str]:
    """A module and the packages that importing it runs first: a.b.c -> a, a.b, a.b.c."""
    parts = name.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


@functools.lru_cache(maxsize=256)
def _scan(path: Path, mtime_ns: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A module's imports, and the names of claimscope.paths it uses (`paths.NAME`), read once."""
    package = ""  # relative imports resolve inside claimscope only
    if path.is_relative_to(paths.PACKAGE):
        name = ".".join((PACKAGE, *path.relative_to(paths.PACKAGE).with_suffix("").parts))
        package = name.removesuffix(".__init__") if path.name == "__init__.py" else name.rpartition(".")[0]
    source = path.read_text(encoding="utf-8")
    return tuple(imports(source, package)), tuple(sorted(set(_PATHS_USED.findall(source))))


_PATHS_USED = re.compile(r"\bpaths\.([A-Za-z_][A-Za-z0-9_]*)")  # in a comment it only adds an input


# code -> (its modules, their mtimes): every variant plans the same chapters, twice per build
_CLOSURES: dict[tuple[str, ...], tuple[list[Path], dict[Path, int]]] = {}


def modules(code: list[str]) -> list[Path]:
    """Source files of every claimscope module the code imports, directly or through other modules.

    Remembered for the same code while none of the files found has changed (an import added to
    one of them changes its mtime)."""
    key = tuple(code)
    if (known := _CLOSURES.get(key)) and _unchanged(known[1]):
        return list(known[0])
    found = _closure(code)
    _CLOSURES[key] = (found, {path: path.stat().st_mtime_ns for path in found})
    return list(found)


def _unchanged(mtimes: dict[Path, int]) -> bool:
    try:
        return all(path.stat().st_mtime_ns == ns for path, ns in mtimes.items())
    except OSError:  # a file was removed
        return False


def _closure(code: list[str]) -> list[Path]:
    todo = [m for source in code for m in imports(source)]
    looked: set[str] = set()  # each name is looked up once (`from a import f` also names a.f)
    found: set[Path] = set()
    while todo:
        name = todo.pop()
        for step in _packages(name):
            if step in looked:
                continue
            looked.add(step)
            path = module_file(step)
            if path is not None:
                found.add(path)
                todo += _scan(path, path.stat().st_mtime_ns)[0]
    return sorted(found)


def _location(name: str, article: str) -> Path | None:
    """The input a name of claimscope.paths stands for, for this article; None if it is no input."""
    value = getattr(paths, name, None)
    if callable(value):
        if list(inspect.signature(value).parameters) != ["slug"]:
            return None  # not an article's file (e.g. the output folder's layout)
        value = value(article)
    if not isinstance(value, Path):
        return None
    seed = paths.article_dir(article)
    if value == seed or value.is_relative_to(seed):
        return seed
    if value.is_relative_to(paths.DATA) or value.is_relative_to(paths.RESOURCES):
        return value
    return None


def _files(location: Path) -> list[Path]:
    if location.is_dir():
        return sorted(p for p in location.rglob("*") if p.is_file() and "_incoming" not in p.parts)
    return [location]


def _label(path: Path) -> str:
    for base in (paths.ROOT, paths.PACKAGE.parent):
        if path.is_relative_to(base):
            return str(path.relative_to(base))
    return str(path)


@functools.lru_cache(maxsize=1024)
def _sha256(path: Path, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sha256(path: Path) -> str | None:
    """The file's hash (None when it does not exist), computed once per version of the file."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return _sha256(path, stat.st_mtime_ns, stat.st_size)


def inputs(module_files: list[Path], article: str) -> dict[str, str | None]:
    """{file: hash} of every input file the modules read for this article (None: absent)."""
    locations = {
        loc
        for path in module_files
        for name in _scan(path, path.stat().st_mtime_ns)[1]
        if (loc := _location(name, article)) is not None
    }
    return {_label(f): sha256(f) for loc in sorted(locations) for f in _files(loc)}


def sources(module_files: list[Path]) -> dict[str, str | None]:
    """{file: hash} of the module files."""
    return {_label(f): sha256(f) for f in module_files}
