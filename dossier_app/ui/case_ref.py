"""The case an action applies to, as the undo commands and the panels share it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..store import Store

Report = Callable[[str], None]


@dataclass(frozen=True)
class CaseRef:
    store: Store
    case_id: int
    report: Report
