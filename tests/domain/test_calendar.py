"""The procedural calendar on worked examples: which dates move off a weekend or a public holiday, and how."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from dossier_app.domain.calendar import procedural_calendar
from dossier_app.domain.model import ProcedureStep, RegisteredLetter
from tests.domain.test_checks import clean_case, codes, run
from tests.support.claims_builders import case, d, notice


def _referee(hearing, *events):
    file = case(*events)
    return replace(file, case=replace(file.case, court="Tribunal de commerce de Laval", hearing=hearing,
                                      procedure="référé — trouble manifestement illicite (art. 873 CPC)"))


def _order(id, day, title="Ordonnance portant injonction de payer"):
    return ProcedureStep(id=id, date=d(day), title=title, action="order")


def _by_kind(deadlines, kind):
    return [x for x in deadlines if x.kind == kind]


def test_a_notice_deadline_on_a_sunday_stays_and_says_to_wait_past_the_next_working_day():
    # Presented Friday 3 July 2026, 9 days: Sunday 12 July.  The letter's deadline is not procedural
    # (art. 642 CPC is not applied to it): it stays, as check and the PDF say it; read as extended to
    # Monday 13, then Tuesday 14 July is a holiday: wait for Wednesday 15 July to go to court.
    letter = notice("med", "2026-07-01", deadline=9, first_presented_on=d("2026-07-03"))
    (deadline,) = _by_kind(procedural_calendar(case(letter), d("2026-07-01")), "notice_deadline")
    assert (deadline.day, deadline.moved_from, deadline.past) == (d("2026-07-12"), None, False)
    assert "15/07/2026" in deadline.what_to_do


def test_a_notice_deadline_on_14_july():
    letter = notice("med", "2026-07-08", deadline=4, first_presented_on=d("2026-07-10"))  # a Friday
    (deadline,) = _by_kind(procedural_calendar(case(letter), d("2026-07-20")), "notice_deadline")
    assert deadline.day == d("2026-07-14") and deadline.past
    assert "16/07/2026" in deadline.what_to_do
    # On a working day, nothing about waiting.
    plain = notice("med", "2026-07-08", deadline=5, first_presented_on=d("2026-07-10"))
    (deadline,) = _by_kind(procedural_calendar(case(plain), d("2026-07-01")), "notice_deadline")
    assert deadline.day == d("2026-07-15") and "attendez" not in deadline.what_to_do


def test_a_notice_received_from_the_other_side_is_our_reply_deadline():
    theirs = replace(notice("med-eux", "2026-03-02", received_on=d("2026-03-04")), actor="them")
    kinds = [(x.kind, x.day) for x in procedural_calendar(case(theirs), d("2026-03-01"))]
    assert kinds == [("reply_deadline", d("2026-03-12"))]  # no La Poste year: the proof is theirs


def test_the_filing_day_before_a_hearing_after_easter_moves_earlier():
    # Hearing Tuesday 14 April 2026: eight days before is Easter Monday 6 April; counted backwards,
    # the day moves to the working day before, Friday 3 April (Good Friday is no holiday in Laval).
    deadlines = procedural_calendar(_referee(d("2026-04-14")), d("2026-03-01"))
    (filed,) = _by_kind(deadlines, "summons_filed")
    assert (filed.day, filed.moved_from) == (d("2026-04-03"), d("2026-04-06"))
    (served,) = _by_kind(deadlines, "summons_served")
    assert (served.day, served.moved_from) == (d("2026-03-30"), None)  # fifteen days before, a Monday
    # Hearing Monday 13 April 2026 at 14:00: Sunday 5 April and Sunday 29 March move to the Fridays before.
    deadlines = procedural_calendar(_referee(datetime(2026, 4, 13, 14, 0)), d("2026-03-01"))
    assert [(x.kind, x.day) for x in deadlines] == [
        ("summons_served", d("2026-03-27")), ("summons_filed", d("2026-04-03")), ("hearing", d("2026-04-13"))]
    assert "14:00" in deadlines[-1].title and "Tribunal de commerce de Laval" in deadlines[-1].title


def test_no_summons_days_outside_a_commercial_referee():
    file = _referee(d("2026-04-14"))
    file = replace(file, case=replace(file.case, court="Tribunal judiciaire de Laval"))
    assert [x.kind for x in procedural_calendar(file, d("2026-03-01"))] == ["hearing"]


def test_an_injonction_order_has_six_months_moved_past_a_holiday():
    deadlines = procedural_calendar(case(_order("ip", "2026-01-14"), ProcedureStep(
        id="autre", date=d("2026-01-15"), title="Ordonnance de référé", action="order")), d("2026-01-20"))
    assert [(x.kind, x.day, x.moved_from, x.event_id) for x in deadlines] == [
        ("injonction_served", d("2026-07-15"), d("2026-07-14"), "ip")]  # 14 July, then art. 642
    # 31 August + 6 months: the month's last day, Saturday 28 February 2026, then Monday 2 March.
    (deadline,) = procedural_calendar(case(_order("ip", "2025-08-31")), d("2026-01-20"))
    assert (deadline.day, deadline.moved_from) == (d("2026-03-02"), d("2026-02-28"))


def test_la_poste_keeps_the_proof_one_year():
    letter = RegisteredLetter(id="rar", date=d("2024-02-29"), title="Résiliation", formal_notice=False)
    (deadline,) = procedural_calendar(case(letter), d("2025-03-01"))
    assert (deadline.kind, deadline.day, deadline.past) == ("proof_kept", d("2025-02-28"), True)


def test_check_says_what_falls_due_within_fifteen_days():
    file = clean_case()
    file = replace(file, case=replace(file.case, hearing=d("2025-04-10"),
                                      procedure="référé provision"))
    findings = run(file, as_of="2025-03-31")
    soon = [f.message for f in findings if f.code == "deadline_soon"]
    assert len(soon) == 2 and "02/04/2025, dans 2 jours" in soon[0] and "10/04/2025, dans 10 jours" in soon[1]
    # The served date (26 March) has passed and no assignation is in the chronology.
    assert codes(findings, code="deadline_missed") == [("warning", "deadline_missed")]
    served = replace(file, events=(*file.events, ProcedureStep(id="assignation", date=d("2025-03-20"),
                                                               title="Assignation", action="summons")))
    assert codes(run(served, as_of="2025-03-31"), code="deadline_missed") == []


def test_check_says_an_injonction_order_lapsed_unless_served():
    file = clean_case(_order("ip", "2024-10-01"))
    assert codes(run(file, as_of="2025-04-10"), event_id="ip") == [("warning", "deadline_missed")]
    signified = clean_case(_order("ip", "2024-10-01"), ProcedureStep(
        id="sig", date=d("2024-11-05"), title="Signification de l'ordonnance", action="other"))
    assert codes(run(signified, as_of="2025-04-10"), event_id="ip") == []
