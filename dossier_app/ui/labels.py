"""The words the window shows for the model's names: kinds, fields, choices."""

from __future__ import annotations

import re

from ..domain.bounds import neutral_text
from ..i18n import _

# The kinds and actors in the order the window offers them; a test keeps them equal to the
# model's (the window lists them before it loads the model).
KINDS = ("contract", "invoice", "payment", "credit_note", "reminder", "registered_letter", "outage", "access",
         "correspondence", "procedure", "note")
ACTORS = ("us", "them", "third_party")


# What ``neutral_text`` changes, and line breaks: most texts hold none, and a hundred thousand titles
# are shown at once on the band, so they are looked for first.
_NOT_SHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def one_line(text: str | None) -> str:
    """A case's text as a one-line label shows it: no bidi override or control character
    (``neutral_text``), no line break."""
    if not text:
        return ""
    if _NOT_SHOWN.search(text) is None:
        return text
    return neutral_text(text).replace("\n", " ").replace("\t", " ")


def kind_label(kind: str) -> str:
    return {
        "contract": _("Contrat"),
        "invoice": _("Facture"),
        "payment": _("Paiement"),
        "credit_note": _("Avoir"),
        "reminder": _("Relance"),
        "registered_letter": _("Recommandé"),
        "outage": _("Coupure"),
        "access": _("Accès"),
        "correspondence": _("Échange"),
        "procedure": _("Procédure"),
        "note": _("Note"),
    }.get(kind, kind)


def actor_label(actor: str | None) -> str:
    if actor is None:
        return ""
    return {
        "us": _("Nous"),
        "them": _("Partie adverse"),
        "third_party": _("Tiers"),
    }.get(actor, actor)


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


def choice_label(value: str) -> str:
    return {
        "signed": _("signé"),
        "amended": _("modifié (avenant)"),
        "terminated": _("résilié"),
        "notice_given": _("préavis donné"),
        "email": _("courriel"),
        "phone": _("téléphone"),
        "letter": _("courrier"),
        "meeting": _("rendez-vous"),
        "message": _("message"),
        "requested": _("demandé"),
        "refused": _("refusé"),
        "changed_without_consent": _("modifié sans accord"),
        "restored": _("rétabli"),
        "summons": _("assignation"),
        "hearing": _("audience"),
        "order": _("ordonnance"),
        "judgment": _("jugement"),
        "bailiff_report": _("constat de commissaire de justice"),
        "other": _("autre"),
        "total": _("totale"),
        "partial": _("partielle"),
        "us": actor_label("us"),
        "them": actor_label("them"),
        "third_party": actor_label("third_party"),
    }.get(value, value)


def placeholder(spec_type: str) -> str:
    return {
        "amount": _("ex. 1 234,50"),
        "day": _("ex. 04/10/2016 ou 4 octobre 2016"),
        "instant": _("ex. 04/10/2016 09:30"),
        "strings": _("séparés par des virgules"),
        "int": _("ex. 8"),
    }.get(spec_type, "")
