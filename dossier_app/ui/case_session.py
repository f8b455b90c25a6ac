"""The open case, owned in one place, and what changed in it: the views update what changed, not the whole case.

Every change to a case is an undo command (``undo_commands``); each says what it touched as a
``Change`` when it is done, undone or redone, and the session passes it on through ``changed``.
The views listen: the timeline re-reads the events named (by their ids, through the indexes), the
exhibit panel its list (a few hundred rows), the header and the case list the case block.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..store import Store
from .case_ref import CaseRef, Report


@dataclass(frozen=True)
class Change:
    """What one step touched.  ``events``: ids added, changed or removed (a view re-reads each;
    one that is gone was removed); ``exhibits``: the exhibit list or its links; ``case``: the
    case block (title, parties, court) and so the case list."""

    events: frozenset[str] = frozenset()
    exhibits: bool = False
    case: bool = False

    @staticmethod
    def of_events(ids: Iterable[str], exhibits: bool = False) -> Change:
        return Change(frozenset(ids), exhibits=exhibits)

    def __or__(self, other: Change) -> Change:
        return Change(self.events | other.events, self.exhibits or other.exhibits, self.case or other.case)

    @property
    def empty(self) -> bool:
        return not (self.events or self.exhibits or self.case)


class CaseSession(QObject):
    """The store, the case open in the window (or none), its undo stack, and what changes in it.

    ``opened`` is emitted with the new case id (or None) when another case is opened; ``changed``
    with a ``Change`` after each step done, undone or redone in the open case.
    """

    opened = Signal(object)
    changed = Signal(object)

    def __init__(self, store: Store, report: Report, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.report = report
        self.case_id: int | None = None
        self.undo = QUndoStack(self)

    def ref(self) -> CaseRef | None:
        if self.case_id is None:
            return None
        return CaseRef(self.store, self.case_id, self.report, self.changed.emit)

    def open(self, case_id: int | None) -> bool:
        """Make ``case_id`` the open case; False when it already was."""
        if case_id == self.case_id and case_id is not None:
            return False
        # The steps of the case left behind no longer apply to what the window shows.
        self.undo.clear()
        self.case_id = case_id
        self.opened.emit(case_id)
        return True

    def tell(self, change: Change) -> None:
        """A change made outside the undo stack (a case created, renamed elsewhere in the window)."""
        if not change.empty:
            self.changed.emit(change)
