"""A spreadsheet's CSV that opens with « sep=; » is read alike by the import and the export: the
import calls it a table printed as such, and the export prints it as that table."""

from __future__ import annotations

from dossier_app.export.csv_pages import read_rows
from dossier_app.imports.csv_tables import table_problem

TEXT = "sep=;\nDate;Libellé;Montant\n27/05/2025;Chèque Pixelune;-324,00\n15/07/2025;Virement;-3 000,00\n"


def test_a_sep_line_names_the_separator_for_the_export_as_for_the_import() -> None:
    assert table_problem(TEXT) is None
    assert read_rows(TEXT) == [["Date", "Libellé", "Montant"], ["27/05/2025", "Chèque Pixelune", "-324,00"],
                               ["15/07/2025", "Virement", "-3 000,00"]]


def test_without_a_sep_line_the_header_still_says_the_separator() -> None:
    assert read_rows(TEXT.split("\n", 1)[1]) == read_rows(TEXT)
