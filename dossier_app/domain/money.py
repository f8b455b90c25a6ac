"""Money through one door: integer cents inside, strings at the edges.

Files use a dot decimal with at most two decimals (``"1234.50"``); screen and paper use the
language's format through Babel (``"1 234,50 €"``, with the narrow no-break space U+202F that
CLDR gives French; ``"€1,234.50"`` in English).  A float never carries an amount: an amount is
``Cents``, an ``int`` that mypy tells apart from a count of days or an id.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NewType

from ..i18n import NARROW_NBSP, NBSP, _, active, translator

if TYPE_CHECKING:  # imported where a rate is read: the window's first paint needs none
    from decimal import Decimal

__all__ = ["LIMIT", "NARROW_NBSP", "NBSP", "Cents", "format_amount", "format_euros", "format_rate",
           "parse_amount", "parse_rate", "parse_user_amount"]

Cents = NewType("Cents", int)
"""An amount in euro cents. Parsing gives one; ``Cents(n)`` says that a computed ``int`` is one."""

LIMIT = 100_000_000_000  # cents: one billion euros
_STRICT = re.compile(r"^(-?)(\d+)(?:\.(\d{1,2}))?$")


def parse_amount(text: str) -> Cents:
    """Parse the interchange format's amount (``"1234.50"``) into cents.

    Raises ``ValueError`` with a sentence a user can act on.
    """
    if not isinstance(text, str):
        raise ValueError(_("{text!r} n'est pas un montant : écrivez-le entre guillemets, par exemple \"12.50\"").format(text=text))
    match = _STRICT.match(text.strip())
    if not match:
        hint = text.strip().replace(NARROW_NBSP, "").replace(NBSP, "").replace(" ", "").replace("€", "")
        if re.fullmatch(r"-?\d+,\d{1,2}", hint):
            fixed = hint.replace(",", ".")
            raise ValueError(_("\"{text}\" n'est pas un montant, écrivez \"{fixed}\"").format(text=text, fixed=fixed))
        raise ValueError(_("\"{text}\" n'est pas un montant (exemple : \"1234.50\")").format(text=text))
    sign, units, decimals = match.groups()
    cents = int(units) * 100 + int((decimals or "0").ljust(2, "0"))
    if cents >= LIMIT:
        # No dispute this program serves comes near; such a figure is a typing slip.
        raise ValueError(_("\"{text}\" : montant invraisemblable (un milliard d'euros ou plus), vérifiez-le").format(text=text))
    return Cents(-cents if sign else cents)


def parse_user_amount(text: str) -> Cents:
    """Parse an amount as a person types it: ``"1 234,50"``, ``"1234.50"``, ``"1.234,50 €"``."""
    raw = text.strip().replace("€", "").replace("EUR", "").strip()
    for space in (" ", NBSP, NARROW_NBSP, "'"):
        raw = raw.replace(space, "")
    if "," in raw and "." in raw:
        # The last separator is the decimal one: "1.234,50" or "1,234.50".
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif "," in raw:
        raw = raw.replace(",", ".")
    elif raw.count(".") > 1:
        raw = raw.replace(".", "")
    elif re.fullmatch(r"-?\d{1,3}\.\d{3}", raw):
        # "1.234" is a thousand in French writing, never one euro and 234 thousandths.
        raw = raw.replace(".", "")
    match = _STRICT.match(raw)
    if not match:
        raise ValueError(_("« {text} » n'est pas un montant (exemple : 1 234,50)").format(text=text))
    return parse_amount(raw)


def format_amount(cents: Cents) -> str:
    """The interchange format's amount: ``123450`` → ``"1234.50"``."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    return f"{sign}{units}.{rest:02d}"


def format_euros(cents: Cents, lang: str | None = None, symbol: bool = True) -> str:
    """An amount for a person: ``"1 234,50 €"`` in French, ``"€1,234.50"`` in English.

    The active language's, or ``lang``'s; what callers holding a ``Translator`` call is its
    ``money``, which this only reaches for the callers that hold a language code."""
    return (translator(lang) if lang else active()).money(cents, symbol=symbol)


def parse_rate(text: str) -> Decimal:
    """A rate in percent per year, as a string: ``"10.0"``."""
    if not isinstance(text, str) or not re.fullmatch(r"\d{1,3}(\.\d{1,4})?", text.strip()):
        raise ValueError(_("{text!r} n'est pas un taux (exemple : \"10.0\", en pour cent par an)").format(text=text))
    from decimal import Decimal, InvalidOperation

    try:
        return Decimal(text.strip())
    except InvalidOperation as exc:  # pragma: no cover - the regex above already rules it out
        raise ValueError(str(exc)) from exc


def format_rate(rate: Decimal) -> str:
    """A rate as written in files: at least one decimal, no trailing noise."""
    text = format(rate.normalize(), "f")
    return text if "." in text else text + ".0"
