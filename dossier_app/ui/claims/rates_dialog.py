"""The rates the claims use, half-year by half-year with their sources (as ``dossier rates``), and the
small dialog that adds a newer ECB rate (as ``dossier rates add``).  Layout only: the controller fills
them and does what their buttons ask."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.claims_report import half_year_label
from ...domain.rates import HalfYearRates, RateTable
from ...i18n import _, active
from .view import DayField

UNKNOWN, NONE = "?", "—"
ERROR_STYLE = "color: #b00020;"


def _table(headers: list[str], stretch_last: bool = True) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    # The command's lower-case column names, as a heading starts.
    table.setHorizontalHeaderLabels([h[:1].upper() + h[1:] for h in headers])
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(stretch_last)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], right: tuple[int, ...] = ()) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class RatesDialog(QDialog):
    """Three tabs: the rates by half-year; the ECB rates with their sources (Add, Remove the added
    ones); the legal interest rates with theirs."""

    add_asked = Signal()
    remove_asked = Signal(object)  # the effective date of a rate the user added

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Taux d'intérêt"))
        self.resize(900, 560)
        self.user_days: list[date | None] = []  # per ECB row: its day when the user added it
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.half_years = _table([_("semestre"), _("taux des pénalités (L441-10)"), _("taux légal, particuliers"),
                                  _("taux légal, autres cas")], stretch_last=False)
        self.ecb = _table([_("Date d'effet"), _("Taux"), _("Source")])
        self.legal = _table([_("semestre"), _("taux légal, particuliers"), _("taux légal, autres cas"),
                             _("Source")])
        by_half_year = QWidget()
        box = QVBoxLayout(by_half_year)
        box.addWidget(self.half_years, 1)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        box.addWidget(self.legend)
        ecb_page = QWidget()
        box = QVBoxLayout(ecb_page)
        box.addWidget(QLabel(_("Taux BCE des opérations principales de refinancement, par date d'effet :")))
        box.addWidget(self.ecb, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Ajouter un taux BCE\u2026"))
        self.remove_button = QPushButton(_("Supprimer ce taux ajouté"))
        self.remove_button.setEnabled(False)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        legal_page = QWidget()
        box = QVBoxLayout(legal_page)
        box.addWidget(QLabel(_("Taux de l'intérêt légal (particuliers / autres cas) :")))
        box.addWidget(self.legal, 1)
        self.tabs.addTab(by_half_year, _("Par semestre"))
        self.tabs.addTab(ecb_page, _("Taux BCE"))
        self.tabs.addTab(legal_page, _("Taux légal"))
        layout.addWidget(self.tabs, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_asked)
        self.remove_button.clicked.connect(self._remove)
        self.ecb.itemSelectionChanged.connect(self._chosen)

    def chosen_user_day(self) -> date | None:
        rows = {index.row() for index in self.ecb.selectionModel().selectedRows()}
        row = next(iter(rows), -1)
        return self.user_days[row] if 0 <= row < len(self.user_days) else None

    def _chosen(self) -> None:
        self.remove_button.setEnabled(self.chosen_user_day() is not None)

    def _remove(self) -> None:
        day = self.chosen_user_day()
        if day is not None:
            self.remove_asked.emit(day)

    def set_rates(self, table: RateTable, rows: tuple[HalfYearRates, ...]) -> None:
        """What ``rates_text`` prints, in three tables (the same words and marks)."""
        tr = active()
        pct = tr.percent
        before = False
        lines = []
        for row in reversed(rows):  # the latest first: it is the one a user looks for
            statutory = ", ".join(
                (pct(s.rate) if i == 0 else _("{rate} dès le {day}").format(rate=pct(s.rate), day=tr.short_day(day)))
                + ("" if s.known else "\u00a0" + UNKNOWN)
                for i, (day, s) in enumerate(row.statutory))
            if not row.legal.known and row.half_year < row.legal.rate.half_year:
                before = True
                legal = [NONE, NONE]
            else:
                mark = "" if row.legal.known else "\u00a0" + UNKNOWN
                legal = [pct(row.legal.rate.particulier) + mark, pct(row.legal.rate.autres_cas) + mark]
            lines.append([half_year_label(row.half_year), statutory, *legal])
        _fill(self.half_years, lines, right=(1, 2, 3))
        legend = [_("{mark} valeur inconnue : la dernière valeur connue est retenue ; ajoutez un taux BCE plus "
                    "récent dans l'onglet « Taux BCE ».").format(mark=UNKNOWN)]
        if before:
            legend.append(_("{mark} aucune valeur dans les tables de taux pour ce semestre.").format(mark=NONE))
        self.legend.setText("\n".join(legend))
        added = _(" (ajouté)")
        ecb = list(reversed(table.ecb))
        _fill(self.ecb, [[tr.short_day(r.effective), pct(r.rate), r.source + (added if r.user else "")] for r in ecb],
              right=(1,))
        self.user_days = [r.effective if r.user else None for r in ecb]
        _fill(self.legal, [[half_year_label(r.half_year), pct(r.particulier), pct(r.autres_cas), r.source]
                           for r in reversed(table.legal)], right=(1, 2))
        self._chosen()


class AddRateDialog(QDialog):
    """A newer ECB rate: its effective date, the rate in percent, where it comes from.  ``submit``
    returns what went wrong in one line, or None when the rate was added (the dialog then closes)."""

    def __init__(self, submit: Callable[[date, str, str], str | None], day: date, example: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
        self.setWindowTitle(_("Ajouter un taux BCE"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        explain = QLabel(_("Le taux des opérations principales de refinancement de la BCE, tel que publié "
                           "(par exemple par la Banque de France), avec la date où il prend effet. Les pénalités "
                           "de l'article L441-10 le lisent au 1er janvier et au 1er juillet : ajoutez celui en "
                           "vigueur ces jours-là, même s'il n'a pas changé."))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        form = QFormLayout()
        self.day = DayField(day)
        self.rate = QLineEdit()
        self.rate.setPlaceholderText(_("par exemple {rate}").format(rate=example))
        self.source = QLineEdit()
        self.source.setPlaceholderText(_("par exemple « Banque de France, taux directeurs de la BCE »"))
        form.addRow(_("Date d'effet"), self.day)
        form.addRow(_("Taux (en %)"), self.rate)
        form.addRow(_("Source"), self.source)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(_("Ajouter"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        # A day typed and not yet left is read first.
        problem = self.day.read_typed() or self.submit(self.day.day(), self.rate.text(), self.source.text())
        if problem is None:
            self.accept()
            return
        self.error.setText(problem)
        self.error.show()
