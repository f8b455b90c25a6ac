"""`event add/rm`, `link/unlink`, `exhibit set`, `verify`, `case rm`, as a user runs them."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.support.cases import write_case


@pytest.fixture
def case(dossier, tmp_path: Path) -> str:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    return "1"


def _dump(dossier, case: str) -> dict:
    return json.loads(dossier("dump", case).out)


def test_event_add_prints_its_id_and_the_event_is_in_the_dump(dossier, case: str) -> None:
    event = {"kind": "reminder", "date": "2024-04-01", "title": "Relance par courriel", "channel": "email",
             "invoices": ["2024-003"]}
    run = dossier("event", "add", case, "-", stdin=json.dumps(event))
    assert run.code == 0, run.err
    new_id = run.out.strip()
    assert new_id == "rem-1"
    dumped = next(e for e in _dump(dossier, case)["events"] if e["id"] == new_id)
    assert dumped == {"id": new_id, **event}


def test_event_add_refuses_an_invoice_number_that_does_not_exist(dossier, case: str) -> None:
    event = {"id": "p2", "kind": "payment", "date": "2024-04-01", "title": "Virement", "amount": "10.00",
             "invoices": ["2099-999"]}
    run = dossier("event", "add", case, "-", stdin=json.dumps(event))
    assert run.code == 1 and "2099-999" in run.err


def test_event_add_refuses_an_id_already_taken(dossier, case: str) -> None:
    run = dossier("event", "add", case, "-", stdin=json.dumps(
        {"id": "k1", "kind": "note", "date": "2024-04-01", "title": "Note"}))
    assert run.code == 1 and "k1" in run.err


def test_event_rm_keeps_its_exhibits_unlinked(dossier, case: str) -> None:
    assert dossier("event", "rm", case, "p1").code == 0
    dumped = _dump(dossier, case)
    assert "p1" not in [e["id"] for e in dumped["events"]]
    invoice = next(x for x in dumped["exhibits"] if x["title"] == "Facture 2024-003")
    assert invoice["events"] == ["f1"]
    assert dossier("event", "rm", case, "p1").code == 1


def test_link_with_pages_and_unlink(dossier, case: str) -> None:
    sha = next(x for x in _dump(dossier, case)["exhibits"] if x["title"] == "Mise en demeure")["sha256"]
    assert dossier("link", case, sha[:8], "o1", "--pages", "1").code == 0
    letter = next(x for x in _dump(dossier, case)["exhibits"] if x["sha256"] == sha)
    assert {"event": "o1", "pages": "1"} in letter["events"]
    assert dossier("unlink", case, sha[:8], "o1").code == 0
    letter = next(x for x in _dump(dossier, case)["exhibits"] if x["sha256"] == sha)
    assert all(link != "o1" and not (isinstance(link, dict) and link["event"] == "o1") for link in letter["events"])
    again = dossier("unlink", case, sha[:8], "o1")
    assert again.code == 1 and "n'est pas liée" in again.err
    bad_pages = dossier("link", case, sha[:8], "o1", "--pages", "deux")
    assert bad_pages.code == 1 and "2-3" in bad_pages.err


def test_exhibit_set_edits_metadata_never_the_file(dossier, case: str, home: Path) -> None:
    before = _dump(dossier, case)
    target = next(x for x in before["exhibits"] if x["title"] == "Mise en demeure")
    run = dossier("exhibit", "set", case, target["sha256"][:10], "--title", "LRAR du 10 mai", "--date",
                  "10/05/2024", "--include")
    assert run.code == 0, run.err
    after = next(x for x in _dump(dossier, case)["exhibits"] if x["sha256"] == target["sha256"])
    assert after["title"] == "LRAR du 10 mai" and after["date"] == "2024-05-10" and "include" not in after
    assert after["sha256"] == target["sha256"]


def test_verify_names_an_altered_file_and_a_missing_one(dossier, case: str, home: Path) -> None:
    assert dossier("verify", case).code == 0
    sha = _dump(dossier, case)["exhibits"][0]["sha256"]
    stored = home / "files" / sha[:2] / sha
    os.chmod(stored, stat.S_IRUSR | stat.S_IWUSR)
    data = bytearray(stored.read_bytes())
    data[0] ^= 1
    stored.write_bytes(bytes(data))
    run = dossier("verify", case)
    assert run.code == 1
    assert sha in run.out and "modifié" in run.out
    stored.unlink()
    run = dossier("verify", case)
    assert run.code == 1 and "manquant" in run.out


def test_case_rm_needs_confirmation_when_piped_and_removes_unused_files(dossier, case: str, home: Path) -> None:
    refused = dossier("case", "rm", case)
    assert refused.code == 1 and "--yes" in refused.err
    assert len(list((home / "files").rglob("*"))) == 4  # two folders, two files
    assert dossier("case", "rm", case, "--yes").code == 0
    assert "Aucune affaire" in dossier("cases").out
    assert [p for p in (home / "files").rglob("*") if p.is_file()] == []


def test_a_page_citation_must_be_in_order_and_within_the_document(dossier, tmp_path: Path, home: Path) -> None:
    from dossier_app.cli.main import main

    assert main(["--home", str(home), "demo"]) == 0
    contract = next(x for x in _dump(dossier, "1")["exhibits"] if x["title"].startswith("Contrat"))
    sha = contract["sha256"][:10]
    backwards = dossier("link", "1", sha, "refus", "--pages", "3-2")
    assert backwards.code == 1 and "plus petite" in backwards.err
    beyond = dossier("link", "1", sha, "refus", "--pages", "5-9")
    assert beyond.code == 1 and "3 pages" in beyond.err
    fine = dossier("link", "1", sha, "refus", "--pages", "2-3")
    assert fine.code == 0 and "prouve désormais" in fine.out


def test_exhibit_list_shows_what_link_needs(dossier, case: str) -> None:
    run = dossier("exhibit", "list", case)
    assert run.code == 0
    assert "#1" in run.out and "Facture 2024-003" in run.out and "f1, p1 p. 1" in run.out
