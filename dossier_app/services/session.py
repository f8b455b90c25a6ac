"""What the window needs to start and to list cases, without reading whole cases."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from ..domain.errors import UserError
from ..domain.money import Cents
from ..store import Store

log = logging.getLogger(__name__)


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
    """The case list, cheaply: counts from SQL and the parties from each case's stored header.

    The same counts as ``repository.list_cases``, read here so that the window lists the cases
    before it has loaded the codec (a tenth of its start-up).
    """
    out = []
    for case_id, title, data, events, exhibits in store.conn.execute(_LINES_SQL):
        out.append(CaseLine(int(case_id), str(title), _party(data, "us"), _party(data, "them"),
                            int(events), int(exhibits)))
    return out


def _party(data: object, side: str) -> str:
    # A damaged header must not hide the other cases: the case shows, and opening it says what is wrong.
    try:
        header = json.loads(data) if isinstance(data, str) else None
        name = header.get(side, {}).get("name", "") if isinstance(header, dict) else "?"
        return name if isinstance(name, str) else "?"
    except (ValueError, AttributeError, RecursionError):
        return "?"


def outstanding_of(store: Store, case_id: int) -> Cents | None:
    """What is unpaid in a case today, or None when the claims engine cannot tell."""
    from ..store import repository as repo
    from .cases import outstanding

    try:
        return outstanding(repo.read_case_file(store, case_id))
    except UserError:
        return None
    except Exception:  # the list must still show when one case's claims fail
        log.exception("outstanding amount of case %s", case_id)
        return None


def find_case(store: Store, ref: str) -> int:
    """A case by its id or its exact title (as the command finds it)."""
    if ref.strip().isdigit() and case_exists(store, int(ref)):
        return int(ref)
    from ..store import repository as repo

    return repo.find_case(store, ref)


def case_exists(store: Store, case_id: int) -> bool:
    return store.conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is not None


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
    first = store.conn.execute("SELECT id FROM cases ORDER BY id LIMIT 1").fetchone()
    if first is not None:
        return Start(int(first[0]))
    try:
        from .demo import create_demo

        return Start(create_demo(store), created_demo=True)
    except UserError as exc:
        return Start(None, problem=exc.message)
