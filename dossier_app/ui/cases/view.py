"""The cases' side of the window, layout only: the list and its buttons; and the open case's header."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ...i18n import _
from ..flow_layout import flow_row
from .model import CASE_ID_ROLE, CaseListModel, CaseListView


class CasesView(QWidget):
    case_chosen = Signal(object)  # a case id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseListModel(self)
        self.list = CaseListView()
        self.list.setModel(self.model)
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
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.selectionModel().currentRowChanged.connect(self._chosen)

    def show_current(self, case_id: int | None) -> None:
        row = self.model.row_of(case_id) if case_id is not None else None
        self.list.selectionModel().blockSignals(True)
        if row is None:
            self.list.clearSelection()
        else:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self.list.selectionModel().blockSignals(False)
        has = row is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _chosen(self, current: object, _previous: object) -> None:
        case_id = self.list.currentIndex().data(CASE_ID_ROLE)
        if case_id is not None:
            self.case_chosen.emit(int(case_id))


class CaseHeader(QWidget):
    """Above the timeline: the open case's title and parties, and a welcome note when there is reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        # Long titles wrap rather than widen the window past a small screen.
        self.title.setWordWrap(True)
        self.parties = QLabel()
        self.parties.setWordWrap(True)
        self.parties.setStyleSheet("color: #555555;")
        self.welcome = QLabel()
        self.welcome.setWordWrap(True)
        self.welcome.setStyleSheet("background: #fff6d5; border: 1px solid #e6c24f; border-radius: 4px; padding: 6px;")
        self.welcome.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.welcome, self.title, self.parties):
            layout.addWidget(widget)
