"""Which kind of event a document most likely proves, from the words it uses.

A mise en demeure mentions the invoice it claims; an invoice's terms mention late-payment
notices and bank transfers.  So the *earliest* telling word wins — titles and subject
lines come first in a document, boilerplate last — except on the "Objet :" line, where
the stronger kind wins (a subject "Facture 12 — mise en demeure" is a formal notice).
"""

from __future__ import annotations

import re

# Strongest first: this order settles the "Objet :" line and equal positions.
_CLUES: tuple[tuple[str, str], ...] = (
    ("procedure", r"assignation|ordonnance|jugement|constat\b|proc[èe]s-verbal|commissaire\s+de\s+justice|"
                  r"huissier|signification|requ[êe]te\s+en|greffe"),
    ("registered_letter", r"mise\s+en\s+demeure|lettre\s+recommand[ée]e|recommand[ée]\s+avec|"
                          r"accus[ée]\s+(?:de\s+)?r[ée]ception|\blrar\b|\blre\b|avis\s+de\s+passage"),
    ("reminder", r"\brelance|\brappel\b|second\s+rappel|dernier\s+rappel|impay[ée]"),
    ("credit_note", r"facture\s+d['’]avoir|^\s*avoir\b|\bavoir\s+n\s*[°ºo]|note\s+de\s+cr[ée]dit|credit\s+note"),
    ("invoice", r"\bfacture\b|\binvoice\b"),
    ("payment", r"virement|avis\s+de\s+r[èe]glement|\br[èe]glement\b|paiement\s+re[çc]u|"
                r"re[çc]u\s+de\s+paiement|remise\s+de\s+ch[èe]que|payment\s+received"),
    ("contract", r"\bcontrat\b|bon\s+de\s+commande|conditions\s+g[ée]n[ée]rales|devis\s+sign[ée]|"
                 r"\bcontract\b|\bavenant\b|r[ée]siliation"),
    ("outage", r"\bpanne\b|\bcoupure\b|interruption\s+de\s+service|indisponib|hors\s+service|\boutage\b"),
    ("access", r"mot\s+de\s+passe|identifiants|codes?\s+d['’]acc[èe]s|acc[èe]s\s+refus[ée]|"
               r"\bacc[èe]s\b|connexion\s+impossible"),
)
_PATTERNS = tuple((kind, re.compile(pattern, re.IGNORECASE | re.MULTILINE)) for kind, pattern in _CLUES)
_SUBJECT = re.compile(r"^\s*(?:objet|subject|re|tr|fwd?)\s*:(.*)$", re.IGNORECASE | re.MULTILINE)

# Clues deep in a long document are boilerplate more often than not.
_READ = 4000


def kind_from_text(text: str) -> str | None:
    """The event kind the text most likely documents, or ``None`` without a clue."""
    text = text[:_READ]
    subject = _SUBJECT.search(text)
    if subject:
        kind = _strongest(subject.group(1))
        if kind:
            return kind
    best: tuple[int, int, str] | None = None
    for order, (kind, pattern) in enumerate(_PATTERNS):
        match = pattern.search(text)
        if match and (best is None or (match.start(), order) < best[:2]):
            best = (match.start(), order, kind)
    return best[2] if best else None


def _strongest(text: str) -> str | None:
    for kind, pattern in _PATTERNS:
        if pattern.search(text):
            return kind
    return None


def kind_for_email(subject: str) -> str:
    """An e-mail is correspondence unless its subject says it is a reminder or a notice."""
    kind = _strongest(subject) if subject else None
    if kind in ("reminder", "access", "outage"):
        return kind
    return "correspondence"


def kind_for_screenshot(words: str) -> str:
    """A screenshot records what a screen showed: an access problem when its name or
    description says so, else a plain note."""
    kind = _strongest(words)
    return kind if kind in ("access", "outage") else "note"
