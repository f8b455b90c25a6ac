"""The « Vérification » tab on the contract's clauses (issue 18): each finding with the menu entry that does
what it asks, and a clause's finding opening the case form on its « Clauses » tab."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from dossier_app.services.interchange import load_case
from tests.support.cases import small_document, write_case
from tests.ui.test_one_form import double_click
from tests.ui.test_readiness_view import (
    COMMAND,
    checked,
    entry,
    finding_point,
    keys,
    show_tab,
    shown,
)

AS_OF = "2024-06-30"


def clauses_document() -> dict:
    """A flat penalty whose breach is not in the case, a penalty per day from the notice l1 (deadline
    12 May + 8 days = 20 May) waiting for a restitution, the mail's service level; the outage o1 (May)
    and an ongoing one (June) that nothing proves."""
    doc = small_document()
    doc["case"]["them"]["address"] = "12 avenue de la Gare, 35000 Rennes"
    doc["case"]["contract"]["penalties"] = [
        {"kind": "flat", "amount": "5000.00", "for": "transfert sans accord", "event": "transfert"},
        {"kind": "per_day", "amount": "150.00", "for": "retard de restitution", "from_event": "l1",
         "until_event": "restitution"},
    ]
    doc["case"]["contract"]["sla"] = {"availability": "99.5", "monthly_fee": "1200.00", "services": ["mail"],
                                      "credits": [{"below": "99.5", "percent": "10"}, {"below": "99", "percent": "25"}]}
    doc["events"].append({"id": "o2", "kind": "outage", "date": "2024-06-29", "title": "Messagerie coupée",
                          "start": "2024-06-29T08:00", "services": ["mail"]})
    return doc


def test_the_contracts_findings_say_what_to_do_and_a_clause_opens_the_case_form_on_its_clauses(
        qtbot, open_window, store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier_app.ui.readiness import controller

    class Day(date):
        @classmethod
        def today(cls) -> date:  # type: ignore[override]
            return date.fromisoformat(AS_OF)

    monkeypatch.setattr(controller, "date", Day)
    case_id = load_case(store, write_case(tmp_path / "case", clauses_document()))
    window = open_window(str(case_id))
    a = window.actions_
    checked(qtbot, window)
    show_tab(qtbot, window)
    rows = shown(window)
    hows = {code: how for code, _m, how in rows}
    messages = {code: message for code, message, _h in rows}
    assert {"clause_event_missing", "penalty_running", "sla_outage_ongoing", "sla_month_unproved"} <= set(hows)
    for code, message, how in rows:
        assert not COMMAND.search(message), (code, message)
        assert not COMMAND.search(how), (code, how)
    assert hows["clause_event_missing"] == (f"Menu Édition › {entry(a.new_event)} (Ctrl+N) "
                                            f"ou Affaire › {entry(a.edit_case)} ({keys(a.edit_case)})")
    assert hows["sla_month_unproved"] == f"Menu Édition › {entry(a.link_exhibits)} (Ctrl+L)"
    # 21 May → 30 June: 41 days × 150 € = 6 150 € (21 → 31 May: 11 days, June: 30).
    assert "soit 6\u202f150,00\u00a0€" in messages["penalty_running"]
    window.grab().save(os.environ.get("READINESS_PNG", str(tmp_path / "readiness_contract.png")))
    # The clause whose event is missing: the case form, on its clauses.
    double_click(window.readiness_view.list, finding_point(qtbot, window, "clause_event_missing"))
    form = window.cases.form
    assert form is not None and form.isVisible()
    assert form.tabs.tabText(form.tabs.currentIndex()) == "Clauses"
    form.reject()
