"""Opening the store: schema versions, migrations, refusals."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from dossier_app.domain.errors import UserError
from dossier_app.store import open_store
from dossier_app.store import repository as repo
from dossier_app.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_every_released_schema_opens_and_migrates(tmp_path: Path, version: int) -> None:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(FIXTURES / f"schema-v{version}.sqlite3", home / "dossier.sqlite3")
    store = open_store(home)
    try:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        case_file = repo.read_case_file(store, 1)
        assert case_file.case.title == "Boulangerie Martin c/ WebPlus"
        assert len(case_file.events) == 5 and len(case_file.exhibits) == 2
    finally:
        store.close()
    if version < SCHEMA_VERSION:
        assert (home / f"dossier.sqlite3.before-v{SCHEMA_VERSION}.bak").exists()


def test_a_new_store_has_wal_foreign_keys_and_the_current_version(tmp_path: Path) -> None:
    store = open_store(tmp_path / "home")
    try:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        store.close()


def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(FIXTURES / f"schema-v{SCHEMA_VERSION}.sqlite3", home / "dossier.sqlite3")
    conn = sqlite3.connect(home / "dossier.sqlite3")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = (home / "dossier.sqlite3").read_bytes()
    with pytest.raises(UserError, match="plus récente"):
        open_store(home)
    assert (home / "dossier.sqlite3").read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "dossier.sqlite3").write_text("hello")
    with pytest.raises(UserError, match="SQLite"):
        open_store(home)
    assert (home / "dossier.sqlite3").read_text() == "hello"


def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    from dossier_app.services.store_access import writing

    store = open_store(tmp_path / "home")
    source = tmp_path / "x.txt"
    source.write_text("preuve")
    try:
        with pytest.raises(RuntimeError), writing(store) as writes:
            sha, size = writes.put(source)
            repo.register_file(store, sha, size)
            raise RuntimeError("crash in the middle")
        assert repo.all_file_rows(store) == {}
        assert list(store.blobs.stored_hashes()) == []
    finally:
        store.close()


def test_stored_files_are_read_only_and_stored_once(tmp_path: Path) -> None:
    store = open_store(tmp_path / "home")
    source = tmp_path / "x.txt"
    source.write_text("preuve")
    try:
        first = store.blobs.put(source)
        second = store.blobs.put(source)
        assert first[0] == second[0] and first[2] == "new" and second[2] == "kept"
        assert store.blobs.path(first[0]).stat().st_mode & 0o222 == 0
    finally:
        store.close()


def test_a_stored_copy_that_no_longer_matches_is_replaced(tmp_path: Path) -> None:
    store = open_store(tmp_path / "home")
    source = tmp_path / "x.txt"
    source.write_text("preuve")
    try:
        sha = store.blobs.put(source)[0]
        stored = store.blobs.path(sha)
        stored.chmod(0o644)
        stored.write_text("altérée")
        assert store.blobs.put(source)[2] == "repaired"
        assert stored.read_text() == "preuve" and store.blobs.intact(sha)
    finally:
        store.close()


def test_a_pipe_swapped_in_for_a_file_is_refused_without_blocking(tmp_path: Path) -> None:
    import os
    import threading

    store = open_store(tmp_path / "home")
    pipe = tmp_path / "facture.pdf"
    os.mkfifo(pipe)
    outcome: list[BaseException | tuple[str, int, str]] = []

    def put() -> None:
        try:
            outcome.append(store.blobs.put(pipe))
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=put, daemon=True)
    worker.start()
    worker.join(timeout=10)
    try:
        if worker.is_alive():  # unblock the reader so that the test ends
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        assert not worker.is_alive() or outcome, "put blocked on a pipe"
        assert outcome and isinstance(outcome[0], ValueError), outcome
        assert list(store.blobs.stored_hashes()) == []
    finally:
        store.close()
