"""Where the store lives: ``--home``, else ``DOSSIER_HOME``, else the per-user data folder."""

from __future__ import annotations

import os
from pathlib import Path

DATABASE_NAME = "dossier.sqlite3"
FILES_DIR = "files"


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("DOSSIER_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs  # here: not needed with --home or DOSSIER_HOME

    return Path(platformdirs.user_data_dir("dossier", appauthor=False))
LOGS_DIR = "logs"
TMP_DIR = "tmp"
QUARANTINE_DIR = "quarantine"


def crash_log_path(home: Path) -> Path:
    """Where a bug's traceback goes: inside the home, never elsewhere on the machine."""
    return home / LOGS_DIR / "crash.log"


def temporary_folder(home: Path) -> Path:
    """Scratch space for long work (rendered pages, staged files): inside the home, created on demand."""
    folder = home / TMP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return folder
