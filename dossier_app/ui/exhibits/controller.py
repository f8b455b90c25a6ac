"""Exhibits: the open case's list and the chosen one's preview, and the exhibit actions.

Editing, removing and linking an exhibit are undoable commands opened by the events' controller
(``events.controller.EventActions``), which holds the forms and pickers they share with the events.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from ...domain.errors import UserError
from ...i18n import _
from ..case_session import CaseSession, Change
from ..window_actions import DeleteByFocus, WindowActions, on, with_context_menu
from .view import ExhibitPanel

if TYPE_CHECKING:
    from ...domain.model import Exhibit
    from ..events.controller import EventActions
    from ..timeline.view import TimelinePanel


class ExhibitsController(QObject):
    def __init__(self, session: CaseSession, view: ExhibitPanel, timeline: TimelinePanel,
                 status: Callable[[str, int], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.store = session.store
        self.view = view
        self.timeline = timeline
        self.status = status
        self._opened_as = 0
        self.events: EventActions | None = None  # its questions and undo stack, once registered
        timeline.selection_changed.connect(view.model.set_highlight)
        view.selection_changed.connect(self._show_exhibit)
        session.opened.connect(self._opened)
        session.changed.connect(self._changed)

    def register(self, a: WindowActions, delete: DeleteByFocus, events: EventActions) -> None:
        v = self.view
        self.events = events
        for action, handler in ((a.link_events, self.with_exhibit(lambda x: events.pick_events_for(
                                    x, self.timeline.model.rows))),
                                (a.edit_exhibit, self.with_exhibit(events.edit_exhibit)),
                                (a.remove_exhibit, self.with_exhibit(events.remove_exhibit)),
                                (a.focus_exhibits, v.table.setFocus)):
            on(action, handler)
        v.link_button.clicked.connect(a.link_events.trigger)
        v.edit_button.clicked.connect(a.edit_exhibit.trigger)
        v.remove_button.clicked.connect(a.remove_exhibit.trigger)
        v.table.activated.connect(lambda _index: a.edit_exhibit.trigger())
        v.preview.give_password = a.edit_exhibit  # named in the preview of a locked PDF
        with_context_menu(v.table, [a.import_files, a.link_events, a.edit_exhibit, a.remove_exhibit])
        delete.register(v, self.with_exhibit(events.remove_exhibit))

    def with_exhibit(self, action: Callable[[Exhibit], object]) -> Callable[[], None]:
        """``action`` on the chosen exhibit, or a word saying to choose one first."""
        def run() -> None:
            exhibit = self.view.selected()
            if exhibit is None:
                self.status(_("Choisissez d'abord une pièce."), 5000)
                return
            action(exhibit)
        return run

    def select_exhibit(self, sha256: str) -> bool:
        """Choose the exhibit in the list (its filter emptied if it hides it) and put the keyboard there."""
        if not self.view.select(sha256):
            return False
        self.view.table.setFocus()
        return True

    def _opened(self, case_id: int | None) -> None:
        self.view.preview.clear()
        self._opened_as += 1
        if case_id is None:
            self.view.set_exhibits([])
        elif self.timeline.coming:
            # A case that large has its exhibits shown just after its first events.
            opened_as = self._opened_as
            self.timeline.after_first_paint(lambda: self._show(case_id) if opened_as == self._opened_as else None)
        else:
            self._show(case_id)

    def _changed(self, change: Change) -> None:
        if change.exhibits and self.session.case_id is not None:
            self._opened_as += 1
            self._show(self.session.case_id)

    def _show(self, case_id: int) -> None:
        # Here, not at the top: the exhibits of a large case are read after the first paint, and the
        # model and codec with them.
        from ...services import exhibits as exhibit_service

        self.view.set_exhibits(exhibit_service.exhibits(self.store, case_id))
        chosen = self.view.selected()
        if self.view.preview.form == "pdf-locked" and chosen is not None and chosen.password:
            self._show_exhibit(chosen)  # its password given in its form: now its pages

    def _show_exhibit(self, exhibit: Exhibit | None) -> None:
        if exhibit is None:
            self.view.preview.clear()
            return
        from ...services.preview import preview_of

        self.view.preview.show_source(preview_of(self.store, exhibit))
        if self.view.preview.form == "pdf-locked":
            # Asked once the click is over, not inside the table's selection change.
            QTimer.singleShot(0, lambda: self._ask_password(exhibit))

    def _ask_password(self, exhibit: Exhibit) -> None:
        """The password of a protected PDF shown without one: kept as ``exhibit set --password``
        keeps it (only when it opens the PDF), then its pages; a wrong one asked again."""
        from ...services import exhibits as exhibit_service
        from ..labels import one_line

        chosen = self.view.selected()
        ref = self.session.ref()
        if self.events is None or ref is None or chosen is None or chosen.sha256 != exhibit.sha256:
            return  # the user has moved on
        title = one_line(exhibit.title)
        question = _("« {title} » est protégé par un mot de passe.\nTapez-le pour voir ses pages (il sera gardé avec la pièce) :").format(title=title)
        while True:
            password = self.events.ask.password(_("PDF protégé"), question)
            if password is None:
                self.view.preview.locked_out()
                return
            try:
                new = exhibit_service.edit_exhibit(self.store, ref.case_id, exhibit.sha256, password=password,
                                                   expected=exhibit)
            except exhibit_service.WrongPassword:
                question = _("Ce mot de passe n'ouvre pas « {title} ».\nTapez le bon, ou laissez vide pour ne pas l'afficher :").format(title=title)
                continue
            except UserError as exc:
                self.events.ask.error(exc.message)
                self.view.preview.locked_out()
                return
            break
        # Not an undo step: the PDF cannot go back to having no password (``edit_exhibit`` refuses it).
        self.session.tell(Change(exhibits=True))  # the list reads it again, and the preview shows its pages
        self.status(_("Mot de passe de « {title} » gardé avec la pièce.").format(title=new.title), 6000)
