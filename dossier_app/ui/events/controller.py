"""New, edit, duplicate, delete events; link, unlink and edit exhibits — each an undoable command."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from ...domain.dates import short_day
from ...domain.errors import Problem, UserError
from ...domain.vocabulary import label
from ...i18n import _, ngettext
from ...services import timeline
from ...services.timeline import TimelineRow
from ..ask import Ask, problems_of
from ..case_ref import CaseRef
from ..kind_style import kind_icon
from ..labels import one_line
from ..window_actions import DeleteByFocus, WindowActions, on, with_context_menu

if TYPE_CHECKING:
    from ...domain.model import Event, Exhibit
    from ..case_session import CaseSession
    from ..exhibits.pickers import ExhibitDialog, LinkPicker
    from ..exhibits.view import ExhibitPanel
    from ..timeline.controller import TimelineController
    from ..unsaved import KeepsTyping
    from .view import EventForm

D = TypeVar("D", bound=QDialog)

# Forms, pickers, commands and the services they call load when first used: the window must
# paint fast, and none of them is needed to show a case.


class EventActions(QObject):
    """Opens the forms and pickers, calls the services, pushes the commands."""

    event_saved = Signal(str)
    status = Signal(str)

    def __init__(self, parent: QWidget, undo: QUndoStack, ask: Ask) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.undo = undo
        self.ask = ask
        self.ref: CaseRef | None = None
        self.form: EventForm | None = None
        self.picker: LinkPicker | None = None
        self.exhibit_dialog: ExhibitDialog | None = None

    def set_case(self, ref: CaseRef | None) -> None:
        self.ref = ref

    def register(self, a: WindowActions, delete: DeleteByFocus, session: CaseSession, timeline: TimelineController,
                 exhibits: ExhibitPanel) -> None:
        """Its menu entries, the timeline's right-click menu, Delete on the timeline (and by default)."""
        session.opened.connect(lambda _case_id: self.set_case(session.ref()))
        chosen = timeline.with_event
        for action, handler in (
                (a.new_event, lambda: self.new_event()), (a.edit_event, chosen(self.edit_event)),
                (a.duplicate_event, chosen(self.duplicate_event)),
                (a.link_exhibits, chosen(lambda e: self.pick_exhibits_for(e, timeline.event_title(e),
                                                                          exhibits.model.exhibits)))):
            on(action, handler)
        table = timeline.view.table
        with_context_menu(table, [a.new_event, a.edit_event, a.duplicate_event, a.link_exhibits, a.delete])
        delete.default = chosen(self.delete_event)
        timeline.view.event_activated.connect(self.edit_event)
        table.exhibits_dropped.connect(
            lambda shas, event_id: self.link([x for x in exhibits.model.exhibits if x.sha256 in set(shas)], event_id))
        self.event_saved.connect(timeline.view.select_event)
        session.opened.connect(lambda case_id: a.new_event.setEnabled(case_id is not None))

    # --- events ------------------------------------------------------------------------------
    def new_event(self, kind: str = "invoice", day: date | None = None) -> EventForm | None:
        from .view import EventForm

        if self.ref is None:
            return None
        form = EventForm(self._add, kind=kind, parent=self.parent_widget)
        form.setWindowTitle(_("Nouvel événement"))
        if day is not None and "date" in form.editors:
            form.editors["date"].set_value(day)
        return self._open(form)

    def duplicate_event(self, event_id: str) -> EventForm | None:
        from .view import EventForm

        event = self._read(event_id)
        if event is None:
            return None
        form = EventForm(lambda new: self._add(new, copy=True), event=replace(event, id=""), parent=self.parent_widget)
        form.setWindowTitle(_("Copie de « ") + one_line(event.title) + _(" »"))
        return self._open(form)

    def edit_event(self, event_id: str) -> EventForm | None:
        from .view import EventForm

        if self.form is not None and self.form.isVisible() and self.form.event_id == event_id:
            return _forward(self.form)  # its form is open already: a second would undo the first's changes
        event = self._read(event_id)
        if event is None:
            return None
        form = EventForm(lambda new: self._edit(event, new), event=event, parent=self.parent_widget)
        return self._open(form)

    def delete_event(self, event_id: str) -> bool:
        from ...services import events
        from ..undo_commands import DeleteEvent

        ref = self.ref
        event = self._read(event_id)
        if ref is None or event is None:
            return False
        try:
            links = timeline.links_of_event(ref.store, ref.case_id, event_id)
            events.remove_event(ref.store, ref.case_id, event_id)
        except UserError as exc:
            self.ask.error(exc.message)
            return False
        self.undo.push(DeleteEvent(ref, event, links))  # the status line says it (ui.feedback)
        return True

    def _open(self, form: EventForm) -> EventForm:
        self.form = form
        self._ask_before_dropping(form)
        form.open()
        return form

    def _ask_before_dropping(self, form: KeepsTyping) -> None:
        form.mark_clean()
        form.confirm_discard = lambda: self.ask.confirm(*discard_question())

    def _read(self, event_id: str) -> Event | None:
        if self.ref is None:
            return None
        try:
            return timeline.read_event(self.ref.store, self.ref.case_id, event_id)
        except UserError as exc:
            self.ask.error(exc.message)
            return None

    def _add(self, event: Event, copy: bool = False) -> list[Problem]:
        from ...services import events
        from ..undo_commands import AddEvent

        ref = self.ref
        if ref is None:
            return [Problem("", _("Aucune affaire ouverte."))]
        if not event.id:
            event = replace(event, id=timeline.new_event_id(ref.store, ref.case_id, event.kind))
        try:
            events.add_event_object(ref.store, ref.case_id, event)
        except UserError as exc:
            return problems_of(exc)
        self.undo.push(AddEvent(ref, event, copy))
        self.event_saved.emit(event.id)
        return []

    def _edit(self, old: Event, new: Event) -> list[Problem]:
        from ...services import events
        from ..undo_commands import EditEvent

        ref = self.ref
        if ref is None:
            return [Problem("", _("Aucune affaire ouverte."))]
        if new == old:
            return []
        try:
            if timeline.read_event(ref.store, ref.case_id, old.id) != old:
                # Changed in another window (or by the command) since this form opened: not overwritten.
                return [Problem("", _("Cet événement a changé depuis l'ouverture de ce formulaire (dans une autre fenêtre ou par la commande dossier) : fermez-le et rouvrez-le pour repartir de la version enregistrée."))]
            events.replace_event(ref.store, ref.case_id, old.id, new)
            # As stored, which is what an undo will expect to find.
            new = timeline.read_event(ref.store, ref.case_id, new.id)
        except UserError as exc:
            return problems_of(exc)
        self.undo.push(EditEvent(ref, old, new))
        self.event_saved.emit(new.id)
        return []

    # --- links -------------------------------------------------------------------------------
    def link(self, exhibits: list[Exhibit], event_id: str, pages: str | None = None) -> int:
        """Link each exhibit not yet linked to the event; one undo step for them all."""
        from ...services import exhibits as exhibit_service
        from ..undo_commands import Link

        ref = self.ref
        if ref is None:
            return 0
        todo = [x for x in exhibits if not any(link.event_id == event_id for link in x.links)]
        if not todo:
            self.status.emit(_("Déjà liée à cet événement."))
            return 0
        self.undo.beginMacro(_("lien de pièces"))
        done = 0
        try:
            for exhibit in todo:
                try:
                    exhibit_service.link(ref.store, ref.case_id, exhibit.sha256, event_id, pages)
                except UserError as exc:
                    self.ask.error(exc.message)
                    break
                self.undo.push(Link(ref, exhibit, event_id, pages))
                done += 1
        finally:
            self.undo.endMacro()
        if done:
            self.status.emit(ngettext("{done} pièce liée \u2014 Ctrl+Z pour annuler.", "{done} pièces liées \u2014 Ctrl+Z pour annuler.", done).format(done=done))
        return done

    def unlink(self, exhibit: Exhibit, event_id: str) -> bool:
        from ...services import exhibits
        from ..undo_commands import Link

        ref = self.ref
        if ref is None:
            return False
        pages = next((link.pages for link in exhibit.links if link.event_id == event_id), None)
        try:
            exhibits.unlink(ref.store, ref.case_id, exhibit.sha256, event_id)
        except UserError as exc:
            self.ask.error(exc.message)
            return False
        self.undo.push(Link(ref, exhibit, event_id, pages, unlink=True))
        return True

    def pick_exhibits_for(self, event_id: str, title: str, exhibits: list[Exhibit]) -> LinkPicker:
        from ..exhibits.pickers import Choice, LinkPicker

        title = one_line(title)
        choices = [Choice(x.sha256, _exhibit_label(x), any(link.event_id == event_id for link in x.links),
                          kind_icon(x.suggested_kind) if x.suggested_kind else None) for x in exhibits]
        picker = LinkPicker(_("Pièces qui prouvent l'événement"),
                            _("Cochez les pièces qui prouvent « {title} ».").format(title=title),
                            choices, self.parent_widget)
        by_sha = {x.sha256: x for x in exhibits}

        def apply() -> None:
            added, removed = picker.changes()
            self.undo.beginMacro(_("liens de pièces"))
            try:
                self.link([by_sha[s] for s in added], event_id, picker.pages_text()) if added else None
                for sha in removed:
                    self.unlink(by_sha[sha], event_id)
            finally:
                self.undo.endMacro()

        picker.accepted.connect(apply)
        self.picker = picker
        picker.open()
        return picker

    def pick_events_for(self, exhibit: Exhibit, rows: list[TimelineRow]) -> LinkPicker:
        from ..exhibits.pickers import Choice, LinkPicker

        linked = {link.event_id for link in exhibit.links}
        choices = [Choice(r.id, f"{short_day(r.day)} — {label(r.kind)} — {one_line(r.title)}",
                          r.id in linked, kind_icon(r.kind)) for r in rows]
        picker = LinkPicker(_("Événements prouvés par la pièce"),
                            _("Cochez les événements que « {title} » prouve.").format(title=one_line(exhibit.title)), choices, self.parent_widget)

        def apply() -> None:
            added, removed = picker.changes()
            self.undo.beginMacro(_("liens de pièce"))
            try:
                for event_id in added:
                    self.link([exhibit], event_id, picker.pages_text())
                for event_id in removed:
                    self.unlink(exhibit, event_id)
            finally:
                self.undo.endMacro()

        picker.accepted.connect(apply)
        self.picker = picker
        picker.open()
        return picker

    # --- exhibits ----------------------------------------------------------------------------
    def edit_exhibit(self, exhibit: Exhibit) -> ExhibitDialog:
        from ...services import exhibits
        from ..exhibits.pickers import ExhibitDialog
        from ..undo_commands import SetExhibit

        if self.exhibit_dialog is not None and self.exhibit_dialog.isVisible() \
                and self.exhibit_dialog.sha256 == exhibit.sha256:
            return _forward(self.exhibit_dialog)
        frames = exhibits.frames_of(self.ref.store, exhibit) if self.ref is not None else 0
        dialog = ExhibitDialog(exhibit, self.parent_widget, frames=frames)

        def apply() -> None:
            ref = self.ref
            if ref is None:
                return
            wanted = dialog.all_frames_wanted()
            new = replace(exhibit, title=dialog.title.text().strip(), date=dialog.day(),
                          include=dialog.include.isChecked(), password=dialog.password_text(),
                          all_frames=exhibit.all_frames if wanted is None else wanted)
            if new == exhibit:
                return
            try:
                new = exhibits.edit_exhibit(
                    ref.store, ref.case_id, exhibit.sha256, title=new.title, day=new.date, include=new.include,
                    password=new.password, expected=exhibit,
                    all_frames=exhibits.KEEP if new.all_frames == exhibit.all_frames else new.all_frames)
            except exhibits.WrongPassword as exc:
                # The form opens again as it was, the problem under it: nothing typed is lost.
                dialog.show_problem(exc.message)
                dialog.open()
                return
            except UserError as exc:
                self.ask.error(exc.message)
                return
            self.undo.push(SetExhibit(ref, exhibit, new))

        dialog.accepted.connect(apply)
        self.exhibit_dialog = dialog
        self._ask_before_dropping(dialog)
        dialog.open()
        return dialog

    def remove_exhibit(self, exhibit: Exhibit) -> bool:
        from ..undo_commands import RemoveExhibit

        if self.ref is None:
            return False
        if not self.ask.confirm(_("Retirer la pièce"),
                                _("Retirer « {title} » de l'affaire ? Ctrl+Z la remettra.").format(title=one_line(exhibit.title)),
                                _("Retirer")):
            return False
        self.undo.push(RemoveExhibit(self.ref, exhibit))
        return True


def discard_question() -> tuple[str, str, str]:
    """The title, text and button of the question asked before a form with changes is closed."""
    return (_("Modifications non enregistrées"),
            _("Fermer ce formulaire sans enregistrer ? Ce que vous y avez tapé sera perdu."),
            _("Fermer sans enregistrer"))


def _forward(dialog: D) -> D:
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def _exhibit_label(exhibit: Exhibit) -> str:
    number = f"n° {exhibit.number} — " if exhibit.number else ""
    day = f" ({short_day(exhibit.date)})" if exhibit.date else ""
    return f"{number}{one_line(exhibit.title)}{day}"
