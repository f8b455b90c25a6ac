"""The words the window shows for the model's names: kinds, fields, choices."""

from __future__ import annotations

import re

from ..domain.bounds import neutral_text
from ..domain.i18n import t

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
        "contract": t("Contrat", "Contract"),
        "invoice": t("Facture", "Invoice"),
        "payment": t("Paiement", "Payment"),
        "credit_note": t("Avoir", "Credit note"),
        "reminder": t("Relance", "Reminder"),
        "registered_letter": t("Recommandé", "Registered letter"),
        "outage": t("Coupure", "Outage"),
        "access": t("Accès", "Access"),
        "correspondence": t("Échange", "Correspondence"),
        "procedure": t("Procédure", "Procedure"),
        "note": t("Note", "Note"),
    }.get(kind, kind)


def actor_label(actor: str | None) -> str:
    if actor is None:
        return ""
    return {
        "us": t("Nous", "Us"),
        "them": t("Partie adverse", "Other party"),
        "third_party": t("Tiers", "Third party"),
    }.get(actor, actor)


def field_label(name: str) -> str:
    return {
        "date": t("Date", "Date"),
        "title": t("Intitulé", "Title"),
        "description": t("Description", "Description"),
        "actor": t("Qui agit", "Who acts"),
        "key_fact": t("Fait clé", "Key fact"),
        "tags": t("Mots-clés", "Tags"),
        "reference": t("Référence", "Reference"),
        "action": t("Action", "Action"),
        "number": t("Numéro", "Number"),
        "amount_incl_tax": t("Montant TTC", "Amount incl. tax"),
        "amount_excl_tax": t("Montant HT", "Amount excl. tax"),
        "vat": t("TVA", "VAT"),
        "due_date": t("Échéance", "Due date"),
        "disputed": t("Contestée", "Disputed"),
        "dispute_reason": t("Motif de la contestation", "Reason of the dispute"),
        "amount": t("Montant", "Amount"),
        "invoices": t("Factures concernées", "Invoices concerned"),
        "method": t("Moyen de paiement", "Payment method"),
        "invoice": t("Facture concernée", "Invoice concerned"),
        "channel": t("Par", "By"),
        "tracking_number": t("N° de suivi", "Tracking number"),
        "formal_notice": t("Mise en demeure", "Formal notice"),
        "deadline_days": t("Délai accordé (jours)", "Deadline (days)"),
        "first_presented_on": t("Première présentation", "First presented on"),
        "received_on": t("Reçue le", "Received on"),
        "returned_undelivered": t("Revenue non réclamée", "Returned undelivered"),
        "electronic": t("Recommandé électronique", "Electronic registered letter"),
        "start": t("Début", "Start"),
        "end": t("Fin", "End"),
        "services": t("Services coupés", "Services cut"),
        "scope": t("Étendue", "Scope"),
        "account": t("Compte", "Account"),
    }.get(name, name)


def choice_label(value: str) -> str:
    return {
        "signed": t("signé", "signed"),
        "amended": t("modifié (avenant)", "amended"),
        "terminated": t("résilié", "terminated"),
        "notice_given": t("préavis donné", "notice given"),
        "email": t("courriel", "e-mail"),
        "phone": t("téléphone", "phone"),
        "letter": t("courrier", "letter"),
        "meeting": t("rendez-vous", "meeting"),
        "message": t("message", "message"),
        "requested": t("demandé", "requested"),
        "refused": t("refusé", "refused"),
        "changed_without_consent": t("modifié sans accord", "changed without consent"),
        "restored": t("rétabli", "restored"),
        "summons": t("assignation", "summons"),
        "hearing": t("audience", "hearing"),
        "order": t("ordonnance", "order"),
        "judgment": t("jugement", "judgment"),
        "bailiff_report": t("constat de commissaire de justice", "bailiff's report"),
        "other": t("autre", "other"),
        "total": t("totale", "total"),
        "partial": t("partielle", "partial"),
        "us": actor_label("us"),
        "them": actor_label("them"),
        "third_party": actor_label("third_party"),
    }.get(value, value)


def placeholder(spec_type: str) -> str:
    return {
        "amount": t("ex. 1 234,50", "e.g. 1234.50"),
        "day": t("ex. 04/10/2016 ou 4 octobre 2016", "e.g. 2016-10-04"),
        "instant": t("ex. 04/10/2016 09:30", "e.g. 2016-10-04 09:30"),
        "strings": t("séparés par des virgules", "separated by commas"),
        "int": t("ex. 8", "e.g. 8"),
    }.get(spec_type, "")
