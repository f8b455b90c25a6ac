"""The « Sommes dues » tab's contract section: what the other side owes under the contract's own clauses,
apart from the invoices (claims.md, "What the other side owes us under the contract"), one line per clause
or month of service credit, with its dates and arithmetic in words, and its total."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel

from dossier_app.domain.contract_claims import ContractClaims, ContractLine
from dossier_app.domain.money import Cents, parse_amount
from dossier_app.i18n import translator
from dossier_app.services import claims as claims_service
from dossier_app.services.interchange import load_case
from tests.support.cases import write_case
from tests.ui.test_claims_view import (
    claims_json,
    generated_document,
    in_view,
    laid_out,
    lines_in_sight,
    show_claims,
    type_date,
)

FR = translator("fr")
NBSP = "\u00a0"
NNBSP = "\u202f"  # between thousands
AS_OF = date(2025, 11, 30)


def clauses_document(role: str = "client") -> dict:
    """The invoices of test_claims_view's case, and a contract with a flat penalty, a penalty per day
    after a formal notice, and a mailbox's service level."""
    document = generated_document(role)
    document["case"]["title"] = "Imprimerie Roux c/ Garage Vidal (clauses)"
    document["case"]["contract"] = {
        "payment_terms": "30_days",
        "penalties": [
            {"kind": "flat", "amount": "100000.00", "for": "Hébergement transféré sans accord", "event": "transfert"},
            {"kind": "per_day", "amount": "200.00", "for": "Restitution des accès (réversibilité)",
             "from_event": "mise_en_demeure", "until_event": "restitution", "cap": "5000.00"},
        ],
        "sla": {"availability": "99.5", "monthly_fee": "120.00", "services": ["messagerie"],
                "credits": [{"below": "99.5", "percent": "10"}, {"below": "99", "percent": "25"},
                            {"below": "98", "percent": "50"}]},
    }
    document["events"] += [
        {"id": "transfert", "kind": "access", "date": "2025-09-03", "title": "Hébergement transféré",
         "account": "hébergement", "action": "changed_without_consent"},
        {"id": "mise_en_demeure", "kind": "registered_letter", "date": "2025-10-01",
         "title": "Mise en demeure de restituer les accès", "formal_notice": True, "deadline_days": 8,
         "first_presented_on": "2025-10-03"},
        {"id": "panne", "kind": "outage", "date": "2025-10-14", "title": "Messagerie coupée",
         "start": "2025-10-14T08:00", "end": "2025-10-14T17:18:45", "services": ["messagerie"], "scope": "total"},
    ]
    return document


# Three lines as the computation gives them (claims.md), written by hand: the flat penalty on its breach;
# 200 € a day from 12/10 to 30/11 (20 + 30 = 50 days = 10 000 €), capped at 5 000 € and still running;
# October 2025 (31 days and the hour the clocks went back: 2 682 000 s) with 33 525 s of outage:
# 1 − 33 525 / 2 682 000 = 98,75 %, under 99 % → 25 % of 120 € = 30 €.
FAKE = ContractClaims((
    ContractLine(kind="flat", purpose="Hébergement transféré sans accord", amount=Cents(10_000_000),
                 event_id="transfert", event_date=date(2025, 9, 3), clause=0),
    ContractLine(kind="per_day", purpose="Restitution des accès (réversibilité)", amount=Cents(500_000),
                 event_id="mise_en_demeure", start=date(2025, 10, 12), end=AS_OF, days=50, per_day=Cents(20_000),
                 cap=Cents(500_000), capped=True, running=True, event_date=date(2025, 10, 1),
                 deadline=date(2025, 10, 11), gross=Cents(1_000_000), clause=1),
    ContractLine(kind="sla", purpose="messagerie", amount=Cents(3_000), month=date(2025, 10, 1),
                 downtime_seconds=33_525, month_seconds=2_682_000,
                 availability=Decimal(100) * (1 - Decimal(33_525) / Decimal(2_682_000)), percent=Decimal(25),
                 fee=Cents(12_000), below=Decimal(99), outage_ids=("panne",)),
))
EXPECTED = [
    ["Hébergement transféré sans accord", "pénalité forfaitaire, manquement du 03/09/2025", f"100{NNBSP}000,00{NBSP}€"],
    ["Restitution des accès (réversibilité)",
     f"du 12/10/2025 au 30/11/2025, 50 jours × 200,00{NBSP}€ = 10{NNBSP}000,00{NBSP}€, "
     f"plafonné à 5{NNBSP}000,00{NBSP}€, en cours",
     f"5{NNBSP}000,00{NBSP}€"],
    ["Crédit de service (messagerie)",
     f"octobre 2025 : disponibilité 98,75{NBSP}% < 99{NBSP}% → 25{NBSP}% de 120,00{NBSP}€",
     f"30,00{NBSP}€"],
]


@pytest.fixture
def faked(store, tmp_path: Path, monkeypatch) -> int:
    """A case with clauses whose claims carry FAKE as their contract section (the computation itself is
    another test's): the tab is fed through the service it calls, in this process."""
    from dossier_app.domain import claims as claims_domain
    from dossier_app.services import child_process

    case_id = load_case(store, write_case(tmp_path / "clauses", clauses_document()))
    monkeypatch.setattr(claims_domain, "contract_claims", lambda _case_file, _as_of: ContractClaims())
    base = claims_service.case_claims(store, case_id, AS_OF)
    monkeypatch.setattr(child_process, "case_claims",
                        lambda _home, _case_id, as_of, cancelled=None: replace(base, as_of=as_of, contract=FAKE))
    return case_id


def test_each_clause_is_a_line_with_its_dates_and_arithmetic_and_the_total_apart(qtbot, open_window,
                                                                                faked) -> None:
    window = open_window(str(faked))
    show_claims(qtbot, window)
    type_date(qtbot, window, AS_OF)
    view = window.claims_view
    assert view.contract_box.isVisible()
    assert view.contract_title.text() == "<b>Sommes dues par Garage Vidal au titre du contrat</b>"
    # The words of `claims`'s own section (domain/claims_report.py), written out here by hand.
    assert view.contract_lines() == EXPECTED
    assert "ni ajoutées à leurs totaux" in view.contract_apart.text()
    assert view.contract_total_label.text() == "<b>Total dû au titre du contrat</b>"
    assert view.contract_total.text() == f"<b>105{NNBSP}030,00{NBSP}€</b>"
    # Apart from the invoices: their totals are the command's, without the contract's sums.
    assert "105" not in view.totals_text()


def test_the_section_is_hidden_when_the_contract_has_no_clause(qtbot, open_window, store, tmp_path) -> None:
    case_id = load_case(store, write_case(tmp_path / "plain", generated_document()))
    window = open_window(str(case_id))
    show_claims(qtbot, window)
    type_date(qtbot, window, AS_OF)
    view = window.claims_view
    assert window.claims.result.contract.lines == ()
    assert not view.contract_box.isVisible() and view.contract_lines() == []
    assert "au titre du contrat" not in "\n".join(
        label.text() for label in view.findChildren(QLabel) if label.isVisibleTo(view))


def test_at_1366_by_768_the_invoices_keep_the_room_and_the_clauses_show_whole(qtbot, open_window, faked) -> None:
    window = open_window(str(faked))
    window.resize(1366, 768)
    show_claims(qtbot, window)
    type_date(qtbot, window, AS_OF)
    view = window.claims_view
    laid_out(qtbot, window)
    window.grab().save("/tmp/claims-contract-1366x768.png")
    assert window.size().height() == 768
    # The three lines whole, no scroll bar, right under the totals; the invoices' lines all in sight too.
    assert lines_in_sight(view.contract_table) == 3 and not view.contract_table.verticalScrollBar().isVisible()
    assert lines_in_sight(view.table) == view.model.rowCount()
    assert not view.upper_pane.verticalScrollBar().isVisible()
    assert view.table.height() > view.contract_table.height()
    table, totals, notes, contract = (in_view(w, view) for w in (view.table, view.totals, view.notes, view.contract_box))
    assert contract.top() > max(totals.bottom(), notes.bottom()) and contract.top() > table.bottom()
    assert in_view(view.upper_pane, view).bottom() >= contract.bottom()
    # Each wording whole in its cell, wrapped onto a second line when its column is too narrow: never cut.
    table = view.contract_table
    header, metrics = table.horizontalHeader(), table.fontMetrics()
    wrapped = 0
    for row, line in enumerate(view.contract_lines()):
        for column, text in enumerate(line):
            room = QRect(0, 0, header.sectionSize(column) - 6, 10_000)
            needed = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, text).height()
            assert needed <= table.rowHeight(row), (text, needed, table.rowHeight(row))
            wrapped += needed > metrics.height()
    assert wrapped <= 1  # at this width, only the capped and running penalty takes two lines
    # The detail below keeps its title and a few periods.
    assert view.lower_pane.height() >= view.lower_pane.minimumHeight()


def test_a_real_case_s_clauses_are_claims_json_s_contract_section_to_the_cent(qtbot, open_window, store, tmp_path,
                                                                             capsys) -> None:
    """The computation itself (domain/contract_claims.py) on the case above: the tab says what
    ``claims --json`` says, line by line and in total, and the arithmetic worked by hand above FAKE."""
    case_id = load_case(store, write_case(tmp_path / "clauses", clauses_document()))
    window = open_window(str(case_id))
    show_claims(qtbot, window)
    type_date(qtbot, window, AS_OF)
    view = window.claims_view
    section = claims_json(capsys, store, case_id, AS_OF)["contract"]
    shown = view.contract_lines()
    assert len(shown) == len(section["lines"]) == 3
    for (title, words, amount), line in zip(shown, section["lines"], strict=True):
        assert amount == FR.money(parse_amount(line["amount"]))
        assert title == (line["purpose"] if line["kind"] != "sla" else f"Crédit de service ({line['purpose']})")
        if line["kind"] == "per_day":
            assert words.startswith(f"du {FR.short_day(date.fromisoformat(line['from']))} "
                                    f"au {FR.short_day(date.fromisoformat(line['to']))}, {line['days']} jours")
    assert view.contract_total.text() == f"<b>{FR.money(parse_amount(section['total']))}</b>"
    assert shown == EXPECTED
    # The day before the breach, before the notice and the outage: nothing owed yet, no section, in
    # the command as in the tab.
    type_date(qtbot, window, date(2025, 9, 2))
    assert "contract" not in claims_json(capsys, store, case_id, date(2025, 9, 2))
    assert view.contract_lines() == [] and not view.contract_box.isVisible()
