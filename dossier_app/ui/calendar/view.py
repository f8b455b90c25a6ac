"""The Calendrier tab: the case's dates that matter, each with what to do."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class CalendarView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.layout_ = QVBoxLayout(self)
