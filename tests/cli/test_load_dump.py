"""`load` and `dump` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cases import small_document, write_case


def test_load_prints_the_new_case_id_and_cases_lists_it(dossier, tmp_path: Path) -> None:
    case_json = write_case(tmp_path / "in")
    run = dossier("load", str(case_json))
    assert run.code == 0, run.err
    assert run.out.strip() == "1"
    listing = dossier("cases")
    assert "Boulangerie Martin c/ WebPlus" in listing.out
    row = next(line for line in listing.out.splitlines() if line.lstrip().startswith("1 "))
    assert " 5 " in row and " 2 " in row  # five events, two exhibits


def test_dump_then_load_then_dump_gives_the_same_document_but_ids(dossier, tmp_path: Path) -> None:
    dossier("load", str(write_case(tmp_path / "in")))
    out = tmp_path / "out"
    out.mkdir()
    first = dossier("dump", "1", "-o", str(out / "a.json"), "--files", str(out / "files"))
    assert first.code == 0, first.err
    assert sorted(p.name for p in (out / "files").iterdir()) == ["facture.txt", "lettre.txt"]
    assert dossier("load", str(out / "a.json")).out.strip() == "2"
    again = tmp_path / "again"
    again.mkdir()
    dossier("dump", "2", "-o", str(again / "a.json"), "--files", str(again / "files"))
    assert json.loads((out / "a.json").read_text()) == json.loads((again / "a.json").read_text())


def test_dump_keeps_every_value_of_the_original(dossier, tmp_path: Path) -> None:
    dossier("load", str(write_case(tmp_path / "in")))
    dumped = json.loads(dossier("dump", "Boulangerie Martin c/ WebPlus").out)
    original = small_document()
    assert dumped["case"] == original["case"]
    assert [e["id"] for e in dumped["events"]] == [e["id"] for e in original["events"]]
    assert dumped["events"] == original["events"]
    letter = next(x for x in dumped["exhibits"] if x["title"] == "Mise en demeure")
    assert letter["include"] is False and len(letter["sha256"]) == 64
    invoice = next(x for x in dumped["exhibits"] if x["title"] == "Facture 2024-003")
    assert invoice["events"] == ["f1", {"event": "p1", "pages": "1"}]


def test_every_problem_is_reported_at_once_with_its_path_and_nothing_is_stored(dossier, tmp_path: Path) -> None:
    doc = small_document()
    doc["events"][1]["amount_incl_tax"] = "12,50"
    doc["events"][2]["date"] = "2024-02-30"
    doc["events"][3]["colour"] = "red"
    doc["case"]["us"]["siren"] = "732829321"
    doc["exhibits"][0]["events"] = ["nope"]
    run = dossier("load", str(write_case(tmp_path / "in", doc)))
    assert run.code == 1
    assert 'events[1].amount_incl_tax: "12,50" n\'est pas un montant, écrivez "12.50"' in run.err
    assert "events[2].date:" in run.err
    assert "events[3].colour: clé inconnue" in run.err
    assert "case.us.siren:" in run.err
    assert "exhibits[0].events[0]:" in run.err
    assert "Traceback" not in run.err
    assert "Aucune affaire" in dossier("cases").out


def test_a_file_outside_the_case_folder_is_refused(dossier, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("x")
    doc = small_document()
    doc["exhibits"][0]["path"] = "../secret.txt"
    run = dossier("load", str(write_case(tmp_path / "in", doc)))
    assert run.code == 1 and "exhibits[0].path:" in run.err and ".." in run.err


def test_a_file_whose_hash_differs_is_refused(dossier, tmp_path: Path) -> None:
    doc = small_document()
    doc["exhibits"][0]["sha256"] = "0" * 64
    run = dossier("load", str(write_case(tmp_path / "in", doc)))
    assert run.code == 1 and "exhibits[0].sha256:" in run.err


def test_problems_name_the_right_items_even_when_an_earlier_one_is_refused(dossier, tmp_path: Path) -> None:
    doc = small_document()
    doc["events"][0]["date"] = "2024-13-01"  # refused: the later indices must not shift
    doc["events"][2]["invoices"] = ["nope"]
    doc["events"][4]["id"] = "f1"  # duplicate of events[1]
    doc["exhibits"][0]["title"] = 12
    doc["exhibits"][1]["path"] = "files/missing.txt"
    doc["exhibits"][1]["events"] = ["k1"]  # k1 exists though its date is wrong: no dangling-link noise
    case_json = write_case(tmp_path / "in", doc)
    (tmp_path / "in" / "files" / "missing.txt").unlink()
    run = dossier("load", str(case_json))
    assert run.code == 1
    assert "events[0].date:" in run.err
    assert "events[2].invoices[0]: aucune facture" in run.err
    assert "events[4].id: l'identifiant « f1 » est déjà pris" in run.err
    assert "exhibits[0].title:" in run.err
    assert "exhibits[1].path: fichier introuvable" in run.err
    assert "aucun événement n'a l'identifiant « k1 »" not in run.err
    assert "events[1].invoices" not in run.err


def test_a_file_altered_in_the_store_stops_dump_in_plain_words_and_the_command_names_verify(
        dossier, home: Path, tmp_path: Path) -> None:
    import pytest

    from dossier_app.domain.errors import UserError
    from dossier_app.services import interchange
    from dossier_app.services.store_access import open_home
    from dossier_app.store import repository

    dossier("load", str(write_case(tmp_path / "in")))
    store = open_home(home)
    try:
        stored = store.blobs.path(repository.read_exhibits(store, 1)[0].sha256)
        stored.chmod(0o644)
        stored.write_text("autre chose", encoding="utf-8")
        out = tmp_path / "out"
        out.mkdir()
        # The words the window shows: no command in them.
        with pytest.raises(UserError) as refused:
            interchange.dump_case(store, 1, out / "a.json", out / "files")
        said = refused.value.message
    finally:
        store.close()
    assert "vérifiez les fichiers des pièces" in said and "dossier verify" not in said
    run = dossier("dump", "1", "-o", str(out / "b.json"), "--files", str(out / "files2"))
    assert run.code == 1
    assert "vérifiez les fichiers des pièces (« dossier verify »)" in run.err
