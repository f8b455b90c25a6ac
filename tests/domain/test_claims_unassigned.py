"""Where a payment that names no invoice goes (claims.md, decided 2026-12; issue 19).

The undisputed invoices first, the one that fell due first first (ties: the lower number), then
the disputed ones in the same order (C. civ. art. 1342-10).  Worked to the cent; rates from the
shipped resources/rates/ecb.csv: 2024S1 ECB 4.50 on 1 January + 10 = 14.50.  A penalty is
principal × 14.5 × days / 36500 cents, summed exactly per invoice and rounded once, half up.
"""

from __future__ import annotations

from fractions import Fraction

from dossier_app.domain.claims import compute_claims
from dossier_app.domain.claims_report import claims_document, claims_table
from tests.support.claims_builders import case, credit_note, d, eur, invoice, payment, shipped_rates

RULE = "art. 1342-10 du Code civil"


def claims(*events, as_of="2024-06-30", **kwargs):
    return compute_claims(case(*events, **kwargs), d(as_of), shipped_rates())


def by_number(result):
    return {c.number: c for c in result.invoices}


def oldest_disputed():
    # F1 disputed: 1 000,00 € of 2024-05-01, 30 days → due 2024-05-31 (the oldest).
    # F2: 400,00 € of 2024-05-10 → due 2024-06-09.  F3: 500,00 € of 2024-05-20 → due 2024-06-19.
    # 700,00 € paid on 2024-06-20, naming no invoice.
    return (invoice("f1", "2024-05-01", "1000.00", number="F1", disputed=True),
            invoice("f2", "2024-05-10", "400.00", number="F2"),
            invoice("f3", "2024-05-20", "500.00", number="F3"),
            payment("p1", "2024-06-20", "700.00"))


def test_unassigned_payment_skips_the_oldest_invoice_when_it_is_disputed():
    # The 700,00 € go to F2 (400,00, due first of the undisputed), then F3 (300,00); F1 is untouched.
    # As of 2024-06-30:
    #   F1 06-01..06-30: 30 d on 100000 → 100000 × 14.5 × 30 / 36500 = 1191.78 → 11,92 € (disputed)
    #   F2 06-10..06-20: 11 d on  40000 →  40000 × 14.5 × 11 / 36500 =  174.79 →  1,75 €, settled
    #   F3 06-20:         1 d on  50000 →  50000 × 14.5 ×  1 / 36500 =   19.86
    #      06-21..06-30: 10 d on  20000 →  20000 × 14.5 × 10 / 36500 =   79.45
    #      sum 250000 × 14.5 / 36500 = 99.32 → 0,99 €, 200,00 € still owed, 11 days late
    # Undisputed: principal 200,00 + penalties 1,75 + 0,99 + indemnities 2 × 40 = 282,74 €.
    # (The old rule put the 700,00 € on F1, leaving F2 and F3 whole: 900,00 € undisputed principal,
    # penalties 40000 × 14.5 × 21 / 36500 = 333.70 → 3,34 and 50000 × 14.5 × 11 / 36500 = 218.49 → 2,18,
    # 985,52 € claimed: 702,78 € more than the debtor can be asked for without a serious dispute.)
    result = claims(*oldest_disputed())
    f1, f2, f3 = (by_number(result)[n] for n in ("F1", "F2", "F3"))
    assert (f1.paid, f1.outstanding, f1.penalties, f1.indemnity) == (0, eur("1000.00"), eur("11.92"), eur("40.00"))
    assert (f2.paid, f2.outstanding, f2.days_late, f2.penalties) == (eur("400.00"), 0, 11, eur("1.75"))
    assert f2.penalties_exact == Fraction(40000 * 145 * 11, 365000)
    assert (f3.paid, f3.outstanding, f3.days_late, f3.penalties) == (eur("300.00"), eur("200.00"), 11, eur("0.99"))
    assert f3.penalties_exact == Fraction(250000 * 145, 365000)
    totals = result.totals
    assert (totals.outstanding_undisputed, totals.outstanding_disputed) == (eur("200.00"), eur("1000.00"))
    assert (totals.penalties_undisputed, totals.indemnities_undisputed) == (eur("2.74"), eur("80.00"))
    assert totals.grand_total == eur("282.74")


def test_with_every_invoice_disputed_the_disputed_ones_go_in_due_order():
    # F1 and F2 both disputed; 1 200,00 € on 2024-06-20 naming none: F1 (due 05-31) 1 000,00,
    # then F2 (due 06-09) 200,00 → 200,00 € left on F2.  As of 2024-06-30:
    #   F1 06-01..06-20: 20 d on 100000 → 100000 × 14.5 × 20 / 36500 = 794.52 → 7,95 €
    #   F2 06-10..06-20: 11 d on  40000, 06-21..06-30: 10 d on 20000
    #      → (440000 + 200000) × 14.5 / 36500 = 254.25 → 2,54 €
    # Nothing is undisputed: total claimable 0; disputed part 200,00 + 10,49 + 80,00.
    result = claims(invoice("f1", "2024-05-01", "1000.00", number="F1", disputed=True),
                    invoice("f2", "2024-05-10", "400.00", number="F2", disputed=True),
                    payment("p1", "2024-06-20", "1200.00"))
    f1, f2 = by_number(result)["F1"], by_number(result)["F2"]
    assert (f1.paid, f1.outstanding, f1.penalties) == (eur("1000.00"), 0, eur("7.95"))
    assert (f2.paid, f2.outstanding, f2.penalties) == (eur("200.00"), eur("200.00"), eur("2.54"))
    totals = result.totals
    assert (totals.outstanding_disputed, totals.penalties_disputed, totals.indemnities_disputed) == (
        eur("200.00"), eur("10.49"), eur("80.00"))
    assert totals.grand_total == 0 and totals.credit == 0
    # The rule is said, with its article, since the payment met disputed invoices.
    assert any(RULE in note for note in claims_document(result)["notes"])


def test_ties_among_undisputed_then_among_disputed_go_to_the_lower_number():
    # All due 2024-05-31 (30 days from 2024-05-01).  Order: F-9, F-10 (undisputed), then F-2, F-11
    # (disputed).  250,00 € naming none: F-9 100, F-10 100, F-2 50.
    result = claims(invoice("a", "2024-05-01", "100.00", number="F-2", disputed=True),
                    invoice("b", "2024-05-01", "100.00", number="F-10"),
                    invoice("c", "2024-05-01", "100.00", number="F-11", disputed=True),
                    invoice("e", "2024-05-01", "100.00", number="F-9"),
                    payment("p", "2024-06-10", "250.00"))
    owed = {c.number: c.outstanding for c in result.invoices}
    assert owed == {"F-2": eur("50.00"), "F-10": 0, "F-11": eur("100.00"), "F-9": 0}


def test_an_undisputed_invoice_not_yet_due_comes_before_a_disputed_one_already_due():
    # F1 disputed, due 2024-05-31; F2 undisputed, due 2024-07-14; 300,00 € on 2024-06-20 naming none.
    result = claims(invoice("f1", "2024-05-01", "1000.00", number="F1", disputed=True),
                    invoice("f2", "2024-06-14", "300.00", number="F2"),
                    payment("p1", "2024-06-20", "300.00"))
    assert {c.number: c.outstanding for c in result.invoices} == {"F1": eur("1000.00"), "F2": 0}


def test_what_the_named_invoice_does_not_need_follows_the_same_rule():
    # Names F3 (500,00) but pays 900,00: the 400,00 € left go to F2 (undisputed), not F1 (disputed).
    result = claims(*oldest_disputed()[:3], payment("p1", "2024-06-20", "900.00", "F3"))
    assert {c.number: c.outstanding for c in result.invoices} == {
        "F1": eur("1000.00"), "F2": 0, "F3": 0}


def test_a_payment_naming_a_disputed_invoice_still_pays_it():
    result = claims(*oldest_disputed()[:3], payment("p1", "2024-06-20", "300.00", "F1"))
    assert {c.number: c.outstanding for c in result.invoices} == {
        "F1": eur("700.00"), "F2": eur("400.00"), "F3": eur("500.00")}


def test_credit_notes_are_unchanged_the_oldest_invoice_first_even_disputed():
    # An unnamed credit note still reduces the oldest unpaid invoice, disputed or not.
    result = claims(*oldest_disputed()[:3], credit_note("A1", "2024-06-20", "100.00"))
    assert {c.number: c.outstanding for c in result.invoices} == {
        "F1": eur("900.00"), "F2": eur("400.00"), "F3": eur("500.00")}


def test_a_payers_credit_goes_to_the_undisputed_invoice_issued_the_same_day():
    # 100,00 € overpaid on 2024-03-01 (F0 was 100,00); on 2024-04-01 F1 (disputed, listed first)
    # and F2 are issued the same day: the payer's credit settles F2, not F1.
    result = claims(invoice("f0", "2024-02-01", "100.00", number="F0"), payment("p0", "2024-03-01", "200.00"),
                    invoice("f1", "2024-04-01", "300.00", number="F1", disputed=True),
                    invoice("f2", "2024-04-01", "100.00", number="F2"))
    assert {c.number: c.outstanding for c in result.invoices} == {"F0": 0, "F1": eur("300.00"), "F2": 0}


def test_the_result_says_which_invoices_an_unassigned_payment_settled():
    result = claims(*oldest_disputed())
    (unassigned,) = result.unassigned_payments
    assert (unassigned.event_id, unassigned.day, unassigned.amount) == ("p1", d("2024-06-20"), eur("700.00"))
    assert unassigned.settled == (("f2", eur("400.00")), ("f3", eur("300.00")))
    assert (unassigned.credit, unassigned.disputed_unpaid) == (0, True)
    assert result.unassigned_met_disputed


def test_the_claims_notes_say_the_rule_and_what_the_payment_settled():
    result = claims(*oldest_disputed())
    notes = claims_document(result)["notes"]
    (rule,) = [n for n in notes if RULE in n]
    assert "non contestées" in rule and "puis sur les factures contestées" in rule
    table = claims_table(result)
    assert RULE in table
    assert "Paiement du 20/06/2024" in table and "F2" in table.split("Paiement du 20/06/2024")[1]


def test_no_rule_note_when_no_disputed_invoice_was_unpaid():
    # The demo's situation: a cheque naming no invoice, before any invoice was disputed.
    result = claims(invoice("f1", "2024-05-01", "100.00", number="F1"), payment("p1", "2024-05-20", "100.00"),
                    invoice("f2", "2024-06-01", "300.00", number="F2", disputed=True))
    assert not result.unassigned_met_disputed
    assert not any(RULE in note for note in claims_document(result)["notes"])
    assert [u.settled for u in result.unassigned_payments] == [(("f1", eur("100.00")),)]


def test_the_notes_say_what_a_named_payment_left_and_where_it_went():
    # Names F3 (500,00) but pays 2 000,00 on 2024-06-25: 1 500,00 € left; F2 takes 400,00, then F1
    # (disputed) 1 000,00; 100,00 € remain a credit of the payer.
    result = claims(*oldest_disputed()[:3], payment("p3", "2024-06-25", "2000.00", "F3"))
    (unassigned,) = result.unassigned_payments
    assert (unassigned.amount, unassigned.paid, unassigned.named, unassigned.credit) == (
        eur("1500.00"), eur("2000.00"), True, eur("100.00"))
    assert unassigned.settled == (("f2", eur("400.00")), ("f1", eur("1000.00")))
    assert ("Paiement du 25/06/2024 (2\u202f000,00\u00a0€), part que ses factures désignées ne demandaient pas "
            "(1\u202f500,00\u00a0€) : imputée sur F2 (400,00\u00a0€) et F1 (1\u202f000,00\u00a0€) ; "
            "au crédit du payeur : 100,00\u00a0€.") in claims_document(result)["notes"]
