"""The files an import of some paths will consider, in a stable order.

Folders are walked in sorted order so that a re-run numbers exhibits the same way.
Links to folders are followed once: a folder reached again (a link loop, or the same
folder through two links) is not walked again, so a loop cannot hang the import.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

# Files a system or an office suite leaves beside documents: never evidence.
_JUNK = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db"})
_MAX_DEPTH = 64


def iter_candidate_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, and files inside folders named (hidden ones skipped), each once.

    A path named explicitly is always yielded, even hidden or missing, so that the
    analysis can say what is wrong with it; a folder that cannot be listed is yielded
    itself for the same reason.
    """
    visited: set[tuple[int, int]] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _walk(path, visited, 0)
        else:
            yield path


def _walk(folder: Path, visited: set[tuple[int, int]], depth: int) -> Iterator[Path]:
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in visited or depth > _MAX_DEPTH:
            return
        visited.add(key)
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: (e.name.casefold(), e.name))
    except OSError:
        yield folder
        return
    for entry in entries:
        if _skipped(entry.name):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows links: a link to a folder is walked, once
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, visited, depth + 1)
        else:
            yield path


def _skipped(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$") or name.casefold() in _JUNK
