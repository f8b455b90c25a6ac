"""The Calendrier tab's controller: the dates of ``calendar``, kept up to date with the case.

The dates are ``calendar.case_calendar``'s, as ``dossier calendar`` prints them.  Working them out reads
the whole case: it runs off the GUI thread (its own store), only while the tab is shown (when it becomes
shown, when the case opened or changed), after the timeline has read the rest of the events, one at a
time, a late answer dropped.  A date that comes from an event leads to it in the timeline; the .ics
file is ``calendar.write_ics``, written off the GUI thread too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtWidgets import QTabWidget

from ...domain.file_names import title_stem
from ...i18n import _, ngettext
from ..ask import Ask
from ..case_session import CaseSession, Change
from ..menu_words import menu_path
from ..timeline.controller import TimelineController
from ..window_actions import WindowActions, on
from ..workers import Latest, Progress, Task
from .model import DEADLINE_ROLE
from .view import CalendarView

if TYPE_CHECKING:
    from ...domain.calendar import Deadline

STATUS_MS = 8000


class CalendarController(QObject):
    def __init__(self, session: CaseSession, view: CalendarView, tabs: QTabWidget, ask: Ask,
                 timeline: TimelineController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.view, self.tabs, self.ask, self.timeline = session, view, tabs, ask, timeline
        self.loading = Latest(self)
        self.today: Callable[[], date] = date.today  # the day the distances count from
        self.writing: Task | None = None
        self.stale = True
        self._waiting = False  # for the timeline to be read first
        self._case: int | None = None  # the case whose dates are shown (or being worked out)
        self._actions: WindowActions | None = None
        session.opened.connect(self._opened)
        session.changed.connect(self._changed)
        session.elsewhere.connect(lambda open_case: self.refresh() if open_case else None)
        tabs.currentChanged.connect(lambda _index: self.refresh() if self.shown and self.stale else None)
        timeline.loading.settled.connect(self._timeline_settled)
        view.list.activated.connect(self.activate)
        view.export.connect(self.export)

    def register(self, a: WindowActions) -> None:
        self._actions = a
        on(a.show_calendar, self.show)

    def show(self) -> None:
        self.tabs.setCurrentWidget(self.view)
        self.view.list.setFocus()

    def shutdown(self) -> None:
        self.loading.shutdown()
        if self.writing is not None and self.writing.running:
            self.writing.wait()

    @property
    def shown(self) -> bool:
        return self.tabs.currentWidget() is self.view

    @property
    def busy(self) -> bool:
        return self._waiting or self.loading.busy or (self.writing is not None and self.writing.running)

    # --- working the dates out -----------------------------------------------------------------
    def _opened(self, case_id: int | None) -> None:
        # Nothing of the case left behind stays in sight; the same case read again (changed by another
        # program) keeps its dates shown meanwhile.
        again, self._case = case_id == self._case, case_id
        if not again or case_id is None:
            self.view.show_message(_("Aucune affaire ouverte") if case_id is None else _("Calcul des dates\u2026"))
        self.refresh()

    def _changed(self, change: Change) -> None:
        if change.events or change.case:  # the exhibits alone move no date
            self.refresh()

    def _timeline_settled(self) -> None:
        if self._waiting:
            self._waiting = False
            self.refresh()

    def refresh(self) -> None:
        """Work the dates out again, now if the tab is shown, else when it is."""
        self.loading.drop()  # whatever is under way answers for a case no longer shown
        if not self.shown:
            self.stale = True
            return
        case_id = self.session.case_id
        if case_id is None:
            self.stale = False
            self.view.show_message(_("Aucune affaire ouverte"))
            return
        if self.timeline.busy:
            # One thing at a time behind the window: the rest of the events first.
            self._waiting = True
            return
        self.stale = False
        home, today = self.session.store.home, self.today()

        def work(progress: Progress) -> tuple[Deadline, ...]:
            from ...services import calendar
            from ...services.store_access import open_home

            store = open_home(home)
            try:
                return calendar.case_calendar(store, case_id, today)
            finally:
                store.close()

        def done(deadlines: tuple[Deadline, ...]) -> None:
            if case_id != self.session.case_id:
                return
            if deadlines:
                self.view.show_deadlines(deadlines, today)
            else:
                self.view.show_message(self.nothing_yet())

        def failed(message: str, current: bool) -> None:
            if current and case_id == self.session.case_id:
                self.view.show_message(_("Le calendrier n'a pas pu être établi : {message}").format(message=message))

        self.loading.run(work, done, failed)

    def nothing_yet(self) -> str:
        """What an empty calendar says: what would appear, and where to add it."""
        a = self._actions
        if a is None:  # before the window registered its features: nothing shown yet
            return ""
        return _("Aucune date à surveiller pour l'instant. Ajoutez une mise en demeure ({new_event}) ou une date "
                 "d'audience ({edit_case}) : leurs délais, et ce qu'il faut faire avant chacun, apparaîtront "
                 "ici.").format(new_event=menu_path(a.new_event), edit_case=menu_path(a.edit_case))

    # --- where a date leads --------------------------------------------------------------------
    def activate(self, index: QModelIndex) -> None:
        deadline: Deadline | None = index.data(DEADLINE_ROLE)
        if deadline is None:
            return
        if deadline.event_id is None:
            self.timeline.status(_("Cette date ne découle d'aucun événement : elle vient de la fiche de "
                                   "l'affaire ou du contrat."), STATUS_MS)
            return
        self.tabs.setCurrentWidget(self.timeline.view)
        if not self.timeline.select_event(deadline.event_id):
            self.timeline.status(_("Cet événement n'est pas dans la chronologie (supprimé entre-temps ?)."),
                                 STATUS_MS)

    # --- the .ics file -------------------------------------------------------------------------
    def export(self) -> None:
        case_id = self.session.case_id
        if case_id is None or (self.writing is not None and self.writing.running):
            return
        from ...services import cases

        title = title_stem(cases.read_case(self.session.store, case_id).title)
        target = self.ask.save_file(_("Exporter vers mon agenda"), _("Calendrier {title}.ics").format(title=title),
                                    _("Agenda iCalendar (*.ics)"))
        if target is None:
            return
        if target.suffix.lower() != ".ics":
            target = target.with_name(f"{target.name}.ics")
        home, today = self.session.store.home, self.today()

        def work(progress: Progress) -> int:
            from ...services import calendar
            from ...services.store_access import open_home

            store = open_home(home)
            try:
                return calendar.write_ics(store, case_id, target, today)
            finally:
                store.close()

        self.view.export_button.setEnabled(False)
        task = self.writing = Task(work, self)
        task.succeeded.connect(lambda count: self._written(int(count), target))
        task.failed.connect(lambda message: self.ask.error(
            _("Le fichier d'agenda n'a pas pu être écrit : {message}").format(message=message)))
        task.finished.connect(lambda: self.view.export_button.setEnabled(self.view.model.rowCount() > 0))
        task.start()

    def _written(self, count: int, target: Path) -> None:
        self.timeline.status(ngettext(
            "{count} date écrite dans {name} : ouvrez ce fichier avec votre agenda pour l'y ajouter.",
            "{count} dates écrites dans {name} : ouvrez ce fichier avec votre agenda pour les y ajouter.",
            count).format(count=count, name=target.name), STATUS_MS)
