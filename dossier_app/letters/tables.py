"""How a letter's table reads, the same in its PDF and its OpenDocument: rows made even, the columns
of amounts, rates or counts aligned on the right, a row that starts with « Total » in bold."""

from __future__ import annotations

import re

# An amount, a rate or a count.
_NUMBER = re.compile(r"^[-−+]?\s*[\d\s\u00a0\u202f.,]*\d[\d\s\u00a0\u202f.,]*\s*(€|%|EUR)?$")


def grid(rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    """The rows, each as long as the longest (the first is the header)."""
    columns = max(len(row) for row in rows)
    return [tuple(row) + ("",) * (columns - len(row)) for row in rows]


def numeric_columns(grid: list[tuple[str, ...]]) -> list[bool]:
    """Whether each column holds only amounts, rates or counts below its header (and at least one)."""
    body = grid[1:]
    return [bool(body) and all(not row[c].strip() or _NUMBER.match(row[c].strip()) for row in body)
            and any(row[c].strip() for row in body) for c in range(len(grid[0]))]


def is_total(row: tuple[str, ...]) -> bool:
    return bool(row) and row[0].strip().lower().startswith("total")
