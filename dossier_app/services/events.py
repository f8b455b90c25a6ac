"""Adding, changing and removing timeline events, and linking them to exhibits."""

from __future__ import annotations

import re
from typing import Any

from ..domain.codec import Collector, decode_event, invoice_reference_problems
from ..domain.errors import Problem, ProblemsError, UserError
from ..domain.model import Event, Invoice
from ..i18n import _
from ..store import Store
from ..store import repository as repo
from .exhibits import no_event
from .store_access import writing


def event_id_prefix(kind: str) -> str:
    """What a new event's id starts with: ``inv`` for an invoice (``inv-3``)."""
    return re.sub(r"[^a-z]", "", kind)[:3] or "ev"


def decode_new_event(store: Store, case_id: int, data: Any, *, replacing: str | None = None) -> Event:
    """Validate one event object against the case it goes into; every problem at once.

    The case is asked, through its indexes, only what this event touches (its id, its invoice
    number, the numbers it names): the rule is ``invoice_reference_problems``'s for a whole file.
    """
    if isinstance(data, dict) and "id" not in data:
        data = {"id": repo.next_free_ref(store, case_id, event_id_prefix(str(data.get("kind", "")))), **data}
    collector = Collector()
    event = decode_event(collector, "", data)
    problems = list(collector.problems)
    if event is not None:
        if event.id != replacing and repo.event_exists(store, case_id, event.id):
            problems.append(Problem("id", _("l'identifiant « {id} » est déjà pris dans cette affaire").format(id=event.id)))
        problems.extend(_invoice_problems(store, case_id, event, replacing))
    if problems or event is None:
        raise ProblemsError(problems, _("L'événement n'a pas été enregistré :"))
    return event


def _invoice_problems(store: Store, case_id: int, event: Event, replacing: str | None) -> list[Problem]:
    """What ``invoice_reference_problems`` says of ``event`` placed last among the case's other events."""
    named = repo.invoices_named(event)
    own = (event.number,) if isinstance(event, Invoice) else ()
    taken = repo.invoice_numbers_taken(store, case_id, (*own, *named), except_ref=replacing)
    out = [Problem("number", _("la facture n° {number} existe déjà").format(number=number))
           for number in own if number in taken]
    for _index, problem in invoice_reference_problems([event], taken):
        out.append(Problem(problem.path.lstrip("."), problem.message))
    return out


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
        old_number = repo.invoice_number_of(store, case_id, old_id)
        if old_number is not None and getattr(checked, "number", None) != old_number:
            _refuse_if_cited(store, case_id, old_id, old_number)
        repo.replace_event(store, case_id, old_id, checked)


def remove_event(store: Store, case_id: int, event_id: str) -> None:
    with writing(store):
        number = repo.invoice_number_of(store, case_id, event_id)
        if number is not None:
            _refuse_if_cited(store, case_id, event_id, number)
        if not repo.delete_event(store, case_id, event_id):
            raise UserError(no_event(event_id))


def _refuse_if_cited(store: Store, case_id: int, event_id: str, number: str) -> None:
    """An invoice that payments, credit notes or reminders name cannot go: they would dangle,
    the claims would shift onto other invoices, and the case would no longer load from its dump."""
    citing = repo.events_citing_invoice(store, case_id, number, except_ref=event_id, limit=4)
    if citing:
        names = ", ".join(f"« {title} » ({ref})" for ref, title in citing[:3]) + (" …" if len(citing) > 3 else "")
        raise UserError(_("La facture n° {number} est citée par {names} : retirez d'abord ces mentions ou ces événements.").format(number=number, names=names))
