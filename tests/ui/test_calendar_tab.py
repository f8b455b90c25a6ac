"""The « Calendrier » tab, used as a user does: the case's dates in order, each with its day, what falls due,
what to do and how far it is; the next one in sight; a date leads to its event; the .ics file (issue 16)."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from dossier_app.domain.calendar import Deadline
from dossier_app.services import calendar, cases
from dossier_app.services.demo import create_demo
from dossier_app.ui.calendar.model import (
    DAY_ROLE,
    DEADLINE_ROLE,
    NEXT_ROLE,
    PAST_ROLE,
    TODO_ROLE,
    WHEN_ROLE,
    day_with_weekday,
)
from tests.ui.test_one_form import double_click


def press(window, keys: str) -> None:
    """A shortcut typed on the keyboard, as the user does."""
    sequence = QKeySequence(keys)[0]
    QTest.keyClick(window, sequence.key(), sequence.keyboardModifiers())


def shown_lines(qtbot, window) -> list[tuple[str, str, str, str]]:
    """What each line says: its day, what falls due, what to do, how far it is."""
    view = window.calendar_view
    qtbot.waitUntil(lambda: not window.calendar.busy and view.pages.currentIndex() == view.LIST, timeout=10000)
    model = view.model
    return [(model.index(r).data(DAY_ROLE), model.index(r).data(), model.index(r).data(TODO_ROLE),
             model.index(r).data(WHEN_ROLE)) for r in range(model.rowCount())]


def demo_event_ids(store, case_id: int) -> list[str]:
    return [e.id for e in cases.read_case_file(store, case_id).events]


@pytest.fixture
def three_dates(monkeypatch, store):
    """``case_calendar`` standing for the service: three dates of the demo's events around today, one past."""
    asked: list[tuple[int, date]] = []

    def case_calendar(store_, case_id: int, today: date | None = None) -> tuple[Deadline, ...]:
        assert today is not None
        asked.append((case_id, today))
        first, second = demo_event_ids(store_, case_id)[:2]
        return (
            Deadline(today - timedelta(days=3), "notice_deadline", "Fin du délai de la mise en demeure",
                     "Sans paiement, préparez l'assignation en référé.", first, past=True),
            Deadline(today + timedelta(days=5), "hearing", "Audience de référé",
                     "Venez avec le dossier imprimé et les originaux des pièces.", second),
            Deadline(today + timedelta(days=40), "contract_notice", "Préavis du contrat",
                     "Envoyez la résiliation avant cette date.", None),
        )

    monkeypatch.setattr(calendar, "case_calendar", case_calendar)
    return asked


AFTER_THE_NOTICE = date(2025, 10, 20)  # the demo's formal notices have run out, its hearing is to come


def test_the_day_is_written_out_with_its_weekday() -> None:
    assert day_with_weekday(date(2025, 10, 13)) == "lundi 13 octobre 2025"
    assert day_with_weekday(date(2025, 10, 1)) == "mercredi 1er octobre 2025"


def test_ctrl_6_shows_the_dates_in_order_the_past_greyed_the_next_chosen(
        qtbot, open_window, store, three_dates) -> None:
    case_id = create_demo(store)
    window = open_window(str(case_id))
    qtbot.waitUntil(lambda: not window.busy(), timeout=10000)
    assert three_dates == []  # nothing worked out while the tab is hidden
    press(window, "Ctrl+6")
    assert window.tabs.currentWidget() is window.calendar_view
    today = date.today()
    lines = shown_lines(qtbot, window)
    assert three_dates == [(case_id, today)]
    assert [(day, when) for day, _title, _todo, when in lines] == [
        (day_with_weekday(today - timedelta(days=3)), "passé depuis 3 jours"),
        (day_with_weekday(today + timedelta(days=5)), "dans 5 jours"),
        (day_with_weekday(today + timedelta(days=40)), "dans 40 jours")]
    assert lines[1][1:3] == ("Audience de référé", "Venez avec le dossier imprimé et les originaux des pièces.")
    view = window.calendar_view
    model = view.model
    assert [model.index(r).data(PAST_ROLE) for r in range(3)] == [True, False, False]
    assert [model.index(r).data(NEXT_ROLE) for r in range(3)] == [False, True, False]
    assert view.list.currentIndex().row() == 1  # the next one to come, chosen
    assert view.list.hasFocus()
    assert view.list.viewport().rect().intersects(view.list.visualRect(model.index(1)))
    assert view.export_button.isEnabled()


def test_enter_on_a_date_selects_its_event_in_the_timeline(qtbot, open_window, store, three_dates) -> None:
    case_id = create_demo(store)
    window = open_window(str(case_id))
    qtbot.waitUntil(lambda: not window.busy(), timeout=10000)
    press(window, "Ctrl+6")
    shown_lines(qtbot, window)
    view = window.calendar_view
    second = view.model.index(1).data(DEADLINE_ROLE).event_id
    qtbot.keyClick(view.list, Qt.Key.Key_Return)  # on the next date, chosen when the tab opened
    assert window.tabs.currentWidget() is window.timeline
    assert window.timeline.selected_event_id() == second
    assert window.timeline.table.hasFocus()
    # Back, and a double-click on the past date: its own event.
    press(window, "Ctrl+6")
    first = view.model.index(0).data(DEADLINE_ROLE).event_id
    index = view.model.index(0)
    view.list.scrollTo(index)
    double_click(view.list, view.list.visualRect(index).center())
    assert window.tabs.currentWidget() is window.timeline
    assert window.timeline.selected_event_id() == first
    # A date of no event leaves the timeline alone and says why.
    press(window, "Ctrl+6")
    view.list.setCurrentIndex(view.model.index(2))
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.calendar_view
    assert "ne découle d'aucun événement" in window.statusBar().currentMessage()


def test_an_empty_case_says_what_would_appear(qtbot, open_window, store) -> None:
    case_id = cases.create_case(store, cases.blank_case("Martin c/ WebPlus", "provider"))
    window = open_window(str(case_id))
    press(window, "Ctrl+6")
    view = window.calendar_view
    qtbot.waitUntil(lambda: not window.calendar.busy and "Ajoutez une mise en demeure" in view.message.text(),
                    timeout=10000)
    assert view.pages.currentIndex() == view.MESSAGE
    assert "Édition › Nouvel événement" in view.message.text()
    assert not view.export_button.isEnabled()


def test_the_tab_follows_the_case_as_it_changes(qtbot, open_window, store, three_dates) -> None:
    case_id = create_demo(store)
    window = open_window(str(case_id))
    qtbot.waitUntil(lambda: not window.busy(), timeout=10000)
    press(window, "Ctrl+6")
    shown_lines(qtbot, window)
    view = window.calendar_view
    first = view.model.index(0).data(DEADLINE_ROLE).event_id
    # The event of the first date deleted in the timeline, as the user does: the dates follow.
    assert window.timeline_.select_event(first)
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Delete)
    press(window, "Ctrl+6")
    shown_lines(qtbot, window)
    assert view.model.index(0).data(DEADLINE_ROLE).event_id == demo_event_ids(store, case_id)[0] != first
    qtbot.keyClick(view.list, Qt.Key.Key_End)  # the last date chosen, the contract's
    assert view.list.currentIndex().row() == 2
    window.undo.undo()  # shown meanwhile: worked out again at once
    qtbot.waitUntil(lambda: view.model.rowCount() == 3 and view.model.index(0).data(DEADLINE_ROLE).event_id == first,
                    timeout=10000)
    assert view.list.currentIndex().row() == 2  # still the one the user chose, not the next one
    # Another case, empty: nothing of the demo stays in sight.
    other = cases.create_case(store, cases.blank_case("Vide", "provider"))
    window.open_case(other)
    qtbot.waitUntil(lambda: not window.calendar.busy and view.pages.currentIndex() == view.MESSAGE, timeout=10000)
    assert view.model.rowCount() == 0


def test_the_demo_s_dates_are_the_command_s(qtbot, open_window, store) -> None:
    case_id = create_demo(store)
    window = open_window(str(case_id))
    qtbot.waitUntil(lambda: not window.busy(), timeout=10000)
    window.calendar.today = lambda: AFTER_THE_NOTICE
    press(window, "Ctrl+6")
    lines = shown_lines(qtbot, window)
    expected = calendar.case_calendar(store, case_id, AFTER_THE_NOTICE)
    assert expected, "the demo has dates"
    assert [(title, todo) for _day, title, todo, _when in lines] == [(d.title, d.what_to_do) for d in expected]
    assert [day for day, *_rest in lines] == [day_with_weekday(d.day) for d in expected]
    # The first date still to come is the one chosen and marked; those before it are greyed.
    view = window.calendar_view
    coming = next(i for i, d in enumerate(expected) if d.day >= AFTER_THE_NOTICE)
    assert 0 < coming < len(expected) - 1, "the demo has dates on both sides of that day"
    assert view.list.currentIndex().row() == coming
    assert view.model.index(coming).data(NEXT_ROLE)
    assert [view.model.index(r).data(PAST_ROLE) for r in range(len(expected))] == [d.past for d in expected]
    assert lines[coming][3] == f"dans {(expected[coming].day - AFTER_THE_NOTICE).days} jours"
    window.resize(1366, 768)
    qtbot.wait(50)
    window.grab().save(os.environ.get("CALENDAR_PNG", str(Path(store.home) / "calendar.png")))


def test_the_ics_button_writes_a_file_icalendar_reads_back(qtbot, open_window, store, tmp_path: Path) -> None:
    import icalendar

    case_id = create_demo(store)
    window = open_window(str(case_id))
    qtbot.waitUntil(lambda: not window.busy(), timeout=10000)
    press(window, "Ctrl+6")
    lines = shown_lines(qtbot, window)
    target = tmp_path / "agenda"  # typed without its extension
    window.answers.save_with = target
    qtbot.mouseClick(window.calendar_view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.calendar.busy, timeout=10000)
    written = tmp_path / "agenda.ics"
    assert written.exists(), window.answers.errors
    events = icalendar.Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    assert len(events) == len(lines)
    assert sorted(str(e.get("SUMMARY")) for e in events) == sorted(title for _day, title, _todo, _when in lines)
    message = window.statusBar().currentMessage()
    assert f"{len(lines)} dates écrites dans agenda.ics" in message
