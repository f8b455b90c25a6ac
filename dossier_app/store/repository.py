"""Reading and writing cases, events, exhibits and links.

Every function runs inside the caller's transaction (``Store.transaction``); events and
the case header are kept as their interchange-format JSON, so the store and the file
format can never drift apart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, cast

from ..domain.codec import Collector, decode_case, decode_event, encode_case, encode_event
from ..domain.errors import UserError
from ..domain.model import (
    Case,
    CaseFile,
    CreditNote,
    Event,
    Exhibit,
    ExhibitLink,
    Invoice,
    Payment,
    Reminder,
)
from ..i18n import _
from .chunks import in_chunks
from .database import Store


class CorruptStore(UserError):
    """A row that no longer decodes (a hand-edited or damaged database): named, never a traceback."""

    def __init__(self, table: str, row_id: object, detail: str) -> None:
        super().__init__(_("La base de données contient une ligne illisible (table {table}, n° {row_id} : {detail}) : restaurez une archive de l'affaire ou une sauvegarde ; rien n'a été modifié.").format(table=table, row_id=row_id, detail=detail))
        self.table = table
        self.row_id = row_id


def _json_of(table: str, row_id: object, text: object) -> object:
    try:
        if not isinstance(text, str):
            raise ValueError(type(text).__name__)
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise CorruptStore(table, row_id, _("JSON illisible")) from exc


def _decoded(table: str, row_id: object, collector: Collector, value: object) -> object:
    if value is None or collector.problems:
        detail = "; ".join(str(p) for p in collector.problems[:3]) or _("valeur vide")
        raise CorruptStore(table, row_id, detail)
    return value


@dataclass(frozen=True)
class CaseRow:
    id: int
    title: str
    events: int
    exhibits: int


# --- cases --------------------------------------------------------------------------

def insert_case(store: Store, case: Case) -> int:
    cursor = store.conn.execute(
        "INSERT INTO cases (title, data) VALUES (?, ?)",
        (case.title, json.dumps(encode_case(case), ensure_ascii=False)),
    )
    return int(cursor.lastrowid or 0)


def update_case(store: Store, case_id: int, case: Case) -> None:
    store.conn.execute("UPDATE cases SET title = ?, data = ? WHERE id = ?",
                       (case.title, json.dumps(encode_case(case), ensure_ascii=False), case_id))


def delete_case(store: Store, case_id: int) -> list[str]:
    """Remove the case; returns the hashes of files no other case uses any more."""
    hashes = [row[0] for row in store.conn.execute("SELECT DISTINCT sha256 FROM exhibits WHERE case_id = ?", (case_id,))]
    store.conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
    orphans = []
    for sha in hashes:
        if store.conn.execute("SELECT 1 FROM exhibits WHERE sha256 = ? LIMIT 1", (sha,)).fetchone() is None:
            store.conn.execute("DELETE FROM files WHERE sha256 = ?", (sha,))
            orphans.append(sha)
    return orphans


def list_cases(store: Store) -> list[CaseRow]:
    rows = store.conn.execute(
        """SELECT c.id, c.title,
                  (SELECT count(*) FROM events e WHERE e.case_id = c.id),
                  (SELECT count(*) FROM exhibits x WHERE x.case_id = c.id)
           FROM cases c ORDER BY c.id""")
    return [CaseRow(*row) for row in rows]


def find_case(store: Store, ref: str) -> int:
    """A case by its id or its exact title; a reference that is both (two different cases) is refused."""
    ref = ref.strip()
    rows = store.conn.execute("SELECT id FROM cases WHERE title = ?", (ref,)).fetchall()
    if ref.isdigit() and len(ref) < 19:
        row = store.conn.execute("SELECT id FROM cases WHERE id = ?", (int(ref),)).fetchone()
        if row:
            others = [int(r[0]) for r in rows if int(r[0]) != int(row[0])]
            if others:
                raise UserError(_("« {ref} » désigne l'affaire n° {item} mais aussi le titre de l'affaire n° {item2} : renommez l'une des deux, ou désignez celle titrée ainsi par son numéro.").format(ref=ref, item=row[0], item2=others[0]))
            return int(row[0])
    if len(rows) == 1:
        return int(rows[0][0])
    if len(rows) > 1:
        ids = ", ".join(str(r[0]) for r in rows)
        raise UserError(_("Plusieurs affaires s'appellent « {ref} » (n° {ids}) : désignez-la par son numéro.").format(ref=ref, ids=ids))
    raise UserError(_("Aucune affaire « {ref} » : « dossier cases » liste les affaires existantes.").format(ref=ref))


def read_case(store: Store, case_id: int) -> Case:
    row = store.conn.execute("SELECT data FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise UserError(_("Aucune affaire n° {case_id}.").format(case_id=case_id))
    collector = Collector()
    case = decode_case(collector, "case", _json_of("cases", case_id, row[0]))
    return replace(cast(Case, _decoded("cases", case_id, collector, case)), id=case_id)


def numbering_fixed(store: Store, case_id: int) -> bool:
    row = store.conn.execute("SELECT numbering_fixed FROM cases WHERE id = ?", (case_id,)).fetchone()
    return bool(row and row[0])


def set_numbering_fixed(store: Store, case_id: int, fixed: bool) -> None:
    store.conn.execute("UPDATE cases SET numbering_fixed = ? WHERE id = ?", (int(fixed), case_id))


# --- events ---------------------------------------------------------------------------

# Every write keeps, beside the event's JSON, what the checks of one write need through an index:
# the invoice's number (``events.invoice_number``) and the numbers an event names
# (``invoice_mentions``). One event is then checked against its case without decoding the case.

def _event_row(case_id: int, event: Event) -> tuple[object, ...]:
    moment = event.moment
    return (case_id, event.id, event.kind, event.date.isoformat(),
            moment.isoformat() if moment else None, event.title,
            json.dumps(encode_event(event), ensure_ascii=False),
            event.number if isinstance(event, Invoice) else None)


def invoices_named(event: Event) -> tuple[str, ...]:
    """The invoice numbers a payment, a reminder or a credit note names."""
    if isinstance(event, Payment | Reminder):
        return event.invoices
    if isinstance(event, CreditNote) and event.invoice:
        return (event.invoice,)
    return ()


def insert_events(store: Store, case_id: int, events: Iterable[Event]) -> None:
    named: list[tuple[str, int, str]] = []

    def rows() -> Iterator[tuple[object, ...]]:
        for event in events:
            named.extend((number, case_id, event.id) for number in invoices_named(event))
            yield _event_row(case_id, event)

    store.conn.executemany(
        "INSERT INTO events (case_id, ref, kind, date, moment, title, data, invoice_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows())
    _insert_mentions(store, named)


def _insert_mentions(store: Store, named: list[tuple[str, int, str]]) -> None:
    store.conn.executemany(
        """INSERT OR IGNORE INTO invoice_mentions (event_id, case_id, number)
           SELECT id, case_id, ? FROM events WHERE case_id = ? AND ref = ?""", named)


def replace_event(store: Store, case_id: int, old_ref: str, event: Event) -> None:
    row = _event_row(case_id, event)
    conn = store.conn
    found = conn.execute("SELECT id FROM events WHERE case_id = ? AND ref = ?", (case_id, old_ref)).fetchone()
    if found is None:
        return
    conn.execute(
        "UPDATE events SET ref = ?, kind = ?, date = ?, moment = ?, title = ?, data = ?, invoice_number = ? WHERE id = ?",
        (*row[1:], found[0]))
    conn.execute("DELETE FROM invoice_mentions WHERE event_id = ?", (found[0],))
    _insert_mentions(store, [(number, case_id, event.id) for number in invoices_named(event)])


def event_exists(store: Store, case_id: int, ref: str) -> bool:
    return store.conn.execute("SELECT 1 FROM events WHERE case_id = ? AND ref = ?", (case_id, ref)).fetchone() is not None


def event_refs(store: Store, case_id: int) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT ref FROM events WHERE case_id = ?", (case_id,))}


def next_free_ref(store: Store, case_id: int, prefix: str, also_taken: Container[str] = frozenset(),
                  start: int = 1) -> str:
    """The first ``prefix-N`` (N from ``start`` up) that no event of the case and nothing in
    ``also_taken`` holds: a few point lookups, then one pass over the index range of ``prefix-``."""
    n = start
    while True:
        n = _first_free_number(store, case_id, prefix + "-", n)
        if f"{prefix}-{n}" not in also_taken:
            return f"{prefix}-{n}"
        n += 1


_PROBES = 8


def _first_free_number(store: Store, case_id: int, head: str, start: int) -> int:
    for n in range(start, start + _PROBES):
        if not event_exists(store, case_id, f"{head}{n}"):
            return n
    # Every N from start up to start + _PROBES - 1 is taken: the first free one follows a taken one.
    # Among refs of one length the index order is the numbers' order, not across lengths: one pass.
    row = store.conn.execute(
        """SELECT min(n) + 1 FROM (
               SELECT CAST(substr(ref, :skip) AS INTEGER) AS n FROM events
               WHERE case_id = :case AND ref >= :low AND ref < :high
                 AND length(ref) BETWEEN :skip AND :skip + 14
                 AND substr(ref, :skip) NOT GLOB '*[^0-9]*' AND substr(ref, :skip) NOT GLOB '0*')
           WHERE n >= :start
             AND NOT EXISTS (SELECT 1 FROM events WHERE case_id = :case AND ref = :low || (n + 1))""",
        {"skip": len(head) + 1, "case": case_id, "low": head, "high": head[:-1] + chr(ord(head[-1]) + 1),
         "start": start + _PROBES - 1}).fetchone()
    return int(row[0]) if row and row[0] is not None else start + _PROBES


def invoice_number_of(store: Store, case_id: int, ref: str) -> str | None:
    """The number of the invoice ``ref`` (``None`` when it is no invoice, or no event)."""
    row = store.conn.execute("SELECT invoice_number FROM events WHERE case_id = ? AND ref = ?",
                             (case_id, ref)).fetchone()
    return row[0] if row and isinstance(row[0], str) else None


def invoice_numbers_taken(store: Store, case_id: int, numbers: Iterable[str],
                          except_ref: str | None = None) -> set[str]:
    """Those of ``numbers`` that an invoice of the case (other than ``except_ref``) carries."""
    wanted = list(dict.fromkeys(numbers))
    found: set[str] = set()
    for chunk, marks in in_chunks(wanted):
        found.update(r[0] for r in store.conn.execute(
            f"""SELECT invoice_number FROM events
                WHERE case_id = ? AND invoice_number IN ({marks}) AND ref IS NOT ?""",
            (case_id, *chunk, except_ref)))
    return found


def events_citing_invoice(store: Store, case_id: int, number: str, except_ref: str | None = None,
                          limit: int = -1) -> list[tuple[str, str]]:
    """(ref, title) of the events that name invoice ``number``, in timeline order."""
    return [(str(ref), str(title)) for ref, title in store.conn.execute(
        """SELECT e.ref, e.title FROM invoice_mentions m JOIN events e ON e.id = m.event_id
           WHERE m.case_id = ? AND m.number = ? AND e.ref IS NOT ?
           ORDER BY e.date, coalesce(e.moment, ''), e.id LIMIT ?""", (case_id, number, except_ref, limit))]


def delete_event(store: Store, case_id: int, ref: str) -> bool:
    cursor = store.conn.execute("DELETE FROM events WHERE case_id = ? AND ref = ?", (case_id, ref))
    return cursor.rowcount > 0


def read_events(store: Store, case_id: int) -> list[Event]:
    """In date order, then time, then the order of entry."""
    return [decode_event_row(row_id, data) for row_id, data in store.conn.execute(
            "SELECT id, data FROM events WHERE case_id = ? ORDER BY date, coalesce(moment, ''), id", (case_id,))]


def check_event_rows(store: Store, case_id: int) -> None:
    """Every stored event of the case decodes, or the first that does not is named."""
    for row_id, data in store.conn.execute("SELECT id, data FROM events WHERE case_id = ?", (case_id,)):
        decode_event_row(row_id, data)


def decode_event_row(row_id: object, data: object) -> Event:
    """One stored event, checked as a case file's event is; a bad row names its table and id."""
    collector = Collector()
    event = decode_event(collector, "event", _json_of("events", row_id, data))
    return cast(Event, _decoded("events", row_id, collector, event))


# --- exhibits -------------------------------------------------------------------------

def register_file(store: Store, sha256: str, size: int) -> None:
    store.conn.execute("INSERT OR IGNORE INTO files (sha256, size) VALUES (?, ?)", (sha256, size))


def exhibit_hashes_in_case(store: Store, case_id: int, hashes: Iterable[str]) -> set[str]:
    """Those of ``hashes`` that an exhibit of the case already holds."""
    wanted = list(dict.fromkeys(hashes))
    found: set[str] = set()
    for chunk, marks in in_chunks(wanted):
        found.update(r[0] for r in store.conn.execute(
            f"SELECT sha256 FROM exhibits WHERE case_id = ? AND sha256 IN ({marks})",
            (case_id, *chunk)))
    return found


def exhibit_title_by_hash(store: Store, case_id: int, sha256: str) -> str | None:
    row = store.conn.execute("SELECT title FROM exhibits WHERE case_id = ? AND sha256 = ?", (case_id, sha256)).fetchone()
    return str(row[0]) if row else None


def exhibit_by_hash(store: Store, case_id: int, sha256: str) -> int | None:
    row = store.conn.execute("SELECT id FROM exhibits WHERE case_id = ? AND sha256 = ?", (case_id, sha256)).fetchone()
    return int(row[0]) if row else None


def _exhibit_row(case_id: int, x: Exhibit) -> tuple[object, ...]:
    return (case_id, x.sha256, x.title, x.original_name, x.date.isoformat() if x.date else None,
            int(x.include), x.password, x.number, x.media_type, x.pages, x.suggested_kind, int(x.all_frames))


EXHIBIT_COLUMNS = ("case_id, sha256, title, original_name, date, include, password, number, "
                   "media_type, pages, suggested_kind, all_frames")


def insert_exhibit(store: Store, case_id: int, exhibit: Exhibit) -> int:
    cursor = store.conn.execute(
        f"INSERT INTO exhibits ({EXHIBIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _exhibit_row(case_id, exhibit))
    exhibit_id = int(cursor.lastrowid or 0)
    if exhibit.links:
        insert_links(store, case_id, exhibit_id, exhibit.links)
    return exhibit_id


def insert_exhibits(store: Store, case_id: int, exhibits: list[tuple[Exhibit, int]]) -> None:
    """Many exhibits (with their file sizes) and their links, in bulk."""
    conn = store.conn
    conn.executemany("INSERT OR IGNORE INTO files (sha256, size) VALUES (?, ?)",
                     ((x.sha256, size) for x, size in exhibits))
    conn.executemany(f"INSERT INTO exhibits ({EXHIBIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (_exhibit_row(case_id, x) for x, _size in exhibits))
    if not any(x.links for x, _size in exhibits):
        return
    exhibit_ids = dict(conn.execute("SELECT sha256, id FROM exhibits WHERE case_id = ?", (case_id,)).fetchall())
    event_ids = dict(conn.execute("SELECT ref, id FROM events WHERE case_id = ?", (case_id,)).fetchall())
    conn.executemany("INSERT OR REPLACE INTO links (exhibit_id, event_id, pages) VALUES (?, ?, ?)",
                     ((exhibit_ids[x.sha256], event_ids[link.event_id], link.pages)
                      for x, _size in exhibits for link in x.links))


def update_exhibit(store: Store, exhibit: Exhibit) -> None:
    assert exhibit.id is not None
    store.conn.execute(
        "UPDATE exhibits SET title = ?, date = ?, include = ?, password = ?, number = ?, all_frames = ?, pages = ? "
        "WHERE id = ?",
        (exhibit.title, exhibit.date.isoformat() if exhibit.date else None, int(exhibit.include),
         exhibit.password, exhibit.number, int(exhibit.all_frames), exhibit.pages, exhibit.id))


def set_numbers(store: Store, numbers: dict[int, int | None]) -> None:
    """Give exhibits their pièce numbers (exhibit id → number) without tripping the uniqueness rule."""
    conn = store.conn
    conn.executemany("UPDATE exhibits SET number = NULL WHERE id = ?", ((i,) for i in numbers))
    conn.executemany("UPDATE exhibits SET number = ? WHERE id = ?", ((n, i) for i, n in numbers.items()))


def insert_links(store: Store, case_id: int, exhibit_id: int, links: Iterable[ExhibitLink]) -> None:
    """One indexed lookup per event named: a case of 100 000 events is never read whole to link one."""
    conn = store.conn
    conn.executemany(
        """INSERT OR REPLACE INTO links (exhibit_id, event_id, pages)
           SELECT ?, id, ? FROM events WHERE case_id = ? AND ref = ?""",
        ((exhibit_id, link.pages, case_id, link.event_id) for link in links))


def delete_link(store: Store, case_id: int, exhibit_id: int, event_ref: str) -> bool:
    cursor = store.conn.execute(
        "DELETE FROM links WHERE exhibit_id = ? AND event_id = (SELECT id FROM events WHERE case_id = ? AND ref = ?)",
        (exhibit_id, case_id, event_ref))
    return cursor.rowcount > 0


def read_exhibits(store: Store, case_id: int) -> list[Exhibit]:
    """By pièce number (unnumbered last), then date, then title."""
    return _exhibits_where(store, case_id, "", ())


def find_exhibits(store: Store, case_id: int, ref: str) -> list[Exhibit]:
    """The exhibits ``ref`` designates: ``#12`` (id), ``3`` (pièce number, else id), a sha256 prefix
    of 6 digits or more, or an exact title — read through the indexes, not the whole case."""
    if ref.startswith("#") and ref[1:].isdigit() and len(ref) < 20:
        return _exhibits_where(store, case_id, "AND x.id = ?", (int(ref[1:]),))
    if ref.isdigit() and len(ref) < 6:
        return (_exhibits_where(store, case_id, "AND x.number = ?", (int(ref),))
                or _exhibits_where(store, case_id, "AND x.id = ?", (int(ref),)))
    if _SHA_PREFIX.fullmatch(ref):
        prefix = ref.lower()
        return _exhibits_where(store, case_id, "AND x.sha256 >= ? AND x.sha256 < ?", (prefix, prefix + "g"))
    return _exhibits_where(store, case_id, "AND x.title = ?", (ref,))


def exhibit_number_taken(store: Store, case_id: int, number: int) -> bool:
    return store.conn.execute("SELECT 1 FROM exhibits WHERE case_id = ? AND number = ?",
                              (case_id, number)).fetchone() is not None


def _exhibits_where(store: Store, case_id: int, where: str, args: tuple[object, ...]) -> list[Exhibit]:
    rows = store.conn.execute(
        f"""SELECT x.id, {EXHIBIT_COLUMNS}, f.size FROM exhibits x JOIN files f USING (sha256)
            WHERE case_id = ? {where}
            ORDER BY number IS NULL, number, date IS NULL, date, title, x.id""", (case_id, *args)).fetchall()
    links: dict[int, list[ExhibitLink]] = {}
    if where:
        ids = [row[0] for row in rows]
        link_rows = store.conn.execute(
            f"""SELECT l.exhibit_id, e.ref, l.pages FROM links l JOIN events e ON e.id = l.event_id
                WHERE l.exhibit_id IN ({",".join("?" * len(ids))})
                ORDER BY e.date, coalesce(e.moment, ''), e.id""", ids) if ids else []
    else:
        # Driven from the case's exhibits (a few hundred) through the links' key, not from its events
        # (maybe 100 000): CROSS JOIN keeps SQLite to that order.
        link_rows = store.conn.execute(
            """SELECT l.exhibit_id, e.ref, l.pages FROM exhibits x CROSS JOIN links l ON l.exhibit_id = x.id
               JOIN events e ON e.id = l.event_id
               WHERE x.case_id = ? ORDER BY e.date, coalesce(e.moment, ''), e.id""", (case_id,))
    for exhibit_id, ref, pages in link_rows:
        links.setdefault(exhibit_id, []).append(ExhibitLink(ref, pages))
    return [_exhibit_of(row, tuple(links.get(row[0], ()))) for row in rows]


_SHA256 = re.compile(r"[0-9a-f]{64}")
_SHA_PREFIX = re.compile(r"[0-9a-fA-F]{6,64}")


def _exhibit_of(row: tuple[Any, ...], links: tuple[ExhibitLink, ...]) -> Exhibit:
    (xid, _case, sha, title, name, day, include, password, number, media_type, pages, kind, all_frames, size) = row
    def bad(detail: str) -> CorruptStore:
        return CorruptStore("exhibits", xid, detail)
    if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
        raise bad(_("empreinte invalide"))
    if not isinstance(title, str) or not isinstance(name, str):
        raise bad(_("titre invalide"))
    for field, value in (("number", number), ("pages", pages), ("size", size)):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise bad(f"{field} {value!r}")
    for field, value in (("password", password), ("media_type", media_type), ("suggested_kind", kind)):
        if value is not None and not isinstance(value, str):
            raise bad(f"{field} {value!r}")
    try:
        day_value = date.fromisoformat(day) if day else None
    except (TypeError, ValueError):
        raise bad(_("date {day!r}").format(day=day)) from None
    return Exhibit(id=xid, sha256=sha, title=title, original_name=name, date=day_value, links=links,
                   include=bool(include), password=password, number=number, media_type=media_type,
                   pages=pages, suggested_kind=kind, size=size, all_frames=bool(all_frames))


def delete_exhibit(store: Store, exhibit_id: int) -> str | None:
    """Remove an exhibit; returns its hash when no case uses the file any more."""
    row = store.conn.execute("SELECT sha256 FROM exhibits WHERE id = ?", (exhibit_id,)).fetchone()
    if row is None:
        return None
    store.conn.execute("DELETE FROM exhibits WHERE id = ?", (exhibit_id,))
    if store.conn.execute("SELECT 1 FROM exhibits WHERE sha256 = ? LIMIT 1", (row[0],)).fetchone() is None:
        store.conn.execute("DELETE FROM files WHERE sha256 = ?", (row[0],))
        return str(row[0])
    return None


def read_case_file(store: Store, case_id: int) -> CaseFile:
    return CaseFile(read_case(store, case_id), tuple(read_events(store, case_id)), tuple(read_exhibits(store, case_id)))


def cases_using_file(store: Store, sha256: str) -> list[int]:
    rows = store.conn.execute("SELECT DISTINCT case_id FROM exhibits WHERE sha256 = ? ORDER BY 1", (sha256,))
    return [int(r[0]) for r in rows]


def all_file_rows(store: Store) -> dict[str, int]:
    return dict(store.conn.execute("SELECT sha256, size FROM files").fetchall())


# --- rates ------------------------------------------------------------------------------

def add_ecb_rate(store: Store, effective: date, rate: str, source: str) -> None:
    store.conn.execute("INSERT OR REPLACE INTO ecb_rates (effective, rate, source) VALUES (?, ?, ?)",
                       (effective.isoformat(), rate, source))


def delete_ecb_rate(store: Store, effective: date) -> bool:
    """Remove a user-added ECB rate; False when there was none on that day."""
    return store.conn.execute("DELETE FROM ecb_rates WHERE effective = ?", (effective.isoformat(),)).rowcount > 0


def read_ecb_rates(store: Store) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in store.conn.execute("SELECT effective, rate, source FROM ecb_rates ORDER BY effective")]
