"""A letter as an editable OpenDocument text (odfdo), the same words as its PDF."""

from __future__ import annotations

from pathlib import Path

from ..domain.letters import LetterDoc


def letter_odt(doc: LetterDoc, target: Path) -> None:
    """Write ``doc`` to ``target`` (a new file; the caller renames it into place)."""
    raise NotImplementedError("letters: being written")
