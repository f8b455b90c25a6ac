"""Mistakes a user can make, as values: one clear sentence each, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


class UserError(Exception):
    """Something the user can fix: the message says what is wrong and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Problem:
    """One problem found in a document, with the JSON path of the value at fault."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ProblemsError(UserError):
    """A document refused whole, with every problem found in it."""

    def __init__(self, problems: list[Problem], headline: str = "") -> None:
        self.problems = list(problems)
        lines = [str(p) for p in self.problems]
        super().__init__("\n".join([headline, *lines]) if headline else "\n".join(lines))
