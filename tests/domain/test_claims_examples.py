"""Worked examples of claims.md, each computed by hand in its comment and reproduced to the cent.

Notation: amounts in cents; a penalty is principal × rate% × days / 365 / 100, summed exactly
over the periods and rounded once, half up.  Statutory rate = ECB rate on 1 Jan / 1 Jul + 10
(from the shipped resources/rates/ecb.csv): 2023S2 4.00 → 14.00, 2024S1 4.50 → 14.50,
2024S2 4.25 → 14.25, 2025S1 3.15 → 13.15.
"""

from __future__ import annotations

from fractions import Fraction

from dossier_app.domain.claims import INDEMNITY, compute_claims
from dossier_app.domain.rates import HalfYear
from tests.support.claims_builders import case, credit_note, d, eur, invoice, payment, shipped_rates


def claims(case_file, as_of):
    return compute_claims(case_file, d(as_of), shipped_rates())


def only(result):
    assert len(result.invoices) == 1
    return result.invoices[0]


def test_invoice_crossing_1_july():
    # 1 000,00 € of 2024-05-01, 30 days → due 2024-05-31; unpaid on 2024-08-15.
    # 2024-06-01..06-30: 30 days at 14.50 → 100000 × 14.5 × 30 / 36500 = 1191.78
    # 2024-07-01..08-15: 46 days at 14.25 → 100000 × 14.25 × 46 / 36500 = 1795.89
    # sum = 1090500/365 = 2987.67 cents → 29,88 €; late 30 + 31 + 15 = 76 days.
    c = only(claims(case(invoice("f1", "2024-05-01", "1000.00")), "2024-08-15"))
    assert c.due_date == d("2024-05-31")
    assert [(p.start, p.end, p.days, str(p.rate)) for p in c.periods] == [
        (d("2024-06-01"), d("2024-06-30"), 30, "14.50"),
        (d("2024-07-01"), d("2024-08-15"), 46, "14.25"),
    ]
    assert c.penalties_exact == Fraction(1090500, 365)
    assert c.penalties == eur("29.88")
    assert c.days_late == 76
    assert c.indemnity == eur("40.00") == INDEMNITY
    assert c.outstanding == eur("1000.00")


def test_invoice_crossing_1_january():
    # 2 000,00 € of 2023-11-15, on receipt → due 2023-11-15; unpaid on 2024-02-10.
    # 2023-11-16..12-31: 15 + 31 = 46 days at 14.00 → 200000 × 14 × 46 / 36500 = 3528.77
    # 2024-01-01..02-10: 31 + 10 = 41 days at 14.50 → 200000 × 14.5 × 41 / 36500 = 3257.53
    # sum = 2477000/365 = 6786.30 cents → 67,86 €; late 15 + 31 + 31 + 10 = 87 days.
    c = only(claims(case(invoice("f1", "2023-11-15", "2000.00"), terms="on_receipt"), "2024-02-10"))
    assert [(p.start, p.end, str(p.rate)) for p in c.periods] == [
        (d("2023-11-16"), d("2023-12-31"), "14.00"),
        (d("2024-01-01"), d("2024-02-10"), "14.50"),
    ]
    assert c.penalties == eur("67.86")
    assert c.days_late == 87


def test_partial_payment():
    # 1 000,00 € of 2024-05-01, due 2024-05-31; 400,00 € paid on 2024-06-20; as of 2024-06-30.
    # The payment day still bears the old principal (penalties run "until the day of payment").
    # 06-01..06-20: 20 days on 100000 at 14.50 → 290000/365 = 794.52
    # 06-21..06-30: 10 days on  60000 at 14.50 →  87000/365 = 238.36
    # sum = 377000/365 = 1032.88 → 10,33 €; the 40 € indemnity stays whole.
    c = only(claims(case(invoice("f1", "2024-05-01", "1000.00"), payment("p1", "2024-06-20", "400.00")),
                    "2024-06-30"))
    assert [(p.days, p.principal) for p in c.periods] == [(20, eur("1000.00")), (10, eur("600.00"))]
    assert c.penalties == eur("10.33")
    assert (c.paid, c.outstanding, c.days_late, c.indemnity) == (eur("400.00"), eur("600.00"), 30, eur("40.00"))


def test_credit_note():
    # 1 200,00 € of 2024-02-01, 30 days → due 2024-03-02 (2024 is a leap year); a 200,00 € credit
    # note naming it on 2024-03-12; as of 2024-04-01.
    # 03-03..03-12: 10 days on 120000 at 14.50 → 174000/365
    # 03-13..04-01: 20 days on 100000 at 14.50 → 290000/365
    # sum = 464000/365 = 1271.23 → 12,71 €; late 30 days.
    c = only(claims(case(invoice("f1", "2024-02-01", "1200.00"),
                         credit_note("a1", "2024-03-12", "200.00", invoice="f1")), "2024-04-01"))
    assert c.due_date == d("2024-03-02")
    assert c.penalties == eur("12.71")
    assert (c.credited, c.paid, c.outstanding, c.days_late) == (eur("200.00"), 0, eur("1000.00"), 30)


def test_payment_terms_forms():
    # Invoice of 15 March 2025:
    #   on_receipt → 15 March; 45_days → 29 April; 45_days_end_of_month → 29 April → 30 April;
    #   end_of_month_45_days → 31 March + 45 = 15 May; no terms → + 30 days = 14 April.
    expected = {
        "on_receipt": "2025-03-15",
        "45_days": "2025-04-29",
        "45_days_end_of_month": "2025-04-30",
        "end_of_month_45_days": "2025-05-15",
        None: "2025-04-14",
    }
    for terms, due in expected.items():
        c = only(claims(case(invoice("f1", "2025-03-15", "100.00"), terms=terms), "2025-05-20"))
        assert c.due_date == d(due), terms
        assert c.days_late == (d("2025-05-20") - d(due)).days


def test_end_of_month_terms_penalty():
    # 45_days_end_of_month on 15 March 2025 → due 30 April; 730,00 € unpaid on 31 May 2025.
    # 05-01..05-31: 31 days at 13.15 → 73000 × 13.15 × 31 / 36500 = 73 × 13.15 × 31 / 36.5
    # = 2 × 13.15 × 31 = 815.30 cents → 8,15 €.
    c = only(claims(case(invoice("f1", "2025-03-15", "730.00"), terms="45_days_end_of_month"), "2025-05-31"))
    assert c.penalties_exact == Fraction(81530, 100)
    assert c.penalties == eur("8.15")


def test_explicit_due_date_wins_over_terms():
    c = only(claims(case(invoice("f1", "2025-03-15", "100.00", due="2025-03-20"), terms="60_days"), "2025-03-25"))
    assert c.due_date == d("2025-03-20")


def test_contractual_rate():
    # Contract rate 15 %; 2024S2 floor = 3 × 4.92 = 14.76 ≤ 15, so the contract applies.
    # 5 000,00 € due 2024-10-02, unpaid on 2024-12-31: 10-03..12-31 = 29 + 30 + 31 = 90 days.
    # 500000 × 15 × 90 / 36500 = 6750000/365 = 18493.15 → 184,93 €.
    result = claims(case(invoice("f1", "2024-09-02", "5000.00", due="2024-10-02"), rate="15"), "2024-12-31")
    c = only(result)
    assert [(p.days, str(p.rate), p.source.kind) for p in c.periods] == [(90, "15", "contract")]
    assert c.penalties == eur("184.93")
    assert result.floor_half_years == ()


def test_contractual_rate_under_the_floor():
    # Contract rate 12 %.  2024S2 floor 3 × 4.92 = 14.76 > 12 → statutory 14.25 there;
    # 2025S1 floor 3 × 3.71 = 11.13 ≤ 12 → the contract's 12 % applies.
    # 3 000,00 € of 2024-11-15, due 2024-12-15; as of 2025-01-31.
    # 12-16..12-31: 16 days at 14.25 → 300000 × 14.25 × 16 / 36500 = 684000/365 = 1873.97
    # 01-01..01-31: 31 days at 12.00 → 300000 × 12 × 31 / 36500 = 1116000/365 = 3057.53
    # sum = 1800000/365 = 4931.51 → 49,32 €.
    result = claims(case(invoice("f1", "2024-11-15", "3000.00"), rate="12"), "2025-01-31")
    c = only(result)
    assert [(p.days, str(p.rate), p.source.kind) for p in c.periods] == [
        (16, "14.25", "statutory_floor"), (31, "12", "contract")]
    assert c.penalties == eur("49.32")
    assert result.floor_half_years == (HalfYear(2024, 2),)


def test_overpayment_is_a_credit():
    # 500,00 € due 2024-02-09, 600,00 € paid on 2024-02-01: settled, never late, 100,00 € credit.
    result = claims(case(invoice("f1", "2024-01-10", "500.00"), payment("p1", "2024-02-01", "600.00")),
                    "2024-03-01")
    c = only(result)
    assert (c.paid, c.outstanding, c.penalties, c.indemnity, c.days_late) == (eur("500.00"), 0, 0, 0, 0)
    assert result.totals.credit == eur("100.00")
    assert result.totals.grand_total == 0


def test_credit_is_set_against_the_next_invoice():
    # The 100,00 € left over reduces the 300,00 € invoice of 2024-02-20 on its own date.
    result = claims(case(invoice("f1", "2024-01-10", "500.00"), payment("p1", "2024-02-01", "600.00"),
                         invoice("f2", "2024-02-20", "300.00")), "2024-03-01")
    assert [(c.number, c.paid, c.outstanding) for c in result.invoices] == [
        ("f1", eur("500.00"), 0), ("f2", eur("100.00"), eur("200.00"))]
    assert result.totals.credit == 0


def test_disputed_invoice_is_apart():
    # Both 1 000,00 € due 2024-05-31, unpaid on 2024-06-30: 30 days at 14.50 each
    # → 435000/365 = 1191.78 → 11,92 € each; only the undisputed one is in the total claimable.
    result = claims(case(invoice("f1", "2024-05-01", "1000.00"),
                         invoice("f2", "2024-05-01", "1000.00", disputed=True)), "2024-06-30")
    totals = result.totals
    assert [c.penalties for c in result.invoices] == [eur("11.92"), eur("11.92")]
    assert (totals.outstanding_undisputed, totals.outstanding_disputed) == (eur("1000.00"), eur("1000.00"))
    assert (totals.penalties_undisputed, totals.penalties_disputed) == (eur("11.92"), eur("11.92"))
    assert (totals.indemnities_undisputed, totals.indemnities_disputed) == (eur("40.00"), eur("40.00"))
    assert totals.grand_total == eur("1051.92")
    assert [c.number for c in result.disputed] == ["f2"]


def test_days_before_2013_follow_each_ecb_change():
    # Before 2013 the rate in force each day applies: ECB 1.00 until 2012-07-10, 0.75 from 07-11.
    # 10 000,00 € of 2012-06-01, due 2012-07-01 (30 days); as of 2012-07-31.
    # 07-02..07-10:  9 days at 11.00 → 1000000 × 11 × 9 / 36500 = 990000/365 = 2712.33
    # 07-11..07-31: 21 days at 10.75 → 1000000 × 10.75 × 21 / 36500 = 2257500/365 = 6184.93
    # sum = 3247500/365 = 8897.26 → 88,97 €.
    c = only(claims(case(invoice("f1", "2012-06-01", "10000.00")), "2012-07-31"))
    assert [(p.start, p.end, str(p.rate)) for p in c.periods] == [
        (d("2012-07-02"), d("2012-07-10"), "11.00"),
        (d("2012-07-11"), d("2012-07-31"), "10.75"),
    ]
    assert c.penalties == eur("88.97")


def test_from_2013_the_rate_of_1_january_holds_all_half_year():
    # The ECB cut to 0.50 on 2013-05-08 does not change 2013S1: 0.75 on 1 January + 10 = 10.75.
    # 1 000,00 € due 2013-04-30, as of 2013-05-31: 31 days → 100000 × 10.75 × 31 / 36500
    # = 333250/365 = 913.01 → 9,13 €.
    c = only(claims(case(invoice("f1", "2013-03-31", "1000.00", due="2013-04-30")), "2013-05-31"))
    assert [str(p.rate) for p in c.periods] == ["10.75"]
    assert c.penalties == eur("9.13")


def test_rounded_once_per_invoice_half_up():
    # Contract 10 %, 0,25 € due 2019-05-21, as of 2019-08-09: two periods of 40 days
    # (05-22..06-30, 07-01..08-09), each 25 × 10 × 40 / 36500 = 0.274 cent, which alone rounds
    # to 0; together 0.548 → 1 cent.  Rounding each period would have lost it.
    c = only(claims(case(invoice("f1", "2019-04-21", "0.25", due="2019-05-21"), rate="10"), "2019-08-09"))
    assert [p.days for p in c.periods] == [40, 40]
    assert [p.amount_cents for p in c.periods] == [0, 0]
    assert c.penalties == 1


def test_exact_half_cent_rounds_up():
    # Contract 10 %, 0,25 € for 73 days (2019-01-02..03-15): 25 × 10 × 73 / 36500 = 0.5 → 1 cent.
    c = only(claims(case(invoice("f1", "2018-12-02", "0.25", due="2019-01-01"), rate="10"), "2019-03-15"))
    assert c.penalties_exact == Fraction(1, 2)
    assert c.penalties == 1


def test_paid_on_the_due_date_is_not_late():
    c = only(claims(case(invoice("f1", "2024-05-01", "1000.00"), payment("p1", "2024-05-31", "1000.00")),
                    "2024-12-31"))
    assert (c.days_late, c.penalties, c.indemnity, c.settled_on) == (0, 0, 0, d("2024-05-31"))


def test_paid_one_day_late():
    # One day at 14.50 on 1 000,00 €: 100000 × 14.5 / 36500 = 39.73 → 0,40 €, plus the 40 €.
    c = only(claims(case(invoice("f1", "2024-05-01", "1000.00"), payment("p1", "2024-06-01", "1000.00")),
                    "2024-12-31"))
    assert (c.days_late, c.penalties, c.indemnity) == (1, eur("0.40"), eur("40.00"))


def test_events_after_as_of_are_left_out():
    result = claims(case(invoice("f1", "2024-05-01", "1000.00"), payment("p1", "2024-07-01", "1000.00"),
                         invoice("f2", "2024-08-01", "50.00")), "2024-06-30")
    c = only(result)
    assert (c.number, c.paid, c.outstanding) == ("f1", 0, eur("1000.00"))


def test_unknown_half_year_uses_last_known_rate_and_says_so():
    # The shipped table is known through 2026-04-30; 1 July 2026 has no known ECB value:
    # 2.15 (the last one) + 10 = 12.15 is used, and the half-year is flagged.
    result = claims(case(invoice("f1", "2026-05-01", "1000.00")), "2026-08-31")
    c = only(result)
    assert [(str(p.rate), p.source.known) for p in c.periods] == [("12.15", True), ("12.15", False)]
    assert result.unknown_rate_half_years == (HalfYear(2026, 2),)
