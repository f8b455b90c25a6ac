"""Re-hashing stored exhibits: is every file there, and is it still the file we took in?"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import UserError
from ..store import Store
from ..store import repository as repo
from ..store.blobs import sha256_of


@dataclass(frozen=True)
class FileProblem:
    exhibit_title: str
    number: int | None
    sha256: str
    problem: str  # "missing" | "altered"


def verify_case(store: Store, case_id: int) -> list[FileProblem]:
    problems = []
    for exhibit in repo.read_exhibits(store, case_id):
        path = store.blobs.path(exhibit.sha256)
        if not path.is_file():
            problems.append(FileProblem(exhibit.title, exhibit.number, exhibit.sha256, "missing"))
        elif sha256_of(path) != exhibit.sha256:
            problems.append(FileProblem(exhibit.title, exhibit.number, exhibit.sha256, "altered"))
    return problems


def unreferenced_files(store: Store) -> list[str]:
    """Stored files that no row describes (left by a crash between copy and commit)."""
    known = repo.all_file_rows(store)
    return [sha for sha in store.blobs.stored_hashes() if sha not in known and not sha.startswith(".")]


@dataclass(frozen=True)
class StoreCheck:
    """The store as a whole: rows whose file is gone, and files no row describes."""

    rows_without_file: dict[str, list[int]]  # sha256 → the cases whose exhibits name it
    leftovers: int  # stored files without a row, and half-written copies
    leftovers_removed: bool


def check_store(store: Store) -> StoreCheck:
    """Every row has its file, every file its row; files left by an interrupted command go."""
    missing: dict[str, list[int]] = {}
    for sha in repo.all_file_rows(store):
        if not store.blobs.has(sha):
            rows = store.conn.execute("SELECT DISTINCT case_id FROM exhibits WHERE sha256 = ? ORDER BY 1", (sha,))
            missing[sha] = [r[0] for r in rows]
    if not _leftovers(store):
        return StoreCheck(missing, 0, False)
    try:
        # Files are only ever written inside a write transaction and registered before it
        # commits: while this one holds the lock, a file with no row cannot be anyone's work
        # in progress, only what a killed command left.
        with store.transaction():
            found = _leftovers(store)
            for path in found:
                _remove(path)
        return StoreCheck(missing, len(found), True)
    except (UserError, OSError):  # a read-only or busy store: say so, and leave what is left
        return StoreCheck(missing, len(_leftovers(store)), False)


def _leftovers(store: Store) -> list[Path]:
    stray = [store.blobs.path(sha) for sha in unreferenced_files(store)]
    root = store.blobs.root
    if root.is_dir():
        stray += [p for p in root.iterdir() if p.name.startswith(".incoming-") and p.is_file()]
    return stray


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except PermissionError:
        # Windows will not delete a read-only file; POSIX only asks the folder, so a
        # refusal there must leave the file's own mode as it was.
        mode = path.stat().st_mode
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
        try:
            path.unlink()
        except OSError:
            os.chmod(path, mode)
            raise
