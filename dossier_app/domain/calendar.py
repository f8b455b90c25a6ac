"""The procedural calendar: the dates that matter in a case, each with what to do (issue 16).

Pure domain code: the case and today in, the dates out, in order.  Public holidays and weekends move
a deadline where the law says so (a maintained holiday library, never a hand list).

Which dates move, and why (French law; a draft for the owner or counsel to check, not legal advice):

- ``injonction_served``: six months from the order to serve it, else it is « non avenue » (art. 1411
  CPC).  A procedural deadline counted forwards: a month-deadline ends on the same day of the month,
  or the month's last day (art. 641 CPC), and one ending on a Saturday, Sunday or public holiday is
  extended to the next working day (art. 642 CPC).  Moved forwards.
- ``summons_served``, ``summons_filed``: counted backwards from the hearing (« au plus tard N jours
  avant l'audience »).  Art. 642 does not extend a deadline counted backwards (extending it would
  shorten the time the rule protects); the bailiff and the greffe are closed on those days anyway, so
  the day is moved *earlier*, to the working day before.  Their lengths, for a référé before the
  Tribunal de commerce: art. 857 CPC asks the copy of the assignation to be filed at the greffe at
  least eight days before the hearing, on pain of caducité, for the ordinary procedure; the Cour de
  cassation held that it does not bind a référé (Civ. 2e, 22 mai 2025, n° 23-14.133, published), where
  art. 486 CPC only asks for « un temps suffisant » between the summons and the hearing.  Both dates
  are therefore the prudent ones, not statutory: filed eight days before (as art. 857), served fifteen
  days before (the usual interval before the Tribunal de commerce).  Sources read: Dalloz actualité
  12 June 2025 and EJT's note on that judgment; the fifteen days are practice, not verified in a text.
- ``notice_deadline``, ``reply_deadline``: a formal notice's deadline is set by the letter, not by
  procedural law, and art. 642 is not applied to it here: the day stays the one ``domain/notices.py``
  rules, the same for ``check`` and the PDF; when it is not a working day, what to do says to wait for
  the next working day before going to court (the prudent reading for the one who sues).
- ``hearing``: fixed by the court, never moved.  ``proof_kept``: La Poste's practice (it keeps the
  proof of delivery one year), not a legal deadline, never moved.

The contract's notice periods are not in the calendar: the case format records that a notice was
given (a contract event, action ``notice_given``) but not the length of the notice period, so there is
no date to compute.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from ..i18n import _
from .dates import day_of, short_day
from .model import CaseFile, Event, ProcedureStep, RegisteredLetter
from .notices import notice_deadline

if TYPE_CHECKING:
    from holidays import HolidayBase

# The kinds, in the order they are listed within one day.
KINDS: tuple[str, ...] = ("hearing", "summons_filed", "summons_served", "injonction_served",
                          "notice_deadline", "reply_deadline", "proof_kept")
# Before the hearing of a référé before the Tribunal de commerce (the prudent intervals, see above).
SUMMONS_SERVED_DAYS = 15
SUMMONS_FILED_DAYS = 8
INJONCTION_MONTHS = 6  # art. 1411 CPC


@dataclass(frozen=True)
class Deadline:
    day: date
    kind: str  # one of KINDS
    title: str  # what falls due, in the user's language
    what_to_do: str  # one sentence
    event_id: str | None = None  # the event it comes from
    past: bool = False  # before today
    moved_from: date | None = None  # the day the rule gives, when a weekend or a public holiday moved it


# --- working days -----------------------------------------------------------------------

@cache
def _french_holidays() -> HolidayBase:
    # Metropolitan France's public holidays (Alsace-Moselle's two more are not counted); the library
    # computes each year on demand (Easter Monday, Ascension, Whit Monday move every year).
    import holidays

    return holidays.country_holidays("FR")


def is_working_day(day: date) -> bool:
    """Neither a Saturday, a Sunday nor a French public holiday (art. 642 CPC's words)."""
    return day.weekday() < 5 and day not in _french_holidays()


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def previous_working_day(day: date) -> date:
    """``day`` itself when it is a working day, else the last working day before it."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def _moved(rule_day: date, moved: date) -> date | None:
    return rule_day if moved != rule_day else None


# --- what the case says -----------------------------------------------------------------

def _plain(text: str | None) -> str:
    """Lower case without accents: « Référé » and « refere » are the same word to this module."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def commercial_referee(case_file: CaseFile) -> bool:
    """A référé before a Tribunal de commerce (or, since 2025, a tribunal des activités économiques)."""
    case = case_file.case
    court = _plain(case.court)
    return "refere" in _plain(case.procedure) and ("commerce" in court or "activites economiques" in court)


def injonction_order(event: Event) -> bool:
    """An order of the procedure whose title or description says it is an injonction de payer: the
    case format has no field for the kind of order, so the words decide."""
    return (isinstance(event, ProcedureStep) and event.action == "order"
            and "injonction" in _plain(f"{event.title} {event.description or ''}"))


def _ours(letter: RegisteredLetter) -> bool:
    return letter.actor != "them"


# --- the calendar -----------------------------------------------------------------------

def _notices(case_file: CaseFile) -> list[Deadline]:
    found = []
    for letter in case_file.events:
        if not isinstance(letter, RegisteredLetter) or not letter.formal_notice:
            continue
        expiry = notice_deadline(letter)
        if expiry is None:
            continue
        if not _ours(letter):
            found.append(Deadline(
                expiry, "reply_deadline",
                _("Fin du délai de la mise en demeure reçue « {title} »").format(title=letter.title),
                _("Répondez par écrit avant ce jour, ou faites ce qui est dû, et gardez-en la preuve : ensuite, l'autre partie peut saisir le juge."),
                letter.id))
            continue
        title = _("Fin du délai de la mise en demeure « {title} »").format(title=letter.title)
        if is_working_day(expiry):
            what = _("Si rien n'est réglé à la fin de ce jour, vous pouvez saisir le juge à partir du lendemain (référé ou injonction de payer).")
        else:
            what = _("Ce jour n'est pas un jour ouvré : par prudence, attendez le {short_day} pour saisir le juge si rien n'est réglé.").format(
                # the other side may read it as extended to the next working day: the day after that
                short_day=short_day(next_working_day(next_working_day(expiry) + timedelta(days=1))))
        found.append(Deadline(expiry, "notice_deadline", title, what, letter.id))
    return found


def _hearing(case_file: CaseFile) -> list[Deadline]:
    case = case_file.case
    if case.hearing is None:
        return []
    hearing = day_of(case.hearing)
    court = (case.court or "").strip()
    if isinstance(case.hearing, datetime):
        time = f"{case.hearing.hour:02d}:{case.hearing.minute:02d}"
        title = (_("Audience à {time} : {court}").format(time=time, court=court) if court
                 else _("Audience à {time}").format(time=time))
    else:
        title = _("Audience : {court}").format(court=court) if court else _("Audience")
    found = [Deadline(hearing, "hearing", title,
                      _("Venez à l'audience avec le dossier imprimé et les originaux des pièces, ou assurez-vous que votre avocat y sera."))]
    if not commercial_referee(case_file):
        return found
    served_rule = hearing - timedelta(days=SUMMONS_SERVED_DAYS)
    served = previous_working_day(served_rule)
    found.append(Deadline(
        served, "summons_served",
        _("Dernier jour conseillé pour faire délivrer l'assignation en référé"),
        _("Faites délivrer l'assignation par un commissaire de justice au plus tard ce jour : la loi demande un temps suffisant avant l'audience (art. 486 CPC), quinze jours sont l'usage devant le tribunal de commerce."),
        moved_from=_moved(served_rule, served)))
    filed_rule = hearing - timedelta(days=SUMMONS_FILED_DAYS)
    filed = previous_working_day(filed_rule)
    found.append(Deadline(
        filed, "summons_filed",
        _("Dernier jour conseillé pour remettre l'assignation au greffe"),
        _("Remettez une copie de l'assignation au greffe au plus tard ce jour : sans elle le juge n'est pas saisi ; en référé, la Cour de cassation n'impose pas les huit jours de l'article 857 CPC (22 mai 2025), mais mieux vaut les tenir."),
        moved_from=_moved(filed_rule, filed)))
    return found


def _injonctions(case_file: CaseFile) -> list[Deadline]:
    found = []
    for order in case_file.events:
        if not injonction_order(order):
            continue
        rule_day = order.date + relativedelta(months=INJONCTION_MONTHS)  # same day of the month, else its last (art. 641)
        day = next_working_day(rule_day)  # art. 642
        found.append(Deadline(
            day, "injonction_served",
            _("Dernier jour pour signifier l'ordonnance « {title} »").format(title=order.title),
            _("Faites signifier l'ordonnance par un commissaire de justice au plus tard ce jour : sinon elle est non avenue (art. 1411 CPC) et la demande est à refaire."),
            order.id, moved_from=_moved(rule_day, day)))
    return found


def _proofs(case_file: CaseFile) -> list[Deadline]:
    found = []
    for letter in case_file.events:
        if not isinstance(letter, RegisteredLetter) or not _ours(letter):
            continue
        found.append(Deadline(
            letter.date + relativedelta(years=1), "proof_kept",
            _("La Poste ne garde plus la preuve de distribution de « {title} »").format(title=letter.title),
            _("Avant ce jour, gardez l'avis de réception, ou téléchargez la preuve de distribution avec le numéro de suivi, et ajoutez-la comme pièce."),
            letter.id))
    return found


def procedural_calendar(case_file: CaseFile, today: date) -> tuple[Deadline, ...]:
    """The case's dates that matter, in date order, then in the order of ``KINDS``."""
    found = _notices(case_file) + _hearing(case_file) + _injonctions(case_file) + _proofs(case_file)
    dated = [Deadline(d.day, d.kind, d.title, d.what_to_do, d.event_id, d.day < today, d.moved_from) for d in found]
    return tuple(sorted(dated, key=lambda d: (d.day, KINDS.index(d.kind), d.event_id or "")))
