"""What the window says in its status line after each step saved, undone or redone: one place.

Every saved change is an undo command (``undo_commands``); each says what it did (``done``, a
sentence) and what it is (its text, which the Edit menu shows after « Annuler »).  This listens to
the undo stack: a step pushed says its sentence, a step undone « Annulé : … », one redone
« Rétabli : … ».  A step that failed says nothing here: its error was shown already.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from shiboken6 import getCppPointer, isValid

from ..i18n import _, ngettext

SHOWN_MS = 6000  # long enough to be read by someone looking back at the window


class Feedback(QObject):
    def __init__(self, undo: QUndoStack, show: Callable[[str, int], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo = undo
        self._show = show
        self._index = undo.index()
        self._last_done = _address(undo, undo.index() - 1)
        undo.indexChanged.connect(self._moved)

    def say(self, text: str) -> None:
        """A change made outside the undo stack (a case deleted, loaded)."""
        self._show(text, SHOWN_MS)

    def _moved(self, index: int) -> None:
        before, self._index = self._index, index
        if not isValid(self.undo):
            return
        undone, self._last_done = self._last_done, _address(self.undo, index - 1)
        if self.undo.count() == 0:
            return  # emptied: another case opened
        if index < before:
            # A step whose undo failed has left the stack (its error was shown): the one now at
            # ``index`` is another, not to be named as undone.
            if index == before - 1 and _address(self.undo, index) != undone:
                return
            step = self.undo.command(index)
            if step is not None and not _says_nothing(step):
                self.say(_("Annulé : {what}.").format(what=step.text()))
        elif index > before:
            step = self.undo.command(index - 1)
            if step is None or _says_nothing(step):
                return
            steps = _steps(step)
            if steps and all(getattr(s, "times_done", 0) == 1 for s in steps):
                self.say(_done(step, steps))
            else:
                self.say(_("Rétabli : {what}.").format(what=step.text()))


def _address(undo: QUndoStack, index: int) -> int | None:
    """Which step stands at ``index`` (its C++ object: a group's wrapper is new at each call)."""
    step = undo.command(index) if 0 <= index < undo.count() else None
    return None if step is None else int(getCppPointer(step)[0])


def _steps(command: QUndoCommand) -> list[QUndoCommand]:
    """The steps themselves: the command, or those a group of them (a macro) holds."""
    if command.childCount() == 0:
        return [command] if hasattr(command, "times_done") else []
    found: list[QUndoCommand] = []
    for i in range(command.childCount()):
        child = command.child(i)
        if child is not None:
            found += _steps(child)
    return found


def _says_nothing(command: QUndoCommand) -> bool:
    steps = _steps(command)
    return any(getattr(s, "quiet", False) or getattr(s, "failed", False) for s in steps)


def _done(command: QUndoCommand, steps: list[QUndoCommand]) -> str:
    if len(steps) == 1:
        return str(getattr(steps[0], "done", command.text()))
    return ngettext("{count} changement enregistré : {what}.", "{count} changements enregistrés : {what}.",
                    len(steps)).format(count=len(steps), what=command.text())
