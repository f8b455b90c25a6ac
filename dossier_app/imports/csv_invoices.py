"""Lists of invoices exported from an invoicing tool or typed in a spreadsheet, as CSV.

Whatever Excel or LibreOffice wrote: UTF-8 with or without BOM, Windows-1252, UTF-16,
``;`` (French Excel) or ``,`` or tab between values, French amounts ("1 234,50") and
dates ("04/10/2016"), French or English column names.  Every problem is collected with
its line, so that the user fixes the file in one go; the columns are documented in
``docs/csv-invoices.md``.
"""

from __future__ import annotations

import csv
import datetime
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol, TypeVar

from ..domain.dates import parse_user_day
from ..domain.errors import Problem
from ..domain.model import Invoice
from ..domain.money import Cents, parse_user_amount
from ..i18n import _, language
from .text_files import decode_text

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000

# Column names after lower-casing, dropping accents and turning the rest into "_".
COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("numero", "number", "no", "num", "n_facture", "numero_facture", "numero_de_facture",
               "facture", "invoice", "invoice_number", "invoice_no", "reference", "ref"),
    "date": ("date", "date_facture", "date_de_facture", "date_emission", "date_d_emission", "invoice_date",
             "issue_date"),
    "amount_incl_tax": ("montant_ttc", "ttc", "total_ttc", "amount_incl_tax", "amount_including_tax",
                        "total_incl_tax"),
    "amount_excl_tax": ("montant_ht", "ht", "total_ht", "amount_excl_tax", "amount_excluding_tax",
                        "total_excl_tax"),
    "vat": ("tva", "montant_tva", "total_tva", "vat", "vat_amount"),
    "due_date": ("echeance", "date_echeance", "date_d_echeance", "date_limite", "due_date", "due"),
    "title": ("libelle", "objet", "designation", "description", "title", "label"),
    "disputed": ("conteste", "contestee", "litige", "en_litige", "disputed"),
    "dispute_reason": ("motif", "motif_contestation", "motif_de_contestation", "motif_litige",
                       "dispute_reason"),
}
REQUIRED = ("number", "date", "amount_incl_tax")
_ALIASES = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}
_YES = {"oui", "o", "yes", "y", "vrai", "true", "1", "x"}
_NO = {"non", "no", "n", "faux", "false", "0", ""}
T = TypeVar("T")
_EXCEL_SEP = re.compile(r"^\s*sep=(.)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class InvoiceRow:
    line: int
    number: str
    date: date
    amount_incl_tax: Cents
    amount_excl_tax: Cents | None = None
    vat: Cents | None = None
    due_date: datetime.date | None = None  # not `date`: in this class that is the field above
    title: str | None = None
    disputed: bool = False
    dispute_reason: str | None = None

    def event(self, event_id: str) -> Invoice:
        """The invoice event this row describes."""
        return Invoice(
            id=event_id, date=self.date, title=self.title or _("Facture {number}").format(number=self.number),
            number=self.number, amount_incl_tax=self.amount_incl_tax, amount_excl_tax=self.amount_excl_tax,
            vat=self.vat, due_date=self.due_date, disputed=self.disputed, dispute_reason=self.dispute_reason)


@dataclass(frozen=True)
class RowProblem(Problem):
    """A problem of one line of the file (``line`` 0: the file as a whole)."""

    line: int = 0
    column: str | None = None


@dataclass(frozen=True)
class InvoiceRows:
    rows: tuple[InvoiceRow, ...]
    problems: tuple[RowProblem, ...]
    columns: tuple[str, ...] = ()           # the columns understood, by their English names
    ignored_columns: tuple[str, ...] = ()   # columns of the file that mean nothing here, as written
    delimiter: str = ";"

    @property
    def ok(self) -> bool:
        return not self.problems


def read_invoice_csv(path: Path) -> InvoiceRows:
    """Every invoice of the file and every problem found in it, with its line number."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return _failed(_("fichier de plus de {value} Mo : ce n'est pas une liste de factures").format(value=MAX_BYTES // 2**20))
        data = path.read_bytes()
    except OSError as exc:
        return _failed(_("fichier illisible : {value}").format(value=exc.strerror or exc))
    return parse_invoice_csv(decode_text(data))


def parse_invoice_csv(text: str) -> InvoiceRows:
    lines = text.splitlines(keepends=True)
    first = 0
    delimiter = None
    hint = _EXCEL_SEP.match(lines[0]) if lines else None
    if hint:
        # Excel's own hint line, "sep=;", placed before the header.
        delimiter = hint.group(1)
        first = 1
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first >= len(lines):
        return _failed(_("fichier vide : la première ligne doit nommer les colonnes"))
    delimiter = delimiter or _delimiter(lines[first])
    reader = csv.reader(lines[first:], delimiter=delimiter, strict=False)
    return _Reader(first, delimiter).read(reader)


def _delimiter(header: str) -> str:
    """The header holds no amounts, so its most frequent separator is the file's."""
    counts = {d: header.count(d) for d in (";", "\t", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _normalize(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.replace("°", "o").replace("º", "o"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


def _failed(message: str) -> InvoiceRows:
    return InvoiceRows((), (RowProblem("", message, 0),))


class _Rows(Protocol):
    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


class _Reader:
    def __init__(self, offset: int, delimiter: str) -> None:
        self.offset = offset  # lines before the header: "sep=;" and blank ones
        self.delimiter = delimiter
        self.problems: list[RowProblem] = []
        self.rows: list[InvoiceRow] = []
        self.positions: dict[str, int] = {}
        self.written: dict[str, str] = {}  # each column's name as the file writes it
        self.ignored: list[str] = []
        self.seen: dict[str, int] = {}

    def problem(self, line: int, column: str | None, message: str) -> None:
        where = _("ligne {line}").format(line=line) + (f" ({self.written.get(column, column)})" if column else "")
        self.problems.append(RowProblem(where, message, line, self.written.get(column, column) if column else None))

    def read(self, reader: _Rows) -> InvoiceRows:
        try:
            header = next(reader)
        except (StopIteration, csv.Error) as exc:
            return _failed(_("en-tête illisible ({exc})").format(exc=exc))
        self.header(header, self.offset + 1)
        if self.problems:
            return self.done()
        previous = 1
        try:
            for record in reader:
                line = self.offset + previous + 1  # where the record starts: it may span lines
                previous = reader.line_num
                if not any(cell.strip() for cell in record):
                    continue
                if len(self.rows) + len(self.problems) >= MAX_ROWS:
                    self.problem(line, None, _("plus de {MAX_ROWS} lignes : fichier coupé ici").format(MAX_ROWS=MAX_ROWS))
                    break
                self.row(record, line, len(header))
        except csv.Error as exc:
            self.problem(self.offset + previous + 1, None, _("ligne illisible ({exc})").format(exc=exc))
        return self.done()

    def done(self) -> InvoiceRows:
        columns = tuple(sorted(self.positions, key=lambda c: self.positions[c]))
        return InvoiceRows(tuple(self.rows), tuple(self.problems), columns, tuple(self.ignored), self.delimiter)

    def header(self, header: list[str], line: int) -> None:
        for index, name in enumerate(header):
            column = _ALIASES.get(_normalize(name))
            if column is None:
                if name.strip():
                    self.ignored.append(name.strip())
            elif column in self.positions:
                self.problem(line, None, _("deux colonnes disent « {column} » ({item}, {strip}) : gardez-en une").format(column=column, item=self.written[column], strip=name.strip()))
            else:
                self.positions[column] = index
                self.written[column] = name.strip()
        missing = [c for c in REQUIRED if c not in self.positions]
        if missing:
            self.problem(line, None, _("colonnes obligatoires absentes : {join} (la première ligne doit nommer les colonnes, par exemple numero;date;montant_ttc)").format(
                join=", ".join(COLUMNS[c][0] if language() == "fr" else c for c in missing)))

    def value(self, cells: dict[str, str], line: int, column: str, parse: Callable[[str], T],
              required: bool = False) -> T | None:
        text = cells.get(column, "")
        if not text:
            if required:
                self.problem(line, column, _("valeur obligatoire manquante"))
            return None
        try:
            return parse(text)
        except ValueError as exc:
            self.problem(line, column, str(exc))
            return None

    def row(self, record: list[str], line: int, width: int) -> None:
        before = len(self.problems)
        if len(record) > width and any(cell.strip() for cell in record[width:]):
            self.problem(line, None, _("plus de valeurs que de colonnes : un montant à virgule doit être entre guillemets, ou séparez les colonnes par des ;"))
            return
        cells = {c: record[i].strip() if i < len(record) else "" for c, i in self.positions.items()}
        number = cells["number"]
        if not number:
            self.problem(line, "number", _("numéro de facture manquant"))
        elif number in self.seen:
            self.problem(line, "number", _("numéro {number} déjà vu ligne {item}").format(number=number, item=self.seen[number]))
        else:
            self.seen[number] = line
        day = self.value(cells, line, "date", parse_user_day, required=True)
        due = self.value(cells, line, "due_date", parse_user_day)
        ttc = self.value(cells, line, "amount_incl_tax", _invoice_amount, required=True)
        ht = self.value(cells, line, "amount_excl_tax", _invoice_amount)
        vat = self.value(cells, line, "vat", _vat_amount)
        disputed = self.value(cells, line, "disputed", _yes_no)
        if day and due and due < day:
            self.problem(line, "due_date", _("échéance avant la date de la facture"))
        if ttc is not None and ht is not None and vat is not None and ht + vat != ttc:
            self.problem(line, "amount_incl_tax", _("HT + TVA ne font pas le TTC : vérifiez les montants"))
        if len(self.problems) > before or day is None or ttc is None:
            return
        self.rows.append(InvoiceRow(
            line=line, number=number, date=day, amount_incl_tax=ttc, amount_excl_tax=ht, vat=vat,
            due_date=due, title=cells.get("title") or None, disputed=bool(disputed),
            dispute_reason=cells.get("dispute_reason") or None))


def _invoice_amount(text: str) -> Cents:
    cents = parse_user_amount(text)
    if cents < 0:
        raise ValueError(_("« {text} » : montant négatif ; un avoir s'importe comme un événement à part").format(text=text))
    return cents


def _vat_amount(text: str) -> Cents:
    if text.rstrip().endswith("%"):
        raise ValueError(_("« {text} » est un taux : la colonne TVA attend le montant de la TVA en euros").format(text=text))
    return _invoice_amount(text)


def _yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValueError(_("« {text} » : écrivez oui ou non").format(text=text))
