"""The name of each event kind for people, in French and English (the codes stay in files)."""

from __future__ import annotations

from ..i18n import language

KIND_NAMES: dict[str, tuple[str, str]] = {
    "contract": ("Contrat", "Contract"),
    "invoice": ("Facture", "Invoice"),
    "payment": ("Paiement", "Payment"),
    "credit_note": ("Avoir", "Credit note"),
    "reminder": ("Relance", "Reminder"),
    "registered_letter": ("Lettre recommandée", "Registered letter"),
    "outage": ("Interruption de service", "Service outage"),
    "access": ("Accès", "Access"),
    "correspondence": ("Correspondance", "Correspondence"),
    "procedure": ("Procédure", "Procedure"),
    "note": ("Note", "Note"),
}


def kind_name(kind: str, lang: str | None = None) -> str:
    fr, en = KIND_NAMES.get(kind, (kind, kind))
    return en if (lang or language()) == "en" else fr
