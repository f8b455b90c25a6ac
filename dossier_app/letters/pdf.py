"""A letter as an A4 PDF: the business's header, the recipient, the body, the signature."""

from __future__ import annotations

from pathlib import Path

from ..domain.letters import LetterDoc


def letter_pdf(doc: LetterDoc, target: Path) -> None:
    """Write ``doc`` to ``target`` (a new file; the caller renames it into place)."""
    raise NotImplementedError("letters: being written")
