"""The Calendrier tab's controller: the dates of ``calendar``, kept up to date with the case."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget

from ..ask import Ask
from ..case_session import CaseSession
from ..window_actions import WindowActions, on
from .view import CalendarView


class CalendarController(QObject):
    def __init__(self, session: CaseSession, view: CalendarView, tabs: QTabWidget, ask: Ask,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.view, self.tabs, self.ask = session, view, tabs, ask

    def register(self, a: WindowActions) -> None:
        on(a.show_calendar, self.show)

    def show(self) -> None:
        self.tabs.setCurrentWidget(self.view)

    def shutdown(self) -> None:
        """Nothing runs behind the scenes yet."""
