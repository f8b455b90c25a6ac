"""The preferences dialog (layout only): the window's language, then where exports go and how big
their files may be."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, pgettext

# Each language named in itself, so that a person lost in the wrong one still finds theirs.
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}
MAX_MB = 10_000


class PreferencesDialog(QDialog):
    def __init__(self, system_language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Préférences"))
        self.setMinimumWidth(560)
        self.language = QComboBox()
        self.language.addItem(_("Langue du système ({language})").format(
            language=LANGUAGE_NAMES.get(system_language, system_language)), "")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        language_note = QLabel(_("La fenêtre se rouvre dans la langue choisie, sur la même affaire."))
        language_note.setWordWrap(True)
        language_note.setEnabled(False)
        words = QGroupBox(_("Langue"))
        words_form = QFormLayout(words)
        words_form.addRow(_("&Langue de la fenêtre :"), self.language)
        words_form.addRow(language_note)

        self.folder = QLineEdit()
        self.folder.setPlaceholderText(_("Le dernier dossier utilisé"))
        self.folder.setClearButtonEnabled(True)
        self.browse = QPushButton(_("&Parcourir\u2026"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.max_mb = QSpinBox()
        self.max_mb.setRange(0, MAX_MB)
        self.max_mb.setSpecialValueText(_("Aucune limite"))
        self.max_mb.setSuffix("\u00a0" + pgettext("megabytes, after a number", "Mo"))
        self.max_mb.setMinimumWidth(140)
        size_note = QLabel(_("Certains tribunaux et messageries refusent les fichiers trop lourds : au-delà de "
                             "cette taille, le dossier est coupé en plusieurs tomes."))
        size_note.setWordWrap(True)
        size_note.setEnabled(False)
        export = QGroupBox(_("Export du dossier PDF"))
        export_form = QFormLayout(export)
        folder_label = QLabel(_("&Dossier d'enregistrement :"))
        folder_label.setBuddy(self.folder)  # the field is in a row with its button: named by hand
        export_form.addRow(folder_label, folder_row)
        export_form.addRow(_("&Taille maximale d'un fichier :"), self.max_mb)
        export_form.addRow(size_note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(words)
        layout.addWidget(export)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def show_values(self, language: str, folder: str, max_mb: int | None) -> None:
        index = self.language.findData(language)
        self.language.setCurrentIndex(max(index, 0))
        self.folder.setText(folder)
        self.max_mb.setValue(max_mb or 0)

    def chosen_language(self) -> str:
        return str(self.language.currentData() or "")

    def chosen_folder(self) -> str:
        return self.folder.text().strip()

    def chosen_max_mb(self) -> int | None:
        return self.max_mb.value() or None
