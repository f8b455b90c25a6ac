"""Cases as a user handles them: create one through the form, edit, rename, delete, load, dump."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from dossier_app.services import cases
from dossier_app.services.session import case_lines
from tests.support.cases import write_case


def type_into(qtbot, widget, text: str) -> None:
    """Type as a user would; QTest types ASCII only, so the rest goes in as a paste would."""
    widget.setFocus()
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def test_create_a_case_through_the_form(qtbot, open_window, store):
    window = open_window(empty=True)
    assert "Aucune affaire" in window.welcome.text()
    window.actions_.new_case.trigger()
    form = window.cases.form
    assert form is not None and form.isVisible()
    type_into(qtbot, form.fields["title"].edit, "Boulangerie Martin c/ WebPlus")
    type_into(qtbot, form.fields["us.name"].edit, "Boulangerie Martin")
    type_into(qtbot, form.fields["us.siren"].edit, "732 829 321")
    # The SIREN is checked as it is typed: the wrong check digit shows at once, under the field.
    assert form.fields["us.siren"].error.isVisible()
    assert "SIREN" in form.fields["us.siren"].error.text()
    form.fields["us.siren"].edit.clear()
    type_into(qtbot, form.fields["us.siren"].edit, "732 829 320")
    assert not form.fields["us.siren"].error.isVisible()
    form.save()
    assert form.isVisible(), "the other party's name is required"
    assert form.fields["them.name"].error.isVisible()
    type_into(qtbot, form.fields["them.name"].edit, "WebPlus")
    form.terms.setCurrentIndex(form.terms.findData("days_end_of_month"))
    form.days.setValue(45)
    type_into(qtbot, form.fields["contract.signed_on"].edit, "4 octobre 2016")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    lines = case_lines(store)
    assert [line.title for line in lines] == ["Boulangerie Martin c/ WebPlus"]
    assert window.case_id == lines[0].id
    case = cases.read_case_file(store, lines[0].id).case
    assert case.us.siren == "732829320"
    assert str(case.contract.payment_terms) == "45_days_end_of_month"
    assert case.contract.signed_on.isoformat() == "2016-10-04"
    assert window.case_title.text() == "Boulangerie Martin c/ WebPlus"
    assert window.cases.model.rowCount() == 1
    assert not window.welcome.isVisible()


def test_edit_and_rename_are_undoable(qtbot, open_window, store, small_case):
    window = open_window()
    window.answers.texts.append("Martin contre WebPlus")
    window.actions_.rename_case.trigger()
    assert window.case_title.text() == "Martin contre WebPlus"
    window.actions_.edit_case.trigger()
    form = window.cases.form
    form.fields["court"].edit.setText("Tribunal de commerce du Mans")
    form.save()
    assert cases.read_case_file(store, small_case).case.court == "Tribunal de commerce du Mans"
    window.undo.undo()
    assert cases.read_case_file(store, small_case).case.court == "Tribunal de commerce de Laval"
    window.undo.undo()
    assert window.case_title.text() == "Boulangerie Martin c/ WebPlus"
    window.undo.redo()
    assert window.case_title.text() == "Martin contre WebPlus"


def test_delete_asks_first(open_window, store, small_case):
    window = open_window()
    window.answers.confirm_with = False
    window.actions_.delete_case.trigger()
    assert window.answers.confirmations and case_lines(store)
    window.answers.confirm_with = True
    window.actions_.delete_case.trigger()
    assert case_lines(store) == []
    assert window.case_id is None
    assert window.welcome.isVisible()


def test_load_and_dump(open_window, store, tmp_path: Path):
    window = open_window(empty=True)
    assert not window.exhibits.import_button.isEnabled(), "no case: nowhere to add exhibits"
    window.answers.open_with = write_case(tmp_path / "incoming")
    window.actions_.open_case_file.trigger()
    assert window.case_id is not None
    assert window.exhibits.import_button.isEnabled()
    assert window.timeline.model.rowCount() == 5
    window.answers.save_with = tmp_path / "out" / "copie.json"
    (tmp_path / "out").mkdir()
    window.actions_.dump_case.trigger()
    assert window.answers.errors == []
    document = json.loads((tmp_path / "out" / "copie.json").read_text(encoding="utf-8"))
    assert len(document["events"]) == 5
    assert (tmp_path / "out" / "copie-pieces").is_dir()


def test_loading_a_bad_file_says_why(open_window, tmp_path: Path):
    window = open_window(empty=True)
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    window.answers.open_with = bad
    window.actions_.open_case_file.trigger()
    assert window.case_id is None
    assert "JSON" in window.answers.errors[0]
