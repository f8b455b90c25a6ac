"""The 40 € indemnity: owed only for invoices dated from 1 January 2013 (claims.md, decided 2026-12).

Décret 2012-1115 applies to debts whose payment term began on or after 1 January 2013 (the
DGCCRF's published reading): an invoice dated before, even one falling due in 2013, owes
penalties but no indemnity.  Rate for 2013S1: ECB 0.75 on 1 January 2013 + 10 = 10.75.
"""

from __future__ import annotations

from dossier_app.domain.claims import compute_claims
from tests.support.claims_builders import case, d, eur, invoice, payment, shipped_rates


def only(*events, as_of):
    (claim,) = compute_claims(case(*events), d(as_of), shipped_rates()).invoices
    return claim


def test_invoice_dated_december_2012_due_january_2013_owes_penalties_but_no_indemnity():
    # 1 000,00 € dated 2012-12-20, 30 days → due 2013-01-19; unpaid on 2013-03-31.
    # 2013-01-20..03-31: 12 + 28 + 31 = 71 days at 10.75 → 100000 × 10.75 × 71 / 36500
    # = 763250/365 = 2091.10 cents → 20,91 €; no indemnity (the term began in 2012).
    claim = only(invoice("f", "2012-12-20", "1000.00"), as_of="2013-03-31")
    assert claim.due_date == d("2013-01-19")
    assert [(p.start, p.end, p.days, str(p.rate)) for p in claim.periods] == [
        (d("2013-01-20"), d("2013-03-31"), 71, "10.75")]
    assert (claim.days_late, claim.penalties, claim.indemnity) == (71, eur("20.91"), 0)


def test_older_invoice_paid_late_in_2013_owes_no_indemnity():
    # Same invoice paid on 2013-02-10: 2013-01-20..02-10 = 22 days → 100000 × 10.75 × 22 / 36500
    # = 236500/365 = 647.95 → 6,48 €, and no indemnity.
    claim = only(invoice("f", "2012-12-20", "1000.00"), payment("p", "2013-02-10", "1000.00"), as_of="2013-06-30")
    assert (claim.days_late, claim.penalties, claim.indemnity) == (22, eur("6.48"), 0)


def test_invoice_dated_1_january_2013_owes_the_indemnity():
    # 1 000,00 € dated 2013-01-01 → due 2013-01-31; unpaid on 2013-03-31: 02-01..03-31 = 59 days
    # → 100000 × 10.75 × 59 / 36500 = 634250/365 = 1737.67 → 17,38 €, and 40 €.
    claim = only(invoice("f", "2013-01-01", "1000.00"), as_of="2013-03-31")
    assert (claim.days_late, claim.penalties, claim.indemnity) == (59, eur("17.38"), eur("40.00"))


def test_invoice_dated_31_december_2012_owes_none():
    claim = only(invoice("f", "2012-12-31", "1000.00"), as_of="2013-03-31")
    assert claim.days_late > 0 and claim.indemnity == 0
