"""Values no dispute holds, and JSON that breaks parsers, arriving by `load` (a case file) or by
`restore` (the case.json inside an archive): each is refused with its JSON path, exit 1, nothing
stored; the store stays usable by every other command."""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from dossier_app.domain.bounds import latest_day
from tests.archive.zips import members, rehashed, write_zip
from tests.reliability.support import (
    assert_refused_clearly,
    child_env,
    command,
    run_in_process,
    snapshot,
)
from tests.support.cases import small_document, write_case

RAW = "@@raw@@"  # a value written into the JSON text as it is, not as Python's json would write it


def _set(doc: dict[str, Any], where: tuple, value: Any) -> None:
    node: Any = doc
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = value


def _text(doc: dict[str, Any], raw: str | None) -> str:
    text = json.dumps(doc, ensure_ascii=True, indent=1)
    return text.replace(json.dumps(RAW), raw) if raw is not None else text


TOO_LATE = (latest_day(date.today()) + timedelta(days=1)).isoformat()
# name: (changes to the document, raw JSON text for the RAW placeholder, what the refusal must name)
CHANGES: dict[str, tuple[list[tuple[tuple, Any]], str | None, tuple[str, ...]]] = {
    "event dated 9999": ([(("events", 0, "date"), "9999-12-31")], None, ("events[0].date", "31/12/9999")),
    "event dated 1899": ([(("events", 1, "date"), "1899-12-31")], None, ("events[1].date", "1900")),
    "payment a day past five years": ([(("events", 2, "date"), TOO_LATE)], None, ("events[2].date", "5 ans")),
    "outage from year 1 to 9999": ([(("events", 3, "date"), "0001-01-01"),
                                    (("events", 3, "start"), "0001-01-01T00:00+01:00"),
                                    (("events", 3, "end"), "9999-12-31T23:59")], None,
                                   ("events[3].start", "events[3].end")),
    "exhibit dated 9999": ([(("exhibits", 0, "date"), "9999-12-31")], None, ("exhibits[0].date",)),
    "notice presented in 9999": ([(("events", 4, "first_presented_on"), "9999-01-01"),
                                  (("events", 4, "received_on"), "1000-01-01")], None,
                                 ("events[4].first_presented_on", "events[4].received_on")),
    "hearing in 9999": ([(("case", "hearing"), "9999-12-31T10:00")], None, ("case.hearing",)),
    "contract signed in 1800": ([(("case", "contract", "signed_on"), "1800-01-01")], None,
                                ("case.contract.signed_on",)),
    "invoice due in 9999": ([(("events", 1, "due_date"), "9999-12-31")], None, ("events[1].due_date",)),
    "deadline of 100 000 days": ([(("events", 4, "deadline_days"), 100_000)], None,
                                 ("events[4].deadline_days", "3660")),
    "deadline of 2**70 days": ([(("events", 4, "deadline_days"), 2**70)], None, ("events[4].deadline_days",)),
    "pièce number 2**70": ([(("exhibits", 0, "number"), 2**70)], None, ("exhibits[0].number",)),
    "JSON nested 3000 deep": ([(("case", "summary"), RAW)], "[" * 3000 + "]" * 3000, ("64",)),
    "an integer of 5000 digits": ([(("events", 4, "deadline_days"), RAW)], "1" + "0" * 4999,
                                  ("events[4].deadline_days", "5000")),
    "an integer of 31 digits": ([(("exhibits", 1, "number"), RAW)], "1" * 31, ("exhibits[1].number", "31")),
    "NaN": ([(("events", 4, "deadline_days"), RAW)], "NaN", ("events[4].deadline_days", "NaN")),
    "Infinity": ([(("exhibits", 0, "number"), RAW)], "-Infinity", ("exhibits[0].number", "-Infinity")),
    "NaN for a required flag": ([(("events", 4, "formal_notice"), RAW)], "NaN", ("events[4].formal_notice", "NaN")),
    "a lone surrogate in the title": ([(("case", "title"), RAW)], '"Martin \\ud800"', ("case.title", "Unicode")),
    "a lone surrogate in a key": ([(("case", "us", RAW), 1)], None, ("case.us",)),
}


def _apply(name: str, doc: dict[str, Any]) -> str:
    changes, raw, _ = CHANGES[name]
    for where, value in changes:
        if where[-1] == RAW:  # a key holding a lone surrogate
            _set(doc, where, value)
            return _text(doc, None).replace(json.dumps(RAW), '"\\udc00"')
        _set(doc, where, value)
    return _text(doc, raw)


@pytest.mark.parametrize("name", list(CHANGES))
def test_load_refuses_it_with_its_path(name: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run_in_process(home, "load", str(write_case(tmp_path / "first"))).code == 0
    case_json = write_case(tmp_path / "in")
    case_json.write_text(_apply(name, small_document()), encoding="utf-8")
    before = snapshot(home)
    run = run_in_process(home, "load", str(case_json))
    assert_refused_clearly(run, lines=None)
    assert run.code == 1
    for expected in CHANGES[name][2]:
        assert expected in run.err, run.err
    assert snapshot(home) == before
    for usable in (("cases",), ("claims", "1"), ("check", "1")):
        assert run_in_process(home, *usable).code in (0, 1), usable


@pytest.fixture(scope="module")
def good_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("good")
    assert run_in_process(base / "home", "load", str(write_case(base / "in"))).code == 0
    assert run_in_process(base / "home", "archive", "1", "-o", str(base / "good.dossier")).code == 0
    return base / "good.dossier"


def _archive_with_case(good: Path, target: Path, edit: Callable[[dict[str, Any]], str]) -> Path:
    items = members(good)
    items["case.json"] = edit(json.loads(items["case.json"])).encode("utf-8", "surrogatepass")
    return write_zip(target, list(rehashed(items).items()))


@pytest.mark.parametrize("name", list(CHANGES))
def test_restore_refuses_it_with_its_path(name: str, good_archive: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    bad = _archive_with_case(good_archive, tmp_path / "bad.dossier", lambda doc: _apply(name, doc))
    before = snapshot(home)
    run = run_in_process(home, "restore", str(bad))
    assert_refused_clearly(run, lines=None)
    assert run.code == 1
    for expected in CHANGES[name][2]:
        assert expected in run.err, run.err
    assert snapshot(home) == before


def test_the_last_day_five_years_ahead_is_accepted(tmp_path: Path) -> None:
    doc = small_document()
    doc["case"]["hearing"] = latest_day(date.today()).isoformat()
    run = run_in_process(tmp_path / "home", "load", str(write_case(tmp_path / "in", doc)))
    assert run.code == 0, run.err


def test_the_bounds_move_with_the_today_given(tmp_path: Path) -> None:
    from dossier_app.domain.codec import decode_document

    doc = small_document()
    doc["events"][0]["date"] = "2031-06-01"
    assert [p.path for p in decode_document(doc, today=date(2026, 6, 1)).problems] == []
    assert [p.path for p in decode_document(doc, today=date(2026, 5, 31)).problems] == ["events[0].date"]


def test_two_exhibits_with_the_same_bytes_in_a_case_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    doc = small_document()
    folder = tmp_path / "in"
    write_case(folder, doc)
    (folder / "files" / "copie.txt").write_bytes((folder / "files" / "facture.txt").read_bytes())
    # The first without its hash, the second with it: neither the codec nor the files' check saw it.
    doc["exhibits"].append({"path": "files/copie.txt", "title": "Copie de la facture",
                            "sha256": _sha(folder / "files" / "facture.txt")})
    run = run_in_process(home, "load", str(write_case(folder, doc)))
    assert_refused_clearly(run, lines=None)
    assert "exhibits[2].path" in run.err and "exhibits[0]" in run.err, run.err
    assert snapshot(home) == snapshot(tmp_path / "nothing")


def test_two_exhibits_with_the_same_bytes_in_an_archive(good_archive: Path, tmp_path: Path) -> None:
    items = members(good_archive)
    items["files/lettre.txt"] = items["files/facture.txt"]
    doc = json.loads(items["case.json"])
    doc["exhibits"][1]["sha256"] = doc["exhibits"][0]["sha256"]
    items["case.json"] = json.dumps(doc).encode()
    bad = write_zip(tmp_path / "bad.dossier", list(rehashed(items).items()))
    home = tmp_path / "home"
    run = run_in_process(home, "restore", str(bad))
    assert_refused_clearly(run, lines=None)
    assert "exhibits[1]" in run.err and "exhibits[0]" in run.err, run.err
    assert snapshot(home) == snapshot(tmp_path / "nothing")


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- what is not a case file at all -------------------------------------------------------------

def _limited() -> None:
    # Against the code before the fix, /dev/zero would be read until the memory is gone.
    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))


def run_child(home: Path, *args: str, timeout: float = 20) -> tuple[int, str]:
    proc = subprocess.run(command(home, *args), capture_output=True, text=True, env=child_env(),
                          timeout=timeout, preexec_fn=_limited)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stderr


@pytest.mark.parametrize("command_name", ["load", "restore"])
def test_a_fifo_is_refused_without_waiting(command_name: str, tmp_path: Path) -> None:
    fifo = tmp_path / "case.json"
    os.mkfifo(fifo)
    code, err = run_child(tmp_path / "home", command_name, str(fifo))
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert "pas un fichier ordinaire" in err, err


@pytest.mark.parametrize("command_name", ["load", "restore"])
def test_dev_zero_is_refused_without_reading(command_name: str, tmp_path: Path) -> None:
    code, err = run_child(tmp_path / "home", command_name, "/dev/zero")
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert "pas un fichier ordinaire" in err, err


@pytest.mark.parametrize("command_name", ["load", "restore"])
def test_a_socket_or_a_folder_is_refused_in_one_line(command_name: str, tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock"))
    try:
        for target in (tmp_path / "sock", tmp_path):
            run = run_in_process(tmp_path / "home", command_name, str(target))
            assert_refused_clearly(run)
            assert run.code == 1
    finally:
        server.close()


def test_a_case_file_through_a_link_is_followed(tmp_path: Path) -> None:
    link = tmp_path / "lien.json"
    link.symlink_to(write_case(tmp_path / "in"))
    run = run_in_process(tmp_path / "home", "load", str(link))
    assert run.code == 0, run.err


def test_a_huge_case_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "case.json"
    with open(huge, "wb") as handle:
        handle.truncate(257 * 2**20)  # sparse: costs no disk
    started = time.monotonic()
    code, err = run_child(tmp_path / "home", "load", str(huge))
    assert code == 1 and "256 Mo" in err and len(err.strip().splitlines()) == 1, err
    assert time.monotonic() - started < 10


def test_the_problems_of_a_million_wrong_events_are_summed_up(tmp_path: Path) -> None:
    doc = small_document()
    case_json = write_case(tmp_path / "in", doc)
    doc["events"] = RAW
    case_json.write_text(_text(doc, "[" + ",".join(["0"] * 200_000) + "]"), encoding="utf-8")
    run = run_in_process(tmp_path / "home", "load", str(case_json))
    assert run.code == 1
    lines = run.err.splitlines()
    assert len(lines) < 200, len(lines)
    assert "199" in lines[-1], lines[-1]  # how many more were found


@pytest.mark.parametrize("bad", ["x" * 5000, "a/" * 3000 + "b", "files/\x00x", "files/" + "é" * 300])
def test_an_exhibit_path_the_system_cannot_open(bad: str, tmp_path: Path) -> None:
    doc = small_document()
    case_json = write_case(tmp_path / "in", doc)
    doc["exhibits"][0]["path"] = bad
    case_json.write_text(json.dumps(doc), encoding="utf-8")
    run = run_in_process(tmp_path / "home", "load", str(case_json))
    assert_refused_clearly(run, lines=None)
    assert run.code == 1 and "exhibits[0].path" in run.err, run.err


def test_an_exhibit_file_changed_while_loading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program rewrites a file between the checks and the copy into the store."""
    from dossier_app.services import interchange

    case_json = write_case(tmp_path / "in")
    real_describe = interchange.describe

    def describe_then_rewrite(home, sources, passwords):  # type: ignore[no-untyped-def]
        found = real_describe(home, sources, passwords)
        (tmp_path / "in" / "files" / "facture.txt").write_bytes(b"Facture 2024-003 : 9 999 EUR\n")
        return found

    monkeypatch.setattr(interchange, "describe", describe_then_rewrite)
    home = tmp_path / "home"
    run = run_in_process(home, "load", str(case_json))
    assert_refused_clearly(run)
    assert "facture.txt" in run.err and "changé" in run.err, run.err
    assert snapshot(home)[0] == [], "nothing stored"


@pytest.mark.parametrize("raw", ["[" * 3000 + "]" * 3000, "1" + "0" * 5000, "NaN"])
def test_an_event_typed_on_stdin_with_json_that_breaks_parsers(raw: str, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    home = tmp_path / "home"
    assert run_in_process(home, "load", str(write_case(tmp_path / "in"))).code == 0
    before = snapshot(home)
    monkeypatch.setattr("sys.stdin", io.StringIO('{"kind": "note", "date": "2024-06-01", "title": ' + raw + "}"))
    run = run_in_process(home, "event", "add", "1", "-")
    assert_refused_clearly(run, lines=None)
    assert run.code == 1
    assert snapshot(home) == before
