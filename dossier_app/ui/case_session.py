"""The open case, owned in one place, and what changed in it: the views update what changed, not the whole case.

Every change to a case is an undo command (``undo_commands``); each says what it touched as a
``Change`` when it is done, undone or redone, and the session passes it on through ``changed``.
The views listen: the timeline re-reads the events named (by their ids, through the indexes), the
exhibit panel its list (a few hundred rows), the header and the case list the case block.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..domain.errors import UserError
from ..store import Store
from .case_ref import CaseRef, Report

WATCH_MS = 2000  # how often the window looks whether another program changed the store


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
    # Another program (the command, a second window) changed the store; True when the open case.
    elsewhere = Signal(bool)

    def __init__(self, store: Store, report: Report, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.report = report
        self.case_id: int | None = None
        self.undo = QUndoStack(self)
        self._seen: dict[int, int] | None = None  # each case's count of writes, as last shown
        self.changed.connect(self._note_own_change)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self.look_elsewhere)
        self._watch.start()

    def _revisions(self) -> dict[int, int] | None:
        from ..services.session import case_revisions

        if self.store.closed:
            self._watch.stop()  # the window is closing: nothing more to look at
            return None
        try:
            return {case_id: counts.revision for case_id, counts in case_revisions(self.store).items()}
        except UserError:
            return None  # the store is busy or damaged: the next look, or the next action, says so

    def _note_own_change(self, _change: Change) -> None:
        self._seen = self._revisions()

    def look_elsewhere(self) -> bool:
        """Whether the store changed since the window last showed it, by another program; if so,
        ``elsewhere`` is emitted (the views read the case again).  One small query: the counts of
        writes the store keeps for each case, whoever writes."""
        now = self._revisions()
        if now is None:
            return False
        seen, self._seen = self._seen, now
        if seen is None or seen == now:
            return False
        # Another case changed: the list says so; the open one is read again only when it changed.
        self.elsewhere.emit(self.case_id is not None and seen.get(self.case_id) != now.get(self.case_id))
        return True

    def reopen(self) -> None:
        """Read the open case again, as if just opened (its undo steps stay: each checks what it finds)."""
        self._seen = self._revisions()
        self.opened.emit(self.case_id)

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
        self._seen = self._revisions()  # what the views are about to show
        self.opened.emit(case_id)
        return True

    def tell(self, change: Change) -> None:
        """A change made outside the undo stack (a case created, renamed elsewhere in the window)."""
        if not change.empty:
            self.changed.emit(change)
