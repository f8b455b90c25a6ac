"""A bug is a traceback in a log inside the home, never on the user's screen nor elsewhere."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from ..store.home import crash_log_path, resolve_home

MAX_LOG_BYTES = 1 << 20


def write_crash_log(home: str | os.PathLike[str] | None, details: str) -> Path | None:
    """Append ``details`` to the home's crash log; ``None`` when even that cannot be written."""
    path = crash_log_path(resolve_home(home))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and path.stat().st_size > MAX_LOG_BYTES:
            os.replace(path, path.with_suffix(".log.1"))
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, flags, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{details}\n")
        return path
    except OSError:
        return None
