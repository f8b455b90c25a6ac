"""The procedural calendar: the dates that matter in a case, each with what to do (issue 16).

Pure domain code: the case and today in, the dates out, in order.  Public holidays and weekends move
a deadline where the law says so (a maintained holiday library, never a hand list).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import CaseFile


@dataclass(frozen=True)
class Deadline:
    day: date
    kind: str  # a code: "notice_deadline", "hearing", "summons_served", "summons_filed", "injonction_served",
    #            "proof_kept", "contract_notice"…
    title: str  # what falls due, in the user's language
    what_to_do: str  # one sentence
    event_id: str | None = None  # the event it comes from
    past: bool = False  # before today


def procedural_calendar(case_file: CaseFile, today: date) -> tuple[Deadline, ...]:
    """The case's dates that matter, in date order."""
    raise NotImplementedError("calendar: being written")
