"""The case list says what each case leaves unpaid, and follows a payment added, undone, or made elsewhere."""

from __future__ import annotations

from datetime import date

from dossier_app.domain.model import Payment
from dossier_app.services import events
from dossier_app.ui.undo_commands import AddEvent


def _unpaid(window, case_id: int):
    return next(line.outstanding_cents for line in window.cases.model.lines if line.id == case_id)


def test_the_unpaid_amount_follows_a_payment_its_undo_and_a_change_from_the_command(qtbot, open_window, store,
                                                                                    small_case):
    window = open_window()
    qtbot.waitUntil(lambda: not window.busy() and _unpaid(window, small_case) is not None, timeout=10000)
    before = _unpaid(window, small_case)
    assert before > 0
    payment = Payment(id="p9", date=date(2024, 5, 1), title="Virement", amount=10000, invoices=("2024-003",))
    events.add_event_object(store, small_case, payment)
    window.undo.push(AddEvent(window.case_ref(), payment))
    qtbot.waitUntil(lambda: _unpaid(window, small_case) == before - 10000, timeout=10000)
    window.undo.undo()
    qtbot.waitUntil(lambda: _unpaid(window, small_case) == before, timeout=10000)
    # Another program (the command) pays part of it: the list sees it at the next change of this window.
    other = Payment(id="p10", date=date(2024, 5, 2), title="Chèque", amount=5000, invoices=("2024-003",))
    events.add_event_object(store, small_case, other)
    window.cases.update_outstanding()
    qtbot.waitUntil(lambda: _unpaid(window, small_case) == before - 5000, timeout=10000)
