"""The case's dates as a list model: one row per date, in date order, as ``calendar`` gives them."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ...i18n import _, active, ngettext

if TYPE_CHECKING:
    from ...domain.calendar import Deadline

Index = QModelIndex | QPersistentModelIndex

DEADLINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the Deadline itself
DAY_ROLE = Qt.ItemDataRole.UserRole + 2  # « lundi 13 octobre 2025 »
WHEN_ROLE = Qt.ItemDataRole.UserRole + 3  # « dans 5 jours », « aujourd'hui », « passé depuis 3 jours »
TODO_ROLE = Qt.ItemDataRole.UserRole + 4  # what to do, one sentence
NEXT_ROLE = Qt.ItemDataRole.UserRole + 5  # True on the next date to come (today's included)
PAST_ROLE = Qt.ItemDataRole.UserRole + 6


def day_with_weekday(day: date) -> str:
    """« lundi 13 octobre 2025 », « mercredi 1er octobre 2025 » / « Monday 13 October 2025 »."""
    from babel.dates import format_date

    words = active()
    return f"{format_date(day, 'EEEE', locale=words.locale)} {words.long_day(day)}"


def how_far(day: date, today: date) -> str:
    """How far ``day`` is from ``today``, as one says it: « dans 5 jours », « demain », « aujourd'hui »,
    « hier », « passé depuis 3 jours »."""
    days = (day - today).days
    if days == 0:
        return _("aujourd'hui")
    if days == 1:
        return _("demain")
    if days == -1:
        return _("hier")
    if days > 0:
        return ngettext("dans {count} jour", "dans {count} jours", days).format(count=days)
    return ngettext("passé depuis {count} jour", "passé depuis {count} jours", -days).format(count=-days)


def next_row(deadlines: tuple[Deadline, ...] | list[Deadline], today: date) -> int | None:
    """The first date still to come (today's included), or None when every one is past."""
    return next((row for row, d in enumerate(deadlines) if not d.past and d.day >= today), None)


class DeadlinesModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.deadlines: tuple[Deadline, ...] = ()
        self.today = date.today()
        self.days: list[str] = []
        self.whens: list[str] = []
        self.next: int | None = None

    def set_deadlines(self, deadlines: tuple[Deadline, ...], today: date) -> None:
        self.beginResetModel()
        self.deadlines, self.today = tuple(deadlines), today
        self.days = [day_with_weekday(d.day) for d in self.deadlines]
        self.whens = [how_far(d.day, today) for d in self.deadlines]
        self.next = next_row(self.deadlines, today)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.deadlines)

    def line(self, row: int) -> str:
        """The row as one line of text, as a screen reader says it."""
        d = self.deadlines[row]
        return _("{day} ({when}) : {title}. {what_to_do}").format(
            day=self.days[row], when=self.whens[row], title=d.title, what_to_do=d.what_to_do)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.deadlines):
            return None
        row = index.row()
        deadline = self.deadlines[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return deadline.title
        if role == DAY_ROLE:
            return self.days[row]
        if role == WHEN_ROLE:
            return self.whens[row]
        if role == TODO_ROLE:
            return deadline.what_to_do
        if role == NEXT_ROLE:
            return row == self.next
        if role == PAST_ROLE:
            return deadline.past
        if role == DEADLINE_ROLE:
            return deadline
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.line(row)
        return None
