"""The main window: cases on the left, the timeline in the middle, the exhibits on the right.

It builds the case session, places each feature's view, and registers each feature's controller
(``cases/``, ``timeline/``, ``events/``, ``exhibits/``, ``importing/``), which brings its own actions;
it keeps the window's size and place, and takes files dropped onto it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ..i18n import _
from ..services import session
from ..store import Store
from .archive.controller import ArchiveController
from .ask import Ask
from .calendar.controller import CalendarController
from .calendar.view import CalendarView
from .case_ref import CaseRef
from .case_session import CaseSession
from .cases.controller import CasesController
from .cases.view import CaseHeader, CasesView
from .claims.controller import ClaimsController
from .claims.view import ClaimsView
from .events.controller import EventActions
from .exhibits.controller import ExhibitsController
from .exhibits.view import ExhibitPanel
from .exporting.controller import ExportController
from .help.controller import HelpController
from .importing.controller import ImportFlow
from .letters.controller import LettersController
from .preferences.controller import PreferencesController
from .readiness.controller import ReadinessController
from .readiness.view import ReadinessView
from .timeline.controller import TimelineController
from .timeline.view import TimelinePanel, dropped_paths
from .window_actions import DeleteByFocus, build_actions, on
from .window_geometry import (
    CASES_WIDTH,
    DEFAULT_SIZE,
    EXHIBITS_WIDTH,
    home_key,
    restore_geometry,
    save_geometry,
)

__all__ = ["MainWindow", "home_key"]

class MainWindow(QMainWindow):
    def __init__(self, store: Store, settings: QSettings, start: session.Start, ask: Ask | None = None) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.ask = ask or Ask(self)
        self.session = CaseSession(store, self.ask.error, self)
        self.undo = self.session.undo
        self.setWindowTitle("Dossier")
        self.setAcceptDrops(True)
        # The views, placed.
        self.case_list, self.header = CasesView(), CaseHeader()
        self.case_title, self.case_parties, self.welcome = self.header.title, self.header.parties, self.header.welcome
        self.timeline, self.exhibits = TimelinePanel(), ExhibitPanel()
        self.claims_view, self.readiness_view, self.calendar_view = ClaimsView(), ReadinessView(), CalendarView()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.timeline, _("Chronologie"))
        self.tabs.addTab(self.claims_view, _("Sommes dues"))
        self.tabs.addTab(self.readiness_view, _("Vérification"))
        self.tabs.addTab(self.calendar_view, _("Calendrier"))
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(4, 0, 4, 0)
        middle_layout.addWidget(self.header)
        middle_layout.addWidget(self.tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.case_list, middle, self.exhibits):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([CASES_WIDTH, DEFAULT_SIZE.width() - CASES_WIDTH - EXHIBITS_WIDTH, EXHIBITS_WIDTH])
        self.setCentralWidget(self.splitter)
        # The features, registered: each listens to the session and brings its own actions.
        status = self.statusBar().showMessage
        self.cases = CasesController(self.session, self.case_list, self.header, self.ask, status, self)
        self.timeline_ = TimelineController(self.session, self.timeline, self.ask.error, status,
                                            self.cases.events_of, self)
        self.exhibits_ = ExhibitsController(self.session, self.exhibits, self.timeline, status, self)
        self.events = EventActions(self, self.undo, self.ask)
        self.imports = ImportFlow(self, self.undo, self.ask)
        self.claims = ClaimsController(self.session, self.claims_view, self.tabs, self.ask, status, self)
        self.readiness = ReadinessController(self.session, self.readiness_view, self.tabs, self.timeline_,
                                             self.exhibits_, self.cases, self)
        self.exporting = ExportController(self.session, self.ask, settings, status, self)
        self.letters = LettersController(self.session, self.ask, settings, status, self)
        self.calendar = CalendarController(self.session, self.calendar_view, self.tabs, self.ask, self.timeline_, self)
        self.archive = ArchiveController(self.session, self.ask, settings, status, self.cases, self)
        self.preferences = PreferencesController(self, settings, self)
        self.help = HelpController(self, store, self)
        self.actions_ = a = build_actions(self, self.undo)
        delete = DeleteByFocus()
        self.cases.register(a, delete)
        self.timeline_.register(a, delete)
        self.exhibits_.register(a, delete, self.events)
        self.events.register(a, delete, self.session, self.timeline_, self.exhibits)
        self.imports.register(a, self.session, self.timeline_, self.exhibits, status)
        for feature in (self.claims, self.readiness, self.calendar, self.exporting, self.letters, self.archive,
                        self.preferences, self.help):
            feature.register(a)
        on(a.delete, delete)
        on(a.quit, self.close)
        self.events.status.connect(status)
        self.cases.case_chosen.connect(self.open_case)
        # The amounts wait for the events being read, and follow every change once the views have.
        self.cases.waits_for = lambda: self.timeline_.busy
        self.timeline_.loading.settled.connect(self.cases.resume)
        self.session.changed.connect(self.cases.update_outstanding)
        self.session.elsewhere.connect(self.cases.changed_elsewhere)
        restore_geometry(self, self.splitter, self.settings)
        self.open_case(start.case_id)
        if start.problem:
            self.statusBar().showMessage(start.problem)

    @property
    def case_id(self) -> int | None:
        return self.session.case_id

    def case_ref(self) -> CaseRef | None:
        return self.session.ref()

    def open_case(self, case_id: int | None) -> None:
        if case_id is not None and not session.case_exists(self.store, case_id):
            case_id = None
        if not self.session.open(case_id):
            return
        if case_id is not None:
            self.settings.setValue(f"cases/{home_key(self.store)}/last", case_id)
        # After the first paint: its thread would compete with the paint for the interpreter.
        self.timeline.after_first_paint(self.cases.update_outstanding)

    def busy(self) -> bool:
        """Whether the window is still reading behind the scenes (the rest of the events, the amounts)."""
        return self.timeline_.busy or self.cases.busy

    def import_paths(self, paths: list[Path], link_to: str | None = None) -> None:
        self.imports.import_paths(paths, link_to)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        from .events.controller import discard_question
        from .unsaved import KeepsTyping

        # Closed from the title bar or by a logout while a form holds what the user typed: ask first.
        typing = [form for form in self.findChildren(KeepsTyping) if form.isVisible() and form.has_changes()]
        if typing and not self.ask.confirm(*discard_question()):
            typing[0].raise_()
            event.ignore()
            return
        if (self.exporting.busy or self.archive.busy) and not self.ask.confirm(*work_under_way_question(
                self.exporting.busy)):
            event.ignore()
            return
        save_geometry(self, self.splitter, self.settings)
        if self.case_id is not None:
            self.settings.setValue(f"cases/{home_key(self.store)}/last", self.case_id)
        self.settings.sync()
        self.imports.shutdown()
        for feature in (self.claims, self.readiness, self.calendar, self.exporting, self.archive):
            feature.shutdown()
        self.cases.amounts.shutdown()
        self.timeline_.loading.shutdown()
        super().closeEvent(event)


def work_under_way_question(exporting: bool) -> tuple[str, str, str]:
    """Closing while an export (stopped, nothing written) or an archive (finished first) is under way."""
    if exporting:
        text = _("Un export est en cours. Si vous fermez Dossier, il est arrêté et aucun fichier n'est écrit.")
    else:
        text = _("Un archivage, une restauration ou une vérification est en cours : Dossier se fermera une fois "
                 "ce travail terminé, pour ne rien laisser à moitié fait.")
    return _("Fermer Dossier ?"), text, _("Fermer")
