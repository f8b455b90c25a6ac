"""The window's menus: every action has a menu entry and, where there is a standard one, its shortcut."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow

from ..i18n import _, pgettext

Key = QKeySequence.StandardKey | str


@dataclass
class WindowActions:
    new_case: QAction
    open_case_file: QAction
    dump_case: QAction
    import_files: QAction
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


def _action(window: QMainWindow, text: str, handler: Callable[[], object], *keys: Key, tip: str = "") -> QAction:
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
    action.triggered.connect(lambda _checked=False: handler())
    window.addAction(action)
    return action


def build_actions(window: QMainWindow, undo: QUndoStack, h: dict[str, Callable[[], object]]) -> WindowActions:
    """Create the actions, wired to the handlers ``h`` (by the field names above), and the menus."""
    std = QKeySequence.StandardKey
    undo_action = undo.createUndoAction(window, pgettext("undo", "Annuler"))
    undo_action.setShortcuts(QKeySequence.keyBindings(std.Undo))
    redo_action = undo.createRedoAction(window, _("Rétablir"))
    redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), *[k for k in QKeySequence.keyBindings(std.Redo)
                                                               if k != QKeySequence("Ctrl+Shift+Z")]])
    window.addAction(undo_action)
    window.addAction(redo_action)
    a = WindowActions(
        new_case=_action(window, _("&Nouvelle affaire\u2026"), h["new_case"], "Ctrl+Shift+N"),
        open_case_file=_action(window, _("&Ouvrir un fichier d'affaire\u2026"), h["open_case_file"],
                               std.Open, tip=_("Charger une affaire au format d'échange (.json)")),
        dump_case=_action(window, _("&Enregistrer au format d'échange\u2026"),
                          h["dump_case"], "Ctrl+Shift+S"),
        import_files=_action(window, _("&Ajouter des pièces\u2026"), h["import_files"], "Ctrl+I",
                             tip=_("Ou glissez les fichiers dans la fenêtre")),
        quit=_action(window, _("&Quitter"), h["quit"], std.Quit, "Ctrl+Q"),
        undo=undo_action,
        redo=redo_action,
        new_event=_action(window, _("&Nouvel événement\u2026"), h["new_event"], std.New),
        edit_event=_action(window, _("&Modifier l'événement\u2026"), h["edit_event"], "Ctrl+E"),
        duplicate_event=_action(window, _("&Dupliquer l'événement\u2026"), h["duplicate_event"],
                                "Ctrl+D"),
        delete=_action(window, _("&Supprimer"), h["delete"], std.Delete,
                       tip=_("Supprime l'événement choisi (ou retire la pièce choisie)")),
        link_exhibits=_action(window, _("&Lier des pièces à l'événement\u2026"),
                              h["link_exhibits"], "Ctrl+L"),
        find=_action(window, _("&Rechercher"), h["find"], std.Find),
        show_all=_action(window, _("&Tout afficher (sans filtre)"), h["show_all"],
                         "Ctrl+Shift+A"),
        edit_case=_action(window, _("&Modifier l'affaire\u2026"), h["edit_case"], "Ctrl+Shift+E"),
        rename_case=_action(window, _("&Renommer l'affaire\u2026"), h["rename_case"], "F2"),
        delete_case=_action(window, _("&Supprimer l'affaire\u2026"), h["delete_case"]),
        link_events=_action(window, _("&Lier la pièce à des événements\u2026"),
                            h["link_events"], "Ctrl+Shift+L"),
        edit_exhibit=_action(window, _("&Modifier la pièce\u2026"), h["edit_exhibit"],
                             "Ctrl+Shift+P"),
        remove_exhibit=_action(window, _("&Retirer la pièce\u2026"), h["remove_exhibit"]),
        focus_cases=_action(window, _("Aller aux &affaires"), h["focus_cases"], "Ctrl+1"),
        focus_timeline=_action(window, _("Aller à la &chronologie"), h["focus_timeline"], "Ctrl+2"),
        focus_exhibits=_action(window, _("Aller aux &pièces"), h["focus_exhibits"], "Ctrl+3"),
        zoom_in=_action(window, _("&Zoomer la frise"), h["zoom_in"], std.ZoomIn, "Ctrl+="),
        zoom_out=_action(window, _("&Dézoomer la frise"), h["zoom_out"], std.ZoomOut),
        zoom_all=_action(window, _("Toute la &frise"), h["zoom_all"], "Ctrl+0"),
    )
    bar = window.menuBar()
    menus = (
        (_("&Fichier"), (a.new_case, a.open_case_file, a.dump_case, None, a.import_files, None, a.quit)),
        (_("É&dition"), (a.undo, a.redo, None, a.new_event, a.edit_event, a.duplicate_event, a.delete,
                                  a.link_exhibits, None, a.find, a.show_all)),
        (_("&Affaire"), (a.new_case, a.edit_case, a.rename_case, a.delete_case)),
        (_("&Pièces"), (a.import_files, a.link_events, a.edit_exhibit, a.remove_exhibit)),
        (_("Afficha&ge"), (a.focus_cases, a.focus_timeline, a.focus_exhibits, None, a.zoom_in, a.zoom_out,
                                    a.zoom_all)),
    )
    for title, entries in menus:
        menu = bar.addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            else:
                menu.addAction(entry)
    return a
