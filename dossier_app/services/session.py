"""What the window needs to start and to list cases, without reading whole cases."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from ..domain.errors import UserError
from ..store import Store
from ..store import repository as repo

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
    outstanding_cents: int | None = None


def case_lines(store: Store) -> list[CaseLine]:
    """The case list, cheaply: counts from SQL and the parties from each case's header."""
    parties = {
        int(case_id): json.loads(data)
        for case_id, data in store.conn.execute("SELECT id, data FROM cases")
    }
    out = []
    for row in repo.list_cases(store):
        header = parties.get(row.id, {})
        out.append(CaseLine(row.id, row.title, str(header.get("us", {}).get("name", "")),
                            str(header.get("them", {}).get("name", "")), row.events, row.exhibits))
    return out


def outstanding_of(store: Store, case_id: int) -> int | None:
    """What is unpaid in a case today, or None when the claims engine cannot tell."""
    from .cases import outstanding

    try:
        return outstanding(repo.read_case_file(store, case_id))
    except UserError:
        return None
    except Exception:  # the list must still show when one case's claims fail
        log.exception("outstanding amount of case %s", case_id)
        return None


def find_case(store: Store, ref: str) -> int:
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
    lines = repo.list_cases(store)
    if lines:
        return Start(lines[0].id)
    try:
        from .demo import create_demo

        return Start(create_demo(store), created_demo=True)
    except UserError as exc:
        return Start(None, problem=exc.message)
    except ImportError:  # the demo ships in its own package; the window works without it
        log.info("demo case not available", exc_info=True)
        return Start(None)
