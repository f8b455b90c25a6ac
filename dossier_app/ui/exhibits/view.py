"""The exhibits side of the window: the list, what to do with the selected one, its preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, ngettext
from ..flow_layout import flow_row
from ..labels import one_line
from ..table_model import choose_row
from ..timeline.view import dropped_paths
from .model import DATE, LINKS, NUMBER, PAGES, TITLE, ExhibitFilter, ExhibitModel
from .preview import ExhibitPreview

if TYPE_CHECKING:
    from ...domain.model import Exhibit


class ExhibitTable(QTableView):
    """Drags exhibits out (to link them) and takes files in (to import them)."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.LinkAction)
        self.setTabKeyNavigation(False)  # Tab goes on to the next control; the arrows move inside

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            self.files_dropped.emit(paths)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()


class FilterBox(QLineEdit):
    """The exhibits' filter: Escape empties it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
        else:
            super().keyPressEvent(event)


class ExhibitPanel(QWidget):
    selection_changed = Signal(object)  # Exhibit or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ExhibitModel(self)
        self.proxy = ExhibitFilter(self.model, self)
        self.filter = FilterBox()
        self.filter.setPlaceholderText(_("Filtrer les pièces\u2026"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(_("Filtrer les pièces\u2026"))
        self.count = QLabel()
        self.count.setStyleSheet("color: #666666;")
        self.table = ExhibitTable()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(_("Pièces"))
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((NUMBER, 36), (DATE, 84), (PAGES, 48), (LINKS, 48)):
            self.table.setColumnWidth(column, width)
        self.hint = QLabel(_("Glissez ici vos documents (PDF, photos, courriels\u2026), ou sur un événement pour les y lier."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666666;")
        self.import_button = QPushButton(_("Ajouter\u2026"))
        self.link_button = QPushButton(_("Lier\u2026"))
        self.edit_button = QPushButton(_("Modifier\u2026"))
        self.remove_button = QPushButton(_("Retirer"))
        buttons, row = flow_row()  # wraps rather than widening the window
        for button in (self.import_button, self.link_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter, 1)
        filter_row.addWidget(self.count)
        top_layout.addLayout(filter_row)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.hint)
        top_layout.addWidget(buttons)
        self.preview = ExhibitPreview()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("font-weight: bold; padding: 2px 0;")
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.setSpacing(2)
        bottom_layout.addWidget(self.caption)
        bottom_layout.addWidget(self.preview, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.splitter = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        # A click makes its row current first and selects it after; the keyboard does both at once.
        # Listening to both, the panel follows what is chosen once it is chosen, whichever way.
        chosen = self.table.selectionModel()
        chosen.currentRowChanged.connect(self._choice_moved)
        chosen.selectionChanged.connect(self._choice_moved)
        self.filter.textChanged.connect(self._filter_typed)
        self._shown: Exhibit | None = None
        self._update_buttons()
        self._update_count()

    def set_exhibits(self, exhibits: list[Exhibit]) -> None:
        keep = self.selected()
        self.model.set_exhibits(exhibits)
        # Pièce numbers are given at the first export: until then their column would stay empty.
        self.table.setColumnHidden(NUMBER, not any(x.number for x in exhibits))
        if keep is not None:
            self.select(keep.sha256, reveal=False)
        self._choice_moved()
        self._update_count()

    def select(self, sha: str, reveal: bool = True) -> bool:
        """Choose the exhibit; ``reveal``: empty the filter box if it hides it."""
        row = self.proxy.row_of(sha)
        if row is None and reveal and self.model.row_of(sha) is not None:
            self.filter.clear()
            row = self.proxy.row_of(sha)
        if row is None:
            return False
        choose_row(self.table, self.proxy.index(row, TITLE))
        return True

    def selected(self) -> Exhibit | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        row = self.proxy.source_row(index)
        return self.model.exhibits[row] if row is not None else None

    def _choice_moved(self, *_: object) -> None:
        self._update_buttons()
        exhibit = self.selected()
        before, self._shown = self._shown, exhibit
        self.caption.setText(_caption(exhibit) if exhibit is not None else "")
        if _same_file(before, exhibit):
            # The click's second signal, or the exhibit read again after a link or a new title: the
            # preview shows its file, which has not changed; drawing a PDF again would freeze the window.
            return
        self.selection_changed.emit(exhibit)

    def _filter_typed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._choice_moved()
        self._update_count()

    def _update_count(self) -> None:
        total, shown = len(self.model.exhibits), self.proxy.rowCount()
        if shown == total:
            text = ngettext("{total} pièce", "{total} pièces", total).format(total=total)
        else:
            text = ngettext("{shown} sur {total} pièce", "{shown} sur {total} pièces", total).format(
                shown=shown, total=total)
        self.count.setText(text)

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for button in (self.link_button, self.edit_button, self.remove_button):
            button.setEnabled(has)


def _caption(exhibit: Exhibit) -> str:
    number = _("Pièce n° {number} \u2014 ").format(number=exhibit.number) if exhibit.number else ""
    return f"{number}{one_line(exhibit.title)}"


def _same_file(one: Exhibit | None, other: Exhibit | None) -> bool:
    """Whether both show the same preview: the same stored file, opened with the same password."""
    if one is None or other is None:
        return one is other
    return (one.sha256, one.password) == (other.sha256, other.password)
