"""The timeline: filters, sorting, and the band and the table kept on the same event."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QWheelEvent

from dossier_app.ui.timeline.model import AMOUNT, EVENT_ID_ROLE


def shown(window) -> list[str]:
    proxy = window.timeline.proxy
    return [proxy.index(r, 0).data(EVENT_ID_ROLE) for r in range(proxy.rowCount())]


def test_filter_bar(qtbot, open_window, small_case):
    window = open_window()
    bar = window.timeline.filter_bar
    assert shown(window) == ["k1", "f1", "p1", "o1", "l1"]
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.text.hasFocus()
    qtbot.keyClicks(bar.text, "demeure")
    assert shown(window) == ["l1"]
    assert bar.count.text() == "1 sur 5"
    # The band follows as soon as the table has shown the rows.
    qtbot.waitUntil(lambda: [m.id for m in window.timeline.band.item.marks] == ["l1"], timeout=2000)
    bar.text.clear()
    bar.kind_actions["invoice"].setChecked(True)
    bar.kind_actions["payment"].setChecked(True)
    assert shown(window) == ["f1", "p1"]
    assert bar.kinds_button.text() == "2 types"
    bar.clear()
    bar.key_only.setChecked(True)
    assert shown(window) == ["f1"]
    bar.clear()
    bar.unproven.setChecked(True)
    assert shown(window) == ["k1", "o1"]
    bar.clear()
    bar.actor.setCurrentIndex(bar.actor.findData("them"))
    assert shown(window) == ["f1"]
    bar.clear()
    bar.tag.setCurrentIndex(bar.tag.findData("coupure"))
    assert shown(window) == ["o1"]
    bar.clear()
    qtbot.keyClicks(bar.date_from, "01/04/2024")
    qtbot.keyClicks(bar.date_to, "5 mai 2024")
    assert shown(window) == ["p1", "o1"]
    bar.date_to.setText("5 mai 20")
    assert "border" in bar.date_to.styleSheet(), "a date being typed is framed in red, and ignored"
    assert shown(window) == ["p1", "o1", "l1"]
    window.actions_.show_all.trigger()
    assert len(shown(window)) == 5


def test_sorting_keeps_the_selection(open_window, small_case):
    window = open_window()
    window.timeline.select_event("p1")
    window.timeline.table.sortByColumn(AMOUNT, Qt.SortOrder.DescendingOrder)
    assert shown(window)[:2] == ["f1", "p1"]
    assert window.timeline.selected_event_id() == "p1"
    window.timeline.filter_bar.text.setText("Virement")
    assert shown(window) == ["p1"]


def test_click_a_mark_selects_its_row_and_back(qtbot, open_window, small_case):
    window = open_window()
    band = window.timeline.band
    where = band.mapFromScene(band.item.position_of("p1"))
    qtbot.mouseClick(band.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.timeline.selected_event_id() == "p1"
    # The exhibits that prove it are shown in bold on the right.
    assert window.exhibits.model.highlight == "p1"
    window.timeline.select_event("l1")
    assert band.item.selected == "l1"
    # A click beside every mark selects nothing new.
    qtbot.mouseClick(band.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(where.x(), 2))
    assert window.timeline.selected_event_id() == "l1"


def test_wheel_zooms_around_the_mouse_and_drag_pans(qtbot, open_window, small_case):
    window = open_window()
    band = window.timeline.band
    scale = band.item.pixels_per_day
    anchor = band.mapFromScene(band.item.position_of("f1"))
    wheel = QWheelEvent(anchor.toPointF(), band.viewport().mapToGlobal(anchor).toPointF(), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    band.wheelEvent(wheel)
    assert band.item.pixels_per_day > scale * 1.5
    after = band.mapFromScene(band.item.position_of("f1"))
    assert abs(after.x() - anchor.x()) <= 3, "the day under the mouse stays under it"
    start = band.horizontalScrollBar().value()
    qtbot.mousePress(band.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(400, 60))
    qtbot.mouseMove(band.viewport(), QPoint(300, 60))
    qtbot.mouseRelease(band.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(300, 60))
    assert band.horizontalScrollBar().value() > start
    window.actions_.zoom_all.trigger()
    assert band.item.pixels_per_day <= scale * 1.01


def test_keyboard_reaches_every_part(qtbot, open_window, small_case):
    window = open_window()
    actions = window.actions_
    assert actions.new_event.shortcut().toString() == "Ctrl+N"
    assert actions.delete.shortcut().toString() == "Del"
    assert actions.find.shortcut().toString() == "Ctrl+F"
    assert actions.undo.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in actions.redo.shortcuts()]
    assert actions.import_files.shortcut().toString() == "Ctrl+I"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.exhibits.table.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.cases.view.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.timeline.table.hasFocus()
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text(), "every menu opens with Alt and a letter"


def test_a_large_case_shows_its_first_events_then_the_rest(qtbot, open_window, store, small_case, monkeypatch):
    monkeypatch.setattr("dossier_app.ui.timeline.controller.FIRST_PAGE", 2)
    window = open_window()
    assert window.busy() and window.timeline.coming, "the rest is read behind the window"
    qtbot.waitUntil(lambda: not window.busy(), timeout=20000)
    assert shown(window) == ["k1", "f1", "p1", "o1", "l1"]
    assert window.timeline.filter_bar.count.text() == "5 événements"
    assert len(window.exhibits.model.exhibits) == 2
    assert len(window.timeline.band.item.marks) == 5


def test_delete_key_on_the_case_list_asks_before_deleting_the_case(qtbot, open_window, store, small_case):
    window = open_window()
    window.answers.confirm_with = False
    window.cases.view.setFocus()
    qtbot.keyClick(window.cases.view, Qt.Key.Key_Delete)
    assert window.answers.confirmations and "Supprimer définitivement" in window.answers.confirmations[0]
    assert window.case_id == small_case and len(shown(window)) == 5
