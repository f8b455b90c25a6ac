"""``claims``: what is owed on a date, for the command, the window and the PDF."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..domain.claims import ClaimsResult, compute_claims
from ..domain.claims_allocation import allocate
from ..domain.claims_terms import due_date
from ..domain.model import Case, CaseFile, CreditNote, Event, Invoice, Payment
from ..domain.money import Cents
from ..domain.rates import RateTable
from ..store import Store, read_models
from ..store import repository as repo
from .rates import store_rate_table

# The only events the claims engine reads (``claims_allocation``: invoices, then credit notes, then
# payments); schema v3 counts their writes per case under the same names.
CLAIM_KINDS: tuple[str, ...] = (Invoice.KIND, CreditNote.KIND, Payment.KIND)


def claims_for(case_file: CaseFile, as_of: date | None = None, rates: RateTable | None = None) -> ClaimsResult:
    """Claims of a case already read; the shipped rates unless a table is given."""
    return compute_claims(case_file, as_of or date.today(), rates or store_rate_table(None))


def case_claims(store: Store, case_id: int, as_of: date | None = None) -> ClaimsResult:
    """Claims of a stored case, with the ECB rates the user added."""
    return claims_for(repo.read_case_file(store, case_id), as_of, store_rate_table(store))


def unpaid_undisputed(store: Store, case_id: int, as_of: date | None = None) -> Cents:
    """``case_claims(...).totals.outstanding_undisputed``, cheaply: from the case block and the case's
    invoices, credit notes and payments only (read by kind through an index), without penalties.

    The case list shows it for every case; on 100 000 events it costs a fraction of reading the case.
    A damaged case block or claim event is named (``UserError``), as when the whole case is read.
    """
    case = repo.read_case(store, case_id)
    return unpaid_of(case, read_models.events_of_kinds(store, case_id, CLAIM_KINDS), as_of or date.today())


def unpaid_of(case: Case, events: Sequence[Event], as_of: date) -> Cents:
    """What the undisputed invoices leave unpaid on ``as_of``: the same ledger as ``compute_claims``
    (same due dates, same allocation of payments and credit notes), summed as its totals are."""
    dues = {e.id: due_date(e, case.contract) for e in events if isinstance(e, Invoice)}
    ledger = allocate(events, dues, as_of)
    return Cents(sum(entry.outstanding for entry in ledger.open.values() if not entry.invoice.disputed))
