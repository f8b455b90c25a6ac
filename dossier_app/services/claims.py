"""``claims``: what is owed on a date, for the command, the window and the PDF."""

from __future__ import annotations

from datetime import date

from ..domain.claims import ClaimsResult, compute_claims
from ..domain.model import CaseFile
from ..domain.rates import RateTable
from ..store import Store
from ..store import repository as repo
from .rates import store_rate_table


def claims_for(case_file: CaseFile, as_of: date | None = None, rates: RateTable | None = None) -> ClaimsResult:
    """Claims of a case already read; the shipped rates unless a table is given."""
    return compute_claims(case_file, as_of or date.today(), rates or store_rate_table(None))


def case_claims(store: Store, case_id: int, as_of: date | None = None) -> ClaimsResult:
    """Claims of a stored case, with the ECB rates the user added."""
    return claims_for(repo.read_case_file(store, case_id), as_of, store_rate_table(store))
