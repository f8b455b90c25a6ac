"""Finding, listing and deleting cases."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.model import CaseFile
from ..store import Store
from ..store import repository as repo
from .store_access import writing


@dataclass(frozen=True)
class CaseSummary:
    id: int
    title: str
    us: str
    them: str
    events: int
    exhibits: int
    outstanding_cents: int | None


def outstanding(case_file: CaseFile) -> int | None:
    """What the case's invoices leave unpaid today (undisputed), or None when unknown."""
    try:
        from .claims import claims_for
    except ImportError:  # the claims engine is optional until it lands
        return None
    return claims_for(case_file).totals.outstanding_undisputed


def summaries(store: Store) -> list[CaseSummary]:
    out = []
    for row in repo.list_cases(store):
        case_file = repo.read_case_file(store, row.id)
        out.append(CaseSummary(row.id, row.title, case_file.case.us.name, case_file.case.them.name,
                               row.events, row.exhibits, outstanding(case_file)))
    return out


def delete_case(store: Store, case_id: int) -> int:
    """Delete a case and the exhibit files no other case uses; returns how many files went."""
    with writing(store):
        orphans = repo.delete_case(store, case_id)
    for sha in orphans:
        store.blobs.remove(sha)
    return len(orphans)
