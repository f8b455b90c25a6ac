"""The band's marks, worked out from the timeline's rows: where each event sits, in which lane."""

from __future__ import annotations

from datetime import date, datetime
from itertools import pairwise
from typing import NamedTuple

from ...services.timeline import TimelineRow, gc_paused
from ..kind_style import LANE_OF, LANES


class Mark(NamedTuple):
    x_day: float  # days since the band's origin, with the time of day as a fraction
    lane: int
    kind: str
    id: str
    key_fact: bool
    title: str
    end_day: float | None  # outages: where the bar stops
    open_ended: bool
    nudge: int  # vertical offset for events of the same day in the same lane


def _fraction(moment: datetime | None) -> float:
    """Where in its day an instant falls (the time as entered); midday when there is none."""
    return 0.5 if moment is None else (moment.hour * 60 + moment.minute) / 1440


def build_marks(rows: list[TimelineRow]) -> tuple[list[Mark], int, int]:
    """Marks in axis order, with the first and last day ordinals the axis must show.

    Built in one pass with the ordinal of each distinct day computed once: a large case has
    many events a day, and this runs again at every filter.
    """
    if not rows:
        today = date.today().toordinal()
        return [], today - 30, today
    ordinals = {day: day.toordinal() for day in {r.day for r in rows}}
    ends = {r.id: r.end.toordinal() for r in rows if r.end}
    first = min(ordinals.values())
    last = max([*ordinals.values(), *ends.values()])
    first_month = date.fromordinal(first).replace(day=1).toordinal()
    last_plus = last + 3
    lane_of = LANE_OF
    other_lane = len(LANES) - 1
    seen: dict[tuple[date, int], int] = {}
    marks: list[Mark] = []
    append = marks.append
    with gc_paused():  # see gc_paused: a hundred thousand marks, no cycles
        for row in rows:
            lane = lane_of.get(row.kind, other_lane)
            key = (row.day, lane)
            nudge = seen.get(key, 0)
            seen[key] = nudge + 1
            day = ordinals[row.day] - first_month
            if row.kind == "outage":
                end = ends.get(row.id)
                end_day = (end - first_month + _fraction(row.end)) if end is not None else last_plus - first_month
                append(Mark(day + _fraction(row.moment), lane, row.kind, row.id, row.key_fact, row.title, end_day,
                            row.end is None, nudge))
            else:
                append(Mark(day + 0.5, lane, row.kind, row.id, row.key_fact, row.title, None, False, nudge))
    if any(a.x_day > b.x_day for a, b in pairwise(marks)):  # the table may be sorted otherwise
        marks.sort(key=lambda m: m.x_day)
    return marks, first_month, last_plus


class AllBut:
    """Every id but these: membership without building a set of a hundred thousand ids."""

    def __init__(self, shown: frozenset[str]) -> None:
        self.shown = shown

    def __contains__(self, event_id: object) -> bool:
        return event_id not in self.shown

    def __bool__(self) -> bool:
        return True
