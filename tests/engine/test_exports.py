import nbformat
import pandas as pd
import pytest

from claimscope.engine import exports
from claimscope.errors import ClaimscopeError
from claimscope.views import show


def _chapter(*files: tuple[str, str]) -> nbformat.NotebookNode:
    outputs = [
        nbformat.v4.new_output("display_data", data={show.DATA_MIME: {"name": name, "text": text}, "text/plain": name})
        for name, text in files
    ]
    shown = nbformat.v4.new_output("display_data", data={"text/html": "<p>shown</p>", "text/plain": "shown"})
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x", outputs=[shown, *outputs])]
    return nb


def test_the_files_chapters_hand_over_are_collected_then_taken_out_of_the_report():
    chapters = [_chapter(("a.csv", "x\n1\n")), _chapter(("b.json", "{}\n"), ("c.argdown", "# c\n"))]
    assert exports.collect(chapters) == {"a.csv": "x\n1\n", "b.json": "{}\n", "c.argdown": "# c\n"}
    stripped = exports.strip(chapters[1])
    assert [o.data["text/plain"] for o in stripped.cells[0].outputs] == ["shown"]


def test_one_file_name_handed_over_by_two_chapters_is_an_error():
    with pytest.raises(ClaimscopeError, match="a.csv"):
        exports.collect([_chapter(("a.csv", "1")), _chapter(("a.csv", "2"))])


def test_files_are_written_by_their_bare_name(tmp_path):
    written = exports.write_all({"../escape.csv": "x\n"}, tmp_path / "data")
    assert written == [tmp_path / "data" / "escape.csv"] and written[0].read_text() == "x\n"


def test_a_frame_is_csv_a_string_is_itself_anything_else_json():
    assert show.data_text(pd.DataFrame({"a": [1, 2], "b": ["中", "x"]})) == "a,b\n1,中\n2,x\n"
    assert show.data_text("text") == "text"
    assert show.data_text({"name": "中"}) == '{\n "name": "中"\n}\n'


def test_the_slug_never_poses_as_the_title(seeds_copy):
    (seeds_copy / "plain-slug").mkdir()
    (seeds_copy / "plain-slug" / "article.txt").write_text("只有正文，没有标题。\n", encoding="utf-8")
    assert "plain-slug" not in exports.article_title("plain-slug")
    assert exports.article_title("plain-slug") == "Analysis of “an untitled article”"
