"""A form's line field, checked as typed, with its error under it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b2182b;"


class LineField:
    """A line edit whose text is checked as typed by ``parse`` (which raises ``ValueError``)."""

    def __init__(self, parse: Callable[[str], Any] | None = None, placeholder: str = "") -> None:
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.parse = parse
        self.edit.textChanged.connect(self.check)
        self.box = QWidget()
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)

    def value(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            return None
        return self.parse(text) if self.parse else text

    def check(self) -> bool:
        try:
            self.value()
        except ValueError as exc:
            self.show_error(str(exc))
            return False
        self.show_error(None)
        return True

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
