"""Closing a form with what was typed in it asks first; an untouched one closes at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dossier_app.services import timeline
from tests.ui.test_events import type_into


def test_escape_on_an_event_form_with_changes_asks_before_dropping_them(qtbot, open_window, store, small_case):
    window = open_window()
    form = window.events.edit_event("f1")
    type_into(qtbot, form.field("title"), "Facture 2024-003, relancée trois fois")
    window.answers.confirm_with = False  # "Cancel": keep the form
    qtbot.keyClick(form.field("title"), Qt.Key.Key_Escape)
    assert len(window.answers.confirmations) == 1, "closing with changes is asked first"
    assert form.isVisible() and form.field("title").text() == "Facture 2024-003, relancée trois fois"
    form.save()
    assert timeline.read_event(store, small_case, "f1").title == "Facture 2024-003, relancée trois fois"


def test_an_untouched_form_closes_without_a_question_and_a_confirmed_one_drops_its_changes(
        qtbot, open_window, store, small_case):
    window = open_window()
    form = window.events.new_event("note", day=None)
    qtbot.keyClick(form.kind, Qt.Key.Key_Escape)
    assert not form.isVisible() and window.answers.confirmations == []
    form = window.events.edit_event("p1")
    type_into(qtbot, form.field("title"), "Virement partiel")
    form.buttons.button(form.buttons.StandardButton.Cancel).click()
    assert len(window.answers.confirmations) == 1 and not form.isVisible()
    assert timeline.read_event(store, small_case, "p1").title == "Virement"


def test_a_case_form_and_an_exhibit_dialog_ask_too(qtbot, open_window, small_case):
    window = open_window()
    form = window.cases.edit_case()
    form.fields["court"].edit.setText("Tribunal de commerce de Rennes")
    window.answers.confirm_with = False
    form.reject()
    assert form.isVisible() and len(window.answers.confirmations) == 1
    window.answers.confirm_with = True
    form.reject()
    assert not form.isVisible()
    dialog = window.events.edit_exhibit(window.exhibits.model.exhibits[0])
    dialog.include.toggle()
    window.answers.confirm_with = False
    dialog.reject()
    assert dialog.isVisible() and len(window.answers.confirmations) == 3


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")  # the offscreen platform's
def test_closing_the_window_over_a_form_with_changes_asks_first(qtbot, open_window, store, small_case):
    window = open_window()
    form = window.events.edit_event("f1")
    type_into(qtbot, form.field("title"), "Facture contestée")
    window.answers.confirm_with = False
    window.close()
    assert window.isVisible() and form.isVisible(), "the window stays, with the form and what was typed"
    assert len(window.answers.confirmations) == 1
    form.save()
    assert timeline.read_event(store, small_case, "f1").title == "Facture contestée"
    window.answers.confirm_with = True
    window.close()
    assert not window.isVisible()
