"""The claims tab and the rates: reads the claims of the open case off the GUI thread.

The figures are ``claims.case_claims``'s, as ``dossier claims`` prints them; they are worked out only
while the tab is shown (when it becomes shown, when the date or the open case changes), one at a time,
a late answer dropped.  The rates dialog is ``dossier rates``; its Add and Remove are ``rates add`` and
``rates rm``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtWidgets import QTabWidget

from ...domain.errors import UserError
from ...i18n import _, active
from ..ask import Ask
from ..case_session import CaseSession, Change
from ..table_model import choose_row
from ..window_actions import WindowActions, on
from ..workers import Latest, Progress
from .view import ClaimsView

if TYPE_CHECKING:
    from ...domain.claims import ClaimsResult, InvoiceClaim
    from .rates_dialog import AddRateDialog, RatesDialog


class ClaimsController(QObject):
    def __init__(self, session: CaseSession, view: ClaimsView, tabs: QTabWidget, ask: Ask,
                 status: Callable[[str], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.view, self.tabs, self.ask, self.status = session, view, tabs, ask, status
        self.loading = Latest(self)
        self._asked = 0  # which ask the work under way answers
        self.result: ClaimsResult | None = None
        self.chosen: str | None = None  # the event id of the invoice whose periods are shown
        self.missing_day: date | None = None  # the first day whose ECB rate is not known yet
        self.rates_dialog: RatesDialog | None = None
        self.rate_dialog: AddRateDialog | None = None
        self.stale = True
        view.as_of.day_changed.connect(lambda _day: self.refresh())
        # Shown again with nothing changed meanwhile: the figures on screen are still right.
        tabs.currentChanged.connect(lambda _index: self.refresh() if self.shown and self.stale else None)
        session.opened.connect(self._opened)
        session.changed.connect(self._changed)
        session.elsewhere.connect(lambda open_case: self.refresh() if open_case else None)
        view.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        view.add_rate_button.clicked.connect(lambda: self.add_rate(self.missing_day))
        view.rates_button.clicked.connect(self.show_rates)
        self._show(None)

    def register(self, a: WindowActions) -> None:
        on(a.show_claims, lambda: self.tabs.setCurrentWidget(self.view))
        on(a.show_rates, self.show_rates)
        on(a.add_rate, lambda: self.add_rate())

    def shutdown(self) -> None:
        self._asked += 1  # a process under way is ended, not waited for
        self.loading.shutdown()

    @property
    def shown(self) -> bool:
        return self.tabs.currentWidget() is self.view

    @property
    def busy(self) -> bool:
        return self.loading.busy

    def as_of(self) -> date:
        return self.view.as_of.day()

    # --- working the figures out -----------------------------------------------------------------
    def _opened(self, _case_id: object) -> None:
        self.chosen = None
        self._show(None)  # nothing of the case left behind stays in sight
        self.refresh()

    def _changed(self, change: Change) -> None:
        if change.events or change.case:  # the exhibits alone change no amount
            self.refresh()

    def refresh(self) -> None:
        """Work the claims out again, now if the tab is shown, else when it is."""
        self.loading.drop()  # whatever is under way answers for a case or a date no longer asked
        self._asked += 1  # and its process is ended
        if not self.shown:
            self.stale = True
            return
        self.stale = False
        case_id = self.session.case_id
        if case_id is None:
            self._show(None)
            return
        home, as_of, asked = self.session.store.home, self.as_of(), self._asked

        def work(progress: Progress) -> ClaimsResult | None:
            from ...services import child_process

            # In a process of its own: on a large case, worked out in a thread of the window's, it
            # took the interpreter from the window for seconds.  A later ask ends it at once.
            try:
                return child_process.case_claims(home, case_id, as_of, cancelled=lambda: asked != self._asked)
            except child_process.Abandoned:
                return None  # a later ask's answer is on its way

        self.view.state.setText(_("Calcul en cours\u2026"))
        self.loading.run(work, self._show, self._failed)

    def _failed(self, message: str, current: bool) -> None:
        if current:
            self.view.state.setText(message)

    def _show(self, result: ClaimsResult | None) -> None:
        view = self.view
        self.result = result
        view.model.set_result(result)
        view.show_headings()
        client = result is not None and result.our_role == "client"
        view.as_of_label.setText(_("Factures de l'autre partie, au") if client else _("Sommes dues au"))
        view.intro.setText(_("Vous êtes le client : cette vue ne dit pas ce que vous devez. Elle chiffre l'offre "
                             "de règlement du principal non contesté et estime, sous toutes réserves et sans "
                             "reconnaissance, ce que l'autre partie pourrait réclamer en plus.") if client else "")
        view.intro.setVisible(client)
        if result is None:
            view.state.setText(_("Aucune affaire ouverte") if self.session.case_id is None else "")
            view.set_totals([])
            view.notes.setText("")
            self._show_unknown_rate(None)
            self._show_contract(None)
            self._show_claim(None)
            return
        view.state.setText("" if result.invoices else _("Aucune facture à cette date."))
        view.set_totals(self._totals(result, client))
        from ...domain.claims_report import notes  # the claims engine loads after the first paint

        # The unknown rate has its own words and button above; the other notes stay as the command says them.
        view.notes.setText("\n".join(f"\u2022 {note}" for note in notes(replace(result, unknown_rate_half_years=()))))
        self._show_unknown_rate(result)
        self._show_contract(result)
        row = view.model.row_of(self.chosen) if self.chosen is not None else None
        if row is None:
            claims = [c for c in result.invoices if c.periods] or list(result.invoices)
            row = view.model.row_of(claims[0].event_id) if claims else None
        if row is None:
            self._show_claim(None)
        else:
            choose_row(view.table, view.model.index(row, 0))
            self._show_claim(view.model.claim(row))

    @staticmethod
    def _totals(result: ClaimsResult, client: bool) -> list[tuple[str, str | None, bool]]:
        money, t = active().money, result.totals
        rows: list[tuple[str, str | None, bool]]
        if client:
            # Never a "total dû" against us: an offer of the undisputed principal, and an estimate.
            rows = [(_("Offre de règlement du principal non contesté"), money(t.outstanding_undisputed), True)]
            if t.outstanding_disputed:
                rows.append((_("Principal contesté, non offert"), money(t.outstanding_disputed), False))
            rows += [
                (_("Estimation de la demande de l'autre partie, sous toutes réserves et sans reconnaissance :"),
                 None, False),
                (_("Pénalités de retard (non contesté)"), money(t.penalties_undisputed), False),
                (_("Indemnités forfaitaires de 40 € (non contesté)"), money(t.indemnities_undisputed), False),
            ]
        else:
            rows = [
                (_("Principal non contesté restant dû"), money(t.outstanding_undisputed), False),
                (_("Pénalités de retard (non contesté)"), money(t.penalties_undisputed), False),
                (_("Indemnités forfaitaires de 40 € (non contesté)"), money(t.indemnities_undisputed), False),
                (_("Total réclamable (non contesté)"), money(t.grand_total), True),
            ]
            if t.outstanding_disputed:
                rows.append((_("Principal contesté restant dû"), money(t.outstanding_disputed), False))
        if t.penalties_disputed or t.indemnities_disputed:
            rows.append((_("Pénalités et indemnités sur factures contestées"),
                         money(t.penalties_disputed + t.indemnities_disputed), False))
        if t.credit:
            rows.append((_("Trop-versé (crédit du payeur)"), money(t.credit), False))
        return rows

    def _show_contract(self, result: ClaimsResult | None) -> None:
        """What the other side owes under the contract, apart from the invoices (claims.md, 2026-12), in the
        words of ``claims``'s own section."""
        lines = result.contract.lines if result is not None else ()
        case_id = self.session.case_id
        if result is None or not lines or case_id is None:
            self.view.set_contract("", [], "", "", "")
            return
        from ...domain.claims_report import (
            contract_computation,
            contract_heading,
            contract_line_title,
            credit_threshold,
        )
        from ...services import cases

        # The other side's name and the contract's credit steps: the case block, read here (the claims
        # result carries the figures, not the words around them).
        case = cases.read_case(self.session.store, case_id)
        sla = case.contract.sla if case.contract is not None else None
        money = active().money
        rows = [(contract_line_title(line), contract_computation(line, below=credit_threshold(line, sla)),
                 money(line.amount)) for line in lines]
        self.view.set_contract(contract_heading(result.our_role, them=case.them.name), rows,
                               _("Sommes tenues à part des factures : elles ne sont ni ajoutées à leurs totaux ni "
                                 "déduites de ceux-ci."),
                               _("Total dû au titre du contrat"), money(result.contract.total))

    def _show_unknown_rate(self, result: ClaimsResult | None) -> None:
        view, tr = self.view, active()
        if result is None or not result.unknown_rate_half_years:
            self.missing_day = None
            view.unknown_rate.hide()
            return
        from ...domain.claims_report import half_year_label, missing_rates

        which = ", ".join(half_year_label(h) for h in result.unknown_rate_half_years)
        # The ECB rates to add, as the command's notes and the readiness check name them.
        missing = missing_rates(result)
        if missing is not None:
            self.missing_day = missing.half_years[0].start
            text = _("Aucun taux BCE n'est encore connu pour le {which} : les pénalités de ces jours sont calculées "
                     "avec le dernier taux connu ({rate}), à vérifier. Ajoutez le taux en vigueur le {day}, même "
                     "s'il n'a pas changé.").format(which=which, rate=tr.percent(missing.example) if missing.example is not None else "—",
                                                    day=tr.long_day(self.missing_day))
        else:
            self.missing_day = None
            text = _("Aucun taux n'est encore connu pour le {which} : le dernier taux connu est retenu, à "
                     "vérifier.").format(which=which)
        view.unknown_rate_text.setText(text)
        view.add_rate_button.setVisible(self.missing_day is not None)
        view.unknown_rate.show()

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        claim = self.view.model.claim(current.row()) if current.isValid() else None
        if claim is not None:
            self.chosen = claim.event_id
        self._show_claim(claim)

    def _show_claim(self, claim: InvoiceClaim | None) -> None:
        view, tr = self.view, active()
        if claim is None:
            view.detail_title.setText(_("Choisissez une facture pour voir le détail de ses pénalités."))
            view.periods_model.set_periods(())
            view.sources.setText("")
            return
        title = _("Facture {number}, échue le {day}").format(number=claim.number, day=tr.long_day(claim.due_date))
        if claim.disputed:
            title += "\n" + (_("Contestée : {reason}").format(reason=claim.dispute_reason) if claim.dispute_reason
                             else _("Contestée : tenue à part, hors de l'offre de règlement.") if self.result is not None and self.result.our_role == "client"
                             else _("Contestée : tenue à part, hors du total réclamable."))
        view.detail_title.setText(title)
        view.periods_model.set_periods(claim.periods)
        if not claim.periods:
            view.sources.setText(_("Aucune pénalité n\u2019a couru."))
            return
        # The table says which rate and why; below, where each value was read, once each.
        references = dict.fromkeys(p.source.statutory.ecb.source for p in claim.periods
                                   if p.source.statutory is not None and p.source.statutory.ecb.source)
        view.sources.setText("\n".join(_("Source : {reference}").format(reference=r) for r in references))

    # --- the rates -------------------------------------------------------------------------------
    def show_rates(self) -> RatesDialog:
        from ...services import rates
        from .rates_dialog import RatesDialog

        if self.rates_dialog is None:
            self.rates_dialog = RatesDialog(self.view.window())
            self.rates_dialog.add_asked.connect(lambda: self.add_rate())
            self.rates_dialog.remove_asked.connect(self.remove_rate)
        table, rows = rates.rates_listing(self.session.store)
        self.rates_dialog.set_rates(table, rows)
        self.rates_dialog.show()
        self.rates_dialog.activateWindow()
        return self.rates_dialog

    def add_rate(self, day: date | None = None) -> AddRateDialog:
        """The add dialog, on ``day`` (the first one whose rate is missing) or the next half-year."""
        from ...domain.rates import HalfYear
        from ...services import rates
        from .rates_dialog import AddRateDialog

        store = self.session.store
        table = rates.store_rate_table(store)
        if day is None:
            day = HalfYear.of(table.ecb_known_through).next().start

        def submit(effective: date, text: str, source: str) -> str | None:
            if not text.strip():
                return _("Indiquez le taux en pour cent, par exemple 2,15.")
            if not source.strip():
                return _("Indiquez d'où vient ce taux (par exemple « Banque de France »).")
            added = {r.effective: r for r in rates.user_ecb_rates(store)}
            old = added.get(effective)
            if old is not None and not self.ask.confirm(
                    _("Remplacer un taux"),
                    _("Un taux BCE de {percent} (source : {source}) est déjà ajouté au {day}. Le remplacer ?").format(
                        percent=active().percent(old.rate), source=old.source, day=active().short_day(effective)),
                    _("Remplacer")):
                return _("Rien n'a été ajouté : un taux est déjà enregistré à cette date.")
            try:
                row = rates.add_ecb_rate(store, effective, text.replace("%", ""), source, replace=old is not None)
            except UserError as exc:
                return exc.message
            self.status(_("Taux BCE de {percent} ajouté, en vigueur à partir du {short_day}.").format(
                percent=active().percent(row.rate), short_day=active().short_day(row.effective)))
            self._rates_changed()
            return None

        dialog = AddRateDialog(submit, day, active().number(table.ecb[-1].rate), self.view.window())
        self.rate_dialog = dialog
        dialog.open()
        return dialog

    def remove_rate(self, day: date) -> None:
        from ...services import rates

        tr = active()
        if not self.ask.confirm(_("Supprimer un taux"),
                                _("Supprimer le taux BCE ajouté au {day} ? Les pénalités qui l'utilisaient "
                                  "seront calculées avec le taux précédent.").format(day=tr.short_day(day)),
                                _("Supprimer")):
            return
        try:
            rates.remove_ecb_rate(self.session.store, day)
        except UserError as exc:
            self.ask.error(exc.message)
            return
        self.status(_("Taux BCE ajouté au {short_day} supprimé.").format(short_day=tr.short_day(day)))
        self._rates_changed()

    def _rates_changed(self) -> None:
        if self.rates_dialog is not None and self.rates_dialog.isVisible():
            self.show_rates()
        if self.session.case_id is None:
            self.refresh()
        else:
            # Every view of the case hears of it (the readiness check's rate findings, the amounts).
            self.session.tell(Change(case=True))

