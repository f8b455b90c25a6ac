"""How the window names its own menu entries in a sentence: « Pièces › Lier la pièce à des événements…
(Ctrl+Maj+L) », read from the action itself, so that no sentence can drift from the menus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ..i18n import _

FIRST_SPECIAL_KEY = 0x01000060  # Qt's keys from here on (Back, Open, Find, Undo…) are on few keyboards


def on_a_keyboard(key: QKeySequence) -> bool:
    """Whether a person types it on an ordinary keyboard: not the Open or Find key of a multimedia one."""
    combination = key[0]  # type: ignore[index]  # the stubs do not say that a sequence is indexable
    typed: bool = combination.keyboardModifiers() != Qt.KeyboardModifier.NoModifier or (
        int(combination.key().value) < FIRST_SPECIAL_KEY)
    return typed


def menu_path(action: QAction) -> str:
    """Where ``action`` is in the menus, as the user reads it there: « Pièces › Lier la pièce à des
    événements… (Ctrl+Maj+L) »; its last menu when it is in several (« Ajouter des pièces… » in Pièces)."""
    menus = [o for o in action.associatedObjects() if isinstance(o, QMenu)]
    entry = _plain(action.text())
    keys = [k for k in action.shortcuts() if on_a_keyboard(k)]
    if not menus:
        return entry
    menu = _plain(menus[-1].title())
    if not keys:
        return _("{menu} › {entry}").format(menu=menu, entry=entry)
    return _("{menu} › {entry} ({keys})").format(
        menu=menu, entry=entry, keys=keys[0].toString(QKeySequence.SequenceFormat.NativeText))


def _plain(text: str) -> str:
    """A menu's or an action's text without the « & » of its shortcut letter."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
