"""What the window needs to start and to list cases, without reading whole cases."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..domain.errors import UserError
from ..domain.money import Cents
from ..store import Store, read_models
from ..store.read_models import CaseLine

__all__ = ["CaseLine", "Start", "case_exists", "case_lines", "find_case", "outstanding_of", "starting_case"]

log = logging.getLogger(__name__)


def case_lines(store: Store) -> list[CaseLine]:
    """The case list, cheaply: counts and the parties' names, without loading the codec."""
    return read_models.case_lines(store)


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
