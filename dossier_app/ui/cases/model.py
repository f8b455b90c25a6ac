"""The list of cases: title, parties, events, exhibits and outstanding amount."""

from __future__ import annotations

from collections.abc import Sized
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...domain.money import Cents, format_euros
from ...i18n import _, ngettext
from ...services.session import CaseLine
from ..labels import one_line
from ..table_model import RowsModel

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OUTSTANDING_CENTS_ROLE = Qt.ItemDataRole.UserRole + 2
OWED_COLOUR = "#b2182b"
TITLE, PARTIES, EVENTS, EXHIBITS, OUTSTANDING = range(5)

Index = QModelIndex | QPersistentModelIndex


class CaseListModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[CaseLine] = []
        self.computed: set[int] = set()  # cases whose amount is known, or known to be unknowable
        self._headers = (_("Affaire"), _("Parties"), _("Événements"),
                         _("Pièces"), _("Impayé"))

    def set_lines(self, lines: list[CaseLine]) -> None:
        known = {line.id: line.outstanding_cents for line in self.lines}
        self.beginResetModel()
        # Keep the amounts already computed until the new ones arrive.
        self.lines = [replace(line, outstanding_cents=known.get(line.id)) if line.outstanding_cents is None else line
                      for line in lines]
        self.endResetModel()

    def set_outstanding(self, case_id: int, cents: Cents | None) -> None:
        for row, line in enumerate(self.lines):
            if line.id == case_id:
                self.lines[row] = replace(line, outstanding_cents=cents)
                self.computed.add(case_id)
                self.dataChanged.emit(self.index(row, 0), self.index(row, OUTSTANDING))

    def row_of(self, case_id: int) -> int | None:
        return next((i for i, line in enumerate(self.lines) if line.id == case_id), None)

    def _row_list(self) -> Sized:
        return self.lines

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role == CASE_ID_ROLE:
            return line.id
        if role == OUTSTANDING_CENTS_ROLE:
            return line.outstanding_cents
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{h} : {self._display(line, c)}" for c, h in enumerate(self._headers)
                             if self._display(line, c))
        return None

    def _display(self, line: CaseLine, column: int) -> str:
        if column == TITLE:
            return one_line(line.title)
        if column == PARTIES:
            return f"{one_line(line.us)} / {one_line(line.them)}"
        if column == EVENTS:
            return ngettext("{events} événement", "{events} événements", line.events).format(events=line.events)
        if column == EXHIBITS:
            return ngettext("{exhibits} pièce", "{exhibits} pièces", line.exhibits).format(exhibits=line.exhibits)
        if column == OUTSTANDING:
            if line.outstanding_cents is None:
                return "" if line.id in self.computed else "…"
            return _("Impayé : {format_euros}").format(format_euros=format_euros(line.outstanding_cents))
        return ""


class CaseDelegate(QStyledItemDelegate):
    """Four lines per case: the title, the parties, the counts, what is owed."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(200, height * 4 + 14)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the lines are drawn by paint() below

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # The style draws the background and the selection; the lines are ours.
        super().paint(painter, option, index)
        text = index.data() or ""
        rect: QRect = option.rect.adjusted(8, 5, -6, -5)
        view = self.parent()
        selected = isinstance(view, QListView) and view.selectionModel().isSelected(index)
        palette = option.palette
        main = palette.highlightedText().color() if selected else palette.text().color()
        dim = main if selected else palette.placeholderText().color()
        bold = QFont(option.font)
        bold.setBold(True)
        line_height = QFontMetrics(option.font).height()
        model = index.model()
        parties = model.index(index.row(), PARTIES).data()
        stats = " · ".join(model.index(index.row(), c).data() for c in (EVENTS, EXHIBITS))
        owed = model.index(index.row(), OUTSTANDING).data()
        cents = model.index(index.row(), OUTSTANDING).data(OUTSTANDING_CENTS_ROLE)
        # Red says something is owed; nothing owed (or not known yet) reads like the other lines.
        owed_colour = main if selected else QColor(OWED_COLOUR) if isinstance(cents, int) and cents > 0 else dim
        painter.save()
        lines = ((text, bold, main), (parties, option.font, dim), (stats, option.font, dim),
                 (owed, option.font, owed_colour))
        for row, (value, font, colour) in enumerate(lines):
            painter.setFont(font)
            painter.setPen(colour)
            box = QRect(rect.left(), rect.top() + row * line_height, rect.width(), line_height)
            elided = QFontMetrics(font).elidedText(value, Qt.TextElideMode.ElideRight, box.width())
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
        painter.restore()


class CaseListView(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(CaseDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab goes on to the next control; the arrows move inside
        # The delegate cuts long titles with "…": a sideways scroll bar would only take a line.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(_("Affaires"))
