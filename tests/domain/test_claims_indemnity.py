"""The 40 € indemnity exists only for invoices falling due from 1 January 2013."""

from __future__ import annotations

from dossier_app.domain.claims import compute_claims
from tests.support.claims_builders import case, d, invoice, shipped_rates


def _indemnity(due: str) -> int:
    result = compute_claims(case(invoice("f", "2012-11-15", "100.00", due=due)), d("2013-06-30"), shipped_rates())
    (claim,) = result.invoices
    assert claim.days_late > 0 and claim.penalties > 0
    return claim.indemnity


def test_no_indemnity_for_an_invoice_due_before_2013():
    assert _indemnity("2012-12-31") == 0


def test_indemnity_from_invoices_due_on_1_january_2013():
    assert _indemnity("2013-01-01") == 4000
