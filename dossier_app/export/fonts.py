"""DejaVu fonts, found and registered once for every PDF the export draws.

Reportlab's own Helvetica is never embedded and its Vera lacks the narrow no-break
space that French amounts use, so every generated page uses DejaVu, and the canvas
starts with it so that not even an empty page names Helvetica.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..domain.errors import UserError
from ..resources import candidates
from . import unicode_map

SANS = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
MONO = "DejaVuSansMono"
FILES = {SANS: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf",
         MONO: "DejaVuSansMono.ttf"}
# Symbols and emoji DejaVu lacks, drawn in this font when it is installed (Debian's fonts-symbola,
# "free for any use"); without it they are named in brackets (``export/symbols.py``).
SYMBOLS = "Symbola"
SYMBOL_FILES = (Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
                Path("/usr/share/fonts/truetype/ancient-scripts/Symbola.ttf"))


def font_dirs() -> list[Path]:
    """Where the fonts may be, first match wins: the shipped ``resources/fonts`` wherever Dossier
    runs from (``dossier_app.resources``), then Debian's own copy of the same files."""
    return [*candidates("fonts"), Path("/usr/share/fonts/truetype/dejavu")]


def _find(file_name: str) -> Path:
    for folder in font_dirs():
        if (folder / file_name).is_file():
            return folder / file_name
    raise UserError(
        f"police {file_name} introuvable (cherchée dans resources/fonts) : réinstallez Dossier"
        f" / font {file_name} not found (looked in resources/fonts): reinstall Dossier")


@cache
def register_fonts() -> str:
    """Register the family with reportlab; returns the regular face's name."""
    unicode_map.install()
    for name, file_name in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(_find(file_name))))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=BOLD, italic=ITALIC, boldItalic=BOLD)
    pdfmetrics.registerFontFamily(MONO, normal=MONO, bold=MONO, italic=MONO, boldItalic=MONO)
    return SANS


@cache
def symbol_font() -> str | None:
    """Register the symbols' font when it is installed; its name, or None."""
    for path in SYMBOL_FILES:
        if path.is_file():
            pdfmetrics.registerFont(TTFont(SYMBOLS, str(path)))
            pdfmetrics.registerFontFamily(SYMBOLS, normal=SYMBOLS, bold=SYMBOLS, italic=SYMBOLS,
                                          boldItalic=SYMBOLS)
            return SYMBOLS
    return None


def text_width(text: str, font: str, size: float) -> float:
    register_fonts()
    width: float = pdfmetrics.stringWidth(text, font, size)
    return width
