"""What the other side owes us under the contract: flat penalties, penalties per day, service credits.

Pure domain code (claims.md, "What the other side owes us under the contract", added 2026-12):
the case's contract clauses and its events in, one line per clause (or per month of service
credits) out, each with its dates and its arithmetic, in integer cents rounded once per line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import cache
from zoneinfo import ZoneInfo

from .claims_penalties import round_half_up
from .model import (
    CaseFile,
    CreditStep,
    Event,
    Outage,
    PenaltyClause,
    RegisteredLetter,
    ServiceLevel,
)
from .money import Cents
from .notices import notice_deadline


@dataclass(frozen=True)
class ContractLine:
    """One clause's sum on the as-of date (or one month's service credit)."""

    kind: str  # "flat" | "per_day" | "sla"
    purpose: str  # the clause's "for"; for a service credit, the services counted
    amount: Cents
    event_id: str | None = None  # flat: the breach; per_day: the event it runs from
    until_event_id: str | None = None  # per_day: the event that stopped it, when it has
    start: date | None = None  # per_day: the first day counted
    end: date | None = None  # per_day: the last day counted
    days: int = 0  # per_day: days counted
    per_day: Cents | None = None  # per_day: the clause's amount per day
    cap: Cents | None = None
    capped: bool = False  # per_day: the cap cut the sum
    running: bool = False  # per_day: still running on the as-of date (no until event yet)
    month: date | None = None  # sla: the month's first day
    downtime_seconds: int = 0  # sla: the union of the counted outages in the month
    month_seconds: int = 0  # sla: the month's whole length (elapsed, Europe/Paris)
    availability: Decimal | None = None  # sla: percent, as computed (not rounded)
    percent: Decimal | None = None  # sla: the credit's percent of the fee (None: no credit)
    fee: Cents | None = None  # sla: the monthly fee
    event_date: date | None = None  # flat: the breach's date; per_day: the from_event's date
    deadline: date | None = None  # per_day: the formal notice's deadline it runs after (None: from the event's date)
    gross: Cents | None = None  # per_day: amount × days, before the cap
    below: Decimal | None = None  # sla: the threshold the month's availability is under (None: no credit)
    outage_ids: tuple[str, ...] = ()  # sla: the outages counted in the month
    ongoing_ids: tuple[str, ...] = ()  # sla: those with no end, counted up to the end of the as-of day
    clause: int | None = None  # flat, per_day: the clause's place in ``contract.penalties``


@dataclass(frozen=True)
class ContractClaims:
    lines: tuple[ContractLine, ...] = ()

    @property
    def total(self) -> Cents:
        return Cents(sum(line.amount for line in self.lines))


_MICRO = timedelta(microseconds=1)


@cache
def paris() -> ZoneInfo:
    """Europe/Paris: instants without an offset are read in French time (claims.md).

    The system's time zone database, else the ``tzdata`` package's (a dependency): read when first
    needed, so that a machine without either fails on a service credit, not on starting."""
    return ZoneInfo("Europe/Paris")


def contract_claims(case_file: CaseFile, as_of: date) -> ContractClaims:
    """The contract's clauses of ``case_file`` computed on ``as_of`` (claims.md)."""
    contract = case_file.case.contract
    if contract is None or (not contract.penalties and contract.sla is None):
        return ContractClaims()
    lines: list[ContractLine] = []
    for index, clause in enumerate(contract.penalties):
        line = _flat(case_file, clause, as_of) if clause.kind == "flat" else _per_day(case_file, clause, as_of)
        if line is not None:
            lines.append(replace(line, clause=index))
    if contract.sla is not None:
        lines.extend(service_credits(case_file, contract.sla, as_of))
    return ContractClaims(tuple(lines))


# --- penalties --------------------------------------------------------------------------

def _flat(case_file: CaseFile, clause: PenaltyClause, as_of: date) -> ContractLine | None:
    """The amount, once, when the breach is dated on or before the as-of date."""
    event = case_file.event(clause.event) if clause.event else None
    if event is None or event.date > as_of:
        return None
    return ContractLine("flat", clause.purpose, clause.amount, event_id=event.id, event_date=event.date)


def start_day(event: Event) -> tuple[date, date | None]:
    """The day a per-day penalty runs from (the day after it is the first counted), and the formal
    notice's deadline when that is what it is: counted as ``check`` counts it (``notices.py``)."""
    if isinstance(event, RegisteredLetter) and event.formal_notice:
        deadline = notice_deadline(event)
        if deadline is not None:
            return deadline, deadline
    return event.date, None


def _per_day(case_file: CaseFile, clause: PenaltyClause, as_of: date) -> ContractLine | None:
    """Amount × the days from the day after the start day to the end day, both counted, up to the cap."""
    event = case_file.event(clause.from_event) if clause.from_event else None
    if event is None:
        return None
    start, deadline = start_day(event)
    until = case_file.event(clause.until_event) if clause.until_event else None
    stopped = until is not None and until.date <= as_of
    end = until.date if until is not None and stopped else as_of
    days = (end - start).days
    if days < 1:
        return None
    amount = clause.amount * days
    capped = clause.cap is not None and amount > clause.cap
    return ContractLine(
        "per_day", clause.purpose, Cents(clause.cap if capped and clause.cap is not None else amount),
        event_id=event.id, until_event_id=until.id if until is not None and stopped else None,
        start=start + timedelta(days=1), end=end, days=days, per_day=clause.amount, cap=clause.cap,
        capped=capped, running=not stopped, event_date=event.date, deadline=deadline,
        gross=Cents(amount))


# --- service credits --------------------------------------------------------------------

def instant(moment: datetime) -> datetime:
    """``moment`` in UTC: read in Europe/Paris time when it carries no offset."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=paris())
    return moment.astimezone(UTC)


def _midnight(day: date) -> datetime:
    """The start of ``day`` in Paris, in UTC."""
    return datetime(day.year, day.month, day.day, tzinfo=paris()).astimezone(UTC)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def counted(outage: Outage, sla: ServiceLevel) -> bool:
    """Whether the service level counts ``outage``: total (or scope not given), of a listed service."""
    if outage.scope not in (None, "total"):
        return False
    if not sla.services:
        return True
    listed = {_service_key(s) for s in sla.services}
    return any(_service_key(s) in listed for s in outage.services)


def _service_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def counted_outages(case_file: CaseFile, sla: ServiceLevel, as_of: date) -> list[tuple[Outage, datetime, datetime]]:
    """The outages the service level counts, each as a UTC span clipped to the end of the as-of day
    (one with no end runs to there); none that starts after it, none that ends before it starts."""
    limit = _midnight(as_of + timedelta(days=1))
    spans = []
    for event in case_file.events:
        if not isinstance(event, Outage) or not counted(event, sla):
            continue
        begin = instant(event.start)
        finish = min(instant(event.end), limit) if event.end is not None else limit
        if begin < finish:
            spans.append((event, begin, finish))
    return sorted(spans, key=lambda s: (s[1], s[2]))


def _union(spans: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    merged: list[tuple[datetime, datetime]] = []
    for begin, finish in sorted(spans):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], finish))
        else:
            merged.append((begin, finish))
    return merged


def credit_step(availability: Fraction, sla: ServiceLevel) -> CreditStep | None:
    """The lowest threshold the availability (percent) is strictly under, or None."""
    under = [s for s in sla.credits if availability < Fraction(s.below)]
    return min(under, key=lambda s: s.below) if under else None


def service_credits(case_file: CaseFile, sla: ServiceLevel, as_of: date) -> list[ContractLine]:
    """One line per month from the first counted outage's month to the as-of date's month that has
    counted downtime: its availability in elapsed time and its credit (0 when no threshold is reached)."""
    spans = counted_outages(case_file, sla, as_of)
    if not spans:
        return []
    merged = _union([(begin, finish) for _, begin, finish in spans])
    first = spans[0][1].astimezone(paris()).date().replace(day=1)
    lines = []
    month = first
    while month <= as_of:
        low, high = _midnight(month), _midnight(_next_month(month))
        downtime = sum((min(f, high) - max(b, low) for b, f in merged if b < high and f > low), timedelta())
        if downtime > timedelta():
            length = high - low
            availability = 100 * (1 - Fraction(downtime // _MICRO, length // _MICRO))
            step = credit_step(availability, sla)
            credit = Fraction(sla.monthly_fee) * Fraction(step.percent) / 100 if step is not None else Fraction(0)
            outages = [o for o, b, f in spans if b < high and f > low]
            services = sla.services or tuple(sorted({s for o in outages for s in o.services}))
            lines.append(ContractLine(
                "sla", ", ".join(services), Cents(round_half_up(credit.numerator, credit.denominator)),
                month=month, downtime_seconds=int(downtime.total_seconds()),
                month_seconds=int(length.total_seconds()),
                availability=Decimal(availability.numerator) / Decimal(availability.denominator),
                percent=step.percent if step is not None else None, fee=sla.monthly_fee,
                below=step.below if step is not None else None,
                outage_ids=tuple(o.id for o in outages), ongoing_ids=tuple(o.id for o in outages if o.end is None)))
        month = _next_month(month)
    return lines
