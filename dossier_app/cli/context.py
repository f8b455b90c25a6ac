"""What every command gets: the home folder, opened on first use, and output helpers."""

from __future__ import annotations

import sys
from pathlib import Path

from ..services.store_access import open_home
from ..store import Store
from ..store import repository as repo


class Context:
    def __init__(self, home: str | None) -> None:
        self.home = home
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_home(self.home)
        return self._store

    def case_id(self, ref: str) -> int:
        return repo.find_case(self.store, ref)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    @staticmethod
    def out(text: str = "") -> None:
        sys.stdout.write(text + "\n")

    @staticmethod
    def err(text: str) -> None:
        sys.stderr.write(text + "\n")

    @staticmethod
    def interactive() -> bool:
        return sys.stdin.isatty() and sys.stderr.isatty()


def path_arg(text: str) -> Path:
    return Path(text).expanduser()
