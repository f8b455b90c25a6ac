"""Exporting the dossier from the window: the dialog, the task behind it, what it wrote."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings

from ..ask import Ask
from ..case_session import CaseSession
from ..window_actions import WindowActions


class ExportController(QObject):
    def __init__(self, session: CaseSession, ask: Ask, settings: QSettings, status: Callable[[str], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.ask, self.settings, self.status = session, ask, settings, status

    def register(self, a: WindowActions) -> None:
        pass

    def shutdown(self) -> None:
        pass
