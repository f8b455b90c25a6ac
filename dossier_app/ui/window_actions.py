"""The window's menus: every action has a menu entry and, where there is a standard one, its shortcut."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow

from ..domain.i18n import t

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
    undo_action = undo.createUndoAction(window, t("Annuler", "Undo"))
    undo_action.setShortcuts(QKeySequence.keyBindings(std.Undo))
    redo_action = undo.createRedoAction(window, t("Rétablir", "Redo"))
    redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), *[k for k in QKeySequence.keyBindings(std.Redo)
                                                               if k != QKeySequence("Ctrl+Shift+Z")]])
    window.addAction(undo_action)
    window.addAction(redo_action)
    a = WindowActions(
        new_case=_action(window, t("&Nouvelle affaire…", "&New case…"), h["new_case"], "Ctrl+Shift+N"),
        open_case_file=_action(window, t("&Ouvrir un fichier d'affaire…", "&Open a case file…"), h["open_case_file"],
                               std.Open, tip=t("Charger une affaire au format d'échange (.json)",
                                               "Load a case in the interchange format (.json)")),
        dump_case=_action(window, t("&Enregistrer au format d'échange…", "&Save in the interchange format…"),
                          h["dump_case"], "Ctrl+Shift+S"),
        import_files=_action(window, t("&Ajouter des pièces…", "&Add exhibits…"), h["import_files"], "Ctrl+I",
                             tip=t("Ou glissez les fichiers dans la fenêtre", "Or drop the files onto the window")),
        quit=_action(window, t("&Quitter", "&Quit"), h["quit"], std.Quit, "Ctrl+Q"),
        undo=undo_action,
        redo=redo_action,
        new_event=_action(window, t("&Nouvel événement…", "&New event…"), h["new_event"], std.New),
        edit_event=_action(window, t("&Modifier l'événement…", "&Edit the event…"), h["edit_event"], "Ctrl+E"),
        duplicate_event=_action(window, t("&Dupliquer l'événement…", "&Duplicate the event…"), h["duplicate_event"],
                                "Ctrl+D"),
        delete=_action(window, t("&Supprimer", "&Delete"), h["delete"], std.Delete,
                       tip=t("Supprime l'événement choisi (ou retire la pièce choisie)",
                             "Deletes the chosen event (or removes the chosen exhibit)")),
        link_exhibits=_action(window, t("&Lier des pièces à l'événement…", "&Link exhibits to the event…"),
                              h["link_exhibits"], "Ctrl+L"),
        find=_action(window, t("&Rechercher", "&Find"), h["find"], std.Find),
        show_all=_action(window, t("&Tout afficher (sans filtre)", "&Show all (no filter)"), h["show_all"],
                         "Ctrl+Shift+A"),
        edit_case=_action(window, t("&Modifier l'affaire…", "&Edit the case…"), h["edit_case"], "Ctrl+Shift+E"),
        rename_case=_action(window, t("&Renommer l'affaire…", "&Rename the case…"), h["rename_case"], "F2"),
        delete_case=_action(window, t("&Supprimer l'affaire…", "&Delete the case…"), h["delete_case"]),
        link_events=_action(window, t("&Lier la pièce à des événements…", "&Link the exhibit to events…"),
                            h["link_events"], "Ctrl+Shift+L"),
        edit_exhibit=_action(window, t("&Modifier la pièce…", "&Edit the exhibit…"), h["edit_exhibit"],
                             "Ctrl+Shift+P"),
        remove_exhibit=_action(window, t("&Retirer la pièce…", "&Remove the exhibit…"), h["remove_exhibit"]),
        focus_cases=_action(window, t("Aller aux &affaires", "Go to &cases"), h["focus_cases"], "Ctrl+1"),
        focus_timeline=_action(window, t("Aller à la &chronologie", "Go to the &timeline"), h["focus_timeline"], "Ctrl+2"),
        focus_exhibits=_action(window, t("Aller aux &pièces", "Go to &exhibits"), h["focus_exhibits"], "Ctrl+3"),
        zoom_in=_action(window, t("&Zoomer la frise", "&Zoom in the band"), h["zoom_in"], std.ZoomIn, "Ctrl+="),
        zoom_out=_action(window, t("&Dézoomer la frise", "Zoom &out the band"), h["zoom_out"], std.ZoomOut),
        zoom_all=_action(window, t("Toute la &frise", "The whole &band"), h["zoom_all"], "Ctrl+0"),
    )
    bar = window.menuBar()
    menus = (
        (t("&Fichier", "&File"), (a.new_case, a.open_case_file, a.dump_case, None, a.import_files, None, a.quit)),
        (t("É&dition", "&Edit"), (a.undo, a.redo, None, a.new_event, a.edit_event, a.duplicate_event, a.delete,
                                  a.link_exhibits, None, a.find, a.show_all)),
        (t("&Affaire", "&Case"), (a.new_case, a.edit_case, a.rename_case, a.delete_case)),
        (t("&Pièces", "E&xhibits"), (a.import_files, a.link_events, a.edit_exhibit, a.remove_exhibit)),
        (t("Afficha&ge", "&View"), (a.focus_cases, a.focus_timeline, a.focus_exhibits, None, a.zoom_in, a.zoom_out,
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
