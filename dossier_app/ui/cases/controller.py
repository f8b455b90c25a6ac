"""Cases: the list and its amounts, the header, and new, edit, rename, delete, load, dump."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction

from ...domain.errors import Problem, UserError
from ...domain.file_names import title_stem
from ...i18n import _, ngettext
from ...services import session
from ...services.session import Outstanding
from ..ask import Ask, problems_of
from ..case_ref import CaseRef
from ..case_session import CaseSession, Change
from ..feedback import Feedback
from ..labels import one_line
from ..window_actions import DeleteByFocus, WindowActions, on, with_context_menu
from ..workers import Latest, Progress
from .view import CaseHeader, CasesView

if TYPE_CHECKING:
    from ...domain.model import Case
    from ..undo_commands import CreateCase
    from .form import CaseForm

# The forms and the services behind the buttons load when first used: the window must paint fast.


class CasesController(QObject):
    """The case list and its amounts, the open case's header, and the case actions."""

    case_chosen = Signal(object)  # a case id, or None when there is none left

    def __init__(self, session: CaseSession, panel: CasesView, header: CaseHeader, ask: Ask,
                 status: Callable[[str, int], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.store = session.store
        self.undo = session.undo
        self.ask = ask
        self.panel = panel
        self.header = header
        self.model = panel.model
        self.view = panel.list
        # The status line after each step saved, undone or redone, and after what cannot be undone.
        self.feedback = Feedback(session.undo, status, session.undo)  # it goes with the stack
        self.form: CaseForm | None = None
        self.amounts = Latest(self)
        self._known: dict[int, Outstanding] = {}  # each case's amount, and the claims count it was worked from
        self.waits_for: Callable[[], bool] = lambda: False  # something else reads first
        self.waiting = False
        self._own: list[QAction] = []
        self._actions: WindowActions | None = None  # the menus, named in the welcome
        panel.case_chosen.connect(self.case_chosen)
        panel.new_button.clicked.connect(self.new_case)
        panel.edit_button.clicked.connect(self.edit_case)
        panel.delete_button.clicked.connect(self.delete_case)
        session.opened.connect(self._opened)
        session.changed.connect(self._changed)

    def register(self, a: WindowActions, delete: DeleteByFocus) -> None:
        for action, handler in ((a.new_case, self.new_case), (a.open_case_file, self.load_case),
                                (a.dump_case, self.dump_case), (a.edit_case, self.edit_case),
                                (a.rename_case, self.rename_case), (a.delete_case, self.delete_case),
                                (a.focus_cases, self.view.setFocus)):
            on(action, handler)
        with_context_menu(self.view, [a.new_case, a.edit_case, a.rename_case, a.delete_case])
        delete.register(self.panel, self.delete_case)
        self._own = [a.dump_case, a.edit_case, a.rename_case, a.delete_case]
        self._actions = a

    def current(self) -> CaseRef | None:
        return self.session.ref()

    def refresh(self) -> None:
        self.model.set_lines(session.case_lines(self.store))
        self.panel.show_current(self.session.case_id)

    def events_of(self, case_id: int) -> int | None:
        """How many events the list says the case has."""
        line = next((x for x in self.model.lines if x.id == case_id), None)
        return line.events if line is not None else None

    def _opened(self, case_id: int | None) -> None:
        self.refresh()
        self.show_header()

    def _changed(self, change: Change) -> None:
        if self.session.case_id is None:
            return
        self.refresh()  # its counts of events and exhibits
        if change.case:
            self.show_header()

    def show_header(self) -> None:
        line = next((x for x in self.model.lines if x.id == self.session.case_id), None)
        # Whenever the store holds the demo alone, however it came (not only on the run that made it).
        is_demo = line is not None and session.only_demo(self.model.lines)
        window = self.panel.window()
        if line is None:
            self.header.title.setText(_("Aucune affaire ouverte"))
            self.header.parties.setText("")
            window.setWindowTitle("Dossier")
        else:
            title = one_line(line.title)
            self.header.title.setText(title)
            self.header.parties.setText(f"{one_line(line.us)} / {one_line(line.them)}")
            window.setWindowTitle(f"{title} — Dossier")
        show_welcome = (is_demo or line is None) and self._actions is not None
        self.header.welcome.setText(welcome_text(is_demo, self._actions) if self._actions and show_welcome else "")
        self.header.welcome.setVisible(show_welcome)
        for action in self._own:
            action.setEnabled(line is not None)

    def changed_elsewhere(self, open_case_changed: bool) -> None:
        """The command or another window changed the store: show it as it is now."""
        self.refresh()
        case_id = self.session.case_id
        if case_id is not None and not session.case_exists(self.store, case_id):
            self.case_chosen.emit(None)
        elif open_case_changed:
            self.session.reopen()
        self.update_outstanding()

    # --- what each case leaves unpaid -----------------------------------------------------------
    def update_outstanding(self, *_: object) -> None:
        """What each case leaves unpaid, computed off the GUI thread (it reads whole cases)."""
        if self.amounts.closed:
            return
        if self.waits_for():
            # One thing at a time behind the window: the events first, then the amounts.
            self.waiting = True
            return
        self.waiting = False
        if not self.model.lines:
            return
        home, known = self.store.home, dict(self._known)

        def work(progress: Progress) -> dict[int, Outstanding]:
            from ...services.store_access import open_home

            store = open_home(home)
            try:
                # Only the cases whose claims changed since (in this window or elsewhere) are worked out.
                return session.outstanding_changed_since(store, known,
                                                         go_on=lambda done, total: progress(done, total, ""))
            finally:
                store.close()

        self.amounts.run(work, self._outstanding_known)

    def resume(self) -> None:
        """What the amounts waited for is over."""
        if self.waiting:
            self.update_outstanding()

    @property
    def busy(self) -> bool:
        return self.waiting or self.amounts.busy

    def _outstanding_known(self, amounts: dict[int, Outstanding]) -> None:
        for case_id, found in amounts.items():
            seen = self._known.get(case_id)
            if seen is None or seen.cents != found.cents:
                self.model.set_outstanding(case_id, found.cents)
        self._known = amounts

    # --- actions -------------------------------------------------------------------------------
    def new_case(self) -> CaseForm:
        from ...services import cases
        from .form import CaseForm

        def submit(case: Case) -> list[Problem]:
            if not self._same_title_agreed(case.title):
                return [Problem("title", _("Une autre affaire porte déjà ce nom : changez-le pour les distinguer."))]
            previous = self.session.case_id
            try:
                case_id = cases.create_case(self.store, case)
                made = cases.read_case(self.store, case_id)
            except UserError as exc:
                return problems_of(exc)
            self.refresh()
            self.case_chosen.emit(case_id)  # opened: its steps start with this one
            self._place(made, case_id, previous, undone=False, quiet=False)
            return []

        return self._open(CaseForm(submit, parent=self.panel.window()))

    def edit_case(self) -> CaseForm | None:
        ref = self.current()
        if ref is None:
            return None
        from ...services import cases
        from ..undo_commands import EditCase
        from .form import CaseForm

        old = cases.read_case(self.store, ref.case_id)

        def submit(case: Case) -> list[Problem]:
            new = replace(case, id=old.id)
            if new == old:
                return []
            try:
                cases.update_case(self.store, ref.case_id, case)
            except UserError as exc:
                return problems_of(exc)
            self.undo.push(EditCase(ref, replace(old, id=None), case))
            return []

        events = cases.read_case_file(self.store, ref.case_id).events  # the clauses' events are chosen from them
        return self._open(CaseForm(submit, old, parent=self.panel.window(), events=events))

    def rename_case(self) -> bool:
        ref = self.current()
        if ref is None:
            return False
        from ...services import cases
        from ..undo_commands import EditCase

        old = cases.read_case(self.store, ref.case_id)
        title = self.ask.text(_("Renommer l'affaire"), _("Nouveau nom :"), old.title)
        if title is None or title.strip() == old.title:
            return False
        if not self._same_title_agreed(title, ref.case_id):
            return False
        new = replace(old, title=title.strip(), id=None)
        try:
            cases.rename_case(self.store, ref.case_id, title.strip())
        except UserError as exc:
            self.ask.error(exc.message)
            return False
        self.undo.push(EditCase(ref, replace(old, id=None), new))
        return True

    def delete_case(self) -> bool:
        ref = self.current()
        if ref is None:
            return False
        line = next((x for x in self.model.lines if x.id == ref.case_id), None)
        title = one_line(line.title) if line else str(ref.case_id)
        from ..menu_words import menu_path

        keep = menu_path(self._actions.dump_case) if self._actions else _("Enregistrer au format d'échange")
        if not self.ask.confirm(
                _("Supprimer l'affaire"),
                _("Supprimer définitivement l'affaire « {title} », ses événements et ses pièces ?\nCela ne peut pas être annulé. (Pour la garder de côté : {where}.)").format(title=title, where=keep),
                _("Supprimer l'affaire")):
            return False
        from ...services import cases

        try:
            cases.delete_case(self.store, ref.case_id)
        except UserError as exc:
            self.ask.error(exc.message)
            return False
        self.refresh()
        remaining = self.model.lines
        self.case_chosen.emit(remaining[0].id if remaining else None)
        self.feedback.say(_("Affaire « {title} » supprimée.").format(title=title))
        return True

    def load_case(self) -> int | None:
        path = self.ask.open_file(_("Ouvrir un fichier d'affaire"),
                                  _("Affaire au format d'échange (*.json)"))
        if path is None:
            return None
        from ...services import interchange

        try:
            case_id = interchange.load_case(self.store, path)
        except UserError as exc:
            self.ask.error(exc.message)
            return None
        self.refresh()
        self.case_chosen.emit(case_id)
        line = next((x for x in self.model.lines if x.id == case_id), None)
        if line is not None:
            self.feedback.say(_("Affaire « {title} » ouverte depuis le fichier.").format(title=one_line(line.title)))
        return case_id

    def dump_case(self) -> Path | None:
        ref = self.current()
        if ref is None:
            return None
        line = next((x for x in self.model.lines if x.id == ref.case_id), None)
        suggested = title_stem(line.title if line else "affaire") + ".json"
        path = self.ask.save_file(_("Enregistrer au format d'échange"), suggested,
                                  _("Affaire (*.json)"))
        if path is None:
            return None
        if path.suffix.lower() != ".json":
            path = path.with_suffix(".json")
        files = path.parent / f"{path.stem}-pieces"
        from ...services import interchange

        try:
            interchange.dump_case(self.store, ref.case_id, path, files)
        except UserError as exc:
            self.ask.error(exc.message)
            return None
        self.ask.info(_("Affaire enregistrée dans {path}\net ses pièces dans {files}.").format(path=path, files=files))
        return path

    def _same_title_agreed(self, title: str, besides: int | None = None) -> bool:
        """No other case of that name, or the user wants a second one all the same."""
        others = session.same_title(self.store, title, besides)
        if not others:
            return True
        count = others[0].events
        return self.ask.confirm(
            _("Une affaire porte déjà ce nom"),
            ngettext("L'affaire « {title} » existe déjà ({count} événement). Deux affaires du même nom prêtent à confusion.\nGarder ce nom quand même ?",
                     "L'affaire « {title} » existe déjà ({count} événements). Deux affaires du même nom prêtent à confusion.\nGarder ce nom quand même ?",
                     count).format(title=one_line(others[0].title), count=count),
            _("Garder ce nom"))

    # --- a case made, undone, redone ----------------------------------------------------------
    def _place(self, case: Case, case_id: int, previous: int | None, undone: bool, quiet: bool = True) -> None:
        """Put the step that made the case on the open case's stack, as done or as undone."""
        from ..undo_commands import CreateCase

        step = CreateCase(CaseRef(self.store, case_id, self.session.report, self.session.changed.emit),
                          case, previous, self._creation_moved)
        step.quiet = quiet
        if self._actions is not None:
            from ..menu_words import menu_path

            step.delete_where = menu_path(self._actions.delete_case)
        self.undo.push(step)  # placed: it does nothing
        if undone:
            step.placing = True
            self.undo.undo()
        step.quiet = False

    def _creation_moved(self, step: CreateCase, undone: bool | None) -> None:
        """A case made was deleted by Ctrl+Z, or made again by Ctrl+Maj+Z: open where the user goes.
        ``undone`` None: its deletion was refused; the step goes back to done, quietly."""
        if undone is None:
            index = self.undo.index()
            if index < self.undo.count() and self.undo.command(index) is step:
                step.placing = step.quiet = True
                self.undo.redo()
                step.quiet = False
            return
        case, case_id, previous = step.case, step.case_id, step.previous
        self.refresh()
        if undone:
            known = {line.id for line in self.model.lines}
            target = previous if previous in known else (self.model.lines[0].id if self.model.lines else None)
        else:
            target = case_id
        if target == self.session.case_id:
            self.undo.clear()
            self.show_header()
        self.case_chosen.emit(target)
        self._place(case, case_id, previous, undone=undone)

    def _open(self, form: CaseForm) -> CaseForm:
        from ..events.controller import discard_question

        self.form = form
        form.mark_clean()
        form.confirm_discard = lambda: self.ask.confirm(*discard_question())
        form.setWindowModality(Qt.WindowModality.WindowModal)
        form.open()
        return form



def welcome_text(demo: bool, a: WindowActions) -> str:
    """The banner's words; the menu entries named as the menus say them (read from the actions)."""
    from ..menu_words import menu_path

    if demo:
        return _("Bienvenue ! Ceci est une affaire de démonstration, pour voir comment Dossier s'utilise. Pour commencer la vôtre : {new_case}, puis glissez vos documents dans la fenêtre.").format(new_case=menu_path(a.new_case))
    return _("Aucune affaire pour l'instant. Créez la vôtre : {new_case}, ou ouvrez un fichier d'affaire : {open_file}.").format(new_case=menu_path(a.new_case), open_file=menu_path(a.open_case_file))

