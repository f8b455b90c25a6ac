"""Any CSV as a pièce: an invoice list becomes invoices, any other table (a bank statement, an
export of payments) is kept as it is and printed as a table (``export.csv_pages``).

A table whose lines do not all have the header's number of columns would print misaligned: it
is refused naming the first such line, so that the user fixes that line in a spreadsheet.
"""

from __future__ import annotations

import csv

from ..domain.csv_header import csv_header
from ..i18n import _
from .csv_invoices import _ALIASES, REQUIRED, _normalize


def is_invoice_list(text: str) -> bool:
    """Whether the header names the columns of an invoice list (numéro, date, montant TTC)."""
    lines = text.splitlines()
    found = csv_header(lines)
    if found is None:
        return False
    first, delimiter = found
    try:
        header = next(csv.reader([lines[first]], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return False
    columns = {_ALIASES.get(_normalize(name)) for name in header}
    return all(column in columns for column in REQUIRED)


def table_problem(text: str) -> str | None:
    """What is wrong with the table, naming its line (« ligne 14 : 3 colonnes au lieu de 5 ») and
    what to do; None when every line has the header's columns."""
    lines = text.splitlines(keepends=True)
    found = csv_header(lines)
    if found is None:
        return None
    first, delimiter = found
    reader = csv.reader(lines[first:], delimiter=delimiter, strict=True)
    width = 0
    start = first + 1
    try:
        for record in reader:
            line, start = start, first + reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if not width:
                width = len(record)
                continue
            count = len(record)
            if count > width and not any(cell.strip() for cell in record[width:]):
                count = width  # empty cells after the last column: separators at the end of a line
            if count != width:
                return _("ligne {line} : {count} colonnes au lieu de {width} ; corrigez cette ligne dans un tableur (une valeur contenant « {delimiter} » doit être entre guillemets), ou renommez le fichier en .txt pour l'imprimer tel quel").format(
                    line=line, count=count, width=width, delimiter=_delimiter_name(delimiter))
    except csv.Error:
        return _("ligne {line} : guillemets mal fermés ; corrigez cette ligne dans un tableur, ou renommez le fichier en .txt pour l'imprimer tel quel").format(line=start)
    return None


def _delimiter_name(delimiter: str) -> str:
    return _("tabulation") if delimiter == "\t" else delimiter
