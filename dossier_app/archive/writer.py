"""Writing an archive, byte for byte the same for the same case.

Fixed dates, modes and order make the archive's own SHA-256 a fingerprint of the case:
archiving it again, or after a restore, gives the same bytes — something a person can
note down, send to their lawyer, and check later.
"""

from __future__ import annotations

import hashlib
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..regular_files import open_regular
from . import manifest
from .layout import CASE_NAME, MANIFEST_NAME
from .manifest import Entry

CHUNK = 1 << 20
_EPOCH = (1980, 1, 1, 0, 0, 0)
# Already compressed: deflating them again costs time and gains nothing.
_STORED_TYPES = ("application/pdf", "image/jpeg", "image/png")
_STORED_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".zip", ".docx", ".xlsx", ".odt", ".mp4", ".heic")


@dataclass(frozen=True)
class SourceFile:
    """An exhibit file to put in, and what it must hash to."""

    entry: Entry
    path: Path


class SourceProblem(Exception):
    """An exhibit's stored file is missing or no longer matches its hash."""

    def __init__(self, entry: Entry, problem: str) -> None:
        super().__init__(f"{entry.name}: {problem}")
        self.entry = entry
        self.problem = problem  # "missing" | "altered" | "unreadable"


def write_archive(target: Path, case_json: bytes, files: list[SourceFile]) -> None:
    """Write the archive to ``target``; ``SourceProblem`` if a file is not what it should be."""
    ordered = sorted(files, key=lambda f: f.entry.name)
    case_entry = Entry(CASE_NAME, hashlib.sha256(case_json).hexdigest(), len(case_json))
    with zipfile.ZipFile(target, "w", allowZip64=True) as archive:
        archive.writestr(_info(MANIFEST_NAME, compress=True),
                         manifest.encode([case_entry, *(f.entry for f in ordered)]))
        archive.writestr(_info(CASE_NAME, compress=True), case_json)
        for source in ordered:
            _copy_in(archive, source)


def _info(name: str, *, compress: bool, size: int = 0) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.create_system = 3
    info.external_attr = (stat.S_IFREG | 0o444) << 16
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.file_size = size  # known up front, so zipfile picks zip64 itself for a large file
    return info


def _compressible(entry: Entry) -> bool:
    if entry.media_type is not None:
        return entry.media_type not in _STORED_TYPES
    return not entry.name.lower().endswith(_STORED_SUFFIXES)


def _copy_in(archive: zipfile.ZipFile, source: SourceFile) -> None:
    entry = source.entry
    digest = hashlib.sha256()
    size = 0
    try:
        # Only a regular file, opened without blocking: a pipe put in the store's place must not hang the command.
        handle = open_regular(source.path)
    except FileNotFoundError as exc:
        raise SourceProblem(entry, "missing") from exc
    except OSError as exc:  # NotRegularFile included
        raise SourceProblem(entry, "unreadable") from exc
    with handle, archive.open(_info(entry.name, compress=_compressible(entry), size=entry.size), "w") as out:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if size > entry.size:
                break
            out.write(chunk)
        if size != entry.size or digest.hexdigest() != entry.sha256:
            raise SourceProblem(entry, "altered")
