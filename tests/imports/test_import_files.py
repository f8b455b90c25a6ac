"""Files of every sort, and not files at all: each gets an answer, none an exception."""

import os
from datetime import date
from pathlib import Path

import pytest

from dossier_app.imports import analyze

TODAY = date(2024, 6, 1)


def test_zero_bytes(files) -> None:
    found = analyze(files.write("vide.pdf", b""))
    assert (found.refused, found.size) == ("fichier vide (0 octet) : récupérez à nouveau l'original (pièce jointe, téléchargement)", 0)


def test_missing_file(tmp_path) -> None:
    assert analyze(tmp_path / "absent.pdf").refused == "fichier introuvable"


def test_a_folder(tmp_path) -> None:
    assert analyze(tmp_path).refused


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_not_read(tmp_path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert analyze(tmp_path / "pipe").refused == "pas un fichier ordinaire (tube, périphérique…)"


def test_unreadable_file(files, monkeypatch) -> None:
    # Permissions cannot be relied on (tests may run as root): the refusal is what matters.
    path = files.write("secret.txt", "x")
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert analyze(path).refused == "fichier illisible : Permission denied"


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("lettre.docx", b"PK\x03\x04" + b"\x00" * 40, "document bureautique"),
    ("lettre.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "ancien document Office"),
    ("dessin.bmp", b"BM" + b"\x00" * 40, "format d'image"),
    ("page.html", b"<!DOCTYPE html><html><body>x</body></html>", "page web"),
    ("prog.exe", b"MZ\x90\x00" + bytes(range(256)), "type de fichier non pris en charge"),
])
def test_unsupported_types_say_what_to_do(files, name: str, data: bytes, reason: str) -> None:
    found = analyze(files.write(name, data))
    assert found.refused and reason in found.refused


def test_text_file_in_windows_1252_with_an_accented_name(files) -> None:
    text = "Compte rendu\r\nLaval, le 4 octobre 2016\r\nL'accès au site nous est refusé.\r\n"
    found = analyze(files.write("compte rendu réunion été.txt", text, "cp1252"), today=TODAY)
    assert found.refused is None
    assert (found.media_type, found.pages) == ("text/plain", 1)
    assert found.title == "Compte rendu réunion été"
    assert found.suggested_date == date(2016, 10, 4)
    assert found.suggested_kind == "access"


def test_decomposed_accents_in_names_are_composed(files) -> None:
    found = analyze(files.write("re\u0301ponse.txt", "ok"))
    assert found.title == "Réponse"


def test_csv_is_recognised(files) -> None:
    found = analyze(files.write("factures.csv", "numero;date;montant_ttc\nF1;04/10/2016;12,50\n"))
    assert (found.media_type, found.suggested_kind, found.refused) == ("text/csv", "invoice", None)


def test_a_long_text_counts_its_pages(files) -> None:
    found = analyze(files.write("long.txt", "ligne\n" * 200))
    assert found.pages == 4


def test_a_huge_text_is_refused(files) -> None:
    assert analyze(files.write("huge.txt", b"a" * (5 * 1024 * 1024 + 1))).refused


def test_text_saved_under_a_pdf_name_is_refused_saying_what_it_holds(files) -> None:
    # A failed download kept as a pièce would print « Erreur 404 » where the judge expects an invoice.
    found = analyze(files.write("facture.pdf", "Erreur 404 : document introuvable"))
    assert found.media_type == "text/plain"
    assert found.refused is not None and "pas un PDF" in found.refused
    assert "« Erreur 404 : document introuvable »" in found.refused and "renommez-le en .txt" in found.refused
