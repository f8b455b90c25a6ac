"""The case form's Clauses tab: the contract's penalty clauses (each shows only its kind's fields, its events
chosen from the case's) and the service level it promises, with its credit thresholds."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Problem
from ...domain.model import Event, PenaltyClause, ServiceLevel
from ...domain.money import format_euros, parse_user_amount
from ...domain.vocabulary import PENALTY_CODES, penalty_label
from ...i18n import _
from ...services import forms
from ..labels import one_line
from .draft_list import Draft as BaseDraft
from .draft_list import DraftList
from .fields import ERROR_STYLE, LineField

FIELD_NAMES = forms.PENALTY_FIELD_NAMES
EVENT_FIELDS = ("event", "from_event", "until_event")
AMOUNT_FIELDS = ("amount", "cap")
CLAUSE_PATH = re.compile(r"penalties\[(?P<index>\d+)\](?:\.(?P<field>\w+))?")
CREDIT_PATH = re.compile(r"sla\.credits\[(?P<index>\d+)\](?:\.(?P<field>\w+))?")
WRONG_CELL = QColor("#fddede")


class Draft(BaseDraft):
    """One penalty clause as typed (an event's id for an event field)."""

    FIELD_NAMES = FIELD_NAMES

    @classmethod
    def own_fields(cls, kind: str) -> set[str]:
        return {spec.name for spec in forms.penalty_fields(kind)}


def draft_of(clause: PenaltyClause) -> Draft:
    texts = {}
    for name in FIELD_NAMES:
        value = getattr(clause, name)
        if value is None:
            continue
        texts[name] = format_euros(value, symbol=False) if name in AMOUNT_FIELDS else str(value)
    own = {spec.name for spec in forms.penalty_fields(clause.kind)}
    return Draft(clause.kind, texts, frozenset(name for name in texts if name not in own))


def field_words(kind: str, name: str) -> tuple[str, str]:
    """The label and the hint of a clause's field, for a clause of this kind."""
    return {
        "amount": (_("Montant par jour (€) *") if kind == "per_day" else _("Montant (€) *"),
                   _("ex. : 150,00") if kind == "per_day" else _("ex. : 5 000,00")),
        "purpose": (_("Pour *"), _("ex. : retard de restitution des accès (article 9)")),
        "event": (_("Manquement *"), _("l'événement qui la déclenche")),
        "from_event": (_("À partir de *"), _("elle court le lendemain du délai de la mise en demeure, ou de la "
                                             "date de l'événement")),
        "until_event": (_("Jusqu'à"), ""),  # its first choice says what none means
        "cap": (_("Plafond (€)"), _("facultatif, ex. : 15 000,00")),
    }[name]


def capitalized(words: str) -> str:
    """A vocabulary's label at the head of a line: « pénalité forfaitaire » → « Pénalité forfaitaire »."""
    return words[:1].upper() + words[1:]


class ComboField:
    """A choice of the case's events, with a hint and an error under it."""

    def __init__(self) -> None:
        self.edit = QComboBox()
        # A long title ends in "…" rather than stretching the form past the screen.
        self.edit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.edit.setMinimumContentsLength(34)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.box = QWidget()
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))


class ClausesEditor(DraftList, QWidget):
    """The penalty clauses (add, remove, the fields of the one selected) and the service level."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drafts: list[Draft] = []
        self.choices: list[tuple[str, str]] = []  # (event id, "30/09/2025 — title"), in date order
        self.outages: tuple[str, ...] = ()  # the services the case's outages name
        self._loading = False
        row = QHBoxLayout(self)
        row.addWidget(self._penalties_box(), 1)
        row.addWidget(self._sla_box(), 1)
        # Room for an event's title and a service's name side by side: still inside a 1366 px screen.
        self.setMinimumWidth(1000)
        self._show_row(-1)

    # --- layout -------------------------------------------------------------------------------
    def _penalties_box(self) -> QGroupBox:
        box = QGroupBox(_("Pénalités prévues au contrat"))
        intro = QLabel(_("Ce que le contrat fait payer à l'autre partie : une somme pour un manquement, ou une "
                         "somme par jour de retard."))
        intro.setWordWrap(True)
        self.empty = QLabel(_("Aucune pénalité pour l'instant : cliquez sur « Ajouter une pénalité »."))
        self.empty.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("penalties")
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(True)
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 4 + 12)
        self.list.currentRowChanged.connect(self._row_changed)
        self.add_button = QPushButton(_("Ajouter une pénalité"))
        self.remove_button = QPushButton(_("Retirer"))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        side = QVBoxLayout()
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(side)

        self.editor = QWidget()
        self.form = QFormLayout(self.editor)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        self.kind.setObjectName("penalty.kind")
        for code in PENALTY_CODES:
            self.kind.addItem(capitalized(penalty_label(code)), code)
        self.form.addRow(_("Nature"), self.kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.fields: dict[str, LineField | ComboField] = {}
        for name in FIELD_NAMES:
            widget: LineField | ComboField
            if name in EVENT_FIELDS:
                widget = ComboField()
                widget.edit.currentIndexChanged.connect(lambda _index, name=name: self._typed(name))
            else:
                widget = LineField(parse_user_amount if name in AMOUNT_FIELDS else None)
                widget.edit.textChanged.connect(lambda _text, name=name: self._typed(name))
            widget.edit.setObjectName(f"penalty.{name}")
            self.fields[name] = widget
            self.form.addRow(field_words("per_day", name)[0], widget.box)

        layout = QVBoxLayout(box)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addLayout(top)
        layout.addWidget(self.editor)
        layout.addStretch(1)
        return box

    def _sla_box(self) -> QGroupBox:
        box = QGroupBox(_("Disponibilité promise et avoirs"))
        intro = QLabel(_("Si le contrat promet une disponibilité du service, chaque mois où elle n'est pas "
                         "tenue donne droit à un avoir sur la redevance."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.availability = LineField(forms.parse_user_percent, _("ex. : 99,5"))
        self.availability.edit.setObjectName("sla.availability")
        form.addRow(_("Disponibilité promise (%)"), self.availability.box)
        self.fee = LineField(parse_user_amount, _("ex. : 90,00"))
        self.fee.edit.setObjectName("sla.monthly_fee")
        form.addRow(_("Redevance mensuelle (€)"), self.fee.box)
        self.services = QListWidget()
        self.services.setObjectName("sla.services")
        self.services.setMaximumHeight(self.services.fontMetrics().lineSpacing() * 4 + 12)
        self.services.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.services.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.services_hint = QLabel()
        self.services_hint.setWordWrap(True)
        self.services_hint.setStyleSheet("color: palette(placeholder-text);")
        services = QWidget()
        column = QVBoxLayout(services)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(self.services)
        column.addWidget(self.services_hint)
        form.addRow(_("Services comptés"), services)

        self.credits = QTableWidget(0, 2)
        self.credits.setObjectName("sla.credits")
        self.credits.setHorizontalHeaderLabels([_("Disponibilité sous (%)"), _("Avoir (% de la redevance)")])
        self.credits.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.credits.verticalHeader().setVisible(False)
        self.credits.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.credits.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.credits.setTabKeyNavigation(False)
        self.credits.setMaximumHeight(self.credits.verticalHeader().defaultSectionSize() * 4
                                      + self.credits.horizontalHeader().sizeHint().height() + 4)
        self.credits.itemChanged.connect(self._credit_changed)
        self.add_credit_button = QPushButton(_("Ajouter un palier"))
        self.remove_credit_button = QPushButton(_("Retirer le palier"))
        self.add_credit_button.clicked.connect(self.add_credit)
        self.remove_credit_button.clicked.connect(self.remove_credit)
        self.credits.itemSelectionChanged.connect(self._credit_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_credit_button)
        buttons.addWidget(self.remove_credit_button)
        buttons.addStretch(1)
        self.credits_error = QLabel()
        self.credits_error.setStyleSheet(ERROR_STYLE)
        self.credits_error.setWordWrap(True)
        self.credits_error.hide()
        self.sla_error = QLabel()
        self.sla_error.setStyleSheet(ERROR_STYLE)
        self.sla_error.setWordWrap(True)
        self.sla_error.hide()

        layout = QVBoxLayout(box)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Avoirs par palier (le plus bas atteint s'applique)")))
        layout.addWidget(self.credits)
        layout.addLayout(buttons)
        layout.addWidget(self.credits_error)
        layout.addWidget(self.sla_error)
        layout.addStretch(1)
        self._credit_buttons()
        return box

    # --- filling ------------------------------------------------------------------------------
    def set_events(self, events: Iterable[Event]) -> None:
        """The case's events, to choose from (before ``set_contract``)."""
        ordered = sorted(events, key=lambda e: e.date)
        self.choices = [(event.id, forms.event_choice(event)) for event in ordered]
        self.outages = forms.outage_services(ordered)

    def set_contract(self, penalties: Sequence[PenaltyClause], sla: ServiceLevel | None) -> None:
        self.drafts = [draft_of(clause) for clause in penalties]
        self._fill_choices()
        self._rebuild(0 if self.drafts else -1)
        self.availability.edit.setText(forms.format_user_percent(sla.availability) if sla else "")
        self.fee.edit.setText(format_euros(sla.monthly_fee, symbol=False) if sla else "")
        self.services.clear()
        counted = set(sla.services) if sla else set()
        outages = self.outages
        for service in (*outages, *(s for s in (sla.services if sla else ()) if s not in outages)):
            item = QListWidgetItem(one_line(service))
            item.setData(Qt.ItemDataRole.UserRole, service)
            item.setToolTip(service)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if service in counted else Qt.CheckState.Unchecked)
            self.services.addItem(item)
        self.services.setVisible(self.services.count() > 0)
        self.services_hint.setText(
            _("Cochez ceux que la disponibilité promise couvre ; aucun coché : toutes les interruptions comptent.")
            if self.services.count() else
            _("Aucune interruption de service dans la chronologie : toutes celles que vous ajouterez compteront."))
        self.credits.setRowCount(0)
        for step in sla.credits if sla else ():
            self._append_credit(forms.format_user_percent(step.below), forms.format_user_percent(step.percent))
        self._credit_buttons()

    def _fill_choices(self) -> None:
        """Every event combo offers the case's events, and an event a clause names that the case lacks."""
        known = {event_id for event_id, _label in self.choices}
        missing = [text for draft in self.drafts for name, text in draft.texts.items()
                   if name in EVENT_FIELDS and text and text not in known]
        self._loading = True
        for name in EVENT_FIELDS:
            combo = self.fields[name].edit
            assert isinstance(combo, QComboBox)
            combo.clear()
            combo.addItem(_("— jusqu'à la date du décompte —") if name == "until_event"
                          else _("— choisissez un événement —"), "")
            for event_id, text in self.choices:
                combo.addItem(one_line(text), event_id)
                combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
            for event_id in dict.fromkeys(missing):
                combo.addItem(_("« {id} » : événement introuvable").format(id=event_id), event_id)
        self._loading = False

    # --- the list of clauses ------------------------------------------------------------------
    def add(self) -> None:
        self.drafts.append(Draft(PENALTY_CODES[-1]))
        self._rebuild(len(self.drafts) - 1)
        self.kind.setFocus()

    def _line(self, index: int, draft: Draft) -> str:
        """``1. Pénalité par jour de retard — 150,00 € — retard de restitution des accès``."""
        parts = [capitalized(penalty_label(draft.kind))]
        amount = draft.texts.get("amount", "").strip()
        if amount:
            try:
                parts.append(format_euros(parse_user_amount(amount)))
            except ValueError:
                parts.append(amount)
        purpose = one_line(draft.texts.get("purpose", "").strip())
        if purpose:
            parts.append(purpose)
        return f"{index + 1}. " + " — ".join(parts)

    def _show_row(self, row: int) -> None:
        has = 0 <= row < len(self.drafts)
        self.empty.setVisible(not self.drafts)
        self.editor.setVisible(bool(self.drafts))
        self.editor.setEnabled(has)
        self.remove_button.setEnabled(has)
        self._loading = True
        draft = self.drafts[row] if has else Draft(PENALTY_CODES[-1])
        self.kind.setCurrentIndex(max(self.kind.findData(draft.kind), 0))
        for name, widget in self.fields.items():
            if isinstance(widget, ComboField):
                widget.edit.setCurrentIndex(max(widget.edit.findData(draft.texts.get(name, "")), 0))
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
            if isinstance(widget, ComboField):
                widget.hint.setText(hint)
                widget.hint.setVisible(bool(hint))
                widget.edit.setToolTip(hint)
            else:
                widget.edit.setPlaceholderText(hint)

    def _typed(self, name: str) -> None:
        draft = self.current()
        if self._loading or draft is None:
            return
        widget = self.fields[name]
        if isinstance(widget, ComboField):
            draft.texts[name] = widget.edit.currentData() or ""
            widget.show_error(None)
            draft.errors.pop(name, None)
        else:
            draft.texts[name] = widget.edit.text()
            if not widget.check():
                draft.errors[name] = widget.error.text()
            else:
                draft.errors.pop(name, None)
        self._refresh_line(self.list.currentRow())

    # --- the credit thresholds ----------------------------------------------------------------
    def add_credit(self) -> None:
        self._append_credit("", "")
        row = self.credits.rowCount() - 1
        self.credits.setCurrentCell(row, 0)
        self.credits.setFocus()
        item = self.credits.item(row, 0)
        if item is not None:
            self.credits.editItem(item)

    def remove_credit(self) -> None:
        row = self.credits.currentRow()
        if row >= 0:
            self.credits.removeRow(row)
        self._check_credits()
        self._credit_buttons()

    def _append_credit(self, below: str, percent: str) -> None:
        row = self.credits.rowCount()
        self.credits.blockSignals(True)
        self.credits.insertRow(row)
        for column, text in enumerate((below, percent)):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.credits.setItem(row, column, item)
        self.credits.blockSignals(False)

    def _credit_buttons(self) -> None:
        self.remove_credit_button.setEnabled(self.credits.currentRow() >= 0 and self.credits.rowCount() > 0)

    def _credit_changed(self, _item: QTableWidgetItem) -> None:
        self._check_credits()

    def _credit_cells(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.credits.rowCount()):
            cells = [self.credits.item(row, column) for column in (0, 1)]
            below, percent = (cell.text().strip() if cell is not None else "" for cell in cells)
            out.append((below, percent))
        return out

    def _check_credits(self, required: Sequence[Problem] = ()) -> list[tuple[Decimal | None, Decimal | None]] | None:
        """Each row's two percents, the wrong cells tinted and said under the table; ``None`` when one is."""
        messages = []
        values: list[tuple[Decimal | None, Decimal | None]] = []
        wrong = {(int(m["index"]), m["field"]) for p in required if (m := CREDIT_PATH.fullmatch(f"sla.{p.path}"))}
        self.credits.blockSignals(True)
        for row, texts in enumerate(self._credit_cells()):
            parsed: list[Decimal | None] = []
            for column, text in enumerate(texts):
                item = self.credits.item(row, column)
                message = None
                value = None
                try:
                    value = forms.parse_user_percent(text) if text else None
                except ValueError as exc:
                    message = str(exc)
                if message is None and (row, ("below", "percent")[column]) in wrong:
                    message = forms.required_message()
                if message is not None:
                    messages.append(_("Palier {row} : {problem}").format(row=row + 1, problem=message))
                if item is not None:
                    item.setBackground(QBrush(WRONG_CELL) if message else QBrush())
                    item.setToolTip(message or "")
                parsed.append(value)
            values.append((parsed[0], parsed[1]))
        self.credits.blockSignals(False)
        self.credits_error.setText("\n".join(messages))
        self.credits_error.setVisible(bool(messages))
        return None if messages else values

    # --- reading back -------------------------------------------------------------------------
    def collect(self) -> tuple[tuple[PenaltyClause, ...], ServiceLevel | None] | None:
        """The clauses and the service level typed; ``None`` after showing the first problem at its field."""
        penalties = []
        for draft in self.drafts:
            values: dict[str, Any] = {}
            draft.errors.clear()
            for name in draft.shown():
                text = draft.texts.get(name, "")
                if name in EVENT_FIELDS:
                    values[name] = text or None
                    continue
                try:
                    values[name] = forms.parse_text_field("amount" if name in AMOUNT_FIELDS else "text", text)
                except ValueError as exc:
                    draft.errors[name] = str(exc)
            if draft.errors:
                continue
            clause, problems = forms.build_penalty(draft.kind, values, draft.keep)
            draft.errors.update({p.path: p.message for p in problems})
            if clause is not None:
                penalties.append(clause)
        bad = self.first_wrong_row()
        if bad is not None:
            self.reveal_row(bad)
        ok, sla = self._collect_sla()
        if bad is not None or not ok:
            return None
        return tuple(penalties), sla

    def _collect_sla(self) -> tuple[bool, ServiceLevel | None]:
        """Whether the service level is right (else its problems are shown), and it (``None`` when empty)."""
        self.sla_error.hide()
        ok = self.availability.check() & self.fee.check()
        credits = self._check_credits()
        if not ok or credits is None:
            return False, None
        services = [self.services.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.services.count())
                    if self.services.item(i).checkState() == Qt.CheckState.Checked]
        sla, problems = forms.build_service_level(self.availability.value(), self.fee.value(), services, credits)
        if problems:
            for problem in problems:
                if problem.path == "availability":
                    self.availability.show_error(problem.message)
                elif problem.path == "monthly_fee":
                    self.fee.show_error(problem.message)
            self._check_credits(problems)
            return False, None
        return True, sla

    def show_problem(self, path: str, problem: Problem) -> bool:
        """A problem the service found at ``penalties[N].field`` or ``sla…``: shown where it belongs."""
        clause = CLAUSE_PATH.fullmatch(path)
        if clause:
            index = int(clause["index"])
            name = {v: k for k, v in forms.PENALTY_FILE_NAMES.items()}.get(clause["field"] or "", clause["field"])
            if not 0 <= index < len(self.drafts) or name not in self.drafts[index].shown():
                return False
            self.drafts[index].errors[name] = problem.message
            self.reveal_row(index)
            return True
        if path == "sla.availability":
            self.availability.show_error(problem.message)
            return True
        if path == "sla.monthly_fee":
            self.fee.show_error(problem.message)
            return True
        if path.startswith("sla"):
            credit = CREDIT_PATH.fullmatch(path)
            self.sla_error.setText(problem.message if credit is None else _("Palier {row} : {problem}").format(
                row=int(credit["index"]) + 1, problem=problem.message))
            self.sla_error.show()
            return True
        return False

    def reveal(self, path: str) -> None:
        """Put the cursor where ``penalties``, ``penalties[N]…`` or ``sla…`` is typed."""
        clause = CLAUSE_PATH.fullmatch(path)
        if clause and int(clause["index"]) < len(self.drafts):
            self.reveal_row(int(clause["index"]))
        elif path.startswith("sla"):
            self.availability.edit.setFocus()
        else:
            (self.list if self.drafts else self.add_button).setFocus()

    def has_errors(self) -> bool:
        return (self.first_wrong_row() is not None or not self.availability.error.isHidden()
                or not self.fee.error.isHidden() or not self.credits_error.isHidden()
                or not self.sla_error.isHidden())

    def focus_first_error(self) -> None:
        row = self.first_wrong_row()
        if row is not None:
            self.reveal_row(row)
        elif not self.availability.error.isHidden():
            self.availability.edit.setFocus()
        elif not self.fee.error.isHidden():
            self.fee.edit.setFocus()
        else:
            self.credits.setFocus()

    def state(self) -> tuple[object, ...]:
        """What the user can have changed here, to tell whether the form has changes."""
        clauses = self.drafts_state()
        ticks = tuple(self.services.item(i).checkState() == Qt.CheckState.Checked
                      for i in range(self.services.count()))
        return (clauses, self.availability.edit.text(), self.fee.edit.text(), ticks, tuple(self._credit_cells()))
