"""`event set`: one event's fields replaced, as the window's form replaces them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cases import write_case


@pytest.fixture
def case(dossier, tmp_path: Path) -> str:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    return "1"


def _events(dossier, case: str) -> dict[str, dict]:
    return {e["id"]: e for e in json.loads(dossier("dump", case).out)["events"]}


def test_event_set_replaces_the_fields_and_keeps_the_id_and_links(dossier, case: str, tmp_path: Path) -> None:
    new = {"kind": "payment", "date": "2024-04-22", "title": "Virement reçu", "amount": "600.00",
           "invoices": ["2024-003"]}
    source = tmp_path / "p1.json"
    source.write_text(json.dumps(new), encoding="utf-8")
    run = dossier("event", "set", case, "p1", str(source))
    assert run.code == 0, run.err
    assert _events(dossier, case)["p1"] == {"id": "p1", **new}
    dumped = json.loads(dossier("dump", case).out)
    invoice = next(x for x in dumped["exhibits"] if x["title"] == "Facture 2024-003")
    assert {"event": "p1", "pages": "1"} in invoice["events"]


def test_event_set_reads_stdin(dossier, case: str) -> None:
    new = {"id": "k1", "kind": "contract", "date": "2024-01-11", "title": "Contrat modifié", "action": "amended"}
    run = dossier("event", "set", case, "k1", "-", stdin=json.dumps(new))
    assert run.code == 0, run.err
    assert _events(dossier, case)["k1"] == new


def test_event_set_names_every_problem_and_changes_nothing(dossier, case: str) -> None:
    before = _events(dossier, case)
    bad = {"kind": "payment", "date": "1850-01-01", "title": "", "amount": "abc", "invoices": ["2099-999"]}
    run = dossier("event", "set", case, "p1", "-", stdin=json.dumps(bad))
    assert run.code == 1
    for path in ("date", "title", "amount"):
        assert path in run.err, (path, run.err)
    assert _events(dossier, case) == before
    run = dossier("event", "set", case, "p1", "-", stdin=json.dumps({**before["p1"], "invoices": ["2099-999"]}))
    assert run.code == 1 and "2099-999" in run.err
    assert _events(dossier, case) == before


def test_event_set_refuses_an_id_taken_by_another_event(dossier, case: str) -> None:
    before = _events(dossier, case)
    run = dossier("event", "set", case, "p1", "-", stdin=json.dumps({**before["p1"], "id": "k1"}))
    assert run.code == 1 and "k1" in run.err
    assert _events(dossier, case) == before


def test_event_set_refuses_an_unknown_event_case_or_malformed_json(dossier, case: str) -> None:
    note = json.dumps({"kind": "note", "date": "2024-04-01", "title": "Note"})
    run = dossier("event", "set", case, "zz9", "-", stdin=note)
    assert run.code == 1 and "zz9" in run.err
    assert "zz9" not in _events(dossier, case)
    run = dossier("event", "set", "42", "p1", "-", stdin=note)
    assert run.code == 1 and "42" in run.err
    run = dossier("event", "set", case, "p1", "-", stdin='{"kind": ')
    assert run.code == 1 and "JSON" in run.err and "Traceback" not in run.err


def test_event_set_may_rename_the_event_and_its_links_follow(dossier, case: str) -> None:
    p1 = _events(dossier, case)["p1"]
    run = dossier("event", "set", case, "p1", "-", stdin=json.dumps({**p1, "id": "vir-1"}))
    assert run.code == 0, run.err
    assert run.out.strip() == "vir-1"
    assert "p1" not in _events(dossier, case)
    dumped = json.loads(dossier("dump", case).out)
    invoice = next(x for x in dumped["exhibits"] if x["title"] == "Facture 2024-003")
    assert {"event": "vir-1", "pages": "1"} in invoice["events"]
