"""Page citations (« p. 2-3 », « p. 1, 4-5 »): well written, in order, within the document."""

from __future__ import annotations

from ..i18n import _, ngettext
from .model import PAGES


def citation_problem(text: str, pages: int | None = None) -> str | None:
    """Why ``text`` is not a usable page citation (for a document of ``pages`` pages), or None."""
    cleaned = text.strip()
    if not PAGES.match(cleaned):
        return _("« {text} » : écrivez des pages comme 2-3 ou « 1, 4-5 »").format(text=text)
    for part in cleaned.split(","):
        first, _dash, last = part.strip().partition("-")
        start, end = int(first), int(last or first)
        if start < 1 or end < start:
            return _("« {strip} » : une plage de pages va de la plus petite à la plus grande, à partir de 1").format(strip=part.strip())
        if pages is not None and end > pages:
            return ngettext("« {strip} » : cette pièce n'a que {pages} page", "« {strip} » : cette pièce n'a que {pages} pages", pages).format(strip=part.strip(), pages=pages)
    return None
