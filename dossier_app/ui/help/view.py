"""The Help menu's windows (layout only): the guide, the keyboard shortcuts, About."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _


def _close_button(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons


class GuideWindow(QDialog):
    """The guide beside the window, left open while the user works."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowFlag(Qt.WindowType.WindowMinMaxButtonsHint, True)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.document().setDocumentMargin(16)
        self.text.setHtml(html)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(_close_button(self))
        self.resize(820, 640)


class ShortcutsDialog(QDialog):
    """One line per action: what it does and its keys."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Raccourcis clavier"))
        self._rows = list(rows)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([_("Action"), _("Raccourci")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(_close_button(self))
        self.resize(560, 620)

    def rows(self) -> list[tuple[str, str]]:
        return list(self._rows)


class AboutDialog(QDialog):
    """The version, where the data lives (with a button to open it), the licences of what is bundled."""

    def __init__(self, heading: str, data_folder: str, fonts: list[tuple[str, str]],
                 libraries: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("À propos de Dossier"))
        self.heading = QLabel(heading)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        summary = QLabel(_("Constituez le dossier de preuves d'un litige commercial, hors ligne, et imprimez-le "
                           "pour votre avocat et le juge."))
        summary.setWordWrap(True)

        data = QGroupBox(_("Vos données"))
        data_note = QLabel(_("Vos affaires et vos pièces sont enregistrées dans ce dossier, sur cet ordinateur "
                             "seulement :"))
        data_note.setWordWrap(True)
        self.data_folder = QLabel(data_folder)
        self.data_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_folder.setWordWrap(True)
        self.open_folder = QPushButton(_("&Ouvrir le dossier des données"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_folder, 1)
        folder_row.addWidget(self.open_folder)
        data_layout = QVBoxLayout(data)
        data_layout.addWidget(data_note)
        data_layout.addLayout(folder_row)

        licences = QGroupBox(_("Polices et bibliothèques incluses"))
        self.licences = QTableWidget(len(fonts) + len(libraries), 3)
        self.licences.setHorizontalHeaderLabels([_("Nom"), _("Version"), _("Licence")])
        self.licences.verticalHeader().hide()
        self.licences.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.licences.setWordWrap(False)
        rows = [(name, "", licence) for name, licence in fonts] + libraries
        self._cells = [value for values in rows for value in values]
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.licences.setItem(row, column, QTableWidgetItem(value))
        header = self.licences.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        licences_layout = QVBoxLayout(licences)
        licences_layout.addWidget(self.licences)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(summary)
        layout.addWidget(data)
        layout.addWidget(licences, 1)
        layout.addWidget(_close_button(self))
        self.resize(720, 600)

    def texts(self) -> list[str]:
        """Everything the dialog says, for a reader that cannot see it (and for tests)."""
        said = [label.text() for label in self.findChildren(QLabel)]
        return said + self._cells
