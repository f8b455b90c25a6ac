"""A step done or undone changes the rows it touched, and only those: no reset of the table, the
selection and the scroll stay where the user left them, and every row stays where its sort puts it."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from dossier_app.domain.model import Note
from dossier_app.services import events
from dossier_app.services.interchange import load_case
from dossier_app.services.timeline import EventFilter, TimelineRow, filter_rows
from dossier_app.ui.timeline.filter import TimelineProxy
from dossier_app.ui.timeline.model import AMOUNT, DATE, TITLE, TimelineModel, _sort_key
from tests.support.cases import small_document, write_case
from tests.ui.test_events import type_into


def _long_case(store, tmp_path: Path, n: int = 700) -> int:
    doc = small_document()
    start = date(2023, 1, 1)
    doc["events"] += [{"id": f"n-{i}", "kind": "note", "date": (start + timedelta(days=i // 3)).isoformat(),
                       "title": f"Note {i:04d}"} for i in range(n)]
    return load_case(store, write_case(tmp_path / "long", doc))


def _shown_ids(window) -> list[str]:
    proxy = window.timeline.proxy
    return [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) for r in range(proxy.rowCount())]


def _double_click_row(qtbot, window, event_id: str) -> None:
    table = window.timeline.table
    assert window.timeline.select_event(event_id)
    index = table.currentIndex()
    centre = table.visualRect(index).center()
    viewport, left, none = table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(viewport, left, none, centre)
    QTest.mouseRelease(viewport, left, none, centre)
    QTest.mouseDClick(viewport, left, none, centre)
    QTest.mouseRelease(viewport, left, none, centre)


def test_an_edit_and_its_undo_leave_the_table_as_the_user_left_it(qtbot, open_window, store, tmp_path):
    case_id = _long_case(store, tmp_path)
    window = open_window(str(case_id))
    qtbot.waitUntil(lambda: not window.busy(), timeout=10000)
    resets: list[int] = []
    window.timeline.model.modelReset.connect(lambda: resets.append(1))
    table = window.timeline.table
    _double_click_row(qtbot, window, "n-350")
    scroll = table.verticalScrollBar().value()
    assert scroll > 0
    form = window.events.form
    type_into(qtbot, form.field("title"), "Note corrigee")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    row = window.timeline.proxy.proxy_row_of("n-350")
    assert window.timeline.proxy.index(row, TITLE).data() == "Note corrigee"
    assert window.timeline.selected_event_id() == "n-350"
    assert table.verticalScrollBar().value() == scroll
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.timeline.proxy.index(row, TITLE).data() == "Note 0350"
    assert window.timeline.selected_event_id() == "n-350"
    assert table.verticalScrollBar().value() == scroll
    assert resets == []


def test_an_event_whose_date_changes_moves_to_its_place_and_a_deleted_one_goes(qtbot, open_window, store, tmp_path):
    case_id = _long_case(store, tmp_path, 400)
    window = open_window(str(case_id))
    qtbot.waitUntil(lambda: not window.busy(), timeout=10000)
    _double_click_row(qtbot, window, "n-10")
    form = window.events.form
    type_into(qtbot, form.field("date"), "15/02/2025")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    ids = _shown_ids(window)
    model = window.timeline.model
    days = [model.rows[model.row_of(i)].day for i in ids]
    assert days == sorted(days)
    assert model.rows[model.row_of("n-10")].day == date(2025, 2, 15)
    assert window.timeline.selected_event_id() == "n-10"
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Delete)
    assert "n-10" not in _shown_ids(window)
    assert len(_shown_ids(window)) == len(ids) - 1
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "n-10" in _shown_ids(window)
    assert window.timeline.selected_event_id() == "n-10", "the event put back is the one chosen"
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the date, back
    assert model.rows[model.row_of("n-10")].day == date(2023, 1, 4)
    assert window.timeline.selected_event_id() == "n-10", "the event undone is the one chosen"


def test_a_filtered_and_sorted_table_takes_an_added_event_where_it_belongs(qtbot, open_window, store, tmp_path):
    case_id = _long_case(store, tmp_path, 50)
    window = open_window(str(case_id))
    header = window.timeline.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_header_point(header, TITLE))
    qtbot.keyClicks(window.timeline.filter_bar.text, "note")
    qtbot.waitUntil(lambda: len(_shown_ids(window)) == 50, timeout=5000)
    event = Note(id="n-new", date=date(2024, 1, 1), title="Note 0024 bis")
    events.add_event_object(store, case_id, event)
    from dossier_app.ui.undo_commands import AddEvent

    window.undo.push(AddEvent(window.case_ref(), event))
    shown = _shown_ids(window)
    assert len(shown) == 51
    model = window.timeline.model
    titles = [model.rows[model.row_of(i)].title for i in shown]
    assert titles == sorted(titles, key=str.casefold) or titles == sorted(titles, key=str.casefold, reverse=True)
    assert shown.index("n-new") == titles.index("Note 0024 bis")


def _header_point(header, column: int):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)


def _row(i: int, rnd: random.Random) -> TimelineRow:
    day = date(2024, 1, 1) + timedelta(days=rnd.randrange(60))
    return TimelineRow(f"e{i}", rnd.choice(["note", "invoice", "payment"]), day, None,
                       rnd.choice(["Règlement", "Facture", "Relance", "Appel"]) + f" {i}", None,
                       rnd.choice([None, 100, 250, -50]), False, (), None, None, None, rnd.randrange(2))


def test_patched_rows_stay_sorted_and_filtered_as_if_read_afresh(qtbot):
    from dossier_app.services.timeline import search_text

    rnd = random.Random(12)
    for column, descending in ((DATE, False), (TITLE, True), (AMOUNT, False)):
        model = TimelineModel()
        proxy = TimelineProxy(model)
        rows = [_row(i, rnd) for i in range(300)]
        proxy.set_filter(EventFilter(text="reglement"))
        proxy.replace_rows(rows)
        proxy.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        assert proxy._index is not None and proxy._index.rows is model.rows
        next_id = 300
        for _step in range(60):
            updates: dict[str, TimelineRow | None] = {}
            for _ in range(rnd.randrange(1, 4)):
                what = rnd.random()
                if what < 0.3 and model.rows:
                    updates[rnd.choice(model.rows).id] = None
                elif what < 0.7 and model.rows:
                    old = rnd.choice(model.rows)
                    updates[old.id] = _row(int(old.id[1:]), rnd)._replace(id=old.id)
                else:
                    updates[f"e{next_id}"] = _row(next_id, rnd)
                    next_id += 1
            proxy.patch(updates, column, descending)
        keys = [_sort_key(column, r) for r in model.rows]
        assert keys == sorted(keys, reverse=descending)
        assert proxy._keep == filter_rows(model.rows, EventFilter(text="reglement"))
        assert proxy._index.texts() == [search_text(r) for r in model.rows]
        assert proxy.rowCount() == sum(proxy._keep)


def test_rows_read_again_under_a_filter_and_a_sort_show_what_both_ask(qtbot, open_window, store, tmp_path):
    from dossier_app.services.timeline import timeline_rows

    case_id = _long_case(store, tmp_path, 30)
    window = open_window(str(case_id))
    header = window.timeline.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_header_point(header, TITLE))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_header_point(header, TITLE))  # descending
    qtbot.keyClicks(window.timeline.filter_bar.text, "note 001")
    qtbot.waitUntil(lambda: len(_shown_ids(window)) == 10, timeout=5000)
    # The rest of a large case arriving, or many events changed at once: the rows are given again.
    window.timeline.set_rows(timeline_rows(store, case_id))
    model = window.timeline.model
    titles = [model.rows[model.row_of(i)].title for i in _shown_ids(window)]
    assert titles == sorted((f"Note {i:04d}" for i in range(10, 20)), reverse=True)
