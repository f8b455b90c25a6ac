"""What every command gets: the home folder, opened on first use, and output helpers."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..domain.bounds import day_problem, for_terminal
from ..domain.dates import parse_user_day
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
        # Titles and names come from files and other people: their escape sequences are shown, not obeyed.
        sys.stdout.write(for_terminal(text) + "\n")

    @staticmethod
    def err(text: str) -> None:
        sys.stderr.write(for_terminal(text) + "\n")

    @staticmethod
    def interactive() -> bool:
        return sys.stdin.isatty() and sys.stderr.isatty()


def path_arg(text: str) -> Path:
    return Path(text).expanduser()


def day_arg(text: str) -> date:
    """A date typed on the command line (``04/10/2016``, ``2016-10-04``), within what a dispute holds."""
    try:
        day = parse_user_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    problem = day_problem(day, date.today())
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return day
