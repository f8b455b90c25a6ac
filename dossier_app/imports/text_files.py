"""Plain text files: bytes to text whatever the encoding a Windows or Mac tool chose."""

from __future__ import annotations

import codecs

# Analysis reads no further: dates and kind clues sit at the top of a document.
TEXT_CAP = 20_000


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252: never raises.

    Windows-1252 is the last resort because every byte but five means something in it,
    and it is what French Windows tools write when they do not write UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            # Cut inside a multi-byte character by a caller's cap, not another encoding.
            return data[:exc.start].decode("utf-8")
    return data.decode("cp1252", errors="replace")


def estimated_pages(text: str, chars_per_line: int = 90, lines_per_page: int = 55) -> int:
    """How many A4 pages a text will take once printed, roughly: at least one."""
    lines = 0
    for line in text.splitlines() or [""]:
        lines += max(1, -(-len(line) // chars_per_line))
    return max(1, -(-lines // lines_per_page))
