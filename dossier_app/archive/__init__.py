"""The ``.dossier`` archive: one zip holding a case in the interchange format, its exhibit
files and a manifest of their SHA-256 hashes and sizes.

This package knows the container only; the service (``services/archive.py``) decides what
goes in and what a restored case becomes. Nothing here touches the store.
"""

from .layout import CASE_NAME, FORMAT, MANIFEST_NAME
from .manifest import Entry
from .reader import CheckedArchive, check_archive
from .writer import SourceFile, write_archive

__all__ = [
    "CASE_NAME",
    "FORMAT",
    "MANIFEST_NAME",
    "CheckedArchive",
    "Entry",
    "SourceFile",
    "check_archive",
    "write_archive",
]
