"""The small window shown while an archive is written, checked or restored (layout only)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget


def busy_dialog(parent: QWidget, title: str, text: str) -> QProgressDialog:
    """A moving bar with no cancel: each of these steps lands whole or not at all, in one transaction
    or one file renamed into place at the end."""
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog

