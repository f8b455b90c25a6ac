"""Properties of the claims engine over generated cases (hypothesis)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dossier_app.domain.claims import INDEMNITY, INDEMNITY_FROM, compute_claims
from dossier_app.domain.claims_penalties import DENOMINATOR, round_half_up
from dossier_app.domain.model import CaseFile, CreditNote, Invoice, Payment
from dossier_app.domain.rates import HalfYear
from tests.support.claims_builders import case, shipped_rates

FAST = settings(deadline=None, max_examples=60)
START = date(2011, 12, 14)
SPAN = 5 * 365  # the days a generated case spreads over, from a random start

terms = st.sampled_from([None, "on_receipt", "30_days", "45_days_end_of_month", "end_of_month_45_days", "60_days"])
rates = st.one_of(st.none(), st.decimals(min_value=Decimal("0.5"), max_value=Decimal("20"), places=2))
amounts = st.integers(min_value=1, max_value=2_000_000)


@st.composite
def cases(draw: st.DrawFn) -> tuple[CaseFile, date]:
    origin = draw(st.dates(min_value=START, max_value=date(2026, 6, 30)))
    day = st.integers(min_value=0, max_value=SPAN).map(lambda n: origin + timedelta(days=n))
    count = draw(st.integers(min_value=1, max_value=5))
    numbers = [f"F-{n}" for n in draw(st.lists(st.integers(1, 30), min_size=count, max_size=count, unique=True))]
    events: list = [
        Invoice(id=f"i{n}", date=draw(day), title=number, number=number, amount_incl_tax=draw(amounts),
                disputed=draw(st.booleans()),
                due_date=draw(st.one_of(st.none(), day)))
        for n, number in enumerate(numbers)
    ]
    for n in range(draw(st.integers(min_value=0, max_value=6))):
        listed = draw(st.lists(st.sampled_from(numbers), max_size=2, unique=True))
        events.append(Payment(id=f"p{n}", date=draw(day), title="p", amount=draw(amounts), invoices=tuple(listed)))
    for n in range(draw(st.integers(min_value=0, max_value=2))):
        named = draw(st.one_of(st.none(), st.sampled_from(numbers)))
        events.append(CreditNote(id=f"a{n}", date=draw(day), title="a", number=f"A{n}",
                                 amount_incl_tax=draw(amounts), invoice=named))
    rate = draw(rates)
    case_file = case(*draw(st.permutations(events)), terms=draw(terms), rate=str(rate) if rate else None)
    return case_file, origin


def later_days(origin: date) -> st.SearchStrategy[tuple[date, date]]:
    return st.tuples(st.integers(0, SPAN + 400), st.integers(0, 400)).map(
        lambda p: (origin + timedelta(days=p[0]), origin + timedelta(days=p[0] + p[1])))


@FAST
@given(cases(), st.data())
def test_penalties_never_decrease_as_the_date_moves_later(generated, data):
    case_file, origin = generated
    early, late = data.draw(later_days(origin))
    before = compute_claims(case_file, early, shipped_rates())
    after = compute_claims(case_file, late, shipped_rates())
    later = {c.event_id: c for c in after.invoices}
    for claim in before.invoices:
        assert later[claim.event_id].penalties_exact >= claim.penalties_exact
        assert later[claim.event_id].penalties >= claim.penalties
        assert later[claim.event_id].indemnity >= claim.indemnity
    assert (after.totals.penalties_undisputed + after.totals.penalties_disputed
            >= before.totals.penalties_undisputed + before.totals.penalties_disputed)


@FAST
@given(cases(), st.data())
def test_a_payment_never_increases_what_is_outstanding(generated, data):
    case_file, origin = generated
    numbers = [e.number for e in case_file.events if isinstance(e, Invoice)]
    extra = Payment(id="extra", date=origin + timedelta(days=data.draw(st.integers(0, SPAN))), title="extra",
                    amount=data.draw(amounts),
                    invoices=tuple(data.draw(st.lists(st.sampled_from(numbers), max_size=2, unique=True))))
    as_of = origin + timedelta(days=SPAN + 30)
    before = compute_claims(case_file, as_of, shipped_rates())
    after = compute_claims(CaseFile(case_file.case, (*case_file.events, extra)), as_of, shipped_rates())
    owed_after = {c.event_id: c.outstanding for c in after.invoices}
    for claim in before.invoices:
        assert owed_after[claim.event_id] <= claim.outstanding
    assert _outstanding(after) <= _outstanding(before)


def _outstanding(result) -> int:
    return result.totals.outstanding_undisputed + result.totals.outstanding_disputed


@FAST
@given(cases(), st.data())
def test_the_undisputed_outstanding_never_grows_when_an_invoice_becomes_disputed(generated, data):
    # Disputing an invoice only takes it out of the way of payments that name no invoice: every
    # invoice still undisputed owes as much or less, and the undisputed total loses at least what
    # the newly disputed invoice owed.
    case_file, origin = generated
    undisputed = [e for e in case_file.events if isinstance(e, Invoice) and not e.disputed]
    if not undisputed:
        return
    target = data.draw(st.sampled_from(undisputed))
    as_of = data.draw(later_days(origin))[1]
    flipped = tuple(replace(e, disputed=True) if e is target else e for e in case_file.events)
    before = compute_claims(case_file, as_of, shipped_rates())
    after = compute_claims(CaseFile(case_file.case, flipped), as_of, shipped_rates())
    owed_before = {c.event_id: c.outstanding for c in before.invoices}
    for claim in after.undisputed:
        assert claim.outstanding <= owed_before[claim.event_id]
    assert (after.totals.outstanding_undisputed
            <= before.totals.outstanding_undisputed - owed_before.get(target.id, 0))


@settings(deadline=None, max_examples=120)
@given(cases())
@example((case(Invoice(id="d", date=date(2024, 5, 1), title="F-1", number="F-1", amount_incl_tax=100000,
                       disputed=True),
               Invoice(id="u", date=date(2024, 5, 10), title="F-2", number="F-2", amount_incl_tax=40000),
               Payment(id="p", date=date(2024, 6, 20), title="p", amount=70000)), date(2024, 5, 1)))
def test_a_payment_reaches_a_disputed_invoice_it_does_not_name_only_once_the_undisputed_are_paid(generated):
    # C. civ. art. 1342-10 as decided in claims.md: money a payment does not assign goes to every
    # undisputed invoice before any disputed one.  Replayed up to the moment it was set (the
    # payment's day, up to that payment; or, for a payer's credit, the new invoices' day), no
    # undisputed invoice may still be owed.
    case_file, origin = generated
    as_of = origin + timedelta(days=SPAN + 30)
    result = compute_claims(case_file, as_of, shipped_rates())
    payments = {e.id: (index, e) for index, e in enumerate(case_file.events) if isinstance(e, Payment)}
    for claim in result.disputed:
        for allocation in claim.allocations:
            if allocation.kind != "payment" or claim.number in payments[allocation.event_id][1].invoices:
                continue
            index, paid = payments[allocation.event_id]
            day = allocation.day
            if day == paid.date:
                kept = [e for i, e in enumerate(case_file.events)
                        if e.date < day or (e.date == day and (not isinstance(e, Payment) or i <= index))]
            else:
                kept = [e for e in case_file.events if e.date < day or (e.date == day and isinstance(e, Invoice))]
            then = compute_claims(CaseFile(case_file.case, tuple(kept)), day, shipped_rates())
            assert then.totals.outstanding_undisputed == 0, (claim.number, allocation)


@FAST
@given(cases(), st.data())
def test_totals_are_the_sums_of_the_rounded_lines(generated, data):
    case_file, origin = generated
    as_of = data.draw(later_days(origin))[1]
    result = compute_claims(case_file, as_of, shipped_rates())
    totals = result.totals
    undisputed, disputed = result.undisputed, result.disputed
    assert totals.outstanding_undisputed == sum(c.outstanding for c in undisputed)
    assert totals.outstanding_disputed == sum(c.outstanding for c in disputed)
    assert totals.penalties_undisputed == sum(c.penalties for c in undisputed)
    assert totals.penalties_disputed == sum(c.penalties for c in disputed)
    assert totals.indemnities_undisputed == sum(c.indemnity for c in undisputed)
    assert totals.grand_total == sum(c.total for c in undisputed)
    for claim in result.invoices:
        assert claim.penalties == round_half_up(int(claim.penalties_exact * DENOMINATOR))
        assert claim.amount == claim.credited + claim.paid + claim.outstanding
        # The indemnity follows the invoice's date, not its due date (décret 2012-1115, DGCCRF).
        assert claim.indemnity == (INDEMNITY if claim.days_late > 0 and claim.date >= INDEMNITY_FROM else 0)


@FAST
@given(cases(), st.data())
def test_no_money_is_lost(generated, data):
    case_file, origin = generated
    as_of = data.draw(later_days(origin))[1]
    result = compute_claims(case_file, as_of, shipped_rates())
    given_back = sum(e.amount for e in case_file.events if isinstance(e, Payment) and e.date <= as_of)
    given_back += sum(e.amount_incl_tax for e in case_file.events if isinstance(e, CreditNote) and e.date <= as_of)
    assert sum(c.paid + c.credited for c in result.invoices) + result.totals.credit == given_back


@settings(deadline=None, max_examples=30)
@given(cases(), st.data())
def test_periods_match_a_day_by_day_computation(generated, data):
    # An independent oracle: walk every day, take that day's principal and rate, add it up.
    case_file, origin = generated
    as_of = data.draw(later_days(origin))[1]
    table = shipped_rates()
    contract_rate = case_file.case.contract.late_penalty_rate if case_file.case.contract else None
    result = compute_claims(case_file, as_of, table)
    for claim in result.invoices:
        exact = Fraction(0)
        day = claim.due_date + timedelta(days=1)
        while day <= as_of:
            principal = max(claim.amount, 0) - sum(a.amount for a in claim.allocations if a.day < day)
            rate = table.statutory(day).rate
            floor = 3 * table.legal_rate(HalfYear.of(day)).rate.autres_cas
            if contract_rate is not None and contract_rate >= floor:
                rate = contract_rate
            exact += Fraction(principal) * Fraction(rate) / 36500
            day += timedelta(days=1)
        assert claim.penalties_exact == exact
