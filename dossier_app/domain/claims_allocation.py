"""Setting payments and credit notes against invoices, in the order things happened.

Rules (claims.md): a credit note reduces the invoice it names, else the oldest unpaid
invoice first; a payment settles the invoices it lists in that order, else the invoice that
fell due first (ties: the lower number).  What a named invoice does not need falls through to
the default rule, and what no invoice needs is a credit of the debtor, set against the next
invoice on the day it is issued: money is never lost, and the claim is never overstated.
"""

from __future__ import annotations

import heapq
import re
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from .model import CreditNote, Event, Invoice, Payment

# Same-day order: an invoice exists before anything can reduce it, and credit notes come
# before payments so that a payment is never spent on an amount the creditor withdrew that day.
_PHASE = {Invoice: 0, CreditNote: 1, Payment: 2}


@dataclass(frozen=True)
class Allocation:
    """Part of a payment or credit note set against one invoice, effective from the next day."""

    event_id: str
    kind: str  # "payment" | "credit_note"
    day: date
    amount: int


@dataclass
class _Credit:
    event_id: str
    kind: str
    amount: int


@dataclass
class _Open:
    invoice: Invoice
    due: date
    outstanding: int
    order: tuple[date, tuple[tuple[int, int | str], ...]]  # issue date, then number
    allocations: list[Allocation] = field(default_factory=list)


def natural_key(number: str) -> tuple[tuple[int, int | str], ...]:
    """"F-9" before "F-10": invoice numbers compare by their digits as numbers."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", number) if part)


class Ledger:
    def __init__(self, due_dates: Mapping[str, date]) -> None:
        self.due_dates = due_dates
        self.open: dict[str, _Open] = {}
        self.by_number: dict[str, str] = {}
        self._by_due: list[tuple[date, tuple[tuple[int, int | str], ...], int, str]] = []
        self._by_age: list[tuple[date, tuple[tuple[int, int | str], ...], int, str]] = []
        self._seq = 0
        self.credit: deque[_Credit] = deque()

    @property
    def credit_left(self) -> int:
        return sum(c.amount for c in self.credit)

    def issue(self, invoice: Invoice) -> None:
        key = natural_key(invoice.number)
        entry = _Open(invoice, self.due_dates[invoice.id], max(invoice.amount_incl_tax, 0), (invoice.date, key))
        self.open[invoice.id] = entry
        self.by_number.setdefault(invoice.number, invoice.id)
        self._seq += 1
        heapq.heappush(self._by_due, (entry.due, key, self._seq, invoice.id))
        heapq.heappush(self._by_age, (invoice.date, key, self._seq, invoice.id))
        while self.credit and entry.outstanding > 0:
            origin = self.credit[0]
            origin.amount -= self._take(entry, origin.event_id, origin.kind, invoice.date, origin.amount)
            if origin.amount == 0:
                self.credit.popleft()

    def reduce(self, event: Payment | CreditNote) -> None:
        kind = "payment" if isinstance(event, Payment) else "credit_note"
        left = max(event.amount if isinstance(event, Payment) else event.amount_incl_tax, 0)
        named = event.invoices if isinstance(event, Payment) else ((event.invoice,) if event.invoice else ())
        for number in named:
            invoice_id = self.by_number.get(number)
            if invoice_id is not None and left > 0:
                left -= self._take(self.open[invoice_id], event.id, kind, event.date, left)
        queue = self._by_due if kind == "payment" else self._by_age
        while left > 0 and queue:
            invoice_id = queue[0][3]
            entry = self.open[invoice_id]
            if entry.outstanding == 0:
                heapq.heappop(queue)
                continue
            left -= self._take(entry, event.id, kind, event.date, left)
        if left > 0:
            self.credit.append(_Credit(event.id, kind, left))

    @staticmethod
    def _take(entry: _Open, event_id: str, kind: str, day: date, available: int) -> int:
        taken = min(available, entry.outstanding)
        if taken > 0:
            entry.outstanding -= taken
            entry.allocations.append(Allocation(event_id, kind, day, taken))
        return taken


def allocate(events: Iterable[Event], due_dates: Mapping[str, date], as_of: date) -> Ledger:
    """Replay invoices, credit notes and payments dated up to ``as_of``."""
    relevant = [
        (e.date, _PHASE[type(e)], index, e)
        for index, e in enumerate(events)
        if type(e) in _PHASE and e.date <= as_of
    ]
    relevant.sort(key=lambda item: item[:3])
    ledger = Ledger(due_dates)
    for _, _, _, event in relevant:
        if isinstance(event, Invoice):
            ledger.issue(event)
        else:
            ledger.reduce(event)  # type: ignore[arg-type]
    return ledger
