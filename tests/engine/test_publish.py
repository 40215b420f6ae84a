import json
import os

from claimscope.engine import publish


def _fake_build(output, variant, text):
    staged = publish.stage(variant, output)
    (staged / "report.html").write_text(text)
    (staged / "run.json").write_text(json.dumps({"title": text, "finished": "now"}))
    return staged


def test_publish_swaps_the_variant_link_and_removes_the_old_build(tmp_path):
    first = _fake_build(tmp_path, "v", "one")
    publish.publish(first, "v", tmp_path)
    second = _fake_build(tmp_path, "v", "two")
    link = publish.publish(second, "v", tmp_path)
    assert link.is_symlink() and (link / "report.html").read_text() == "two"
    assert not first.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".v.link")] == []


def test_a_plain_folder_from_an_older_layout_is_replaced(tmp_path):
    (tmp_path / "v").mkdir()
    (tmp_path / "v" / "report.html").write_text("old")
    link = publish.publish(_fake_build(tmp_path, "v", "new"), "v", tmp_path)
    assert (link / "report.html").read_text() == "new"


def test_index_links_every_published_variant(tmp_path):
    for name in ("a", "b"):
        publish.publish(_fake_build(tmp_path, name, f"title {name}"), name, tmp_path)
    index = publish.write_index(tmp_path).read_text()
    assert 'href="a/report.html"' in index and 'href="b/report.pdf"' in index
    assert "title b" in index


def test_write_atomic_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "x.txt"
    publish.write_atomic(target, "hello")
    assert target.read_text() == "hello" and os.listdir(tmp_path) == ["x.txt"]


def test_describe_names_what_a_variant_changes_from_the_defaults():
    from claimscope.engine import parameters as params

    defaults = {name: p.default for name, p in params.PARAMETERS.items()}
    assert publish.describe(defaults) == "the defaults"
    changed = publish.describe({**defaults, "scenario": "bear", "as_of": "2024-12-31"})
    assert "bear" in changed and "2024-12-31" in changed and "article" not in changed


def test_index_says_what_each_variant_changes(tmp_path):
    staged = publish.stage("v", tmp_path)
    run = {"title": "Bear case", "finished": "now", "parameters": {"article": "a", "scenario": "bear"}}
    (staged / "run.json").write_text(json.dumps(run))
    publish.publish(staged, "v", tmp_path)
    index = publish.write_index(tmp_path).read_text()
    assert "Bear case" in index and "bear" in index and "What this variant changes" in index
