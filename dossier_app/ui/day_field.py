"""One date field for the whole window (layout only): a day typed as people write it, or chosen in a calendar.

« 30/11/2025 », « 30 novembre 2025 », « 2025-11-30 » are read by ``domain.dates.parse_user_day``,
imported when a day is first read: the window's first paint needs no date parser.  The day is shown
again in the language's short format once read; a text that is not a day is marked in red, says why
in its tooltip, and the day stays what it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

from ..i18n import _, active

WRONG_STYLE = "border: 1px solid #b00020;"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DayField(QWidget):
    """``day_changed`` when a new day is read, typed or picked.  ``problem`` (set by a controller) may
    refuse a day that is one but is out of bounds: a sentence, shown as a wrong text is."""

    day_changed = Signal(object)

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day = day
        self.problem: Callable[[date], str | None] | None = None
        self.refused: str | None = None  # why the text in the field is not taken, while it is there
        self._range = (QDate(1900, 1, 1), QDate(9999, 12, 31))  # the calendar's, until set_range
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setMaxLength(40)
        metrics = self.edit.fontMetrics()
        self.edit.setMinimumWidth(metrics.horizontalAdvance("30/11/2025") + 24)
        self.edit.setMaximumWidth(metrics.horizontalAdvance("30 septembre 2025") + 24)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("\u25be")
        self.calendar_button.setToolTip(_("Choisir dans le calendrier"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
        self.calendar: QCalendarWidget | None = None  # made when first asked for
        row.addWidget(self.edit)
        row.addWidget(self.calendar_button)
        row.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.editingFinished.connect(self.read_typed)
        self.calendar_button.clicked.connect(self.pop_calendar)
        self.set_day(day)

    def day(self) -> date:
        return self._day

    def set_day(self, day: date) -> None:
        """Show ``day``; ``day_changed`` when it is another day than before."""
        changed = day != self._day
        self._day = day
        self.edit.setText(active().short_day(day))
        self._mark(None)
        if changed:
            self.day_changed.emit(day)

    def set_range(self, first: date, last: date) -> None:
        """The days the calendar offers (what is typed is checked by ``problem``)."""
        self._range = (qdate(first), qdate(last))
        if self.calendar is not None:
            self.calendar.setDateRange(*self._range)

    def read_typed(self) -> str | None:
        """Read what is typed: None when it is a day (now the field's), else why not (the field is marked)."""
        text = self.edit.text()
        if text == active().short_day(self._day):
            self._mark(None)
            return None  # as shown: nothing to read again
        from ..domain.dates import parse_user_day  # the date parser loads when a day is first typed

        try:
            day = parse_user_day(text)
        except ValueError as exc:
            return self._mark(str(exc))
        problem = self.problem(day) if self.problem is not None else None
        if problem is not None:
            return self._mark(problem)
        self.set_day(day)
        return None

    def _mark(self, why: str | None) -> str | None:
        self.refused = why
        self.edit.setStyleSheet(WRONG_STYLE if why else "")
        self.edit.setToolTip(why or "")
        return why

    def pop_calendar(self) -> QCalendarWidget:
        calendar = self.calendar
        if calendar is None:
            # A window of its own, not a child: a child popup breaks the dialog's Tab order (the field's
            # focus proxy and a child window make Qt 6 loop Tab inside the field).  It goes with the field.
            calendar = self.calendar = QCalendarWidget()
            calendar.setWindowFlags(Qt.WindowType.Popup)
            calendar.setGridVisible(True)
            calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            calendar.setDateRange(*self._range)
            calendar.clicked.connect(self._picked)
            calendar.activated.connect(self._picked)
            self.destroyed.connect(calendar.deleteLater)
        calendar.setSelectedDate(qdate(self._day))
        calendar.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        calendar.show()
        return calendar

    def _picked(self, day: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.set_day(pydate(day))
