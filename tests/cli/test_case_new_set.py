"""`case new` and `case set`, as a user runs them."""

from __future__ import annotations

import json

from tests.support.cases import small_document, write_case


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


def _new_block() -> dict:
    block = small_document()["case"]
    return {**block, "title": "Martin c/ WebPlus (référé)", "our_role": "provider", "docket": "2024R00012",
            "counsel": {"name": "Me Durand", "email": "durand@example.fr"}, "hearing": "2024-06-04T09:30"}


def test_case_set_replaces_the_case_block_and_keeps_the_events(dossier, tmp_path) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    source = tmp_path / "case.json"
    source.write_text(json.dumps(_new_block()), encoding="utf-8")
    run = dossier("case", "set", "1", str(source))
    assert run.code == 0, run.err
    dumped = json.loads(dossier("dump", "1").out)
    assert dumped["case"]["title"] == "Martin c/ WebPlus (référé)"
    assert dumped["case"]["our_role"] == "provider"
    assert dumped["case"]["docket"] == "2024R00012"
    assert dumped["case"]["counsel"] == {"name": "Me Durand", "email": "durand@example.fr"}
    assert len(dumped["events"]) == len(small_document()["events"])


def test_case_set_reads_stdin_and_fills_a_new_case(dossier) -> None:
    assert dossier("case", "new", "Vide").code == 0
    run = dossier("case", "set", "Vide", "-", stdin=json.dumps(_new_block()))
    assert run.code == 0, run.err
    assert _case_block(dossier, "1")["us"]["name"] == "Boulangerie Martin"


def test_case_set_names_every_problem_at_once_and_changes_nothing(dossier) -> None:
    assert dossier("case", "new", "Vide").code == 0
    before = _case_block(dossier, "1")
    bad = {**_new_block(), "title": "", "hearing": "1850-01-01", "us": {"legal_form": "SARL"}, "colour": "red"}
    run = dossier("case", "set", "1", "-", stdin=json.dumps(bad))
    assert run.code == 1
    for path in ("case.title", "case.hearing", "case.us.name", "case.colour"):
        assert path in run.err, (path, run.err)
    assert _case_block(dossier, "1") == before


def test_case_set_refuses_malformed_json_an_unknown_case_and_a_missing_file(dossier, tmp_path) -> None:
    assert dossier("case", "new", "Vide").code == 0
    run = dossier("case", "set", "1", "-", stdin='{"title": "x",')
    assert run.code == 1 and "JSON" in run.err and "Traceback" not in run.err
    run = dossier("case", "set", "1", "-", stdin="[1, 2]")
    assert run.code == 1 and "case" in run.err
    run = dossier("case", "set", "42", "-", stdin=json.dumps(_new_block()))
    assert run.code == 1 and "42" in run.err
    run = dossier("case", "set", "1", str(tmp_path / "absent.json"))
    assert run.code == 1 and "absent.json" in run.err


def test_case_rename_is_the_window_s_rename(dossier) -> None:
    assert dossier("case", "new", "Martin c/ WebPlus").out.strip() == "1"
    run = dossier("case", "rename", "1", "  Martin c/ WebPlus SAS ")
    assert run.code == 0, run.err
    assert "Martin c/ WebPlus SAS" in dossier("cases").out
    blank = dossier("case", "rename", "1", "   ")
    assert blank.code == 1 and "titre" in blank.err and "Traceback" not in blank.err
    assert "Martin c/ WebPlus SAS" in dossier("cases").out


def test_a_second_case_of_the_same_title_is_made_and_noted(dossier) -> None:
    assert dossier("case", "new", "Martin c/ WebPlus").err == ""
    run = dossier("case", "new", "martin  c/ webplus")
    assert run.code == 0 and run.out.strip() == "2"
    assert "« martin  c/ webplus » existe déjà (n° 1)" in run.err and "celle-ci : n° 2" in run.err
    renamed = dossier("case", "new", "Autre")
    assert renamed.err == ""
    run = dossier("case", "rename", "3", "Martin c/ WebPlus")
    assert run.code == 0 and "(n° 1, 2)" in run.err
