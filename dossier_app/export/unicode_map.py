"""Text copied or searched in the dossier reads what is printed, emoji included.

ReportLab writes each subset font's ToUnicode map with ``"<%04X>"``: a character past U+FFFF (😀,
U+1F600) is written as five hex digits, which readers take for another character (pdftotext
gives U+1F60, "ὠ"). The map here writes those characters as the UTF-16 pair PDF asks for (ISO
32000-1 §9.10.3); everything else is written exactly as ReportLab writes it.
"""

from __future__ import annotations

from reportlab.pdfbase import ttfonts

_ORIGINAL = ttfonts.makeToUnicodeCMap


def _utf16(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    text: str = _ORIGINAL(fontname, subset)
    if all(code <= 0xFFFF for code in subset):
        return text
    lines = text.split("\n")
    first = lines.index(f"{len(subset)} beginbfchar") + 1
    lines[first:first + len(subset)] = [f"<{i:02X}> <{_utf16(code)}>" for i, code in enumerate(subset)]
    return "\n".join(lines)


def install() -> None:
    """Have ReportLab write its ToUnicode maps with ``to_unicode_cmap`` (once; idempotent)."""
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
