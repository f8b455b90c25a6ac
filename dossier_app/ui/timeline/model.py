"""The timeline as a table model: a thin adapter over ``services.timeline.timeline_rows``."""

from __future__ import annotations

from collections.abc import Callable, Sized
from datetime import time
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...domain.bounds import neutral_text
from ...domain.dates import short_day
from ...domain.money import format_euros
from ...domain.vocabulary import label
from ...i18n import _, active
from ...services.timeline import TimelineRow
from ..kind_style import kind_icon
from ..labels import one_line
from ..table_model import RowsModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3

DATE, KIND, TITLE, ACTOR, AMOUNT, EXHIBITS, KEY = range(7)

# The roles as plain numbers: a painted screen asks ``cell`` a thousand times, mostly for roles it
# has nothing for, and each comparison with an enum member costs a look-up.
_DISPLAY, _DECORATION, _TOOLTIP, _ALIGNMENT, _FONT, _FOREGROUND = (int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole))
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_CENTRE = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)

Index = QModelIndex | QPersistentModelIndex


def headers() -> tuple[str, ...]:
    return (_("Date"), _("Type"), _("Intitulé"), _("Qui"),
            _("Montant"), _("Pièces"), _("Clé"))


_NO_AMOUNT = -(10**15)  # sorts before every amount, credit notes' negative ones included
_NO_TIME = (False, time())  # a day without a time of day sorts before the same day's timed events


def _sort_key(column: int, row: TimelineRow) -> Any:
    if column == KIND:
        return label(row.kind, short=True)
    if column == TITLE:
        return row.title.casefold()
    if column == ACTOR:
        return label(row.actor)
    if column == AMOUNT:
        return _NO_AMOUNT if row.amount_cents is None else row.amount_cents
    if column == EXHIBITS:
        return row.exhibits
    if column == KEY:
        return row.key_fact
    # The wall-clock time as entered: an aware and a naive instant cannot be compared.
    return (row.day, (True, row.moment.time()) if row.moment else _NO_TIME)


class TimelineModel(RowsModel):
    """One row per event; the rows are replaced whole when the case changes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[TimelineRow] = []
        self._by_id: dict[str, int] | None = None
        self._headers = headers()

    def set_rows(self, rows: list[TimelineRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._by_id = None
        self.endResetModel()

    def take_row(self, i: int, along: Callable[[int], None]) -> None:
        """Remove row ``i``; ``along(i)`` puts what follows the rows right before the views hear of it."""
        self.beginRemoveRows(QModelIndex(), i, i)
        del self.rows[i]
        along(i)
        self._by_id = None
        self.endRemoveRows()

    def put_row(self, i: int, row: TimelineRow, along: Callable[[int], None]) -> None:
        self.beginInsertRows(QModelIndex(), i, i)
        self.rows.insert(i, row)
        along(i)
        self._by_id = None
        self.endInsertRows()

    def change_row(self, i: int, row: TimelineRow, along: Callable[[int], None]) -> None:
        self.rows[i] = row
        along(i)
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self._headers) - 1))

    def place_for(self, row: TimelineRow, column: int, descending: bool, where: int | None = None) -> int:
        """Where ``row`` goes in rows sorted on ``column``: ``where`` if it may stay there, else after its equals."""
        rows = self.rows
        key = _sort_key(column, row)

        def before(other: TimelineRow) -> bool:  # ``other`` sorts before ``row``, or with it
            other_key = _sort_key(column, other)
            return bool(other_key >= key) if descending else bool(other_key <= key)

        def after(other: TimelineRow) -> bool:  # ``other`` sorts after ``row``, or with it
            other_key = _sort_key(column, other)
            return bool(other_key <= key) if descending else bool(other_key >= key)

        # ``where`` holds the row's former self: it may stay if its neighbours still frame it.
        if where is not None and (where == 0 or before(rows[where - 1])) and (
                where + 1 >= len(rows) or after(rows[where + 1])):
            return where
        lo, hi = 0, len(rows)
        while lo < hi:
            mid = (lo + hi) // 2
            if before(rows[mid]):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def row_of(self, event_id: str) -> int | None:
        if self._by_id is None:
            self._by_id = {r.id: i for i, r in enumerate(self.rows)}
        return self._by_id.get(event_id)

    def _row_list(self) -> Sized:
        return self.rows

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, number: int, column: int, role: int) -> Any:
        """What row ``number`` shows in ``column`` for ``role`` (the filtered view asks by number)."""
        row = self.rows[number]
        if role == _DISPLAY:
            return self._display(row, column)
        if role == SORT_ROLE:
            return _sort_key(column, row)
        if role == EVENT_ID_ROLE:
            return row.id
        if role == KIND_ROLE:
            return row.kind
        if role == _DECORATION and column == KIND:
            return kind_icon(row.kind)
        if role == _TOOLTIP:
            return self._tooltip(row)
        if role == _ALIGNMENT and column in (AMOUNT, EXHIBITS, KEY):
            return _ALIGN_RIGHT if column == AMOUNT else _ALIGN_CENTRE
        if role == _FONT and column == TITLE and row.key_fact:
            font = QFont()
            font.setBold(True)
            return font
        if role == _FOREGROUND and column == EXHIBITS and not row.exhibits:
            return QColor("#b2182b")
        if role == _FOREGROUND and column == KEY:
            return QColor("#c77c00")
        return None

    def _display(self, row: TimelineRow, column: int) -> str:
        if column == DATE:
            text = short_day(row.day)
            return f"{text} {active().clock(row.moment)}" if row.moment else text
        if column == KIND:
            return label(row.kind, short=True)
        if column == TITLE:
            return one_line(row.title)
        if column == ACTOR:
            return label(row.actor)
        if column == AMOUNT:
            return "" if row.amount_cents is None else format_euros(row.amount_cents)
        if column == EXHIBITS:
            return str(row.exhibits) if row.exhibits else _("aucune")
        if column == KEY:
            return "★" if row.key_fact else ""
        return ""

    def _tooltip(self, row: TimelineRow) -> str:
        lines = [one_line(row.title)]
        if row.end:
            tr = active()
            lines.append(_("jusqu'au {day} à {time}").format(day=tr.short_day(row.end.date()), time=tr.clock(row.end)))
        if row.description:
            lines.append(neutral_text(row.description))
        if row.tags:
            lines.append(_("Mots-clés : ") + ", ".join(one_line(tag) for tag in row.tags))
        if not row.exhibits:
            lines.append(_("Aucune pièce ne prouve cet événement."))
        return "\n".join(lines)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here in Python at once: a proxy asking Qt to compare 100 000 rows would crawl."""
        self.reorder(self.order_for(column, order))

    def order_for(self, column: int, order: Qt.SortOrder) -> list[int]:
        """The rows' new order, as old row numbers (stable: equal rows keep their order)."""
        rows = self.rows
        return sorted(range(len(rows)), key=lambda i: _sort_key(column, rows[i]),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def reorder(self, order: list[int]) -> None:
        """Put the rows in ``order`` (old row numbers), keeping the selection on its rows."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        new_row = [0] * len(order)
        for new, old in enumerate(order):
            new_row[old] = new
        self.rows = [self.rows[i] for i in order]
        self._by_id = None
        self.changePersistentIndexList(
            persistent, [self.index(new_row[i.row()], i.column()) if i.isValid() else QModelIndex()
                         for i in persistent])
        self.layoutChanged.emit()
