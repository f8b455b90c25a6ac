"""Where the store lives: ``--home``, else ``DOSSIER_HOME``, else the per-user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATABASE_NAME = "dossier.sqlite3"
FILES_DIR = "files"


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("DOSSIER_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("dossier", appauthor=False))
