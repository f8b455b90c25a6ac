"""Every change to a case as a ``QUndoCommand`` over the services.

A command is pushed once the change has been made (so that a refused change never reaches
the stack and its problems can be shown in the form); its first ``redo`` therefore does
nothing.  Exhibits are named by their file's hash, which survives an undo and a redo, while
their row ids do not.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand

from ..domain.errors import UserError
from ..domain.model import Case, Event, Exhibit
from ..i18n import _, ngettext
from ..services import cases, events, exhibits, importing, session, timeline
from ..store.home import temporary_folder
from .case_ref import CaseRef
from .case_session import Change
from .labels import one_line

log = logging.getLogger(__name__)


class CaseCommand(QUndoCommand):
    """One step: ``text`` is what the Edit menu shows after « Annuler » (« ajout de « … » »), ``done``
    the sentence the status line says once it is saved (``ui.feedback``)."""

    def __init__(self, ref: CaseRef, text: str, done: str = "") -> None:
        super().__init__(text)
        self.ref = ref
        self.done = done or text
        self.times_done = 0  # 1 once pushed; more when redone
        self.failed = False  # the last undo or redo did not happen (it said why)
        self.quiet = False
        self._first = True

    def redo(self) -> None:
        self.times_done += 1
        self.failed = False
        if self._first:
            self._first = False  # done before it was pushed: the views still have to hear of it
        else:
            self._guard(self.apply)
            self._drop_if_failed()
        self.ref.changed(self.change())

    def undo(self) -> None:
        self.failed = False
        self._guard(self.revert)
        self._drop_if_failed()
        self.ref.changed(self.change())

    def _drop_if_failed(self) -> None:
        # A step that could not be undone stays done in the store: the stack must not say otherwise
        # (offering to redo what is already there).  An obsolete step is taken off the stack by Qt.
        if self.failed:
            self.setObsolete(True)

    def _guard(self, action: Callable[[], None]) -> None:
        # The store may have changed under us (another program, a deleted file): say so, keep going.
        try:
            action()
        except UserError as exc:
            self.failed = True
            self.ref.report(exc.message)
        except Exception:
            self.failed = True
            log.exception("undo/redo of %s", self.text())
            self.ref.report(_("Cette action n'a pas pu être refaite ou annulée."))

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def change(self) -> Change:
        """What doing or undoing this step touches (the same both ways)."""
        raise NotImplementedError


def changed_since(what: str) -> UserError:
    """Ctrl+Z on something changed since by another window or the command: refused, that change kept."""
    return UserError(_("{what} a changé depuis (dans une autre fenêtre ou par la commande dossier) : rien n'a été annulé ni refait, pour ne pas effacer ce changement.").format(what=what))


class AddEvent(CaseCommand):
    def __init__(self, ref: CaseRef, event: Event, copy: bool = False) -> None:
        title = one_line(event.title)
        super().__init__(ref, _("ajout de « {title} »").format(title=title),
                         _("Copie enregistrée : « {title} ».").format(title=title) if copy
                         else _("Événement « {title} » enregistré.").format(title=title))
        self.event = event

    def apply(self) -> None:
        events.add_event_object(self.ref.store, self.ref.case_id, self.event)

    def revert(self) -> None:
        events.remove_event(self.ref.store, self.ref.case_id, self.event.id)

    def change(self) -> Change:
        return Change.of_events([self.event.id])


class EditEvent(CaseCommand):
    def __init__(self, ref: CaseRef, old: Event, new: Event) -> None:
        title = one_line(new.title)
        super().__init__(ref, _("modification de « {title} »").format(title=title),
                         _("Événement « {title} » modifié.").format(title=title))
        self.old = old
        self.new = new

    def _swap(self, stored: Event, wanted: Event) -> None:
        try:
            current = timeline.read_event(self.ref.store, self.ref.case_id, stored.id)
        except UserError:
            current = None
        if current != stored:
            raise changed_since(_("L'événement « {title} »").format(title=one_line(stored.title)))
        events.replace_event(self.ref.store, self.ref.case_id, stored.id, wanted)

    def apply(self) -> None:
        self._swap(self.old, self.new)

    def revert(self) -> None:
        self._swap(self.new, self.old)

    def change(self) -> Change:
        # A new id moves the exhibits' links with it: the exhibit panel names events by id.
        return Change.of_events({self.old.id, self.new.id}, exhibits=self.old.id != self.new.id)


class DeleteEvent(CaseCommand):
    """Its undo puts back the event and the exhibits' links to it."""

    def __init__(self, ref: CaseRef, event: Event, links: list[timeline.EventLink]) -> None:
        title = one_line(event.title)
        super().__init__(ref, _("suppression de « {title} »").format(title=title),
                         _("« {title} » supprimé \u2014 Ctrl+Z pour le rétablir.").format(title=title))
        self.event = event
        self.links = links

    def apply(self) -> None:
        self.links = timeline.links_of_event(self.ref.store, self.ref.case_id, self.event.id)
        events.remove_event(self.ref.store, self.ref.case_id, self.event.id)

    def revert(self) -> None:
        timeline.restore_event(self.ref.store, self.ref.case_id, self.event, self.links)

    def change(self) -> Change:
        return Change.of_events([self.event.id], exhibits=bool(self.links))


class Link(CaseCommand):
    def __init__(self, ref: CaseRef, exhibit: Exhibit, event_id: str, pages: str | None, unlink: bool = False) -> None:
        title = one_line(exhibit.title)
        if unlink:
            super().__init__(ref, _("retrait du lien de « {title} »").format(title=title),
                             _("Pièce « {title} » déliée de l'événement.").format(title=title))
        else:
            super().__init__(ref, _("lien de « {title} »").format(title=title),
                             _("Pièce « {title} » liée à l'événement.").format(title=title))
        self.sha = exhibit.sha256
        self.event_id = event_id
        self.pages = pages
        self.unlink = unlink

    def _link(self) -> None:
        exhibits.link(self.ref.store, self.ref.case_id, self.sha, self.event_id, self.pages)

    def _unlink(self) -> None:
        exhibits.unlink(self.ref.store, self.ref.case_id, self.sha, self.event_id)

    def apply(self) -> None:
        (self._unlink if self.unlink else self._link)()

    def revert(self) -> None:
        (self._link if self.unlink else self._unlink)()

    def change(self) -> Change:
        return Change.of_events([self.event_id], exhibits=True)


class SetExhibit(CaseCommand):
    def __init__(self, ref: CaseRef, old: Exhibit, new: Exhibit) -> None:
        title = one_line(new.title)
        super().__init__(ref, _("modification de la pièce « {title} »").format(title=title),
                         _("Pièce « {title} » modifiée.").format(title=title))
        self.old = old
        self.new = new
        self.reverted_to = old

    def _set(self, stored: Exhibit, exhibit: Exhibit) -> None:
        # The animation setting only when it changes: the service refuses it on an exhibit that is no animation.
        frames = exhibits.KEEP if exhibit.all_frames == stored.all_frames else exhibit.all_frames
        exhibits.edit_exhibit(self.ref.store, self.ref.case_id, exhibit.sha256, title=exhibit.title,
                              day=exhibit.date, include=exhibit.include, password=exhibit.password,
                              all_frames=frames, expected=stored)

    def apply(self) -> None:
        self._set(self.reverted_to, self.new)

    def revert(self) -> None:
        # A password that opens the PDF is a fact about its file, not a choice to take back: the
        # service refuses to take it away, so an undo puts back the rest and keeps it.
        target = self.old
        if self.new.password and not self.old.password:
            target = replace(self.old, password=self.new.password)
        self._set(self.new, target)
        self.reverted_to = target

    def change(self) -> Change:
        return Change(exhibits=True)


class TakeOut:
    """Exhibits and events taken out of a case, with copies of the files to put them back."""

    def __init__(self, home: Path) -> None:
        # Inside the home, like all the program's temporary work: never the system's shared folder.
        self.folder = Path(tempfile.mkdtemp(prefix="undo-", dir=temporary_folder(home)))
        # The copies go when the command goes (the stack cleared, the window closed).
        weakref.finalize(self, shutil.rmtree, self.folder, True)
        self.exhibits: list[tuple[Exhibit, Path]] = []
        self.events: list[Event] = []

    def take(self, ref: CaseRef, shas: list[str], event_ids: list[str]) -> None:
        self.exhibits = []
        for sha in shas:
            exhibit = exhibits.find_exhibit(ref.store, ref.case_id, sha)
            copy = exhibits.stash_exhibit_file(ref.store, exhibit, self.folder)
            self.exhibits.append((exhibit, copy))
        self.events = [timeline.read_event(ref.store, ref.case_id, e) for e in event_ids]
        for exhibit, _copy in self.exhibits:
            exhibits.remove_exhibit(ref.store, ref.case_id, exhibit.sha256)
        for event in self.events:
            events.remove_event(ref.store, ref.case_id, event.id)

    def put_back(self, ref: CaseRef) -> None:
        for event in self.events:
            timeline.restore_event(ref.store, ref.case_id, event)
        for exhibit, copy in self.exhibits:
            exhibits.restore_exhibit(ref.store, ref.case_id, exhibit, copy)


class Import(CaseCommand):
    """Its undo removes the exhibits added and the invoices a CSV list created."""

    def __init__(self, ref: CaseRef, result: importing.ImportResult) -> None:
        count = len(result.added)
        super().__init__(ref, ngettext("import de {count} fichier", "import de {count} fichiers", count).format(count=count),
                         ngettext("Import terminé : {count} pièce ajoutée.", "Import terminé : {count} pièces ajoutées.",
                                  count).format(count=count))
        self.shas = [item.exhibit.sha256 for item in result.added if item.exhibit is not None]
        self.event_ids = [invoice.id for item in result.added for invoice in item.invoices]
        # The events the new exhibits prove: their count of exhibits changes.
        self.linked = {link.event_id for item in result.added if item.exhibit is not None
                       for link in item.exhibit.links}
        self.taken = TakeOut(ref.store.home)

    def apply(self) -> None:
        self.taken.put_back(self.ref)

    def revert(self) -> None:
        self.taken.take(self.ref, self.shas, self.event_ids)

    def change(self) -> Change:
        return Change.of_events({*self.event_ids, *self.linked}, exhibits=True)


class RemoveExhibit(CaseCommand):
    def __init__(self, ref: CaseRef, exhibit: Exhibit) -> None:
        title = one_line(exhibit.title)
        super().__init__(ref, _("retrait de la pièce « {title} »").format(title=title),
                         _("Pièce « {title} » retirée de l'affaire \u2014 Ctrl+Z pour la remettre.").format(title=title))
        self.sha = exhibit.sha256
        self.taken = TakeOut(ref.store.home)
        self._first = False  # taken out by the command itself, so that the file is kept first

    def apply(self) -> None:
        self.taken.take(self.ref, [self.sha], [])

    def revert(self) -> None:
        self.taken.put_back(self.ref)

    def change(self) -> Change:
        return Change.of_events({link.event_id for exhibit, _copy in self.taken.exhibits for link in exhibit.links},
                                exhibits=True)


class EditCase(CaseCommand):
    def __init__(self, ref: CaseRef, old: Case, new: Case) -> None:
        title = one_line(new.title)
        if old.title != new.title and replace(old, title=new.title) == new:
            super().__init__(ref, _("renommage de l'affaire en « {title} »").format(title=title),
                             _("Affaire renommée : « {title} ».").format(title=title))
        else:
            super().__init__(ref, _("modification de l'affaire"), _("Affaire « {title} » enregistrée.").format(title=title))
        self.old = old
        self.new = new

    def apply(self) -> None:
        cases.update_case(self.ref.store, self.ref.case_id, self.new)

    def revert(self) -> None:
        cases.update_case(self.ref.store, self.ref.case_id, self.old)

    def change(self) -> Change:
        return Change(case=True)


class CreateCase(CaseCommand):
    """A new case.  Undone, it is deleted, only while it is as it was made (nothing added, nothing
    changed); redone, it is made again.  Either way the window then opens another case, whose
    steps start afresh: ``moved(step, undone)`` opens it, once this step is over, and puts the
    step back on the new case's stack (quietly, ``placed``), so that Ctrl+Z and Ctrl+Maj+Z go on."""

    def __init__(self, ref: CaseRef, case: Case, previous: int | None,
                 moved: Callable[[CreateCase, bool | None], None]) -> None:
        title = one_line(case.title)
        super().__init__(ref, _("création de l'affaire « {title} »").format(title=title),
                         _("Affaire « {title} » créée.").format(title=title))
        self.case = replace(case, id=None)
        self.case_id = ref.case_id
        self.previous = previous  # the case open before: where an undo goes back to
        self.moved = moved
        self.placing = True  # the next redo or undo only puts the step where it stands
        self.delete_where = ""  # the menu entry that deletes a case, as the menus say it

    def redo(self) -> None:
        self.times_done += 1
        self.failed = False
        if self.placing:
            self.placing = False
            return
        self._guard(self.apply)
        self._drop_if_failed()  # not made: no « Annuler » of a case that is not there
        if not self.failed:
            QTimer.singleShot(0, lambda: self.moved(self, False))

    def undo(self) -> None:
        self.failed = False
        if self.placing:
            self.placing = False
            return
        self._guard(self.revert)
        # Refused (the case holds something now): the step is put back as done, not left to be redone.
        QTimer.singleShot(0, lambda: self.moved(self, None if self.failed else True))

    def apply(self) -> None:
        self.case_id = cases.create_case(self.ref.store, self.case)

    def revert(self) -> None:
        store = self.ref.store
        title = one_line(self.case.title)
        if not session.case_exists(store, self.case_id):
            raise UserError(_("L'affaire « {title} » n'existe plus.").format(title=title))
        line = next((x for x in session.case_lines(store) if x.id == self.case_id), None)
        if (line is None or line.events or line.exhibits
                or replace(cases.read_case(store, self.case_id), id=None) != self.case):
            if not self.delete_where:
                raise UserError(_("L'affaire « {title} » a changé depuis sa création : elle est gardée.").format(title=title))
            raise UserError(_("L'affaire « {title} » a changé depuis sa création : elle est gardée. Pour la supprimer : {where}.").format(title=title, where=self.delete_where))
        cases.delete_case(store, self.case_id)

    def change(self) -> Change:
        return Change(case=True)


class AddLetter(CaseCommand):
    """A letter added to the case (``letters.add_to_case``): its registered-letter event and the letter as
    its exhibit.  Its undo takes both out, keeping a copy of the file to put them back."""

    def __init__(self, ref: CaseRef, event_id: str, title: str, shas: list[str]) -> None:
        title = one_line(title)
        super().__init__(ref, _("ajout de la lettre « {title} »").format(title=title),
                         _("Lettre « {title} » ajoutée au dossier, avec sa pièce.").format(title=title))
        self.event_id = event_id
        self.shas = shas  # the exhibits it brought (none when the same file was already a pièce)
        self.taken = TakeOut(ref.store.home)

    def apply(self) -> None:
        self.taken.put_back(self.ref)

    def revert(self) -> None:
        self.taken.take(self.ref, self.shas, [self.event_id])

    def change(self) -> Change:
        return Change.of_events([self.event_id], exhibits=True)
