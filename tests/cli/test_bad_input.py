"""Every user mistake: one line on stderr, a non-zero exit, no traceback, the store as it was."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.support.cases import small_document, write_case

EVENT = {"id": "n9", "kind": "note", "date": "2024-06-01", "title": "Appel"}


def _one_clear_line(run) -> None:
    assert run.code != 0
    assert "Traceback" not in run.err
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert len(lines) == 1, run.err
    assert run.out == "" or "Traceback" not in run.out


def _snapshot(home: Path) -> list[tuple]:
    db = home / "dossier.sqlite3"
    if not db.exists():
        return []
    conn = sqlite3.connect(db)
    try:
        return [tuple(row) for table in ("cases", "events", "exhibits", "links", "files")
                for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
    finally:
        conn.close()


@pytest.fixture
def loaded(dossier, tmp_path: Path) -> Path:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    return tmp_path


COMMANDS_ON_A_CASE = [
    ("dump", []), ("verify", []), ("event", ["rm", "{case}", "k1"]), ("link", ["{case}", "1", "k1"]),
    ("unlink", ["{case}", "1", "k1"]), ("import", ["{case}", "{file}"]), ("exhibit", ["set", "{case}", "1", "--title", "x"]),
    ("event", ["add", "{case}", "{json}"]),
]


def _argv(name: str, rest: list[str], case: str, file: Path, event_json: Path) -> list[str]:
    if not rest:
        return [name, case]
    return [name, *(a.format(case=case, file=file, json=event_json) for a in rest)]


@pytest.mark.parametrize(("name", "rest"), COMMANDS_ON_A_CASE)
def test_an_unknown_case_is_named(dossier, loaded: Path, home: Path, name: str, rest: list[str]) -> None:
    event_json = loaded / "event.json"
    event_json.write_text(json.dumps(EVENT))
    before = _snapshot(home)
    run = dossier(*_argv(name, rest, "Affaire inconnue", loaded / "in" / "files" / "facture.txt", event_json))
    _one_clear_line(run)
    assert "Affaire inconnue" in run.err and "dossier cases" in run.err
    assert _snapshot(home) == before


@pytest.mark.parametrize("args", [
    ["load", "nowhere.json"], ["event", "add", "1", "nowhere.json"], ["import", "1", "nowhere.pdf"]])
def test_a_missing_file_is_named(dossier, loaded: Path, home: Path, args: list[str]) -> None:
    before = _snapshot(home)
    run = dossier(*args)
    _one_clear_line(run)
    assert "nowhere" in run.err
    assert _snapshot(home) == before


@pytest.mark.parametrize("args", [["load", "{bad}"], ["event", "add", "1", "{bad}"]])
def test_bad_json_says_where(dossier, loaded: Path, home: Path, args: list[str]) -> None:
    bad = loaded / "bad.json"
    bad.write_text('{"format": "dossier-case/1", "case": {,}')
    before = _snapshot(home)
    run = dossier(*(a.format(bad=bad) for a in args))
    _one_clear_line(run)
    assert "JSON" in run.err and "ligne 1" in run.err
    assert _snapshot(home) == before


def test_bad_json_on_standard_input(dossier, loaded: Path, home: Path) -> None:
    before = _snapshot(home)
    run = dossier("event", "add", "1", "-", stdin="{oops")
    _one_clear_line(run)
    assert _snapshot(home) == before


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("date", "2024-13-01", "n'est pas une date valide"),
    ("date", "01/06/2024", "AAAA-MM-JJ"),
])
def test_a_wrong_date_in_an_event(dossier, loaded: Path, home: Path, field: str, value: str, expected: str) -> None:
    before = _snapshot(home)
    run = dossier("event", "add", "1", "-", stdin=json.dumps({**EVENT, field: value}))
    assert run.code == 1 and expected in run.err and f"{field}:" in run.err and "Traceback" not in run.err
    assert _snapshot(home) == before


def test_an_amount_with_a_comma_in_an_event(dossier, loaded: Path, home: Path) -> None:
    before = _snapshot(home)
    invoice = {"id": "f9", "kind": "invoice", "date": "2024-06-01", "title": "F", "number": "9",
               "amount_incl_tax": "99,90"}
    run = dossier("event", "add", "1", "-", stdin=json.dumps(invoice))
    assert run.code == 1 and 'écrivez "99.90"' in run.err
    assert _snapshot(home) == before


def test_a_wrong_date_and_a_comma_amount_in_a_case_file(dossier, tmp_path: Path, home: Path) -> None:
    doc = small_document()
    doc["events"][0]["date"] = "2024-02-31"
    doc["events"][1]["amount_incl_tax"] = "1 234,50"
    run = dossier("load", str(write_case(tmp_path / "in", doc)))
    assert run.code == 1
    assert "events[0].date" in run.err and "events[1].amount_incl_tax" in run.err
    assert _snapshot(home) == []


def test_a_wrong_date_for_an_exhibit(dossier, loaded: Path, home: Path) -> None:
    before = _snapshot(home)
    run = dossier("exhibit", "set", "1", "1", "--date", "31/02/2024")
    _one_clear_line(run)
    assert _snapshot(home) == before


def test_an_unknown_event_kind_and_unknown_key(dossier, loaded: Path, home: Path) -> None:
    run = dossier("event", "add", "1", "-", stdin=json.dumps({**EVENT, "kind": "party"}))
    assert run.code == 1 and "kind:" in run.err
    run = dossier("event", "add", "1", "-", stdin=json.dumps({**EVENT, "colour": "red"}))
    assert run.code == 1 and "colour: clé inconnue" in run.err


def test_a_database_that_is_not_sqlite(dossier, home: Path, tmp_path: Path) -> None:
    home.mkdir(parents=True)
    (home / "dossier.sqlite3").write_bytes(b"this is a spreadsheet, not a database\n" * 10)
    for args in (["cases"], ["load", str(write_case(tmp_path / "in"))], ["demo"]):
        run = dossier(*args)
        _one_clear_line(run)
        assert "SQLite" in run.err and "--home" in run.err
    assert (home / "dossier.sqlite3").read_bytes().startswith(b"this is a spreadsheet")


def test_a_database_from_a_newer_version(dossier, loaded: Path, home: Path) -> None:
    conn = sqlite3.connect(home / "dossier.sqlite3")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = _snapshot(home)
    for args in (["cases"], ["dump", "1"], ["load", str(loaded / "in" / "case.json")]):
        run = dossier(*args)
        _one_clear_line(run)
        assert "plus récente" in run.err
    assert _snapshot(home) == before


def test_bad_command_line_is_one_line(dossier) -> None:
    run_code = None
    with pytest.raises(SystemExit) as exit_info:
        dossier("frobnicate")
    run_code = exit_info.value.code
    assert run_code == 2


def test_a_read_only_home(tmp_path: Path) -> None:
    """As a user who may not write there."""
    base = Path(tempfile.mkdtemp(prefix="dossier-ro-"))
    try:
        home = base / "home"
        folder = base / "in"
        from dossier_app.cli.main import main

        assert main(["--home", str(home), "load", str(write_case(folder))]) == 0
        for path in [home, *home.rglob("*"), base, *folder.rglob("*"), folder]:
            mode = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
            if path.is_dir():
                mode |= stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH
            os.chmod(path, mode)
        before = _snapshot(home)
        # root ignores permission bits: drop the capabilities that let it.
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"] if os.geteuid() == 0 else []
        for args in (["load", str(folder / "case.json")], ["event", "rm", "1", "k1"], ["demo"]):
            proc = subprocess.run([*prefix, sys.executable, "-m", "dossier_app", "--home", str(home), *args],
                                  capture_output=True, text=True, timeout=60,
                                  env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
            assert proc.returncode != 0
            assert "Traceback" not in proc.stderr
            lines = [line for line in proc.stderr.splitlines() if line.strip()]
            assert len(lines) == 1, proc.stderr
            assert "--home" in proc.stderr or "droit" in proc.stderr, proc.stderr
        assert _snapshot(home) == before
    finally:
        for path in [base, *base.rglob("*")]:
            os.chmod(path, stat.S_IRWXU)
        import shutil

        shutil.rmtree(base)


def test_an_absurd_amount_is_refused(dossier, loaded: Path, home: Path) -> None:
    before = _snapshot(home)
    invoice = {"id": "f9", "kind": "invoice", "date": "2024-06-01", "title": "F", "number": "9",
               "amount_incl_tax": "99999999999999999.99"}
    run = dossier("event", "add", "1", "-", stdin=json.dumps(invoice))
    assert run.code == 1 and "invraisemblable" in run.err
    assert _snapshot(home) == before


def test_command_line_mistakes_are_said_in_french(dossier) -> None:
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit):
        dossier("export")
    assert "il manque : case" in err.getvalue()
    assert "required" not in err.getvalue()
