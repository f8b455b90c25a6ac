"""What the other side owes under the contract (claims.md, "under the contract"): worked examples to the
cent, with the arithmetic by hand in the comments, and properties over generated cases (hypothesis)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier_app.domain.claims import compute_claims
from dossier_app.domain.contract_claims import ContractLine, contract_claims
from dossier_app.domain.model import Outage, PenaltyClause
from tests.support.claims_builders import (
    access,
    contract_case,
    d,
    eur,
    flat,
    notice,
    outage,
    per_day,
    service_level,
    shipped_rates,
)

HOUR = 3600
# The usual ladder: under 99.9 % 5 % of the fee, under 99.5 % 10 %, under 99 % 25 %.
LADDER = (("99.9", "5"), ("99.5", "10"), ("99", "25"))


def only(case_file, as_of: str) -> ContractLine:
    lines = contract_claims(case_file, d(as_of)).lines
    assert len(lines) == 1, lines
    return lines[0]


# --- flat penalties ---------------------------------------------------------------------

HOSTING_MOVED = contract_case(
    access("transfert", "2025-03-14", "changed_without_consent"),
    penalties=(flat("100000.00", "transfert de l'hébergement sans accord écrit", "transfert"),))


def test_a_flat_penalty_is_owed_from_its_breach_day_not_before():
    # The day before the breach: nothing, not even a zero line.
    assert contract_claims(HOSTING_MOVED, d("2025-03-13")).lines == ()
    assert contract_claims(HOSTING_MOVED, d("2025-03-13")).total == 0
    # On the breach's day and after: 100 000,00 €, once.
    for as_of in ("2025-03-14", "2026-01-31"):
        line = only(HOSTING_MOVED, as_of)
        assert (line.kind, line.amount, line.event_id, line.event_date) == (
            "flat", eur("100000.00"), "transfert", d("2025-03-14"))
        assert line.purpose == "transfert de l'hébergement sans accord écrit"


def test_a_flat_penalty_whose_event_is_not_in_the_case_gives_no_line():
    case_file = contract_case(penalties=(flat("5000.00", "manquement", "absent"),))
    assert contract_claims(case_file, d("2025-12-31")).lines == ()


# --- penalties per day ------------------------------------------------------------------

def reversibility(cap: str | None = None, *, restitution: str | None = "2025-05-05"):
    """A formal notice sent on 1 April 2025, presented on 7 April (six days later), received on the 15th,
    eight days to hand the accesses back; 150 € per day of delay until the restitution."""
    events = [notice("mise-en-demeure", "2025-04-01", deadline=8, first_presented_on=d("2025-04-07"),
                     received_on=d("2025-04-15"))]
    if restitution:
        events.append(access("restitution", restitution, "restored"))
    return contract_case(*events, penalties=(
        per_day("150.00", "retard de restitution des accès", "mise-en-demeure", until="restitution", cap=cap),))


def test_a_per_day_penalty_runs_from_the_day_after_the_deadline_counted_from_first_presentation():
    # Deadline: first presentation 7 April + 8 days = 15 April (not 1 April + 8 = 9 April from the
    # sending, nor 15 + 8 = 23 April from the receipt). First day counted: 16 April.
    # Restitution on 5 May: 16→30 April = 15 days, 1→5 May = 5 days: 20 days × 150,00 € = 3 000,00 €.
    line = only(reversibility(), "2025-06-30")
    assert (line.deadline, line.start, line.end, line.days) == (d("2025-04-15"), d("2025-04-16"), d("2025-05-05"), 20)
    assert (line.amount, line.per_day, line.running, line.until_event_id) == (eur("3000.00"), eur("150.00"), False, "restitution")
    assert (line.event_id, line.event_date, line.capped) == ("mise-en-demeure", d("2025-04-01"), False)


def test_a_per_day_penalty_still_running_on_the_as_of_date():
    # On 30 April the restitution (5 May) has not happened: 16→30 April = 15 days × 150 € = 2 250,00 €.
    line = only(reversibility(), "2025-04-30")
    assert (line.days, line.amount, line.end, line.running, line.until_event_id) == (
        15, eur("2250.00"), d("2025-04-30"), True, None)
    # No restitution in the case at all: still running on 31 May, 15 + 31 = 46 days = 6 900,00 €.
    line = only(reversibility(restitution=None), "2025-05-31")
    assert (line.days, line.amount, line.running) == (46, eur("6900.00"), True)


def test_a_per_day_penalty_gives_nothing_until_the_day_after_the_deadline():
    # The deadline's last day (15 April) and before: nothing; 16 April: one day, 150,00 €.
    assert contract_claims(reversibility(), d("2025-04-15")).lines == ()
    assert contract_claims(reversibility(), d("2025-04-02")).lines == ()
    assert only(reversibility(), "2025-04-16").amount == eur("150.00")


def test_a_per_day_penalty_stops_at_its_cap():
    # 150 € × 20 days = 3 000 € > cap 2 000 €: 2 000,00 €, said capped, the gross kept for the arithmetic.
    line = only(reversibility(cap="2000.00"), "2025-06-30")
    assert (line.amount, line.gross, line.cap, line.capped, line.days) == (
        eur("2000.00"), eur("3000.00"), eur("2000.00"), True, 20)


def test_a_per_day_penalty_from_an_event_that_is_not_a_notice_and_its_cap_reached_exactly():
    # Access refused on 10 January 2025: 200 € a day from the 11th, cap 5 000 €.
    case_file = contract_case(access("refus", "2025-01-10", "refused"), penalties=(
        per_day("200.00", "accès refusés", "refus", cap="5000.00"),))
    # 4 February: 11→31 January = 21 days + 4 = 25 days × 200 € = 5 000,00 € = the cap, not over it.
    line = only(case_file, "2025-02-04")
    assert (line.start, line.days, line.amount, line.capped, line.deadline) == (d("2025-01-11"), 25, eur("5000.00"), False, None)
    # 1 March: 21 + 28 + 1 = 50 days × 200 € = 10 000 € → 5 000,00 €, capped.
    line = only(case_file, "2025-03-01")
    assert (line.days, line.gross, line.amount, line.capped, line.running) == (50, eur("10000.00"), eur("5000.00"), True, True)


def test_a_notice_without_deadline_counts_from_its_date():
    # Sent on 1 April with no deadline: counted from the day after its date, 2 April; to 11 April: 10 days.
    case_file = contract_case(notice("lettre", "2025-04-01", deadline=None, first_presented_on=d("2025-04-07")),
                              penalties=(per_day("10.00", "retard", "lettre"),))
    line = only(case_file, "2025-04-11")
    assert (line.start, line.days, line.amount, line.deadline) == (d("2025-04-02"), 10, eur("100.00"), None)


# --- service credits --------------------------------------------------------------------

def credits(*outages: Outage, as_of: str, fee: str = "1200.00", steps=LADDER, services=("messagerie",)):
    case_file = contract_case(*outages, sla=service_level(fee, *steps, services=services))
    return contract_claims(case_file, d(as_of)).lines


def test_march_2025_is_743_hours_and_an_outage_over_the_spring_change_counts_elapsed_time():
    # 30 March 2025, 01:00 → 05:00 Paris time: the clocks jump from 02:00 to 03:00, so 3 hours elapsed
    # (4 on the wall). March 2025: 31 days × 24 h − 1 h = 743 h = 2 674 800 s.
    # Availability = 1 − 3/743 = 740/743 = 99.59623… %: under 99.9 (5 %), not under 99.5.
    # 1 234,56 € × 7,5 % = 92,592 € → 92,59 € (the ladder here: under 99.9, 7.5 %).
    (line,) = credits(outage("panne", "2025-03-30T01:00", "2025-03-30T05:00"), as_of="2025-04-30",
                      fee="1234.56", steps=(("99.9", "7.5"), ("99.5", "10")))
    assert (line.kind, line.month, line.month_seconds, line.downtime_seconds) == ("sla", d("2025-03-01"), 743 * HOUR, 3 * HOUR)
    assert line.availability == Decimal(74000) / Decimal(743)
    assert (line.percent, line.below, line.fee, line.amount) == (Decimal("7.5"), Decimal("99.9"), eur("1234.56"), eur("92.59"))
    assert (line.purpose, line.outage_ids, line.ongoing_ids) == ("messagerie", ("panne",), ())


def test_october_2025_is_745_hours_and_an_outage_over_the_autumn_change_counts_elapsed_time():
    # 26 October 2025, 01:30 → 04:30 Paris time: the clocks go back from 03:00 to 02:00, so 4 hours elapsed
    # (3 on the wall). October 2025: 31 × 24 + 1 = 745 h = 2 682 000 s.
    # Availability = 1 − 4/745 = 99.46308… %: under 99.5 (10 %), not under 99.
    # 1 234,56 € × 10 % = 123,456 € → 123,46 € (half up, once).
    (line,) = credits(outage("panne", "2025-10-26T01:30", "2025-10-26T04:30"), as_of="2025-10-31", fee="1234.56")
    assert (line.month, line.month_seconds, line.downtime_seconds) == (d("2025-10-01"), 745 * HOUR, 4 * HOUR)
    assert line.availability == Decimal(100) * Decimal(741) / Decimal(745)
    assert (line.percent, line.amount) == (Decimal("10"), eur("123.46"))


def test_an_outage_over_a_month_end_counts_in_each_month_its_part():
    # 31 March 2025 22:00 → 1 April 04:00: 2 h in March (of 743 h), 4 h in April (of 720 h).
    # March: 1 − 2/743 = 99.73 % → 5 % of 1 200 € = 60,00 €; April: 1 − 4/720 = 99.44 % → 10 % = 120,00 €.
    march, april = credits(outage("panne", "2025-03-31T22:00", "2025-04-01T04:00"), as_of="2025-04-30")
    assert (march.month, march.downtime_seconds, march.amount) == (d("2025-03-01"), 2 * HOUR, eur("60.00"))
    assert (april.month, april.downtime_seconds, april.amount) == (d("2025-04-01"), 4 * HOUR, eur("120.00"))


def test_an_instant_with_an_offset_is_read_as_written():
    # 10 June 2025 08:00 UTC = 10:00 Paris, to 14:00 Paris: 4 h of 720 h = 99.44 % → 10 % = 120,00 €.
    (line,) = credits(outage("panne", "2025-06-10T08:00+00:00", "2025-06-10T14:00"), as_of="2025-06-30")
    assert (line.downtime_seconds, line.amount) == (4 * HOUR, eur("120.00"))


def test_overlapping_outages_are_counted_once():
    # 08:00–12:00, 10:00–14:00 and 13:00–13:30 on 10 June 2025: their union is 08:00–14:00 = 6 h
    # (not 4 + 4 + 0,5 = 8,5 h). June: 720 h. 1 − 6/720 = 99.1666… %: under 99.5, not under 99: 10 %
    # of 1 200,00 € = 120,00 € (8,5 h would have given 98.82 %, 25 %, 300,00 €).
    (line,) = credits(outage("a", "2025-06-10T08:00", "2025-06-10T12:00"),
                      outage("b", "2025-06-10T10:00", "2025-06-10T14:00"),
                      outage("c", "2025-06-10T13:00", "2025-06-10T13:30"), as_of="2025-06-30")
    assert (line.downtime_seconds, line.month_seconds, line.percent, line.amount) == (
        6 * HOUR, 720 * HOUR, Decimal("10"), eur("120.00"))
    assert line.outage_ids == ("a", "b", "c")


def test_a_partial_outage_and_another_services_outage_are_not_counted():
    # Counted: messagerie, total, 4 June 09:00–10:00 = 1 h. 1 − 1/720 = 99.861 % → under 99.9: 5 % = 60,00 €.
    # Not counted: a partial one of the messagerie (10 h), a total one of the site (10 h): with them,
    # 21 h → 97.08 % → 25 % = 300,00 €.
    outages = (outage("lente", "2025-06-02T08:00", "2025-06-02T18:00", "messagerie", scope="partial"),
               outage("site", "2025-06-03T08:00", "2025-06-03T18:00", "site web", scope="total"),
               outage("panne", "2025-06-04T09:00", "2025-06-04T10:00", "Messagerie", scope="total"))
    (line,) = credits(*outages, as_of="2025-06-30")
    assert (line.downtime_seconds, line.amount, line.outage_ids) == (HOUR, eur("60.00"), ("panne",))
    # A service level listing no service counts every total outage: the site's 10 h + 1 h = 11 h,
    # 1 − 11/720 = 98.47 % → 25 % = 300,00 €.
    (line,) = credits(*outages, as_of="2025-06-30", services=())
    assert (line.downtime_seconds, line.amount, line.purpose) == (11 * HOUR, eur("300.00"), "Messagerie, site web")


def test_an_outage_still_running_on_the_as_of_date_runs_to_its_end():
    # From 28 November 2025 18:00, no end. On 30 November: to 1 December 00:00 = 6 h on the 28th + 24 h
    # + 24 h = 54 h of 720 h: 1 − 54/720 = 92.5 % → 25 % of 1 200 € = 300,00 €.
    running = outage("panne", "2025-11-28T18:00", None)
    (line,) = credits(running, as_of="2025-11-30")
    assert (line.downtime_seconds, line.amount, line.ongoing_ids) == (54 * HOUR, eur("300.00"), ("panne",))
    # On 2 December: November as above, and December 1 and 2 = 48 h of 744 h = 93.55 % → 300,00 €.
    november, december = credits(running, as_of="2025-12-02")
    assert (november.amount, december.month, december.downtime_seconds, december.month_seconds, december.amount) == (
        eur("300.00"), d("2025-12-01"), 48 * HOUR, 744 * HOUR, eur("300.00"))


def test_a_month_with_downtime_above_every_threshold_gets_a_zero_line_and_one_without_none():
    # 10 minutes in June: 1 − 600/2 592 000 = 99.977 %, above 99.9: a line of 0,00 € showing the downtime.
    # July and August have none: no line (the as-of date is in August).
    (line,) = credits(outage("micro", "2025-06-05T10:00", "2025-06-05T10:10"), as_of="2025-08-15")
    assert (line.month, line.downtime_seconds, line.amount, line.percent, line.below) == (
        d("2025-06-01"), 600, 0, None, None)


def test_outages_after_the_as_of_date_are_not_counted():
    assert credits(outage("tard", "2025-07-01T00:00", "2025-07-01T05:00"), as_of="2025-06-30") == ()
    # One that starts on the as-of day's evening counts up to its midnight: 22:00 → 24:00 = 2 h.
    (line,) = credits(outage("soir", "2025-06-30T22:00", "2025-07-01T05:00"), as_of="2025-06-30")
    assert line.downtime_seconds == 2 * HOUR


def test_the_lines_reach_the_claims_result_and_its_total():
    case_file = contract_case(
        access("transfert", "2025-03-14", "changed_without_consent"), outage("panne", "2025-06-10T08:00", "2025-06-10T14:00"),
        penalties=(flat("1000.00", "transfert", "transfert"),), sla=service_level("1200.00", *LADDER))
    result = compute_claims(case_file, d("2025-06-30"), shipped_rates())
    # 1 000,00 € + June: 6 h of 720 h = 99.17 % → 10 % of 1 200 € = 120,00 €: 1 120,00 €.
    assert [line.kind for line in result.contract.lines] == ["flat", "sla"]
    assert result.contract.total == eur("1120.00")


# --- properties -------------------------------------------------------------------------

FAST = settings(deadline=None, max_examples=60)
ORIGIN = date(2024, 1, 1)
minutes = st.integers(min_value=0, max_value=2 * 366 * 24 * 60)


@st.composite
def outage_lists(draw: st.DrawFn) -> list[Outage]:
    found = []
    for n in range(draw(st.integers(min_value=1, max_value=5))):
        start = draw(minutes)
        length = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=5 * 24 * 60)))
        moment = timedelta(minutes=start)
        end = _at(moment + timedelta(minutes=length)) if length is not None else None
        found.append(outage(f"o{n}", _at(moment), end,
                            draw(st.sampled_from(["messagerie", "site web"])),
                            scope=draw(st.sampled_from([None, "total", "partial"]))))
    return found


def _at(offset: timedelta) -> str:
    """The instant ``offset`` after the origin's midnight, as the file writes it (Paris time)."""
    return (datetime(ORIGIN.year, ORIGIN.month, ORIGIN.day) + offset).isoformat(timespec="minutes")


def by_month(lines) -> dict[date, int]:
    return {line.month: line.amount for line in lines}


@FAST
@given(outage_lists(), st.data())
def test_credits_never_decrease_when_an_outage_grows(outages, data):
    as_of = ORIGIN + timedelta(days=data.draw(st.integers(0, 2 * 366 + 30)))
    index = data.draw(st.integers(0, len(outages) - 1))
    grown = list(outages)
    chosen = grown[index]
    more = timedelta(minutes=data.draw(st.integers(1, 40 * 24 * 60)))
    earlier = timedelta(minutes=data.draw(st.integers(0, 3 * 24 * 60)))
    grown[index] = replace(chosen, start=chosen.start - earlier, date=(chosen.start - earlier).date(),
                           end=chosen.end + more if chosen.end is not None else None)
    sla = service_level("1234.56", *LADDER, services=("messagerie",))
    before = by_month(contract_claims(contract_case(*outages, sla=sla), as_of).lines)
    after = by_month(contract_claims(contract_case(*grown, sla=sla), as_of).lines)
    for month, amount in before.items():
        assert after.get(month, 0) >= amount, (month, before, after)
    assert sum(after.values()) >= sum(before.values())


@FAST
@given(st.integers(1, 100_000), st.one_of(st.none(), st.integers(1, 5_000_000)),
       st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)), st.integers(0, 400))
def test_a_per_day_penalty_grows_by_its_amount_per_day_until_its_cap(amount, cap, start, span):
    clause = PenaltyClause("per_day", amount, "retard", from_event="refus", cap=cap)  # type: ignore[arg-type]
    case_file = contract_case(access("refus", start.isoformat(), "refused"), penalties=(clause,))
    day = start + timedelta(days=span)
    today = contract_claims(case_file, day).total
    tomorrow = contract_claims(case_file, day + timedelta(days=1)).total
    limit = cap if cap is not None else 10**18
    assert today == min(amount * span, limit)
    assert tomorrow == min(today + amount, limit)


clauses = st.one_of(
    st.builds(lambda a, e: flat(f"{a}.00", "forfait", e), st.integers(0, 10_000), st.sampled_from(["refus", "absent"])),
    st.builds(lambda a, e, c: per_day(f"{a}.00", "retard", e, until="restitution", cap=f"{c}.00" if c else None),
              st.integers(0, 1_000), st.sampled_from(["refus", "mise-en-demeure", "absent"]),
              st.one_of(st.none(), st.integers(1, 20_000))),
)


@FAST
@given(st.lists(clauses, max_size=4), outage_lists(), st.integers(0, 800), st.booleans())
def test_the_total_is_the_sum_of_the_lines(penalties, outages, days, restituted):
    events = [access("refus", "2024-02-01", "refused"),
              notice("mise-en-demeure", "2024-02-03", first_presented_on=d("2024-02-09")), *outages]
    if restituted:
        events.append(access("restitution", "2024-09-30", "restored"))
    case_file = contract_case(*events, penalties=tuple(penalties),
                              sla=service_level("999.99", ("99.9", "3.33"), ("98", "12.5"), services=()))
    result = contract_claims(case_file, ORIGIN + timedelta(days=days))
    assert result.total == sum(line.amount for line in result.lines)
    assert all(line.amount >= 0 for line in result.lines)
