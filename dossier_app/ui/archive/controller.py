"""Archive, restore and verify from the File menu, with the commands' checks and messages.

Each runs off the GUI thread with a connection of its own (a whole case's files are hashed); the
window says what the command prints, in the same words (``services.archive``, ``services.verify``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...domain.file_names import title_stem
from ...i18n import _
from ...services.store_access import open_home
from ...store import Store
from ..ask import Ask
from ..case_session import CaseSession
from ..cases.controller import CasesController
from ..window_actions import WindowActions, on
from ..workers import Progress, Task
from .view import busy_dialog

if TYPE_CHECKING:
    from ...services import archive, verify

LAST_FOLDER = "archive/last_folder"
WAIT_AT_CLOSE_MS = 30 * 60 * 1000


class ArchiveController(QObject):
    def __init__(self, session: CaseSession, ask: Ask, settings: QSettings, status: Callable[[str], object],
                 cases: CasesController, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.ask, self.settings, self.status, self.cases = session, ask, settings, status, cases
        self.parent_widget = parent
        self.task: Task | None = None
        self.dialog: QProgressDialog | None = None

    def register(self, a: WindowActions) -> None:
        on(a.archive_case, self.archive_case)
        on(a.restore_archive, self.restore_archive)
        on(a.verify_exhibits, self.verify_exhibits)

    @property
    def busy(self) -> bool:
        return self.task is not None

    # --- the three actions -------------------------------------------------------------------
    def archive_case(self) -> None:
        case_id = self.session.case_id
        if case_id is None or self.busy:
            return
        title = next((line.title for line in self.cases.model.lines if line.id == case_id), "")
        suggested = self._folder() / f"{title_stem(title)}.dossier"
        path = self.ask.save_file(_("Archiver l'affaire"), str(suggested), _("Archive Dossier (*.dossier)"))
        if path is None:
            return
        if path.suffix.lower() != ".dossier":
            path = path.with_name(path.name + ".dossier")
        self.settings.setValue(LAST_FOLDER, str(path.parent))
        # The archive format loads when first used, not before the window's first paint.
        from ...services import archive

        self._run(_("Archivage"), _("Écriture de l'archive et de ses pièces\u2026"),
                  lambda store: archive.archive_case(store, case_id, path), self._archived)

    def restore_archive(self) -> None:
        if self.busy:
            return
        path = self.ask.open_file(_("Restaurer une archive"),
                                  _("Archive Dossier (*.dossier);;Tous les fichiers (*)"))
        if path is None:
            return
        self.settings.setValue(LAST_FOLDER, str(path.parent))
        from ...services import archive

        # The title first, read cheaply: a copy beside a case of the same name is said before it is made.
        self._run(_("Restauration"), _("Lecture de l'archive\u2026"),
                  lambda store: archive.cases_titled_as(store, path), lambda found: self._confirm_restore(path, found))

    def verify_exhibits(self) -> None:
        case_id = self.session.case_id
        if case_id is None or self.busy:
            return
        from ...services import verify

        self._run(_("Vérification des fichiers"), _("Calcul de l'empreinte de chaque pièce\u2026"),
                  lambda store: verify.verification(store, case_id), self._verified)

    # --- what follows each ---------------------------------------------------------------------
    def _archived(self, summary: archive.ArchiveSummary) -> None:
        from ...services import archive

        line = archive.archived_line(summary)
        self.status(line)
        self.ask.info(_("Affaire archivée :\n{line}").format(line=line))

    def _confirm_restore(self, path: Path, found: tuple[str, tuple[int, ...]]) -> None:
        title, same = found
        if same:
            ids = ", ".join(str(i) for i in same)
            text = _("Une affaire « {title} » existe déjà (n° {ids}). La restauration en crée une copie distincte, "
                     "à côté ; l'affaire existante n'est pas modifiée.").format(title=title, ids=ids)
            if not self.ask.confirm(_("Restaurer une archive"), text, _("Restaurer une copie")):
                return
        from ...services import archive

        self._run(_("Restauration"), _("Vérification de chaque fichier de l'archive, puis restauration\u2026"),
                  lambda store: archive.restore_archive(store, path), self._restored)

    def _restored(self, restored: archive.Restored) -> None:
        from ...services import archive

        self.cases.refresh()
        self.cases.case_chosen.emit(restored.case_id)
        note = archive.copy_note(restored)
        self.status(note or _("Affaire « {title} » restaurée, avec ses pièces vérifiées.").format(title=restored.title))

    def _verified(self, result: verify.Verification) -> None:
        text = "\n".join(result.lines)
        if result.intact:
            self.status(result.lines[-1])
            self.ask.info(text)
        else:
            self.ask.error(text)

    # --- running ---------------------------------------------------------------------------
    def _folder(self) -> Path:
        for key in (LAST_FOLDER, "export/folder"):
            value = self.settings.value(key)
            if value and Path(str(value)).is_dir():
                return Path(str(value))
        return Path.home()

    def _run(self, title: str, text: str, work: Callable[[Store], Any], then: Callable[[Any], object]) -> None:
        home = self.session.store.home

        def job(_progress: Progress) -> Any:
            # A connection of its own: SQLite connections stay on the thread that made them.
            store = open_home(home)
            try:
                return work(store)
            finally:
                store.close()

        self.dialog = busy_dialog(self.parent_widget, title, text)
        self.task = Task(job, self)
        self.task.succeeded.connect(lambda result: self._end(then, result))
        self.task.failed.connect(lambda message: self._end(self.ask.error, message))
        self.task.start()

    def _end(self, then: Callable[[Any], object], result: Any) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None
        self.task = None
        then(result)

    def shutdown(self) -> None:
        # Writing an archive or restoring one cannot stop half-way: the window waits for its end.
        if self.task is not None:
            self.task.wait(WAIT_AT_CLOSE_MS)
