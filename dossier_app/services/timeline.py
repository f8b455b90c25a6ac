"""The timeline as the window shows it: light rows, filters, and the undo helpers of events.

A case may hold a hundred thousand events; decoding every one through the codec to draw a
table would take seconds.  ``timeline_rows`` reads only what the table and the band show,
straight from the stored JSON, and ``read_event`` decodes one event fully when it is edited.
"""

from __future__ import annotations

import contextlib
import gc
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ..domain.errors import UserError
from ..i18n import _
from ..store import Store
from .store_access import writing

if TYPE_CHECKING:
    from ..domain.model import Event

# The codec, the model and the repository are imported by the functions that decode or write:
# reading the rows and filtering them, which the window does before its first paint, needs none.


class TimelineRow(NamedTuple):
    """What the table and the band show of one event; dates stay ISO strings (they sort as dates)."""

    id: str
    kind: str
    day: str
    moment: str | None
    title: str
    actor: str | None
    amount: str | None  # the interchange format's "1234.50": invoice or credit note total, payment amount
    key_fact: bool
    tags: tuple[str, ...]
    description: str | None
    end: str | None  # an outage's end instant
    number: str | None
    exhibits: int


# json_extract rather than "->>" so that an older SQLite (3.37 and before) still works.  The links
# are counted from the case's exhibits (a few hundred), not from its events (maybe 100 000): the
# first page of a large case then reads in a millisecond.
_ROWS_SQL = """
SELECT e.ref, e.kind, e.date, e.moment, e.title,
       json_extract(e.data, '$.actor'),
       coalesce(json_extract(e.data, '$.amount_incl_tax'), json_extract(e.data, '$.amount')),
       json_extract(e.data, '$.key_fact'),
       json_extract(e.data, '$.tags'),
       json_extract(e.data, '$.description'),
       json_extract(e.data, '$.end'),
       json_extract(e.data, '$.number'),
       coalesce(n.links, 0)
FROM events e
LEFT JOIN (SELECT l.event_id, count(*) AS links FROM links l
           JOIN exhibits x ON x.id = l.exhibit_id AND x.case_id = ?
           GROUP BY l.event_id) n ON n.event_id = e.id
WHERE e.case_id = ?
ORDER BY e.date, e.moment, e.id
LIMIT ? OFFSET ?
"""


def timeline_rows(store: Store, case_id: int, limit: int | None = None, offset: int = 0) -> list[TimelineRow]:
    """The events of the case in timeline order (date, time, order of entry).

    ``limit`` and ``offset`` read it a page at a time: the window shows the first page at once
    and reads the rest of a very large case behind it.
    """
    make = TimelineRow
    loads = json.loads
    try:
        with gc_paused():
            return [
                make(ref, kind, day, moment, title, actor, amount, bool(key), tuple(loads(tags)) if tags else (),
                     description, end, number, links)
                for (ref, kind, day, moment, title, actor, amount, key, tags, description, end, number, links)
                in store.conn.execute(_ROWS_SQL, (case_id, case_id, -1 if limit is None else limit, offset))
            ]
    except (sqlite3.OperationalError, ValueError, TypeError) as exc:
        # A hand-edited or damaged row: name it rather than fail without a word.
        from ..store import repository as repo

        repo.check_event_rows(store, case_id)
        raise UserError(_("Lecture de la chronologie impossible ({exc}).").format(exc=exc)) from exc


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a hundred thousand rows are built.

    The rows hold no cycles, but each thousand new tuples wakes the collector, which then walks
    every row already built: it more than doubles the time of reading a large case.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def count_events(store: Store, case_id: int) -> int:
    return int(store.conn.execute("SELECT count(*) FROM events WHERE case_id = ?", (case_id,)).fetchone()[0])


# --- filtering ------------------------------------------------------------------------------

@dataclass(frozen=True)
class EventFilter:
    """What the filter bar asks for; an empty filter lets everything through."""

    kinds: frozenset[str] = frozenset()  # empty: every kind
    actor: str | None = None
    tag: str | None = None
    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    key_facts_only: bool = False
    unproven_only: bool = False

    @property
    def empty(self) -> bool:
        return self == EventFilter()


@dataclass
class SearchIndex:
    """Lower-cased text of each row, built once per list of rows on the first text search."""

    rows: Sequence[TimelineRow]
    _texts: list[str] | None = field(default=None, repr=False)

    def texts(self) -> list[str]:
        if self._texts is None:
            with gc_paused():
                self._texts = [_haystack(r) for r in self.rows]
        return self._texts


def _haystack(row: TimelineRow) -> str:
    parts = [row.title, row.description or "", row.number or "", " ".join(row.tags), row.id]
    return "\n".join(parts).casefold()


def filter_rows(rows: Sequence[TimelineRow], flt: EventFilter, index: SearchIndex | None = None) -> list[bool]:
    """For each row, whether the filter keeps it (one pass, so that 100 000 rows stay fast)."""
    if flt.empty:
        return [True] * len(rows)
    keep = [True] * len(rows)
    needle = flt.text.strip().casefold()
    if needle:
        texts = (index or SearchIndex(rows)).texts()
        keep = [needle in text for text in texts]
    kinds = flt.kinds
    start = flt.date_from.isoformat() if flt.date_from else None
    end = flt.date_to.isoformat() if flt.date_to else None
    tag = flt.tag.casefold() if flt.tag else None
    if not (kinds or flt.actor or tag or start or end or flt.key_facts_only or flt.unproven_only):
        return keep
    for i, row in enumerate(rows):
        if not keep[i]:
            continue
        if ((kinds and row.kind not in kinds)
                or (flt.actor and row.actor != flt.actor)
                or (tag and not any(tag == x.casefold() for x in row.tags))
                or (start and row.day < start)
                or (end and row.day > end)
                or (flt.key_facts_only and not row.key_fact)
                or (flt.unproven_only and row.exhibits)):
            keep[i] = False
    return keep


def actors_and_tags(rows: Iterable[TimelineRow]) -> tuple[list[str], list[str]]:
    """The actors and the tags that occur, for the filter bar's choices."""
    actors: set[str] = set()
    tags: set[str] = set()
    for row in rows:
        if row.actor:
            actors.add(row.actor)
        tags.update(row.tags)
    return sorted(actors), sorted(tags, key=str.casefold)


# --- one event, and the undo of a deletion -----------------------------------------------------

def read_event(store: Store, case_id: int, event_id: str) -> Event:
    from ..store import repository as repo

    row = store.conn.execute("SELECT id, data FROM events WHERE case_id = ? AND ref = ?", (case_id, event_id)).fetchone()
    if row is None:
        raise UserError(_("L'événement « {event_id} » n'existe plus dans cette affaire.").format(event_id=event_id))
    return repo.decode_event_row(row[0], row[1])


@dataclass(frozen=True)
class EventLink:
    """An exhibit (by its file's hash, which outlives its row id) citing an event."""

    sha256: str
    pages: str | None


def links_of_event(store: Store, case_id: int, event_id: str) -> list[EventLink]:
    rows = store.conn.execute(
        """SELECT x.sha256, l.pages FROM links l
           JOIN events e ON e.id = l.event_id JOIN exhibits x ON x.id = l.exhibit_id
           WHERE e.case_id = ? AND e.ref = ? ORDER BY x.id""", (case_id, event_id))
    return [EventLink(sha, pages) for sha, pages in rows]


def restore_event(store: Store, case_id: int, event: Event, links: Iterable[EventLink] = ()) -> None:
    """Put back a deleted event and the exhibits that cited it, in one transaction."""
    from ..domain.codec import encode_event
    from ..domain.model import ExhibitLink
    from ..store import repository as repo
    from .events import decode_new_event

    with writing(store):
        checked = decode_new_event(store, case_id, encode_event(event))
        repo.insert_events(store, case_id, [checked])
        for link in links:
            exhibit_id = repo.exhibit_by_hash(store, case_id, link.sha256)
            if exhibit_id is not None:
                repo.insert_links(store, case_id, exhibit_id, [ExhibitLink(checked.id, link.pages)])


def new_event_id(store: Store, case_id: int, kind: str) -> str:
    """A free id for an event the user is adding (``inv-3``)."""
    from ..store import repository as repo
    from .events import next_event_id

    return next_event_id(repo.event_refs(store, case_id), kind)
