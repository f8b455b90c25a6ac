from datetime import date

import pytest

from dossier_app.i18n import activate
from dossier_app.imports import read_invoice_csv

EXCEL_FR = ("Numéro;Date;Montant TTC;Montant HT;TVA;Échéance;Libellé;Contesté;Client\r\n"
            "F-2016-12;04/10/2016;1 234,50;1 028,75;205,75;04/11/2016;Création du site été;oui;Dupont\r\n"
            "F-2016-13;2016-10-05;12,5;;;;;non;\r\n"
            ";;;;;;;;\r\n")


def test_french_excel_export_in_windows_1252(files) -> None:
    result = read_invoice_csv(files.write("factures.csv", EXCEL_FR, "cp1252"))
    assert result.problems == ()
    assert result.delimiter == ";"
    assert result.ignored_columns == ("Client",)
    first, second = result.rows
    assert (first.line, first.number, first.date, first.amount_incl_tax, first.amount_excl_tax, first.vat) == (
        2, "F-2016-12", date(2016, 10, 4), 123450, 102875, 20575)
    assert (first.due_date, first.title, first.disputed) == (date(2016, 11, 4), "Création du site été", True)
    assert (second.date, second.amount_incl_tax, second.title, second.disputed) == (date(2016, 10, 5), 1250, None, False)


def test_utf8_with_bom_commas_and_english_headers(files) -> None:
    text = 'number,date,amount_incl_tax,due_date,title,disputed\n"F1",2016-10-04,"1,234.50",2016-11-03,"Site, hosting",yes\n'
    result = read_invoice_csv(files.write("invoices.csv", "\ufeff" + text))
    assert result.problems == () and result.delimiter == ","
    (row,) = result.rows
    assert (row.number, row.amount_incl_tax, row.title, row.disputed) == ("F1", 123450, "Site, hosting", True)


def test_excel_separator_hint_and_utf16(files) -> None:
    text = "sep=;\r\nnumero;date;ttc\r\nF1;04/10/2016;10\r\n"
    result = read_invoice_csv(files.write("f.csv", text.encode("utf-16")))
    assert [(r.line, r.number, r.amount_incl_tax) for r in result.rows] == [(3, "F1", 1000)]


def test_every_problem_with_its_line(files) -> None:
    text = ("numero;date;montant_ttc;montant_ht;tva;echeance;conteste\n"
            "F1;04/10/2016;100;80;20;;\n"
            "F1;32/10/2016;abc;;20%;;peut-être\n"
            "\n"
            "F2;06/10/2016;100;80;10;01/10/2016;\n"
            ";06/10/2016;-5;;;;\n"
            '"F3";07/10/2016;"multi\nline";;;;\n')
    result = read_invoice_csv(files.write("f.csv", text))
    assert [r.number for r in result.rows] == ["F1"]
    assert [(p.line, p.column) for p in result.problems] == [
        (3, "numero"), (3, "date"), (3, "montant_ttc"), (3, "tva"), (3, "conteste"),
        (5, "echeance"), (5, "montant_ttc"),
        (6, "numero"), (6, "montant_ttc"),
        (7, "montant_ttc"),
    ]
    assert str(result.problems[0]) == "ligne 3 (numero): numéro F1 déjà vu ligne 2"
    assert not result.ok


def test_unquoted_french_decimals_in_a_comma_file(files) -> None:
    result = read_invoice_csv(files.write("f.csv", "numero,date,montant_ttc\nF1,04/10/2016,12,50\n"))
    (problem,) = result.problems
    assert problem.line == 2 and "guillemets" in problem.message


def test_missing_required_columns(files) -> None:
    result = read_invoice_csv(files.write("f.csv", "numero;montant\nF1;12\n"))
    (problem,) = result.problems
    assert problem.line == 1 and "date, montant_ttc" in problem.message
    assert result.rows == ()


def test_duplicate_columns(files) -> None:
    result = read_invoice_csv(files.write("f.csv", "numero;date;ttc;montant_ttc\n"))
    assert "ttc, montant_ttc" in result.problems[0].message


@pytest.mark.parametrize("data", [b"", b"\n\n", b"\x00\x01\x02"])
def test_empty_or_binary(files, data: bytes) -> None:
    result = read_invoice_csv(files.write("f.csv", data))
    assert result.rows == () and result.problems


def test_missing_file(tmp_path) -> None:
    assert read_invoice_csv(tmp_path / "absent.csv").problems[0].line == 0


def test_a_row_becomes_an_invoice_event(files) -> None:
    activate("en")
    (row,) = read_invoice_csv(files.write("f.csv", "number;date;amount_incl_tax\nF1;04/10/2016;12,50\n")).rows
    invoice = row.event("inv-1")
    assert (invoice.kind, invoice.id, invoice.title, invoice.amount_incl_tax) == ("invoice", "inv-1", "Invoice F1", 1250)
