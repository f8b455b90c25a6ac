"""`case new` and `case set`, as a user runs them."""

from __future__ import annotations

import json


def _case_block(dossier, case: str) -> dict:
    return json.loads(dossier("dump", case).out)["case"]


def test_case_new_prints_its_id_and_the_case_is_listed(dossier) -> None:
    run = dossier("case", "new", "Martin c/ WebPlus", "--our-role", "provider")
    assert run.code == 0, run.err
    assert run.out.strip() == "1"
    block = _case_block(dossier, "1")
    assert block["title"] == "Martin c/ WebPlus"
    assert block["our_role"] == "provider"
    assert block["us"]["name"] and block["them"]["name"]
    assert "Martin c/ WebPlus" in dossier("cases").out
    assert dossier("case", "new", "Deuxième").out.strip() == "2"
    assert _case_block(dossier, "2")["our_role"] == "client"


def test_case_new_refuses_an_empty_title(dossier) -> None:
    run = dossier("case", "new", "   ")
    assert run.code == 1
    assert "case.title" in run.err
    assert "Aucune affaire" in dossier("cases").out


def test_case_new_refuses_an_unknown_role(dossier, capsys) -> None:
    try:
        dossier("case", "new", "X", "--our-role", "judge")
    except SystemExit as exc:
        assert exc.code == 2
        assert "judge" in capsys.readouterr().err
    else:
        raise AssertionError("argparse should refuse the role")
