"""``letter``: a letter drafted from the case, written as PDF or OpenDocument, and added to the case
as the registered letter it becomes once sent (issue 16).  The command and the window both call here."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from ..domain.letters import LetterDoc, LetterKind, LetterOptions
from ..store import Store

LetterFormat = Literal["pdf", "odt"]


def draft(store: Store, case_id: int, kind: LetterKind, options: LetterOptions) -> LetterDoc:
    """The letter's words, its amounts the case's claims on ``options.day`` (with the rates the user added)."""
    raise NotImplementedError("letters: being written")


def write_letter(store: Store, case_id: int, kind: LetterKind, target: Path, options: LetterOptions,
                 fmt: LetterFormat = "pdf") -> LetterDoc:
    """Draft the letter and write it to ``target`` whole or not at all (a temporary name beside it,
    renamed at the end); ``target`` is checked as every ``-o`` is."""
    raise NotImplementedError("letters: being written")


def add_to_case(store: Store, case_id: int, doc: LetterDoc, written: Path) -> str:
    """The letter as evidence: a registered-letter event (formal notice, its deadline) with the
    written file as its exhibit, the tracking number to fill in once sent; returns the event's id."""
    raise NotImplementedError("letters: being written")
