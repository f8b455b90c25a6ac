"""Pièce numbers: given once, then kept, so that a bordereau already sent stays true.

Exhibits are numbered in the order of their date, then title.  An exhibit that has a
number keeps it; one that needs a number takes the next free one after every number
ever given in the case (even an excluded exhibit's), whatever its date: the other side
may already hold a bordereau citing the old numbers.  ``renumber`` starts afresh, on
purpose.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from .model import Exhibit


def exhibit_order_key(exhibit: Exhibit) -> tuple[bool, date, str, str, str]:
    """Date first (undated documents last), then title; the hash breaks exact ties."""
    return (exhibit.date is None, exhibit.date or date.min, exhibit.title.casefold(),
            exhibit.title, exhibit.sha256)


def assign_numbers(exhibits: Sequence[Exhibit], *, renumber: bool = False) -> tuple[Exhibit, ...]:
    """The same exhibits, in the same order, each included one with a number.

    Excluded exhibits keep the number they had (their gap is for ``check`` to report)
    but never receive a new one; with ``renumber`` they lose it.
    """
    if renumber:
        ranked = sorted((x for x in exhibits if x.include), key=exhibit_order_key)
        fresh = {id(x): n for n, x in enumerate(ranked, start=1)}
        return tuple(dataclasses.replace(x, number=fresh.get(id(x))) for x in exhibits)

    taken = [x.number for x in exhibits if x.number is not None]
    next_free = max(taken, default=0) + 1
    waiting = sorted((x for x in exhibits if x.include and x.number is None), key=exhibit_order_key)
    numbers: dict[int, int] = {}
    for exhibit in waiting:
        numbers[id(exhibit)] = next_free
        next_free += 1
    return tuple(
        dataclasses.replace(x, number=numbers[id(x)]) if id(x) in numbers else x for x in exhibits)


def number_gaps(exhibits: Sequence[Exhibit]) -> tuple[int, ...]:
    """Numbers missing from 1 to the highest number of the included exhibits."""
    used = {x.number for x in exhibits if x.include and x.number is not None}
    return tuple(n for n in range(1, max(used, default=0) + 1) if n not in used)
