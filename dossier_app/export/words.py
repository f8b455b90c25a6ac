"""The dossier's own words, beyond the vocabulary: each takes the export's ``Translator``.

An English export from a French window must not flip the window's language, so the export passes
its translator (``translator(options.lang)``) along instead of activating a language. Kinds,
actors and choices are named in ``domain.vocabulary``; amounts, rates and days are the
translator's (``money``, ``percent``, ``long_day``, ``short_day``, ``duration``, ``days``).
"""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape

from ..domain.bounds import neutral_text
from ..i18n import NBSP, Translator


def instant(tr: Translator, value: datetime) -> str:
    """``"2 mai 2024, 08 h 30"`` / ``"2 May 2024, 08:30"``."""
    return f"{tr.long_day(value.date())}, {tr.clock(value)}"


def short_instant(tr: Translator, value: datetime) -> str:
    """``"02/05/2024 08:30"`` / ``"2024-05-02 08:30"``, for tables."""
    return f"{tr.short_day(value.date())} {value.hour:02d}:{value.minute:02d}"


def exhibit(tr: Translator, number: int) -> str:
    """``"Pièce n° 7"`` / ``"Exhibit no. 7"``."""
    return tr.gettext("Pièce n°{NBSP}{number}").format(NBSP=NBSP, number=number)


def actor(tr: Translator, who: str | None, us: str, them: str) -> str:
    """Who acted, as the chronology names them: a party by its name, else "un tiers"."""
    return {"us": us, "them": them, "third_party": tr.gettext("un tiers")}.get(who or "", "")


def markup(text: str | None) -> str:
    """User text made safe for reportlab's paragraph markup, line breaks kept, bidi tricks dropped."""
    if not text:
        return ""
    return escape(neutral_text(text)).replace("\n", "<br/>")


def plain(text: str | None, limit: int | None = None) -> str:
    """User text as drawn outside paragraphs (bookmarks, metadata, running heads): one line, no bidi
    overrides or controls, cut with "…" past ``limit`` characters."""
    if not text:
        return ""
    text = " ".join(neutral_text(text).split())
    if limit is not None and len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return text


def blocks(text: str, size: int = 3000) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, at a space when there is one.

    Reportlab lays a paragraph out again from its start each time it breaks it across a page:
    one paragraph of a megabyte takes minutes, the same text in pieces takes a second or two.
    """
    pieces = []
    while len(text) > size:
        cut = text.rfind(" ", size // 2, size)
        if cut <= 0:
            cut = size
        pieces.append(text[:cut])
        text = text[cut:].lstrip(" ")
    pieces.append(text)
    return pieces


# A title in a line that cannot break across pages (a sommaire entry, a bookmark): real ones are
# far shorter, and the bordereau and the chronology give it whole.
LINE_TITLE = 300
