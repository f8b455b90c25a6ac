"""The window's own words: field labels, placeholders, one-line texts. Kinds, actors and choices are
named in ``domain.vocabulary``."""

from __future__ import annotations

from ..domain.bounds import neutral_text
from ..i18n import _


def one_line(text: str | None) -> str:
    """A case's text as a one-line label shows it: no bidi override or control character
    (``neutral_text``, which returns most texts untouched at once), no line break."""
    if not text:
        return ""
    text = neutral_text(text)
    return text.replace("\n", " ").replace("\t", " ") if "\n" in text or "\t" in text else text


def field_label(name: str) -> str:
    return {
        "date": _("Date"),
        "title": _("Intitulé"),
        "description": _("Description"),
        "actor": _("Qui agit"),
        "key_fact": _("Fait clé"),
        "tags": _("Mots-clés"),
        "reference": _("Référence"),
        "action": _("Action"),
        "number": _("Numéro"),
        "amount_incl_tax": _("Montant TTC"),
        "amount_excl_tax": _("Montant HT"),
        "vat": _("TVA"),
        "due_date": _("Échéance"),
        "disputed": _("Contestée"),
        "dispute_reason": _("Motif de la contestation"),
        "amount": _("Montant"),
        "invoices": _("Factures concernées"),
        "method": _("Moyen de paiement"),
        "invoice": _("Facture concernée"),
        "channel": _("Par"),
        "tracking_number": _("N° de suivi"),
        "formal_notice": _("Mise en demeure"),
        "deadline_days": _("Délai accordé (jours)"),
        "first_presented_on": _("Première présentation"),
        "received_on": _("Reçue le"),
        "returned_undelivered": _("Revenue non réclamée"),
        "electronic": _("Recommandé électronique"),
        "start": _("Début"),
        "end": _("Fin"),
        "services": _("Services coupés"),
        "scope": _("Étendue"),
        "account": _("Compte"),
    }.get(name, name)


def placeholder(spec_type: str) -> str:
    return {
        "amount": _("ex. 1 234,50"),
        "day": _("ex. 04/10/2016 ou 4 octobre 2016"),
        "instant": _("ex. 04/10/2016 09:30"),
        "strings": _("séparés par des virgules"),
        "int": _("ex. 8"),
    }.get(spec_type, "")
