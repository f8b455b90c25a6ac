"""`import` as a user runs it: every file added, skipped or refused, with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cases import write_case

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pdf"


@pytest.fixture
def case(dossier, tmp_path: Path) -> str:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    return "1"


def test_every_corpus_file_is_added_or_refused_with_a_reason(dossier, case: str) -> None:
    files = sorted(p for p in CORPUS.iterdir() if p.is_file())
    run = dossier("import", case, str(CORPUS))
    assert run.code == 0, run.err
    assert "Traceback" not in run.out + run.err
    lines = run.out.splitlines()
    for path in files:
        line = next((x for x in lines if str(path) in x), None)
        assert line is not None, f"{path.name} is not reported"
        assert line.startswith(("ajouté", "refusé", "ignoré"))
        if line.startswith("refusé"):
            assert " — " in line and len(line.split(" — ", 1)[1]) > 10
    assert any(x.startswith("refusé") and "libreoffice-writer-password.pdf" in x and "mot de passe" in x
               and "« dossier import --password »" in x for x in lines)
    added = sum(1 for x in lines if x.startswith("ajouté"))
    assert lines[-1].startswith(f"{added} ajouté")
    assert len(json.loads(dossier("dump", case).out)["exhibits"]) == 2 + added

    again = dossier("import", case, str(CORPUS))
    assert again.code == 1, "nothing added and the encrypted PDF still refused: not a success (cli.md)"
    assert "0 ajouté," in again.out and f"{added} ignorés" in again.out
    assert len(json.loads(dossier("dump", case).out)["exhibits"]) == 2 + added


def test_an_encrypted_pdf_comes_in_with_its_password(dossier, case: str) -> None:
    run = dossier("import", case, str(CORPUS / "libreoffice-writer-password.pdf"), "--password", "permissionpassword")
    assert run.code == 0
    assert run.out.startswith("ajouté"), run.out
    exhibits = json.loads(dossier("dump", case).out)["exhibits"]
    exhibit = next(x for x in exhibits if x["path"] == "libreoffice-writer-password.pdf")
    assert exhibit["password"] == "permissionpassword"


def test_a_csv_invoice_list_creates_its_invoices_linked_to_it(dossier, case: str, tmp_path: Path) -> None:
    listing = tmp_path / "factures.csv"
    listing.write_bytes("numéro;date;montant_ttc;échéance;libellé\n"
                        "2024-010;04/10/2024;1 234,50;03/11/2024;Maintenance octobre\n"
                        "2024-011;04/11/2024;99,90;04/12/2024;Hébergement\n".encode("cp1252"))
    run = dossier("import", case, str(listing))
    assert run.code == 0, run.err
    assert "2 factures créées" in run.out
    dumped = json.loads(dossier("dump", case).out)
    invoices = {e["number"]: e for e in dumped["events"] if e["kind"] == "invoice"}
    assert invoices["2024-010"]["amount_incl_tax"] == "1234.50"
    assert invoices["2024-010"]["due_date"] == "2024-11-03"
    assert invoices["2024-011"]["date"] == "2024-11-04"
    exhibit = next(x for x in dumped["exhibits"] if x["path"].endswith("factures.csv"))
    assert {invoices["2024-010"]["id"], invoices["2024-011"]["id"]} <= set(exhibit["events"])


def test_an_unsupported_file_is_refused_and_nothing_is_stored(dossier, case: str, tmp_path: Path) -> None:
    odd = tmp_path / "tableur.xlsx"
    odd.write_bytes(b"PK\x03\x04" + bytes(200))
    run = dossier("import", case, str(odd))
    assert run.code == 1  # nothing added, something refused (cli.md)
    assert run.out.startswith("refusé") and "tableur.xlsx" in run.out
    assert len(json.loads(dossier("dump", case).out)["exhibits"]) == 2


def test_a_csv_list_with_a_bad_row_is_refused_whole(dossier, case: str, tmp_path: Path) -> None:
    listing = tmp_path / "factures.csv"
    listing.write_text("numero;date;montant_ttc\n2024-010;04/10/2024;1 234,50\n2024-011;pas une date;99,90\n",
                       encoding="utf-8")
    run = dossier("import", case, str(listing))
    assert run.code == 1  # nothing added, something refused (cli.md)
    assert run.out.startswith("refusé") and "à corriger" in run.out and "rien n'a été ajouté" in run.out
    dumped = json.loads(dossier("dump", case).out)
    assert len(dumped["exhibits"]) == 2
    assert "2024-010" not in [e.get("number") for e in dumped["events"]]


def test_importing_the_same_file_again_puts_back_a_stored_file_that_went_missing(
        dossier, case: str, tmp_path: Path, home: Path) -> None:
    source = tmp_path / "in" / "files" / "facture.txt"
    sha = next(x for x in json.loads(dossier("dump", case).out)["exhibits"] if x["title"] == "Facture 2024-003")["sha256"]
    (home / "files" / sha[:2] / sha).unlink()
    assert dossier("verify", case).code == 1
    run = dossier("import", case, str(source))
    assert run.code == 0 and run.out.startswith("réparé"), run.out
    assert dossier("verify", case).code == 0
    assert len(json.loads(dossier("dump", case).out)["exhibits"]) == 2


def test_the_suggested_kind_is_said_in_words(dossier, case: str, tmp_path: Path) -> None:
    note = tmp_path / "relance.txt"
    note.write_text("Relance : facture impayée, merci de régler sous huitaine. Laval, le 3 mars 2024\n",
                    encoding="utf-8")
    run = dossier("import", case, str(note))
    assert run.code == 0
    assert "reminder" not in run.out and "invoice" not in run.out
