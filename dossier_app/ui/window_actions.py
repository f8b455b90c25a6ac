"""The window's menus: every action has a menu entry and, where there is a standard one, its shortcut."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from ..i18n import _, pgettext

Key = QKeySequence.StandardKey | str


@dataclass(eq=False, repr=False)  # a holder: its __init__ only (each generated method costs the start a little)
class WindowActions:
    new_case: QAction
    open_case_file: QAction
    dump_case: QAction
    import_files: QAction
    export_dossier: QAction
    archive_case: QAction
    restore_archive: QAction
    verify_exhibits: QAction
    preferences: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    new_event: QAction
    edit_event: QAction
    duplicate_event: QAction
    delete: QAction
    link_exhibits: QAction
    find: QAction
    show_all: QAction
    edit_case: QAction
    rename_case: QAction
    delete_case: QAction
    link_events: QAction
    edit_exhibit: QAction
    remove_exhibit: QAction
    focus_cases: QAction
    focus_timeline: QAction
    focus_exhibits: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_all: QAction
    show_claims: QAction
    show_rates: QAction
    add_rate: QAction
    show_readiness: QAction
    draft_letter: QAction
    show_calendar: QAction
    guide: QAction
    shortcuts: QAction
    about: QAction


def _action(window: QMainWindow, text: str, *keys: Key, tip: str = "") -> QAction:
    action = QAction(text, window)
    shortcuts: list[QKeySequence] = []
    for key in keys:
        for sequence in (QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey)
                         else [QKeySequence(key)]):
            if sequence not in shortcuts:
                shortcuts.append(sequence)
    action.setShortcuts(shortcuts)
    if tip:
        action.setStatusTip(tip)
    window.addAction(action)
    return action


def build_actions(window: QMainWindow, undo: QUndoStack) -> WindowActions:
    """Create the actions and the menus; each feature's controller connects its own (``on``)."""
    std = QKeySequence.StandardKey
    undo_action = undo.createUndoAction(window, pgettext("undo", "Annuler"))
    undo_action.setShortcuts(QKeySequence.keyBindings(std.Undo))
    redo_action = undo.createRedoAction(window, _("Rétablir"))
    redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), *[k for k in QKeySequence.keyBindings(std.Redo)
                                                               if k != QKeySequence("Ctrl+Shift+Z")]])
    window.addAction(undo_action)
    window.addAction(redo_action)
    a = WindowActions(
        new_case=_action(window, _("&Nouvelle affaire\u2026"), "Ctrl+Shift+N"),
        open_case_file=_action(window, _("&Ouvrir un fichier d'affaire\u2026"),
                               std.Open, tip=_("Charger une affaire au format d'échange (.json)")),
        dump_case=_action(window, _("&Enregistrer au format d'échange\u2026"),
                          "Ctrl+Shift+S"),
        import_files=_action(window, _("&Ajouter des pièces\u2026"), "Ctrl+I",
                             tip=_("Ou glissez les fichiers dans la fenêtre")),
        export_dossier=_action(window, _("E&xporter le dossier PDF\u2026"), std.Print,
                               tip=_("Le dossier à remettre à l'avocat : faits, décompte, bordereau, pièces")),
        archive_case=_action(window, _("Ar&chiver l'affaire\u2026"),
                             tip=_("Un seul fichier .dossier avec l'affaire et ses pièces")),
        restore_archive=_action(window, _("&Restaurer une archive\u2026")),
        verify_exhibits=_action(window, _("&Vérifier les fichiers des pièces")),
        preferences=_action(window, _("&Préférences\u2026"), std.Preferences, "Ctrl+,"),
        quit=_action(window, _("&Quitter"), std.Quit, "Ctrl+Q"),
        undo=undo_action,
        redo=redo_action,
        new_event=_action(window, _("&Nouvel événement\u2026"), std.New),
        edit_event=_action(window, _("&Modifier l'événement\u2026"), "Ctrl+E"),
        duplicate_event=_action(window, _("&Dupliquer l'événement\u2026"),
                                "Ctrl+D"),
        # The Delete key alone: the platform's "Delete" bindings add Ctrl+D on X11, which is Duplicate here.
        delete=_action(window, _("&Supprimer"), "Del",
                       tip=_("Supprime l'événement choisi (ou retire la pièce choisie)")),
        link_exhibits=_action(window, _("&Lier des pièces à l'événement\u2026"),
                              "Ctrl+L"),
        find=_action(window, _("&Rechercher"), std.Find),
        show_all=_action(window, _("&Tout afficher (sans filtre)"),
                         "Ctrl+Shift+A"),
        edit_case=_action(window, _("&Modifier l'affaire\u2026"), "Ctrl+Shift+E"),
        rename_case=_action(window, _("&Renommer l'affaire\u2026"), "F2"),
        delete_case=_action(window, _("&Supprimer l'affaire\u2026")),
        link_events=_action(window, _("&Lier la pièce à des événements\u2026"),
                            "Ctrl+Shift+L"),
        edit_exhibit=_action(window, _("&Modifier la pièce\u2026"),
                             "Ctrl+Shift+P"),
        remove_exhibit=_action(window, _("&Retirer la pièce\u2026")),
        focus_cases=_action(window, _("Aller aux &affaires"), "Ctrl+1"),
        focus_timeline=_action(window, _("Aller à la &chronologie"), "Ctrl+2"),
        focus_exhibits=_action(window, _("Aller aux &pièces"), "Ctrl+3"),
        zoom_in=_action(window, _("&Zoomer la frise"), std.ZoomIn, "Ctrl+="),
        zoom_out=_action(window, _("&Dézoomer la frise"), std.ZoomOut),
        zoom_all=_action(window, _("Toute la &frise"), "Ctrl+0"),
        show_claims=_action(window, _("Somm&es dues"), "Ctrl+4"),
        show_rates=_action(window, _("&Taux d'intérêt\u2026")),
        add_rate=_action(window, _("&Ajouter un taux BCE\u2026")),
        show_readiness=_action(window, _("&Vérification du dossier"), "Ctrl+5"),
        draft_letter=_action(window, _("Rédiger une &lettre\u2026"), "Ctrl+Shift+M"),
        show_calendar=_action(window, _("Calendr&ier de la procédure"), "Ctrl+6"),
        guide=_action(window, _("&Guide"), std.HelpContents, "F1"),
        shortcuts=_action(window, _("&Raccourcis clavier")),
        about=_action(window, _("À &propos de Dossier")),
    )
    bar = window.menuBar()
    menus = (
        (_("&Fichier"), (a.new_case, a.open_case_file, a.dump_case, None, a.import_files, None, a.export_dossier,
                         None, a.archive_case, a.restore_archive, a.verify_exhibits, None, a.preferences, None,
                         a.quit)),
        (_("É&dition"), (a.undo, a.redo, None, a.new_event, a.edit_event, a.duplicate_event, a.delete,
                                  a.link_exhibits, None, a.find, a.show_all)),
        (_("&Affaire"), (a.new_case, a.edit_case, a.rename_case, a.delete_case, None, a.show_claims,
                         a.show_rates, a.add_rate, None, a.show_readiness, a.show_calendar, a.draft_letter,
                         a.export_dossier)),
        (_("&Pièces"), (a.import_files, a.link_events, a.edit_exhibit, a.remove_exhibit)),
        (_("Afficha&ge"), (a.focus_cases, a.focus_timeline, a.focus_exhibits, None, a.zoom_in, a.zoom_out,
                                    a.zoom_all, None, a.show_claims, a.show_readiness, a.show_calendar)),
        (_("A&ide"), (a.guide, a.shortcuts, None, a.about)),
    )
    for title, entries in menus:
        menu = bar.addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            else:
                menu.addAction(entry)
    return a


def on(action: QAction, handler: Callable[[], object]) -> None:
    """``handler`` runs when ``action`` is triggered (its ``checked`` argument left out)."""
    action.triggered.connect(lambda _checked=False: handler())


def with_context_menu(widget: QWidget, actions: list[QAction]) -> None:
    """Right-click on ``widget`` offers these actions (what the menus offer, where it applies)."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    widget.addActions(actions)


class DeleteByFocus:
    """Delete acts on what has the focus: each feature registers its view and what Delete does there."""

    def __init__(self, default: Callable[[], object] | None = None) -> None:
        self.default = default
        self._targets: list[tuple[QWidget, Callable[[], object]]] = []

    def register(self, view: QWidget, handler: Callable[[], object]) -> None:
        self._targets.append((view, handler))

    def __call__(self) -> None:
        widget = QApplication.focusWidget()
        while widget is not None:
            for view, handler in self._targets:
                if widget is view:
                    handler()
                    return
            widget = widget.parentWidget()
        if self.default is not None:
            self.default()
