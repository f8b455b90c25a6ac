"""Text files (and e-mail bodies) as pages: monospaced, lines wrapped, nothing reflowed."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .fonts import MONO, SANS, register_fonts
from .styles import MUTED, PAGE_HEIGHT, PAGE_WIDTH

MONO_SIZE = 8.6
LEADING = 11.2
LEFT = 20 * mm
TOP = 24 * mm
BOTTOM = 20 * mm
COLUMNS = int((PAGE_WIDTH - 2 * LEFT) / (MONO_SIZE * 0.6021))


def decode_text(data: bytes) -> str:
    """UTF-8 when it is, else Windows-1252, the two encodings French office files come in."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def wrapped_lines(text: str, columns: int = COLUMNS) -> Iterator[str]:
    for line in text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split("\n"):
        if len(line) <= columns:
            yield line
            continue
        yield from textwrap.wrap(line, columns, replace_whitespace=False, drop_whitespace=False,
                                 break_on_hyphens=False) or [""]


def draw_text_pages(canvas: Canvas, lines: Iterator[str], caption: str, top: float | None = None) -> int:
    """Draw lines from ``top`` (the first page) or the top margin; returns pages drawn."""
    register_fonts()
    pages = 0
    y = top if top is not None else PAGE_HEIGHT - TOP
    started = False
    for line in lines:
        if not started:
            _caption(canvas, caption)
            started = True
        if y < BOTTOM:
            canvas.showPage()
            pages += 1
            _caption(canvas, caption)
            y = PAGE_HEIGHT - TOP
        canvas.setFont(MONO, MONO_SIZE)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawString(LEFT, y, line.replace("\x00", ""))
        y -= LEADING
    if not started:
        _caption(canvas, caption)
    canvas.showPage()
    return pages + 1


def _caption(canvas: Canvas, caption: str) -> None:
    canvas.setFont(SANS, 7)
    canvas.setFillColor(MUTED)
    canvas.drawString(LEFT, PAGE_HEIGHT - 14 * mm, caption)


def text_to_pdf(source: Path, target: Path, caption: str) -> int:
    register_fonts()
    text = decode_text(source.read_bytes())
    canvas = Canvas(str(target), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1, initialFontName=SANS,
                    pageCompression=1)
    canvas.setTitle(caption)
    pages = draw_text_pages(canvas, wrapped_lines(text), caption)
    canvas.save()
    return pages
