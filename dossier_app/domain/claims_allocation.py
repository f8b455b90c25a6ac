"""Setting payments and credit notes against invoices, in the order things happened.

Rules (claims.md, "What reduces an invoice"):

- A credit note reduces the invoice it names, else the oldest unpaid invoice first (by issue
  date, then number), disputed or not.
- A payment settles the invoices it lists, in that order.  What it does not assign (it lists no
  invoice, or its invoices need less) settles first the undisputed invoices, the one that fell due
  first first (ties: the lower number), then the disputed ones in the same order (decided 2026-12):
  without the debtor's indication a payment goes to the debts the debtor had most interest to pay
  (C. civ. art. 1342-10), and a contested invoice is not one of them.  So the undisputed claim a
  référé judge is asked to grant is never made larger by a payment naming no invoice.
- What no invoice needs is a credit of the debtor, set against the next invoices on the day they
  are issued (a payer's credit to the undisputed ones of that day first, as above): money is never
  lost, and the claim is never overstated.
"""

from __future__ import annotations

import heapq
import re
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from .model import CreditNote, Event, Invoice, Payment
from .money import Cents

# Same-day order: an invoice exists before anything can reduce it, and credit notes come
# before payments so that a payment is never spent on an amount the creditor withdrew that day.
_PHASE = {Invoice: 0, CreditNote: 1, Payment: 2}

_Key = tuple[tuple[int, int | str], ...]
_DueItem = tuple[bool, date, _Key, int, str]  # disputed?, due date, number, sequence, invoice id
_AgeItem = tuple[date, _Key, int, str]  # issue date, number, sequence, invoice id
_Item = TypeVar("_Item", _DueItem, _AgeItem)


@dataclass(frozen=True)
class Allocation:
    """Part of a payment or credit note set against one invoice, effective from the next day."""

    event_id: str
    kind: str  # "payment" | "credit_note"
    day: date
    amount: Cents


@dataclass(frozen=True)
class UnassignedPayment:
    """A payment that named no invoice, or the part of one its invoices did not need, on its day:
    which invoices the rule of art. 1342-10 set it against, and what was left as a credit."""

    event_id: str
    day: date
    amount: Cents  # the part no named invoice took: the whole payment when it named none
    settled: tuple[tuple[str, Cents], ...]  # (invoice event id, amount), in the order the rule took them
    credit: Cents  # what no invoice needed that day: a credit of the payer
    disputed_unpaid: bool  # a disputed invoice was still unpaid when it was set
    paid: Cents = Cents(0)  # the whole payment
    named: bool = False  # it named invoices, which did not need all of it


@dataclass
class _Credit:
    event_id: str
    kind: str
    amount: Cents


@dataclass
class _Open:
    invoice: Invoice
    due: date
    outstanding: Cents
    order: tuple[date, _Key]  # issue date, then number
    allocations: list[Allocation] = field(default_factory=list)


def natural_key(number: str) -> _Key:
    """"F-9" before "F-10": invoice numbers compare by their digits as numbers."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", number) if part)


class Ledger:
    def __init__(self, due_dates: Mapping[str, date]) -> None:
        self.due_dates = due_dates
        self.open: dict[str, _Open] = {}
        self.by_number: dict[str, str] = {}
        # Payments: undisputed before disputed, then by due date, then number (art. 1342-10).
        self._by_due: list[_DueItem] = []
        # Credit notes: the oldest first, disputed or not.
        self._by_age: list[_AgeItem] = []
        self._seq = 0
        self.credit: deque[_Credit] = deque()
        self._disputed_unpaid = Cents(0)  # what the disputed invoices still owe, all together
        self.unassigned: list[UnassignedPayment] = []
        # A payment's unassigned part was set while a disputed invoice was unpaid, or a payer's
        # credit reached a disputed invoice: where the decided rule can differ from "due first".
        self.met_disputed = False

    @property
    def credit_left(self) -> Cents:
        return Cents(sum(c.amount for c in self.credit))

    def issue(self, invoices: list[Invoice]) -> None:
        """Record the invoices of one day, then set what the debtor has in credit against them."""
        batch = []
        for invoice in invoices:
            key = natural_key(invoice.number)
            entry = _Open(invoice, self.due_dates[invoice.id], max(invoice.amount_incl_tax, Cents(0)), (invoice.date, key))
            self.open[invoice.id] = entry
            self.by_number.setdefault(invoice.number, invoice.id)
            self._seq += 1
            heapq.heappush(self._by_due, (invoice.disputed, entry.due, key, self._seq, invoice.id))
            heapq.heappush(self._by_age, (invoice.date, key, self._seq, invoice.id))
            if invoice.disputed:
                self._disputed_unpaid = Cents(self._disputed_unpaid + entry.outstanding)
            batch.append(entry)
        # A payer's credit goes to that day's undisputed invoices first; a credit note's, as listed.
        undisputed_first = sorted(batch, key=lambda entry: entry.invoice.disputed)
        while self.credit:
            origin = self.credit[0]
            for entry in undisputed_first if origin.kind == "payment" else batch:
                if origin.amount == 0:
                    break
                taken = self._take(entry, origin.event_id, origin.kind, entry.invoice.date, origin.amount)
                if taken and origin.kind == "payment" and entry.invoice.disputed:
                    self.met_disputed = True
                origin.amount = Cents(origin.amount - taken)
            if origin.amount > 0:
                return
            self.credit.popleft()

    def reduce(self, event: Payment | CreditNote) -> None:
        kind = "payment" if isinstance(event, Payment) else "credit_note"
        left = max(event.amount if isinstance(event, Payment) else event.amount_incl_tax, Cents(0))
        named = event.invoices if isinstance(event, Payment) else ((event.invoice,) if event.invoice else ())
        for number in named:
            invoice_id = self.by_number.get(number)
            if invoice_id is not None and left > 0:
                left = Cents(left - self._take(self.open[invoice_id], event.id, kind, event.date, left))
        if isinstance(event, Payment):
            left = self._default_payment(event, left)
        else:
            left = self._spend(self._by_age, event.id, kind, event.date, left)
        if left > 0:
            self.credit.append(_Credit(event.id, kind, left))

    def _default_payment(self, event: Payment, amount: Cents) -> Cents:
        if amount <= 0:
            return Cents(0)
        disputed_unpaid = self._disputed_unpaid > 0
        self.met_disputed = self.met_disputed or disputed_unpaid
        settled: list[tuple[str, Cents]] = []
        left = self._spend(self._by_due, event.id, "payment", event.date, amount, settled)
        self.unassigned.append(UnassignedPayment(event.id, event.date, amount, tuple(settled), left, disputed_unpaid,
                                                 paid=event.amount, named=bool(event.invoices)))
        return left

    def _spend(self, queue: list[_Item], event_id: str, kind: str, day: date, left: Cents,
               settled: list[tuple[str, Cents]] | None = None) -> Cents:
        while left > 0 and queue:
            invoice_id = queue[0][-1]
            entry = self.open[invoice_id]
            if entry.outstanding == 0:
                heapq.heappop(queue)
                continue
            taken = self._take(entry, event_id, kind, day, left)
            left = Cents(left - taken)
            if settled is not None:
                settled.append((invoice_id, taken))
        return left

    def _take(self, entry: _Open, event_id: str, kind: str, day: date, available: Cents) -> Cents:
        taken = min(available, entry.outstanding)
        if taken > 0:
            entry.outstanding = Cents(entry.outstanding - taken)
            entry.allocations.append(Allocation(event_id, kind, day, taken))
            if entry.invoice.disputed:
                self._disputed_unpaid = Cents(self._disputed_unpaid - taken)
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
    day_invoices: list[Invoice] = []
    for position, (day, _, _, event) in enumerate(relevant):
        if isinstance(event, Invoice):
            day_invoices.append(event)
            following = relevant[position + 1] if position + 1 < len(relevant) else None
            if following is None or following[0] != day or not isinstance(following[3], Invoice):
                ledger.issue(day_invoices)
                day_invoices = []
        else:
            ledger.reduce(event)  # type: ignore[arg-type]
    return ledger
