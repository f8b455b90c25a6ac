"""Page geometry, colours and paragraph styles: a sober law-office look, legible in black and white."""

from __future__ import annotations

import re
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import paragraph, tables

from ..i18n import NARROW_NBSP
from .fonts import BOLD, ITALIC, MONO, SANS, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 22 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

INK = colors.black
ACCENT = colors.HexColor("#1f3550")  # a dark ink blue that prints as near-black
RULE = colors.HexColor("#7a7a7a")
SHADE = colors.HexColor("#e8e8e8")
LIGHT_SHADE = colors.HexColor("#f4f4f4")
MUTED = colors.HexColor("#505050")

BODY_SIZE = 9.5
SMALL_SIZE = 8


# Reportlab's paragraphs cut words at every Unicode space but the no-break space, the narrow one
# included, and join them back with ordinary spaces: « 3\u202f012,00\u202f€ » printed as
# « 3 012,00 € » with plain spaces, and could break inside the amount at the end of a cell.
_BREAKING = re.compile(f"[{re.escape(paragraph._wsc.replace(NARROW_NBSP, ''))}]+").split
_reportlab_split = paragraph.split


def _split(text: str | bytes, delim: str | bytes | None = None) -> list[str]:
    """``reportlab.platypus.paragraph.split``, with U+202F kept inside its word like U+00A0."""
    if delim is None:
        text = text if isinstance(text, str) else text.decode("utf8")
        if NARROW_NBSP in text:
            return list(_BREAKING(text))
    words: list[str] = _reportlab_split(text, delim)
    return words


def _house_rules() -> None:
    """What every reportlab drawing of the export needs: narrow no-break spaces kept, and table
    cells that start in DejaVu (reportlab's cell style starts in Helvetica, which a table then
    names on its page even when every cell is a paragraph in another font)."""
    paragraph.split = _split
    tables.CellStyle.fontname = SANS


_house_rules()  # on import: every module that draws with reportlab takes its geometry from here


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=SANS, fontSize=BODY_SIZE, leading=13.5, textColor=INK,
                          alignment=TA_JUSTIFY, spaceAfter=5)
    made = {
        "body": body,
        "body-left": ParagraphStyle("body-left", parent=body, alignment=TA_LEFT, spaceAfter=0),
        "fact": ParagraphStyle("fact", parent=body, leftIndent=14, firstLineIndent=-14, spaceAfter=6),
        "part": ParagraphStyle("part", fontName=BOLD, fontSize=15, leading=19, textColor=ACCENT,
                               spaceAfter=4, alignment=TA_LEFT),
        "part-sub": ParagraphStyle("part-sub", fontName=SANS, fontSize=9, leading=12,
                                   textColor=MUTED, spaceAfter=10),
        "heading": ParagraphStyle("heading", fontName=BOLD, fontSize=10.5, leading=14,
                                  textColor=ACCENT, spaceBefore=10, spaceAfter=5),
        "cell": ParagraphStyle("cell", fontName=SANS, fontSize=8.5, leading=11, textColor=INK),
        "cell-bold": ParagraphStyle("cell-bold", fontName=BOLD, fontSize=8.5, leading=11),
        "cell-right": ParagraphStyle("cell-right", fontName=SANS, fontSize=8.5, leading=11,
                                     alignment=TA_RIGHT),
        "cell-center": ParagraphStyle("cell-center", fontName=SANS, fontSize=8.5, leading=11,
                                      alignment=TA_CENTER),
        "cell-head": ParagraphStyle("cell-head", fontName=BOLD, fontSize=8, leading=10,
                                    textColor=INK),
        "cell-head-right": ParagraphStyle("cell-head-right", fontName=BOLD, fontSize=8, leading=10,
                                          alignment=TA_RIGHT),
        "cell-small": ParagraphStyle("cell-small", fontName=SANS, fontSize=7.6, leading=9.8),
        "cell-small-right": ParagraphStyle("cell-small-right", fontName=SANS, fontSize=7.6, leading=9.8,
                                           alignment=TA_RIGHT),
        "cell-small-head": ParagraphStyle("cell-small-head", fontName=BOLD, fontSize=7.2, leading=9),
        "cell-small-head-right": ParagraphStyle("cell-small-head-right", fontName=BOLD, fontSize=7.2,
                                                leading=9, alignment=TA_RIGHT),
        "cell-mono": ParagraphStyle("cell-mono", fontName=MONO, fontSize=7.5, leading=11),
        "note": ParagraphStyle("note", fontName=ITALIC, fontSize=8, leading=10.5, textColor=MUTED,
                               spaceAfter=4),
        "toc": ParagraphStyle("toc", fontName=SANS, fontSize=9.5, leading=13),
        "toc-part": ParagraphStyle("toc-part", fontName=BOLD, fontSize=10, leading=14),
        "cover-court": ParagraphStyle("cover-court", fontName=BOLD, fontSize=13, leading=17,
                                      alignment=TA_CENTER, textColor=INK),
        "cover-line": ParagraphStyle("cover-line", fontName=SANS, fontSize=10, leading=14,
                                     alignment=TA_CENTER),
        "cover-label": ParagraphStyle("cover-label", fontName=BOLD, fontSize=10, leading=14,
                                      textColor=ACCENT),
        "cover-party": ParagraphStyle("cover-party", fontName=BOLD, fontSize=12, leading=16),
        "cover-detail": ParagraphStyle("cover-detail", fontName=SANS, fontSize=9, leading=12.5,
                                       textColor=INK),
        "cover-role": ParagraphStyle("cover-role", fontName=ITALIC, fontSize=9, leading=12.5,
                                     textColor=INK),
        "cover-title": ParagraphStyle("cover-title", fontName=BOLD, fontSize=17, leading=22,
                                      alignment=TA_CENTER, textColor=ACCENT),
        "cover-kicker": ParagraphStyle("cover-kicker", fontName=SANS, fontSize=9, leading=12,
                                       alignment=TA_CENTER, textColor=MUTED),
        "cover-small": ParagraphStyle("cover-small", fontName=SANS, fontSize=8.5, leading=12,
                                      alignment=TA_LEFT, textColor=INK),
        "mono": ParagraphStyle("mono", fontName=MONO, fontSize=8.5, leading=11),
        "signature": ParagraphStyle("signature", fontName=SANS, fontSize=9.5, leading=14,
                                    alignment=TA_LEFT),
    }
    return made
