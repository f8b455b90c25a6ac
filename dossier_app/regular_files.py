"""Opening a file only when it is an ordinary one, and without ever blocking.

``open()`` on a FIFO waits for a writer for ever, and a device never ends: every file that comes
from outside (an import, a case file, an archive, a stored copy) is opened here. The name is
opened without blocking, then judged from the descriptor it gave, so that a pipe or a device
swapped in after a check is refused too. A symbolic link is followed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotRegularFile(OSError):
    """The path names a folder, a device, a pipe or a socket, or a file larger than allowed."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path}: {kind}")
        self.kind = kind  # "folder" | "special" | "too_large"


def open_regular(path: Path | str, *, limit: int | None = None) -> BinaryIO:
    """``path`` opened for reading in binary, once its descriptor shows an ordinary file of at most
    ``limit`` bytes; ``NotRegularFile`` otherwise, ``OSError`` when it cannot be opened at all."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise NotRegularFile(Path(path), "folder")
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(Path(path), "special")
        if limit is not None and info.st_size > limit:
            raise NotRegularFile(Path(path), "too_large")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
