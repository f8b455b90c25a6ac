"""``calendar``: the procedural calendar of a case, for the command, the window and ``check``, and
its ``.ics`` file for the owner's own calendar (issue 16)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain.calendar import Deadline
from ..store import Store


def case_calendar(store: Store, case_id: int, today: date | None = None) -> tuple[Deadline, ...]:
    """The case's dates that matter, in date order."""
    raise NotImplementedError("calendar: being written")


def write_ics(store: Store, case_id: int, target: Path, today: date | None = None) -> int:
    """The calendar as an ``.ics`` file, whole or not at all; returns how many dates it holds."""
    raise NotImplementedError("calendar: being written")
