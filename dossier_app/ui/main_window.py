"""The main window: cases on the left, the timeline in the middle, the exhibits on the right.

It lays the parts out and connects them; what they do is in the services, reached through the
panels (``case_panel``), the actions on events and exhibits (``event_actions``) and the import
(``import_flow``).  Every change goes through the undo stack, whose every move reloads the views.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from ..domain.money import Cents
from ..i18n import _
from ..services import exhibits as exhibit_service
from ..services import session, timeline
from ..store import Store
from .ask import Ask
from .case_panel import CasePanel
from .case_ref import CaseRef
from .case_session import CaseSession, Change
from .event_actions import EventActions
from .exhibit_panel import ExhibitPanel
from .import_flow import ImportFlow
from .labels import one_line
from .timeline_panel import TimelinePanel, dropped_paths
from .window_actions import build_actions
from .workers import Progress, Task

if TYPE_CHECKING:
    from ..domain.model import Exhibit

DEFAULT_SIZE = QSize(1440, 900)  # on a large screen; a smaller one gets what it can hold
FRAME = QSize(16, 48)  # what the window manager adds around the window (borders, title bar), about
CASES_WIDTH, EXHIBITS_WIDTH = 220, 400
MANY_CHANGES = 200  # events changed at once beyond which the timeline is read again whole, off the GUI thread
FIRST_PAGE = 300  # events shown at once when a large case opens (screens full of them); the rest follows


def home_key(store: Store) -> str:
    """Settings are per user; the last case is per data folder."""
    return hashlib.sha1(str(store.home.resolve()).encode("utf-8")).hexdigest()[:16]


def available_area() -> QRect:
    """The primary screen's room for windows (without the task bar)."""
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, DEFAULT_SIZE.width(), DEFAULT_SIZE.height())


def default_size(area: QRect) -> QSize:
    """The default size, made smaller to fit ``area`` with the window's frame."""
    return QSize(min(DEFAULT_SIZE.width(), area.width() - FRAME.width()),
                 min(DEFAULT_SIZE.height(), area.height() - FRAME.height()))


def fits_a_screen(rect: QRect) -> bool:
    """Whether a window of that geometry lies on a screen that can hold it whole."""
    screen = QGuiApplication.screenAt(rect.center())
    if screen is None:
        return False
    area = screen.availableGeometry()
    return rect.width() <= area.width() and rect.height() <= area.height() and area.intersects(rect)


def welcome_text(demo: bool) -> str:
    if demo:
        return _("Bienvenue ! Ceci est une affaire de démonstration, pour voir comment Dossier s'utilise. Pour commencer la vôtre : Fichier \u203a Nouvelle affaire (Ctrl+Maj+N), puis glissez vos documents dans la fenêtre.")
    return _("Aucune affaire pour l'instant. Créez la vôtre : Fichier \u203a Nouvelle affaire (Ctrl+Maj+N), ou ouvrez un fichier d'affaire (Ctrl+O).")


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
        self.cases = CasePanel(store, self.undo, self.ask, self.case_ref, self)
        self.timeline = TimelinePanel()
        self.exhibits = ExhibitPanel()
        self.events = EventActions(self, self.undo, self.ask)
        self.imports = ImportFlow(self, self.undo, self.ask)
        self.case_title = QLabel()
        self.case_title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        # Long titles wrap rather than widen the window past a small screen.
        self.case_title.setWordWrap(True)
        self.case_parties = QLabel()
        self.case_parties.setWordWrap(True)
        self.case_parties.setStyleSheet("color: #555555;")
        self.welcome = QLabel()
        self.welcome.setWordWrap(True)
        self.welcome.setStyleSheet("background: #fff6d5; border: 1px solid #e6c24f; border-radius: 4px; padding: 6px;")
        self.welcome.hide()
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(4, 0, 4, 0)
        for widget in (self.welcome, self.case_title, self.case_parties):
            middle_layout.addWidget(widget)
        middle_layout.addWidget(self.timeline, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.cases)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.exhibits)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([CASES_WIDTH, DEFAULT_SIZE.width() - CASES_WIDTH - EXHIBITS_WIDTH, EXHIBITS_WIDTH])
        self.setCentralWidget(self.splitter)
        self.actions_ = build_actions(self, self.undo, self._handlers())
        self._outstanding: Task | None = None
        self._loading: Task | None = None
        self._generation = 0
        self._closing = False
        self._outstanding_again = False
        self._connect()
        self._restore()
        self.demo_case = settings.value(f"cases/{home_key(store)}/demo")
        if start.created_demo and start.case_id is not None:
            self.demo_case = start.case_id
            settings.setValue(f"cases/{home_key(store)}/demo", start.case_id)
        self.open_case(start.case_id)
        if start.problem:
            self.statusBar().showMessage(start.problem)

    def _handlers(self) -> dict[str, Callable[[], object]]:
        tl, ex = self.timeline, self.exhibits
        return {
            "new_case": self.cases.new_case, "open_case_file": self.cases.load_case, "dump_case": self.cases.dump_case,
            "import_files": self.import_files, "quit": self.close,
            "new_event": lambda: self.events.new_event(), "edit_event": self._with_event(self.events.edit_event),
            "duplicate_event": self._with_event(self.events.duplicate_event), "delete": self.delete_selected,
            "link_exhibits": self._with_event(lambda e: self.events.pick_exhibits_for(
                e, self._event_title(e), ex.model.exhibits)),
            "find": self.focus_search, "show_all": tl.filter_bar.clear,
            "edit_case": self.cases.edit_case, "rename_case": self.cases.rename_case,
            "delete_case": self.cases.delete_case,
            "link_events": self._with_exhibit(lambda x: self.events.pick_events_for(x, tl.model.rows)),
            "edit_exhibit": self._with_exhibit(self.events.edit_exhibit),
            "remove_exhibit": self._with_exhibit(self.events.remove_exhibit),
            "focus_cases": self.cases.view.setFocus, "focus_timeline": tl.table.setFocus,
            "focus_exhibits": ex.table.setFocus,
            "zoom_in": lambda: tl.band.zoom(1.5), "zoom_out": lambda: tl.band.zoom(1 / 1.5), "zoom_all": tl.band.fit,
        }

    @property
    def case_id(self) -> int | None:
        return self.session.case_id

    def _connect(self) -> None:
        tl, ex = self.timeline, self.exhibits
        self.session.changed.connect(self._changed)
        self.cases.case_chosen.connect(self.open_case)
        tl.selection_changed.connect(ex.model.set_highlight)
        tl.event_activated.connect(self.events.edit_event)
        tl.table.files_dropped.connect(lambda paths, event_id: self.import_paths(paths, event_id or None))
        tl.table.exhibits_dropped.connect(self._link_dropped)
        ex.table.files_dropped.connect(self.import_paths)
        ex.selection_changed.connect(self._show_exhibit)
        ex.import_button.clicked.connect(self.import_files)
        ex.link_button.clicked.connect(self.actions_.link_events.trigger)
        ex.edit_button.clicked.connect(self.actions_.edit_exhibit.trigger)
        ex.remove_button.clicked.connect(self.actions_.remove_exhibit.trigger)
        ex.table.activated.connect(lambda _index: self.actions_.edit_exhibit.trigger())
        self.events.event_saved.connect(tl.select_event)
        a = self.actions_
        # Right-click offers what the menus offer, where it applies.
        for widget, actions in ((tl.table, (a.new_event, a.edit_event, a.duplicate_event, a.link_exhibits, a.delete)),
                                (ex.table, (a.import_files, a.link_events, a.edit_exhibit, a.remove_exhibit)),
                                (self.cases.view, (a.new_case, a.edit_case, a.rename_case, a.delete_case))):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            widget.addActions(list(actions))
        self.events.status.connect(self.statusBar().showMessage)
        self.imports.done.connect(self._import_done)

    # --- the case shown ------------------------------------------------------------------------
    def case_ref(self) -> CaseRef | None:
        return self.session.ref()

    def open_case(self, case_id: int | None) -> None:
        if case_id is not None and not session.case_exists(self.store, case_id):
            case_id = None
        if not self.session.open(case_id):
            return
        ref = self.case_ref()
        self.events.set_case(ref)
        self.imports.set_case(ref)
        self.timeline.start_afresh()
        self.exhibits.preview.clear()
        if case_id is not None:
            self.settings.setValue(f"cases/{home_key(self.store)}/last", case_id)
        self.reload(first_page=True)
        self.cases.show_current(case_id)

    def _changed(self, change: Change) -> None:
        """One step done, undone or redone: show what it changed, and only that."""
        case_id = self.case_id
        if case_id is None:
            return
        self._generation += 1
        self.cases.refresh()  # its counts of events and exhibits
        if change.case:
            self._update_header()
        if change.events:
            if self.timeline.coming or len(change.events) > MANY_CHANGES:
                # The rest of the case is still being read, or many events changed (an import's
                # invoices): read it all again behind the window, as when it was opened.
                self._read_rest(case_id, [], self._generation)
            else:
                found = timeline.timeline_rows_of(self.store, case_id, change.events)
                self.timeline.update_events({ref: found.get(ref) for ref in change.events})
        if change.exhibits:
            self.exhibits.set_exhibits(exhibit_service.exhibits(self.store, case_id))
        self.update_outstanding()

    def reload(self, *_: object, first_page: bool = False) -> None:
        """Read the case again; ``first_page``: show its first events now and read the rest behind.

        A case just opened appears at once however long it is; after an edit, the whole case is
        read before the views change, so that the selection stays on the event edited.
        """
        self._generation += 1
        case_id = self.case_id
        self.cases.refresh()
        if case_id is None:
            self.timeline.set_rows([])
            self.exhibits.set_exhibits([])
        else:
            # One more than a page tells whether there is more, without counting them all.
            limit = FIRST_PAGE + 1 if first_page else None
            rows = timeline.timeline_rows(self.store, case_id, limit=limit)
            more = limit is not None and len(rows) > FIRST_PAGE
            coming = 0
            if more:
                rows = rows[:FIRST_PAGE]
                line = next((x for x in self.cases.model.lines if x.id == case_id), None)
                coming = line.events if line is not None else FIRST_PAGE + 1
            self.timeline.set_rows(rows, coming=coming)
            if more:
                self._read_rest(case_id, rows, self._generation)
                # A case that large has its exhibits shown just after its first events.
                generation = self._generation
                self.timeline.after_first_paint(lambda: self._show_exhibits(case_id, generation))
            else:
                self.exhibits.set_exhibits(exhibit_service.exhibits(self.store, case_id))
        self._update_header()
        # After the first paint: its thread would compete with the paint for the interpreter.
        self.timeline.after_first_paint(self.update_outstanding)

    def _show_exhibits(self, case_id: int, generation: int) -> None:
        if generation == self._generation:
            self.exhibits.set_exhibits(exhibit_service.exhibits(self.store, case_id))

    def _read_rest(self, case_id: int, first: list[timeline.TimelineRow], generation: int) -> None:
        home, offset = self.store.home, len(first)

        def work(progress: Progress) -> tuple[list[timeline.TimelineRow], timeline.SearchIndex]:
            from ..services.store_access import open_home

            store = open_home(home)
            try:
                rows = first + timeline.timeline_rows(store, case_id, offset=offset)
            finally:
                store.close()
            index = timeline.SearchIndex(rows)
            index.texts()  # here rather than at the first search
            return rows, index

        def done(result: tuple[list[timeline.TimelineRow], timeline.SearchIndex]) -> None:
            if generation == self._generation:  # else the case changed meanwhile: drop it
                rows, index = result
                self.timeline.set_rows(rows, index=index)
            if self._outstanding_again:
                self._outstanding_again = False
                self.update_outstanding()

        task = Task(work, self)
        def failed(message: str) -> None:
            if generation == self._generation and first:
                self.timeline.set_rows(first)  # what was read stays shown, and the count says so
            self.ask.error(message)

        task.succeeded.connect(done)
        task.failed.connect(failed)
        self._loading = task
        self.timeline.after_first_paint(lambda: None if self._closing else task.start())

    def _update_header(self) -> None:
        line = next((x for x in self.cases.model.lines if x.id == self.case_id), None)
        is_demo = line is not None and str(line.id) == str(self.demo_case)
        if line is None:
            self.case_title.setText(_("Aucune affaire ouverte"))
            self.case_parties.setText("")
            self.setWindowTitle("Dossier")
        else:
            title = one_line(line.title)
            self.case_title.setText(title)
            self.case_parties.setText(f"{one_line(line.us)} / {one_line(line.them)}")
            self.setWindowTitle(f"{title} — Dossier")
        show_welcome = is_demo or line is None
        self.welcome.setText(welcome_text(is_demo) if show_welcome else "")
        self.welcome.setVisible(show_welcome)
        has_case = line is not None
        for action in (self.actions_.new_event, self.actions_.import_files, self.actions_.dump_case,
                       self.actions_.edit_case, self.actions_.rename_case, self.actions_.delete_case):
            action.setEnabled(has_case)

    def update_outstanding(self) -> None:
        """What each case leaves unpaid, computed off the GUI thread (it reads whole cases)."""
        if self._closing:
            return
        busy = [task for task in (self._outstanding, self._loading) if task is not None]
        if any(task.running or (task is self._loading and self.timeline.coming) for task in busy):
            # One thing at a time behind the window: the events first, then the amounts.
            self._outstanding_again = True
            return
        ids = [line.id for line in self.cases.model.lines]
        if not ids:
            return
        home = self.store.home

        def work(progress: Progress) -> dict[int, Cents | None]:
            from ..services.store_access import open_home

            store = open_home(home)
            try:
                out: dict[int, Cents | None] = {}
                for case_id in ids:
                    if not progress(len(out), len(ids), ""):
                        break
                    out[case_id] = session.outstanding_of(store, case_id)
                return out
            finally:
                store.close()

        task = Task(work, self)
        task.succeeded.connect(self._outstanding_known)
        task.finished.connect(self._outstanding_finished)
        self._outstanding = task
        task.start()

    def busy(self) -> bool:
        """Whether the window is still reading behind the scenes (the rest of the events, the amounts)."""
        return bool(self.timeline.coming) or self._outstanding_again or any(
            task is not None and task.running for task in (self._outstanding, self._loading))

    def _outstanding_known(self, amounts: dict[int, Cents | None]) -> None:
        for case_id, cents in amounts.items():
            self.cases.model.set_outstanding(case_id, cents)

    def _outstanding_finished(self) -> None:
        if self._outstanding_again:
            self._outstanding_again = False
            QTimer.singleShot(0, self.update_outstanding)

    # --- actions needing a selection --------------------------------------------------------------
    def _with_event(self, action: Callable[[str], object]) -> Callable[[], None]:
        def run() -> None:
            event_id = self.timeline.selected_event_id()
            if event_id is None:
                self.statusBar().showMessage(_("Choisissez d'abord un événement dans la chronologie."), 5000)
                return
            action(event_id)
        return run

    def _with_exhibit(self, action: Callable[[Exhibit], object]) -> Callable[[], None]:
        def run() -> None:
            exhibit = self.exhibits.selected()
            if exhibit is None:
                self.statusBar().showMessage(_("Choisissez d'abord une pièce."), 5000)
                return
            action(exhibit)
        return run

    def _event_title(self, event_id: str) -> str:
        row = self.timeline.model.row_of(event_id)
        return one_line(self.timeline.model.rows[row].title if row is not None else event_id)

    def delete_selected(self) -> None:
        """Delete what has the focus: the chosen exhibit, the chosen case (asked first), else the event."""
        focus = QApplication.focusWidget()
        if focus is not None and (focus is self.exhibits.table or self.exhibits.isAncestorOf(focus)):
            self._with_exhibit(self.events.remove_exhibit)()
        elif focus is not None and (focus is self.cases.view or self.cases.isAncestorOf(focus)):
            self.cases.delete_case()
        else:
            self._with_event(self.events.delete_event)()

    def focus_search(self) -> None:
        self.timeline.filter_bar.text.setFocus()
        self.timeline.filter_bar.text.selectAll()

    def _show_exhibit(self, exhibit: object) -> None:
        if exhibit is None:
            self.exhibits.preview.clear()
            return
        from ..services.preview import preview_of

        self.exhibits.preview.show_source(preview_of(self.store, exhibit))  # type: ignore[arg-type]

    def _link_dropped(self, shas: list[str], event_id: str) -> None:
        chosen = [x for x in self.exhibits.model.exhibits if x.sha256 in set(shas)]
        self.events.link(chosen, event_id)

    # --- imports -------------------------------------------------------------------------------
    def import_files(self) -> None:
        paths = self.ask.files(_("Ajouter des pièces"))
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[Path], link_to: str | None = None) -> None:
        self.imports.start(paths, link_to, self._event_title(link_to) if link_to else None)

    def _import_done(self, how: str) -> None:
        if how == "added":
            self.statusBar().showMessage(_("Pièces ajoutées \u2014 Ctrl+Z pour annuler."), 8000)
        elif how == "cancelled":
            self.statusBar().showMessage(_("Import annulé : rien n'a été ajouté."), 8000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # --- settings ------------------------------------------------------------------------------
    def _restore(self) -> None:
        """The size and place saved last time if they fit a screen now, else a size that fits this one."""
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty() and self.restoreGeometry(geometry) \
                and fits_a_screen(self.geometry()):
            splitter = self.settings.value("window/splitter")
            if isinstance(splitter, QByteArray) and not splitter.isEmpty():
                self.splitter.restoreState(splitter)
            return
        self.setWindowState(Qt.WindowState.WindowNoState)
        area = available_area()
        size = default_size(area)
        self.resize(size)
        self.move(area.x() + max(0, (area.width() - size.width() - FRAME.width()) // 2),
                  area.y() + max(0, (area.height() - size.height() - FRAME.height()) // 2))
        handles = 2 * self.splitter.handleWidth()
        self.splitter.setSizes([CASES_WIDTH, max(0, size.width() - CASES_WIDTH - EXHIBITS_WIDTH - handles),
                                EXHIBITS_WIDTH])

    def closeEvent(self, event: QCloseEvent) -> None:
        from .event_actions import discard_question
        from .unsaved import KeepsTyping

        # Closed from the title bar or by a logout while a form holds what the user typed: ask first.
        typing = [form for form in self.findChildren(KeepsTyping) if form.isVisible() and form.has_changes()]
        if typing and not self.ask.confirm(*discard_question()):
            typing[0].raise_()
            event.ignore()
            return
        self._closing = True
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        if self.case_id is not None:
            self.settings.setValue(f"cases/{home_key(self.store)}/last", self.case_id)
        self.settings.sync()
        self.imports.shutdown()
        for task in (self._outstanding, self._loading):
            if task is not None and task.running:
                task.wait()
        super().closeEvent(event)
