"""Exhibit files, stored once under their SHA-256, read-only, never modified."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from ..regular_files import NotRegularFile, open_regular

CHUNK = 1 << 20
TRASH = ".trash"
_SHA256 = re.compile(r"[0-9a-f]{64}")

# What ``put`` did: wrote a file the store lacked, kept the good copy it had, or replaced a copy
# whose bytes no longer matched its name.
PutStatus = Literal["new", "kept", "repaired"]


class ChangedSource(ValueError):
    """The bytes read are not the bytes expected (the file changed since it was looked at), or the
    path no longer names an ordinary file."""


class BadHash(ValueError):
    """A name that is not a SHA-256: never turned into a path (it could point outside the store)."""


def _open_regular(source: Path) -> BinaryIO:
    # A pipe or a device swapped in after the file was looked at is a changed source, not a hang.
    try:
        return open_regular(source)
    except NotRegularFile as exc:
        raise ChangedSource(str(source)) from exc


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
            raise BadHash(sha256)
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return _SHA256.fullmatch(sha256) is not None and self.path(sha256).is_file()

    def intact(self, sha256: str) -> bool:
        """The stored copy is there and still hashes to its name: only then may it be trusted."""
        if not _SHA256.fullmatch(sha256):
            return False
        path = self.path(sha256)
        try:
            return path.is_file() and not path.is_symlink() and sha256_of(path) == sha256
        except OSError:
            return False

    def put(self, source: Path, expected_sha256: str | None = None, *,
            durable: bool = True) -> tuple[str, int, PutStatus]:
        """Copy ``source`` in; returns (sha256, size, what was done).

        The copy is hashed as it is written, so the stored bytes are the hashed bytes even if
        the source changes meanwhile; it lands under its final name only once complete. A copy
        already stored is re-hashed before it is trusted, and replaced when it no longer matches.
        ``durable=False`` leaves the flush to disk to the caller (one ``sync`` for a batch).
        """
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, _open_regular(source) as src:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                if durable:
                    os.fsync(out.fileno())
            sha = digest.hexdigest()
            if expected_sha256 is not None and sha != expected_sha256:
                raise ChangedSource(sha)
            target = self.path(sha)
            status: PutStatus = "new"
            if os.path.lexists(target):
                if self.intact(sha):
                    tmp.unlink()
                    return sha, size, "kept"
                status = "repaired"
            target.parent.mkdir(exist_ok=True)
            os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(tmp, target)
            return sha, size, status
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def remove(self, sha256: str) -> None:
        """Only for a file this very transaction wrote and is taking back (see ``FileWrites``)."""
        path = self.path(sha256)
        if os.path.lexists(path):
            path.unlink()

    # A file a transaction stops referencing is moved aside (an atomic rename), and only removed
    # once that transaction has committed; if it rolls back, or the program is killed before the
    # commit, the file is put back. So no file a row names is ever missing.

    @property
    def trash(self) -> Path:
        return self.root / TRASH

    def discard(self, sha256: str) -> bool:
        if not _SHA256.fullmatch(sha256):
            return False  # a damaged row named no file of the store: there is nothing to let go
        path = self.path(sha256)
        if not os.path.lexists(path):
            return False
        self.trash.mkdir(parents=True, exist_ok=True)
        os.replace(path, self.trash / sha256)
        return True

    def undiscard(self, sha256: str) -> None:
        held = self.trash / sha256
        if os.path.lexists(held):
            target = self.path(sha256)
            target.parent.mkdir(parents=True, exist_ok=True)
            if os.path.lexists(target):  # a fresh copy came in meanwhile: it is the same bytes
                held.unlink()
            else:
                os.replace(held, target)

    def drop_discarded(self, sha256: str) -> None:
        (self.trash / sha256).unlink(missing_ok=True)

    def discarded(self) -> list[str]:
        try:
            return sorted(p.name for p in self.trash.iterdir() if _SHA256.fullmatch(p.name))
        except OSError:
            return []

    def copy_out(self, sha256: str, target: Path) -> None:
        shutil.copyfile(self.path(sha256), target)

    def stored_paths(self) -> Iterator[Path]:
        """Every entry under the store's folders, whatever its name: verify judges each one."""
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if sub.name == TRASH:
                continue
            if sub.is_dir() and not sub.is_symlink():
                yield from sorted(sub.iterdir())
            else:
                yield sub

    def stored_hashes(self) -> Iterator[str]:
        for path in self.stored_paths():
            if path.parent != self.root and _SHA256.fullmatch(path.name) and path.parent.name == path.name[:2]:
                yield path.name
