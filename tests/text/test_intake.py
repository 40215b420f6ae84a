import json
import shutil
import tomllib
from pathlib import Path

import pytest
import yaml

from claimscope import paths
from claimscope.errors import InputError
from claimscope.text import article, intake

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEED_TEXT = paths.article_text("sora-gpt4-bottleneck")


@pytest.fixture(scope="module")
def report():
    return intake.inspect(SEED_TEXT)


def test_inspect_reports_metadata_counts_and_boilerplate(report):
    assert report["metadata"]["title"] == "希望 Sora 别走 GPT4 的老路"
    assert report["counts"]["paragraphs"] == 54 and report["counts"]["sentences"] == 115
    assert report["counts"]["characters"] > 5000
    assert [b["line"] for b in report["boilerplate"]] == ["更多AI工具可直接访问: https://www.faxianai.com/"]


def test_inspect_is_json_serialisable(report):
    assert json.loads(json.dumps(report, ensure_ascii=False)) == report


def test_inspect_lists_top_sentences_with_reasons(report):
    top = report["top_sentences"]
    assert len(top) == 10
    assert [t["score"] for t in top] == sorted((t["score"] for t in top), reverse=True)
    assert top[0]["index"] == 73 and any("几万部" in reason for reason in top[0]["reasons"])
    assert intake.inspect(SEED_TEXT, top=3)["top_sentences"] == top[:3]


def test_inspect_lists_every_number_with_its_sentence(report):
    amounts = {n["text"]: n for n in report["numbers"]}
    assert amounts["2,500 亿美金"]["high"] == 2.5e11 and amounts["2,500 亿美金"]["sentence"] == 59
    assert amounts["几十万人"]["unit"] == "people"


def test_inspect_offsets_slice_back_into_the_file(report):
    raw = article.load(SEED_TEXT).raw
    for p in report["paragraphs"]:
        assert article.clean(raw[p["start"] : p["end"]])[0] == p["text"]
    for s in report["sentences"]:
        assert article.clean(raw[s["start"] : s["end"]])[0] == s["text"]


def test_inspect_text_is_a_readable_summary(report):
    text = intake.inspect_text(report)
    assert "希望 Sora 别走 GPT4 的老路" in text
    assert "54 paragraphs, 115 sentences" in text
    assert "2,500 亿美金" in text and "250,000,000,000 money USD" in text
    assert "1,000–10,000 money CNY (range)" in text  # 上千到几千块


def test_inspect_text_cannot_drive_the_terminal(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("标题\x1b]0;pwned\x07\n\n正文里有 \x1b[31m 红色 5 家。\n", encoding="utf-8")
    text = intake.inspect_text(intake.inspect(path))
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b[31m" in text


def test_inspect_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such article file"):
        intake.inspect(tmp_path / "missing.txt")


# ---------------------------------------------------------------- create


@pytest.fixture
def destination(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    toml = tmp_path / "reports.toml"
    shutil.copy(paths.REPORTS_TOML, toml)
    return seeds, toml


def test_create_copies_the_article_byte_for_byte(destination):
    seeds, toml = destination
    folder = intake.create(FIXTURES / "zh_gbk_article.txt", "gbk-test", seeds, toml)
    assert folder == seeds / "gbk-test"
    assert (folder / "article.txt").read_bytes() == (FIXTURES / "zh_gbk_article.txt").read_bytes()
    assert sorted(p.name for p in seeds.iterdir()) == ["gbk-test"]


def test_create_writes_the_draft_files_in_the_shape_of_the_curated_ones(destination):
    seeds, toml = destination
    folder = intake.create(SEED_TEXT, "sora-copy", seeds, toml)
    assert sorted(p.name for p in folder.glob("*.draft.yaml")) == [
        "claims.draft.yaml",
        "factchecks.draft.yaml",
        "predictions.draft.yaml",
    ]
    text = (folder / "claims.draft.yaml").read_text(encoding="utf-8")
    assert text.startswith("# DRAFT argument for sora-copy")
    draft = yaml.safe_load(text)
    paragraphs = {p.number: p.text for p in article.load(SEED_TEXT).paragraphs}
    assert len(draft["claims"]) > 50
    for claim in draft["claims"]:
        assert claim["quote"] in paragraphs[claim["paragraph"]]
        assert claim["draft"]["status"] == "unreviewed"
    checks = yaml.safe_load((folder / "factchecks.draft.yaml").read_text(encoding="utf-8"))["checks"]
    assert any("2,500 亿美金" in c["quote"] for c in checks)
    assert all(c["draft"]["numbers"] for c in checks)


def test_draft_rewrites_drafts_only_when_forced(destination):
    seeds, toml = destination
    folder = intake.create(SEED_TEXT, "sora-copy", seeds, toml)
    (folder / "claims.draft.yaml").write_text("# edited by an analyst\n", encoding="utf-8")
    with pytest.raises(InputError, match="--force"):
        intake.draft("sora-copy", seeds)
    assert intake.draft("sora-copy", seeds, force=True) == [
        "claims.draft.yaml",
        "factchecks.draft.yaml",
        "predictions.draft.yaml",
    ]
    assert "edited by an analyst" not in (folder / "claims.draft.yaml").read_text(encoding="utf-8")
    with pytest.raises(InputError, match="no article.txt"):
        intake.draft("missing", seeds)


def test_create_appends_a_variant_without_rewriting_reports_toml(destination):
    seeds, toml = destination
    before = toml.read_text(encoding="utf-8")
    intake.create(SEED_TEXT, "sora-copy", seeds, toml)
    after = toml.read_text(encoding="utf-8")
    assert after.startswith(before)
    variants = tomllib.loads(after)["variant"]
    assert variants[-1] == {
        "name": "sora-copy",
        "title": "希望 Sora 别走 GPT4 的老路",
        "parameters": {"article": "sora-copy"},
    }
    assert variants[:-1] == tomllib.loads(before)["variant"]


def test_create_escapes_an_awkward_title_for_toml(destination, tmp_path):
    seeds, toml = destination
    source = tmp_path / "awkward.txt"
    source.write_text('He said "no" \\ then \x7fleft\n\nBody text here.\n', encoding="utf-8")
    intake.create(source, "awkward", seeds, toml)
    assert tomllib.loads(toml.read_text(encoding="utf-8"))["variant"][-1]["title"] == 'He said "no" \\ then left'


def test_create_never_dresses_the_slug_as_the_title(destination, tmp_path):
    seeds, toml = destination
    source = tmp_path / "plain.txt"
    source.write_text("只有正文，没有标题。\n", encoding="utf-8")
    intake.create(source, "no-title", seeds, toml)
    assert tomllib.loads(toml.read_text(encoding="utf-8"))["variant"][-1]["title"] == "Untitled article (plain.txt)"


@pytest.mark.parametrize("slug", ["", "Sora", "sora_gpt", "-sora", "../escape", "a b", "s" * 65, "索拉"])
def test_create_refuses_a_bad_slug_and_writes_nothing(destination, slug):
    seeds, toml = destination
    before = toml.read_bytes()
    with pytest.raises(InputError, match="lower-case letters, digits and '-'"):
        intake.create(SEED_TEXT, slug, seeds, toml)
    assert toml.read_bytes() == before and list(seeds.iterdir()) == []


def test_create_refuses_an_existing_folder(destination):
    seeds, toml = destination
    (seeds / "taken").mkdir()
    before = toml.read_bytes()
    with pytest.raises(InputError, match="already exists"):
        intake.create(SEED_TEXT, "taken", seeds, toml)
    assert toml.read_bytes() == before and list((seeds / "taken").iterdir()) == []


def test_create_refuses_a_variant_name_already_in_reports_toml(destination):
    seeds, toml = destination
    with pytest.raises(InputError, match="already has a variant named 'sora-base'"):
        intake.create(SEED_TEXT, "sora-base", seeds, toml)
    assert list(seeds.iterdir()) == []


def test_create_refuses_a_bad_article_and_writes_nothing(destination, tmp_path):
    seeds, toml = destination
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    before = toml.read_bytes()
    with pytest.raises(InputError, match="empty"):
        intake.create(empty, "empty", seeds, toml)
    assert toml.read_bytes() == before and list(seeds.iterdir()) == []
