"""The readiness check: each item of issue 4, and the order worst first."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from dossier_app.domain.checks import (
    BLOCKING,
    INFO,
    WARNING,
    IntegrityFacts,
    blocks,
    check_case,
    finding_line,
)
from dossier_app.domain.claims import compute_claims
from dossier_app.domain.model import Outage
from tests.support.claims_builders import case, d, exhibit, invoice, notice, payment, shipped_rates


def run(case_file, as_of="2025-03-31", integrity=None):
    as_of_day = d(as_of)
    claims = compute_claims(case_file, as_of_day, shipped_rates())
    return check_case(case_file, as_of_day, shipped_rates(), claims, integrity)


def codes(findings, **match):
    return [(f.severity, f.code) for f in findings
            if all(getattr(f, key) == value for key, value in match.items())]


def clean_case(*extra_events, exhibits=(), **kwargs):
    """A provider's claim that is ready: invoice, notice with tracking and receipt, their exhibits."""
    events = (invoice("f1", "2025-01-02", "1000.00"),
              notice("med", "2025-02-10", received_on=d("2025-02-12")), *extra_events)
    proofs = (exhibit("facture", "f1", day="2025-01-02", number=1),
              exhibit("lettre", "med", day="2025-02-10", number=2), *exhibits)
    file = case(*events, exhibits=proofs, **kwargs)
    header = replace(file.case, court="Tribunal de commerce de Laval",
                     them=replace(file.case.them, siren="552100554", address="1 rue de la Paix, 75002 Paris"))
    return replace(file, case=header)


def test_a_ready_case_has_nothing_blocking_nor_warning():
    findings = run(clean_case())
    assert [f for f in findings if f.severity != INFO] == []
    assert not blocks(findings)


def test_claimed_invoice_without_exhibit_blocks():
    findings = run(case(invoice("f1", "2025-01-02", "1000.00"), notice("med", "2025-02-10"),
                        exhibits=(exhibit("lettre", "med", day="2025-02-10", number=1),)))
    assert codes(findings, event_id="f1") == [(BLOCKING, "event_without_exhibit")]
    assert blocks(findings)


def test_paid_invoice_and_payment_without_exhibit_warn():
    findings = run(clean_case(invoice("f2", "2025-01-05", "10.00"), payment("p1", "2025-01-20", "10.00", "f2")))
    assert codes(findings, event_id="f2") == [(WARNING, "event_without_exhibit")]
    assert codes(findings, event_id="p1") == [(WARNING, "event_without_exhibit")]


def test_client_side_invoice_without_exhibit_only_warns():
    findings = run(case(invoice("f1", "2025-01-02", "1000.00"), notice("med", "2025-02-10"), role="client",
                        exhibits=(exhibit("lettre", "med", day="2025-02-10", number=1),)))
    assert codes(findings, event_id="f1") == [(WARNING, "event_without_exhibit")]


def test_proof_left_out_of_the_bundle():
    findings = run(case(invoice("f1", "2025-01-02", "1000.00"), notice("med", "2025-02-10"),
                        exhibits=(exhibit("facture", "f1", day="2025-01-02", include=False),
                                  exhibit("lettre", "med", day="2025-02-10", number=1))))
    assert codes(findings, event_id="f1") == [(WARNING, "proof_excluded")]


def test_no_formal_notice_at_all():
    findings = run(case(invoice("f1", "2025-01-02", "1000.00"),
                        exhibits=(exhibit("facture", "f1", day="2025-01-02", number=1),)))
    assert (WARNING, "no_formal_notice") in codes(findings)


def test_formal_notice_without_exhibit():
    findings = run(case(invoice("f1", "2025-01-02", "1000.00"), notice("med", "2025-02-10"),
                        exhibits=(exhibit("facture", "f1", day="2025-01-02", number=1),)))
    assert codes(findings, event_id="med") == [(WARNING, "notice_without_exhibit")]


def test_formal_notice_with_no_proof_of_sending_blocks():
    findings = run(case(invoice("f1", "2025-01-02", "1000.00"), notice("med", "2025-02-10", tracking=None),
                        exhibits=(exhibit("facture", "f1", day="2025-01-02", number=1),)))
    assert codes(findings, event_id="med") == [(BLOCKING, "notice_unproved")]


def test_registered_letter_without_tracking_number():
    findings = run(clean_case(notice("med2", "2025-02-20", tracking=None),
                              exhibits=(exhibit("lettre 2", "med2", day="2025-02-20", number=3),)))
    assert codes(findings, event_id="med2") == [(WARNING, "no_tracking_number")]


def test_notice_deadline_not_expired():
    # Received 2025-03-25 with 8 days: runs until 2025-04-02, after the as-of date 2025-03-31.
    findings = run(clean_case(notice("med2", "2025-03-24", received_on=d("2025-03-25")),
                              exhibits=(exhibit("lettre 2", "med2", day="2025-03-24", number=3),)))
    assert codes(findings, event_id="med2") == [(WARNING, "notice_deadline_running")]
    assert "02/04/2025" in next(f.message for f in findings if f.event_id == "med2")
    assert codes(run(clean_case(), as_of="2025-02-20"), event_id="med") == [(WARNING, "notice_deadline_running")]


def test_unclaimed_notice_is_still_valid():
    findings = run(clean_case(notice("med2", "2025-02-15", returned_undelivered=True,
                                     first_presented_on=d("2025-02-17")),
                              exhibits=(exhibit("lettre 2", "med2", day="2025-02-15", number=3),)))
    assert codes(findings, event_id="med2") == [(INFO, "notice_unclaimed")]


def test_payment_terms_beyond_the_legal_caps():
    findings = run(clean_case(terms="90_days"), as_of="2025-06-30")
    assert (WARNING, "terms_beyond_cap") in codes(findings, event_id=None)
    late = run(clean_case(invoice("f2", "2025-01-31", "10.00", due="2025-04-02"),
                          exhibits=(exhibit("facture 2", "f2", day="2025-01-31", number=3),)))
    # 31 January: 60 days → 1 April is the latest cap; 2 April is beyond it.
    assert codes(late, event_id="f2") == [(WARNING, "terms_beyond_cap")]
    fine = run(clean_case(invoice("f2", "2025-01-31", "10.00", due="2025-04-01"),
                          exhibits=(exhibit("facture 2", "f2", day="2025-01-31", number=3),)))
    assert codes(fine, event_id="f2") == []


def test_contract_rate_under_three_times_the_legal_rate():
    findings = run(clean_case(rate="5"))  # 2025S1 floor 3 × 3.71 = 11.13
    (finding,) = [f for f in findings if f.code == "rate_below_floor"]
    assert finding.severity == WARNING
    assert "1er semestre 2025" in finding.message and "11,13" in finding.message
    assert codes(run(clean_case(rate="12"))) == codes(run(clean_case()))


def test_as_of_in_a_half_year_with_no_known_rate():
    findings = run(clean_case(), as_of="2026-08-31")
    assert (WARNING, "as_of_rate_unknown") in codes(findings)
    assert (WARNING, "as_of_rate_unknown") not in codes(run(clean_case(), as_of="2026-04-30"))


def test_ongoing_outage_without_exhibit():
    outage = Outage(id="o1", date=d("2025-03-01"), title="Site coupé", start=datetime(2025, 3, 1, 8, 0),
                    services=("site",))
    findings = run(clean_case(outage))
    assert codes(findings, event_id="o1") == [(WARNING, "outage_unproved")]


def test_exhibit_dated_far_from_what_it_proves():
    findings = run(case(invoice("f1", "2025-01-02", "1000.00"), notice("med", "2025-02-10"),
                        exhibits=(exhibit("facture", "f1", day="2024-01-02", number=1),
                                  exhibit("lettre", "med", day="2025-02-10", number=2))))
    (finding,) = [f for f in findings if f.code == "exhibit_date_far"]
    assert finding.exhibit == exhibit("facture").sha256
    assert "366 jours" in finding.message


def test_stored_exhibit_missing_or_altered():
    facture, lettre = exhibit("facture").sha256, exhibit("lettre").sha256
    findings = run(clean_case(), integrity=IntegrityFacts(missing=frozenset({facture}), altered=frozenset({lettre})))
    assert codes(findings, exhibit=facture) == [(BLOCKING, "missing_file")]
    assert codes(findings, exhibit=lettre) == [(BLOCKING, "altered_file")]


def test_exhibit_numbering_gaps():
    findings = run(clean_case(exhibits=(exhibit("relevé", "f1", day="2025-01-10", number=5),)))
    (finding,) = [f for f in findings if f.code == "numbering_gap"]
    assert "3, 4" in finding.message


def test_events_after_the_as_of_date():
    findings = run(clean_case(payment("p1", "2025-04-15", "100.00")))
    assert set(codes(findings, event_id="p1")) == {(WARNING, "event_after_as_of"), (WARNING, "event_without_exhibit")}


def test_worst_first_and_one_line_each():
    findings = run(case(invoice("f1", "2025-01-02", "1000.00", disputed=True), invoice("f2", "2025-01-03", "5.00"),
                        exhibits=(exhibit("facture", "f1", day="2024-01-02", number=2),)))
    ranks = [{BLOCKING: 0, WARNING: 1, INFO: 2}[f.severity] for f in findings]
    assert ranks == sorted(ranks) and ranks[0] == 0 and ranks[-1] == 2
    assert all("\n" not in finding_line(f) for f in findings)
    assert finding_line(findings[0]).startswith("BLOQUANT: ")
    assert all(f.message[0].isupper() for f in findings)


def test_a_notice_the_other_side_sent_is_not_ours_to_prove():
    theirs = notice("med-eux", "2025-02-20", tracking=None, actor="them")
    findings = run(clean_case(theirs))
    assert codes(findings, event_id="med-eux") == [(WARNING, "no_tracking_number")]
    only_theirs = run(case(invoice("f1", "2025-01-02", "1000.00"), theirs,
                           exhibits=(exhibit("facture", "f1", day="2025-01-02", number=1),)))
    assert (WARNING, "no_formal_notice") in codes(only_theirs)


def test_unknown_rate_says_exactly_what_to_add():
    from decimal import Decimal

    from dossier_app.domain.rates import EcbRate

    rates = shipped_rates().with_user_ecb((EcbRate(d("2026-06-11"), Decimal("2.00"), "BCE", user=True),))
    case_file = clean_case()
    as_of = d("2026-08-31")
    findings = check_case(case_file, as_of, rates, compute_claims(case_file, as_of, rates))
    (finding,) = [f for f in findings if f.code == "as_of_rate_unknown"]
    assert "2e semestre 2026" in finding.message and "1er juillet 2026" in finding.message
    # What to add, in words whatever the face; the command adds its « rates add » line (cli/hints.py).
    assert "dossier" not in finding.message
    assert finding.missing_rate is not None and finding.missing_rate.half_years[0].start == d("2026-07-01")
    assert finding.missing_rate.example == Decimal("2.00")
    later = shipped_rates().with_user_ecb((EcbRate(d("2026-07-01"), Decimal("2.00"), "BCE", user=True),))
    assert "as_of_rate_unknown" not in [f.code for f in check_case(
        case_file, as_of, later, compute_claims(case_file, as_of, later))]

