"""The Help menu: the guide, the keyboard shortcuts (read from the actions) and About."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ...store import Store
from ..window_actions import WindowActions


class HelpController(QObject):
    def __init__(self, window: QWidget, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.store = window, store

    def register(self, a: WindowActions) -> None:
        pass
