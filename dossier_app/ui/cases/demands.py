"""The case form's Demandes tab: what we ask the judge, in order; each demand shows only its kind's fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Problem
from ...domain.model import Demand
from ...domain.money import format_euros, parse_user_amount
from ...domain.vocabulary import DEMAND_CODES, demand_label
from ...i18n import _
from ...services import forms
from ..labels import one_line
from .draft_list import Draft as BaseDraft
from .draft_list import DraftList
from .fields import ERROR_STYLE, LineField

FIELD_NAMES = forms.DEMAND_FIELD_NAMES
TYPES = {"what": "text", "penalty_per_day": "amount", "from_days": "int", "amount": "amount", "text": "text"}


class Draft(BaseDraft):
    """One demand as typed."""

    FIELD_NAMES = FIELD_NAMES

    @classmethod
    def own_fields(cls, kind: str) -> set[str]:
        return {spec.name for spec in forms.demand_fields(kind)}


def draft_of(demand: Demand) -> Draft:
    texts = {}
    for name in FIELD_NAMES:
        value = getattr(demand, name)
        if value is None:
            continue
        texts[name] = format_euros(value, symbol=False) if TYPES[name] == "amount" else str(value)
    own = {spec.name for spec in forms.demand_fields(demand.kind)}
    return Draft(demand.kind, texts, frozenset(name for name in texts if name not in own))


def field_words(kind: str, name: str) -> tuple[str, str]:
    """The label and the hint of a field, for a demand of this kind."""
    if name == "what":
        if kind == "restitution":
            return _("Accès à restituer *"), _("ex. : accès administrateur du site, codes du nom de domaine")
        if kind == "restore_service":
            return _("Service à rétablir *"), _("ex. : messagerie, site web")
        return _("Objet"), ""
    if name == "penalty_per_day":
        return _("Astreinte par jour (€)"), _("facultatif, ex. : 150,00")
    if name == "from_days":
        return _("Délai avant astreinte (jours)"), _("après la signification, ex. : 8")
    if name == "amount":
        if kind == "article_700":
            return _("Montant (€) *"), _("ex. : 2 500,00")
        if kind == "provision":
            return _("Montant (€)"), _("vide : le total dû à la date du décompte")
        return _("Montant (€)"), ""
    if kind == "other":
        return _("Demande *"), _("ce que vous demandez au juge, en une phrase")
    return _("Précisions"), _("facultatif : ajouté à la fin de la demande")


class TextField:
    """A few lines of text with its error under it, as ``LineField`` for one line."""

    def __init__(self) -> None:
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 3 + 12)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.box = QWidget()
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.edit.textChanged.connect(lambda: self.show_error(None))

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))


class DemandsEditor(DraftList, QWidget):
    """The list of demands (add, move up or down, remove) and the fields of the one selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drafts: list[Draft] = []
        self._loading = False
        intro = QLabel(_("Ce que vous demandez au juge, dans l'ordre où le dossier le présentera."))
        intro.setWordWrap(True)
        self.empty = QLabel(_("Aucune demande pour l'instant : cliquez sur « Ajouter une demande »."))
        self.empty.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("demands")
        self.list.currentRowChanged.connect(self._row_changed)
        # A long demand ends in "…" (its whole text in a tooltip), never behind a scroll bar.
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(True)
        self.add_button = QPushButton(_("Ajouter une demande"))
        self.up_button = QPushButton(_("Monter"))
        self.down_button = QPushButton(_("Descendre"))
        self.remove_button = QPushButton(_("Retirer"))
        self.add_button.clicked.connect(self.add)
        self.up_button.clicked.connect(lambda: self.move_by(-1))
        self.down_button.clicked.connect(lambda: self.move_by(1))
        self.remove_button.clicked.connect(self.remove)
        # From the list, the keyboard moves the demand selected as the buttons do.
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.list, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.move_by(step))
        self.up_button.setToolTip(QKeySequence("Alt+Up").toString(QKeySequence.SequenceFormat.NativeText))
        self.down_button.setToolTip(QKeySequence("Alt+Down").toString(QKeySequence.SequenceFormat.NativeText))
        side = QVBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(side)

        self.editor = QGroupBox(_("Demande sélectionnée"))
        self.form = QFormLayout(self.editor)
        self.kind = QComboBox()
        self.kind.setObjectName("demand.kind")
        for code in DEMAND_CODES:
            self.kind.addItem(demand_label(code), code)
        self.form.addRow(_("Nature"), self.kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.fields: dict[str, LineField | TextField] = {}
        for name in FIELD_NAMES:
            widget: LineField | TextField
            if name == "text":
                widget = TextField()
                widget.edit.textChanged.connect(lambda name=name: self._typed(name))
            else:
                parse = parse_user_amount if TYPES[name] == "amount" else (
                    forms.parse_user_int if TYPES[name] == "int" else None)
                widget = LineField(parse)
                widget.edit.textChanged.connect(lambda _text, name=name: self._typed(name))
            widget.edit.setObjectName(f"demand.{name}")
            self.fields[name] = widget
            self.form.addRow(field_words("restitution", name)[0], widget.box)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addLayout(top, 1)
        layout.addWidget(self.editor)
        self._show_row(-1)

    # --- the list -----------------------------------------------------------------------------
    def set_demands(self, demands: tuple[Demand, ...]) -> None:
        self.drafts = [draft_of(demand) for demand in demands]
        self._rebuild(0 if self.drafts else -1)

    def add(self) -> None:
        self.drafts.append(Draft(DEMAND_CODES[0]))
        self._rebuild(len(self.drafts) - 1)
        self.kind.setFocus()

    def move_by(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self.drafts):
            return
        self.drafts[row], self.drafts[target] = self.drafts[target], self.drafts[row]
        focus = self.list.hasFocus()
        self._rebuild(target)
        if focus:
            self.list.setFocus()

    def _line(self, index: int, draft: Draft) -> str:
        """``2. Article 700 du CPC (frais d'avocat) — 2 500,00 €``: its place, its kind, what it names."""
        texts = {name: draft.texts.get(name, "").strip() for name in draft.shown()}
        detail = one_line(texts.get("what") or "")
        if not detail and texts.get("amount"):
            try:
                detail = format_euros(parse_user_amount(texts["amount"]))
            except ValueError:
                detail = texts["amount"]
        detail = detail or one_line(texts.get("text") or "")
        kind = demand_label(draft.kind)
        return f"{index + 1}. {kind} — {detail}" if detail else f"{index + 1}. {kind}"

    def _show_row(self, row: int) -> None:
        has = 0 <= row < len(self.drafts)
        self.empty.setVisible(not self.drafts)
        self.editor.setVisible(bool(self.drafts))
        self.editor.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self.drafts) - 1)
        self.remove_button.setEnabled(has)
        self._loading = True
        draft = self.drafts[row] if has else Draft(DEMAND_CODES[0])
        self.kind.setCurrentIndex(max(self.kind.findData(draft.kind), 0))
        for name, widget in self.fields.items():
            if isinstance(widget, TextField):
                widget.set_text(draft.texts.get(name, ""))
            else:
                widget.edit.setText(draft.texts.get(name, ""))
                widget.edit.setCursorPosition(0)
            widget.show_error(draft.errors.get(name))
        self._loading = False
        self._show_fields(draft)

    def _show_fields(self, draft: Draft) -> None:
        shown = draft.shown()
        for name, widget in self.fields.items():
            self.form.setRowVisible(widget.box, name in shown)
            text, hint = field_words(draft.kind, name)
            label = self.form.labelForField(widget.box)
            if isinstance(label, QLabel):
                label.setText(text)
            widget.edit.setPlaceholderText(hint)

    def _typed(self, name: str) -> None:
        draft = self.current()
        if self._loading or draft is None:
            return
        widget = self.fields[name]
        draft.texts[name] = widget.text() if isinstance(widget, TextField) else widget.edit.text()
        if isinstance(widget, LineField):
            if not widget.check():
                draft.errors[name] = widget.error.text()
            else:
                draft.errors.pop(name, None)
        else:
            draft.errors.pop(name, None)
        self._refresh_line(self.list.currentRow())

    # --- reading back -------------------------------------------------------------------------
    def collect(self) -> tuple[Demand, ...] | None:
        """The demands typed, in order; ``None`` after showing the first problem at its field."""
        out = []
        for draft in self.drafts:
            values: dict[str, Any] = {}
            draft.errors.clear()
            for name in draft.shown():
                try:
                    values[name] = forms.parse_text_field(TYPES[name], draft.texts.get(name, ""))
                except ValueError as exc:
                    draft.errors[name] = str(exc)
            if draft.errors:
                continue
            demand, problems = forms.build_demand(draft.kind, values, draft.keep)
            draft.errors.update({p.path: p.message for p in problems})
            if demand is not None:
                out.append(demand)
        bad = next((row for row, draft in enumerate(self.drafts) if draft.errors), None)
        if bad is not None:
            self.reveal_row(bad)
            return None
        return tuple(out)

    def show_problem(self, index: int, name: str, problem: Problem) -> bool:
        """A problem the service found at ``demands[index].name``: shown at its field, if it has one."""
        if not 0 <= index < len(self.drafts) or name not in self.drafts[index].shown():
            return False
        self.drafts[index].errors[name] = problem.message
        return True

    def state(self) -> tuple[object, ...]:
        """What the user can have changed here, to tell whether the form has changes."""
        return self.drafts_state()
