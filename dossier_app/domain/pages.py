"""Page citations (« p. 2-3 », « p. 1, 4-5 »): well written, in order, within the document."""

from __future__ import annotations

from .i18n import t
from .model import PAGES


def citation_problem(text: str, pages: int | None = None) -> str | None:
    """Why ``text`` is not a usable page citation (for a document of ``pages`` pages), or None."""
    cleaned = text.strip()
    if not PAGES.match(cleaned):
        return t(f"« {text} » : écrivez des pages comme 2-3 ou « 1, 4-5 »",
                 f"\"{text}\": write pages like 2-3 or \"1, 4-5\"")
    for part in cleaned.split(","):
        first, _, last = part.strip().partition("-")
        start, end = int(first), int(last or first)
        if start < 1 or end < start:
            return t(f"« {part.strip()} » : une plage de pages va de la plus petite à la plus grande, à partir de 1",
                     f"\"{part.strip()}\": a page range goes from the lower page to the higher, from 1")
        if pages is not None and end > pages:
            return t(f"« {part.strip()} » : cette pièce n'a que {pages} page(s)",
                     f"\"{part.strip()}\": this exhibit has only {pages} page(s)")
    return None
