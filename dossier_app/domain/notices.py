"""When a formal notice's deadline expires: one rule for the check and the PDF chronology."""

from __future__ import annotations

from datetime import date, timedelta

from .model import RegisteredLetter


def notice_start(letter: RegisteredLetter) -> date:
    """The day the notice's deadline starts from.

    French practice: a registered letter takes effect on its first presentation at the
    addressee's address, the day La Poste leaves the notice of arrival ("pli avisé"),
    whether the addressee collects it later or never ("non réclamé"); otherwise a debtor could
    postpone the deadline by leaving the letter at the post office.  Without that date, the
    day it was received is the best proof we have; without either, the day it was sent (the
    deadline is then counted early: the check warns about notices with no proof anyway).
    """
    return letter.first_presented_on or letter.received_on or letter.date


def notice_deadline(letter: RegisteredLetter) -> date | None:
    """The last day of the notice's deadline, or None when the letter gives none."""
    if letter.deadline_days is None:
        return None
    return notice_start(letter) + timedelta(days=letter.deadline_days)
