"""How the bordereau communicates the pièces: its number, and the pièces sent earlier.

A complementary bordereau (``--bordereau 2 --from 13``, spec part 6) lists only the pièces from its
first number on, and the bundle carries only those: the pièces of an earlier bordereau are already
with the other side.  The facts, the chronology and the décompte still cite them by number (without
a link: they are not in this file), so an event proven by pièce n° 4 is never said unproven.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..domain.model import Case
from .context import Dossier, ExhibitEntry

# A French address ends with its postcode and town: « 12 rue X, 53000 Laval » → « Laval ».
POSTCODE_TOWN = re.compile(r"\b\d{5}\s+([^\d,;\n]+)")
CEDEX = re.compile(r"\s+cedex(\s+\d+)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Communicated(Dossier):
    """A dossier whose bordereau has a number and may list only the pièces from ``complement_from`` on."""

    bordereau: int = 1
    complement_from: int | None = None
    earlier: tuple[ExhibitEntry, ...] = ()  # communicated before: cited by number, not carried

    def citations(self, event_id: str) -> list[tuple[int, str | None]]:
        if not self.earlier:
            return super().citations(event_id)
        return dataclasses.replace(self, entries=self.earlier + self.entries, earlier=()).citations(event_id)


def bordereau_number(d: Dossier) -> tuple[int, int | None]:
    """The bordereau's number and the first pièce it lists (None: every pièce)."""
    if isinstance(d, Communicated):
        return d.bordereau, d.complement_from
    return 1, None


def signing_city(case: Case) -> str | None:
    """Where the bordereau is signed: counsel's city, else the town of our party's address."""
    if case.counsel is not None and case.counsel.city and case.counsel.city.strip():
        return case.counsel.city.strip()
    found = POSTCODE_TOWN.findall(case.us.address or "")
    if not found:
        return None
    town = CEDEX.sub("", found[-1]).strip(" .-")
    return town or None
