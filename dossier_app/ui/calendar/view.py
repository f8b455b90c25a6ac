"""The Calendrier tab: the case's dates that matter, each with what to do (layout only).

Each date is a card: on the left the day (« lundi 13 octobre 2025 ») and how far it is (« dans 5 jours »),
on the right what falls due and, under it, what to do, wrapped.  Past dates are greyed; the next one to
come has an amber bar and tint, and its distance in bold (not the colour alone).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from .model import (
    DAY_ROLE,
    DEADLINE_ROLE,
    NEXT_ROLE,
    PAST_ROLE,
    TODO_ROLE,
    WHEN_ROLE,
    DeadlinesModel,
    day_with_weekday,
)

if TYPE_CHECKING:
    from ...domain.calendar import Deadline

Index = QModelIndex | QPersistentModelIndex

PAD = 8  # around each date
BAR = 4  # the next date's amber bar, on its left
GAP = 2  # between two lines of one card
PAST_COLOUR = "#8a8a8a"  # past dates: greyed, still readable
SOON_COLOUR = "#b35900"  # the next date's distance (with bold: not the colour alone)
NEXT_BAR = "#e69f00"
NEXT_TINT = "#fdf3dc"
GREY = "#666666"  # the hint and the date of the figures, as in the other tabs


class DeadlineDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self.column = 200  # the left column's width: the widest day of the list (set by the view)

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        return option.font, bold

    @staticmethod
    def _height(font: QFont, width: int, text: str) -> int:
        flags = int(Qt.TextFlag.TextWordWrap)
        return QFontMetrics(font).boundingRect(QRect(0, 0, max(40, width), 1 << 20), flags, text).height()

    def measure(self, font: QFont, days: list[str], whens: list[str]) -> None:
        bold = QFont(font)
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max((metrics.horizontalAdvance(text) for text in days + whens), default=160)
        self.column = BAR + PAD + widest + 2 * PAD

    def _right_width(self) -> int:
        return max(40, self.view.viewport().width() - self.column - PAD)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        normal, bold = self._fonts(option)
        width = self._right_width()
        right = self._height(bold, width, str(index.data())) + GAP + self._height(normal, width, str(index.data(TODO_ROLE)))
        left = 2 * QFontMetrics(bold).height() + GAP
        return QSize(self.view.viewport().width(), max(left, right) + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        rect = option.rect
        is_next, past = bool(index.data(NEXT_ROLE)), bool(index.data(PAST_ROLE))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if is_next and not selected:
            painter.fillRect(rect, QColor(NEXT_TINT))
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        if is_next:
            painter.fillRect(QRect(rect.left(), rect.top(), BAR, rect.height()), QColor(NEXT_BAR))
        normal, bold = self._fonts(option)
        text = option.palette.highlightedText().color() if selected else option.palette.text().color()
        quiet = text if selected else QColor(PAST_COLOUR) if past else text
        line = QFontMetrics(bold).height()
        left = QRect(rect.left() + BAR + PAD, rect.top() + PAD, self.column - BAR - 2 * PAD, line)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.setFont(bold)
        painter.setPen(quiet)
        painter.drawText(left, flags, str(index.data(DAY_ROLE)))
        painter.setFont(bold if is_next else normal)
        painter.setPen(text if selected else QColor(SOON_COLOUR) if is_next else quiet)
        painter.drawText(left.translated(0, line + GAP), flags, str(index.data(WHEN_ROLE)))
        wrap = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
        right = QRect(rect.left() + self.column, rect.top() + PAD, self._right_width(), rect.height() - 2 * PAD)
        painter.setFont(bold)
        painter.setPen(quiet)
        drawn = painter.boundingRect(right, wrap, str(index.data()))
        painter.drawText(right, wrap, str(index.data()))
        painter.setFont(normal)
        painter.setPen(quiet if selected or past else QColor(GREY))
        painter.drawText(right.adjusted(0, drawn.height() + GAP, 0, 0), wrap, str(index.data(TODO_ROLE)))
        # A hairline under each date: the eye finds where one ends.
        painter.setPen(QPen(QColor(0, 0, 0, 28), 1))
        painter.drawLine(rect.left() + PAD, rect.bottom(), rect.right() - PAD, rect.bottom())
        painter.restore()


class DeadlineList(QListView):
    """The dates; Enter or a double-click activates one (``activated``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # the rows' heights follow the width
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.delegate = DeadlineDelegate(self)
        self.setItemDelegate(self.delegate)


class CalendarView(QWidget):
    export = Signal()  # « Exporter vers mon agenda (.ics)… »

    LIST, MESSAGE = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DeadlinesModel(self)
        self.list = DeadlineList()
        self.list.setModel(self.model)
        self.list.setAccessibleName(_("Dates de la procédure"))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        self.today = QLabel()
        self.today.setStyleSheet(f"color: {GREY};")
        top.addWidget(self.today)
        top.addStretch(1)
        self.export_button = QPushButton(_("Exporter vers mon agenda (.ics)\u2026"))
        self.export_button.setToolTip(_("Enregistre ces dates dans un fichier .ics, que votre agenda (Outlook, "
                                        "Google Agenda, Calendrier d'Apple, Thunderbird) sait importer"))
        self.export_button.clicked.connect(self.export)
        top.addWidget(self.export_button)
        self.hint = QLabel(_("Double-cliquez sur une date (ou appuyez sur Entrée) pour voir dans la chronologie "
                             "l'événement dont elle découle."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {GREY};")
        # Nothing to list: no case open, no date in the case, the calendar being worked out or failed.
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.message.setContentsMargins(24, 0, 24, 0)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.message.setFont(font)
        message_page = QWidget()
        message_layout = QVBoxLayout(message_page)
        message_layout.addStretch(1)
        message_layout.addWidget(self.message)
        message_layout.addStretch(2)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list)
        self.pages.addWidget(message_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.pages, 1)
        self.show_message(_("Aucune affaire ouverte"))

    # --- content -------------------------------------------------------------------------------
    def show_deadlines(self, deadlines: tuple[Deadline, ...], today: date) -> None:
        """The dates, in order; the one chosen before, or else the next one to come, chosen and in sight (an empty tuple: ``show_message``
        is the controller's to call)."""
        current = self.list.currentIndex().data(DEADLINE_ROLE)
        chosen = (current.kind, current.event_id, current.title) if current is not None else None
        self.model.set_deadlines(deadlines, today)
        self.list.delegate.measure(self.list.font(), self.model.days, self.model.whens)
        self.today.setText(_("Aujourd'hui : {day}").format(day=day_with_weekday(today)) if self.model.next is not None
                           else _("Aujourd'hui : {day}. Toutes ces dates sont passées.").format(
                               day=day_with_weekday(today)))
        self.hint.setVisible(any(d.event_id is not None for d in deadlines))
        self.export_button.setEnabled(bool(deadlines))
        self.pages.setCurrentIndex(self.LIST)
        # The date the user chose stays chosen when the case changes; else the next one to come.
        row = next((r for r, d in enumerate(deadlines) if (d.kind, d.event_id, d.title) == chosen), None)
        if row is None:
            row = self.model.next if self.model.next is not None else len(deadlines) - 1
        if row >= 0:
            index = self.model.index(row, 0)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def show_message(self, text: str) -> None:
        """``text`` instead of the list (no case, no date yet, the calendar being worked out or failed)."""
        self.model.set_deadlines((), self.model.today)
        self.message.setText(text)
        self.today.setText("")
        self.hint.hide()
        self.export_button.setEnabled(False)
        self.pages.setCurrentIndex(self.MESSAGE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Laid out only now when the list was filled while its tab was hidden: the next date in sight.
        current = self.list.currentIndex()
        if current.isValid():
            self.list.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)
