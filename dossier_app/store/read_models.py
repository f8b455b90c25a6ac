"""Typed read models: what the window lists, read straight from SQL without decoding whole cases.

A case may hold a hundred thousand events; decoding every one through the codec to draw a table
would take seconds.  These functions read only what the table, the band and the case list show,
and give it typed: days as ``date``, instants as ``datetime``, amounts as integer cents.  They are
the only place outside the repository that knows the stored JSON's layout.

The codec is imported by the functions that decode a whole event: reading the rows, which the
window does before its first paint, needs none of it.
"""

from __future__ import annotations

import contextlib
import gc
import json
import sqlite3
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast

from ..domain.errors import UserError
from ..domain.money import Cents, parse_amount
from ..i18n import _
from .chunks import in_chunks
from .database import Store

if TYPE_CHECKING:
    from ..domain.model import Event

_T = TypeVar("_T")


class TimelineRow(NamedTuple):
    """What the table and the band show of one event."""

    id: str
    kind: str
    day: date
    moment: datetime | None  # the time of day when the event has one (an outage's start)
    title: str
    actor: str | None
    amount_cents: Cents | None  # invoice or credit note total, payment amount
    key_fact: bool
    tags: tuple[str, ...]
    description: str | None
    end: datetime | None  # an outage's end instant
    number: str | None
    exhibits: int


# What the table and the band show of an event, read from its stored JSON.  json_extract rather than
# "->>" so that an older SQLite (3.37 and before) still works.
_ROW_COLUMNS = """e.ref, e.kind, e.date, e.moment, e.title,
       json_extract(e.data, '$.actor'),
       coalesce(json_extract(e.data, '$.amount_incl_tax'), json_extract(e.data, '$.amount')),
       json_extract(e.data, '$.key_fact'),
       json_extract(e.data, '$.tags'),
       json_extract(e.data, '$.description'),
       json_extract(e.data, '$.end'),
       json_extract(e.data, '$.number')"""

# The links are counted from the case's exhibits (a few hundred), not from its events (maybe
# 100 000): the first page of a large case then reads in a millisecond.
_ROWS_SQL = f"""
SELECT {_ROW_COLUMNS}, coalesce(n.links, 0)
FROM events e
LEFT JOIN (SELECT l.event_id, count(*) AS links FROM links l
           JOIN exhibits x ON x.id = l.exhibit_id AND x.case_id = ?
           GROUP BY l.event_id) n ON n.event_id = e.id
WHERE e.case_id = ?
ORDER BY e.date, e.moment, e.id
LIMIT ? OFFSET ?
"""

# The same for a few events named by id, each counted through the links' index.
_SOME_ROWS_SQL = f"""
SELECT {_ROW_COLUMNS},
       (SELECT count(*) FROM links l JOIN exhibits x ON x.id = l.exhibit_id AND x.case_id = e.case_id
        WHERE l.event_id = e.id)
FROM events e
WHERE e.case_id = ? AND e.ref IN ({{marks}})
"""


class _Parsed(dict[Any, _T]):
    """Each distinct stored text parsed once: days and amounts repeat a lot in a large case."""

    def __init__(self, parse: Callable[[str], _T], *, none: bool = False) -> None:
        super().__init__()
        self.parse = parse
        if none:
            self[None] = cast(_T, None)  # an absent value stays absent

    def __missing__(self, text: str) -> _T:
        value = self[text] = self.parse(text)
        return value


def timeline_rows(store: Store, case_id: int, limit: int | None = None, offset: int = 0) -> list[TimelineRow]:
    """The events of the case in timeline order (date, time, order of entry), ``limit`` from ``offset``."""
    return _rows(store, case_id, _ROWS_SQL, (case_id, case_id, -1 if limit is None else limit, offset))


def timeline_rows_of(store: Store, case_id: int, refs: Collection[str]) -> dict[str, TimelineRow]:
    """The rows of the events named, by id (an id the case no longer has is absent)."""
    out: dict[str, TimelineRow] = {}
    for chunk, marks in in_chunks(list(refs)):
        sql = _SOME_ROWS_SQL.format(marks=marks)
        out.update((row.id, row) for row in _rows(store, case_id, sql, (case_id, *chunk)))
    return out


def _rows(store: Store, case_id: int, sql: str, args: tuple[object, ...]) -> list[TimelineRow]:
    make = TimelineRow
    loads = json.loads
    days = _Parsed(date.fromisoformat)
    instants = _Parsed[datetime | None](datetime.fromisoformat, none=True)
    cents = _Parsed[Cents | None](parse_amount, none=True)
    try:
        with gc_paused():
            return [
                make(ref, kind, days[day], instants[moment], title, actor, cents[amount], bool(key),
                     tuple(loads(tags)) if tags else (), description, instants[end], number, links)
                for (ref, kind, day, moment, title, actor, amount, key, tags, description, end, number, links)
                in store.conn.execute(sql, args)
            ]
    except (sqlite3.OperationalError, ValueError, TypeError) as exc:
        # A hand-edited or damaged row: name it rather than fail without a word.
        from . import repository as repo

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


def read_event(store: Store, case_id: int, ref: str) -> Event | None:
    """One event of the case, fully decoded (a damaged row is named), or None when there is none."""
    from . import repository as repo

    row = store.conn.execute("SELECT id, data FROM events WHERE case_id = ? AND ref = ?", (case_id, ref)).fetchone()
    return None if row is None else repo.decode_event_row(row[0], row[1])


@dataclass(frozen=True)
class EventLink:
    """An exhibit (by its file's hash, which outlives its row id) citing an event."""

    sha256: str
    pages: str | None


def links_of_event(store: Store, case_id: int, ref: str) -> list[EventLink]:
    rows = store.conn.execute(
        """SELECT x.sha256, l.pages FROM links l
           JOIN events e ON e.id = l.event_id JOIN exhibits x ON x.id = l.exhibit_id
           WHERE e.case_id = ? AND e.ref = ? ORDER BY x.id""", (case_id, ref))
    return [EventLink(sha, pages) for sha, pages in rows]


# --- the case list ------------------------------------------------------------------------------

@dataclass(frozen=True)
class CaseLine:
    """One case in the list; ``outstanding_cents`` is filled later (it needs the claims engine)."""

    id: int
    title: str
    us: str
    them: str
    events: int
    exhibits: int
    outstanding_cents: Cents | None = None


_LINES_SQL = """
SELECT c.id, c.title, c.data,
       (SELECT count(*) FROM events e WHERE e.case_id = c.id),
       (SELECT count(*) FROM exhibits x WHERE x.case_id = c.id)
FROM cases c ORDER BY c.id
"""


def case_lines(store: Store) -> list[CaseLine]:
    """The case list, cheaply: counts from SQL and the parties' names from each case's stored header.

    The same counts as ``repository.list_cases``, read without the codec (a tenth of the window's
    start-up).
    """
    return [CaseLine(int(case_id), str(title), _party(data, "us"), _party(data, "them"), int(events), int(exhibits))
            for case_id, title, data, events, exhibits in store.conn.execute(_LINES_SQL)]


def _party(data: object, side: str) -> str:
    # A damaged header must not hide the other cases: the case shows, and opening it says what is wrong.
    try:
        header = json.loads(data) if isinstance(data, str) else None
        name = header.get(side, {}).get("name", "") if isinstance(header, dict) else "?"
        return name if isinstance(name, str) else "?"
    except (ValueError, AttributeError, RecursionError):
        return "?"


def case_exists(store: Store, case_id: int) -> bool:
    return store.conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is not None


def first_case(store: Store) -> int | None:
    """The id of the oldest case, or None when there is none."""
    row = store.conn.execute("SELECT id FROM cases ORDER BY id LIMIT 1").fetchone()
    return None if row is None else int(row[0])


# --- what the claims engine reads, and what changed --------------------------------------------

def events_of_kinds(store: Store, case_id: int, kinds: Collection[str]) -> list[Event]:
    """The case's events of these kinds only, in timeline order, each decoded (a damaged one is named).

    Reached through the ``(case_id, kind)`` index: a case of 100 000 events hands over its invoices and
    payments without the rest being read or decoded.
    """
    from . import repository as repo

    wanted = sorted(set(kinds))
    if not wanted:
        return []
    rows = store.conn.execute(
        f"""SELECT id, data FROM events INDEXED BY events_by_kind
            WHERE case_id = ? AND kind IN ({",".join("?" * len(wanted))})
            ORDER BY date, coalesce(moment, ''), id""", (case_id, *wanted)).fetchall()
    with gc_paused():
        return [repo.decode_event_row(row_id, data) for row_id, data in rows]


# A stored event whose JSON is no object, or disagrees with the columns written beside it, is damaged:
# SQLite tells without Python decoding each row. CASE keeps json_extract off text that is no JSON.
_SUSPECT_EVENTS_SQL = """
SELECT id, data FROM events
WHERE case_id = ? AND NOT CASE WHEN json_valid(data) AND json_type(data) = 'object'
    THEN json_extract(data, '$.id') IS ref AND json_extract(data, '$.kind') IS kind
         AND json_extract(data, '$.date') IS date AND json_extract(data, '$.title') IS title
    ELSE 0 END
ORDER BY date, coalesce(moment, ''), id
"""


def check_events_cheaply(store: Store, case_id: int) -> None:
    """Every event of the case is a JSON object agreeing with its row, or the first that is not is named.

    The codec decodes only the rows that fail this test (a tenth of a second on 100 000 events, in
    SQLite): a hand-made damage that keeps the JSON consistent shows when the case is read whole.
    """
    from . import repository as repo

    for row_id, data in store.conn.execute(_SUSPECT_EVENTS_SQL, (case_id,)).fetchall():
        repo.decode_event_row(row_id, data)


class CaseRevision(NamedTuple):
    """How many writes a case has seen (schema v3 triggers): ``claims`` counts those that can change
    what it owes (its row, its invoices, credit notes and payments), ``revision`` every one (its row,
    events, exhibits, links). Counts only grow, whichever process writes, and a case created under a
    deleted case's id goes on from that case's counts: equal values mean nothing changed."""

    revision: int
    claims: int


def case_revisions(store: Store) -> dict[int, CaseRevision]:
    """Each existing case's counts, in one query."""
    return {int(case_id): CaseRevision(int(revision), int(claims)) for case_id, revision, claims in store.conn.execute(
        """SELECT c.id, coalesce(k.revision, 0), coalesce(k.claims, 0)
           FROM cases c LEFT JOIN case_changes k ON k.case_id = c.id ORDER BY c.id""")}
