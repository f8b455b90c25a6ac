"""Opening the store for one command: one transaction, files cleaned up if it fails."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from ..domain.errors import UserError
from ..domain.i18n import t
from ..store import Store, open_store
from ..store.blobs import BlobStore
from ..store.home import resolve_home


def open_home(home: str | Path | None = None) -> Store:
    return open_store(resolve_home(home))


class FileWrites:
    """Blobs written during a transaction, removed again if it is rolled back."""

    def __init__(self, blobs: BlobStore) -> None:
        self.blobs = blobs
        self.new: list[str] = []

    def put(self, source: Path, expected: str | None = None) -> tuple[str, int]:
        try:
            sha, size, fresh = self.blobs.put(source, expected, durable=False)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
                raise UserError(t("Le disque est plein : libérez de la place et recommencez ; rien n'a été ajouté.",
                                  "The disk is full: free some space and try again; nothing was added.")) from exc
            raise
        if fresh:
            self.new.append(sha)
        return sha, size


@contextlib.contextmanager
def writing(store: Store) -> Iterator[FileWrites]:
    """A transaction plus the exhibit files it brings in: both land, or neither does."""
    writes = FileWrites(store.blobs)
    try:
        with store.transaction():
            yield writes
            if writes.new:
                # One flush for the whole batch, before the rows that name the files commit.
                os.sync()
    except BaseException:
        for sha in writes.new:
            if store.conn.execute("SELECT 1 FROM files WHERE sha256 = ?", (sha,)).fetchone() is None:
                store.blobs.remove(sha)
        raise
