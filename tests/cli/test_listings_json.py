"""`cases --json`, `check CASE --json`, `exhibit list CASE --json`: one JSON document each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cases import write_case


@pytest.fixture
def case(dossier, tmp_path: Path) -> str:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    return "1"


def test_cases_json(dossier, case: str) -> None:
    run = dossier("cases", "--json")
    assert run.code == 0, run.err
    document = json.loads(run.out)
    assert document["cases"] == [{
        "id": 1, "title": "Boulangerie Martin c/ WebPlus", "us": "Boulangerie Martin", "them": "WebPlus",
        "events": 5, "exhibits": 2, "outstanding": "734.50", "problem": None}]


def test_cases_json_with_no_case_is_an_empty_list(dossier) -> None:
    run = dossier("cases", "--json")
    assert run.code == 0 and json.loads(run.out) == {"cases": []}


def test_exhibit_list_json(dossier, case: str) -> None:
    run = dossier("exhibit", "list", case, "--json")
    assert run.code == 0, run.err
    exhibits = json.loads(run.out)["exhibits"]
    invoice = next(x for x in exhibits if x["title"] == "Facture 2024-003")
    assert invoice["date"] == "2024-03-15"
    assert invoice["include"] is True
    assert invoice["links"] == [{"event": "f1", "pages": None}, {"event": "p1", "pages": "1"}]
    assert len(invoice["sha256"]) == 64 and isinstance(invoice["id"], int)
    letter = next(x for x in exhibits if x["title"] == "Mise en demeure")
    assert letter["include"] is False and letter["date"] is None


def test_check_json_keeps_the_exit_status(dossier, case: str) -> None:
    text = dossier("check", case, "--as-of", "2024-06-01")
    run = dossier("check", case, "--as-of", "2024-06-01", "--json")
    assert run.code == text.code
    document = json.loads(run.out)
    assert document["as_of"] == "2024-06-01"
    assert document["ready"] is (text.code == 0)
    findings = document["findings"]
    assert findings and {"severity", "code", "message", "event", "exhibit"} <= set(findings[0])
    assert [f["message"] for f in findings] == [line.split(": ", 1)[1] for line in text.out.splitlines()]


def test_json_listings_refuse_an_unknown_case(dossier, case: str) -> None:
    for args in (("check", "42", "--json"), ("exhibit", "list", "42", "--json")):
        run = dossier(*args)
        assert run.code == 1 and "42" in run.err and run.out == ""
