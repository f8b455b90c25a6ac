"""Which invoice a payment or credit note reduces (claims.md, "What reduces an invoice")."""

from __future__ import annotations

from dossier_app.domain.claims import compute_claims
from dossier_app.domain.claims_allocation import natural_key
from tests.support.claims_builders import case, credit_note, d, eur, invoice, payment, shipped_rates


def outstanding(case_file, as_of="2025-12-31"):
    result = compute_claims(case_file, d(as_of), shipped_rates())
    return {c.number: c.outstanding for c in result.invoices}, result


def test_payment_settles_listed_invoices_in_order():
    # Lists F2 then F1: F2 (300) is settled first, F1 gets the remaining 200.
    owed, _ = outstanding(case(invoice("F1", "2025-01-10", "500.00"), invoice("F2", "2025-02-10", "300.00"),
                               payment("p", "2025-03-01", "500.00", "F2", "F1")))
    assert owed == {"F1": eur("300.00"), "F2": 0}


def test_unlisted_payment_settles_the_invoice_due_first():
    # F2 is issued later but due earlier (explicit due date): it is settled first.
    owed, _ = outstanding(case(invoice("F1", "2025-01-10", "500.00", due="2025-03-31"),
                               invoice("F2", "2025-01-20", "300.00", due="2025-02-15"),
                               payment("p", "2025-03-01", "400.00")))
    assert owed == {"F1": eur("400.00"), "F2": 0}


def test_ties_go_to_the_lower_number_counting_digits_as_numbers():
    # Same due date: F-9 comes before F-10 (a string sort would put F-10 first).
    owed, _ = outstanding(case(invoice("a", "2025-01-10", "100.00", number="F-10"),
                               invoice("b", "2025-01-10", "100.00", number="F-9"),
                               payment("p", "2025-03-01", "100.00")))
    assert owed == {"F-10": eur("100.00"), "F-9": 0}
    assert natural_key("F-9") < natural_key("F-10")


def test_what_a_listed_invoice_does_not_need_falls_to_the_default_rule():
    owed, result = outstanding(case(invoice("F1", "2025-01-10", "500.00"), invoice("F2", "2025-02-10", "300.00"),
                                    payment("p", "2025-03-01", "700.00", "F2")))
    assert owed == {"F1": eur("100.00"), "F2": 0}
    assert result.totals.credit == 0


def test_unnamed_credit_note_reduces_the_oldest_unpaid_invoice_first():
    # F1 (oldest) is already paid; the 250 € credit note goes to F2 (150) then F3 (100).
    owed, _ = outstanding(case(invoice("F1", "2025-01-10", "100.00"), invoice("F2", "2025-02-10", "150.00"),
                               invoice("F3", "2025-03-10", "400.00"), payment("p", "2025-01-20", "100.00", "F1"),
                               credit_note("A1", "2025-04-01", "250.00")))
    assert owed == {"F1": 0, "F2": 0, "F3": eur("300.00")}


def test_credit_note_and_payment_the_same_day():
    # The credit note counts first: the payment is not spent on an amount withdrawn that day.
    owed, result = outstanding(case(invoice("F1", "2025-01-10", "500.00"),
                                    payment("p", "2025-03-01", "400.00"),
                                    credit_note("A1", "2025-03-01", "100.00", invoice="F1")))
    assert owed == {"F1": 0}
    assert result.totals.credit == 0


def test_payment_naming_an_unknown_invoice_follows_the_default_rule():
    owed, _ = outstanding(case(invoice("F1", "2025-01-10", "500.00"), payment("p", "2025-03-01", "200.00", "F9")))
    assert owed == {"F1": eur("300.00")}


def test_allocations_are_recorded_for_the_detail():
    _, result = outstanding(case(invoice("F1", "2025-01-10", "500.00"), payment("p1", "2025-02-01", "200.00"),
                                 credit_note("A1", "2025-02-05", "50.00", invoice="F1")))
    (claim,) = result.invoices
    assert [(a.event_id, a.kind, a.day, a.amount) for a in claim.allocations] == [
        ("p1", "payment", d("2025-02-01"), eur("200.00")),
        ("A1", "credit_note", d("2025-02-05"), eur("50.00")),
    ]
    assert (claim.paid, claim.credited) == (eur("200.00"), eur("50.00"))
