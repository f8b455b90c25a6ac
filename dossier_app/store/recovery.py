"""Putting right what a command killed half-way through removing files left behind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .chunks import in_chunks

if TYPE_CHECKING:
    from .database import Store


def recover_discarded(store: Store) -> None:
    """Files moved aside by a removal that never finished: back where they were if a row still names
    them (the removal did not commit), else gone (it did). Runs inside a write transaction."""
    held = store.blobs.discarded()
    if not held:
        return
    named: set[str] = set()
    for chunk, marks in in_chunks(held):
        named.update(r[0] for r in store.conn.execute(f"SELECT sha256 FROM files WHERE sha256 IN ({marks})", chunk))
    for sha in held:
        if sha in named:
            store.blobs.undiscard(sha)
        else:
            store.blobs.drop_discarded(sha)
