"""Re-hashing stored exhibits: is every file there, and is it still the file we took in?"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import UserError
from ..i18n import _, ngettext
from ..store import Store
from ..store import repository as repo
from ..store.blobs import sha256_of
from ..store.home import QUARANTINE_DIR
from .store_access import writing


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
    return [sha for sha in store.blobs.stored_hashes() if sha not in known]


@dataclass(frozen=True)
class StoreCheck:
    """The store as a whole: rows whose file is gone, and files no row describes."""

    rows_without_file: dict[str, list[int]]  # sha256 → the cases whose exhibits name it
    quarantined: tuple[Path, ...]  # strays moved aside, where they are now
    quarantine: Path
    strays_left: int  # strays that could not be moved (a read-only or busy store)


def check_store(store: Store) -> StoreCheck:
    """Every row has its file, every file its row. Nothing is deleted: what no row accounts for
    (a copy left by a killed command, a file put there by hand) is moved to ``quarantine/``."""
    quarantine = store.home / QUARANTINE_DIR
    try:
        # Under the write lock (which also puts back what a killed command had moved aside): files
        # are only ever written inside a write transaction and registered before it commits, so a
        # file with no row now cannot be anyone's work in progress.
        with writing(store):
            moved = tuple(_move_aside(path, quarantine) for path in _strays(store))
        left = 0
    except (UserError, OSError):  # a read-only or busy store: say so, and leave what is left
        moved, left = (), len(_strays(store))
    missing = {sha: repo.cases_using_file(store, sha) for sha in repo.all_file_rows(store)
               if not store.blobs.has(sha)}
    return StoreCheck(missing, moved, quarantine, left)


def _strays(store: Store) -> list[Path]:
    known = repo.all_file_rows(store)
    out = []
    for path in store.blobs.stored_paths():
        sha = path.name
        in_place = path.parent != store.blobs.root and path.parent.name == sha[:2]
        if not (in_place and sha in known and path.is_file() and not path.is_symlink()):
            out.append(path)
    return out


def _move_aside(path: Path, quarantine: Path) -> Path:
    quarantine.mkdir(parents=True, exist_ok=True)
    target = quarantine / path.name
    n = 1
    while os.path.lexists(target):
        n += 1
        target = quarantine / f"{path.name}.{n}"
    os.replace(path, target)
    return target


@dataclass(frozen=True)
class Verification:
    """What ``verify`` says of a case and of the store around it, a line each; ``intact`` when no
    file of any case is missing or altered."""

    lines: tuple[str, ...]
    intact: bool


def verification(store: Store, case_id: int) -> Verification:
    """``verify_case`` and ``check_store``, told in the words both faces use."""
    problems = verify_case(store, case_id)
    lines = []
    for p in problems:
        label = _("pièce n° {number}").format(number=p.number) if p.number else _("pièce")
        what = _("fichier manquant") if p.problem == "missing" else _("fichier modifié (l'empreinte ne correspond plus)")
        lines.append(f"{label} « {p.exhibit_title} » : {what} — {store.blobs.path(p.sha256)}")
    whole = check_store(store)
    others = {sha: cases for sha, cases in whole.rows_without_file.items() if sha not in {p.sha256 for p in problems}}
    for sha, case_ids in others.items():
        ids = ", ".join(str(i) for i in case_ids) or "—"
        lines.append(_("fichier manquant d'une pièce de l'affaire n° {ids} \u2014 {path}").format(ids=ids, path=store.blobs.path(sha)))
    if whole.quarantined:
        lines.append(ngettext("{quarantined_count} fichier du stockage sans pièce qui le décrive (reste d'une opération interrompue, ou ajouté à la main) : mis de côté, rien n'est effacé, dans {quarantine}.", "{quarantined_count} fichiers du stockage sans pièce qui les décrive (restes d'une opération interrompue, ou ajoutés à la main) : mis de côté, rien n'est effacé, dans {quarantine}.", len(whole.quarantined)).format(quarantined_count=len(whole.quarantined), quarantine=whole.quarantine))
    if whole.strays_left:
        lines.append(ngettext("{strays_left} fichier du stockage sans pièce qui le décrive, laissé en place : le dossier de données n'est pas accessible en écriture.", "{strays_left} fichiers du stockage sans pièce qui les décrive, laissés en place : le dossier de données n'est pas accessible en écriture.", whole.strays_left).format(strays_left=whole.strays_left))
    intact = not (problems or others)
    if intact:
        lines.append(_("Toutes les pièces sont intactes."))
    return Verification(tuple(lines), intact)
