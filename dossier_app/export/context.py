"""What the generated parts are drawn from, and where everything falls in the bundle."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from ..domain.claims import ClaimsResult
from ..domain.model import CaseFile, Event, Exhibit, ProcedureStep
from ..i18n import Translator

PARTS = ("cover", "contents", "facts", "chronology", "claims", "bordereau", "exhibits")


def cited_exhibit(target: str) -> tuple[int, int | None] | None:
    """The pièce a link target names, and the page it cites: "exhibit:7" → (7, None), "exhibit:7:3"
    → (7, 3) (``common.exhibit_target`` writes them); None for any other target."""
    kind, _, rest = target.partition(":")
    number, _, page = rest.partition(":")
    if kind != "exhibit" or not number.isdigit():
        return None
    return int(number), int(page) if page.isdigit() else None


@dataclass(frozen=True)
class ExhibitEntry:
    """One included exhibit as the bundle holds it."""

    exhibit: Exhibit
    number: int
    pages: int
    signed: bool = False
    status: str = "included"  # "included" | "repaired"
    volume: int = 1

    @property
    def short_hash(self) -> str:
        return self.exhibit.sha256[:12]


@dataclass(frozen=True)
class Dossier:
    words: Translator
    case_file: CaseFile
    as_of: date
    events: tuple[Event, ...]  # those dated up to the as-of date, in chronological order
    entries: tuple[ExhibitEntry, ...]  # in number order
    claims: ClaimsResult | None
    with_exhibits: bool = True
    volumes: int = 1
    communication: date | None = None  # the day the pièces are communicated; None: the as-of date

    @property
    def communication_day(self) -> date:
        return self.communication or self.as_of

    @property
    def case(self):  # type: ignore[no-untyped-def]
        return self.case_file.case

    @property
    def we_are_claimant(self) -> bool:
        """Whoever summons is the claimant; without a summons the file is built to bring the claim."""
        summoned_by_them = any(isinstance(e, ProcedureStep) and e.action == "summons" and e.actor == "them"
                               for e in self.events)
        return not summoned_by_them

    def citations(self, event_id: str) -> list[tuple[int, str | None]]:
        """The (number, pages) of the bundle's exhibits that prove an event."""
        out = []
        for entry in self.entries:
            for link in entry.exhibit.links:
                if link.event_id == event_id:
                    out.append((entry.number, link.pages))
        return sorted(out, key=lambda cited: (cited[0], cited[1] or ""))

    @property
    def fingerprint(self) -> str:
        return bundle_fingerprint(self.entries)


def bordereau_lines(entries: tuple[ExhibitEntry, ...]) -> list[str]:
    """The bordereau's lines as the fingerprint reads them: language-independent, one per exhibit."""
    return [
        "\t".join((str(e.number), e.exhibit.title, e.exhibit.date.isoformat() if e.exhibit.date else "",
                   str(e.pages), e.exhibit.sha256))
        for e in entries
    ]


def bundle_fingerprint(entries: tuple[ExhibitEntry, ...]) -> str:
    digest = hashlib.sha256("\n".join(bordereau_lines(entries)).encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass
class Layout:
    """Dossier-wide page numbers (1-based), as the previous build measured them."""

    total: int = 1
    part_pages: dict[str, int] = field(default_factory=dict)
    exhibit_pages: dict[int, int] = field(default_factory=dict)
    volume_first_pages: dict[int, int] = field(default_factory=dict)

    def page_of(self, key: str) -> int | None:
        kind, _, rest = key.partition(":")
        if kind == "part":
            return self.part_pages.get(rest)
        cited = cited_exhibit(key)
        return self.exhibit_pages.get(cited[0]) if cited else None
