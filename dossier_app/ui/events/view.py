"""The form of one event: exactly its kind's fields, derived from ``domain.model.kind_fields``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain import vocabulary
from ...domain.dates import format_instant, short_day
from ...domain.errors import Problem
from ...domain.model import EVENT_KINDS, Event, FieldSpec
from ...domain.money import format_euros
from ...i18n import _
from ...services import forms
from ..kind_style import kind_icon
from ..labels import field_label, one_line, placeholder
from ..unsaved import KeepsTyping

Submit = Callable[[Event], list[Problem]]
ERROR_STYLE = "color: #b2182b;"


def error_line() -> QLabel:
    """The line under a field where its error shows: its room kept when empty, so that nothing moves.

    One line, a little smaller than the text typed; a longer message is cut there and whole in its tooltip.
    """
    line = QLabel()
    line.setStyleSheet(ERROR_STYLE)
    font = line.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    line.setFont(font)
    line.setFixedHeight(line.fontMetrics().height())
    # A long message must not widen the form either.
    line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return line


class FieldEditor:
    """One field: its widget, how to read it, and where its error shows."""

    def __init__(self, spec: FieldSpec, on_change: Callable[[], None]) -> None:
        self.spec = spec
        self.error = error_line()
        self.widget: QWidget
        if spec.type == "bool":
            self.widget = QCheckBox(field_label(spec.name))
            self.widget.toggled.connect(on_change)
        elif spec.type == "choice":
            combo = QComboBox()
            if not spec.required:
                combo.addItem("—", None)
            for choice in spec.choices:
                combo.addItem(vocabulary.label(choice), choice)
            combo.currentIndexChanged.connect(on_change)
            self.widget = combo
        elif spec.name == "description":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(70)
            self.widget = edit
        else:
            line = QLineEdit()
            line.setPlaceholderText(placeholder(spec.type))
            line.textChanged.connect(lambda _text: self._typed(on_change))
            self.widget = line
        self.widget.setObjectName(spec.name)

    def _typed(self, on_change: Callable[[], None]) -> None:
        self.check()
        on_change()

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(w.findData(value), 0))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        elif isinstance(w, QLineEdit):
            w.setText(self._text_of(value))
            w.setCursorPosition(0)  # a long title shows its beginning

    def _text_of(self, value: Any) -> str:
        if value is None:
            return ""
        kind = self.spec.type
        if kind == "amount":
            return format_euros(value, symbol=False)
        if kind == "instant" and isinstance(value, datetime):
            if value.utcoffset() is not None:
                return format_instant(value)
            return f"{short_day(value.date())} {value.hour:02d}:{value.minute:02d}"
        if kind == "day" and isinstance(value, date):
            return short_day(value)
        if kind == "strings":
            return ", ".join(value)
        return str(value)

    def value(self) -> Any:
        """The parsed value; raises ``ValueError`` with the sentence to show."""
        w = self.widget
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip() or None
        assert isinstance(w, QLineEdit)
        return forms.parse_text_field(self.spec.type, w.text())

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
        self.error.setToolTip(message or "")

    def has_error(self) -> bool:
        return bool(self.error.text())


class EventForm(KeepsTyping):
    """New, edit or duplicate: ``submit`` stores the event and returns the problems, if any."""

    def __init__(self, submit: Submit, event: Event | None = None, kind: str = "invoice",
                 event_id: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
        self.event_id = event.id if event is not None else event_id
        self.setWindowTitle(_("Événement") if event is None else one_line(event.title))
        self.setMinimumWidth(580)
        self.kind = QComboBox()
        for name in EVENT_KINDS:
            self.kind.addItem(kind_icon(name), vocabulary.label(name), name)
        self.kind.setCurrentIndex(self.kind.findData(event.kind if event is not None else kind))
        # A problem of no one field shows beside the buttons, which stay where they are (see the layout).
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.body = QWidget()
        self.form = QFormLayout(self.body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(0)  # each field's error line already parts it from the next
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Enregistrer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        top = QFormLayout()
        top.addRow(_("Type"), self.kind)
        bottom = QHBoxLayout()
        bottom.addWidget(self.general, 1)
        bottom.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body)
        layout.addLayout(bottom)
        # Room to spare goes below the buttons: a longer message beside them grows down, nothing moves up.
        layout.addStretch(1)
        self.editors: dict[str, FieldEditor] = {}
        self._build(self.kind.currentData(), forms.event_values(event) if event is not None else {})
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def _build(self, kind: str, values: dict[str, Any]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = {}
        for spec in forms.form_fields(kind):
            editor = FieldEditor(spec, self._changed)
            if spec.name in values:
                editor.set_value(values[spec.name])
            self.editors[spec.name] = editor
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(0)
            inner.addWidget(editor.widget)
            inner.addWidget(editor.error)
            if spec.type == "bool":
                self.form.addRow("", box)
            else:
                label = QLabel(field_label(spec.name) + (" *" if spec.required else ""))
                label.setBuddy(editor.widget)
                self.form.addRow(label, box)

    def _kind_changed(self) -> None:
        kept = {}
        for name, editor in self.editors.items():
            try:
                kept[name] = editor.value()
            except ValueError:
                continue
        self._build(self.kind.currentData(), kept)

    def _changed(self) -> None:
        self.general.clear()

    def field(self, name: str) -> QWidget:
        return self.editors[name].widget

    def error_of(self, name: str) -> str:
        editor = self.editors.get(name)
        return editor.error.text() if editor is not None else ""

    def collect(self) -> Event | None:
        """The event typed in, or None with every problem shown at its field."""
        values: dict[str, Any] = {}
        wrong: set[str] = set()
        for name, editor in self.editors.items():
            try:
                values[name] = editor.value()
                editor.show_error(None)
            except ValueError as exc:
                editor.show_error(str(exc))
                wrong.add(name)
        if wrong:
            # Every problem at once: the empty required fields too, not only the mistyped ones.
            self.show_problems(forms.missing_fields(self.kind.currentData(), values, wrong), keep=True)
            return None
        event, problems = forms.build_event(self.kind.currentData(), self.event_id, values)
        if problems:
            self.show_problems(problems)
            return None
        return event

    def show_problems(self, problems: list[Problem], keep: bool = False) -> None:
        """Show each problem at its field; ``keep`` leaves the errors already shown."""
        general = []
        for problem in problems:
            editor = self.editors.get(forms.field_of(problem))
            if editor is not None:
                editor.show_error(problem.message)
            else:
                general.append(str(problem))
        self.general.setText("\n".join(general))
        first = next((e for e in self.editors.values() if e.has_error()), None)
        if first is not None:
            first.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        event = self.collect()
        if event is None:
            return
        problems = self.submit(event)
        if problems:
            self.show_problems(problems)
            return
        self.accept()
