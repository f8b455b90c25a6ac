"""Dates written in documents, the way French (and some English) documents write them.

Each date found carries the words just before it, because they tell whether it is the
document's own date ("Laval, le 4 octobre 2016", "Date : 04/10/2016"), a date it
merely mentions ("votre courrier du 12 septembre"), or one it sets ("à payer avant le…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..domain.dates import month_from_name

STRONG = 2   # says it is the document's date
PLAIN = 1    # a date in the text, nothing said about it
# Dates a document refers to or sets (due dates, periods, earlier letters) are dropped:
# they are never the date of the document itself.

_MONTHS = (
    r"janvier|janv|jan|f[ée]vrier|f[ée]vr|f[ée]v|mars|mar|avril|avr|mai|juin|juillet|juil|"
    r"ao[ûu]t|septembre|sept|sep|octobre|oct|novembre|nov|d[ée]cembre|d[ée]c|"
    r"january|february|feb|march|april|apr|may|june|jun|july|jul|august|aug|september|"
    r"october|december"
)
_WORDS_FR = re.compile(
    rf"(?<![\w])(1er|0?[1-9]|[12]\d|3[01])\s*(?:er)?\s+({_MONTHS})\.?,?\s+((?:19|20)\d\d)(?!\d)",
    re.IGNORECASE)
_WORDS_EN = re.compile(
    rf"(?<![\w])({_MONTHS})\.?\s+(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?!\d)",
    re.IGNORECASE)
_DAY_FIRST = re.compile(r"(?<![\d/.,-])(0?[1-9]|[12]\d|3[01])([/.-])(0?[1-9]|1[0-2])\2((?:19|20)\d\d|\d\d)(?![\d]|[/.,-]\d)")
_ISO = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)([-/])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d]|[/.-]\d)")

_STRONG_BEFORE = re.compile(
    r"(?:"
    r"[A-Za-zÀ-ÿ)]\s*,\s*(?:le|ce)\s*"                                 # "Laval, le"
    r"|\bfait\s+(?:à|a)\b[^\n]{0,40}?\ble\s*"                           # "Fait à Laval le"
    r"|\bdate\s*(?:de\s+(?:la\s+)?|d['’]\s*)?(?:facture|facturation|émission|emission|l['’]avoir|"
    r"la\s+lettre|envoi|édition|edition|commande|signature)?\s*:?\s*"  # "Date :", "Date de facture :"
    r"|\ben\s+date\s+du\s*"
    r"|\b(?:émise?|emise?|établie?|etablie?|signée?|signee?|envoyée?|envoyee?)\s+le\s*"
    r"|^\s*(?:le|date|dated|on)\s*:?\s*"                               # "Le 4 octobre 2016" alone
    r"|^\s*(?:facture|avoir|devis|bon\s+de\s+commande|contrat|invoice)\b[^\n]{0,40}?\b(?:du|of|dated)\s*"
    r")$",
    re.IGNORECASE)
_REFERRED_BEFORE = re.compile(
    r"(?:échéance|echeance|échéant|payable|avant\s+le|au\s+plus\s+tard|jusqu['’]?\s*au|limite|"
    r"n[ée]e?\s+le|\bdue\b|délai|delai|à\s+compter|a\s+compter|valable|expir|période|periode|"
    r"imprim|impression|printed|t[ée]l[ée]charg|download|"                # when a copy was made
    r"\bdu\b|\bau\b|\bdepuis\b|\bsuite\b|\bfrom\b|\buntil\b|\bbefore\b|\bto\b)[^\n]{0,25}$",
    re.IGNORECASE)


@dataclass(frozen=True)
class TextDate:
    day: date
    strength: int
    position: int
    snippet: str  # the date with the words that introduce it, for the user to recognise


def find_dates(text: str) -> list[TextDate]:
    """Every date in the text that may be the document's own, in order of appearance."""
    found: dict[int, TextDate] = {}
    for pattern, build in ((_WORDS_FR, _from_words_fr), (_WORDS_EN, _from_words_en),
                           (_DAY_FIRST, _from_day_first), (_ISO, _from_iso)):
        for match in pattern.finditer(text):
            day = build(match)
            if day is None or match.start() in found:
                continue
            line_start = text.rfind("\n", 0, match.start()) + 1
            before = text[max(line_start, match.start() - 60):match.start()]
            strength = _strength(before)
            if strength:
                found[match.start()] = TextDate(day, strength, match.start(), _snippet(before, match.group(0)))
    return [found[k] for k in sorted(found)]


def _strength(before: str) -> int:
    if _STRONG_BEFORE.search(before):
        return STRONG
    if _REFERRED_BEFORE.search(before):
        return 0
    return PLAIN


def _snippet(before: str, matched: str) -> str:
    words = " ".join(before.split()[-4:])
    return " ".join(f"{words} {matched}".split())[-80:]


def _day(year: int, month: int | None, day: int) -> date | None:
    if month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_words_fr(match: re.Match[str]) -> date | None:
    day = 1 if match.group(1).lower() == "1er" else int(match.group(1))
    return _day(int(match.group(3)), month_from_name(match.group(2)), day)


def _from_words_en(match: re.Match[str]) -> date | None:
    return _day(int(match.group(3)), month_from_name(match.group(1)), int(match.group(2)))


def _from_day_first(match: re.Match[str]) -> date | None:
    year = int(match.group(4))
    if year < 100:
        # "04/10/16" is 2016, "12/05/98" is 1998: the pivot POSIX strptime uses.
        year += 2000 if year < 69 else 1900
    return _day(year, int(match.group(3)), int(match.group(1)))


def _from_iso(match: re.Match[str]) -> date | None:
    return _day(int(match.group(1)), int(match.group(3)), int(match.group(4)))


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_. ]?(0[1-9]|1[0-2])[-_. ]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_file_name(stem: str) -> tuple[date, str] | None:
    """A date a person or a device wrote into a file name: ``facture_2016-10-04``,
    ``IMG_20161004_101532``, ``Capture d’écran 2016-10-04 à 10.15.32``, ``04-10-2016``."""
    match = _NAME_DATE.search(stem)
    if match:
        day = _day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day:
            return day, match.group(0)
    dates = [d for d in find_dates(stem.replace("_", " ")) if d.strength]
    if dates:
        return dates[0].day, dates[0].snippet
    return None
