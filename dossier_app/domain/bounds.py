"""What input may hold: dates the law and the calendar allow, sizes the store and the paper can hold,
text that cannot disguise itself. Every face and every file format checks against these."""

from __future__ import annotations

import re
from datetime import date

from ..i18n import _, active

EARLIEST_DAY = date(1900, 1, 1)
# A hearing or a deadline can be set a few years ahead; anything later is a typing slip.
FUTURE_YEARS = 5
MAX_DAYS = 3660  # a deadline or a notice period, in days: ten years
MAX_COUNT = 1_000_000  # events, exhibits, pages or rows in one case
MAX_TEXT = 100_000  # characters in one free-text field
MAX_JSON_DEPTH = 64
MAX_INT_DIGITS = 30  # an integer in a case file: far more than any amount in cents
# An A4 page scanned at 600 dpi is 35 million pixels; past this an image is a trap, not a document.
MAX_IMAGE_PIXELS = 50_000_000
MAX_IMAGE_FRAMES = 2000  # pages of one multi-page image (a TIFF scan)


def latest_day(today: date) -> date:
    """The last day an event or an as-of date may fall on, seen from ``today``."""
    try:
        return today.replace(year=today.year + FUTURE_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year + FUTURE_YEARS, day=28)


def day_problem(day: date, today: date) -> str | None:
    """A sentence when ``day`` is outside what a dispute can hold, else ``None``."""
    if day < EARLIEST_DAY:
        return _("date du {day} antérieure à 1900 : vérifiez l'année").format(day=active().short_day(day))
    last = latest_day(today)
    if day > last:
        return _("date du {day} plus de {FUTURE_YEARS} ans dans le futur : vérifiez l'année").format(
            day=active().short_day(day), FUTURE_YEARS=FUTURE_YEARS)
    return None


# Bidirectional overrides, embeddings and isolates reorder what a reader sees: a title could show
# "facture 2025" while holding something else. Marks (LRM, RLM, ALM) only nudge and stay.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def text_problem(text: str) -> str | None:
    """A sentence when ``text`` cannot be stored as it is (not valid Unicode, or too long)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _("texte invalide (caractère Unicode isolé) : retapez-le")
    if len(text) > MAX_TEXT:
        return _("texte trop long ({text_count} caractères, au plus {MAX_TEXT})").format(text_count=len(text), MAX_TEXT=MAX_TEXT)
    return None



def title_problem(title: str) -> str | None:
    """The one rule for a title (an event's, an exhibit's, a case's): something to read, storable."""
    if not title.strip():
        return _("Le titre ne peut pas être vide.")
    return text_problem(title)

_HIDDEN = re.compile("[\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSAFE_ON_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def neutral_text(text: str) -> str:
    """``text`` as it may be shown or printed: no bidi overrides, no control characters but line breaks
    and tabs, lone surrogates replaced. Most texts hold none: they are looked for first, since a
    hundred thousand titles can be shown at once."""
    if _UNSAFE_ON_TERMINAL.search(text) is None:
        return text
    text = _HIDDEN.sub("", text)
    text = _CONTROL.sub(" ", text)
    return _SURROGATE.sub("\ufffd", text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"


def for_terminal(text: str) -> str:
    """``text`` safe to print on a terminal: escape sequences and other controls shown, not obeyed."""
    return _UNSAFE_ON_TERMINAL.sub(_escaped, text)
