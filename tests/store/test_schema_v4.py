"""Schema version 4: an exhibit's « each image of the animation » setting, every older row kept."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

from dossier_app.store import open_store
from dossier_app.store import repository as repo
from dossier_app.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"


def _rows(path: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Every table's columns and rows, as a version 3 store holds them."""
    conn = sqlite3.connect(path)
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        out = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            out[table] = (columns, conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall())
        return out
    finally:
        conn.close()


def test_a_version_3_store_migrates_keeping_every_row(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(FIXTURES / "schema-v3.sqlite3", home / "dossier.sqlite3")
    before = _rows(home / "dossier.sqlite3")
    assert before["exhibits"][1], "the fixture has exhibits"
    store = open_store(home)
    try:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table, (columns, rows) in before.items():
            listed = ", ".join(columns)
            after = store.conn.execute(f"SELECT {listed} FROM {table} ORDER BY rowid").fetchall()
            assert after == rows, table
        assert [flag for (flag,) in store.conn.execute("SELECT all_frames FROM exhibits")] == [0, 0]
        exhibits = repo.read_exhibits(store, 1)
        assert [x.all_frames for x in exhibits] == [False, False]
        assert [x.pages for x in exhibits] == [row[columns_index(before, "pages")] for row in before["exhibits"][1]]
    finally:
        store.close()
    assert (home / "dossier.sqlite3.before-v4.bak").exists()


def columns_index(before: dict[str, tuple[list[str], list[tuple[object, ...]]]], column: str) -> int:
    return before["exhibits"][0].index(column)


def test_the_setting_and_the_page_count_are_written_and_read_back(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(FIXTURES / "schema-v4.sqlite3", home / "dossier.sqlite3")
    store = open_store(home)
    try:
        exhibit = repo.read_exhibits(store, 1)[0]
        with store.transaction():
            repo.update_exhibit(store, replace(exhibit, all_frames=True, pages=3))
        again = next(x for x in repo.read_exhibits(store, 1) if x.id == exhibit.id)
        assert again.all_frames and again.pages == 3
        assert again == replace(exhibit, all_frames=True, pages=3)
    finally:
        store.close()
