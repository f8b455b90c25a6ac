"""What is owed on a date (claims.md): per invoice and in total, with the periods behind it.

Pure: a case file, a date and the rate tables in, a frozen result out.  Events dated after
the as-of date have not happened yet on that date and are left out (``check`` lists them).
Which invoice a payment or credit note reduces is ``claims_allocation``'s rule (a payment naming
no invoice: the undisputed invoices first, C. civ. art. 1342-10); the 40 € indemnity is owed for
invoices dated from 1 January 2013 (see ``INDEMNITY_FROM``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from .claims_allocation import Allocation, UnassignedPayment, allocate
from .claims_penalties import DENOMINATOR, ONE_DAY, PenaltyPeriod, RatePlan, round_half_up
from .claims_terms import due_date
from .contract_claims import ContractClaims, contract_claims
from .model import CaseFile, Invoice
from .money import Cents
from .rates import HalfYear, RateTable

INDEMNITY = Cents(4000)  # D441-5 Code de commerce: 40 € per invoice paid late
# The fixed indemnity was created by loi 2012-387 (22 March 2012) and set at 40 € by décret
# 2012-1115 (2 October 2012), both in force on 1 January 2013.  Following the DGCCRF's published
# reading (decided 2026-12), it is owed only for debts whose payment term began on or after that
# day, that is invoices *dated* from 1 January 2013: an invoice of December 2012 falling due in
# January 2013 owes penalties but no indemnity.
INDEMNITY_FROM = date(2013, 1, 1)


@dataclass(frozen=True)
class InvoiceClaim:
    event_id: str
    number: str
    date: dt.date
    due_date: dt.date
    amount: Cents
    credited: Cents
    paid: Cents
    outstanding: Cents
    days_late: int  # up to the as-of date, or to the day it was settled
    penalties: Cents  # rounded once, half up, from the exact sum of the periods
    indemnity: Cents
    disputed: bool
    periods: tuple[PenaltyPeriod, ...]
    allocations: tuple[Allocation, ...]
    settled_on: dt.date | None  # the day the last of its principal was paid or credited
    dispute_reason: str | None = None

    @property
    def penalties_exact(self) -> Fraction:
        return Fraction(sum(p.numerator for p in self.periods), DENOMINATOR)

    @property
    def total(self) -> Cents:
        return Cents(self.outstanding + self.penalties + self.indemnity)


@dataclass(frozen=True)
class Totals:
    outstanding_undisputed: Cents
    outstanding_disputed: Cents
    penalties_undisputed: Cents
    penalties_disputed: Cents
    indemnities_undisputed: Cents
    indemnities_disputed: Cents
    credit: Cents  # paid or credited beyond every invoice so far: owed back to the debtor

    @property
    def grand_total(self) -> Cents:
        """What can be claimed: only what is not seriously disputed (a référé provision)."""
        return Cents(self.outstanding_undisputed + self.penalties_undisputed + self.indemnities_undisputed)


@dataclass(frozen=True)
class ClaimsResult:
    case_title: str
    our_role: str
    as_of: date
    contract_rate: Decimal | None
    invoices: tuple[InvoiceClaim, ...]
    totals: Totals
    unknown_rate_half_years: tuple[HalfYear, ...]  # penalties there used the last known rate
    floor_half_years: tuple[HalfYear, ...]  # contract rate under 3× the legal rate: statutory used
    # Payments (or parts of payments) that named no invoice, and where the rule set them.
    unassigned_payments: tuple[UnassignedPayment, ...] = ()
    # One of them was set while a disputed invoice was unpaid (or a payer's credit reached one):
    # the rule skipped the disputed invoices first, and the explanation says so.
    unassigned_met_disputed: bool = False
    # What the other side owes under the contract's own clauses, whatever our role (claims.md,
    # added 2026-12): apart from the invoices' figures, never added to their totals.
    contract: ContractClaims = ContractClaims()

    @property
    def undisputed(self) -> tuple[InvoiceClaim, ...]:
        return tuple(c for c in self.invoices if not c.disputed)

    @property
    def disputed(self) -> tuple[InvoiceClaim, ...]:
        return tuple(c for c in self.invoices if c.disputed)


def compute_claims(case_file: CaseFile, as_of: date, rates: RateTable) -> ClaimsResult:
    contract = case_file.case.contract
    invoices = [e for e in case_file.events if isinstance(e, Invoice)]
    dues = {i.id: due_date(i, contract) for i in invoices}
    ledger = allocate(case_file.events, dues, as_of)
    plan = RatePlan(rates, contract.late_penalty_rate if contract else None)
    entries = sorted(ledger.open.values(), key=lambda entry: entry.order)
    claims = [_claim(entry.invoice, entry.due, entry.outstanding, tuple(entry.allocations), as_of, plan)
              for entry in entries]
    periods = [p for c in claims for p in c.periods]
    return ClaimsResult(
        case_title=case_file.case.title,
        our_role=case_file.case.our_role,
        as_of=as_of,
        contract_rate=plan.contract_rate,
        invoices=tuple(claims),
        totals=_totals(claims, ledger.credit_left),
        unknown_rate_half_years=tuple(sorted({p.half_year for p in periods if not p.source.known})),
        floor_half_years=tuple(sorted({p.half_year for p in periods if p.source.kind == "statutory_floor"})),
        unassigned_payments=tuple(ledger.unassigned),
        unassigned_met_disputed=ledger.met_disputed,
        contract=contract_claims(case_file, as_of),
    )


def _claim(invoice: Invoice, due: date, outstanding: Cents, allocations: tuple[Allocation, ...],
           as_of: date, plan: RatePlan) -> InvoiceClaim:
    periods = _periods(max(invoice.amount_incl_tax, Cents(0)), allocations, due, as_of, plan)
    settled_on = allocations[-1].day if outstanding == 0 and allocations else None
    end = as_of if outstanding > 0 else settled_on
    days_late = max(0, (end - due).days) if end else 0
    return InvoiceClaim(
        event_id=invoice.id,
        number=invoice.number,
        date=invoice.date,
        due_date=due,
        amount=invoice.amount_incl_tax,
        credited=Cents(sum(a.amount for a in allocations if a.kind == "credit_note")),
        paid=Cents(sum(a.amount for a in allocations if a.kind == "payment")),
        outstanding=outstanding,
        days_late=days_late,
        penalties=Cents(round_half_up(sum(p.numerator for p in periods))),
        indemnity=INDEMNITY if days_late > 0 and invoice.date >= INDEMNITY_FROM else Cents(0),
        disputed=invoice.disputed,
        periods=tuple(periods),
        allocations=allocations,
        settled_on=settled_on,
        dispute_reason=invoice.dispute_reason,
    )


def _periods(principal: Cents, allocations: tuple[Allocation, ...], due: date, as_of: date,
             plan: RatePlan) -> list[PenaltyPeriod]:
    # A reduction on day D still leaves that day's penalty on the old principal (penalties run
    # "until the day of payment"), so it counts from D + 1.
    out: list[PenaltyPeriod] = []
    cursor = due + ONE_DAY
    for allocation in allocations:
        effective = allocation.day + ONE_DAY
        if effective > cursor:
            if principal > 0:
                out += plan.periods(cursor, min(effective - ONE_DAY, as_of), principal)
            cursor = effective
        principal = Cents(principal - allocation.amount)
    if principal > 0 and cursor <= as_of:
        out += plan.periods(cursor, as_of, principal)
    return out


def _totals(claims: list[InvoiceClaim], credit: Cents) -> Totals:
    undisputed = [c for c in claims if not c.disputed]
    disputed = [c for c in claims if c.disputed]
    return Totals(
        outstanding_undisputed=Cents(sum(c.outstanding for c in undisputed)),
        outstanding_disputed=Cents(sum(c.outstanding for c in disputed)),
        penalties_undisputed=Cents(sum(c.penalties for c in undisputed)),
        penalties_disputed=Cents(sum(c.penalties for c in disputed)),
        indemnities_undisputed=Cents(sum(c.indemnity for c in undisputed)),
        indemnities_disputed=Cents(sum(c.indemnity for c in disputed)),
        credit=credit,
    )
