"""The allocation of payments as it was before issue 19, frozen, to compare the new rule against.

Before issue 19 a payment that named no invoice went to the invoice that fell due first, disputed
or not.  This copy of that code also says whether such a payment ever "met" a disputed invoice:
its unassigned part was set while a disputed invoice was still unpaid, or a credit left by a
payment was set against a disputed invoice on the day it was issued.  Where that never happens,
the new rule must give exactly the same figures and the same ``claims --json`` (issue 19).
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from unittest import mock

from dossier_app.domain import claims as claims_module
from dossier_app.domain.claims_allocation import Allocation, natural_key
from dossier_app.domain.model import CaseFile, CreditNote, Event, Invoice, Payment

_PHASE = {Invoice: 0, CreditNote: 1, Payment: 2}


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
    order: tuple
    allocations: list[Allocation] = field(default_factory=list)


class OldLedger:
    def __init__(self, due_dates: Mapping[str, date]) -> None:
        self.due_dates = due_dates
        self.open: dict[str, _Open] = {}
        self.by_number: dict[str, str] = {}
        self._by_due: list = []
        self._by_age: list = []
        self._seq = 0
        self.credit: deque[_Credit] = deque()
        self.met_disputed = False
        self.unassigned: list = []  # what the new ledger reports; nothing here

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
            if origin.kind == "payment" and invoice.disputed:
                self.met_disputed = True
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
        if kind == "payment" and left > 0 and any(
                e.invoice.disputed and e.outstanding > 0 for e in self.open.values()):
            self.met_disputed = True
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


def old_allocate(events: Iterable[Event], due_dates: Mapping[str, date], as_of: date) -> OldLedger:
    relevant = [(e.date, _PHASE[type(e)], index, e) for index, e in enumerate(events)
                if type(e) in _PHASE and e.date <= as_of]
    relevant.sort(key=lambda item: item[:3])
    ledger = OldLedger(due_dates)
    for _, _, _, event in relevant:
        if isinstance(event, Invoice):
            ledger.issue(event)
        else:
            ledger.reduce(event)  # type: ignore[arg-type]
    return ledger


def meets_disputed(case_file: CaseFile, as_of: date) -> bool:
    """Whether, up to ``as_of``, a payment that named no invoice (or the part of one that its
    invoices did not take) met a disputed invoice still unpaid."""
    from dossier_app.domain.claims_terms import due_date

    contract = case_file.case.contract
    dues = {e.id: due_date(e, contract) for e in case_file.events if isinstance(e, Invoice)}
    return old_allocate(case_file.events, dues, as_of).met_disputed


@contextmanager
def old_rule():
    """``compute_claims`` with the allocation of before issue 19."""
    with mock.patch.object(claims_module, "allocate", old_allocate):
        yield
