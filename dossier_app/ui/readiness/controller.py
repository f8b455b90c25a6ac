"""The readiness tab: runs the check of the open case off the GUI thread, and leads to what each finding is about.

The check runs after every change to the open case (a moment after the last of a burst), whether
its tab is shown or not: the tab's badge counts what blocks.  Re-hashing every exhibit file is the
slow part of it, and only a change to the exhibits (or another case, or another program's change,
or « Vérifier à nouveau ») can change what it finds: between those, the check reuses what the last
re-hash found.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QTimer
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QTabWidget

from ...domain.dates import short_day
from ...i18n import _, language, ngettext, using
from ..case_session import CaseSession, Change
from ..cases.controller import CasesController
from ..exhibits.controller import ExhibitsController
from ..menu_words import menu_path
from ..timeline.controller import TimelineController
from ..window_actions import WindowActions, on
from ..workers import Latest, Progress
from .model import FINDING_ROLE
from .view import ReadinessView, severity_icon

if TYPE_CHECKING:
    from ...domain.checks import Finding, IntegrityFacts

DEBOUNCE_MS = 400  # a burst of changes (typing through forms, undoing thrice) is checked once, after it

# Findings about the case block: the case form's field that settles each (its tab is shown).
CASE_FIELDS: dict[str, str] = {
    "no_court": "court",
    "hearing_past": "hearing",
    "other_side_no_siren": "them.siren",
    "other_side_no_address": "them.address",
    "terms_beyond_cap": "contract.payment_terms",  # the contract's terms (an invoice's names its event)
    "rate_below_floor": "contract.late_penalty_rate",
    "clause_event_missing": "contract.penalties",  # the contract tab's clauses
    "penalty_without_end": "contract.penalties",
}

# What the window offers to do what a finding asks, by code: its actions (WindowActions' names), shown
# under the finding as their menu entries (the command names its commands instead: cli/hints.py).
HOWS: dict[str, tuple[str, ...]] = {
    "no_events": ("new_event", "import_files"),
    "no_exhibits": ("import_files",),
    "missing_file": ("import_files",),  # the same bytes put the lost file back
    "no_court": ("edit_case",),
    "hearing_past": ("edit_case",),
    "other_side_no_siren": ("edit_case",),
    "other_side_no_address": ("edit_case",),
    "rate_below_floor": ("edit_case",),
    "terms_beyond_cap": ("edit_case",),  # an invoice's (about its event): edit_event, see _how
    "event_without_exhibit": ("link_exhibits",),
    "notice_without_exhibit": ("link_exhibits",),
    "outage_unproved": ("link_exhibits",),
    "notice_unproved": ("edit_event", "link_exhibits"),
    "no_tracking_number": ("edit_event",),
    "due_before_invoice": ("edit_event",),
    "no_formal_notice": ("new_event",),
    "exhibit_date_far": ("edit_exhibit",),
    "exhibit_unlinked": ("link_events",),
    "as_of_rate_unknown": ("add_rate",),  # when an ECB rate is what is missing (missing_rate)
    "rate_unknown": ("add_rate",),
    "numbering_gap": ("export_dossier",),  # its « Renuméroter les pièces » box
    "clause_event_missing": ("new_event", "edit_case"),  # add the event, or correct the clause's id
    "penalty_running": ("new_event",),  # the event that stops it (the restitution), when it happens
    "penalty_without_end": ("edit_case",),
    "sla_outage_ongoing": ("edit_event",),  # its end
    "sla_month_unproved": ("link_exhibits",),
}
RATE_CODES = ("as_of_rate_unknown", "rate_unknown")


class ReadinessController(QObject):
    def __init__(self, session: CaseSession, view: ReadinessView, tabs: QTabWidget, timeline: TimelineController,
                 exhibits: ExhibitsController, cases: CasesController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.view, self.tabs = session, view, tabs
        self.timeline, self.exhibits, self.cases = timeline, exhibits, cases
        self.checking = Latest(self)
        self._asked = 0  # which ask the check under way answers
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self._run)
        self._facts: IntegrityFacts | None = None  # what the last re-hash of the open case found
        self._hash_asked = 0  # raised each time the files must be re-hashed again
        self._hashed = -1  # the ask the facts answer
        self._waiting = False  # for the timeline to be read first
        self._case: int | None = None  # the case whose findings are shown
        self._leads: dict[str, QAction] = {}
        self._actions: WindowActions | None = None
        session.opened.connect(self._opened)
        session.changed.connect(self._changed)
        session.elsewhere.connect(self._elsewhere)
        timeline.loading.settled.connect(self._timeline_settled)
        self.checking.settled.connect(self._settled)
        view.recheck.connect(self.recheck)
        view.list.activated.connect(self.activate)

    def register(self, a: WindowActions) -> None:
        self._actions = a
        on(a.show_readiness, self.show)
        # Findings about nothing the lists show lead to the action that settles them.
        self._leads = {"no_events": a.new_event, "no_formal_notice": a.new_event, "no_exhibits": a.import_files,
                       "as_of_rate_unknown": a.add_rate, "rate_unknown": a.add_rate, "credit": a.show_claims,
                       "numbering_gap": a.export_dossier}

    def shutdown(self) -> None:
        self.debounce.stop()
        self._asked += 1  # a process under way is ended, not waited for
        self.checking.shutdown()

    @property
    def busy(self) -> bool:
        return self.debounce.isActive() or self._waiting or self.checking.busy

    def show(self) -> None:
        self.tabs.setCurrentWidget(self.view)
        self.view.list.setFocus()

    # --- when to check -------------------------------------------------------------------------
    def _opened(self, case_id: int | None) -> None:
        self.checking.drop()
        self._asked += 1
        self._facts = None
        self._hash_asked += 1
        again, self._case = case_id == self._case, case_id
        if case_id is None:
            self.debounce.stop()
            self.view.show_message(_("Aucune affaire ouverte"))
        elif not again:
            self.view.show_message(_("Vérification du dossier en cours\u2026"))
        # The same case read again (changed by another program): its findings stay shown meanwhile.
        if case_id is not None:
            self.debounce.start()
        self._show_badge()

    def _changed(self, change: Change) -> None:
        if self.session.case_id is None:
            return
        if change.exhibits:
            self._hash_asked += 1
        self.debounce.start()

    def _elsewhere(self, open_case_changed: bool) -> None:
        if open_case_changed and self.session.case_id is not None:
            self._hash_asked += 1  # another program may have re-imported or verified a file
            self.debounce.start()

    def recheck(self) -> None:
        """« Vérifier à nouveau »: the case read again and every file re-hashed, now."""
        if self.session.case_id is None:
            return
        self._hash_asked += 1
        self.debounce.stop()
        self._run()

    def _timeline_settled(self) -> None:
        if self._waiting:
            self._waiting = False
            self.debounce.start()

    def _run(self) -> None:
        case_id = self.session.case_id
        if case_id is None or self.checking.closed:
            return
        if self.timeline.busy:
            # One thing at a time behind the window: the rest of the events first.
            self._waiting = True
            return
        home, day, facts, asked = self.session.store.home, date.today(), self._facts, self._hash_asked
        rehash = facts is None or self._hashed != asked
        lang = language()  # the window's, which a block may have chosen for this thread only

        self._asked += 1
        wanted = self._asked

        def work(progress: Progress) -> tuple[list[Finding], IntegrityFacts] | None:
            from ...services import child_process

            # In a process of its own (in the window's language): on a large case, checked in a thread
            # of the window's, it took the interpreter from the window for seconds.
            try:
                with using(lang):
                    return child_process.readiness(home, case_id, day, None if rehash else facts,
                                                   cancelled=lambda: wanted != self._asked)
            except child_process.Abandoned:
                return None  # a later ask's answer is on its way

        def done(result: tuple[list[Finding], IntegrityFacts] | None) -> None:
            if result is None or case_id != self.session.case_id:
                return
            findings, found = result
            self._facts = found
            if rehash:
                self._hashed = asked
            # One menu path per kind of finding, not per finding: a large case has thousands alike.
            said: dict[tuple[str, bool, bool], str] = {}

            def how(f: Finding) -> str:
                key = (f.code, f.event_id is not None, f.missing_rate is None)
                if key not in said:
                    said[key] = self.how(f)
                return said[key]

            self.view.show_findings(findings, short_day(day), [how(f) for f in findings])
            self._show_badge()

        def failed(message: str, current: bool) -> None:
            if current and case_id == self.session.case_id:
                self.view.show_message(_("La vérification n'a pas pu se faire : {message}").format(message=message))
                self._show_badge()

        self.view.set_busy(True)
        self.checking.run(work, done, failed)

    def _settled(self) -> None:
        self.view.set_busy(False)

    def _show_badge(self) -> None:
        """The tab says how many findings block, shown or not: « Vérification (2) » and a red octagon."""
        index = self.tabs.indexOf(self.view)
        if index < 0:
            return
        count = self.view.blocking_count()
        self.tabs.setTabText(index, _("Vérification ({count})").format(count=count) if count else _("Vérification"))
        self.tabs.setTabIcon(index, severity_icon("blocking") if count else QIcon())
        self.tabs.setTabToolTip(index, ngettext(
            "{count} point bloque le dossier : à régler avant de l'exporter",
            "{count} points bloquent le dossier : à régler avant de l'exporter", count).format(count=count)
            if count else "")

    # --- where a finding leads -----------------------------------------------------------------
    def how(self, finding: Finding) -> str:
        """The menu entries that do what ``finding`` asks, as the window says them ("": none)."""
        a = self._actions
        names = HOWS.get(finding.code, ())
        if finding.code == "terms_beyond_cap" and finding.event_id is not None:
            names = ("edit_event",)
        if finding.code in RATE_CODES and finding.missing_rate is None:
            names = ()  # a legal rate, or one before 2013: nothing the window can add
        if a is None or not names:
            return ""
        paths = [menu_path(getattr(a, name)) for name in names]
        if len(paths) == 1:
            return _("Menu {path}").format(path=paths[0])
        return _("Menu {path} ou {other}").format(path=paths[0], other=paths[1])

    def activate(self, index: QModelIndex) -> None:
        finding: Finding | None = index.data(FINDING_ROLE)
        if finding is None:
            return
        if finding.event_id is not None:
            self.tabs.setCurrentWidget(self.timeline.view)
            if not self.timeline.select_event(finding.event_id):
                self.timeline.status(_("Cet événement n'est pas dans la chronologie (supprimé depuis la vérification ?)."), 5000)
        elif finding.exhibit is not None:
            if not self.exhibits.select_exhibit(finding.exhibit):
                self.timeline.status(_("Cette pièce n'est pas dans la liste des pièces (retirée depuis la vérification ?)."), 5000)
        elif finding.code in CASE_FIELDS:
            form = self.cases.edit_case()
            if form is not None:
                form.reveal(CASE_FIELDS[finding.code])
        elif finding.code in self._leads:
            self._leads[finding.code].trigger()
        else:
            self.timeline.status(_("Ce point concerne le dossier entier : il ne mène à aucun événement ni à aucune pièce."), 5000)
