"""Files in: analyse off the GUI thread (progress, cancel), review, add, push one undoable step."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ...i18n import _, ngettext
from ...services.store_access import open_home
from ..ask import Ask
from ..case_ref import CaseRef
from ..labels import one_line
from ..window_actions import WindowActions, on
from ..workers import Progress, Task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from ...services.importing import ImportItem, ImportResult
    from ..case_session import CaseSession
    from ..exhibits.view import ExhibitPanel
    from ..timeline.controller import TimelineController
    from .view import ImportReview

# The import machinery loads on the first import, not when the window opens.


PROGRESS_EVERY_S = 0.1


class ImportFlow(QObject):
    """One import at a time; ``done`` tells how it ended (for the status bar, and tests)."""

    done = Signal(str)

    def __init__(self, parent: QWidget, undo: QUndoStack, ask: Ask) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.undo = undo
        self.ask = ask
        self.ref: CaseRef | None = None
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self._shown_at = 0.0  # when the progress dialog was last changed
        self.review: ImportReview | None = None
        self.link_to: str | None = None
        self.event_title: Callable[[str], str] = str

    def set_case(self, ref: CaseRef | None) -> None:
        self.ref = ref

    def register(self, a: WindowActions, session: CaseSession, timeline: TimelineController,
                 exhibits: ExhibitPanel, status: Callable[[str, int], object]) -> None:
        """Its menu entry and button, files dropped on the tables, its ending in the status bar."""
        self.event_title = timeline.event_title
        def opened(case_id: int | None) -> None:
            self.set_case(session.ref())
            a.import_files.setEnabled(case_id is not None)
            exhibits.import_button.setEnabled(case_id is not None)  # nowhere to put them without a case

        session.opened.connect(opened)
        on(a.import_files, self.import_files)
        exhibits.import_button.clicked.connect(self.import_files)
        exhibits.table.files_dropped.connect(self.import_paths)
        timeline.view.table.files_dropped.connect(lambda paths, event_id: self.import_paths(paths, event_id or None))

        def ended(how: str) -> None:
            # "added" is said by the import's undo step, with the count (``ui.feedback``).
            if how == "cancelled":
                status(_("Import annulé : rien n'a été ajouté."), 8000)

        self.done.connect(ended)

    def import_files(self) -> None:
        paths = self.ask.files(_("Ajouter des pièces"))
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[Path], link_to: str | None = None) -> None:
        self.start(paths, link_to, self.event_title(link_to) if link_to else None)

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def start(self, paths: list[Path], link_to: str | None = None, link_title: str | None = None) -> bool:
        ref = self.ref
        if ref is None:
            self.ask.error(_("Ouvrez ou créez d'abord une affaire pour y ajouter des pièces."))
            return False
        if self.busy:
            self.ask.error(_("Un import est déjà en cours : attendez qu'il finisse."))
            return False
        self.link_to = link_to
        self._link_title = link_title
        self._plan(paths, None, self._planned)
        return True

    def _plan(self, paths: list[Path], password: str | None, then: Callable[[list[ImportItem]], None]) -> None:
        """Read ``paths`` off the GUI thread, with progress and cancel; ``then`` gets what each would be."""
        ref = self.ref
        if ref is None:
            return
        home, case_id = ref.store.home, ref.case_id

        from ...services import importing

        def work(progress: Progress) -> list[ImportItem]:
            # A connection of its own: SQLite connections stay on the thread that made them.
            store = open_home(home)
            try:
                return importing.plan_import(store, case_id, paths, password,
                                             progress=lambda i, n, path: progress(i, n, one_line(path.name)))
            finally:
                store.close()

        from PySide6.QtWidgets import QProgressDialog

        self.task = Task(work, self)
        self.progress = QProgressDialog(_("Analyse des fichiers\u2026"), _("Annuler"),
                                        0, 0, self.parent_widget)
        self.progress.setWindowTitle(_("Ajout de pièces"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.task.cancel)
        self.task.progress.connect(self._progress)
        self.task.succeeded.connect(then)
        self.task.failed.connect(self._failed)
        self.task.start()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def shutdown(self) -> None:
        if self.task is not None and self.task.running:
            self.task.wait()

    def _progress(self, done: int, total: int, name: str) -> None:
        # Five hundred small files report faster than a person reads: the dialog follows ten times a second.
        now = time.monotonic()
        if self.progress is None or (now - self._shown_at < PROGRESS_EVERY_S and done + 1 < total):
            return
        self._shown_at = now
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(_("Analyse de {name} ({value} sur {total})\u2026").format(name=name, value=done + 1, total=total))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _failed(self, message: str) -> None:
        self._close_progress()
        self.ask.error(message)
        self.done.emit("failed")

    def _planned(self, items: list[ImportItem], retried: bool = False) -> None:
        cancelled = self.task is not None and self.task.cancelled
        self._close_progress()
        if cancelled:
            self.done.emit("cancelled")
            return
        locked = [item for item in items if item.locked]
        password = self._password_for(locked, retried) if locked else None
        if password:
            # Those PDFs read again with it; the others stay as they were read.
            kept = [item for item in items if not item.locked]
            self._plan([item.path for item in locked], password, lambda again: self._planned([*kept, *again], retried=True))
            return
        # Declined: said in the window's words (the reader's own sentence names the command's option).
        items = [replace(item, reason=_("protégé par mot de passe : laissé de côté")) if item.locked else item
                 for item in items]
        if not any(item.status in ("add", "repair") for item in items):
            reasons = "\n".join(f"{one_line(item.path.name)} : {item.reason}" for item in items) or _("Aucun fichier utilisable.")
            self.ask.info(_("Rien à ajouter :\n") + reasons)
            self.done.emit("nothing")
            return
        from .view import ImportReview

        self.review = ImportReview(items, self._link_title, self.parent_widget)
        self.review.accepted.connect(self._reviewed)
        self.review.rejected.connect(lambda: self.done.emit("cancelled"))
        self.review.open()

    def _password_for(self, locked: list[ImportItem], retried: bool) -> str | None:
        """The password the user types for the protected PDFs, or None to leave them out."""
        names = ", ".join(f"« {one_line(item.path.name)} »" for item in locked[:3]) + (" \u2026" if len(locked) > 3 else "")
        if retried:
            text = ngettext("Ce mot de passe n'ouvre pas {names}. Tapez le bon pour l'ajouter, ou laissez vide pour l'écarter :",
                            "Ce mot de passe n'ouvre pas {names}. Tapez le bon pour les ajouter, ou laissez vide pour les écarter :",
                            len(locked))
        else:
            text = ngettext("{names} est protégé par un mot de passe. Tapez-le pour l'ajouter, ou laissez vide pour l'écarter :",
                            "{names} sont protégés par un mot de passe. Tapez-le pour les ajouter, ou laissez vide pour les écarter :",
                            len(locked))
        return self.ask.password(_("PDF protégé"), text.format(names=names))

    def _reviewed(self) -> None:
        """The files go into the store off the GUI thread (copied, hashed again, flushed to disk)."""
        review, self.review = self.review, None
        ref = self.ref
        if review is None or ref is None:
            return
        from PySide6.QtWidgets import QProgressDialog

        from ...services import importing

        items, link_to, home, case_id = review.reviewed(), self.link_to, ref.store.home, ref.case_id

        def work(progress: Progress) -> importing.ImportResult:
            store = open_home(home)
            try:
                return importing.commit_import(store, case_id, items, link_to=link_to)
            finally:
                store.close()

        self.task = Task(work, self)
        self.progress = QProgressDialog(_("Ajout des pièces…"), "", 0, 0, self.parent_widget)
        self.progress.setCancelButton(None)  # one transaction: it lands whole or not at all
        self.progress.setWindowTitle(_("Ajout de pièces"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)
        self.task.succeeded.connect(lambda result: self._added(ref, result))
        self.task.failed.connect(self._failed)
        self.task.start()

    def _added(self, ref: CaseRef, result: ImportResult) -> None:
        from ..undo_commands import Import

        self._close_progress()
        if result.added:
            self.undo.push(Import(ref, result))
        self.done.emit("added")
