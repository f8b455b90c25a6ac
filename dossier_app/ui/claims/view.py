"""The « Sommes dues » tab: what is owed on a date, as ``claims`` computes it (layout only).

Above: the as-of date (a calendar pops up), what the figures are, a plain word when a rate is unknown
with a button to add it.  In the middle: one line per invoice, the disputed ones under their own
heading, then the totals and the notes beside them.  Below: the penalty periods of the chosen invoice,
with each rate and where it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ..day_field import DayField, pydate, qdate
from .model import (
    C_AMOUNT,
    C_PURPOSE,
    C_WORDS,
    NUMBER,
    P_SOURCE,
    ContractModel,
    InvoicesModel,
    PeriodsModel,
)

__all__ = ["ClaimsView", "DayField", "pydate", "qdate"]  # the rates dialog takes its date field from here

LINES_IN_SIGHT = 12  # invoice lines shown whole, without a scroll bar, up to that many
LINES_AT_LEAST = 3  # on a short window the table keeps this many in sight and scrolls
PERIODS_AT_LEAST = 2  # and the detail's table this many
CONTRACT_LINES_IN_SIGHT = 6  # the contract's lines shown whole, up to that many, then its table scrolls
CONTRACT_PURPOSE_SHARE = 0.3  # a clause's purpose takes at most this share of the width, then wraps
NOTES_AT_LEAST = 300  # narrower than this beside the totals, the notes go under them
WARNING_STYLE = "QFrame#unknownRate { background: #fff4e5; border: 1px solid #f0b96b; border-radius: 4px; }"


def _wrapping(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class _Pane(QScrollArea):
    """One side of the splitter: its content gets at least the height it cannot do without at its width
    (``least``), and scrolls as a whole when the pane is shorter, rather than drawing words over words."""

    def __init__(self, content: QWidget, least: Callable[[int], int]) -> None:
        super().__init__()
        self.content, self.least = content, least
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(False)
        self.setWidget(content)

    def place(self) -> None:
        room = self.viewport().size()
        need = self.least(room.width())
        if need > room.height() and not self.verticalScrollBar().isVisible():
            room.setWidth(room.width() - self.verticalScrollBar().sizeHint().width())  # it is about to show
            need = self.least(room.width())
        self.content.resize(room.width(), max(room.height(), need))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place()


SIZED_LINES = 200


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


def _table_height(table: QTableView, lines: int) -> int:
    """The height that shows the header and ``lines`` rows whole, no vertical scroll bar."""
    return (table.horizontalHeader().sizeHint().height() + lines * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth() + 2)


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
        self.intro = _wrapping()
        self.intro.hide()
        layout.addWidget(self.intro)
        # A rate not known yet: said plainly, with what to do about it.
        self.unknown_rate = QFrame()
        self.unknown_rate.setObjectName("unknownRate")
        self.unknown_rate.setStyleSheet(WARNING_STYLE)
        banner = QHBoxLayout(self.unknown_rate)
        banner.setContentsMargins(8, 4, 8, 4)
        self.unknown_rate_text = _wrapping()
        self.add_rate_button = QPushButton(_("Ajouter ce taux\u2026"))
        banner.addWidget(self.unknown_rate_text, 1)
        banner.addWidget(self.add_rate_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.unknown_rate.hide()
        layout.addWidget(self.unknown_rate)

        # Above the splitter: the invoices, every line in sight up to LINES_IN_SIGHT, then the totals
        # and the notes (beside them, or under them on a narrow window).
        self.model = InvoicesModel(self)
        self.table = _table()
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NUMBER, QHeaderView.ResizeMode.Stretch)
        # Columns fit a sample of the lines, not every one: thousands of invoices measured at each layout
        # froze the window for a second (the widest amounts are alike from one line to the next).
        header.setResizeContentsPrecision(SIZED_LINES)
        self.totals = QWidget()
        self.totals_grid = QGridLayout(self.totals)
        self.totals_grid.setContentsMargins(0, 0, 0, 0)
        self.totals_grid.setHorizontalSpacing(16)
        self.totals_grid.setVerticalSpacing(2)
        self.totals_rows: list[tuple[str, str | None, bool]] = []
        self.notes = _wrapping()
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.below_table = QWidget()
        self.below_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.below_table)
        self.below_layout.setContentsMargins(0, 0, 0, 0)
        self.below_layout.setSpacing(12)
        self.below_layout.addWidget(self.totals, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.below_layout.addWidget(self.notes, 1)
        self.invoices_box = QWidget()
        self.upper_layout = QVBoxLayout(self.invoices_box)
        self.upper_layout.setContentsMargins(0, 0, 0, 6)
        self.upper_layout.setSpacing(6)
        self.upper_layout.addWidget(self.table, 1)
        self.upper_layout.addWidget(self.below_table)

        # Under the totals, apart from the invoices: what the other side owes under the contract, in a
        # table as tall as its lines (hidden when there are none).
        self.contract_box = QWidget()
        self.contract_layout = contract_layout = QVBoxLayout(self.contract_box)
        contract_layout.setContentsMargins(0, 6, 0, 0)
        contract_layout.setSpacing(4)
        self.contract_title = _wrapping()
        self.contract_model = ContractModel(self)
        self.contract_table = _table()
        self.contract_table.setModel(self.contract_model)
        self.contract_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # A long clause or its arithmetic wraps onto a second line of its row rather than end in « … ».
        self.contract_table.setWordWrap(True)
        self.contract_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        contract_header = self.contract_table.horizontalHeader()
        contract_header.setSectionResizeMode(C_PURPOSE, QHeaderView.ResizeMode.Fixed)  # set by _fit_contract
        contract_header.setSectionResizeMode(C_WORDS, QHeaderView.ResizeMode.Stretch)
        contract_header.setSectionResizeMode(C_AMOUNT, QHeaderView.ResizeMode.ResizeToContents)
        total = QHBoxLayout()
        total.setSpacing(16)
        self.contract_total_label = QLabel()
        self.contract_total = QLabel()
        self.contract_total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.contract_total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contract_apart = _wrapping()  # why this total is not among the invoices' (in the text's own colour: read)
        total.addWidget(self.contract_apart, 1)
        total.addWidget(self.contract_total_label, 0, Qt.AlignmentFlag.AlignTop)
        total.addWidget(self.contract_total, 0, Qt.AlignmentFlag.AlignTop)
        contract_layout.addWidget(self.contract_title)
        contract_layout.addWidget(self.contract_table)
        contract_layout.addLayout(total)
        self.contract_box.hide()
        self.upper_layout.addWidget(self.contract_box)

        # Below it: the chosen invoice's penalty periods, in what is left.
        self.detail_title = _wrapping()
        self.periods_model = PeriodsModel(self)
        self.periods = _table()
        self.periods.setModel(self.periods_model)
        self.periods.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.periods.setMinimumHeight(_table_height(self.periods, PERIODS_AT_LEAST))
        periods_header = self.periods.horizontalHeader()
        periods_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        periods_header.setSectionResizeMode(P_SOURCE, QHeaderView.ResizeMode.Stretch)
        self.sources = _wrapping()
        self.sources.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_box = QWidget()
        self.lower_layout = QVBoxLayout(self.detail_box)
        self.lower_layout.setContentsMargins(0, 6, 0, 0)
        self.lower_layout.addWidget(self.detail_title)
        self.lower_layout.addWidget(self.periods, 1)
        self.lower_layout.addWidget(self.sources)
        self.upper_pane = _Pane(self.invoices_box, self._upper_least)
        self.lower_pane = _Pane(self.detail_box, self._lower_least)
        for pane in (self.upper_pane, self.lower_pane):
            pane.setMinimumHeight(_table_height(self.periods, PERIODS_AT_LEAST))

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(7)
        self.splitter.addWidget(self.upper_pane)
        self.splitter.addWidget(self.lower_pane)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)  # a taller window: more room for the detail
        self.splitter.handle(1).setToolTip(_("Faites glisser pour partager la place entre les factures et le détail"))
        layout.addWidget(self.splitter, 1)
        self.user_sized = False  # the splitter moved by hand: its place stays the user's
        self.splitter.splitterMoved.connect(self._moved_by_hand)
        self._fitting = QTimer(self)
        self._fitting.setSingleShot(True)
        self._fitting.setInterval(0)
        self._fitting.timeout.connect(self.fit)
        # Another invoice chosen: its title, periods and sources take another height.
        self.periods_model.modelReset.connect(self._fitting.start)

    def show_headings(self) -> None:
        """The disputed invoices' heading line spans the whole row; the splitter follows the lines there are."""
        self.table.clearSpans()
        for row in self.model.heading_rows():
            self.table.setSpan(row, 0, 1, self.model.columnCount())
        self._fitting.start()

    def wanted_upper_height(self, width: int) -> int:
        """The invoices pane's height when every line shows (up to LINES_IN_SIGHT), with the totals and notes."""
        return self._upper_least(width, min(max(self.model.rowCount(), 1), LINES_IN_SIGHT))

    def _upper_least(self, width: int, lines: int | None = None) -> int:
        """The invoices pane's height at ``width``: ``lines`` of the table (else LINES_AT_LEAST) and the
        totals and notes, their words wrapped at that width."""
        lines = lines or min(max(self.model.rowCount(), 1), LINES_AT_LEAST)
        scroll_bar = self.table.horizontalScrollBar()
        across = scroll_bar.sizeHint().height() if scroll_bar.maximum() > 0 else 0  # columns wider than the pane
        margins = self.upper_layout.contentsMargins()
        contract = 0
        if not self.contract_box.isHidden():  # its lines whole, its title wrapped at the width there is
            contract = self.upper_layout.spacing() + self.contract_layout.heightForWidth(width)
        return (margins.top() + _table_height(self.table, lines) + across + self.upper_layout.spacing()
                + self.below_layout.heightForWidth(width) + contract + margins.bottom())

    def _lower_least(self, width: int, labels: tuple[QLabel, ...] = ()) -> int:
        """The detail's height at ``width``: its words wrapped, PERIODS_AT_LEAST periods in sight."""
        margins, spacing = self.lower_layout.contentsMargins(), self.lower_layout.spacing()
        least = margins.top() + margins.bottom() + self.periods.minimumHeight()
        for label in labels or (self.detail_title, self.sources):
            if label.text():
                least += spacing + label.heightForWidth(width - margins.left() - margins.right())
        return least

    def fit(self) -> None:
        """The invoices and totals take what they need, the detail the rest (and at least its title and a
        few periods while the invoices keep half); once the splitter was moved by hand, it stays where the user put it.
        Words wrap at the width there is, and are never drawn over their neighbours: a pane too short
        for what it holds scrolls."""
        self._fitting.stop()
        width = self.upper_pane.viewport().width()
        if not self.isVisible() or width <= 0:
            return
        narrow = width < self.totals.sizeHint().width() + self.below_layout.spacing() + NOTES_AT_LEAST
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.below_layout.direction() != direction:
            self.below_layout.setDirection(direction)
        room = sum(self.splitter.sizes())
        # The detail keeps its title and a few periods in sight; its sources may need a scroll.
        detail = self._lower_least(width, (self.detail_title,))
        limit = max(room - detail, room // 2) if not self.user_sized else self.splitter.sizes()[0]
        if not self.contract_box.isHidden():
            self.upper_pane.place()  # the table at the width there is, then its rows at their heights
            self._fit_contract()
            # Short of room, the contract's lines scroll (one kept in sight) before the invoices' do.
            over = self.wanted_upper_height(width) - limit
            if room > 0 and over > 0:
                self._fit_contract(over)
        if not self.user_sized and room > 0:
            upper = min(self.wanted_upper_height(width), limit)
            if self.splitter.sizes() != [upper, room - upper]:
                self.splitter.setSizes([upper, room - upper])
        self.upper_pane.place()
        self.lower_pane.place()

    def _moved_by_hand(self, _position: int, _index: int) -> None:
        self.user_sized = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fitting.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fitting.start()

    def set_totals(self, rows: list[tuple[str, str | None, bool]]) -> None:
        """Label and amount per line (no amount: a line of words across); bold for the line that counts."""
        while self.totals_grid.count():
            item = self.totals_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.totals_rows = rows
        for row, (label, amount, strong) in enumerate(rows):
            if amount is None:
                left = _wrapping(_escape(label))
                self.totals_grid.addWidget(left, row, 0, 1, 2)
                left.show()  # now, not when Qt gets to it: the splitter reads the totals' height next
                continue
            left = QLabel(f"<b>{_escape(label)}</b>" if strong else _escape(label))
            right = QLabel(f"<b>{_escape(amount)}</b>" if strong else _escape(amount))
            right.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            right.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.totals_grid.addWidget(left, row, 0)
            self.totals_grid.addWidget(right, row, 1)
            left.show()
            right.show()

    def set_contract(self, title: str, rows: list[tuple[str, str, str]], apart: str, total_label: str,
                     total: str) -> None:
        """The contract's section: its title, a line per clause (purpose, words, amount), why it stands apart,
        its total; hidden when there are no lines."""
        self.contract_model.set_rows(rows)
        self.contract_title.setText(f"<b>{_escape(title)}</b>" if rows else "")
        self.contract_apart.setText(apart if rows else "")
        self.contract_total_label.setText(f"<b>{_escape(total_label)}</b>" if rows else "")
        self.contract_total.setText(f"<b>{_escape(total)}</b>" if rows else "")
        self.contract_box.setVisible(bool(rows))
        self._fit_contract()
        self._fitting.start()

    def _fit_contract(self, over: int = 0) -> None:
        """The contract's table as tall as its rows (up to CONTRACT_LINES_IN_SIGHT), each row as tall as its
        words wrapped at the columns' widths there are now; ``over`` pixels shorter when the pane lacks them,
        never less than its first line."""
        table = self.contract_table
        purpose = min(table.sizeHintForColumn(C_PURPOSE),
                      max(int(table.viewport().width() * CONTRACT_PURPOSE_SHARE), table.fontMetrics().averageCharWidth() * 20))
        if table.columnWidth(C_PURPOSE) != purpose:
            table.setColumnWidth(C_PURPOSE, purpose)
        single = table.verticalHeader().defaultSectionSize()  # a line's row as tall as the invoices'
        padding = single - table.fontMetrics().height()
        for row in range(self.contract_model.rowCount()):
            height = max(single, table.sizeHintForRow(row) + padding - 2)
            if table.rowHeight(row) != height:
                table.setRowHeight(row, height)
        rows = min(self.contract_model.rowCount(), CONTRACT_LINES_IN_SIGHT)
        least = _table_height(table, 0) + (table.rowHeight(0) if rows else 0)
        height = max(least, _table_height(table, 0) + sum(table.rowHeight(row) for row in range(rows)) - over)
        if table.height() != height or table.minimumHeight() != height:
            table.setFixedHeight(height)

    def contract_lines(self) -> list[list[str]]:
        """What the contract's table says, line by line."""
        model = self.contract_model
        return [[model.data(model.index(row, column)) for column in range(model.columnCount())]
                for row in range(model.rowCount())]

    def totals_text(self) -> str:
        """What the totals say, line by line (as a reader would copy them)."""
        return "\n".join(label if amount is None else f"{label}\t{amount}" for label, amount, _strong in self.totals_rows)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
