"""The readiness tab: runs the check of the open case off the GUI thread, and leads to what each finding is about."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget

from ..case_session import CaseSession
from ..cases.controller import CasesController
from ..exhibits.controller import ExhibitsController
from ..timeline.controller import TimelineController
from ..window_actions import WindowActions, on
from .view import ReadinessView


class ReadinessController(QObject):
    def __init__(self, session: CaseSession, view: ReadinessView, tabs: QTabWidget, timeline: TimelineController,
                 exhibits: ExhibitsController, cases: CasesController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.view, self.tabs = session, view, tabs
        self.timeline, self.exhibits, self.cases = timeline, exhibits, cases

    def register(self, a: WindowActions) -> None:
        on(a.show_readiness, lambda: self.tabs.setCurrentWidget(self.view))

    def shutdown(self) -> None:
        pass
