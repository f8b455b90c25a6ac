"""The exhibits of the case: a thin table model, draggable onto events to link them."""

from __future__ import annotations

from collections.abc import Sequence, Sized
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from ...domain.dates import short_day
from ...i18n import _
from ...services.exhibit_search import matches
from ..kind_style import kind_icon
from ..labels import one_line
from ..table_model import RowsModel

if TYPE_CHECKING:
    from ...domain.model import Exhibit

EXHIBIT_MIME = "application/x-dossier-exhibits"
SHA_ROLE = Qt.ItemDataRole.UserRole + 1
NUMBER, TITLE, DATE, PAGES, LINKS = range(5)

Index = QModelIndex | QPersistentModelIndex


def encode_exhibits(shas: list[str]) -> QMimeData:
    data = QMimeData()
    data.setData(EXHIBIT_MIME, "\n".join(shas).encode("ascii"))
    data.setText("\n".join(shas))
    return data


def decode_exhibits(data: QMimeData) -> list[str]:
    if not data.hasFormat(EXHIBIT_MIME):
        return []
    return [s for s in bytes(data.data(EXHIBIT_MIME).data()).decode("ascii").split("\n") if s]


class ExhibitModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.exhibits: list[Exhibit] = []
        self.highlight: str | None = None
        self._headers = (_("N°"), _("Titre"), _("Date"), _("Pages"),
                         _("Liens"))

    def set_exhibits(self, exhibits: list[Exhibit]) -> None:
        self.beginResetModel()
        self.exhibits = exhibits
        self.endResetModel()

    def set_highlight(self, event_id: str | None) -> None:
        """Show in bold the exhibits that prove this event."""
        self.highlight = event_id
        if self.exhibits:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.exhibits) - 1, LINKS))

    def row_of(self, sha: str) -> int | None:
        return next((i for i, x in enumerate(self.exhibits) if x.sha256 == sha), None)

    def _row_list(self) -> Sized:
        return self.exhibits

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [EXHIBIT_MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_exhibits([self.exhibits[r].sha256 for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.LinkAction | Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        exhibit = self.exhibits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NUMBER:
                return str(exhibit.number) if exhibit.number is not None else ""
            if column == TITLE:
                return one_line(exhibit.title)
            if column == DATE:
                return short_day(exhibit.date) if exhibit.date else ""
            if column == PAGES:
                return str(exhibit.pages) if exhibit.pages else ""
            if column == LINKS:
                return str(len(exhibit.links)) if exhibit.links else _("aucun")
        if role == SHA_ROLE:
            return exhibit.sha256
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE and exhibit.suggested_kind:
            return kind_icon(exhibit.suggested_kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [one_line(exhibit.title), one_line(exhibit.original_name)]
            if not exhibit.include:
                lines.append(_("Exclue du dossier imprimé"))
            if exhibit.links:
                lines.append(_("Prouve : ") + ", ".join(one_line(link.event_id) for link in exhibit.links))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.FontRole and self.highlight and any(
                link.event_id == self.highlight for link in exhibit.links):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if not exhibit.include:
                return QColor("#999999")
            if column == LINKS and not exhibit.links:
                return QColor("#b2182b")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, PAGES, LINKS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ExhibitFilter(QSortFilterProxyModel):
    """The exhibits the filter box finds (``services.exhibit_search``), in the model's order."""

    def __init__(self, model: ExhibitModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._model = model
        self.typed = ""
        # Only a new list changes what is found: a highlight (dataChanged) need not filter again.
        self.setDynamicSortFilter(False)
        self.setSourceModel(model)

    def set_text(self, typed: str) -> None:
        self.typed = typed
        self.invalidate()  # not invalidateFilter(), deprecated by Qt 6.9 and missing its replacement before

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return matches(self._model.exhibits[source_row], self.typed)

    def source_row(self, index: Index) -> int | None:
        return self.mapToSource(index).row() if index.isValid() else None

    def row_of(self, sha: str) -> int | None:
        """The row where the exhibit shows, or None when it is not in the case or filtered out."""
        row = self._model.row_of(sha)
        if row is None:
            return None
        index = self.mapFromSource(self._model.index(row, 0))
        return index.row() if index.isValid() else None
