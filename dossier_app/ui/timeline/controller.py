"""The timeline: the open case's events read (the first page at once, the rest behind the window),
the rows a step changed read again alone, and the timeline's own actions (find, show all, zoom)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from ...i18n import _
from ...services import timeline
from ..case_session import CaseSession, Change
from ..labels import one_line
from ..window_actions import DeleteByFocus, WindowActions, on
from ..workers import Latest, Progress
from .view import TimelinePanel

MANY_CHANGES = 200  # events changed at once beyond which the timeline is read again whole, off the GUI thread
FIRST_PAGE = 300  # events shown at once when a large case opens (screens full of them); the rest follows

Rows = tuple[list[timeline.TimelineRow], timeline.SearchIndex]


class TimelineController(QObject):
    def __init__(self, session: CaseSession, view: TimelinePanel, report: Callable[[str], object],
                 status: Callable[[str, int], object], events_of: Callable[[int], int | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.store = session.store
        self.view = view
        self.report = report
        self.status = status
        self.events_of = events_of
        self.loading = Latest(self)
        session.opened.connect(self._opened)
        session.changed.connect(self._changed)

    def register(self, a: WindowActions, delete: DeleteByFocus) -> None:
        v = self.view
        for action, handler in ((a.find, self.focus_search), (a.show_all, v.filter_bar.clear),
                                (a.focus_timeline, v.table.setFocus), (a.zoom_in, lambda: v.band.zoom(1.5)),
                                (a.zoom_out, lambda: v.band.zoom(1 / 1.5)), (a.zoom_all, v.band.fit)):
            on(action, handler)

    @property
    def busy(self) -> bool:
        return bool(self.view.coming) or self.loading.busy

    def focus_search(self) -> None:
        self.view.filter_bar.text.setFocus()
        self.view.filter_bar.text.selectAll()

    def with_event(self, action: Callable[[str], object]) -> Callable[[], None]:
        """``action`` on the chosen event, or a word saying to choose one first."""
        def run() -> None:
            event_id = self.view.selected_event_id()
            if event_id is None:
                self.status(_("Choisissez d'abord un événement dans la chronologie."), 5000)
                return
            action(event_id)
        return run

    def select_event(self, event_id: str) -> bool:
        """Choose the event in the table and put the keyboard there; the filter is emptied when it hides
        the event.  False when the timeline does not hold it (removed, or not read yet)."""
        v = self.view
        if v.proxy.proxy_row_of(event_id) is None and v.model.row_of(event_id) is not None:
            v.filter_bar.clear()
        if not v.select_event(event_id):
            return False
        v.table.setFocus()
        return True

    def event_title(self, event_id: str) -> str:
        row = self.view.model.row_of(event_id)
        return one_line(self.view.model.rows[row].title if row is not None else event_id)

    # --- reading the case ----------------------------------------------------------------------
    def _opened(self, case_id: int | None) -> None:
        """A case just opened appears at once however long it is: its first events now, the rest behind."""
        self.view.start_afresh()
        self.loading.drop()
        if case_id is None:
            self.view.set_rows([])
            return
        # One more than a page tells whether there is more, without counting them all.
        rows = timeline.timeline_rows(self.store, case_id, limit=FIRST_PAGE + 1)
        if len(rows) <= FIRST_PAGE:
            self.view.set_rows(rows, tags=timeline.actors_and_tags(rows)[1])
            return
        rows = rows[:FIRST_PAGE]
        self.view.set_rows(rows, coming=self.events_of(case_id) or FIRST_PAGE + 1,
                           tags=timeline.actors_and_tags(rows)[1])
        self._read_rest(case_id, rows)

    def _changed(self, change: Change) -> None:
        """One step done, undone or redone: show the events it changed, and only those."""
        case_id = self.session.case_id
        if case_id is None or not change.events:
            return
        if self.view.coming or len(change.events) > MANY_CHANGES:
            # The rest of the case is still being read, or many events changed (an import's
            # invoices): read it all again behind the window, as when it was opened.
            self._read_rest(case_id, [])
        else:
            found = timeline.timeline_rows_of(self.store, case_id, change.events)
            self.view.update_events({ref: found.get(ref) for ref in change.events})
            if len(found) == 1:
                # The event a step (or its undo) put back or changed is the one chosen: the next
                # Delete or Ctrl+E must not fall on a neighbour.
                self.view.select_event(next(iter(found)))

    def _read_rest(self, case_id: int, first: list[timeline.TimelineRow]) -> None:
        home, offset = self.store.home, len(first)

        def work(progress: Progress) -> tuple[Rows, list[str]]:
            from ...services.store_access import open_home

            store = open_home(home)
            try:
                rows = first + timeline.timeline_rows(store, case_id, offset=offset)
            finally:
                store.close()
            index = timeline.SearchIndex(rows)
            index.texts()  # here rather than at the first search
            return (rows, index), timeline.actors_and_tags(rows)[1]

        def done(result: tuple[Rows, list[str]]) -> None:
            (rows, index), tags = result
            self.view.set_rows(rows, index=index, tags=tags)

        def failed(message: str, current: bool) -> None:
            if current and first:
                self.view.set_rows(first, tags=timeline.actors_and_tags(first)[1])  # what was read stays shown
            self.report(message)

        self.loading.run(work, done, failed, defer=self.view.after_first_paint)
