"""The dossier's vocabulary in French and English, chosen per export (not per process).

An English export from a French window must not flip the window's language, so the
export passes its language along instead of calling ``i18n.set_language``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from xml.sax.saxutils import escape

from ..domain.bounds import neutral_text
from ..domain.dates import long_day, short_day
from ..domain.kind_names import KIND_NAMES
from ..domain.money import NBSP, format_euros
from ..i18n import translator


class Words:
    def __init__(self, lang: str) -> None:
        if lang not in ("fr", "en"):
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang

    def gettext(self, message: str) -> str:
        return translator(self.lang).gettext(message)

    # --- formatting for paper ---------------------------------------------------------

    def day(self, value: date | datetime | None) -> str:
        if value is None:
            return ""
        return long_day(value.date() if isinstance(value, datetime) else value, self.lang)

    def short(self, value: date | None) -> str:
        return short_day(value, self.lang) if value else ""

    def instant(self, value: datetime) -> str:
        clock = f"{value.hour:02d}{NBSP}h{NBSP}{value.minute:02d}" if self.lang == "fr" else (
            f"{value.hour:02d}:{value.minute:02d}")
        return f"{self.day(value)}, {clock}"

    def short_instant(self, value: datetime) -> str:
        clock = f"{value.hour:02d}:{value.minute:02d}"
        return f"{self.short(value.date())} {clock}"

    def euros(self, cents: int) -> str:
        return format_euros(cents, self.lang)

    def rate(self, rate: object) -> str:
        """A rate with two decimals at least, so that a column reads alike ("12,00 %" by "14,25 %");
        more only when the rate has more (a published "3,375 %" is not rounded)."""
        value = Decimal(str(rate)).normalize()
        text = format(value.quantize(Decimal("0.01")) if value == value.quantize(Decimal("0.01")) else value, "f")
        return text.replace(".", ",") + NBSP + "%" if self.lang == "fr" else text + "%"

    def duration(self, span: timedelta) -> str:
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
        # One duration is one unit of meaning: never cut across lines ("416 j 17 h / 15 min").
        return NBSP.join(parts)

    def days(self, n: int) -> str:
        """A number of days, "0 j" / "0 d", with a no-break space like every other duration."""
        return translator(self.lang).days(n)

    def count(self, n: int, fr_one: str, fr_many: str, en_one: str, en_many: str) -> str:
        one, many = (en_one, en_many) if self.lang == "en" else (fr_one, fr_many)
        return f"{n}{NBSP}{one if (n in (0, 1) and self.lang == 'fr') or n == 1 else many}"

    # --- the dossier's fixed words ----------------------------------------------------

    def exhibit(self, number: int) -> str:
        return self.gettext("Pièce n°{NBSP}{number}").format(NBSP=NBSP, number=number)

    def exhibit_page(self, number: int, page: int, pages: int) -> str:
        return self.gettext("Pièce n°{NBSP}{number} \u2014 p.{NBSP}{page}/{pages}").format(NBSP=NBSP, number=number, page=page, pages=pages)

    def actor(self, actor: str | None, us: str, them: str) -> str:
        return {"us": us, "them": them, "third_party": self.gettext("un tiers")}.get(
            actor or "", "")


KINDS = KIND_NAMES

ACTIONS = {
    "signed": ("signé", "signed"),
    "amended": ("modifié", "amended"),
    "terminated": ("résilié", "terminated"),
    "notice_given": ("préavis donné", "notice given"),
    "requested": ("demandé", "requested"),
    "refused": ("refusé", "refused"),
    "changed_without_consent": ("modifié sans accord", "changed without consent"),
    "restored": ("rétabli", "restored"),
    "summons": ("assignation", "summons"),
    "hearing": ("audience", "hearing"),
    "order": ("ordonnance", "order"),
    "judgment": ("jugement", "judgment"),
    "bailiff_report": ("constat de commissaire de justice", "bailiff's report"),
    "other": ("autre acte", "other step"),
}

CHANNELS = {
    "email": ("courriel", "e-mail"),
    "phone": ("téléphone", "phone"),
    "letter": ("courrier", "letter"),
    "meeting": ("réunion", "meeting"),
    "message": ("message", "message"),
}


def kind_label(words: Words, kind: str, *, formal_notice: bool = False) -> str:
    if kind == "registered_letter" and formal_notice:
        return words.gettext("Mise en demeure")
    fr, en = KINDS.get(kind, (kind, kind))
    return en if words.lang == "en" else fr


def choice_label(words: Words, table: dict[str, tuple[str, str]], value: str | None) -> str:
    if not value:
        return ""
    fr, en = table.get(value, (value, value))
    return en if words.lang == "en" else fr


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
