"""Rows of the database edited by hand or damaged: each is named (table and id), the other cases stay
usable, and nothing outside the store is ever touched through a row (issue 10)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.reliability.support import assert_refused_clearly
from tests.support.cases import small_document, write_case


def _edit(home: Path, sql: str, *params: object) -> None:
    conn = sqlite3.connect(home / "dossier.sqlite3")
    with conn:
        conn.execute(sql, params)
    conn.close()


def _two_cases(dossier, tmp_path: Path) -> None:
    assert dossier("load", str(write_case(tmp_path / "a"))).code == 0
    other = small_document()
    other["case"]["title"] = "Autre affaire"
    assert dossier("load", str(write_case(tmp_path / "b", other))).code == 0


@pytest.mark.parametrize(("sql", "table"), [
    ("UPDATE events SET data = 'null' WHERE id = (SELECT min(id) FROM events WHERE case_id = 1)", "events"),
    ("UPDATE events SET data = '{not json' WHERE id = (SELECT min(id) FROM events WHERE case_id = 1)", "events"),
    ("UPDATE events SET data = json_set(data, '$.date', 'hier') WHERE id = (SELECT min(id) FROM events WHERE case_id = 1)",
     "events"),
    ("UPDATE exhibits SET date = 'pas une date' WHERE id = (SELECT min(id) FROM exhibits WHERE case_id = 1)", "exhibits"),
    ("UPDATE exhibits SET pages = 'beaucoup' WHERE id = (SELECT min(id) FROM exhibits WHERE case_id = 1)", "exhibits"),
    ("UPDATE cases SET data = 'null' WHERE id = 1", "cases"),
    ("UPDATE cases SET data = '[1, 2' WHERE id = 1", "cases"),
])
def test_a_damaged_row_is_named_and_the_other_case_still_works(dossier, tmp_path: Path, home: Path,
                                                               sql: str, table: str) -> None:
    _two_cases(dossier, tmp_path)
    _edit(home, sql)
    for args in (("claims", "1"), ("check", "1"), ("dump", "1"), ("export", "1", "-o", str(tmp_path / "d.pdf"))):
        run = dossier(*args)
        assert_refused_clearly(run)
        assert f"table {table}" in run.err, (args, run.err)
    listed = dossier("cases")
    assert listed.code == 0, listed.err
    assert "Autre affaire" in listed.out and f"table {table}" in listed.out
    assert dossier("claims", "2").code == 0
    assert dossier("verify", "2").code == 0


def test_a_stored_hash_pointing_outside_the_store_is_never_followed(dossier, tmp_path: Path, home: Path) -> None:
    assert dossier("load", str(write_case(tmp_path / "a"))).code == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    escape = "../" * 40 + "/".join(Path(victim).parts[1:])  # past the root, ".." stays at the root
    _edit(home, "PRAGMA foreign_keys = OFF")
    conn = sqlite3.connect(home / "dossier.sqlite3")
    with conn:
        conn.execute("UPDATE files SET sha256 = ? WHERE sha256 = (SELECT sha256 FROM exhibits WHERE id = 1)", (escape,))
        conn.execute("UPDATE exhibits SET sha256 = ? WHERE id = 1", (escape,))
    conn.close()
    for args in (("verify", "1"), ("export", "1", "-o", str(tmp_path / "d.pdf")), ("case", "rm", "1", "--yes")):
        run = dossier(*args)
        assert "Traceback" not in run.err and run.code in (0, 1), (args, run)
    assert victim.read_text() == "precious\n"
