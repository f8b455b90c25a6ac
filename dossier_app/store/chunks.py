"""Long lists of values asked for with ``IN (…)``, a few hundred at a time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

_T = TypeVar("_T")
IN_CHUNK = 500  # values per "IN (…)": SQLite caps a query's parameters, with room to spare here


def in_chunks(values: Sequence[_T]) -> Iterator[tuple[Sequence[_T], str]]:
    """``values`` a few hundred at a time, each chunk with its ``"?,?,…"`` for an ``IN (…)``."""
    for start in range(0, len(values), IN_CHUNK):
        chunk = values[start:start + IN_CHUNK]
        yield chunk, ",".join("?" * len(chunk))
