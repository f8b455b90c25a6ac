"""Exhibit files, stored once under their SHA-256, read-only, never modified."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

CHUNK = 1 << 20


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
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def intact(self, sha256: str) -> bool:
        """The stored copy is there and still hashes to its name: only then may it be trusted."""
        path = self.path(sha256)
        try:
            return path.is_file() and not path.is_symlink() and sha256_of(path) == sha256
        except OSError:
            return False

    def put(self, source: Path, expected_sha256: str | None = None, *, durable: bool = True) -> tuple[str, int, bool]:
        """Copy ``source`` in; returns (sha256, size, newly_written).

        The copy is hashed as it is written, so the stored bytes are the hashed bytes even if
        the source changes meanwhile; it lands under its final name only once complete.
        ``durable=False`` leaves the flush to disk to the caller (one ``sync`` for a batch).
        """
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                if durable:
                    os.fsync(out.fileno())
            sha = digest.hexdigest()
            if expected_sha256 is not None and sha != expected_sha256:
                raise ValueError(sha)
            target = self.path(sha)
            if target.is_file():
                tmp.unlink()
                return sha, size, False
            target.parent.mkdir(exist_ok=True)
            os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(tmp, target)
            return sha, size, True
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def remove(self, sha256: str) -> None:
        path = self.path(sha256)
        if path.exists():
            os.chmod(path, stat.S_IWUSR | stat.S_IRUSR)
            path.unlink()

    def copy_out(self, sha256: str, target: Path) -> None:
        shutil.copyfile(self.path(sha256), target)

    def stored_hashes(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if sub.is_dir() and len(sub.name) == 2:
                for item in sorted(sub.iterdir()):
                    yield item.name
