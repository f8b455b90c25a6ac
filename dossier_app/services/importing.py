"""Bringing files in as exhibits: look first (``plan_import``), then store (``commit_import``).

The window shows the plan for review before committing it; the command commits at once.
A CSV invoice list becomes an exhibit *and* the invoice events it lists, linked to it.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.bounds import MAX_TEXT, neutral_text, text_problem
from ..domain.errors import UserError
from ..domain.model import Exhibit, ExhibitLink, Invoice
from ..i18n import _, ngettext
from ..regular_files import NotRegularFile, open_regular
from ..store import Store
from ..store import repository as repo
from ..store.home import temporary_folder
from .crash_log import write_crash_log
from .events import event_id_prefix
from .store_access import FileWrites, writing

log = logging.getLogger(__name__)

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
    # The file as it was hashed and read (device, inode, size, times): it must still be that very
    # file when it is stored, else it changed or was swapped under the import.
    state: tuple[int, ...] | None = None
    follow: bool = False  # a symbolic link the user named: read through it
    locked: bool = False  # a protected PDF refused for want of the right password: ask for it, try again


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
    with analyzer_for(store.home) as analyzer:
        return _plan(store, case_id, paths, password, today, progress, analyzer.analyze)


def analyzer_for(home: Path) -> IsolatedAnalyzer:
    """The worker that reads files, kept inside the home: its scratch space there, a parser's
    traceback to the home's crash log, never to the screen nor the system's temporary folder."""
    analyzer = isolated_analyzer()
    analyzer.report = lambda text: write_crash_log(home, text)
    analyzer.scratch = temporary_folder(home)
    return analyzer


def isolated_analyzer() -> IsolatedAnalyzer:
    from ..imports.isolated import IsolatedAnalyzer

    return IsolatedAnalyzer()


def _plan(store: Store, case_id: int, paths: Iterable[Path], password: str | None, today: date | None,
          progress: Progress | None, analyze: Callable[..., Analysis]) -> list[ImportItem]:
    from ..imports import walk_paths
    from ..imports.analyze import MAX_FILE_BYTES, too_big
    from ..imports.titles import readable_name

    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            raise UserError(_("Introuvable : {root}").format(root=root))
    candidates = list(walk_paths(roots))
    seen: dict[str, Path] = {}
    # What this plan gives out; the case itself is asked through its indexes, file by file.
    planned = _NewInvoices(store, case_id)
    items: list[ImportItem] = []
    for index, candidate in enumerate(candidates):
        path = candidate.path
        if progress is not None and not progress(index, len(candidates), path):
            break
        said = (candidate.note,) if candidate.note else ()
        if candidate.refused:
            items.append(ImportItem(path, "refused", candidate.refused, notes=said))
            continue
        try:
            before = _state(path, candidate.follow)
            if before[2] > MAX_FILE_BYTES:
                items.append(ImportItem(path, "refused", too_big(), notes=said))
                continue
            sha = _hash_regular(path, before)
        except _Changed as refusal:
            items.append(ImportItem(path, "refused", str(refusal), notes=said))
            continue
        except OSError as exc:
            items.append(ImportItem(path, "refused", _("illisible ({value})").format(value=exc.strerror or exc), notes=said))
            continue
        title_in_case = repo.exhibit_title_by_hash(store, case_id, sha)
        if title_in_case is not None and not store.blobs.has(sha):
            # The store lost this file (disk trouble, a hand-made deletion): the same bytes,
            # checked by their hash, put it back.
            items.append(ImportItem(path, "repair", _("fichier manquant de « {title} » remis en place").format(title=title_in_case), sha,
                                    notes=said, state=before, follow=candidate.follow))
            continue
        if title_in_case is not None:
            items.append(ImportItem(path, "duplicate", _("déjà présent : « {title} »").format(title=title_in_case), sha, notes=said))
            continue
        if sha in seen:
            items.append(ImportItem(path, "duplicate", _("même fichier que {name}").format(name=seen[sha].name), sha, notes=said))
            continue
        analysis = analyze(path, password=password, today=today)
        if analysis.refused:
            items.append(ImportItem(path, "refused", analysis.refused, sha, notes=said, locked=analysis.locked))
            continue
        name = readable_name(path.name)
        pages = analysis.pages
        if analysis.media_type not in (None, "application/pdf"):
            pages = _printed_pages(store.home, analysis.media_type, path, name) or pages
        exhibit = Exhibit(sha256=sha, title=_storable(analysis.title, name), original_name=_storable(name, "?"),
                          date=analysis.suggested_date, password=password if analysis.encrypted else None,
                          media_type=analysis.media_type, pages=pages,
                          suggested_kind=analysis.suggested_kind, size=analysis.size)
        invoices: tuple[Invoice, ...] = ()
        notes = (*said, *analysis.notes)
        if analysis.media_type == "text/csv" and _invoice_list(path):
            try:
                invoices, csv_notes = _csv_invoices(path, planned)
            except _CsvRefused as refusal:
                items.append(ImportItem(path, "refused", str(refusal), sha, notes=said))
                continue
            notes += csv_notes
            if invoices:
                exhibit = replace(exhibit, links=tuple(ExhibitLink(i.id) for i in invoices))
        try:
            # What was analysed must be what was hashed: the file may not change in between.
            if _state(path, candidate.follow) != before:
                raise _Changed(_changed())
        except (_Changed, OSError):
            items.append(ImportItem(path, "refused", _changed(), sha, notes=said))
            continue
        seen[sha] = path
        items.append(ImportItem(path, "add", None, sha, exhibit, invoices, notes, analysis.date_source,
                                state=before, follow=candidate.follow))
    return items


def _printed_pages(home: Path, media_type: str, path: Path, name: str) -> int | None:
    """The pages an image, e-mail or text will take in the exported dossier, counted by drawing it
    as the export does (``export.prepare.printed_pages``): ``exhibit list``, the page citations and
    the bordereau then say one number (an estimate from the text disagreed on e-mails with
    attachments, long lines, tables, animated GIFs). None when it cannot be drawn now: the analysis's
    count stays, and the export says why it cannot print it (a file changed meanwhile is refused
    by the checks that follow)."""
    from ..export.exhibits_pdf import Refused as ExportRefused
    from ..export.prepare import printed_pages
    from ..i18n import language, translator
    from ..imports.email_files import read_email

    try:
        return printed_pages(media_type, path, name, translator(language()), temporary_folder(home),
                             read_email)
    except (ExportRefused, OSError):
        return None
    except Exception:  # a drawing bug must not stop the import: the export meets it and says so
        log.exception("could not count the printed pages of %s", path)
        return None


class _Changed(Exception):
    """The file is no longer the one that was looked at."""


def _changed() -> str:
    return _("modifié, remplacé ou supprimé pendant l'import : réimportez-le")


def _state(path: Path, follow: bool) -> tuple[int, ...]:
    """Who the file is and how it stands; refused if it is not (or no longer) a plain file.

    ``lstat`` unless the user named a link: met while walking, a link is never followed.
    """
    try:
        info = os.stat(path) if follow else os.lstat(path)
    except FileNotFoundError as exc:
        raise _Changed(_changed()) from exc
    if not stat.S_ISREG(info.st_mode):
        raise _Changed(_changed())
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _hash_regular(path: Path, expected: tuple[int, ...]) -> str:
    """The SHA-256 of the plain file ``_state`` saw: opened without blocking (a pipe swapped in
    meanwhile would wait for ever), and checked to be that same file once open."""
    try:
        handle = open_regular(path)
    except NotRegularFile as exc:
        raise _Changed(_changed()) from exc
    with handle:
        info = os.fstat(handle.fileno())
        if (info.st_dev, info.st_ino) != expected[:2]:
            raise _Changed(_changed())
        digest = hashlib.sha256()
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _storable(text: str, fallback: str) -> str:
    """A title or name the store can hold and a screen can show: valid Unicode (a lone surrogate
    becomes U+FFFD), no control or bidi override characters, at most ``MAX_TEXT`` characters."""
    cleaned = " ".join(neutral_text(text).split())[:MAX_TEXT].strip()
    if not cleaned or text_problem(cleaned) is not None:
        cleaned = " ".join(neutral_text(fallback).split())[:MAX_TEXT].strip() or "?"
    return cleaned


class _NewInvoices:
    """The invoice numbers and event ids given out so far, beside those the case holds."""

    def __init__(self, store: Store, case_id: int) -> None:
        self.store = store
        self.case_id = case_id
        self.numbers: set[str] = set()
        self.ids: set[str] = set()
        self._next = 1

    def numbers_taken(self, numbers: Iterable[str]) -> set[str]:
        wanted = list(numbers)
        return {n for n in wanted if n in self.numbers} | repo.invoice_numbers_taken(self.store, self.case_id, wanted)

    def free_id(self) -> str:
        # Every id below the last one given out is held, by the case or by this plan.
        prefix = event_id_prefix("invoice")
        event_id = repo.next_free_ref(self.store, self.case_id, prefix, self.ids, start=self._next)
        self.ids.add(event_id)
        self._next = int(event_id.rsplit("-", 1)[1]) + 1
        return event_id


def _csv_invoices(path: Path, planned: _NewInvoices) -> tuple[tuple[Invoice, ...], tuple[str, ...]]:
    from ..imports import read_invoice_csv

    listing = read_invoice_csv(path)
    # Half a list would be worse than none: the user fixes the file and imports it again.
    if listing.problems:
        first = listing.problems[0]
        more = len(listing.problems) - 1
        if more:
            raise _CsvRefused(ngettext(
                "liste de factures à corriger ({first}, et {more} autre problème) ; rien n'a été ajouté",
                "liste de factures à corriger ({first}, et {more} autres problèmes) ; rien n'a été ajouté",
                more).format(first=first, more=more))
        raise _CsvRefused(_("liste de factures à corriger ({first}) ; rien n'a été ajouté").format(first=first))
    if not listing.rows:
        raise _CsvRefused(_("aucune facture reconnue dans ce CSV (voir docs/csv-invoices.md pour les colonnes)"))
    notes = []
    if listing.ignored_columns:
        names = ", ".join(listing.ignored_columns)
        notes.append(_("colonnes ignorées : {names}").format(names=names))
    invoices = []
    taken = planned.numbers_taken(row.number for row in listing.rows)
    for row in listing.rows:
        if row.number in taken:
            notes.append(_("facture {number} déjà dans l'affaire : ligne ignorée").format(number=row.number))
            continue
        taken.add(row.number)
        planned.numbers.add(row.number)
        event_id = planned.free_id()
        invoices.append(Invoice(
            id=event_id, date=row.date, title=row.title or _("Facture {number}").format(number=row.number),
            number=row.number, amount_incl_tax=row.amount_incl_tax, amount_excl_tax=row.amount_excl_tax,
            vat=row.vat, due_date=row.due_date, disputed=bool(row.disputed), actor=None))
    return tuple(invoices), tuple(notes)


def _invoice_list(path: Path) -> bool:
    """A CSV whose header names invoice columns becomes invoices; any other table stays a pièce."""
    from ..imports.csv_tables import is_invoice_list
    from ..imports.text_files import decode_text

    try:
        return is_invoice_list(decode_text(path.read_bytes()))
    except OSError:
        return True  # unreadable now: the invoice reader says so in its own words


class _CsvRefused(Exception):
    pass


def commit_import(store: Store, case_id: int, items: Iterable[ImportItem],
                  link_to: str | None = None) -> ImportResult:
    """Store the files planned for adding, in one transaction; optionally link each to an event.

    A file changed, swapped or deleted since it was planned is refused alone: the stored bytes are
    the bytes analysed (the hash the store computes while copying must be the planned one).
    """
    result = ImportResult()
    planned = list(items)
    with writing(store) as writes:
        # The plan was made before this transaction: another program may have added the same
        # files or invoices since. What is in the store now wins; nothing goes in twice.
        present = repo.exhibit_hashes_in_case(store, case_id, (i.sha256 for i in planned if i.sha256))
        for item in planned:
            if item.status == "repair" and item.sha256 is not None:
                if _stored(writes, item) is not None:
                    result.repaired.append(item)
                else:
                    result.refused.append(replace(item, status="refused", reason=_changed()))
                continue
            if item.status == "add" and item.sha256 in present:
                item = replace(item, status="duplicate", reason=_("déjà présent : ajouté entre-temps par un autre import"))
            if item.status != "add" or item.exhibit is None or item.sha256 is None:
                (result.skipped if item.status == "duplicate" else result.refused).append(item)
                continue
            size = _stored(writes, item)
            if size is None:
                result.refused.append(replace(item, status="refused", reason=_changed(), exhibit=None, invoices=()))
                continue
            item = _still_new_invoices(store, case_id, item)
            exhibit = item.exhibit
            assert exhibit is not None  # checked above; _still_new_invoices keeps it
            present.add(exhibit.sha256)
            repo.register_file(store, exhibit.sha256, size)
            if item.invoices:
                repo.insert_events(store, case_id, item.invoices)
            if link_to is not None:
                exhibit = replace(exhibit, links=(*exhibit.links, ExhibitLink(link_to)))
            repo.insert_exhibit(store, case_id, exhibit)
            result.added.append(item)
    return result


def _stored(writes: FileWrites, item: ImportItem) -> int | None:
    """Copy the item's file into the store if it is still the file planned, byte for byte; its
    size, or ``None`` when it changed, was swapped or went away since it was planned."""
    assert item.sha256 is not None
    try:
        if item.state is not None and _state(item.path, item.follow)[:2] != item.state[:2]:
            return None  # another file (a link, a pipe) put in its place
        _, size = writes.put(item.path, item.sha256)
    except _Changed:
        return None
    except ValueError:  # the bytes copied do not hash to the planned hash: changed since analysed
        return None
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return None
        raise
    return size


def _still_new_invoices(store: Store, case_id: int, item: ImportItem) -> ImportItem:
    """The item's invoices with event ids free in the case now, less numbers taken meanwhile.

    The invoices of the items committed before this one are in the case already (same transaction).
    """
    if not item.invoices or item.exhibit is None:
        return item
    kept: list[Invoice] = []
    ids: dict[str, str | None] = {}
    notes = list(item.notes)
    numbers = repo.invoice_numbers_taken(store, case_id, (i.number for i in item.invoices))
    fresh = _NewInvoices(store, case_id)
    fresh.ids = {i.id for i in item.invoices}  # this item's own ids are spoken for too
    refs: set[str] = set()
    for invoice in item.invoices:
        if invoice.number in numbers:
            ids[invoice.id] = None
            notes.append(_("facture {number} déjà dans l'affaire : ligne ignorée").format(number=invoice.number))
            continue
        taken = invoice.id in refs or repo.event_exists(store, case_id, invoice.id)
        new_id = fresh.free_id() if taken else invoice.id
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
