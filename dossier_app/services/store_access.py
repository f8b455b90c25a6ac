"""Opening the store for one command: one transaction, files cleaned up if it fails."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from ..domain.errors import UserError
from ..i18n import _
from ..store import Store, open_store
from ..store.home import resolve_home
from ..store.recovery import recover_discarded


def open_home(home: str | Path | None = None) -> Store:
    return open_store(resolve_home(home))


class FileWrites:
    """The exhibit files a transaction brings in or lets go, put right if it fails.

    Every method runs under the store's write lock: a file written here is no other writer's, and a
    file let go here is only moved aside until the transaction commits (``BlobStore.discard``).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.blobs = store.blobs
        self.new: list[str] = []
        self.let_go: list[str] = []

    def put(self, source: Path, expected: str | None = None) -> tuple[str, int]:
        try:
            sha, size, status = self.blobs.put(source, expected, durable=False)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
                raise UserError(_("Le disque est plein : libérez de la place et recommencez ; rien n'a été ajouté.")) from exc
            raise
        if status == "new":
            self.new.append(sha)
        return sha, size

    def let_go_of(self, hashes: list[str]) -> None:
        """Files no row names any more once this transaction commits."""
        for sha in hashes:
            if self.blobs.discard(sha):
                self.let_go.append(sha)

    def undo(self) -> None:
        for sha in self.let_go:
            self.blobs.undiscard(sha)
        for sha in self.new:
            self.blobs.remove(sha)

    def done(self) -> None:
        for sha in self.let_go:
            self.blobs.drop_discarded(sha)


@contextlib.contextmanager
def writing(store: Store) -> Iterator[FileWrites]:
    """A transaction plus the exhibit files it brings in or lets go: both land, or neither does."""
    writes = FileWrites(store)
    with store.transaction(undo=writes.undo, done=writes.done):
        recover_discarded(store)
        yield writes
        if writes.new or writes.let_go:
            # One flush for the whole batch, before the rows that name the files commit.
            os.sync()
