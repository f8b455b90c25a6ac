"""What an import learns about one file before it becomes an exhibit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path


class Refused(Exception):
    """This file cannot be an exhibit; the message is the one sentence that says why."""


@dataclass(frozen=True)
class DateClue:
    """One date found in or about a file, with where it came from, said for a person.

    ``rank`` orders clues of different origins (see ``clues.choose``): higher is more
    plausible as the document's own date.
    """

    day: date
    source: str
    rank: int


@dataclass(frozen=True)
class Analysis:
    """A would-be exhibit: its type, size in pages, and the suggestions made for it.

    ``refused`` is one sentence saying why the file cannot be an exhibit; when it is set,
    the other suggestions may be empty.  ``notes`` are things worth telling the user that
    do not prevent the import (embedded JavaScript, attached files, a repaired PDF…).
    """

    path: Path
    media_type: str | None
    size: int
    title: str
    pages: int | None = None
    suggested_date: date | None = None
    date_source: str | None = None
    suggested_kind: str | None = None
    encrypted: bool = False
    refused: str | None = None
    notes: tuple[str, ...] = ()
    dates: tuple[DateClue, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.refused is None
