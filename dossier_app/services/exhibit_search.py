"""Which exhibits a typed text finds: by title, original file name, number ("12", "pièce 12") or date.

Case, accents and ligatures are set aside (``domain.text_search.fold``): "reglement" finds "Règlement".
The window's filter box calls this; a command can call it the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..domain.text_search import fold, fold_needle

if TYPE_CHECKING:  # the window's exhibit list imports this before its first paint; the model is not needed by then
    from ..domain.model import Exhibit

# "pièce 12", "pièces 12", "exhibit 12", "n° 12", "no 12": the exhibit numbered 12, and no other.
_NUMBERED = re.compile(r"(?:pieces?|exhibits?|n°|no\.?)\s*(\d+)")


def searchable(exhibit: Exhibit) -> str:
    """What a search looks into, folded: title, original file name, number, date (as French and ISO write it)."""
    parts = [exhibit.title, exhibit.original_name]
    if exhibit.number is not None:
        parts.append(str(exhibit.number))
    if exhibit.date is not None:
        parts += [exhibit.date.strftime("%d/%m/%Y"), exhibit.date.isoformat()]
    return fold("\n".join(parts))


def matches(exhibit: Exhibit, typed: str) -> bool:
    """Whether ``typed`` finds ``exhibit``; an empty text finds every exhibit."""
    needle = fold_needle(typed)
    if not needle:
        return True
    numbered = _NUMBERED.fullmatch(needle)
    if numbered is not None:
        return exhibit.number == int(numbered.group(1))
    return needle in searchable(exhibit)


def search(exhibits: Iterable[Exhibit], typed: str) -> list[Exhibit]:
    """The exhibits ``typed`` finds, in their order."""
    return [x for x in exhibits if matches(x, typed)]
