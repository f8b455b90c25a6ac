"""Preferences: the window's language, the default export folder and size limit."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QWidget

from ..window_actions import WindowActions


class PreferencesController(QObject):
    def __init__(self, window: QWidget, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.settings = window, settings

    def register(self, a: WindowActions) -> None:
        pass
