"""Dates: ISO 8601 in files, French words on screen and paper.

A *day* is a ``date``; an *instant* is a ``datetime``, naive (the business's local
time) or with its explicit offset, kept as written so that a file round-trips.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ..i18n import _, language

MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTHS_FR_SHORT = ("janv.", "févr.", "mars", "avr.", "mai", "juin",
                   "juil.", "août", "sept.", "oct.", "nov.", "déc.")
MONTHS_EN_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

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

def long_day(day: date, lang: str | None = None) -> str:
    """``"4 octobre 2016"`` / ``"1er mars 2024"`` / ``"4 October 2016"``."""
    lang = lang or language()
    if lang == "en":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS_FR[day.month - 1]} {day.year}"


def short_day(day: date, lang: str | None = None) -> str:
    """``"04/10/2016"`` (the French order in both languages' dossiers is kept for French courts)."""
    lang = lang or language()
    if lang == "en":
        return day.isoformat()
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def short_instant(moment: datetime, lang: str | None = None) -> str:
    text = f"{short_day(moment.date(), lang)} {moment.hour:02d}:{moment.minute:02d}"
    if moment.utcoffset() is not None:
        text += " " + moment.strftime("%z")[:3] + ":" + moment.strftime("%z")[3:]
    return text


def long_instant(moment: datetime, lang: str | None = None) -> str:
    lang = lang or language()
    at = "à" if lang == "fr" else "at"
    return f"{long_day(moment.date(), lang)} {at} {moment.hour:02d}:{moment.minute:02d}"


def month_label(year: int, month: int, lang: str | None = None, short: bool = True) -> str:
    lang = lang or language()
    names = (MONTHS_FR_SHORT if short else MONTHS_FR) if lang == "fr" else (
        MONTHS_EN_SHORT if short else MONTHS_EN)
    return f"{names[month - 1]} {year}"


_USER_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$")
_USER_WORDS = re.compile(r"^\s*(\d{1,2})(?:er)?\s+([a-zéûA-ZÉÛ.]+)\s+(\d{4})\s*$")


def parse_user_day(text: str) -> date:
    """A day as a person types it: ``04/10/2016``, ``4 octobre 2016``, ``2016-10-04``."""
    raw = text.strip()
    try:
        if _DAY.match(raw):
            return date.fromisoformat(raw)
        numeric = _USER_NUMERIC.match(raw)
        if numeric:
            day, month, year = (int(g) for g in numeric.groups())
            if year < 100:
                year += 2000
            return date(year, month, day)
        words = _USER_WORDS.match(raw)
        if words:
            named = month_from_name(words.group(2))
            if named:
                return date(int(words.group(3)), named, int(words.group(1)))
    except ValueError:
        pass
    raise ValueError(_("« {text} » n'est pas une date (exemple : 04/10/2016 ou 4 octobre 2016)").format(text=text))


def month_from_name(name: str) -> int | None:
    """The month number of a French or English month name, full or abbreviated."""
    key = name.lower().rstrip(".")
    key = key.replace("é", "e").replace("û", "u")
    for index, (fr, en) in enumerate(zip(MONTHS_FR, MONTHS_EN, strict=True)):
        fr_key = fr.replace("é", "e").replace("û", "u")
        if key in (fr_key, en.lower()):
            return index + 1
        if len(key) >= 3 and (fr_key.startswith(key) or en.lower().startswith(key)):
            return index + 1
    return None


def half_year_start(day: date) -> date:
    return date(day.year, 1 if day.month <= 6 else 7, 1)


def next_half_year(day: date) -> date:
    return date(day.year, 7, 1) if day.month <= 6 else date(day.year + 1, 1, 1)
