"""Drafting a letter from the window: Affaire › Rédiger une lettre… (the command's ``letter``).

The dialog's options make a ``LetterOptions``; each change writes the letter again as a PDF inside
the data folder (``tmp/``, through ``letters.write_letter``, off the GUI thread, the latest ask
winning) and shows its pages.  « Enregistrer en PDF… » and « Enregistrer en OpenDocument… » write it
where the user says, through the same service; « Ajouter au dossier » then makes it evidence
(``letters.add_to_case``: a registered-letter event with the letter as its exhibit), one undoable step.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ...domain.bounds import EARLIEST_DAY, day_problem, latest_day
from ...domain.errors import UserError
from ...domain.file_names import title_stem
from ...i18n import N_, _, language, ngettext
from ...services.store_access import open_home
from ...store.home import temporary_folder
from ..ask import Ask
from ..case_session import CaseSession
from ..window_actions import WindowActions, on
from ..workers import Latest, Progress
from .view import LetterDialog

if TYPE_CHECKING:
    from ...domain.letters import LetterDoc, LetterKind, LetterOptions
    from ...services.letters import LetterFormat

LAST_FOLDER = "letters/last_folder"
REFRESH_MS = 200  # options changed in a row (a day typed, a kind tried) write the preview once
DEADLINES = (8, 15)
# The kinds, as the menu of the dialog names them (the command names them by their keys).
KINDS: tuple[tuple[LetterKind, str], ...] = (
    ("mise-en-demeure", N_("Mise en demeure")),
    ("relance", N_("Relance")),
    ("injonction", N_("Requête en injonction de payer (contenu)")),
)


@dataclass(frozen=True)
class Choice:
    """What the dialog asks for: the same choice writes the same letter."""

    kind: LetterKind
    options: LetterOptions


@dataclass(frozen=True)
class Saved:
    choice: Choice
    doc: LetterDoc
    path: Path
    fmt: LetterFormat


class LettersController(QObject):
    def __init__(self, session: CaseSession, ask: Ask, settings: QSettings, status: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.ask, self.settings, self.status = session, ask, settings, status
        self.dialog: LetterDialog | None = None
        self.preview = Latest(self)
        self.scratch: Path | None = None  # the preview's folder inside the data folder's tmp/
        self.shown: tuple[Choice, Path, LetterDoc] | None = None  # the letter the preview shows
        self.saved: Saved | None = None  # the letter last saved, which « Ajouter au dossier » adds
        self.added: str | None = None  # the event it became, once added
        self._written = 0
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)
        # The preview written while the dialog closed: its folder goes once that work is over.
        self.preview.settled.connect(self._drop_scratch)

    def register(self, a: WindowActions) -> None:
        self.action = a.draft_letter
        on(a.draft_letter, self.draft)
        self.session.opened.connect(lambda case_id: a.draft_letter.setEnabled(case_id is not None))
        a.draft_letter.setEnabled(self.session.case_id is not None)
        # The main window's close does not reach this feature: the preview's folder goes at exit all the same.
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.preview.shutdown()
        self._drop_scratch()

    # The dialog.

    def draft(self) -> None:
        if self.session.case_id is None:
            return  # the action is greyed: a shortcut typed while no case is open does nothing
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        parent = self.parent()
        dialog = LetterDialog(parent if isinstance(parent, QWidget) else None)
        self.dialog, self.shown, self.saved, self.added = dialog, None, None, None
        for kind, label in KINDS:
            dialog.add_kind(_(label), kind)
        for days in DEADLINES:
            dialog.deadline.addItem(ngettext("{count} jour", "{count} jours", days).format(count=days), days)
        today = date.today()
        dialog.day.set_range(EARLIEST_DAY, latest_day(today))
        dialog.day.problem = lambda day: day_problem(day, today)
        dialog.day.set_day(today)
        dialog.language.setCurrentIndex(max(0, dialog.language.findData(language())))
        self._kind_changed()
        dialog.kind.idToggled.connect(self._kind_toggled)
        for combo in (dialog.deadline, dialog.language):
            combo.currentIndexChanged.connect(self._changed)
        dialog.day.day_changed.connect(self._changed)
        dialog.save_pdf.clicked.connect(lambda: self.save("pdf"))
        dialog.save_odt.clicked.connect(lambda: self.save("odt"))
        dialog.add_to_case.clicked.connect(self.add_to_case)
        dialog.finished.connect(self._closed)
        self._fit(dialog)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        self.refresh()

    def _fit(self, dialog: LetterDialog) -> None:
        """As large as the screen lets it be, for a page to be read: at most 1100 × 860."""
        screen = dialog.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        dialog.resize(min(1100, room.width() - 40), min(860, room.height() - 60))

    def _closed(self, _result: int) -> None:
        self._refresh.stop()
        self.preview.drop()
        if self.dialog is not None:
            self.dialog.document.close()
            self.dialog.deleteLater()
        self.dialog, self.shown = None, None
        if not self.preview.busy:
            self._drop_scratch()

    def _drop_scratch(self) -> None:
        if self.scratch is not None and self.dialog is None and not self.preview.busy:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None

    def choice(self) -> Choice | None:
        dialog = self.dialog
        if dialog is None:
            return None
        kind = next((k for k, _label in KINDS if k == dialog.current_kind()), KINDS[0][0])
        days = int(dialog.deadline.currentData() or DEADLINES[0])
        # Imported here, not at the first paint: the letters' module brings the claims engine.
        from ...domain.letters import LetterOptions

        return Choice(kind, LetterOptions(dialog.day.day(), str(dialog.language.currentData()), days))

    def _kind_changed(self) -> None:
        dialog = self.dialog
        if dialog is not None:
            notice = dialog.current_kind() == "mise-en-demeure"
            dialog.deadline.setEnabled(notice)
            dialog.deadline_label.setEnabled(notice)

    def _kind_toggled(self, _id: int, checked: bool) -> None:
        if checked:  # the one chosen, not the one left
            self._kind_changed()
            self._changed()

    def _changed(self, *_args: Any) -> None:
        self._refresh.start()
        self._update_buttons()

    # The preview.

    def refresh(self) -> None:
        """Write the letter as the options say into the data folder's tmp/, off the GUI thread, and show it."""
        choice, case_id = self.choice(), self.session.case_id
        if choice is None or case_id is None:
            return
        if self.shown is not None and self.shown[0] == choice:
            return
        if self.scratch is None:
            self.scratch = Path(tempfile.mkdtemp(prefix="letter-", dir=temporary_folder(self.session.store.home)))
        self._written += 1
        target = self.scratch / f"apercu-{self._written}.pdf"
        home = self.session.store.home
        if self.shown is None and self.dialog is not None:
            self.dialog.show_waiting(_("Préparation de l'aperçu\u2026"))

        def work(_progress: Progress) -> LetterDoc:
            from ...services import letters

            # A connection of its own: SQLite connections stay on the thread that made them.
            store = open_home(home)
            try:
                return letters.write_letter(store, case_id, choice.kind, target, choice.options, "pdf")
            finally:
                store.close()

        self.preview.run(work, lambda doc: self._previewed(choice, target, doc), self._preview_failed)

    def _previewed(self, choice: Choice, target: Path, doc: LetterDoc) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        before = self.shown
        dialog.show_pages(target)
        self.shown = (choice, target, doc)
        if before is not None and before[1] != target:
            before[1].unlink(missing_ok=True)
        self._update_buttons()

    def _preview_failed(self, message: str, current: bool) -> None:
        if current and self.dialog is not None:
            self.shown = None
            self.dialog.show_waiting(message, error=True)

    @property
    def pages_shown(self) -> int:
        return self.dialog.document.pageCount() if self.dialog is not None and self.shown is not None else 0

    # Saving and adding.

    def _folder(self) -> Path:
        for key in (LAST_FOLDER, "export/folder"):
            value = str(self.settings.value(key, "") or "")
            if value and Path(value).is_dir():
                return Path(value)
        return Path.home()

    def save(self, fmt: LetterFormat) -> None:
        from ...services import letters

        dialog, choice, case_id = self.dialog, self.choice(), self.session.case_id
        if dialog is None or choice is None or case_id is None:
            return
        title = self.shown[2].title if self.shown is not None and self.shown[0] == choice else ""
        suggested = self._folder() / f"{title_stem(title or _('Lettre'))}.{fmt}"
        if fmt == "pdf":
            path = self.ask.save_file(_("Enregistrer la lettre en PDF"), str(suggested), _("Document PDF (*.pdf)"))
        else:
            path = self.ask.save_file(_("Enregistrer la lettre en OpenDocument"), str(suggested),
                                      _("Texte OpenDocument (*.odt)"))
        if path is None:
            return
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        self.settings.setValue(LAST_FOLDER, str(path.parent))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            doc = letters.write_letter(self.session.store, case_id, choice.kind, path, choice.options, fmt)
        except UserError as exc:
            dialog.say(exc.message, error=True)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.saved, self.added = Saved(choice, doc, path, fmt), None
        said = _("Lettre enregistrée : {path}").format(path=path)
        dialog.say(said)
        self.status(said)
        self._update_buttons()

    def _letter_pdf(self) -> Path | None:
        """The PDF of the letter saved, to add as its exhibit: the one saved, else the preview of the same letter."""
        saved = self.saved
        if saved is None or saved.choice != self.choice():
            return None
        if saved.fmt == "pdf" and saved.path.is_file():
            return saved.path
        if self.shown is not None and self.shown[0] == saved.choice and self.shown[1].is_file():
            return self.shown[1]
        return None

    def _update_buttons(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        ready = self.saved is not None and self.added is None and self._letter_pdf() is not None
        dialog.add_to_case.setEnabled(ready)

    def add_to_case(self) -> None:
        from ...services import exhibits, letters, timeline
        from ..undo_commands import AddLetter

        dialog, saved, ref, pdf = self.dialog, self.saved, self.session.ref(), self._letter_pdf()
        if dialog is None or saved is None or ref is None or pdf is None or self.added is not None:
            return
        store, case_id = ref.store, ref.case_id
        try:
            before = {x.sha256 for x in exhibits.exhibits(store, case_id)}
            event_id = letters.add_to_case(store, case_id, saved.doc, pdf, saved.choice.options)
            event = timeline.read_event(store, case_id, event_id)
            new = [x.sha256 for x in exhibits.exhibits(store, case_id)
                   if x.sha256 not in before and any(link.event_id == event_id for link in x.links)]
        except UserError as exc:
            dialog.say(exc.message, error=True)
            return
        self.added = event_id
        self.session.undo.push(AddLetter(ref, event.id, event.title, new))
        dialog.say(_("Lettre ajoutée au dossier : l'événement « {title} », avec la lettre comme pièce. "
                     "Complétez son numéro de suivi une fois la lettre envoyée.").format(title=event.title))
        self._update_buttons()
