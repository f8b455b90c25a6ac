"""The claims tab and the rates: reads the claims of the open case off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget

from ..ask import Ask
from ..case_session import CaseSession
from ..window_actions import WindowActions, on
from .view import ClaimsView


class ClaimsController(QObject):
    def __init__(self, session: CaseSession, view: ClaimsView, tabs: QTabWidget, ask: Ask,
                 status: Callable[[str], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.view, self.tabs, self.ask, self.status = session, view, tabs, ask, status

    def register(self, a: WindowActions) -> None:
        on(a.show_claims, lambda: self.tabs.setCurrentWidget(self.view))

    def shutdown(self) -> None:
        pass
