"""``calendar``: the procedural calendar of a case, for the command, the window and ``check``, and
its ``.ics`` file for the owner's own calendar (issue 16)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from ..domain.calendar import Deadline, procedural_calendar
from ..store import Store
from ..store import repository as repo
from .files import atomic_target


def case_calendar(store: Store, case_id: int, today: date | None = None) -> tuple[Deadline, ...]:
    """The case's dates that matter, in date order."""
    return procedural_calendar(repo.read_case_file(store, case_id), today or date.today())


def deadline_uid(case_id: int, deadline: Deadline) -> str:
    """The same date of the same case keeps its UID from one export to the next: a calendar that
    imports the file again updates the event instead of doubling it."""
    key = f"{case_id}|{deadline.kind}|{deadline.event_id or ''}|{deadline.day.isoformat()}"
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@dossier"


def ics_bytes(case_id: int, deadlines: Sequence[Deadline]) -> bytes:
    """One all-day VEVENT per date.  RFC 5545 requires a DTSTAMP on each; the clock's would make two
    exports of the same case differ, so it is the date's own day at midnight UTC: deterministic, and
    a file written again is byte for byte the same."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Dossier//procedural calendar//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    for deadline in deadlines:
        event = Event()
        event.add("uid", deadline_uid(case_id, deadline))
        event.add("dtstamp", datetime(deadline.day.year, deadline.day.month, deadline.day.day, tzinfo=UTC))
        event.add("dtstart", deadline.day)
        event.add("dtend", deadline.day + timedelta(days=1))
        event.add("summary", deadline.title)
        event.add("description", deadline.what_to_do)
        event.add("categories", [deadline.kind])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def write_ics(store: Store, case_id: int, target: Path, today: date | None = None,
              deadlines: Sequence[Deadline] | None = None) -> int:
    """The calendar as an ``.ics`` file, whole or not at all; returns how many dates it holds.
    ``deadlines``: the case's calendar when the caller has just worked it out (else it is)."""
    if deadlines is None:
        deadlines = case_calendar(store, case_id, today)
    data = ics_bytes(case_id, deadlines)
    with atomic_target(Path(target)) as tmp:
        tmp.write_bytes(data)
    return len(deadlines)
