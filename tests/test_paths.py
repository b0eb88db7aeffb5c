"""Where the kit may read articles named inside other files (gold, corrections)."""

from __future__ import annotations

from helpers.paths import PROJ_ROOT, SHARED_DATA_DIR, is_readable_place


def test_the_project_the_shared_data_and_the_naming_files_folder_are_readable(tmp_path):
    gold = tmp_path / "gold" / "a.json"
    assert is_readable_place(PROJ_ROOT / "data" / "articles" / "x.txt")
    assert is_readable_place(SHARED_DATA_DIR / "news-pool" / "x.txt")
    # as a gold file in tests/gold/pool/ names it
    named = PROJ_ROOT / "tests" / "gold" / "pool" / "../../../../shared/data/news-pool/x.txt"
    assert is_readable_place(named)
    assert is_readable_place(tmp_path / "gold" / "x.txt", beside=gold)


def test_anything_else_is_not(tmp_path):
    gold = tmp_path / "gold" / "a.json"
    assert not is_readable_place("/etc/passwd", beside=gold)
    assert not is_readable_place(tmp_path / "gold" / ".." / "secret.txt", beside=gold)
    assert not is_readable_place(PROJ_ROOT.parent / "shared" / "other.txt")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "link.txt").symlink_to("/etc/passwd")
    assert not is_readable_place(tmp_path / "gold" / "link.txt", beside=gold)
