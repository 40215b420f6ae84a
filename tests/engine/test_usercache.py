from claimscope.engine import usercache


def test_a_file_is_made_once_then_read(tmp_path):
    made = []

    def make():
        made.append(1)
        return b"content"

    file = tmp_path / "kind-abc.bin"
    assert usercache.remember(file, make) == b"content"
    assert usercache.remember(file, make) == b"content"
    assert made == [1] and file.read_bytes() == b"content"


def test_only_the_newest_files_of_a_kind_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(usercache, "KEEP", 2)
    other = tmp_path / "other-1.bin"
    other.write_bytes(b"x")
    for i in range(4):
        usercache.remember(tmp_path / f"kind-{i}.bin", lambda i=i: bytes([i]))
    left = sorted(p.name for p in tmp_path.iterdir())
    assert len([name for name in left if name.startswith("kind-")]) == 2
    assert "other-1.bin" in left and "kind-3.bin" in left


def test_an_unwritable_cache_still_gives_the_content(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert usercache.remember(blocked / "kind-1.bin", lambda: b"made") == b"made"
