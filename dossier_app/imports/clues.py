"""Choosing the one date to suggest among all the dates a file offers.

The rule, most plausible first:

1. what a machine recorded at the moment: the e-mail's Date header, the camera's
   DateTimeOriginal;
   then a date the text introduces as its own ("Laval, le …", "Date : …", "Facture du …"
   at the start of a line), the first one winning;
2. a date someone wrote into the file name ("facture_2016-10-04.pdf", "IMG_20161004…");
3. any other date in the text, the first one winning: documents state their date on top;
4. the file's embedded creation date (PDF metadata, XMP, PNG text, EXIF digitized),
   which records when the *file* was made — often a later scan or download;
5. modification dates, last.

Dates the text only refers to (due dates, "votre courrier du …") are never candidates
(see ``french_dates``).  A date after ``today`` or before 1990 is never suggested: a
clock set wrong, or a placeholder.
"""

from __future__ import annotations

from datetime import date

from ..i18n import _
from .analysis import DateClue
from .french_dates import STRONG, TextDate

RECORDED = 70
STATED = 60
FILE_NAME = 50
IN_TEXT = 40
CREATED = 30
MODIFIED = 20

EARLIEST = date(1990, 1, 1)


def from_text(dates: list[TextDate]) -> list[DateClue]:
    return [DateClue(d.day, _("texte : « {snippet} »").format(snippet=d.snippet),
                     (STATED if d.strength >= STRONG else IN_TEXT) - min(index, 9))
            for index, d in enumerate(dates)]


def from_file_name(found: tuple[date, str] | None) -> list[DateClue]:
    if found is None:
        return []
    day, written = found
    return [DateClue(day, _("nom du fichier : « {written} »").format(written=written), FILE_NAME)]


def plausible(clues: list[DateClue], today: date) -> list[DateClue]:
    """The clues worth suggesting, best first, one per day (its best source)."""
    best: dict[date, DateClue] = {}
    for clue in sorted(clues, key=lambda c: -c.rank):  # stable: ties keep the order found
        if EARLIEST <= clue.day <= today and clue.day not in best:
            best[clue.day] = clue
    return list(best.values())
