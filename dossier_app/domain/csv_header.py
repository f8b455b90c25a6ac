"""Where a CSV's header is and what separates its columns, the same for the import and the export:
a spreadsheet's first line ``sep=;`` names the separator, blank lines before the header are
skipped, else the separator is the one the header holds most of."""

from __future__ import annotations

import re

_EXCEL_SEP = re.compile(r"^\s*sep=(.)\s*$", re.IGNORECASE)
DELIMITERS = ";,\t|"


def csv_header(lines: list[str]) -> tuple[int, str] | None:
    """The index of the header line and the delimiter, or None for a file without lines."""
    first, delimiter = 0, ""
    hint = _EXCEL_SEP.match(lines[0]) if lines else None
    if hint:
        first, delimiter = 1, hint.group(1)
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first >= len(lines):
        return None
    return first, delimiter or max(DELIMITERS, key=lines[first].count)
