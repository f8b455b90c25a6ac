"""Preferences: the window's language, the default export folder and size limit.

They are kept in the settings (``preferences/language``, ``export/folder``, ``export/max_mb``); a new
language is said by ``language_changed``, on which the application builds the window again
(``ui/app.py``): every text of a window is chosen when it is built.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from ...i18n import _, language_from_environment
from ..window_actions import WindowActions, on
from .view import PreferencesDialog

LANGUAGE_KEY = "preferences/language"
FOLDER_KEY = "export/folder"
MAX_MB_KEY = "export/max_mb"


def stored_max_mb(settings: QSettings) -> int | None:
    """The size limit kept, in whole Mo; ``None`` for none (or for what is not a size)."""
    text = str(settings.value(MAX_MB_KEY, "") or "").strip().replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return math.ceil(value) if math.isfinite(value) and value > 0 else None


def stored_language(settings: QSettings) -> str:
    value = str(settings.value(LANGUAGE_KEY, "") or "")
    return value if value in ("fr", "en") else ""


class PreferencesController(QObject):
    language_changed = Signal(str)  # "fr", "en" or "" (the system's)

    def __init__(self, window: QWidget, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.settings = window, settings
        self.dialog: PreferencesDialog | None = None
        self.folder_dialog: QFileDialog | None = None

    def register(self, a: WindowActions) -> None:
        on(a.preferences, self.open)

    def open(self) -> PreferencesDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = self.dialog = PreferencesDialog(language_from_environment(), self.window)
        dialog.show_values(stored_language(self.settings), str(self.settings.value(FOLDER_KEY, "") or ""),
                           stored_max_mb(self.settings))
        dialog.browse.clicked.connect(self.browse)
        dialog.accepted.connect(lambda: self._save(dialog))  # after finished, which lets it go
        dialog.finished.connect(self._closed)
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def browse(self) -> None:
        """A folder chosen in Qt's own dialog, in the window's language."""
        if self.dialog is None:
            return
        start = self.dialog.chosen_folder() or str(Path.home())
        chooser = self.folder_dialog = QFileDialog(self.dialog, _("Dossier d'enregistrement des exports"), start)
        chooser.setFileMode(QFileDialog.FileMode.Directory)
        chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
        chooser.fileSelected.connect(self._folder_chosen)
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    def _folder_chosen(self, folder: str) -> None:
        if self.dialog is not None and folder:
            self.dialog.folder.setText(folder)

    def _save(self, dialog: PreferencesDialog) -> None:
        before = stored_language(self.settings)
        self.settings.setValue(LANGUAGE_KEY, dialog.chosen_language())
        self.settings.setValue(FOLDER_KEY, dialog.chosen_folder())
        if dialog.chosen_max_mb() != stored_max_mb(self.settings):
            chosen = dialog.chosen_max_mb()
            self.settings.setValue(MAX_MB_KEY, "" if chosen is None else str(chosen))
        self.settings.sync()
        if dialog.chosen_language() != before:
            self.language_changed.emit(dialog.chosen_language())

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
