"""Text as a search compares it: case, accents and ligatures set aside ("reglement" finds "Règlement")."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# The ligatures and letters that NFKD leaves whole but a French user types as two or one plain letters.
_PLAIN = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o",
                        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "\u2019": "'", "\u02bc": "'",
                        # "procès-verbal" is found by "proces verbal": a hyphen counts as a space.
                        "-": " ", "\u2010": " ", "\u2011": " "})


def fold(text: str) -> str:
    """``text`` lower-cased, without accents, with ligatures spelt out: the form both sides of a search take."""
    if text.isascii():
        return text.lower().replace("-", " ")
    plain = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=256)
def fold_needle(text: str) -> str:
    """The folded form of what the user typed, stripped (asked again at each keystroke, hence cached)."""
    return fold(text.strip())
