"""What the export takes and gives back: options, progress steps, the report, the errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..domain.errors import UserError


@dataclass(frozen=True)
class ExportOptions:
    as_of: date
    lang: str = "fr"
    include_exhibits: bool = True
    max_mb: float | None = None  # split into volumes NAME-1.pdf, NAME-2.pdf… each under this size
    # A folder for electronic communication instead of one file (spec "Volumes and separate files"):
    # the bordereau alone, then one PDF per pièce; ``max_mb`` then only says which pièce is over it.
    split: bool = False
    communication: date | None = None  # the bordereau's "Fait le …" (spec: ``--date``); None: the as-of date
    # A later, complementary bordereau (spec part 6): its number, and the first pièce it lists
    # ("bordereau n° 2, pièces complémentaires n° 13 à 17"); 1 and None: the first, listing every pièce.
    bordereau: int = 1
    complement_from: int | None = None
    # The spec lets an export go on without an unreadable exhibit only once it is excluded; a caller
    # that wants a best-effort bundle anyway (the corpus test, a preview) says so here.
    skip_refused: bool = False


@dataclass(frozen=True)
class ProgressStep:
    """One step of the work; a callback returning ``False`` cancels the export."""

    stage: str  # "prepare" | "parts" | "assemble" | "write"
    label: str  # for people, in the export's language
    done: int
    total: int


@dataclass(frozen=True)
class ExhibitOutcome:
    number: int
    title: str
    sha256: str
    status: str  # "included" | "repaired" | "refused"
    reason: str = ""
    pages: int = 0
    signed: bool = False
    volume: int | None = None
    active_content_removed: int = 0


@dataclass(frozen=True)
class ExportReport:
    volumes: tuple[Path, ...]
    pages: int  # all volumes together
    part_pages: dict[str, int]  # pages each part takes; "exhibits" and "tomes" included
    exhibits: tuple[ExhibitOutcome, ...]
    fingerprint: str
    numbers: dict[str, int] = field(default_factory=dict)  # sha256 → pièce number, to be kept
    oversized: tuple[int, ...] = ()  # exhibits alone in a volume over the size cap
    volume_sizes: tuple[int, ...] = ()

    @property
    def refused(self) -> tuple[ExhibitOutcome, ...]:
        return tuple(x for x in self.exhibits if x.status == "refused")


class ExportError(UserError):
    """The export could not be written; nothing was left under the target name."""


class ExportCancelled(ExportError):
    pass


class ExhibitsRefused(ExportError):
    def __init__(self, message: str, outcomes: tuple[ExhibitOutcome, ...]) -> None:
        super().__init__(message)
        self.outcomes = outcomes
