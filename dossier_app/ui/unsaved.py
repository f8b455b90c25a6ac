"""Forms that ask before dropping what was typed in them (Escape, Annuler, their close button)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

State = tuple[object, ...]


def typed_state(form: QWidget) -> State:
    """What the user can have changed in ``form``: every field's text, choice and tick."""
    state: list[object] = []
    for widget in form.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            state.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            state.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            state.append(widget.currentIndex())
        elif isinstance(widget, QSpinBox):
            state.append(widget.value())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            state.append(widget.isChecked())
    return tuple(state)


class KeepsTyping(QDialog):
    """``confirm_discard`` is asked before closing with changes; ``mark_clean`` once the form is filled."""

    confirm_discard: Callable[[], bool] | None = None
    _clean: State | None = None

    def mark_clean(self) -> None:
        self._clean = typed_state(self)

    def has_changes(self) -> bool:
        return self._clean is not None and typed_state(self) != self._clean

    def reject(self) -> None:
        if self.has_changes() and self.confirm_discard is not None and not self.confirm_discard():
            return  # the user keeps the form and what they typed
        super().reject()
