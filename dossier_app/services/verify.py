"""Re-hashing stored exhibits: is every file there, and is it still the file we took in?"""

from __future__ import annotations

from dataclasses import dataclass

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
