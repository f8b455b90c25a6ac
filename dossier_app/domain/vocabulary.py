"""One word for one thing: every code of the model that a person reads, with its label.

Event kinds, actors, the choices of every choice field, our role in the case and the severity of a
check are named here once, in French (the source language, marked for the catalogue); their English
is in the catalogue. A label has a long form, and a short one where the window has little room
(``registered_letter``: "Lettre recommandée", short "Recommandé"). The command, the window and the
PDF all read their words from here, through ``label``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, Translator, active


@dataclass(frozen=True)
class Term:
    """A code and its French words: ``long`` everywhere, ``short`` where room is short."""

    code: str
    long: str
    short: str | None = None

    def label(self, *, short: bool = False, tr: Translator | None = None) -> str:
        text = self.short if short and self.short else self.long
        return (tr or active()).gettext(text)


KIND_TERMS: tuple[Term, ...] = (
    Term("contract", N_("Contrat")),
    Term("invoice", N_("Facture")),
    Term("payment", N_("Paiement")),
    Term("credit_note", N_("Avoir")),
    Term("reminder", N_("Relance")),
    Term("registered_letter", N_("Lettre recommandée"), N_("Recommandé")),
    Term("outage", N_("Interruption de service"), N_("Interruption")),
    Term("access", N_("Accès")),
    Term("correspondence", N_("Correspondance")),
    Term("procedure", N_("Procédure")),
    Term("note", N_("Note")),
)

ACTOR_TERMS: tuple[Term, ...] = (
    Term("us", N_("Nous")),
    Term("them", N_("Partie adverse")),
    Term("third_party", N_("Tiers")),
)

ROLE_TERMS: tuple[Term, ...] = (
    Term("client", N_("client")),
    Term("provider", N_("prestataire")),
)

CONTRACT_ACTION_TERMS: tuple[Term, ...] = (
    Term("signed", N_("signé")),
    Term("amended", N_("modifié (avenant)")),
    Term("terminated", N_("résilié")),
    Term("notice_given", N_("préavis donné")),
)

# The channels of a reminder are those of correspondence, less "message".
CHANNEL_TERMS: tuple[Term, ...] = (
    Term("email", N_("courriel")),
    Term("phone", N_("téléphone")),
    Term("letter", N_("courrier")),
    Term("meeting", N_("réunion")),
    Term("message", N_("message")),
)

ACCESS_ACTION_TERMS: tuple[Term, ...] = (
    Term("requested", N_("demandé")),
    Term("refused", N_("refusé")),
    Term("changed_without_consent", N_("modifié sans accord")),
    Term("restored", N_("rétabli")),
)

PROCEDURE_ACTION_TERMS: tuple[Term, ...] = (
    Term("summons", N_("assignation")),
    Term("hearing", N_("audience")),
    Term("order", N_("ordonnance")),
    Term("judgment", N_("jugement")),
    Term("bailiff_report", N_("constat de commissaire de justice")),
    Term("other", N_("autre acte")),
)

SCOPE_TERMS: tuple[Term, ...] = (
    Term("total", N_("totale")),
    Term("partial", N_("partielle")),
)

# The codes of ``checks.BLOCKING``, ``WARNING`` and ``INFO`` (a test keeps them equal).
SEVERITY_TERMS: tuple[Term, ...] = (
    Term("blocking", N_("bloquant")),
    Term("warning", N_("attention")),
    Term("info", N_("info")),
)

# What we ask the judge (case-format ``demands``), in the model's order (``DEMAND_KINDS``).  Not in
# ``GROUPS``: "other" there is a step of a procedure; a demand's kind is named by ``demand_label``.
DEMAND_TERMS: tuple[Term, ...] = (
    Term("restitution", N_("Restitution d'accès ou d'identifiants"), N_("Restitution")),
    Term("restore_service", N_("Rétablissement d'un service"), N_("Rétablissement")),
    Term("provision", N_("Provision sur la créance"), N_("Provision")),
    Term("article_700", N_("Article 700 du CPC (frais d'avocat)"), N_("Article 700")),
    Term("costs", N_("Dépens")),
    Term("other", N_("Autre demande"), N_("Autre")),
)
DEMAND_CODES: tuple[str, ...] = tuple(term.code for term in DEMAND_TERMS)

# The contract's penalty clauses (case-format ``contract.penalties``), in the model's order
# (``PENALTY_KINDS``); named by ``penalty_label``.
PENALTY_TERMS: tuple[Term, ...] = (
    Term("flat", N_("pénalité forfaitaire"), N_("forfaitaire")),
    Term("per_day", N_("pénalité par jour de retard"), N_("par jour")),
)
PENALTY_CODES: tuple[str, ...] = tuple(term.code for term in PENALTY_TERMS)

GROUPS: dict[str, tuple[Term, ...]] = {
    "kind": KIND_TERMS,
    "actor": ACTOR_TERMS,
    "our_role": ROLE_TERMS,
    "contract_action": CONTRACT_ACTION_TERMS,
    "channel": CHANNEL_TERMS,
    "access_action": ACCESS_ACTION_TERMS,
    "procedure_action": PROCEDURE_ACTION_TERMS,
    "scope": SCOPE_TERMS,
    "severity": SEVERITY_TERMS,
}

TERMS: dict[str, Term] = {term.code: term for group in GROUPS.values() for term in group}

# The model's codes, in the order the faces offer them: the terms' own, which are the model's in its
# order (tests/domain/test_vocabulary.py keeps them equal).  Read here without importing the model,
# whose classes the window's first paint does not need (tests/ui/test_first_paint_imports.py).
KIND_CODES: tuple[str, ...] = tuple(term.code for term in KIND_TERMS)
ACTOR_CODES: tuple[str, ...] = tuple(term.code for term in ACTOR_TERMS)
ROLE_CODES: tuple[str, ...] = tuple(term.code for term in ROLE_TERMS)


def __getattr__(name: str) -> tuple[str, ...]:
    """``CHOICE_CODES``, from the model when first asked for."""
    if name == "CHOICE_CODES":
        from .model import (
            ACCESS_ACTIONS,
            CONTRACT_ACTIONS,
            CORRESPONDENCE_CHANNELS,
            PROCEDURE_ACTIONS,
            SCOPES,
        )

        return (*CONTRACT_ACTIONS, *CORRESPONDENCE_CHANNELS, *ACCESS_ACTIONS, *PROCEDURE_ACTIONS, *SCOPES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def label(code: str | None, *, short: bool = False, tr: Translator | None = None) -> str:
    """The words for ``code`` in the language of ``tr`` (else the active one); ``""`` for none,
    the code itself for a code the vocabulary does not know (a newer file's)."""
    if not code:
        return ""
    term = TERMS.get(code)
    return term.label(short=short, tr=tr) if term is not None else code


def demand_label(code: str | None, *, short: bool = False, tr: Translator | None = None) -> str:
    """The words for a demand's kind, as ``label`` says the other codes."""
    if not code:
        return ""
    term = next((t for t in DEMAND_TERMS if t.code == code), None)
    return term.label(short=short, tr=tr) if term is not None else code


def penalty_label(code: str | None, *, short: bool = False, tr: Translator | None = None) -> str:
    """The words for a penalty clause's kind, as ``label`` says the other codes."""
    if not code:
        return ""
    term = next((t for t in PENALTY_TERMS if t.code == code), None)
    return term.label(short=short, tr=tr) if term is not None else code
