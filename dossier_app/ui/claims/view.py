"""The « Sommes dues » tab: what is owed on a date, as ``claims`` computes it (layout only)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class ClaimsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        QVBoxLayout(self)
