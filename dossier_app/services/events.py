"""Adding, changing and removing timeline events, and linking them to exhibits."""

from __future__ import annotations

import re
from typing import Any

from ..domain.codec import Collector, decode_event, invoice_reference_problems
from ..domain.errors import Problem, ProblemsError, UserError
from ..domain.model import (
    CreditNote,
    Event,
    Invoice,
    Payment,
    Reminder,
)
from ..i18n import _
from ..store import Store
from ..store import repository as repo
from .exhibits import no_event
from .store_access import writing


def next_event_id(existing: set[str], kind: str) -> str:
    prefix = re.sub(r"[^a-z]", "", kind)[:3] or "ev"
    n = 1
    while f"{prefix}-{n}" in existing:
        n += 1
    return f"{prefix}-{n}"


def decode_new_event(store: Store, case_id: int, data: Any, *, replacing: str | None = None) -> Event:
    """Validate one event object against the case it goes into; every problem at once."""
    existing = repo.event_refs(store, case_id)
    if isinstance(data, dict) and "id" not in data:
        data = {"id": next_event_id(existing, str(data.get("kind", ""))), **data}
    collector = Collector()
    event = decode_event(collector, "", data)
    problems = list(collector.problems)
    if event is not None:
        if event.id in existing and event.id != replacing:
            problems.append(Problem("id", _("l'identifiant « {id} » est déjà pris dans cette affaire").format(id=event.id)))
        others = [e for e in repo.read_events(store, case_id) if e.id != replacing]
        for index, problem in invoice_reference_problems([*others, event]):
            if index == len(others):
                problems.append(Problem(problem.path.lstrip("."), problem.message))
    if problems or event is None:
        raise ProblemsError(problems, _("L'événement n'a pas été enregistré :"))
    return event


def add_event(store: Store, case_id: int, data: Any) -> str:
    with writing(store):
        event = decode_new_event(store, case_id, data)
        repo.insert_events(store, case_id, [event])
    return event.id


def add_event_object(store: Store, case_id: int, event: Event) -> None:
    """For the window, which builds a domain ``Event`` itself: the same checks as ``add_event``."""
    from ..domain.codec import encode_event

    add_event(store, case_id, encode_event(event))


def replace_event(store: Store, case_id: int, old_id: str, event: Event) -> None:
    from ..domain.codec import encode_event

    with writing(store):
        if not repo.event_exists(store, case_id, old_id):
            raise UserError(no_event(old_id))
        checked = decode_new_event(store, case_id, encode_event(event), replacing=old_id)
        events = repo.read_events(store, case_id)
        old = next(e for e in events if e.id == old_id)
        if isinstance(old, Invoice) and getattr(checked, "number", None) != old.number:
            _refuse_if_cited(events, old_id)
        repo.replace_event(store, case_id, old_id, checked)


def remove_event(store: Store, case_id: int, event_id: str) -> None:
    with writing(store):
        events = repo.read_events(store, case_id)
        _refuse_if_cited(events, event_id)
        if not repo.delete_event(store, case_id, event_id):
            raise UserError(no_event(event_id))


def _refuse_if_cited(events: list[Event], event_id: str) -> None:
    """An invoice that payments, credit notes or reminders name cannot go: they would dangle,
    the claims would shift onto other invoices, and the case would no longer load from its dump."""
    gone = next((e for e in events if e.id == event_id), None)
    if not isinstance(gone, Invoice):
        return
    citing = [e for e in events if e.id != event_id and gone.number in _invoices_named(e)]
    if citing:
        names = ", ".join(f"« {e.title} » ({e.id})" for e in citing[:3]) + (" …" if len(citing) > 3 else "")
        raise UserError(_("La facture n° {number} est citée par {names} : retirez d'abord ces mentions ou ces événements.").format(number=gone.number, names=names))


def _invoices_named(event: Event) -> tuple[str, ...]:
    if isinstance(event, Payment | Reminder):
        return event.invoices
    if isinstance(event, CreditNote) and event.invoice:
        return (event.invoice,)
    return ()


