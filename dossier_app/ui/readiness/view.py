"""The « Vérification » tab: the findings of ``check``, worst first (layout only)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class ReadinessView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        QVBoxLayout(self)
