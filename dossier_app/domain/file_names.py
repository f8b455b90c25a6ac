"""File names for exhibits written out (dump, archive): close to the originals, distinct, safe.

A lawyer opening the folder or the zip by hand should find « facture-2024-003.pdf », not a
hash; two exhibits with the same original name get « -2 », « -3 »; nothing may name a path.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
MAX_NAME_CHARS = 120


def safe_leaf(original: str) -> str:
    leaf = _UNSAFE.sub("_", unicodedata.normalize("NFC", original)).strip(" .")
    if len(leaf) > MAX_NAME_CHARS:
        stem, dot, ext = leaf.rpartition(".")
        keep = ext if dot and len(ext) <= 10 else ""
        leaf = (leaf if not keep else stem)[:MAX_NAME_CHARS - len(keep) - 1].rstrip(" .") + (f".{keep}" if keep else "")
    return leaf


def title_stem(title: str) -> str:
    """A file name's stem a person recognises, from a case's title (the dump and the archive suggest it):
    letters, digits, spaces and dashes kept, anything else « _ », 60 characters at most."""
    keep = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in title).strip()
    return keep[:60] or "affaire"


def distinct_names(files: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A distinct, safe leaf name per file, from (sha256, original name), in the order given."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for sha, original in files:
        if sha in names:
            continue
        base = safe_leaf(original) or sha[:16]
        stem, dot, ext = base.rpartition(".")
        if not dot or not stem:
            stem, ext = base, ""
        leaf, n = base, 2
        while leaf.casefold() in used:
            leaf = f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}"
            n += 1
        used.add(leaf.casefold())
        names[sha] = leaf
    return names
