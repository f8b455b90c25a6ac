"""Thin table models over a ``ClaimsResult``: one line per invoice (the disputed ones under their own
heading line), and the penalty periods of the chosen invoice."""

from __future__ import annotations

from collections.abc import Sized
from typing import TYPE_CHECKING, Any, TypeAlias

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...i18n import _, active
from ..table_model import RowsModel

if TYPE_CHECKING:  # the claims engine loads when first computed, after the window's first paint
    from ...domain.claims import ClaimsResult, InvoiceClaim
    from ...domain.claims_penalties import PenaltyPeriod

Index = QModelIndex | QPersistentModelIndex

NUMBER, DATE, DUE, AMOUNT, CREDITED, PAID, OUTSTANDING, LATE, PENALTIES, INDEMNITY = range(10)
AMOUNTS = (AMOUNT, CREDITED, PAID, OUTSTANDING, LATE, PENALTIES, INDEMNITY)
# A line is an invoice, or the heading of the disputed invoices (a string), spanning the whole row.
Line: TypeAlias = "InvoiceClaim | str"

DISPUTED_SHADE = QColor("#fff4e5")
HEADING_SHADE = QColor("#eceff3")
UNKNOWN_RATE = QColor("#a15c00")


class InvoicesModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[Line] = []
        self._headers = (_("Facture"), _("Date"), _("Échéance"), _("Montant TTC"), _("Avoirs"), _("Réglé"),
                         _("Restant dû"), _("Retard"), _("Pénalités"), _("Indemnité"))

    def _row_list(self) -> Sized:
        return self.lines

    def set_result(self, result: ClaimsResult | None) -> None:
        self.beginResetModel()
        self.lines = []
        if result is not None:
            self.lines += result.undisputed
            if result.disputed:
                self.lines.append(_("Factures contestées (à part)"))
                self.lines += result.disputed
        self.endResetModel()

    def heading_rows(self) -> list[int]:
        return [row for row, line in enumerate(self.lines) if isinstance(line, str)]

    def claim(self, row: int) -> InvoiceClaim | None:
        line = self.lines[row] if 0 <= row < len(self.lines) else None
        return line if not isinstance(line, str) else None

    def row_of(self, event_id: str) -> int | None:
        return next((row for row, line in enumerate(self.lines)
                     if not isinstance(line, str) and line.event_id == event_id), None)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self.lines[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        if isinstance(line, str):
            if role == Qt.ItemDataRole.DisplayRole and column == 0:
                return line
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(HEADING_SHADE)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in AMOUNTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and line.disputed:
            return QBrush(DISPUTED_SHADE)
        if role == Qt.ItemDataRole.ToolTipRole and line.disputed and line.dispute_reason:
            return _("Contestée : {reason}").format(reason=line.dispute_reason)
        if role == Qt.ItemDataRole.ForegroundRole and column == PENALTIES and not all(
                p.source.known for p in line.periods):
            return QBrush(UNKNOWN_RATE)
        return None

    @staticmethod
    def _text(claim: InvoiceClaim, column: int) -> str:
        tr = active()
        if column == NUMBER:
            return claim.number
        if column == DATE:
            return tr.short_day(claim.date)
        if column == DUE:
            return tr.short_day(claim.due_date)
        if column == LATE:
            return tr.days(claim.days_late)
        cents = {AMOUNT: claim.amount, CREDITED: claim.credited, PAID: claim.paid, OUTSTANDING: claim.outstanding,
                 PENALTIES: claim.penalties, INDEMNITY: claim.indemnity}[column]
        return tr.money(cents)


P_FROM, P_TO, P_DAYS, P_PRINCIPAL, P_RATE, P_AMOUNT, P_SOURCE = range(7)


class PeriodsModel(RowsModel):
    """The periods of constant principal and rate behind one invoice's penalties, with the rate's source."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.periods: tuple[PenaltyPeriod, ...] = ()
        self._headers = (_("Du"), _("Au"), _("Jours"), _("Principal"), _("Taux"), _("Pénalités"),
                         _("Source du taux"))

    def _row_list(self) -> Sized:
        return self.periods

    def set_periods(self, periods: tuple[PenaltyPeriod, ...]) -> None:
        self.beginResetModel()
        self.periods = periods
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        period, column = self.periods[index.row()], index.column()
        tr = active()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == P_FROM:
                return tr.short_day(period.start)
            if column == P_TO:
                return tr.short_day(period.end)
            if column == P_DAYS:
                return str(period.days)
            if column == P_PRINCIPAL:
                return tr.money(period.principal)
            if column == P_RATE:
                return tr.percent(period.rate) + ("" if period.source.known else "\u00a0*")
            if column == P_AMOUNT:
                return tr.money(period.amount_cents)
            return _source_text(period)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (P_DAYS, P_PRINCIPAL, P_RATE, P_AMOUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == P_SOURCE:
            statutory = period.source.statutory
            text = _source_text(period)
            return f"{text}\n{statutory.ecb.source}" if statutory is not None else text
        if role == Qt.ItemDataRole.ForegroundRole and not period.source.known and column in (P_RATE, P_SOURCE):
            return QBrush(UNKNOWN_RATE)
        return None


def _source_text(period: PenaltyPeriod) -> str:
    from ...domain.claims_report import rate_source_text

    return rate_source_text(period.source)


C_PURPOSE, C_WORDS, C_AMOUNT = range(3)


class ContractModel(RowsModel):
    """What the other side owes under the contract: one line per clause (or month of service credit), its
    clause's purpose, its dates and arithmetic in words, its amount; the words are the controller's."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, str]] = []
        self._headers = (_("Clause"), _("Période et calcul"), _("Montant"))

    def _row_list(self) -> Sized:
        return self.rows

    def set_rows(self, rows: list[tuple[str, str, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == C_AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
