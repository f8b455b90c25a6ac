"""What the window needs to start and to list cases, without reading whole cases."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from ..domain.errors import UserError
from ..domain.money import Cents
from ..store import Store, read_models
from ..store.read_models import CaseLine, CaseRevision

__all__ = ["DEMO_CASE", "CaseLine", "CaseRevision", "Outstanding", "Start", "case_exists", "case_lines",
           "case_revisions", "find_case", "is_demo", "only_demo", "outstanding_changed_since", "outstanding_of",
           "same_title", "starting_case"]

# The demo case (``demo.story.CASE``) as the case list shows it: its title and its two parties.
# Known by what it says rather than by a mark, it is the demo however it came: made on the first
# start, by ``dossier demo``, loaded or restored from a file; renamed, it is the user's own.
# (Written out: the demo package makes its files with heavy libraries the window must not load.)
DEMO_CASE = ("Atelier Lemoine c/ Pixelune — site, DNS et messagerie", "Atelier Lemoine", "Pixelune")

log = logging.getLogger(__name__)


def case_lines(store: Store) -> list[CaseLine]:
    """The case list, cheaply: counts and the parties' names, without loading the codec."""
    return read_models.case_lines(store)


def outstanding_of(store: Store, case_id: int, as_of: date | None = None) -> Cents | None:
    """What is unpaid in a case today, or None when the claims engine cannot tell.

    Read from the case block and its invoices, credit notes and payments only: cheap even on a case
    of 100 000 events (``claims.unpaid_undisputed``).
    """
    from .claims import unpaid_undisputed

    try:
        return unpaid_undisputed(store, case_id, as_of)
    except UserError:
        return None
    except Exception:  # the list must still show when one case's claims fail
        log.exception("outstanding amount of case %s", case_id)
        return None


@dataclass(frozen=True)
class Outstanding:
    """One case's unpaid amount, and what it was worked out from: the case's claims count
    (``read_models.CaseRevision.claims``) and the day (a payment dated tomorrow counts tomorrow)."""

    cents: Cents | None
    claims: int
    as_of: date


def outstanding_changed_since(store: Store, known: Mapping[int, Outstanding], as_of: date | None = None,
                              go_on: Callable[[int, int], bool] | None = None) -> dict[int, Outstanding]:
    """Every case's unpaid amount, computing only the cases whose claims changed since ``known``
    (from any process: the counts live in the store) or which ``known`` lacks; the others are reused.

    Give back the result as ``known`` next time. ``go_on(done, total)`` is asked before each case
    computed; when it says no, the cases not reached are left out (the next call computes them).
    Deleted cases are left out.
    """
    day = as_of or date.today()
    # The counts are read before the events: a write in between makes the next call compute again.
    revisions = read_models.case_revisions(store)
    todo = [case_id for case_id, revision in revisions.items()
            if (seen := known.get(case_id)) is None or seen.claims != revision.claims or seen.as_of != day]
    fresh = set(todo)
    out = {case_id: known[case_id] for case_id in revisions if case_id not in fresh}
    for done, case_id in enumerate(todo):
        if go_on is not None and not go_on(done, len(todo)):
            break
        out[case_id] = Outstanding(outstanding_of(store, case_id, day), revisions[case_id].claims, day)
    return out


def is_demo(line: CaseLine) -> bool:
    return (line.title, line.us, line.them) == DEMO_CASE


def only_demo(lines: list[CaseLine]) -> bool:
    """Whether the store holds the demo case and nothing else: a first visit, wherever it stands."""
    return len(lines) == 1 and is_demo(lines[0])


def _as_read(title: str) -> str:
    return " ".join(unicodedata.normalize("NFC", title).split()).casefold()


def same_title(store: Store, title: str, besides: int | None = None) -> list[CaseLine]:
    """The cases already named ``title`` as a person reads it (capitals and spaces aside), but ``besides``."""
    wanted = _as_read(title)
    return [line for line in read_models.case_lines(store) if line.id != besides and _as_read(line.title) == wanted]


def case_revisions(store: Store) -> dict[int, CaseRevision]:
    """How many writes each case has seen, all of them and those touching its claims; a count that
    differs from the one read earlier means the case changed, whichever process wrote it."""
    return read_models.case_revisions(store)


def find_case(store: Store, ref: str) -> int:
    """A case by its id or its exact title (as the command finds it)."""
    if ref.strip().isdigit() and case_exists(store, int(ref)):
        return int(ref)
    from ..store import repository as repo

    return repo.find_case(store, ref)


def case_exists(store: Store, case_id: int) -> bool:
    return read_models.case_exists(store, case_id)


@dataclass(frozen=True)
class Start:
    """Which case the window opens on, and whether it is the demo just made for a first visit."""

    case_id: int | None
    created_demo: bool = False
    problem: str | None = None


def starting_case(store: Store, asked: str | None, last: int | None) -> Start:
    """The case asked for, else the last one opened, else the first; the demo when there is none."""
    if asked:
        return Start(find_case(store, asked))
    if last is not None and case_exists(store, last):
        return Start(last)
    first = read_models.first_case(store)
    if first is not None:
        return Start(first)
    try:
        from .demo import create_demo

        return Start(create_demo(store), created_demo=True)
    except UserError as exc:
        return Start(None, problem=exc.message)
