"""Putting right what a command killed half-way through removing files left behind."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .database import Store


def recover_discarded(store: Store) -> None:
    """Files moved aside by a removal that never finished: back where they were if a row still names
    them (the removal did not commit), else gone (it did). Runs inside a write transaction."""
    held = store.blobs.discarded()
    if not held:
        return
    named: set[str] = set()
    for i in range(0, len(held), 500):
        chunk = held[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        named.update(r[0] for r in store.conn.execute(f"SELECT sha256 FROM files WHERE sha256 IN ({marks})", chunk))
    for sha in held:
        if sha in named:
            store.blobs.undiscard(sha)
        else:
            store.blobs.drop_discarded(sha)
