"""Bringing files in as exhibits: look first (``plan_import``), then store (``commit_import``).

The window shows the plan for review before committing it; the command commits at once.
A CSV invoice list becomes an exhibit *and* the invoice events it lists, linked to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import UserError
from ..domain.i18n import t
from ..domain.model import Exhibit, ExhibitLink, Invoice
from ..store import Store
from ..store import repository as repo
from ..store.blobs import sha256_of
from .events import next_event_id
from .store_access import writing

if TYPE_CHECKING:
    from ..imports.analysis import Analysis
    from ..imports.isolated import IsolatedAnalyzer


@dataclass(frozen=True)
class ImportItem:
    """One file and what would happen to it."""

    path: Path
    status: str  # "add" | "duplicate" | "refused" | "repair" (a stored file gone missing, brought back)
    reason: str | None = None
    sha256: str | None = None
    exhibit: Exhibit | None = None
    invoices: tuple[Invoice, ...] = ()
    notes: tuple[str, ...] = ()
    date_source: str | None = None


@dataclass
class ImportResult:
    added: list[ImportItem] = field(default_factory=list)
    skipped: list[ImportItem] = field(default_factory=list)
    refused: list[ImportItem] = field(default_factory=list)
    repaired: list[ImportItem] = field(default_factory=list)


Progress = Callable[[int, int, Path], bool]


def plan_import(store: Store, case_id: int, paths: Iterable[Path], password: str | None = None,
                today: date | None = None, progress: Progress | None = None) -> list[ImportItem]:
    """Analyse every file under ``paths``; nothing is stored. ``progress`` returning False cancels.

    Files are parsed in a worker process (started at the first file that needs it): a parser
    that crashes, hangs or eats the memory on a hostile file costs that file, not the program.
    """
    with isolated_analyzer() as analyzer:
        return _plan(store, case_id, paths, password, today, progress, analyzer.analyze)


def isolated_analyzer() -> IsolatedAnalyzer:
    from ..imports.isolated import IsolatedAnalyzer

    return IsolatedAnalyzer()


def _plan(store: Store, case_id: int, paths: Iterable[Path], password: str | None, today: date | None,
          progress: Progress | None, analyze: Callable[..., Analysis]) -> list[ImportItem]:
    from ..imports import iter_candidate_files

    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            raise UserError(t(f"Introuvable : {root}", f"Not found: {root}"))
    files = list(iter_candidate_files(roots))
    in_case = {x.sha256: x for x in repo.read_exhibits(store, case_id)}
    seen: dict[str, Path] = {}
    taken_numbers = {e.number for e in repo.read_events(store, case_id) if isinstance(e, Invoice)}
    event_ids = set(repo.event_refs(store, case_id))
    items: list[ImportItem] = []
    for index, path in enumerate(files):
        if progress is not None and not progress(index, len(files), path):
            break
        try:
            sha = sha256_of(path)
        except OSError as exc:
            items.append(ImportItem(path, "refused", t(f"illisible ({exc.strerror})", f"unreadable ({exc.strerror})")))
            continue
        if sha in in_case and not store.blobs.has(sha):
            # The store lost this file (disk trouble, a hand-made deletion): the same bytes,
            # checked by their hash, put it back.
            items.append(ImportItem(path, "repair", t(f"fichier manquant de « {in_case[sha].title} » remis en place",
                                                      f"missing file of \"{in_case[sha].title}\" put back"), sha))
            continue
        if sha in in_case:
            items.append(ImportItem(path, "duplicate", t(f"déjà présent : « {in_case[sha].title} »",
                                                         f"already there: \"{in_case[sha].title}\""), sha))
            continue
        if sha in seen:
            items.append(ImportItem(path, "duplicate", t(f"même fichier que {seen[sha].name}",
                                                         f"same file as {seen[sha].name}"), sha))
            continue
        analysis = analyze(path, password=password, today=today)
        if analysis.refused:
            items.append(ImportItem(path, "refused", analysis.refused, sha))
            continue
        seen[sha] = path
        exhibit = Exhibit(sha256=sha, title=analysis.title, original_name=path.name, date=analysis.suggested_date,
                          password=password if analysis.encrypted else None, media_type=analysis.media_type,
                          pages=analysis.pages, suggested_kind=analysis.suggested_kind, size=analysis.size)
        invoices: tuple[Invoice, ...] = ()
        notes = tuple(analysis.notes)
        if analysis.media_type == "text/csv":
            try:
                invoices, csv_notes = _csv_invoices(path, taken_numbers, event_ids)
            except _CsvRefused as refusal:
                items.append(ImportItem(path, "refused", str(refusal), sha))
                continue
            notes += csv_notes
            if invoices:
                exhibit = replace(exhibit, links=tuple(ExhibitLink(i.id) for i in invoices))
        items.append(ImportItem(path, "add", None, sha, exhibit, invoices, notes, analysis.date_source))
    return items


def _csv_invoices(path: Path, taken: set[str], event_ids: set[str]) -> tuple[tuple[Invoice, ...], tuple[str, ...]]:
    from ..imports import read_invoice_csv

    listing = read_invoice_csv(path)
    # Half a list would be worse than none: the user fixes the file and imports it again.
    if listing.problems:
        first = listing.problems[0]
        more = len(listing.problems) - 1
        raise _CsvRefused(t(f"liste de factures à corriger ({first}" + (f", et {more} autre(s) problème(s)" if more else "")
                            + ") ; rien n'a été ajouté",
                            f"invoice list to correct ({first}" + (f", and {more} other problem(s)" if more else "")
                            + "); nothing was added"))
    if not listing.rows:
        raise _CsvRefused(t("aucune facture reconnue dans ce CSV (voir docs/csv-invoices.md pour les colonnes)",
                            "no invoice recognised in this CSV (see docs/csv-invoices.md for the columns)"))
    notes = []
    if listing.ignored_columns:
        names = ", ".join(listing.ignored_columns)
        notes.append(t(f"colonnes ignorées : {names}", f"columns ignored: {names}"))
    invoices = []
    for row in listing.rows:
        if row.number in taken:
            notes.append(t(f"facture {row.number} déjà dans l'affaire : ligne ignorée",
                           f"invoice {row.number} already in the case: row skipped"))
            continue
        taken.add(row.number)
        event_id = next_event_id(event_ids, "invoice")
        event_ids.add(event_id)
        invoices.append(Invoice(
            id=event_id, date=row.date, title=row.title or t(f"Facture {row.number}", f"Invoice {row.number}"),
            number=row.number, amount_incl_tax=row.amount_incl_tax, amount_excl_tax=row.amount_excl_tax,
            vat=row.vat, due_date=row.due_date, disputed=bool(row.disputed), actor=None))
    return tuple(invoices), tuple(notes)


class _CsvRefused(Exception):
    pass


def commit_import(store: Store, case_id: int, items: Iterable[ImportItem],
                  link_to: str | None = None) -> ImportResult:
    """Store the files planned for adding, in one transaction; optionally link each to an event."""
    result = ImportResult()
    planned = list(items)
    with writing(store) as writes:
        # The plan was made before this transaction: another program may have added the same
        # files or invoices since. What is in the store now wins; nothing goes in twice.
        present = {x.sha256 for x in repo.read_exhibits(store, case_id)}
        refs = repo.event_refs(store, case_id)
        numbers = {e.number for e in repo.read_events(store, case_id) if isinstance(e, Invoice)}
        for item in planned:
            if item.status == "repair" and item.sha256 is not None:
                writes.put(item.path, item.sha256)
                result.repaired.append(item)
                continue
            if item.status == "add" and item.sha256 in present:
                item = replace(item, status="duplicate", reason=t("déjà présent : ajouté entre-temps par un autre import",
                                                                  "already there: added meanwhile by another import"))
            if item.status != "add" or item.exhibit is None:
                (result.skipped if item.status == "duplicate" else result.refused).append(item)
                continue
            item = _still_new_invoices(item, refs, numbers)
            exhibit = item.exhibit
            assert exhibit is not None  # checked above; _still_new_invoices keeps it
            present.add(exhibit.sha256)
            sha, size = writes.put(item.path, item.sha256)
            repo.register_file(store, sha, size)
            if item.invoices:
                repo.insert_events(store, case_id, item.invoices)
            if link_to is not None:
                exhibit = replace(exhibit, links=(*exhibit.links, ExhibitLink(link_to)))
            repo.insert_exhibit(store, case_id, exhibit)
            result.added.append(item)
    return result


def _still_new_invoices(item: ImportItem, refs: set[str], numbers: set[str]) -> ImportItem:
    """The item's invoices with event ids free in the case now, less numbers taken meanwhile."""
    if not item.invoices or item.exhibit is None:
        return item
    kept: list[Invoice] = []
    ids: dict[str, str | None] = {}
    notes = list(item.notes)
    for invoice in item.invoices:
        if invoice.number in numbers:
            ids[invoice.id] = None
            notes.append(t(f"facture {invoice.number} déjà dans l'affaire : ligne ignorée",
                           f"invoice {invoice.number} already in the case: row skipped"))
            continue
        new_id = invoice.id if invoice.id not in refs else next_event_id(refs, "invoice")
        refs.add(new_id)
        numbers.add(invoice.number)
        ids[invoice.id] = new_id
        kept.append(replace(invoice, id=new_id))
    links = tuple(replace(link, event_id=renamed) if (renamed := ids.get(link.event_id)) else link
                  for link in item.exhibit.links if ids.get(link.event_id, link.event_id) is not None)
    return replace(item, invoices=tuple(kept), notes=tuple(notes), exhibit=replace(item.exhibit, links=links))


def import_paths(store: Store, case_id: int, paths: Iterable[Path], password: str | None = None,
                 today: date | None = None) -> ImportResult:
    return commit_import(store, case_id, plan_import(store, case_id, paths, password, today))
