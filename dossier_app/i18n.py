"""French first, English second: every sentence a person reads goes through gettext.

French is the source language: messages are written in French in the code, and
``locale/en/LC_MESSAGES/dossier.po`` gives their English. Numbers, amounts, percentages and dates
are formatted by Babel for the language. Each face chooses the language by creating a
``Translator`` (``translator("en")``) and activating it for what it runs (``using(...)``): the
command once per process, the window from its preferences, an export for the dossier's language.
``_`` and ``ngettext`` read the active one. Nothing here knows about Qt, SQL or the store.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import io
import os
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # imported by the methods that use it: the window's first paint needs none
    from decimal import Decimal

Lang = Literal["fr", "en"]
LANGUAGES: tuple[Lang, ...] = ("fr", "en")
DOMAIN = "dossier"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
_LOCALES = {"fr": "fr_FR", "en": "en_GB"}

# CLDR's month names and digit separators for fr_FR and en_GB, as Babel gives them: the window's first
# paint formats days, amounts and months with these, without waiting for Babel's locale data (tens of
# milliseconds to read); every other format is Babel's.  ``tests/i18n/test_formats_without_babel.py``
# compares them with Babel, value by value.
_MONTHS = {
    "fr": (("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
           ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre")),
    "en": (("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"),
           ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December")),
}
_SEPARATORS = {"fr": (NARROW_NBSP, ","), "en": (",", ".")}  # thousands, decimals


def month_names(lang: Lang) -> tuple[str, ...]:
    """The twelve months' full names: ``("janvier", …)``, ``("January", …)``."""
    return _MONTHS[lang][1]


def as_lang(value: str | None) -> Lang:
    """``"fr"`` or ``"en"`` from a setting, an option or an environment value (``en_US.UTF-8``…)."""
    text = (value or "").strip().lower()
    return "en" if text.startswith("en") else "fr"


def language_from_environment() -> Lang:
    """What the system asks for: ``DOSSIER_LANG``, then the usual locale variables; French otherwise."""
    for var in ("DOSSIER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return as_lang(value)
    return "fr"


class Translator:
    """The words and the formats of one language."""

    def __init__(self, lang: Lang, catalog: gettext.NullTranslations) -> None:
        self.lang: Lang = lang
        self.locale = _LOCALES[lang]
        self._catalog = catalog

    # --- words ---------------------------------------------------------------------------

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if self.lang == "fr":  # French: 0 and 1 take the singular
            return singular if n <= 1 else plural
        return self._catalog.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)

    # --- numbers, money, dates -------------------------------------------------------------

    def money(self, cents: int, *, symbol: bool = True) -> str:
        """``"1 234,50 €"`` in French, ``"€1,234.50"`` in English."""
        if type(cents) is int:  # CLDR's pattern, written out (see _SEPARATORS)
            group, point = _SEPARATORS[self.lang]
            units, rest = divmod(abs(cents), 100)
            sign, digits = "-" if cents < 0 else "", f"{units:,}".replace(",", group) + f"{point}{rest:02d}"
            if not symbol:
                return sign + digits
            return f"{sign}{digits}{NBSP}€" if self.lang == "fr" else f"{sign}€{digits}"
        from decimal import Decimal

        from babel.numbers import format_currency, format_decimal

        value = Decimal(cents).scaleb(-2)
        if symbol:
            return format_currency(value, "EUR", locale=self.locale)
        return format_decimal(value, format="#,##0.00", locale=self.locale)

    def number(self, value: int | Decimal) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.locale)

    def percent(self, rate: Decimal | str, *, decimals: int = 2) -> str:
        """A rate in percent (``Decimal("12.5")`` → ``"12,50 %"``): at least ``decimals`` decimals, more
        only when the rate has more (a published "3,375 %" is not rounded)."""
        from decimal import Decimal

        from babel.numbers import format_decimal

        value = Decimal(str(rate)).normalize()
        places = max(decimals, -int(value.as_tuple().exponent))
        text = format_decimal(value, format="#,##0." + "0" * places, locale=self.locale)
        return f"{text}{NBSP}%" if self.lang == "fr" else f"{text}%"

    def long_day(self, day: date) -> str:
        """``"1er mars 2024"``, ``"4 octobre 2016"`` / ``"4 October 2016"``."""
        from babel.dates import format_date

        text = format_date(day, "d MMMM y", locale=self.locale)
        return "1er" + text[1:] if self.lang == "fr" and day.day == 1 else text

    def short_day(self, day: date) -> str:
        """``"04/10/2016"`` in French; ISO ``"2016-10-04"`` in English, which no reader misreads."""
        # CLDR's "dd/MM/y", written out.
        return f"{day.day:02d}/{day.month:02d}/{day.year}" if self.lang == "fr" else day.isoformat()

    def month(self, year: int, month: int, *, short: bool = True) -> str:
        """``"janv. 2024"`` / ``"Jan 2024"``; ``short=False``: ``"janvier 2024"`` / ``"January 2024"``
        (CLDR's "MMM y" and "MMMM y", written out)."""
        date(year, month, 1)  # the same ValueError as Babel's for a month that does not exist
        return f"{_MONTHS[self.lang][0 if short else 1][month - 1]} {year}"

    def clock(self, moment: datetime) -> str:
        return f"{moment.hour:02d}{NBSP}h{NBSP}{moment.minute:02d}" if self.lang == "fr" else (
            f"{moment.hour:02d}:{moment.minute:02d}")

    def duration(self, span: timedelta) -> str:
        """``"416 j 17 h 15 min"``: one unit of meaning, never cut across lines."""
        minutes = int(span.total_seconds() // 60)
        days, rest = divmod(minutes, 24 * 60)
        hours, minutes = divmod(rest, 60)
        parts = []
        if days:
            parts.append(self.days(days))
        if hours:
            parts.append(f"{hours}{NBSP}h")
        if minutes or not parts:
            parts.append(f"{minutes}{NBSP}min")
        return NBSP.join(parts)

    def days(self, n: int) -> str:
        """A number of days, ``"3 j"`` / ``"3 d"``, with a no-break space."""
        unit = self.pgettext("abbreviation of days", "j")
        return f"{n}{NBSP}{unit}"


@functools.cache
def translator(lang: str) -> Translator:
    code = as_lang(lang)
    return Translator(code, _catalog(code))


def _catalog(lang: Lang) -> gettext.NullTranslations:
    if lang == "fr":
        return gettext.NullTranslations()  # the source language
    return catalogue(lang, DOMAIN)


def catalogue(lang: str, domain: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``domain`` for ``lang`` (``qt``: Qt's own words Qt leaves untranslated)."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
    mo = po.with_suffix(".mo")
    try:
        if not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime:
            # Opened by its path: gettext.translation would find this same file through the locale
            # module's names for the language, imported for it before the window's first paint.
            with open(mo, "rb") as handle:
                return gettext.GNUTranslations(handle)
    except OSError:
        pass
    # Not compiled yet, or compiled before the last edit (a source checkout): compile it in memory.
    if po.is_file():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with open(po, "rb") as handle:
            catalog = read_po(handle, locale=lang)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


# The face's choice for the whole process (its threads included), and a narrower one for a block.
_chosen: list[Translator] = []
_active: ContextVar[Translator | None] = ContextVar("dossier_translator", default=None)


def active() -> Translator:
    """The translator of the block under way, else the one the face activated, else the system's."""
    current = _active.get()
    if current is not None:
        return current
    if not _chosen:
        _chosen.append(translator(language_from_environment()))
    return _chosen[0]


def activate(lang: str | None) -> Translator:
    """Make ``lang`` the language of what this process says from now on (``None``: the system's)."""
    chosen = translator(lang if lang is not None else language_from_environment())
    _chosen[:] = [chosen]
    return chosen


@contextlib.contextmanager
def using(lang: str) -> Iterator[Translator]:
    """``lang`` for the duration of a block (an English export from a French window)."""
    token = _active.set(translator(lang))
    try:
        yield active()
    finally:
        _active.reset(token)


def language() -> Lang:
    return active().lang


def N_(message: str) -> str:
    """Marks a sentence for the catalogue where it is defined; ``_`` translates it where it is shown."""
    return message


def _(message: str) -> str:
    return active().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return active().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return active().pgettext(context, message)


def stdlib_messages_in(lang: str) -> None:
    """argparse's own sentences ("usage", "error", "required"…) in the language too: argparse asks
    the standard ``gettext`` of its ``argparse`` domain, which reads the compiled catalogue here
    for the language named in ``LANGUAGE``."""
    gettext.bindtextdomain("argparse", str(LOCALE_DIR))
    gettext.textdomain("argparse")
    os.environ["LANGUAGE"] = as_lang(lang)
