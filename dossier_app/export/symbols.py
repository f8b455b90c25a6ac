"""Characters DejaVu lacks (emoji, rare symbols), printed as something rather than an empty box.

Each such character is drawn in the symbols' font (``fonts.symbol_font``, Symbola) when that font
has it, else written as its Unicode name in brackets (``[SMILING FACE WITH HEARTS]``). Joiners
and variation selectors, which only say how to draw their neighbours, are left out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .fonts import SANS, register_fonts, symbol_font

_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
# Zero-width joiner, variation selectors, tag characters: how to draw a neighbour, nothing to print.
_SILENT = re.compile("[\u200d\ufe00-\ufe0f\U000e0020-\U000e007f]")


@cache
def _glyphs(font: str) -> frozenset[int]:
    """The code points ``font`` draws."""
    face = pdfmetrics.getFont(font).face
    return frozenset(getattr(face, "charToGlyph", {}))


def runs(text: str, font: str = SANS) -> list[tuple[str, str | None]]:
    """``text`` cut into runs: ``(text, None)`` drawn in ``font``, ``(text, symbols' font)`` drawn in
    the symbols' font; characters neither font has become their names in brackets."""
    register_fonts()
    if text.isascii():
        return [(text, None)]
    covered = _glyphs(font)
    out: list[tuple[str, str | None]] = []

    def add(piece: str, other: str | None) -> None:
        if out and out[-1][1] == other:
            out[-1] = (out[-1][0] + piece, other)
        elif piece:
            out.append((piece, other))

    text = _SILENT.sub("", text)
    position = 0
    for found in _NOT_ASCII.finditer(text):
        add(text[position:found.start()], None)
        for char in found.group():
            if ord(char) in covered:
                add(char, None)
                continue
            symbols = symbol_font()
            if symbols is not None and ord(char) in _glyphs(symbols):
                add(char, symbols)
            else:
                add(f"[{unicodedata.name(char, f'U+{ord(char):04X}')}]", None)
        position = found.end()
    add(text[position:], None)
    return out


def with_symbols(markup: str, font: str = SANS) -> str:
    """Paragraph markup (already escaped) with each character ``font`` lacks in the symbols' font
    or named in brackets. Tags and entities are ASCII: they pass through unchanged."""
    if markup.isascii():
        return markup
    return "".join(piece if other is None else f'<font name="{other}">{piece}</font>'
                   for piece, other in runs(markup, font))


def draw_string(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """``canvas.drawString`` with the symbols' font where ``font`` lacks a character."""
    for piece, other in runs(text, font):
        canvas.setFont(other or font, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, other or font, size)
    canvas.setFont(font, size)
