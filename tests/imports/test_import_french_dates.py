from datetime import date

import pytest

from dossier_app.imports.french_dates import PLAIN, STRONG, date_in_file_name, find_dates


@pytest.mark.parametrize(("text", "expected"), [
    ("le 4 octobre 2016", date(2016, 10, 4)),
    ("4 oct. 2016", date(2016, 10, 4)),
    ("1er mars 2024", date(2024, 3, 1)),
    ("1 er mars 2024", date(2024, 3, 1)),
    ("04/10/2016", date(2016, 10, 4)),
    ("04.10.2016", date(2016, 10, 4)),
    ("4/10/16", date(2016, 10, 4)),
    ("12/05/98", date(1998, 5, 12)),
    ("2016-10-04", date(2016, 10, 4)),
    ("17 août 2021", date(2021, 8, 17)),
    ("3 DÉCEMBRE 2019", date(2019, 12, 3)),
    ("3 fevrier 2019", date(2019, 2, 3)),
    ("October 14, 1998", date(1998, 10, 14)),
    ("14 October 1998", date(1998, 10, 14)),
])
def test_each_way_of_writing_a_date(text: str, expected: date) -> None:
    assert [d.day for d in find_dates(text)] == [expected]


@pytest.mark.parametrize("text", [
    "31/02/2016",           # no such day
    "version 6.3.1.5",      # numbers with dots
    "tél. 06.12.34.56.78",  # a phone number
    "1.234.567,89 €",       # an amount
    "Facture n° 2016-12",   # a number, not a date
    "le 45 octobre 2016",
    "IBAN FR76 3000 4000 0312 3456 7890 143",
])
def test_what_is_not_a_date(text: str) -> None:
    assert find_dates(text) == []


def test_document_dates_are_told_from_dates_it_mentions() -> None:
    text = ("SARL Dupont\nLaval, le 4 octobre 2016\n"
            "Objet : votre courrier du 12 septembre 2016\n"
            "Date d'échéance : 04/11/2016\nà régler avant le 1er décembre 2016\n"
            "Nous avons livré le site le 2 août 2016.\n"
            "Imprimé le 12/03/2024 — téléchargé le 13/03/2024\n")
    found = [(d.day, d.strength) for d in find_dates(text)]
    assert found == [(date(2016, 10, 4), STRONG), (date(2016, 8, 2), PLAIN)]


@pytest.mark.parametrize("line", [
    "Laval, le 4 octobre 2016",
    "Fait à Laval le 4 octobre 2016",
    "Date : 04/10/2016",
    "Date de facture : 04/10/2016",
    "Invoice date: 2016-10-04",
    "FACTURE N° F-2016-12 du 04/10/2016",
    "Le 4 octobre 2016",
    "En date du 4 octobre 2016",
])
def test_what_introduces_a_document_date(line: str) -> None:
    assert [(d.day, d.strength) for d in find_dates(line)] == [(date(2016, 10, 4), STRONG)]


def test_the_snippet_shows_the_date_in_its_words() -> None:
    (found,) = find_dates("SARL Dupont, 12 rue Haute, 53000 Laval, le 4 octobre 2016")
    assert found.snippet == "Haute, 53000 Laval, le 4 octobre 2016"


@pytest.mark.parametrize(("stem", "expected"), [
    ("facture_2016-10-04", date(2016, 10, 4)),
    ("IMG_20161004_101532", date(2016, 10, 4)),
    ("Capture d’écran 2016-10-04 à 10.15.32", date(2016, 10, 4)),
    ("Screenshot from 2016-10-04 10-15-32", date(2016, 10, 4)),
    ("scan 04-10-2016", date(2016, 10, 4)),
    ("courrier", None),
    ("facture 20161304", None),
])
def test_dates_in_file_names(stem: str, expected: date | None) -> None:
    found = date_in_file_name(stem)
    assert (found[0] if found else None) == expected
