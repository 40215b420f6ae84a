from claimscope import paths


def test_the_root_is_the_nearest_folder_with_reports_toml(tmp_path):
    (tmp_path / "reports.toml").write_text("")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert paths.find_root(deep) == tmp_path
    assert paths.find_root(tmp_path / "a") == tmp_path
