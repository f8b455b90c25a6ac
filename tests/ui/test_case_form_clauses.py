"""The case form's Clauses tab, as a user fills it: a penalty per day and a flat one, their events picked from the
case's, the service level with two credit thresholds; dumped in the file's shape. A wrong percent said in the
form; a case opened and saved unchanged stays the same; the tab fits a small laptop's screen."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLabel, QLineEdit, QWidget

from dossier_app.demo import write_demo_case
from dossier_app.domain.errors import ProblemsError
from dossier_app.domain.model import PENALTY_KINDS, Contract, PenaltyClause
from dossier_app.domain.vocabulary import PENALTY_TERMS, penalty_label
from dossier_app.i18n import translator
from dossier_app.services import cases, forms
from dossier_app.services.interchange import dump_case, load_case
from tests.support.cases import small_document, write_case
from tests.ui.conftest import SCREEN
from tests.ui.test_case_form_demands import click, edit_form, show_tab
from tests.ui.test_cases import type_into


def _document() -> dict:
    document = small_document()
    document["events"].append({"id": "a1", "kind": "access", "date": "2024-06-03", "title": "Accès rendus",
                               "account": "administration du site", "action": "restored"})
    return document


def pick_event(qtbot, combo: QComboBox, day: str) -> None:
    """Choose an event from its combo with the keyboard: the first figures of its date, as a user types them."""
    combo.setFocus()
    qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a new search, not the last one's sequel
    qtbot.keyClicks(combo, day)
    assert combo.currentText().startswith(day), combo.currentText()


def edit_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """Double-click a cell of the thresholds' table, type, Enter."""
    rect = table.visualItemRect(table.item(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = table.indexWidget(table.model().index(row, column))  # the cell's line edit, open
    assert isinstance(editor, QLineEdit) and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, column).text() == text)  # the table takes it on its next turn


def tick(qtbot, services, text: str) -> None:
    """Tick a service with the keyboard: selected with a click, then Space."""
    item = next(services.item(i) for i in range(services.count()) if services.item(i).text() == text)
    qtbot.mouseClick(services.viewport(), Qt.MouseButton.LeftButton, pos=services.visualItemRect(item).center()
                     + QPoint(20, 0))
    if item.checkState() != Qt.CheckState.Checked:
        qtbot.keyClick(services, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked


def test_two_penalties_and_a_service_level_typed_and_dumped_in_the_file_s_shape(
        qtbot, open_window, store, tmp_path: Path) -> None:
    case_id = load_case(store, write_case(tmp_path / "case", _document()))
    window = open_window(str(case_id))
    form = edit_form(window)
    show_tab(qtbot, form, "Clauses")
    editor = form.clauses
    assert editor.empty.isVisible() and not editor.editor.isVisible()

    click(qtbot, editor.add_button)
    assert editor.kind.currentText() == "Pénalité par jour de retard"
    type_into(qtbot, editor.fields["amount"].edit, "150")
    type_into(qtbot, editor.fields["purpose"].edit, "retard de restitution des acces (article 9)")
    # The events are named by their date and title, in date order.
    combo = editor.fields["from_event"].edit
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "— choisissez un événement —", "10/01/2024 — Contrat signé", "15/03/2024 — Facture 2024-003",
        "20/04/2024 — Virement", "02/05/2024 — Site coupé", "10/05/2024 — Mise en demeure",
        "03/06/2024 — Accès rendus"]
    pick_event(qtbot, combo, "10/05")
    pick_event(qtbot, editor.fields["until_event"].edit, "03/06")
    type_into(qtbot, editor.fields["cap"].edit, "3 000,00")
    assert not editor.fields["event"].box.isVisibleTo(editor)

    click(qtbot, editor.add_button)
    editor.kind.setFocus()
    qtbot.keyClick(editor.kind, Qt.Key.Key_Up)
    assert editor.kind.currentData() == "flat"
    assert {name for name, f in editor.fields.items() if f.box.isVisibleTo(editor)} == {"amount", "purpose", "event"}
    type_into(qtbot, editor.fields["amount"].edit, "5 000")
    type_into(qtbot, editor.fields["purpose"].edit, "hebergement confie a un tiers sans accord")
    pick_event(qtbot, editor.fields["event"].edit, "02/05")
    assert [editor.list.item(i).text() for i in range(editor.list.count())] == [
        "1. Pénalité par jour de retard — 150,00\u00a0€ — retard de restitution des acces (article 9)",
        "2. Pénalité forfaitaire — 5\u202f000,00\u00a0€ — hebergement confie a un tiers sans accord"]

    type_into(qtbot, editor.availability.edit, "99,5")
    type_into(qtbot, editor.fee.edit, "1 200,00")
    assert [editor.services.item(i).text() for i in range(editor.services.count())] == ["site", "mail"]
    tick(qtbot, editor.services, "mail")
    click(qtbot, editor.add_credit_button)
    edit_cell(qtbot, editor.credits, 0, 0, "99,5")
    edit_cell(qtbot, editor.credits, 0, 1, "10")
    click(qtbot, editor.add_credit_button)
    edit_cell(qtbot, editor.credits, 1, 0, "99")
    edit_cell(qtbot, editor.credits, 1, 1, "25")
    assert not editor.credits_error.isVisible()
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert not form.isVisible()

    dump_case(store, case_id, tmp_path / "out.json", tmp_path / "pieces")
    contract = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["case"]["contract"]
    assert contract["penalties"] == [
        {"kind": "per_day", "amount": "150.00", "for": "retard de restitution des acces (article 9)",
         "from_event": "l1", "until_event": "a1", "cap": "3000.00"},
        {"kind": "flat", "amount": "5000.00", "for": "hebergement confie a un tiers sans accord", "event": "o1"}]
    assert contract["sla"] == {"availability": "99.5", "monthly_fee": "1200.00", "services": ["mail"],
                               "credits": [{"below": "99.5", "percent": "10.0"}, {"below": "99.0", "percent": "25.0"}]}
    assert contract["reference"] == "C-2024-01"  # the rest of the contract kept
    # One step, undone as one.
    window.undo.undo()
    assert cases.read_case(store, case_id).contract.penalties == ()


def test_a_wrong_percent_is_said_in_the_form_which_stays_open(qtbot, open_window, store, small_case) -> None:
    window = open_window()
    form = edit_form(window)
    show_tab(qtbot, form, "Clauses")
    editor = form.clauses
    type_into(qtbot, editor.availability.edit, "995")
    # Said as it is typed, under the field.
    assert editor.availability.error.isVisible()
    assert editor.availability.error.text() == "« 995 » n'est pas un pourcentage de 0 à 100 (exemple : 99,5)"
    type_into(qtbot, editor.availability.edit, "99,5")
    assert not editor.availability.error.isVisible()
    click(qtbot, editor.add_credit_button)
    edit_cell(qtbot, editor.credits, 0, 0, "9O")
    assert editor.credits_error.text() == "Palier 1 : « 9O » n'est pas un pourcentage de 0 à 100 (exemple : 99,5)"
    show_tab(qtbot, form, "Parties")
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert form.isVisible()
    assert form.tabs.currentWidget() is editor
    assert editor.credits_error.isVisible()
    # The fee is asked for, once the threshold is mended; a threshold without its credit too.
    edit_cell(qtbot, editor.credits, 0, 0, "90")
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert form.isVisible()
    assert editor.fee.error.text() == forms.required_message() and editor.fee.edit.hasFocus()
    assert editor.credits_error.text() == f"Palier 1 : {forms.required_message()}"
    type_into(qtbot, editor.fee.edit, "90")
    edit_cell(qtbot, editor.credits, 0, 1, "50")
    # A per-day penalty without its event: asked for where it goes.
    click(qtbot, editor.add_button)
    type_into(qtbot, editor.fields["amount"].edit, "100")
    type_into(qtbot, editor.fields["purpose"].edit, "retard")
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert form.isVisible()
    assert editor.fields["from_event"].error.text() == forms.required_message()
    assert editor.fields["from_event"].edit.hasFocus()
    click(qtbot, editor.remove_button)
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert not form.isVisible()
    sla = cases.read_case(store, small_case).contract.sla
    assert sla is not None and (sla.availability, sla.monthly_fee) == (Decimal("99.5"), 9000)
    assert [(s.below, s.percent) for s in sla.credits] == [(Decimal(90), Decimal(50))]


def _full_document() -> dict:
    document = _document()
    document["case"]["contract"] = {
        **document["case"]["contract"],
        "penalties": [
            {"kind": "per_day", "amount": "1234.56", "for": "retard", "from_event": "l1", "until_event": "a1",
             "cap": "20000.00"},
            {"kind": "flat", "amount": "100000.00", "for": "hébergement déplacé", "event": "o1",
             "cap": "50.00"},  # a field of another kind
            {"kind": "per_day", "amount": "0.50", "for": "un événement disparu", "from_event": "gone"},
        ],
        "sla": {"availability": "99.95", "monthly_fee": "1234.50", "services": ["mail", "téléphonie"],
                "credits": [{"below": "99.95", "percent": "5"}, {"below": "98", "percent": "100"}]},
    }
    return document


def test_a_case_with_clauses_opened_and_saved_unchanged_stays_the_same(
        qtbot, open_window, store, tmp_path: Path) -> None:
    case_id = load_case(store, write_case(tmp_path / "case", _full_document()))
    before = cases.read_case(store, case_id)
    window = open_window(str(case_id))
    steps = window.undo.count()
    form = edit_form(window)
    editor = form.clauses
    assert editor.list.count() == 3
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.list.visualItemRect(editor.list.item(1)).center())
    # A flat penalty shows its own fields, and a cap it came with from its file.
    assert {n for n, f in editor.fields.items() if f.box.isVisibleTo(editor)} == {"amount", "purpose", "event", "cap"}
    assert editor.fields["event"].edit.currentText() == "02/05/2024 — Site coupé"
    assert editor.fields["cap"].edit.text() == "50,00"
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.list.visualItemRect(editor.list.item(2)).center())
    assert editor.fields["from_event"].edit.currentText() == "« gone » : événement introuvable"
    assert editor.availability.edit.text() == "99,95" and editor.fee.edit.text() == "1\u202f234,50"
    ticked = [editor.services.item(i).text() for i in range(editor.services.count())
              if editor.services.item(i).checkState() == Qt.CheckState.Checked]
    assert ticked == ["mail", "téléphonie"]
    assert not form.has_changes(), "looking at another clause changes nothing"
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert not form.isVisible()
    assert cases.read_case(store, case_id) == before
    assert window.undo.count() == steps
    # A threshold edited, then Annuler: asked first.
    form = edit_form(window)
    form.reveal("contract.sla")
    assert form.tabs.currentWidget() is form.clauses
    edit_cell(qtbot, form.clauses.credits, 1, 1, "90")
    assert form.has_changes()
    window.answers.confirm_with = False
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert form.isVisible() and window.answers.confirmations


def test_the_clauses_tab_of_the_demo_fits_a_small_laptop_screen(qtbot, open_window, store, tmp_path: Path) -> None:
    case_id = load_case(store, write_demo_case(tmp_path / "demo"))
    window = open_window(str(case_id))
    form = edit_form(window)
    show_tab(qtbot, form, "Clauses")
    editor = form.clauses
    assert editor.fields["from_event"].edit.currentText() == (
        "04/09/2025 — Mise en demeure de restituer les accès, en recommandé avec avis de réception")
    assert editor.fields["until_event"].edit.currentText() == "— jusqu'à la date du décompte —"
    screen = QApplication.primaryScreen().availableGeometry()
    assert (screen.width(), screen.height()) == SCREEN
    frame = form.frameGeometry()
    assert frame.width() <= SCREEN[0] and frame.height() <= SCREEN[1], frame
    form.grab().save(str(Path("/tmp") / "case-form-clauses.png"))
    # Nothing cut off: every label shown is as wide as its words, every field inside the window.
    for label in editor.findChildren(QLabel):
        if label.isVisibleTo(form) and not label.wordWrap():
            assert label.width() >= label.sizeHint().width(), label.text()
    for widget in editor.findChildren(QWidget):
        if widget.isVisibleTo(form):
            corner = widget.mapTo(form, QPoint(widget.width(), widget.height()))
            assert corner.x() <= form.width() and corner.y() <= form.height(), widget


def test_each_penalty_kind_has_its_words_in_french_and_english_and_the_form_asks_what_the_file_requires() -> None:
    assert [term.code for term in PENALTY_TERMS] == list(PENALTY_KINDS)
    en = translator("en")
    assert penalty_label("per_day", tr=en) != penalty_label("per_day", tr=translator("fr"))
    assert penalty_label("flat", tr=translator("fr")) == "pénalité forfaitaire"
    file_names = {**{name: name for name in forms.PENALTY_FIELD_NAMES}, **forms.PENALTY_FILE_NAMES}
    for kind in PENALTY_KINDS:
        required = {spec.name for spec in forms.penalty_fields(kind) if spec.required}
        clause, problems = forms.build_penalty(kind, {})
        assert clause is None and {p.path for p in problems} == required
        # The file refuses a clause without its event too (amount and purpose the model cannot lack).
        bare = PenaltyClause(kind, 100, "x")
        try:
            cases.check_case(replace(cases.blank_case("x", "client"), contract=Contract(penalties=(bare,))))
        except ProblemsError as exc:
            assert {p.path for p in exc.problems} == {
                f"case.contract.penalties[0].{file_names[name]}" for name in required - {"amount", "purpose"}}
        else:
            raise AssertionError(kind)

