"""What the other side owes us under the contract: flat penalties, penalties per day, service credits.

Pure domain code (claims.md, "What the other side owes us under the contract", added 2026-12):
the case's contract clauses and its events in, one line per clause (or per month of service
credits) out, each with its dates and its arithmetic, in integer cents rounded once per line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .model import CaseFile
from .money import Cents


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


@dataclass(frozen=True)
class ContractClaims:
    lines: tuple[ContractLine, ...] = ()

    @property
    def total(self) -> Cents:
        return Cents(sum(line.amount for line in self.lines))


def contract_claims(case_file: CaseFile, as_of: date) -> ContractClaims:
    """The contract's clauses of ``case_file`` computed on ``as_of`` (claims.md)."""
    contract = case_file.case.contract
    if contract is None or (not contract.penalties and contract.sla is None):
        return ContractClaims()
    raise NotImplementedError("contract claims: being written")
