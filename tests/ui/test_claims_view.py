"""The « Sommes dues » tab, driven as a user does: the figures are ``dossier claims --json``'s to the cent,
on the demo case and on a case written for the test."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from dossier_app.cli.main import main
from dossier_app.domain.claims_report import half_year_label
from dossier_app.domain.money import parse_amount
from dossier_app.domain.rates import HalfYear
from dossier_app.i18n import translator
from dossier_app.services.demo import create_demo
from dossier_app.services.interchange import load_case
from dossier_app.services.rates_data import shipped_rate_table
from dossier_app.ui.claims.model import P_AMOUNT, P_FROM, P_RATE, P_SOURCE, P_TO, PENALTIES
from tests.support.cases import write_case

FR = translator("fr")
# The first half-year the shipped ECB table does not cover: its penalties run on the last known rate.
UNKNOWN_HALF = HalfYear.of(shipped_rate_table().ecb_known_through).next()


def generated_document(role: str = "provider") -> dict:
    """Several invoices, a payment naming one, a credit note, a disputed invoice."""
    return {
        "format": "dossier-case/1",
        "case": {
            "title": "Imprimerie Roux c/ Garage Vidal",
            "our_role": role,
            "us": {"name": "Imprimerie Roux", "legal_form": "SARL"},
            "them": {"name": "Garage Vidal", "legal_form": "SAS"},
            "contract": {"payment_terms": "30_days"},
        },
        "events": [
            {"id": "f1", "kind": "invoice", "date": "2024-09-10", "title": "Facture A-101", "number": "A-101",
             "amount_incl_tax": "4800.00"},
            {"id": "f2", "kind": "invoice", "date": "2024-11-05", "title": "Facture A-117", "number": "A-117",
             "amount_incl_tax": "1234.56"},
            {"id": "f3", "kind": "invoice", "date": "2025-01-20", "title": "Facture A-130", "number": "A-130",
             "amount_incl_tax": "2160.00", "disputed": True, "dispute_reason": "Travaux non terminés"},
            {"id": "f4", "kind": "invoice", "date": "2025-03-03", "title": "Facture A-142", "number": "A-142",
             "amount_incl_tax": "960.00", "due_date": "2025-03-31"},
            {"id": "p1", "kind": "payment", "date": "2025-01-15", "title": "Virement", "amount": "2000.00",
             "invoices": ["A-101"]},
            {"id": "c1", "kind": "credit_note", "date": "2025-02-01", "title": "Avoir", "number": "AV-3",
             "amount_incl_tax": "234.56", "invoice": "A-117"},
        ],
        "exhibits": [],
    }


@pytest.fixture
def generated_case(store, tmp_path: Path) -> int:
    return load_case(store, write_case(tmp_path / "generated", generated_document()))


def claims_json(capsys: pytest.CaptureFixture[str], store, case_id: int, as_of: date) -> dict:
    capsys.readouterr()
    code = main(["--home", str(store.home), "claims", str(case_id), "--as-of", as_of.isoformat(), "--json"])
    out = capsys.readouterr().out
    assert code == 0
    return json.loads(out)


def money(text: str) -> str:
    return FR.money(parse_amount(text))


def show_claims(qtbot, window) -> None:
    window.actions_.show_claims.trigger()  # Affaire > Sommes dues (Ctrl+4)
    assert window.tabs.currentWidget() is window.claims_view
    settle(qtbot, window)


def settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.claims.busy and window.claims.result is not None, timeout=15000)


def type_date(qtbot, window, day: date, written: str | None = None) -> None:
    field = window.claims_view.as_of.edit
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, written or day.strftime("%d/%m/%Y"))
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == day.strftime("%d/%m/%Y")
    qtbot.waitUntil(lambda: window.claims.result is not None and window.claims.result.as_of == day
                    and not window.claims.busy, timeout=15000)


def table_lines(window) -> list[list[str]]:
    model = window.claims_view.model
    return [[model.data(model.index(row, column)) or "" for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def expected_lines(document: dict) -> list[list[str]]:
    def line(invoice: dict) -> list[str]:
        return [invoice["number"], FR.short_day(date.fromisoformat(invoice["date"])),
                FR.short_day(date.fromisoformat(invoice["due_date"])), money(invoice["amount"]),
                money(invoice["credited"]), money(invoice["paid"]), money(invoice["outstanding"]),
                FR.days(invoice["days_late"]), money(invoice["penalties"]), money(invoice["indemnity"])]

    undisputed = [line(i) for i in document["invoices"] if not i["disputed"]]
    disputed = [line(i) for i in document["invoices"] if i["disputed"]]
    heading = [["Factures contestées (à part)"] + [""] * 9] if disputed else []
    return undisputed + heading + disputed


def assert_same_as_the_command(window, document: dict) -> None:
    assert table_lines(window) == expected_lines(document)
    totals = window.claims_view.totals_text()
    t = document["totals"]
    if document["our_role"] == "provider":
        assert f"Total réclamable (non contesté)\t{money(t['grand_total'])}" in totals
    else:
        assert f"Offre de règlement du principal non contesté\t{money(t['outstanding_undisputed'])}" in totals
    assert f"Pénalités de retard (non contesté)\t{money(t['penalties'])}" in totals
    assert f"Indemnités forfaitaires de 40 € (non contesté)\t{money(t['indemnities'])}" in totals


def row_of(window, number: str) -> int:
    return next(row for row, line in enumerate(table_lines(window)) if line[0] == number)


def click_row(qtbot, window, number: str) -> None:
    table = window.claims_view.table
    rect = table.visualRect(window.claims_view.model.index(row_of(window, number), 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def visible_texts(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget))


def test_the_demo_case_follows_the_date_typed_to_the_cent(qtbot, open_window, store, capsys) -> None:
    case_id = create_demo(store)
    window = open_window(str(case_id))
    show_claims(qtbot, window)
    assert window.claims_view.as_of.edit.text() == date.today().strftime("%d/%m/%Y")
    type_date(qtbot, window, date(2025, 11, 30))
    first = claims_json(capsys, store, case_id, date(2025, 11, 30))
    assert_same_as_the_command(window, first)
    penalties_before = [line[PENALTIES] for line in table_lines(window)]

    type_date(qtbot, window, date(2026, 3, 31), "31 mars 2026")
    second = claims_json(capsys, store, case_id, date(2026, 3, 31))
    assert_same_as_the_command(window, second)
    assert [line[PENALTIES] for line in table_lines(window)] != penalties_before
    # The demo is the client's case: an offer and an estimate, never a total owed by us (the one
    # total owed is the provider's, under the contract's clauses).
    texts = visible_texts(window.claims_view).lower()
    assert "total dû" not in texts.replace("total dû au titre du contrat", "")
    assert "total dû au titre du contrat" in texts


def test_a_generated_case_with_a_payment_a_credit_note_and_a_disputed_invoice(qtbot, open_window, store,
                                                                             generated_case, capsys) -> None:
    window = open_window(str(generated_case))
    show_claims(qtbot, window)
    for day in (date(2025, 6, 30), date(2025, 12, 31)):
        type_date(qtbot, window, day)
        document = claims_json(capsys, store, generated_case, day)
        assert {i["disputed"] for i in document["invoices"]} == {True, False}
        assert any(i["paid"] != "0.00" for i in document["invoices"])
        assert any(i["credited"] != "0.00" for i in document["invoices"])
        assert_same_as_the_command(window, document)
    # The disputed invoice stands apart, after its heading, out of the claimable total.
    lines = table_lines(window)
    assert lines.index(["Factures contestées (à part)"] + [""] * 9) == row_of(window, "A-130") - 1
    assert f"Principal contesté restant dû\t{money('2160.00')}" in window.claims_view.totals_text()


def test_choosing_a_line_shows_its_periods_with_their_rates_and_sources(qtbot, open_window, store,
                                                                       generated_case, capsys) -> None:
    window = open_window(str(generated_case))
    show_claims(qtbot, window)
    day = date(2025, 12, 31)
    type_date(qtbot, window, day)
    document = claims_json(capsys, store, generated_case, day)
    click_row(qtbot, window, "A-101")
    view = window.claims_view
    assert "Facture A-101, échue le 10 octobre 2024" in view.detail_title.text()
    invoice = next(i for i in document["invoices"] if i["number"] == "A-101")
    model = view.periods_model
    shown = [[model.data(model.index(r, c)) for c in (P_FROM, P_TO, P_RATE, P_AMOUNT)] for r in range(model.rowCount())]
    assert shown == [[FR.short_day(date.fromisoformat(p["from"])), FR.short_day(date.fromisoformat(p["to"])),
                      FR.percent(p["rate"]), money(p["amount"])] for p in invoice["periods"]]
    # The payment of 15 January 2025 cut a period; the ECB rates of two half-years were read.
    assert len(invoice["periods"]) >= 3
    assert {model.data(model.index(r, P_SOURCE)) for r in range(model.rowCount())} == {
        p["rate_source"]["text"] for p in invoice["periods"]}
    for period in invoice["periods"]:
        assert period["rate_source"]["reference"] in view.sources.text()
    # Another line, another detail; the disputed one says why.
    click_row(qtbot, window, "A-130")
    assert "Travaux non terminés" in view.detail_title.text()
    assert model.rowCount() == len(next(i for i in document["invoices"] if i["number"] == "A-130")["periods"])


def test_an_unknown_rate_is_said_and_added_from_the_view(qtbot, open_window, store, generated_case, capsys) -> None:
    window = open_window(str(generated_case))
    show_claims(qtbot, window)
    day = UNKNOWN_HALF.start + timedelta(days=40)
    type_date(qtbot, window, day)
    view = window.claims_view
    assert view.unknown_rate.isVisible()
    words = view.unknown_rate_text.text()
    assert "Aucun taux BCE n'est encore connu" in words and FR.long_day(UNKNOWN_HALF.start) in words
    assert view.add_rate_button.isVisible()
    click_row(qtbot, window, "A-142")
    assert "\u00a0*" in view.periods_model.data(view.periods_model.index(view.periods_model.rowCount() - 1, P_RATE))

    qtbot.mouseClick(view.add_rate_button, Qt.MouseButton.LeftButton)
    dialog = window.claims.rate_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.day.day() == UNKNOWN_HALF.start
    qtbot.keyClicks(dialog.rate, "3,40")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # no source yet
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text() == "Indiquez d'où vient ce taux (par exemple « Banque de France »)."
    qtbot.keyClicks(dialog.source, "Banque de France, taux directeurs")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "Taux BCE de 3,40\u00a0% ajouté" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not view.unknown_rate.isVisible() and not window.claims.busy, timeout=15000)

    document = claims_json(capsys, store, generated_case, day)
    assert document["unknown_rate_half_years"] == []
    assert_same_as_the_command(window, document)
    assert view.periods_model.data(view.periods_model.index(view.periods_model.rowCount() - 1, P_RATE)) == "13,40\u00a0%"
    assert "Banque de France, taux directeurs" in view.sources.text()


def test_a_wrong_rate_is_refused_in_one_line(qtbot, open_window, store, generated_case) -> None:
    window = open_window(str(generated_case))
    window.actions_.add_rate.trigger()  # Affaire > Ajouter un taux BCE…
    dialog = window.claims.rate_dialog
    qtbot.keyClicks(dialog.rate, "215")
    qtbot.keyClicks(dialog.source, "BdF")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "n'est pas plausible" in dialog.error.text() and "\n" not in dialog.error.text()
    dialog.reject()


def test_the_client_sees_an_offer_and_an_estimate_never_a_total_owed(qtbot, open_window, store, tmp_path,
                                                                   capsys) -> None:
    case_id = load_case(store, write_case(tmp_path / "client", generated_document(role="client")))
    window = open_window(str(case_id))
    show_claims(qtbot, window)
    type_date(qtbot, window, date(2025, 12, 31))
    document = claims_json(capsys, store, case_id, date(2025, 12, 31))
    assert_same_as_the_command(window, document)
    texts = visible_texts(window.claims_view)
    assert "total dû" not in texts.lower() and "total réclamable (non contesté)" not in texts.lower()
    assert "sous toutes réserves et sans reconnaissance" in window.claims_view.totals_text()
    assert window.claims_view.intro.isVisible()
    assert window.claims_view.as_of_label.text() == "Factures de l'autre partie, au"


def test_nothing_is_worked_out_while_the_tab_is_hidden(qtbot, open_window, store, generated_case, small_case) -> None:
    window = open_window(str(generated_case))
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    assert window.tabs.currentWidget() is not window.claims_view
    assert window.claims.loading.task is None and window.claims.result is None
    show_claims(qtbot, window)
    assert window.claims.result.case_title == "Imprimerie Roux c/ Garage Vidal"
    # Another case opened while the tab is shown: its figures, not the last case's.
    window.open_case(small_case)
    qtbot.waitUntil(lambda: window.claims.result is not None
                    and window.claims.result.case_title == "Boulangerie Martin c/ WebPlus", timeout=15000)
    window.actions_.focus_timeline.trigger()
    window.tabs.setCurrentIndex(0)
    task = window.claims.loading.task
    window.open_case(generated_case)
    assert window.claims.loading.task is task  # hidden: nothing new started
    show_claims(qtbot, window)
    assert window.claims.result.case_title == "Imprimerie Roux c/ Garage Vidal"


def test_the_rates_dialog_lists_half_years_and_adds_then_removes_a_rate(qtbot, open_window, store,
                                                                      generated_case) -> None:
    window = open_window(str(generated_case))
    window.actions_.show_rates.trigger()  # Affaire > Taux d'intérêt…
    dialog = window.claims.rates_dialog
    assert dialog.isVisible()
    first = [dialog.half_years.item(0, c).text() for c in range(4)]
    latest = max(HalfYear.of(date.today()), HalfYear.of(shipped_rate_table().ecb_known_through))
    assert first[0] == half_year_label(latest, "fr")
    assert dialog.ecb.rowCount() == len(shipped_rate_table().ecb)
    assert "Banque de France" in dialog.ecb.item(0, 2).text()
    assert not dialog.remove_button.isEnabled()

    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    adding = window.claims.rate_dialog
    qtbot.keyClicks(adding.rate, "2.15")
    qtbot.keyClicks(adding.source, "Banque de France")
    qtbot.mouseClick(adding.ok, Qt.MouseButton.LeftButton)
    assert not adding.isVisible()
    assert dialog.ecb.rowCount() == len(shipped_rate_table().ecb) + 1
    assert dialog.ecb.item(0, 2).text() == "Banque de France (ajouté)"
    assert dialog.ecb.item(0, 0).text() == FR.short_day(UNKNOWN_HALF.start)

    rect = dialog.ecb.visualItemRect(dialog.ecb.item(0, 1))
    qtbot.mouseClick(dialog.ecb.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert window.answers.confirmations and FR.short_day(UNKNOWN_HALF.start) in window.answers.confirmations[-1]
    assert dialog.ecb.rowCount() == len(shipped_rate_table().ecb)
    assert "supprimé" in window.statusBar().currentMessage()
    # A shipped rate cannot be chosen for removal.
    rect = dialog.ecb.visualItemRect(dialog.ecb.item(0, 1))
    qtbot.mouseClick(dialog.ecb.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not dialog.remove_button.isEnabled()
    dialog.close()


# --- The layout: the invoices take what they need, the detail the rest, nothing drawn over anything -----

def fifteen_invoices_document() -> dict:
    document = generated_document()
    document["case"]["title"] = "Imprimerie Roux c/ Garage Vidal (15 factures)"
    document["events"] = [
        {"id": f"f{i}", "kind": "invoice", "date": f"2024-{1 + i % 12:02d}-{5 + i:02d}", "title": f"Facture B-{100 + i}",
         "number": f"B-{100 + i}", "amount_incl_tax": f"{1000 + 37 * i}.50",
         **({"disputed": True, "dispute_reason": "Travaux non terminés, malfaçons constatées le 3 mars"}
            if i % 5 == 4 else {})}
        for i in range(15)]
    return document


def laid_out(qtbot, window) -> None:
    qtbot.wait(60)  # the splitter placed once the figures are in, then the panes inside it


def in_view(widget: QWidget, view: QWidget):
    return widget.geometry().translated(widget.parentWidget().mapTo(view, widget.parentWidget().rect().topLeft()))


def assert_nothing_overlaps(view) -> None:
    """Each part of each pane stands apart from the others, and every wrapped text has the height its lines take."""
    invoices = [view.table, view.totals, view.notes] if view.notes.text() else [view.table, view.totals]
    detail = [w for w in (view.detail_title, view.periods, view.sources) if not isinstance(w, QLabel) or w.text()]
    for parts in (invoices, detail):
        rects = [in_view(w, view) for w in parts]
        for i, first in enumerate(rects):
            for j, second in enumerate(rects[i + 1:], i + 1):
                assert not first.intersects(second), (parts[i], first, parts[j], second)
    labels = [view.notes, view.detail_title, view.sources, *view.totals.findChildren(QLabel)]
    for label in labels:
        if label.isVisibleTo(view) and label.text() and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    for pane, box in ((view.upper_pane, view.invoices_box), (view.lower_pane, view.detail_box)):
        # A pane shorter than its content scrolls; it never squeezes it.
        assert box.height() >= pane.least(box.width()) or pane.verticalScrollBar().isVisible()
    assert in_view(view.upper_pane, view).bottom() < in_view(view.lower_pane, view).top()


def lines_in_sight(table) -> int:
    last = table.rowAt(table.viewport().height() - 1)
    last = table.model().rowCount() - 1 if last < 0 else last
    whole = table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()
    return last + (1 if whole else 0) - table.rowAt(0)


@pytest.mark.parametrize("size", [(1366, 740), (1024, 700)])
def test_the_demo_s_invoices_show_whole_with_the_totals_below_and_the_detail_in_the_rest(qtbot, open_window, store,
                                                                                     size) -> None:
    case_id = create_demo(store)
    window = open_window(str(case_id))
    window.resize(*size)
    show_claims(qtbot, window)
    type_date(qtbot, window, date(2025, 11, 30))
    click_row(qtbot, window, "F-2025-074")
    view = window.claims_view
    assert "Facture F-2025-074" in view.detail_title.text() and view.periods_model.rowCount() == 3
    laid_out(qtbot, window)
    window.grab().save(f"/tmp/claims-demo-{size[0]}x{size[1]}.png")
    assert window.size().height() == size[1]  # the window was not made taller than the screen allows
    assert_nothing_overlaps(view)
    if size == (1366, 740):
        # Five invoices and the disputed heading, the totals right under them; with the contract's
        # section below (issue 18), the invoices keep at least four lines in sight, the rest a scroll
        # away (in the whole suite the section's words wrap wider than alone: see the session's note).
        assert view.model.rowCount() == 6
        assert lines_in_sight(view.table) >= 4
        assert in_view(view.totals, view).top() - in_view(view.table, view).bottom() < 20
        # The detail has the rest, under the contract's clauses: at least two of its three periods
        # in sight, the third a scroll away.
        assert lines_in_sight(view.periods) >= 2


def test_a_long_list_shows_twelve_lines_then_scrolls_and_the_splitter_stays_where_moved(qtbot, open_window, store,
                                                                                       tmp_path) -> None:
    case_id = load_case(store, write_case(tmp_path / "fifteen", fifteen_invoices_document()))
    window = open_window(str(case_id))
    window.resize(1366, 740)
    show_claims(qtbot, window)
    type_date(qtbot, window, date(2025, 11, 30))
    view = window.claims_view
    assert view.model.rowCount() == 16  # fifteen invoices and the disputed heading
    laid_out(qtbot, window)
    window.grab().save("/tmp/claims-fifteen-1366x740.png")
    assert_nothing_overlaps(view)
    assert lines_in_sight(view.table) == 12 and view.table.verticalScrollBar().isVisible()
    assert not view.upper_pane.verticalScrollBar().isVisible()

    # Moved by hand, the splitter stays there when the figures change.
    handle = view.splitter.handle(1)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start + type(start)(0, 60))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + type(start)(0, 60))
    moved = view.splitter.sizes()
    assert view.user_sized and moved[0] > 0
    type_date(qtbot, window, date(2025, 12, 31))
    laid_out(qtbot, window)
    assert view.splitter.sizes()[0] == moved[0]
    assert_nothing_overlaps(view)


def test_a_rate_added_is_heard_by_the_readiness_check_too(qtbot, open_window, store) -> None:
    """The rate is the store's, not the tab's: the Vérification findings follow it at once."""
    window = open_window(str(create_demo(store)))
    qtbot.waitUntil(lambda: not window.readiness.busy, timeout=20000)

    def codes() -> set[str]:
        return {f.code for f in window.readiness_view.model.findings}

    today = date.today()
    if "as_of_rate_unknown" not in codes():
        pytest.fail(f"the demo should lack today's ECB rate ({today}); the shipped table now has it")
    window.actions_.add_rate.trigger()
    dialog = window.claims.rate_dialog
    assert dialog.day.day() == HalfYear.of(today).start
    qtbot.keyClicks(dialog.rate, "2,15")
    qtbot.keyClicks(dialog.source, "Banque de France, taux directeurs")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "as_of_rate_unknown" not in codes() and not window.readiness.busy, timeout=20000)


def test_showing_the_tab_again_with_nothing_changed_works_nothing_out_again(qtbot, open_window, store,
                                                                           monkeypatch) -> None:
    from dossier_app.services import child_process

    asked = []
    real = child_process.case_claims
    monkeypatch.setattr(child_process, "case_claims", lambda *a, **k: asked.append(a) or real(*a, **k))
    window = open_window(str(create_demo(store)))
    show_claims(qtbot, window)
    settle(qtbot, window)
    assert len(asked) == 1
    window.tabs.setCurrentIndex(0)
    show_claims(qtbot, window)
    settle(qtbot, window)
    assert len(asked) == 1
