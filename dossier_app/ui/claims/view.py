"""The « Sommes dues » tab: what is owed on a date, as ``claims`` computes it (layout only).

Above: the as-of date (a calendar pops up), what the figures are, a plain word when a rate is unknown
with a button to add it.  In the middle: one line per invoice, the disputed ones under their own
heading, then the totals and the notes beside them.  Below: the penalty periods of the chosen invoice,
with each rate and where it comes from.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import parse_user_day
from ...i18n import _, active
from .model import NUMBER, P_SOURCE, InvoicesModel, PeriodsModel

LINES_IN_SIGHT = 8  # invoice lines shown without scrolling when there are that many
WARNING_STYLE = "QFrame#unknownRate { background: #fff4e5; border: 1px solid #f0b96b; border-radius: 4px; }"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DayField(QWidget):
    """A day typed as people write it (« 30/11/2025 », « 30 novembre 2025 »), shown in the language's short
    format, or chosen in a calendar that pops up.  ``day_changed`` when a new day is read; a text that
    is not a day is marked and says why, and the day stays what it was."""

    day_changed = Signal(object)

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day = day
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setMaxLength(40)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("30/11/2025") + 24)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("30 septembre 2025") + 24)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("\u25be")
        self.calendar_button.setToolTip(_("Choisir dans le calendrier"))
        self.calendar = QCalendarWidget()
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        row.addWidget(self.edit)
        row.addWidget(self.calendar_button)
        row.addStretch(1)
        self.edit.editingFinished.connect(self.read_typed)
        self.calendar_button.clicked.connect(self.pop_calendar)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.set_day(day)

    def day(self) -> date:
        return self._day

    def set_day(self, day: date) -> None:
        """Show ``day``; ``day_changed`` when it is another day than before."""
        changed = day != self._day
        self._day = day
        self.edit.setText(active().short_day(day))
        self.edit.setStyleSheet("")
        self.edit.setToolTip("")
        if changed:
            self.day_changed.emit(day)

    def read_typed(self) -> str | None:
        """Read what is typed: None when it is a day, else why not (the field is marked)."""
        try:
            day = parse_user_day(self.edit.text())
        except ValueError as exc:
            self.edit.setStyleSheet("border: 1px solid #b00020;")
            self.edit.setToolTip(str(exc))
            return str(exc)
        self.set_day(day)
        return None

    def pop_calendar(self) -> None:
        self.calendar.setSelectedDate(qdate(self._day))
        self.calendar.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self.calendar.show()

    def _picked(self, day: QDate) -> None:
        self.calendar.hide()
        self.set_day(pydate(day))


def _table(parent: QWidget | None = None) -> QTableView:
    table = QTableView(parent)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setAlternatingRowColors(False)
    return table


class ClaimsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        # The date, what the figures are, the rates.
        top = QHBoxLayout()
        self.as_of_label = QLabel(_("Sommes dues au"))
        self.as_of = DayField(date.today())
        self.as_of.edit.setPlaceholderText(_("Date du calcul : tapez-la ou choisissez-la dans le calendrier"))
        self.as_of_label.setBuddy(self.as_of.edit)
        self.state = QLabel()
        self.state.setStyleSheet("color: palette(mid);")
        self.rates_button = QPushButton(_("Taux d'intérêt\u2026"))
        top.addWidget(self.as_of_label)
        top.addWidget(self.as_of)
        top.addWidget(self.state, 1)
        top.addWidget(self.rates_button)
        layout.addLayout(top)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout.addWidget(self.intro)
        # A rate not known yet: said plainly, with what to do about it.
        self.unknown_rate = QFrame()
        self.unknown_rate.setObjectName("unknownRate")
        self.unknown_rate.setStyleSheet(WARNING_STYLE)
        banner = QHBoxLayout(self.unknown_rate)
        banner.setContentsMargins(8, 4, 8, 4)
        self.unknown_rate_text = QLabel()
        self.unknown_rate_text.setWordWrap(True)
        self.add_rate_button = QPushButton(_("Ajouter ce taux\u2026"))
        banner.addWidget(self.unknown_rate_text, 1)
        banner.addWidget(self.add_rate_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.unknown_rate.hide()
        layout.addWidget(self.unknown_rate)
        # The invoices and the totals; the chosen invoice's periods below.
        self.model = InvoicesModel(self)
        self.table = _table()
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NUMBER, QHeaderView.ResizeMode.Stretch)
        self.totals = QWidget()
        self.totals_grid = QGridLayout(self.totals)
        self.totals_grid.setContentsMargins(0, 0, 0, 0)
        self.totals_grid.setHorizontalSpacing(16)
        self.totals_grid.setVerticalSpacing(2)
        self.totals_rows: list[tuple[str, str | None, bool]] = []
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notes.setStyleSheet("color: palette(dark);")
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        below_table = QHBoxLayout()
        below_table.addWidget(self.totals, 0, Qt.AlignmentFlag.AlignTop)
        below_table.addSpacing(12)
        below_table.addWidget(self.notes, 1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addLayout(below_table)

        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.periods_model = PeriodsModel(self)
        self.periods = _table()
        self.periods.setModel(self.periods_model)
        self.periods.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        periods_header = self.periods.horizontalHeader()
        periods_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        periods_header.setSectionResizeMode(P_SOURCE, QHeaderView.ResizeMode.Stretch)
        self.sources = QLabel()
        self.sources.setWordWrap(True)
        self.sources.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.addWidget(self.detail_title)
        lower_layout.addWidget(self.periods, 1)
        lower_layout.addWidget(self.sources)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

    def show_headings(self) -> None:
        """The disputed invoices' heading line spans the whole row; up to a few lines show without scrolling."""
        self.table.clearSpans()
        for row in self.model.heading_rows():
            self.table.setSpan(row, 0, 1, self.model.columnCount())
        lines = min(max(self.model.rowCount(), 2), LINES_IN_SIGHT)
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + lines * self.table.verticalHeader().defaultSectionSize()
                                    + 2 * self.table.frameWidth() + 2)

    def set_totals(self, rows: list[tuple[str, str | None, bool]]) -> None:
        """Label and amount per line (no amount: a line of words across); bold for the line that counts."""
        while self.totals_grid.count():
            item = self.totals_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.totals_rows = rows
        for row, (label, amount, strong) in enumerate(rows):
            left = QLabel(f"<b>{_escape(label)}</b>" if strong else _escape(label))
            if amount is None:
                left.setWordWrap(True)
                self.totals_grid.addWidget(left, row, 0, 1, 2)
                continue
            right = QLabel(f"<b>{_escape(amount)}</b>" if strong else _escape(amount))
            right.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            right.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.totals_grid.addWidget(left, row, 0)
            self.totals_grid.addWidget(right, row, 1)

    def totals_text(self) -> str:
        """What the totals say, line by line (as a reader would copy them)."""
        return "\n".join(label if amount is None else f"{label}\t{amount}" for label, amount, _strong in self.totals_rows)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
