"""What an import learns about one file before it becomes an exhibit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any


class Refused(Exception):
    """This file cannot be an exhibit; the message is the one sentence that says why."""


class PasswordNeeded(Refused):
    """A protected PDF, and no password or a wrong one: with the right one it can be an exhibit."""


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
    locked: bool = False  # refused for want of the right password (``PasswordNeeded``)
    notes: tuple[str, ...] = ()
    dates: tuple[DateClue, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.refused is None


def analysis_to_json(analysis: Analysis) -> dict[str, object]:
    """Plain JSON data: for ``--json`` output and for answers from the isolated worker."""
    return {
        "path": str(analysis.path),
        "media_type": analysis.media_type,
        "size": analysis.size,
        "title": analysis.title,
        "pages": analysis.pages,
        "suggested_date": analysis.suggested_date.isoformat() if analysis.suggested_date else None,
        "date_source": analysis.date_source,
        "suggested_kind": analysis.suggested_kind,
        "encrypted": analysis.encrypted,
        "refused": analysis.refused,
        "locked": analysis.locked,
        "notes": list(analysis.notes),
        "dates": [[c.day.isoformat(), c.source, c.rank] for c in analysis.dates],
    }


def analysis_from_json(data: dict[str, Any]) -> Analysis:
    day = data.get("suggested_date")
    return Analysis(
        path=Path(data["path"]),
        media_type=data.get("media_type"),
        size=int(data.get("size") or 0),
        title=str(data.get("title") or ""),
        pages=data.get("pages"),
        suggested_date=date.fromisoformat(day) if day else None,
        date_source=data.get("date_source"),
        suggested_kind=data.get("suggested_kind"),
        encrypted=bool(data.get("encrypted")),
        refused=data.get("refused"),
        locked=bool(data.get("locked")),
        notes=tuple(data.get("notes") or ()),
        dates=tuple(DateClue(date.fromisoformat(d), source, int(rank)) for d, source, rank in data.get("dates") or ()),
    )
