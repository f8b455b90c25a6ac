"""The exhibit filter's rule, without a window: title, file name, number or date, accents set aside."""

from __future__ import annotations

from datetime import date

from dossier_app.domain.model import Exhibit
from dossier_app.services.exhibit_search import matches, search

RULES = Exhibit("a" * 64, "Règlement intérieur", "reglement.pdf", date(2024, 3, 15), number=12)
INVOICE = Exhibit("b" * 64, "Facture FA-2024-003", "scan_0042.PDF", date(2024, 5, 2), number=3)
PHOTO = Exhibit("c" * 64, "Photo du serveur", "IMG_Œuvre.jpg")


def titles(typed: str) -> list[str]:
    return [x.title for x in search([RULES, INVOICE, PHOTO], typed)]


def test_nothing_typed_keeps_every_exhibit():
    assert titles("") == titles("   ") == ["Règlement intérieur", "Facture FA-2024-003", "Photo du serveur"]


def test_title_without_accents_or_case():
    assert titles("reglement") == ["Règlement intérieur"]
    assert titles("INTÉRIEUR") == ["Règlement intérieur"]
    assert titles("fa-2024") == ["Facture FA-2024-003"]


def test_original_file_name_ligatures_spelt_out():
    assert titles("scan_0042") == ["Facture FA-2024-003"]
    assert titles("oeuvre") == ["Photo du serveur"]


def test_number_alone_or_as_the_exhibit_is_called():
    assert titles("12") == ["Règlement intérieur"]
    assert titles("pièce 12") == titles("Piece 12") == titles("n° 12") == ["Règlement intérieur"]
    assert titles("pièce 3") == ["Facture FA-2024-003"], "pièce 3 is the third exhibit, not any 3 in a title"
    assert titles("pièce 1") == []


def test_date_as_written_in_french_or_iso():
    assert titles("15/03/2024") == ["Règlement intérieur"]
    assert titles("03/2024") == ["Règlement intérieur"]
    assert titles("2024-05-02") == ["Facture FA-2024-003"]
    assert not matches(PHOTO, "2024"), "an exhibit without a date is not found by a year"


def test_nothing_found():
    assert titles("contrat") == []
