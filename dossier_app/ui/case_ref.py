"""The case an action applies to, as the undo commands and the panels share it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..store import Store

Report = Callable[[str], None]


if TYPE_CHECKING:
    from .case_session import Change


def _nobody(_change: Change) -> None:
    return None


@dataclass(frozen=True)
class CaseRef:
    store: Store
    case_id: int
    report: Report
    # Told what each step changed (a ``case_session.Change``), so that the views update only that.
    changed: Callable[[Change], None] = _nobody
