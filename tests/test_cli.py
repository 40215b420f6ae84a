import json
import os
import subprocess
import sys

import pytest

from claimscope import cli, paths

SEED = paths.article_text("sora-gpt4-bottleneck")


def _run(*args):
    return subprocess.run([sys.executable, "-m", "claimscope.cli", *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("command", ["build", "list", "check", "inspect", "new", "clean"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        cli.main([command, "--help"])
    assert done.value.code == 0
    assert len(capsys.readouterr().out) > 200


def test_inspect_json_has_metadata_sentences_and_numbers():
    proc = _run("inspect", str(SEED), "--json", "--top", "3")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["metadata"]["title"] == "希望 Sora 别走 GPT4 的老路"
    assert len(report["top_sentences"]) == 3
    assert any(n["text"] == "2,500 亿美金" for n in report["numbers"])


def test_inspect_of_a_missing_file_is_a_clear_error_with_exit_2(tmp_path):
    proc = _run("inspect", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2 and "no such article file" in proc.stderr


def test_new_adds_an_article_and_a_variant_that_validates(project_copy, tmp_path):
    source = tmp_path / "incoming.txt"
    source.write_bytes(SEED.read_bytes())
    proc = _run("new", str(source), "--name", "second-look")
    assert proc.returncode == 0, proc.stderr
    folder = project_copy / "seeds" / "second-look"
    assert (folder / "article.txt").read_bytes() == SEED.read_bytes()
    assert "unreviewed" in (folder / "claims.draft.yaml").read_text(encoding="utf-8")
    assert 'name = "second-look"' in (project_copy / "reports.toml").read_text()
    check = _run("check")
    assert check.returncode == 0, check.stderr
    assert _run("new", str(source), "--name", "second-look").returncode == 2


def test_version_is_the_package_version(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip().startswith("claimscope 0.")


def test_outside_a_project_a_command_says_where_it_looked(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("CLAIMSCOPE_ROOT", "CLAIMSCOPE_OUTPUT")}
    proc = subprocess.run(
        [sys.executable, "-m", "claimscope.cli", "list"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert proc.returncode == 2
    assert "no reports.toml in" in proc.stderr and str(tmp_path) in proc.stderr


def test_inside_another_project_the_commands_use_that_project(tmp_path):
    """The project is found from the working directory, not from where the package is installed."""
    (tmp_path / "reports.toml").write_text('[[variant]]\\nname = "only-one"\\n')
    nested = tmp_path / "notebooks"
    nested.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("CLAIMSCOPE_ROOT", "CLAIMSCOPE_OUTPUT")}
    proc = subprocess.run(
        [sys.executable, "-c", "from claimscope import paths; print(paths.ROOT)"],
        capture_output=True,
        text=True,
        cwd=nested,
        env=env,
    )
    assert proc.stdout.strip() == str(tmp_path)


def test_inspect_of_a_folder_is_a_clear_error_with_exit_2(tmp_path):
    proc = _run("inspect", str(tmp_path))
    assert proc.returncode == 2 and "is a folder" in proc.stderr and "Traceback" not in proc.stderr
