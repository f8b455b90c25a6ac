"""The cases side of the window: the list, and new, edit, rename, delete, load, dump."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ..domain.errors import Problem, UserError
from ..i18n import _
from ..services import session
from ..store import Store
from .ask import Ask, problems_of
from .case_list import CASE_ID_ROLE, CaseListModel, CaseListView
from .case_ref import CaseRef
from .flow_layout import flow_row
from .labels import one_line

if TYPE_CHECKING:
    from ..domain.model import Case
    from .case_form import CaseForm

# The forms and the services behind the buttons load when first used: the window must paint fast.


class CasePanel(QWidget):
    case_chosen = Signal(object)  # a case id, or None when there is none left
    cases_changed = Signal()

    def __init__(self, store: Store, undo: QUndoStack, ask: Ask, current: Callable[[], CaseRef | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo = undo
        self.ask = ask
        self.current = current
        self.form: CaseForm | None = None
        self.model = CaseListModel(self)
        self.view = CaseListView()
        self.view.setModel(self.model)
        title = QLabel(_("Affaires"))
        title.setStyleSheet("font-weight: bold; padding: 4px 2px;")
        self.new_button = QPushButton(_("Nouvelle\u2026"))
        self.edit_button = QPushButton(_("Modifier\u2026"))
        self.delete_button = QPushButton(_("Supprimer"))
        # A row that wraps: longer words never force the window wider than the screen.
        buttons, row = flow_row()
        for button in (self.new_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.new_button.clicked.connect(self.new_case)
        self.edit_button.clicked.connect(self.edit_case)
        self.delete_button.clicked.connect(self.delete_case)
        self.view.selectionModel().currentRowChanged.connect(self._chosen)

    def refresh(self) -> None:
        self.model.set_lines(session.case_lines(self.store))
        ref = self.current()
        self.show_current(ref.case_id if ref else None)
        self.cases_changed.emit()

    def show_current(self, case_id: int | None) -> None:
        row = self.model.row_of(case_id) if case_id is not None else None
        self.view.selectionModel().blockSignals(True)
        if row is None:
            self.view.clearSelection()
        else:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self.view.selectionModel().blockSignals(False)
        has = row is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _chosen(self, current: object, _previous: object) -> None:
        case_id = self.view.currentIndex().data(CASE_ID_ROLE)
        if case_id is not None:
            self.case_chosen.emit(int(case_id))

    # --- actions -------------------------------------------------------------------------------
    def new_case(self) -> CaseForm:
        from ..services import cases
        from .case_form import CaseForm

        def submit(case: Case) -> list[Problem]:
            try:
                case_id = cases.create_case(self.store, case)
            except UserError as exc:
                return problems_of(exc)
            self.refresh()
            self.case_chosen.emit(case_id)
            return []

        return self._open(CaseForm(submit, parent=self.window()))

    def edit_case(self) -> CaseForm | None:
        ref = self.current()
        if ref is None:
            return None
        from ..services import cases
        from .case_form import CaseForm
        from .undo_commands import EditCase

        old = cases.read_case_file(self.store, ref.case_id).case

        def submit(case: Case) -> list[Problem]:
            new = replace(case, id=old.id)
            if new == old:
                return []
            try:
                cases.update_case(self.store, ref.case_id, case)
            except UserError as exc:
                return problems_of(exc)
            self.undo.push(EditCase(ref, replace(old, id=None), case))
            return []

        return self._open(CaseForm(submit, old, parent=self.window()))

    def rename_case(self) -> bool:
        ref = self.current()
        if ref is None:
            return False
        from ..services import cases
        from .undo_commands import EditCase

        old = cases.read_case_file(self.store, ref.case_id).case
        title = self.ask.text(_("Renommer l'affaire"), _("Nouveau nom :"), old.title)
        if title is None or title.strip() == old.title:
            return False
        new = replace(old, title=title.strip(), id=None)
        try:
            cases.rename_case(self.store, ref.case_id, title.strip())
        except UserError as exc:
            self.ask.error(exc.message)
            return False
        self.undo.push(EditCase(ref, replace(old, id=None), new))
        return True

    def delete_case(self) -> bool:
        ref = self.current()
        if ref is None:
            return False
        line = next((x for x in self.model.lines if x.id == ref.case_id), None)
        title = one_line(line.title) if line else str(ref.case_id)
        if not self.ask.confirm(
                _("Supprimer l'affaire"),
                _("Supprimer définitivement l'affaire « {title} », ses événements et ses pièces ?\nCela ne peut pas être annulé. (Pour la garder de côté : Fichier \u203a Enregistrer au format d'échange.)").format(title=title),
                _("Supprimer l'affaire")):
            return False
        from ..services import cases

        try:
            cases.delete_case(self.store, ref.case_id)
        except UserError as exc:
            self.ask.error(exc.message)
            return False
        self.refresh()
        remaining = self.model.lines
        self.case_chosen.emit(remaining[0].id if remaining else None)
        return True

    def load_case(self) -> int | None:
        path = self.ask.open_file(_("Ouvrir un fichier d'affaire"),
                                  _("Affaire au format d'échange (*.json)"))
        if path is None:
            return None
        from ..services import interchange

        try:
            case_id = interchange.load_case(self.store, path)
        except UserError as exc:
            self.ask.error(exc.message)
            return None
        self.refresh()
        self.case_chosen.emit(case_id)
        return case_id

    def dump_case(self) -> Path | None:
        ref = self.current()
        if ref is None:
            return None
        line = next((x for x in self.model.lines if x.id == ref.case_id), None)
        suggested = _file_name(line.title if line else "affaire") + ".json"
        path = self.ask.save_file(_("Enregistrer au format d'échange"), suggested,
                                  _("Affaire (*.json)"))
        if path is None:
            return None
        if path.suffix.lower() != ".json":
            path = path.with_suffix(".json")
        files = path.parent / f"{path.stem}-pieces"
        from ..services import interchange

        try:
            interchange.dump_case(self.store, ref.case_id, path, files)
        except UserError as exc:
            self.ask.error(exc.message)
            return None
        self.ask.info(_("Affaire enregistrée dans {path}\net ses pièces dans {files}.").format(path=path, files=files))
        return path

    def _open(self, form: CaseForm) -> CaseForm:
        from .event_actions import discard_question

        self.form = form
        form.mark_clean()
        form.confirm_discard = lambda: self.ask.confirm(*discard_question())
        form.setWindowModality(Qt.WindowModality.WindowModal)
        form.open()
        return form



def _file_name(title: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in title).strip()
    return keep[:60] or "affaire"
