"""Dates: ISO 8601 in files, the language's words on screen and paper.

A *day* is a ``date``; an *instant* is a ``datetime``, naive (the business's local
time) or with its explicit offset, kept as written so that a file round-trips.
Dates for people are Babel's (through ``i18n.Translator``); the dates people type are read by
the French rules below first (day before month, "1er", French month names), then by dateutil.
Babel's locale data and dateutil are imported on first use: the window's first paint needs neither.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..i18n import _, active, translator

if TYPE_CHECKING:
    from dateutil.parser import parserinfo

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$")


def parse_day(text: str) -> date:
    """An ISO day, ``"2016-10-04"``; ``ValueError`` with a sentence otherwise."""
    if isinstance(text, str) and _DAY.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(_("{show} n'est pas une date valide (écrivez AAAA-MM-JJ, par exemple \"2016-10-04\")").format(show=_show(text)))


def parse_instant(text: str) -> datetime:
    """An ISO instant, ``"2016-10-04T09:30"`` or ``"2016-10-04T09:30+02:00"``."""
    if isinstance(text, str) and _INSTANT.match(text):
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
    raise ValueError(_("{show} n'est pas un instant valide (écrivez par exemple \"2016-10-04T09:30\")").format(show=_show(text)))


def parse_day_or_instant(text: str) -> date | datetime:
    if isinstance(text, str) and "T" in text:
        return parse_instant(text)
    return parse_day(text)


def format_day(day: date) -> str:
    return day.isoformat()


def format_instant(moment: datetime) -> str:
    spec = "minutes" if moment.second == 0 and moment.microsecond == 0 else "seconds"
    return moment.isoformat(timespec=spec)


def format_day_or_instant(value: date | datetime) -> str:
    return format_instant(value) if isinstance(value, datetime) else format_day(value)


def day_of(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _show(value: object) -> str:
    return f"\"{value}\"" if isinstance(value, str) else repr(value)


# --- for people -----------------------------------------------------------------------

# The three below serve callers holding a language code, not a Translator (``Translator.long_day``,
# ``.short_day``, ``.month`` are the same formats): the active language's, or ``lang``'s.

def long_day(day: date, lang: str | None = None) -> str:
    """``"4 octobre 2016"`` / ``"1er mars 2024"`` / ``"4 October 2016"``."""
    return (translator(lang) if lang else active()).long_day(day)


def short_day(day: date, lang: str | None = None) -> str:
    """``"04/10/2016"`` in French, ISO ``"2016-10-04"`` in English."""
    return (translator(lang) if lang else active()).short_day(day)


def short_instant(moment: datetime, lang: str | None = None) -> str:
    text = f"{short_day(moment.date(), lang)} {moment.hour:02d}:{moment.minute:02d}"
    if moment.utcoffset() is not None:
        text += " " + moment.strftime("%z")[:3] + ":" + moment.strftime("%z")[3:]
    return text


def month_label(year: int, month: int, lang: str | None = None, short: bool = True) -> str:
    """``"janv. 2024"`` / ``"Jan 2024"``; ``short=False``: ``"janvier 2024"`` / ``"January 2024"``."""
    return (translator(lang) if lang else active()).month(year, month, short=short)


_USER_YEAR_FIRST = re.compile(r"^\s*(\d{4})([/.-]?)(\d{1,2})\2(\d{1,2})\s*$")
_USER_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$")
_USER_WORDS = re.compile(r"^\s*(\d{1,2})(?:er)?\s+([a-zéûA-ZÉÛ.]+)\s+(\d{4})\s*$")


def parse_user_day(text: str) -> date:
    """A day as a person types it: ``04/10/2016``, ``4 octobre 2016``, ``2016-10-04``, and what
    dateutil reads besides (``le 4 octobre 2016``, ``lundi 4 octobre 2016``, ``October 4, 2016``,
    ``2016/10/04``) as long as it names a day, a month and a year."""
    raw = text.strip()
    year_first = _USER_YEAR_FIRST.match(raw)  # ISO's order, whatever the separator
    numeric = _USER_NUMERIC.match(raw)
    words = _USER_WORDS.match(raw)
    try:
        if year_first:
            year, _sep, month, day = year_first.groups()
            return date(int(year), int(month), int(day))
        if numeric:
            day, month, year = (int(g) for g in numeric.groups())
            if year < 100:
                year += 2000
            return date(year, month, day)
        named = month_from_name(words.group(2)) if words else None
        if words and named:
            return date(int(words.group(3)), named, int(words.group(1)))
    except ValueError:
        pass
    if not (year_first or numeric or words) and re.search(r"\d{4}", raw):
        # Only what the French rules do not cover: "10/13/2016" stays wrong, never 13 October; and a
        # year written whole, so that "5 mai 20", half typed, is not taken for 5 May 2020.
        flexible = _read_by_dateutil(raw)
        if flexible is not None:
            return flexible
    raise ValueError(_("« {text} » n'est pas une date (exemple : 04/10/2016 ou 4 octobre 2016)").format(text=text))


def month_from_name(name: str) -> int | None:
    """The month number of a French or English month name, full or abbreviated."""
    key = _plain(name).rstrip(".")
    for month, (fr, en) in enumerate(_month_names(), start=1):
        if key in (fr, en):
            return month
        if len(key) >= 3 and (fr.startswith(key) or en.startswith(key)):
            return month
    return None


def _plain(word: str) -> str:
    """``"Févr."`` → ``"fevr."``: lower case, accents gone, as people type month names."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


@functools.cache
def _month_names() -> tuple[tuple[str, str], ...]:
    """Each month's full French and English name, as the screen writes them: ``("janvier", "january")``…"""
    from ..i18n import month_names

    return tuple((_plain(fr), _plain(en)) for fr, en in zip(month_names("fr"), month_names("en"), strict=True))


@functools.cache
def _dateutil_info() -> parserinfo:
    """dateutil's reader of dates, with the French words: built once, on the first date read by it."""
    from babel.dates import get_day_names, get_month_names
    from dateutil import parser as dateutil_parser

    class _FrenchAndEnglish(dateutil_parser.parserinfo):
        """dateutil's words, plus the French ones: month and day names (full, abbreviated, without
        accents), "le", "1er"; day before month when the order is ambiguous, as in France."""

        def __init__(self) -> None:
            months, days = [], []
            for locale in ("fr_FR", "en_GB"):
                for width in ("wide", "abbreviated"):
                    months.append(get_month_names(width, locale=locale))
                    days.append(get_day_names(width, locale=locale))
            # dateutil takes any number of names per month and day; its stubs say two or three.
            self.MONTHS = [tuple(sorted({_plain(n[m]).rstrip(".") for n in months}  # type: ignore[misc]
                                        | set(dateutil_parser.parserinfo.MONTHS[m - 1])))
                           for m in range(1, 13)]
            # Babel counts days from Monday (0), as dateutil does.
            self.WEEKDAYS = [tuple(sorted({_plain(n[d]).rstrip(".") for n in days}  # type: ignore[misc]
                                          | set(dateutil_parser.parserinfo.WEEKDAYS[d])))
                             for d in range(7)]
            self.JUMP = [*dateutil_parser.parserinfo.JUMP, "le", "er", "du"]
            super().__init__(dayfirst=True)

    return _FrenchAndEnglish()


def _read_by_dateutil(raw: str) -> date | None:
    """What dateutil reads in ``raw``, only when it names the day, the month and the year: read
    twice with defaults differing in all three, a part it filled in would show as a difference."""
    from dateutil import parser as dateutil_parser

    text = _plain(raw)
    try:
        first = dateutil_parser.parse(text, parserinfo=_dateutil_info(), default=datetime(2001, 1, 1))
        second = dateutil_parser.parse(text, parserinfo=_dateutil_info(), default=datetime(2002, 2, 2))
    except (ValueError, OverflowError):
        return None
    return first.date() if first.date() == second.date() else None
