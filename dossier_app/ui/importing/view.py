"""The short review of dropped files before they become exhibits: title, date, kind, or leave out."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import vocabulary
from ...domain.bounds import title_problem
from ...domain.dates import parse_user_day, short_day
from ...domain.model import EVENT_KINDS
from ...i18n import _, ngettext
from ..kind_style import kind_icon
from ..labels import one_line

if TYPE_CHECKING:
    from ...services.importing import ImportItem

ADD, FILE, TITLE, DATE, KIND, NOTE = range(6)
FIRST_ROWS = 25  # rows filled before the dialog shows; the rest follow
ROWS_PER_TURN = 25


class ImportReview(QDialog):
    def __init__(self, items: list[ImportItem], link_title: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = items
        self.setWindowTitle(_("Vérifier avant d'ajouter"))
        self.resize(860, 120 + 34 * min(len(items), 10))
        adding = sum(1 for i in items if i.status == "add")
        intro = ngettext("{adding} fichier à ajouter comme pièce. Corrigez au besoin le titre, la date et le type proposés ; décochez ce qui ne doit pas entrer.", "{adding} fichiers à ajouter comme pièces. Corrigez au besoin le titre, la date et le type proposés ; décochez ce qui ne doit pas entrer.", adding).format(adding=adding)
        if link_title:
            intro += "\n" + _("Elles seront liées à l'événement « {link_title} ».").format(link_title=link_title)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.intro = label
        self.table = QTableWidget(len(items), 6)
        self.table.setHorizontalHeaderLabels([_("Ajouter"), _("Fichier"), _("Titre"),
                                              _("Date"), _("Type"), _("Remarque")])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.checks: list[QCheckBox | None] = []
        self.titles: list[QLineEdit | None] = []
        self.dates: list[QLineEdit | None] = []
        self.kinds: list[QComboBox | None] = []
        self._kinds_model: QStandardItemModel | None = None
        self._filled = 0
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Ajouter"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self._fill_some(FIRST_ROWS)
        self.table.resizeColumnToContents(FILE)

    def _fill_some(self, count: int) -> None:
        """Rows a few at a time, the event loop running between them: 500 files fill in half a second
        without freezing the window; Ajouter waits for the last row."""
        end = min(self._filled + count, len(self.items))
        for row in range(self._filled, end):
            self._fill(row, self.items[row])
        self._filled = end
        self._check_all()
        if end < len(self.items):
            QTimer.singleShot(0, lambda: self._fill_some(ROWS_PER_TURN))

    def _kinds(self) -> QStandardItemModel:
        """The kinds offered, one list shared by every row's box (building one per row is most of the cost)."""
        if self._kinds_model is None:
            model = self._kinds_model = QStandardItemModel(self)
            blank = QStandardItem("—")
            blank.setData(None, Qt.ItemDataRole.UserRole)
            model.appendRow(blank)
            for name_ in EVENT_KINDS:
                entry = QStandardItem(kind_icon(name_), vocabulary.label(name_))
                entry.setData(name_, Qt.ItemDataRole.UserRole)
                model.appendRow(entry)
        return self._kinds_model

    def _fill(self, row: int, item: ImportItem) -> None:
        name = QTableWidgetItem(one_line(item.path.name))
        name.setToolTip(one_line(str(item.path)))
        name.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(row, FILE, name)
        exhibit = item.exhibit
        if item.status != "add" or exhibit is None:
            why = {"duplicate": _("déjà présent"),
                   "repair": _("sera réparé")}.get(item.status, _("refusé"))
            note = QTableWidgetItem(f"{why} : {item.reason}" if item.reason else why)
            note.setForeground(Qt.GlobalColor.darkRed if item.status == "refused" else Qt.GlobalColor.darkGray)
            note.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, NOTE, note)
            for target in (self.checks, self.titles, self.dates, self.kinds):
                target.append(None)
            return
        check = QCheckBox()
        check.setChecked(True)
        title = QLineEdit(exhibit.title)
        day = QLineEdit(short_day(exhibit.date) if exhibit.date else "")
        day.setPlaceholderText(_("jj/mm/aaaa"))
        if item.date_source:
            day.setToolTip(_("Date trouvée : {date_source}").format(date_source=item.date_source))
        kind = QComboBox()
        kind.setModel(self._kinds())
        kind.setCurrentIndex(max(kind.findData(exhibit.suggested_kind), 0))
        notes = list(item.notes)
        if item.invoices:
            notes.insert(0, ngettext("{invoices_count} facture sera créée depuis cette liste", "{invoices_count} factures seront créées depuis cette liste", len(item.invoices)).format(invoices_count=len(item.invoices)))
        note = QTableWidgetItem("; ".join(notes))
        note.setToolTip("\n".join(notes))
        note.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setCellWidget(row, ADD, check)
        self.table.setCellWidget(row, TITLE, title)
        self.table.setCellWidget(row, DATE, day)
        self.table.setCellWidget(row, KIND, kind)
        self.table.setItem(row, NOTE, note)
        self.checks.append(check)
        self.titles.append(title)
        self.dates.append(day)
        self.kinds.append(kind)
        for signal in (check.toggled, title.textChanged, day.textChanged):
            signal.connect(self._check_all)

    def _check_all(self, *_signal_args: object) -> None:  # not `*_`: that hides gettext's _ below
        ok = True
        for row, day in enumerate(self.dates):
            if day is None:
                continue
            problem = ""
            text = day.text().strip()
            if text:
                try:
                    parse_user_day(text)
                except ValueError as exc:
                    problem = str(exc)
            title = self.titles[row]
            if title is not None:
                problem = problem or title_problem(title.text()) or ""
            day.setStyleSheet("QLineEdit { border: 1px solid #cc2936; }" if problem else "")
            day.setToolTip(problem or day.toolTip())
            check = self.checks[row]
            if problem and check is not None and check.isChecked():
                ok = False
        chosen = any(c is not None and c.isChecked() for c in self.checks)
        filled = self._filled == len(self.items)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok and chosen and filled)

    def reviewed(self) -> list[ImportItem]:
        """The items to commit, with what the user corrected."""
        out = []
        for row, item in enumerate(self.items):
            if item.status == "repair":
                out.append(item)  # the lost file comes back whatever else is chosen
                continue
            check = self.checks[row]
            if check is None or not check.isChecked() or item.exhibit is None:
                continue
            title, day, kind = self.titles[row], self.dates[row], self.kinds[row]
            assert title is not None and day is not None and kind is not None
            text = day.text().strip()
            exhibit = replace(item.exhibit, title=title.text().strip(),
                              date=parse_user_day(text) if text else None, suggested_kind=kind.currentData())
            out.append(replace(item, exhibit=exhibit))
        return out
