"""Archive, restore and verify from the File menu, with the commands' checks and messages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings

from ..ask import Ask
from ..case_session import CaseSession
from ..window_actions import WindowActions


class ArchiveController(QObject):
    def __init__(self, session: CaseSession, ask: Ask, settings: QSettings, status: Callable[[str], object],
                 open_case: Callable[[int | None], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.ask, self.settings, self.status, self.open_case = session, ask, settings, status, open_case

    def register(self, a: WindowActions) -> None:
        pass

    def shutdown(self) -> None:
        pass
