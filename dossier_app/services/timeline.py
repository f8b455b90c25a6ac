"""The timeline as the window shows it: light rows, filters, and the undo helpers of events.

A case may hold a hundred thousand events: ``timeline_rows`` gives typed rows read without
decoding them (``store.read_models``), and ``read_event`` decodes one event fully when it is edited.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..domain.errors import UserError
from ..domain.text_search import fold, fold_needle
from ..i18n import _
from ..store import Store, read_models
from ..store.read_models import EventLink, TimelineRow, gc_paused
from .store_access import writing

if TYPE_CHECKING:
    from ..domain.model import Event

__all__ = ["EventFilter", "EventLink", "SearchIndex", "TimelineRow", "actors_and_tags", "count_events",
           "filter_rows", "gc_paused", "links_of_event", "new_event_id", "read_event", "restore_event",
           "search_text", "timeline_rows", "timeline_rows_of"]

# The codec, the model and the repository are imported by the functions that decode or write:
# reading the rows and filtering them, which the window does before its first paint, needs none.


def timeline_rows(store: Store, case_id: int, limit: int | None = None, offset: int = 0) -> list[TimelineRow]:
    """The events of the case in timeline order (date, time, order of entry).

    ``limit`` and ``offset`` read it a page at a time: the window shows the first page at once
    and reads the rest of a very large case behind it.
    """
    return read_models.timeline_rows(store, case_id, limit, offset)


def timeline_rows_of(store: Store, case_id: int, refs: Collection[str]) -> dict[str, TimelineRow]:
    """The rows of the events named, by id; an id missing from the answer is no longer in the case."""
    return read_models.timeline_rows_of(store, case_id, refs)


def count_events(store: Store, case_id: int) -> int:
    return read_models.count_events(store, case_id)


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
    """The searched text of each row, folded (``domain.text_search.fold``: case, accents and ligatures
    set aside), built once per list of rows on the first text search."""

    rows: Sequence[TimelineRow]
    _texts: list[str] | None = field(default=None, repr=False)

    def texts(self) -> list[str]:
        if self._texts is None:
            with gc_paused():
                self._texts = [_haystack(r) for r in self.rows]
        return self._texts


def search_text(row: TimelineRow) -> str:
    """What a text search looks into for one row, folded as the index holds it."""
    return _haystack(row)


def _haystack(row: TimelineRow) -> str:
    parts = [row.title, row.description or "", row.number or "", " ".join(row.tags), row.id]
    if row.amount_cents is not None:
        # "3000" and "3000,50" find the payment of 3 000,50 € whatever spaces its title puts in it.
        euros, cents = divmod(abs(row.amount_cents), 100)
        parts.append(f"{euros} {euros},{cents:02d} {euros}.{cents:02d}")
    if _GROUPED.search(row.title):
        parts.append(_GROUPED.sub("", row.title))
    return _fold_quickly("\n".join(parts))


_GROUPED = re.compile("(?<=\\d)[ \u00a0\u202f](?=\\d{3})")  # the space between thousands: "3 000"


class _FoldedChars(dict[int, str]):
    """``fold`` of each character met, worked out once."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold(chr(code))
        return folded


_FOLDED = _FoldedChars()
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(_FOLDED)


def _fold_quickly(text: str) -> str:
    """``fold(text)``, three times faster on a hundred thousand rows of French.

    ``fold`` works character by character (its steps, accents dropped included, map each character
    on its own), so each character not in ASCII is folded once and looked up afterwards; ASCII is
    lower-cased as ``fold`` does (a test compares the two on every character).
    """
    lowered = text.lower().replace("-", " ")
    return lowered if lowered.isascii() else _NOT_ASCII.sub(_fold_run, lowered)


def filter_rows(rows: Sequence[TimelineRow], flt: EventFilter, index: SearchIndex | None = None) -> list[bool]:
    """For each row, whether the filter keeps it (one pass, so that 100 000 rows stay fast)."""
    if flt.empty:
        return [True] * len(rows)
    keep = [True] * len(rows)
    needle = fold_needle(flt.text)
    if needle:
        texts = (index or SearchIndex(rows)).texts()
        keep = [needle in text for text in texts]
    kinds = flt.kinds
    start = flt.date_from
    end = flt.date_to
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
    event = read_models.read_event(store, case_id, event_id)
    if event is None:
        raise UserError(_("L'événement « {event_id} » n'existe plus dans cette affaire.").format(event_id=event_id))
    return event


def links_of_event(store: Store, case_id: int, event_id: str) -> list[EventLink]:
    return read_models.links_of_event(store, case_id, event_id)


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
    from .events import event_id_prefix

    return repo.next_free_ref(store, case_id, event_id_prefix(kind))
