"""Letters drafted from the case: a formal notice, a reminder, the content of a request for an
injonction de payer (issue 16).  Pure domain code: the case, its claims on the letter's date and the
options in, the letter's words out (``LetterDoc``), which ``dossier_app/letters`` lays out as PDF or
OpenDocument text.  A draft for the owner or counsel to check, never legal advice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from .claims import ClaimsResult
from .model import CaseFile

LetterKind = Literal["mise-en-demeure", "relance", "injonction"]
LETTER_KINDS: tuple[LetterKind, ...] = ("mise-en-demeure", "relance", "injonction")
BlockKind = Literal["heading", "paragraph", "items", "table", "note"]


@dataclass(frozen=True)
class Block:
    """One piece of the letter's body: a heading, a paragraph, a list, a table (first row: its
    header; amounts already written as the reader reads them), or a small note."""

    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class LetterDoc:
    kind: LetterKind
    lang: str
    sender: tuple[str, ...]  # our header: name, legal form and SIREN, address lines, contact
    recipient: tuple[str, ...]  # the other party's name and address lines
    place_date: str  # "Laval, le 8 décembre 2026"
    sending: str  # "Lettre recommandée avec demande d'avis de réception", or "" for a plain letter
    subject: str
    blocks: tuple[Block, ...]
    signature: tuple[str, ...]  # who signs: the representative, the company
    draft_note: str  # says it is a draft to check, never legal advice
    deadline: date | None = None  # the formal notice's deadline, when it sets one
    title: str = ""  # a short name for the file and the window ("Mise en demeure du 8 décembre 2026")


@dataclass(frozen=True)
class LetterOptions:
    day: date  # the letter's date (the claims are computed on it)
    lang: str = "fr"
    deadline_days: int = 8  # 8 or 15 days for a formal notice


def draft_letter(kind: LetterKind, case_file: CaseFile, claims: ClaimsResult, options: LetterOptions) -> LetterDoc:
    """The letter of ``kind`` for ``case_file``, its amounts those of ``claims`` (computed on ``options.day``)."""
    raise NotImplementedError("letters: being written")
