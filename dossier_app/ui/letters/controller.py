"""Drafting a letter from the window: Affaire › Rédiger une lettre… (the command's ``letter``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings

from ..ask import Ask
from ..case_session import CaseSession
from ..window_actions import WindowActions, on


class LettersController(QObject):
    def __init__(self, session: CaseSession, ask: Ask, settings: QSettings, status: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.ask, self.settings, self.status = session, ask, settings, status

    def register(self, a: WindowActions) -> None:
        self.action = a.draft_letter
        on(a.draft_letter, self.draft)

    def draft(self) -> None:
        """Being written (issue 16)."""
