"""The files an import of some paths will consider, in a stable order, and what is refused on sight.

Folders are walked in sorted order so that a re-run numbers exhibits the same way. Nothing met
while walking is followed or opened unless ``lstat`` says it is a plain file or folder: a symbolic
link (to a file or a folder, inside or outside) is reported, never followed, so that nothing outside
the folders named is ever read; a pipe, socket or device is refused before anything opens it (a
pipe would wait for ever for a writer, ``/dev/zero`` never ends). A path named by the user that is
itself a link is followed, since the user named it, and said.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..i18n import _

# Files a system or an office suite leaves beside documents: never evidence.
_JUNK = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db"})
MAX_DEPTH = 64


@dataclass(frozen=True)
class Candidate:
    """One path an import will consider: ``refused`` says why when it is refused on sight, unopened.

    ``follow`` is true for a path the user named that is a symbolic link: it may be read through the
    link. Anything met while walking must be read as the plain file ``lstat`` saw.
    """

    path: Path
    refused: str | None = None
    note: str | None = None
    follow: bool = False


def link_refusal() -> str:
    return _("lien symbolique, non suivi : importez sa cible directement si c'est une pièce")


def special_refusal() -> str:
    return _("pas un fichier ordinaire (tube, socket, périphérique) : jamais ouvert")


def walk_paths(paths: Iterable[Path]) -> Iterator[Candidate]:
    """Files named, and files inside folders named (hidden ones skipped), each once, in order.

    A path named explicitly is always given, even hidden or missing, so that the analysis can say
    what is wrong with it; a folder that cannot be listed is given with its refusal.
    """
    visited: set[tuple[int, int]] = set()
    for path in paths:
        path = Path(path)
        note = None
        follow = False
        try:
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                follow = True
                note = _("lien symbolique nommé, suivi jusqu'à {realpath}").format(realpath=os.path.realpath(path))
                info = os.stat(path)
        except OSError:
            yield Candidate(path)  # the analysis says "not found" or "unreadable"
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, info, visited, 0, note)
        elif stat.S_ISREG(info.st_mode):
            yield Candidate(path, note=note, follow=follow)
        else:
            yield Candidate(path, refused=special_refusal(), note=note)


def iter_candidate_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The paths of ``walk_paths``, refused ones included."""
    return (candidate.path for candidate in walk_paths(paths))


def _walk(folder: Path, info: os.stat_result, visited: set[tuple[int, int]], depth: int,
          note: str | None) -> Iterator[Candidate]:
    key = (info.st_dev, info.st_ino)
    if key in visited:
        return  # named twice, or reached through a bind mount: walked once
    if depth > MAX_DEPTH:
        yield Candidate(folder, refused=_("dossier rangé à plus de {MAX_DEPTH} niveaux de profondeur : non parcouru, importez-le directement").format(MAX_DEPTH=MAX_DEPTH))
        return
    visited.add(key)
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: (e.name.casefold(), e.name))
    except OSError as exc:
        yield Candidate(folder, refused=_("dossier illisible ({value}) : rien n'y a été lu").format(value=exc.strerror or exc))
        return
    for entry in entries:
        if _skipped(entry.name):
            continue
        path = Path(entry.path)
        try:
            entry_info = entry.stat(follow_symlinks=False)
        except OSError as exc:
            yield Candidate(path, refused=_("illisible ({value})").format(value=exc.strerror or exc))
            continue
        mode = entry_info.st_mode
        if stat.S_ISLNK(mode):
            yield Candidate(path, refused=link_refusal())
        elif stat.S_ISDIR(mode):
            yield from _walk(path, entry_info, visited, depth + 1, note)
        elif stat.S_ISREG(mode):
            yield Candidate(path, note=note)
        else:
            yield Candidate(path, refused=special_refusal())


def _skipped(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$") or name.casefold() in _JUNK
