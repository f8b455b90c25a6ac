"""What an archive may hold and what every name in it must look like.

The writer and the reader share these rules, so that every archive this program writes
is one it accepts, and a name it would never write is a sign of tampering.
"""

from __future__ import annotations

import re

from ..domain.file_names import distinct_names
from ..i18n import _

FORMAT_PREFIX = "dossier-archive/"
FORMAT = f"{FORMAT_PREFIX}1"
MANIFEST_NAME = "manifest.json"
CASE_NAME = "case.json"
FILES_DIR = "files/"

# Limits that no real case comes near; past them an archive is a bomb, not a dossier.
MAX_MEMBERS = 50_000
# A member name this program writes is at most "files/" and 120 characters; other fields stay small.
MAX_NAME_BYTES = 1024
MAX_UNPACKED = 16 * 2**30
MAX_MANIFEST_BYTES = 16 * 2**20
MAX_CASE_BYTES = 256 * 2**20
# Deflate tops out near 1 000:1 on runs of zeros; documents, even plain text, stay far below.
MAX_RATIO = 200
RATIO_FLOOR = 2**20

_DRIVE = re.compile(r"^[A-Za-z]:")


def name_problem(name: str) -> str | None:
    """Why ``name`` may not be a member of an archive, or None when it may."""
    if not name:
        return _("nom vide")
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        return _("chemin absolu")
    if ".." in re.split(r"[/\\]", name):
        return _("chemin qui sort de l'archive (« .. »)")
    if "\\" in name or any(ord(c) < 32 or ord(c) == 127 for c in name):
        return _("caractères interdits dans le nom")
    if name in (MANIFEST_NAME, CASE_NAME):
        return None
    leaf = name[len(FILES_DIR):] if name.startswith(FILES_DIR) else ""
    if not leaf or "/" in leaf or leaf in (".", "..") or leaf != leaf.strip(" ."):
        return _("hors de la disposition d'une archive Dossier")
    return None


def member_names(exhibits: list[tuple[str, str]]) -> dict[str, str]:
    """A distinct member name per file, from (sha256, original name), in the order given."""
    return {sha: FILES_DIR + leaf for sha, leaf in distinct_names(exhibits).items()}
