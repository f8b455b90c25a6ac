"""The form of a case: parties (SIREN checked as typed), contract and payment terms, court, both counsel,
what we ask the judge."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_day_or_instant, parse_user_day, short_day
from ...domain.errors import Problem
from ...domain.model import TERMS_FORMS, Case, Contract, Counsel, Event, Party, PaymentTerms
from ...domain.money import format_rate
from ...domain.siren import normalize_siren
from ...i18n import _
from ...services import forms
from ..labels import one_line
from ..unsaved import KeepsTyping, typed_state
from .clauses import ClausesEditor
from .demands import DemandsEditor
from .fields import ERROR_STYLE, LineField

Submit = Callable[[Case], list[Problem]]
COUNSEL_FIELDS = ("name", "firm", "email", "phone", "city", "bar")
DEMAND_PATH = re.compile(r"demands\[(?P<index>\d+)\](?:\.(?P<field>\w+))?")
CLAUSES_PATH = re.compile(r"contract\.(?P<rest>(?:penalties|sla)\b.*)")
TERMS = ("", "on_receipt", "days", "days_end_of_month", "end_of_month_days")


def terms_label(form: str) -> str:
    return {
        "": "—",
        "on_receipt": _("à réception"),
        "days": _("N jours"),
        "days_end_of_month": _("N jours fin de mois"),
        "end_of_month_days": _("fin de mois + N jours"),
    }[form]


def _siren(text: str) -> str:
    problem = forms.check_siren(text)
    if problem:
        raise ValueError(problem)
    return normalize_siren(text)


def _hearing(text: str) -> Any:
    try:
        return parse_user_day(text)
    except ValueError:
        return forms.parse_user_instant(text)


class CaseForm(KeepsTyping):
    def __init__(self, submit: Submit, case: Case | None = None, parent: QWidget | None = None,
                 events: Iterable[Event] = ()) -> None:
        super().__init__(parent)
        self.submit = submit
        self.setWindowTitle(_("Nouvelle affaire") if case is None else one_line(case.title))
        self.setMinimumWidth(680)
        self.fields: dict[str, LineField] = {}
        tabs = QTabWidget()
        tabs.addTab(self._parties_tab(), _("Parties"))
        tabs.addTab(self._contract_tab(), _("Contrat"))
        self.clauses = ClausesEditor()
        self.clauses.set_events(events)
        if case is None:  # else ``fill`` gives it the case's clauses: its event lists filled once
            self.clauses.set_contract((), None)
        tabs.addTab(self.clauses, _("Clauses"))
        tabs.addTab(self._court_tab(), _("Tribunal et avocat"))
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(_("Votre récit du litige, en quelques paragraphes : il ouvrira le dossier."))
        tabs.addTab(self.summary, _("Récit"))
        self.demands = DemandsEditor()
        tabs.addTab(self.demands, _("Demandes"))
        self.tabs = tabs
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        # The Clauses tab's two columns side by side: the form is never narrower than they need.
        self.setMinimumWidth(max(680, layout.minimumSize().width()))
        if case is not None:
            self.fill(case)

    def _add(self, form: QFormLayout, name: str, label: str, parse: Callable[[str], Any] | None = None,
             placeholder: str = "") -> LineField:
        field = LineField(parse, placeholder)
        field.edit.setObjectName(name)
        self.fields[name] = field
        form.addRow(label, field.box)
        return field

    def _parties_tab(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        top = QFormLayout()
        self._add(top, "title", _("Nom de l'affaire *"), placeholder=_("ex. : Boulangerie Martin c/ WebPlus"))
        self.role = QComboBox()
        self.role.addItem(_("Nous sommes le client (le prestataire ne rend pas le service)"), "client")
        self.role.addItem(_("Nous sommes le prestataire (le client ne paie pas)"), "provider")
        top.addRow(_("Notre rôle"), self.role)
        outer.addLayout(top)
        row = QHBoxLayout()
        for key, title in (("us", _("Nous")), ("them", _("Partie adverse"))):
            group = QGroupBox(title)
            form = QFormLayout(group)
            self._add(form, f"{key}.name", _("Nom *"))
            self._add(form, f"{key}.legal_form", _("Forme"), placeholder="SARL, SAS…")
            self._add(form, f"{key}.siren", "SIREN", _siren, "732 829 320")
            self._add(form, f"{key}.address", _("Adresse"))
            self._add(form, f"{key}.representative", _("Représentant"))
            row.addWidget(group)
        outer.addLayout(row)
        return page

    def _contract_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._add(form, "contract.reference", _("Référence"))
        self._add(form, "contract.signed_on", _("Signé le"), parse_user_day, "04/10/2016")
        self.terms = QComboBox()
        for key in TERMS:
            self.terms.addItem(terms_label(key), key)
        self.days = QSpinBox()
        self.days.setRange(0, 365)
        self.days.setValue(30)
        self.days.setSuffix(_(" jours"))
        box = QWidget()
        terms_row = QHBoxLayout(box)
        terms_row.setContentsMargins(0, 0, 0, 0)
        terms_row.addWidget(self.terms, 1)
        terms_row.addWidget(self.days)
        form.addRow(_("Délai de paiement"), box)
        self.terms.currentIndexChanged.connect(self._terms_changed)
        self._terms_changed()
        self._add(form, "contract.late_penalty_rate", _("Taux des pénalités (%/an)"),
                  forms.parse_user_rate, _("vide : taux de l'article L441-10 (BCE + 10 points)"))
        self._add(form, "contract.notes", _("Notes"))
        return page

    def _court_tab(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        self._add(form, "court", _("Tribunal"), placeholder=_("Tribunal de commerce de Laval"))
        self._add(form, "docket", _("N° RG"))
        self._add(form, "hearing", _("Audience"), _hearing, "04/10/2016 09:30")
        self._add(form, "procedure", _("Procédure"), placeholder=_("référé, injonction de payer\u2026"))
        outer.addLayout(form)
        row = QHBoxLayout()
        for key, title in (("counsel", _("Notre avocat")), ("opposing_counsel", _("Avocat adverse"))):
            group = QGroupBox(title)
            box = QFormLayout(group)
            for attr, label, hint in (
                    ("name", _("Avocat"), ""), ("firm", _("Cabinet"), ""),
                    ("email", _("Courriel"), ""), ("phone", _("Téléphone"), ""),
                    ("city", _("Ville"), _("où le bordereau est signé") if key == "counsel" else ""),
                    ("bar", _("Barreau"), _("barreau de Laval"))):
                self._add(box, f"{key}.{attr}", label, placeholder=hint)
            row.addWidget(group)
        outer.addLayout(row)
        outer.addStretch(1)
        return page

    def _terms_changed(self) -> None:
        self.days.setEnabled(self.terms.currentData() not in ("", "on_receipt"))

    def fill(self, case: Case) -> None:
        def put(name: str, value: str | None) -> None:
            self.fields[name].edit.setText(value or "")

        put("title", case.title)
        self.role.setCurrentIndex(max(self.role.findData(case.our_role), 0))
        for key, party in (("us", case.us), ("them", case.them)):
            for attr in ("name", "legal_form", "siren", "address", "representative"):
                put(f"{key}.{attr}", getattr(party, attr))
        contract = case.contract or Contract()
        put("contract.reference", contract.reference)
        put("contract.signed_on", short_day(contract.signed_on) if contract.signed_on else None)
        if contract.payment_terms is not None:
            self.terms.setCurrentIndex(self.terms.findData(contract.payment_terms.form))
            self.days.setValue(contract.payment_terms.days)
        put("contract.late_penalty_rate",
            format_rate(contract.late_penalty_rate) if contract.late_penalty_rate is not None else None)
        put("contract.notes", contract.notes)
        self.clauses.set_contract(contract.penalties, contract.sla)
        put("court", case.court)
        put("docket", case.docket)
        put("hearing", format_day_or_instant(case.hearing) if case.hearing is not None else None)
        put("procedure", case.procedure)
        for key, counsel in (("counsel", case.counsel), ("opposing_counsel", case.opposing_counsel)):
            for attr in COUNSEL_FIELDS:
                put(f"{key}.{attr}", getattr(counsel or Counsel(""), attr) or None)
        self.summary.setPlainText(case.summary or "")
        self.demands.set_demands(case.demands)

    def collect(self) -> Case | None:
        values: dict[str, Any] = {}
        ok = True
        for name, field in self.fields.items():
            try:
                values[name] = field.value()
            except ValueError as exc:
                field.show_error(str(exc))
                ok = False
        required = ["title", "us.name", "them.name"]
        for key in ("counsel", "opposing_counsel"):
            # A firm or an e-mail without the name would be lost: the name is asked for.
            if any(values[f"{key}.{attr}"] is not None for attr in COUNSEL_FIELDS):
                required.append(f"{key}.name")
        for name in required:
            if not values.get(name):
                self.fields[name].show_error(forms.required_message())
                ok = False
        demands = self.demands.collect()
        clauses = self.clauses.collect()
        if not ok or demands is None or clauses is None:
            self._focus_first_error()
            return None

        def party(key: str) -> Party:
            return Party(values[f"{key}.name"], values[f"{key}.legal_form"], values[f"{key}.siren"],
                         values[f"{key}.address"], values[f"{key}.representative"])

        form = self.terms.currentData()
        terms = PaymentTerms(form, self.days.value() if form != "on_receipt" else 0) if form in TERMS_FORMS else None
        penalties, sla = clauses
        contract_values = (values["contract.reference"], values["contract.signed_on"], terms,
                           values["contract.late_penalty_rate"], values["contract.notes"])
        contract = (Contract(*contract_values, penalties=penalties, sla=sla)
                    if any(v is not None for v in contract_values) or penalties or sla is not None else None)
        def counsel(key: str) -> Counsel | None:
            if not values[f"{key}.name"]:
                return None
            return Counsel(**{attr: values[f"{key}.{attr}"] for attr in COUNSEL_FIELDS})

        return Case(title=values["title"], our_role=self.role.currentData(), us=party("us"), them=party("them"),
                    summary=self.summary.toPlainText().strip() or None, court=values["court"],
                    docket=values["docket"], hearing=values["hearing"], procedure=values["procedure"],
                    counsel=counsel("counsel"), contract=contract, opposing_counsel=counsel("opposing_counsel"),
                    demands=demands)

    def show_problems(self, problems: list[Problem]) -> None:
        general = []
        for problem in problems:
            name = problem.path.removeprefix("case.").removeprefix("case")
            field = self.fields.get(name)
            demand = DEMAND_PATH.fullmatch(name)
            clause = CLAUSES_PATH.fullmatch(name)
            if field is not None:
                field.show_error(problem.message)
            elif (demand and self.demands.show_problem(int(demand["index"]), demand["field"], problem)) or (
                    clause and self.clauses.show_problem(clause["rest"], problem)):
                pass
            else:
                general.append(str(problem))
        self.general.setText("\n".join(general))
        self.general.setVisible(bool(general))
        self._focus_first_error()

    def _focus_first_error(self) -> None:
        for field in self.fields.values():
            if not field.error.isHidden():  # on a tab not shown, too
                page = field.box.parentWidget()
                while page is not None and self.tabs.indexOf(page) < 0:
                    page = page.parentWidget()
                if page is not None:
                    self.tabs.setCurrentWidget(page)
                field.edit.setFocus()
                return
        if self.clauses.has_errors():
            self.tabs.setCurrentWidget(self.clauses)
            self.clauses.focus_first_error()
            return
        row = self.demands.first_wrong_row()
        if row is not None:
            self.tabs.setCurrentWidget(self.demands)
            self.demands.reveal_row(row)

    # What was typed, for the question before closing: the demands as a list, not the one field shown.
    def _typed(self) -> tuple[object, ...]:
        pages = [self.tabs.widget(i) for i in range(self.tabs.count())]
        return (*(typed_state(page) for page in pages
                  if page is not None and page is not self.demands and page is not self.clauses),
                self.demands.state(), self.clauses.state())

    def mark_clean(self) -> None:
        self._clean = self._typed()

    def has_changes(self) -> bool:
        return self._clean is not None and self._typed() != self._clean

    def reveal(self, name: str) -> None:
        """Show the tab that holds the field ``name`` (a field's name, "contract.payment_terms" or "demands") and
        put the cursor in it: the readiness check leads here to what it found missing."""
        if name == "demands":
            self.tabs.setCurrentWidget(self.demands)
            (self.demands.list if self.demands.drafts else self.demands.add_button).setFocus()
            return
        clause = CLAUSES_PATH.fullmatch(name)
        if clause:
            self.tabs.setCurrentWidget(self.clauses)
            self.clauses.reveal(clause["rest"])
            return
        widget: QWidget = self.terms if name == "contract.payment_terms" else self.fields[name].edit
        page = widget.parentWidget()
        while page is not None and self.tabs.indexOf(page) < 0:
            page = page.parentWidget()
        if page is not None:
            self.tabs.setCurrentWidget(page)
        widget.setFocus()

    def save(self) -> None:
        case = self.collect()
        if case is None:
            return
        problems = self.submit(case)
        if problems:
            self.show_problems(problems)
            return
        self.accept()
