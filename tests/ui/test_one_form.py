"""One double-click, one Enter, one form: never a second one hidden behind the first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from dossier_app.services import timeline
from dossier_app.ui.events.view import EventForm
from dossier_app.ui.exhibits.pickers import ExhibitDialog
from tests.ui.test_events import type_into


def double_click(view, point: QPoint) -> None:
    """What a real double-click delivers: press, release, then the double-click and its release."""
    viewport = view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(viewport, left, none, point)
    QTest.mouseRelease(viewport, left, none, point)
    QTest.mouseDClick(viewport, left, none, point)
    QTest.mouseRelease(viewport, left, none, point)


def shown(kind: type[QDialog]) -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def event_point(window, event_id: str) -> QPoint:
    proxy = window.timeline.proxy
    return window.timeline.table.visualRect(proxy.index(proxy.proxy_row_of(event_id), 2)).center()


def test_a_double_click_on_an_event_opens_one_form_and_saving_it_keeps_the_new_values(
        qtbot, open_window, store, small_case):
    window = open_window()
    double_click(window.timeline.table, event_point(window, "f1"))
    forms = shown(EventForm)
    assert len(forms) == 1, f"{len(forms)} forms opened by one double-click"
    form = forms[0]
    type_into(qtbot, form.field("title"), "Facture 2024-003 contestée")
    form.save()
    assert not form.isVisible()
    assert shown(EventForm) == [], "no other form left open to put the old values back"
    assert timeline.read_event(store, small_case, "f1").title == "Facture 2024-003 contestée"
    assert window.undo.count() == 1


def test_enter_on_an_event_opens_one_form(qtbot, open_window, small_case):
    window = open_window()
    assert window.timeline.select_event("p1")
    window.timeline.table.setFocus()
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Return)
    forms = shown(EventForm)
    assert len(forms) == 1
    assert forms[0].event_id == "p1"


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")  # the offscreen platform's, not ours
def test_opening_the_form_of_an_event_already_open_brings_it_forward(qtbot, open_window, small_case):
    window = open_window()
    first = window.events.edit_event("f1")
    type_into(qtbot, first.field("title"), "Typed, not saved yet")
    again = window.events.edit_event("f1")
    assert again is first
    assert shown(EventForm) == [first]
    assert first.field("title").text() == "Typed, not saved yet"


def test_a_double_click_on_an_exhibit_opens_one_dialog(qtbot, open_window, store, small_case):
    window = open_window()
    table = window.exhibits.table
    double_click(table, table.visualRect(table.model().index(0, 1)).center())
    dialogs = shown(ExhibitDialog)
    assert len(dialogs) == 1
    dialogs[0].reject()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert len(shown(ExhibitDialog)) == 1, "Enter on an exhibit opens its dialog, once"
