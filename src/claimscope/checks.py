"""Every validation that can run without a kernel, for `claimscope check` and before each build."""

from __future__ import annotations

from . import article, execute, paths, translation, variants


def run_all() -> list[str]:
    """Run every check; return one line per check passed, raise on the first failure."""
    done = []
    found = variants.load()
    done.append(f"reports.toml: {len(found)} variant(s), every parameter valid")
    for notebook in paths.chapters():
        names = execute.declared(notebook)
        done.append(f"{notebook.name}: parameters {', '.join(names) or '(none)'} match their declarations")
    for slug in sorted({v.parameters["article"] for v in found}):
        art = article.load_slug(slug)
        done.append(f"seeds/{slug}: {len(art.paragraphs)} paragraphs, {len(art.sentences)} sentences")
        tr = translation.load(slug)
        if tr is not None:
            problems = translation.alignment_problems(tr, len(art.paragraphs))
            if problems:
                from .errors import InputError

                raise InputError(f"{tr.path}: " + "; ".join(problems))
            done.append(f"seeds/{slug}/translation.en.md: aligned with {len(tr.paragraphs)} paragraphs")
    return done
