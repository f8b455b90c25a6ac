"""The demo dispute: Atelier Lemoine, a furniture maker in Laval, against its web agency.

Every figure the exhibits print (invoice lines, totals, balances) is derived from the bills
below, so that the documents, the CSV export and the timeline can never disagree. The
people, companies, numbers and addresses are invented.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dossier_app.domain.money import NARROW_NBSP, NBSP, Cents, format_amount, format_euros

VAT_PERCENT = 20
PAYMENT_TERMS = "30_days_end_of_month"
CONTRACT_REF = "PXL-2025-017"
DOMAIN = "atelier-lemoine.fr"
NOTICE_TRACKING = "1A18764923157"
TERMINATION_TRACKING = "1A18764931022"


def printed_tracking(number: str) -> str:
    """A tracking number as La Poste prints it: "1A 187 649 2315 7"."""
    return f"{number[:2]} {number[2:5]} {number[5:8]} {number[8:12]} {number[12:]}"


@dataclass(frozen=True)
class Line:
    label: str
    quantity: int
    unit_excl_tax: int  # cents


@dataclass(frozen=True)
class Bill:
    """An invoice or credit note as Pixelune issued it."""

    number: str
    issued: date
    subject: str
    lines: tuple[Line, ...]
    credit_for: str | None = None

    @property
    def excl_tax(self) -> Cents:
        return Cents(sum(line.quantity * line.unit_excl_tax for line in self.lines))

    @property
    def vat(self) -> Cents:
        # The prices are chosen so that VAT is a whole number of cents: no rounding to argue about.
        assert self.excl_tax * VAT_PERCENT % 100 == 0
        return Cents(self.excl_tax * VAT_PERCENT // 100)

    @property
    def incl_tax(self) -> Cents:
        return Cents(self.excl_tax + self.vat)

    @property
    def due(self) -> date:
        """``30_days_end_of_month`` as claims.md counts it: 30 days, then to the month's end."""
        later = self.issued + timedelta(days=30)
        return later.replace(day=calendar.monthrange(later.year, later.month)[1])


DEPOSIT = Bill("F-2025-031", date(2025, 3, 10), "Acompte de 30 % — refonte du site internet", (
    Line("Acompte de 30 % sur la refonte du site atelier-lemoine.fr "
         "(devis D-2025-009 du 24/02/2025, contrat PXL-2025-017)", 1, 216000),
))
HOSTING_Q2 = Bill("F-2025-058", date(2025, 4, 30), "Hébergement et maintenance — 2e trimestre 2025", (
    Line("Hébergement, maintenance et messagerie — avril à juin 2025 (forfait mensuel)", 3, 9000),
))
BALANCE = Bill("F-2025-074", date(2025, 5, 31), "Solde de la refonte du site internet (70 %)", (
    Line("Conception graphique et intégration des pages — solde 70 %", 1, 336000),
    Line("Catalogue des réalisations et formulaire de demande de devis — solde 70 %", 1, 126000),
    Line("Formation à l'administration du site (1/2 journée) — solde 70 %", 1, 42000),
))
SHOP = Bill("F-2025-082", date(2025, 6, 16), "Module boutique en ligne", (
    Line("Module boutique en ligne (WooCommerce) : installation et paramétrage", 1, 160000),
    Line("Intégration du paiement en ligne par carte bancaire", 1, 80000),
))
LATE_CREDIT = Bill("A-2025-004", date(2025, 7, 3), "Avoir — pénalité de retard de mise en ligne", (
    Line("Pénalité de retard de mise en ligne : 3 semaines à 100,00 € HT (article 6 du contrat)", 3, 10000),
), credit_for="F-2025-074")
HOSTING_Q3 = Bill("F-2025-101", date(2025, 7, 31), "Hébergement et maintenance — 3e trimestre 2025", (
    Line("Hébergement, maintenance et messagerie — juillet à septembre 2025 (forfait mensuel)", 3, 9000),
))

INVOICES = (DEPOSIT, HOSTING_Q2, BALANCE, SHOP, HOSTING_Q3)

# The quote annexed to the contract: the redesign's price, and the options the client turned down.
QUOTE = (
    Line("Conception graphique et intégration (maquettes, charte, 12 pages)", 1, 480000),
    Line("Catalogue des réalisations et formulaire de demande de devis", 1, 180000),
    Line("Formation à l'administration du site (1/2 journée)", 1, 60000),
)
QUOTE_DECLINED = SHOP.lines
REDESIGN = sum(line.quantity * line.unit_excl_tax for line in QUOTE)
MONTHLY_HOSTING = HOSTING_Q2.lines[0].unit_excl_tax


@dataclass(frozen=True)
class Paid:
    day: date
    amount: Cents
    label: str


PAYMENTS = (
    Paid(date(2025, 4, 8), DEPOSIT.incl_tax, "Virement reçu — F-2025-031"),
    Paid(date(2025, 5, 27), HOSTING_Q2.incl_tax, "Chèque n° 0004127"),
    Paid(date(2025, 7, 15), Cents(300000), "Virement reçu — acompte sur F-2025-074"),
)


def statement(until: date) -> list[tuple[date, str, str, Cents, Cents]]:
    """Pixelune's customer ledger: (day, document, label, debit, credit), oldest first."""
    nothing = Cents(0)
    rows = [(b.issued, b.number, b.subject, b.incl_tax, nothing) for b in INVOICES if b.issued <= until]
    rows.append((LATE_CREDIT.issued, LATE_CREDIT.number, LATE_CREDIT.subject, nothing, LATE_CREDIT.incl_tax))
    rows += [(p.day, "Règlement", p.label, nothing, p.amount) for p in PAYMENTS if p.day <= until]
    return sorted(rows, key=lambda row: row[0])


def balance_due(until: date) -> Cents:
    return Cents(sum(debit - credit for _, _, _, debit, credit in statement(until)))


UNDISPUTED_DUE = Cents(BALANCE.incl_tax - LATE_CREDIT.incl_tax - PAYMENTS[2].amount + HOSTING_Q3.incl_tax)


def euros(cents: int) -> str:
    """French amount for documents printed in Helvetica, which has no narrow no-break space.

    Takes an ``int``: the printed documents' lines, running balances and sums are arithmetic
    on the bills' ``Cents``."""
    return format_euros(Cents(cents), "fr").replace(NARROW_NBSP, NBSP)


def round_euros(cents: int) -> str:
    """An amount as a person writes it in a sentence: "2 880 €" rather than "2 880,00 €"."""
    text = euros(cents)
    return text.replace(",00", "") if cents % 100 == 0 else text


# --- the case itself ---------------------------------------------------------------------

US = {
    "name": "Atelier Lemoine",
    "legal_form": "SARL",
    "siren": "832451793",
    "address": "14 rue des Tanneurs, 53000 Laval",
    "representative": "Claire Lemoine, gérante",
}
THEM = {
    "name": "Pixelune",
    "legal_form": "SAS",
    "siren": "902183649",
    "address": "27 quai Paul Boudet, 53000 Laval",
    "representative": "Julien Marchais, président",
}

SUMMARY = f"""\
L'Atelier Lemoine est une entreprise d'ébénisterie de six salariés installée à Laval. Le 4 mars 2025, \
nous avons confié à l'agence Pixelune la refonte de notre site internet {DOMAIN}, son hébergement, sa \
maintenance et notre messagerie, pour {round_euros(REDESIGN)} HT, puis {round_euros(MONTHLY_HOSTING)} HT par mois. Le \
contrat dit que le nom de domaine, le site et ses contenus nous appartiennent et que Pixelune nous remet \
tous les identifiants sur simple demande (article 9).

Le site a été mis en ligne avec trois semaines de retard, le 5 juin 2025. Pixelune nous a ensuite facturé \
un module de boutique en ligne que nous n'avions jamais commandé ({round_euros(SHOP.incl_tax)} TTC). Nous \
avons contesté cette facture par écrit et payé {round_euros(PAYMENTS[2].amount)} sur le solde de la \
refonte, en attendant que les anomalies signalées soient corrigées. Pixelune a exigé le paiement de tout, \
boutique comprise.

Fin août, Pixelune a changé sans nous prévenir le mot de passe administrateur du site. Malgré notre \
demande écrite puis notre mise en demeure du 4 septembre, elle refuse de nous rendre les accès au site et \
à la zone DNS du domaine tant que toutes ses factures ne sont pas payées. Le 2 octobre, elle a coupé \
notre messagerie : depuis, les courriels de nos clients leur reviennent en erreur. Du 6 au 24 octobre, le \
site a été remplacé par une page « site suspendu », ce qu'un commissaire de justice a constaté le 14 \
octobre.

Nous demandons au juge des référés d'ordonner à Pixelune, sous astreinte, de nous remettre tous les \
identifiants et de rétablir la messagerie. Nous ne refusons pas de payer ce qui est dû : nous proposons \
de régler dès la restitution des accès le solde non contesté, soit {round_euros(UNDISPUTED_DUE)}.\
"""

# What the atelier asks the judge: the credentials named as the contract's article 9 and the
# mise en demeure name them, the mail service still cut, a provision on its loss, costs.
DEMANDS = [
    {"kind": "restitution",
     "what": "les identifiants administrateur du site (WordPress), les accès à l'hébergement, au compte du bureau "
             f"d'enregistrement et à la zone DNS du domaine {DOMAIN}",
     "penalty_per_day": "200.00", "from_days": 8},
    {"kind": "restore_service",
     "what": f"les messageries contact@{DOMAIN} et claire@{DOMAIN}",
     "penalty_per_day": "200.00", "from_days": 3},
    {"kind": "provision", "amount": "3000.00",
     "text": "à valoir sur la réparation du préjudice causé par la coupure de la messagerie et la suspension "
             "du site"},
    {"kind": "article_700", "amount": "2500.00"},
    {"kind": "costs", "text": "qui comprendront le coût du procès-verbal de constat du 14 octobre 2025"},
]

# Article 9's reversibility clause: a penalty per day while the accesses the mise en demeure of 4 September
# demanded are not handed back (its deadline: eight days from its first presentation, 5 September). Nothing
# in the story hands them back: it runs to the décompte's date, within its cap.
REVERSIBILITY_PER_DAY = Cents(15000)
REVERSIBILITY_CAP = Cents(1500000)
REVERSIBILITY: dict[str, Any] = {
    "kind": "per_day", "amount": format_amount(REVERSIBILITY_PER_DAY),
    "for": "retard de restitution des identifiants et codes d'accès (article 9)",
    "from_event": "med", "cap": format_amount(REVERSIBILITY_CAP),
}
# Article 7's mailbox availability: 99,5 % a month, an avoir on the monthly fee below it. Only the mailbox's
# outages count: not the site's, nor the quote form's (a partial one).
MAILBOX_SERVICES = [f"messagerie contact@{DOMAIN}", f"messagerie claire@{DOMAIN}"]
MAILBOX_SLA: dict[str, Any] = {
    "availability": "99.5", "monthly_fee": format_amount(Cents(MONTHLY_HOSTING)), "services": MAILBOX_SERVICES,
    "credits": [{"below": "99.5", "percent": "10"}, {"below": "99", "percent": "25"}],
}

CASE = {
    "title": "Atelier Lemoine c/ Pixelune — site, DNS et messagerie",
    "our_role": "client",
    "us": US,
    "them": THEM,
    "summary": SUMMARY,
    "court": "Tribunal de commerce de Laval",
    "docket": "2025R00087",
    "hearing": "2025-11-18T14:00",
    "procedure": "référé — trouble manifestement illicite (art. 873 CPC)",
    "counsel": {
        "name": "Maître Hélène Guérin",
        "firm": "Guérin Avocats",
        "email": "h.guerin@guerin-avocats.example",
        "phone": "02 61 91 00 42",
        "city": "Laval",
        "bar": "barreau de Laval",
    },
    "opposing_counsel": {
        "name": "Maître Bertrand Houdayer",
        "firm": "Houdayer & Associés",
        "email": "b.houdayer@houdayer-associes.example",
        "city": "Laval",
        "bar": "barreau de Laval",
    },
    "demands": DEMANDS,
    "contract": {
        "reference": CONTRACT_REF,
        "signed_on": "2025-03-04",
        "payment_terms": PAYMENT_TERMS,
        "notes": f"Refonte du site {round_euros(REDESIGN)} HT (30 % à la commande, 70 % à la livraison) ; "
                 f"hébergement, maintenance et messagerie {round_euros(MONTHLY_HOSTING)} HT par mois, "
                 "facturés par trimestre. Article 9 : le client est propriétaire du domaine et du site, "
                 "identifiants remis sur simple demande.",
        "penalties": [REVERSIBILITY],
        "sla": MAILBOX_SLA,
    },
}


def _invoice(event_id: str, bill: Bill, title: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": event_id, "kind": "invoice", "date": bill.issued.isoformat(), "title": title, **extra,
        "number": bill.number,
        "amount_incl_tax": format_amount(bill.incl_tax),
        "amount_excl_tax": format_amount(bill.excl_tax),
        "vat": format_amount(bill.vat),
    }


def events() -> list[dict[str, Any]]:
    """The timeline in date order, as the interchange format writes it."""
    return [
        {"id": "contrat", "kind": "contract", "date": "2025-03-04",
         "title": "Signature du contrat de refonte, d'hébergement et de maintenance du site",
         "description": f"Refonte du site pour {round_euros(REDESIGN)} HT, puis hébergement, maintenance et "
                        f"messagerie pour {round_euros(MONTHLY_HOSTING)} HT par mois. Mise en ligne au plus "
                        "tard le 15 mai 2025. Article 9 : le domaine, le site et ses contenus sont à nous ; "
                        "Pixelune remet tous les identifiants sur simple demande.",
         "actor": "us", "key_fact": True, "tags": ["contrat"],
         "reference": CONTRACT_REF, "action": "signed"},
        _invoice("f-031", DEPOSIT, "Facture F-2025-031 — acompte de 30 % sur la refonte",
                 actor="them", tags=["facture"]),
        {"id": "p-031", "kind": "payment", "date": "2025-04-08", "title": "Paiement de l'acompte par virement",
         "actor": "us", "tags": ["paiement"],
         "amount": format_amount(PAYMENTS[0].amount), "invoices": [DEPOSIT.number], "method": "virement"},
        _invoice("f-058", HOSTING_Q2, "Facture F-2025-058 — hébergement et maintenance, 2e trimestre",
                 actor="them", tags=["facture"]),
        {"id": "p-058", "kind": "payment", "date": "2025-05-27",
         "title": f"Règlement de {round_euros(PAYMENTS[1].amount)} par chèque",
         "description": "Chèque posté sans indiquer la facture qu'il règle.",
         "actor": "us", "tags": ["paiement"],
         "amount": format_amount(PAYMENTS[1].amount), "method": "chèque n° 0004127"},
        _invoice("f-074", BALANCE, "Facture F-2025-074 — solde de la refonte (70 %)",
                 description="Facture émise avant la mise en ligne du site, qui n'a eu lieu que le 5 juin.",
                 actor="them", tags=["facture"]),
        _invoice("f-082", SHOP, "Facture F-2025-082 — module boutique en ligne jamais commandé",
                 actor="them", key_fact=True, tags=["facture", "contestation"],
                 disputed=True,
                 dispute_reason="Module jamais commandé : aucun devis signé, le contrat ne prévoit pas de "
                                "boutique en ligne et l'atelier ne vend que sur devis."),
        {"id": "contestation", "kind": "correspondence", "date": "2025-06-18",
         "title": "Courriel contestant la facture F-2025-082 et listant les anomalies du site",
         "description": "Nous refusons la facture de la boutique, jamais commandée, et demandons la correction "
                        "du formulaire de devis (les demandes n'arrivent pas) et des photos manquantes du "
                        "catalogue avant de payer le solde.",
         "actor": "us", "tags": ["contestation"], "channel": "email"},
        {"id": "a-004", "kind": "credit_note", "date": "2025-07-03",
         "title": "Avoir A-2025-004 sur la facture F-2025-074 (retard de mise en ligne)",
         "description": "Pixelune reconnaît les trois semaines de retard et applique la pénalité du contrat, "
                        "100 € HT par semaine.",
         "actor": "them", "tags": ["facture"],
         "number": LATE_CREDIT.number, "amount_incl_tax": format_amount(LATE_CREDIT.incl_tax),
         "invoice": BALANCE.number},
        {"id": "relance-courriel", "kind": "reminder", "date": "2025-07-08",
         "title": "Relance de Pixelune par courriel pour les factures F-2025-074 et F-2025-082",
         "actor": "them", "tags": ["relance"],
         "channel": "email", "invoices": [BALANCE.number, SHOP.number]},
        {"id": "p-074", "kind": "payment", "date": "2025-07-15",
         "title": f"Virement de {round_euros(PAYMENTS[2].amount)} sur le solde de la refonte",
         "description": "Paiement partiel volontaire ; le reste sera réglé une fois les anomalies corrigées.",
         "actor": "us", "key_fact": True, "tags": ["paiement"],
         "amount": format_amount(PAYMENTS[2].amount), "invoices": [BALANCE.number], "method": "virement"},
        _invoice("f-101", HOSTING_Q3, "Facture F-2025-101 — hébergement et maintenance, 3e trimestre",
                 actor="them", tags=["facture"]),
        {"id": "relance-tel", "kind": "reminder", "date": "2025-08-05",
         "title": "Appel de M. Marchais qui réclame le paiement et menace de « tout couper »",
         "actor": "them", "tags": ["relance"],
         "channel": "phone", "invoices": [BALANCE.number, SHOP.number]},
        {"id": "mdp-change", "kind": "access", "date": "2025-08-25",
         "title": "Mot de passe administrateur du site changé sans notre accord",
         "description": "Le compte administrateur de Claire Lemoine est refusé (« identifiant ou mot de passe "
                        "incorrect ») et le lien de réinitialisation part vers une adresse de Pixelune.",
         "actor": "them", "key_fact": True, "tags": ["accès"],
         "account": "administration du site (WordPress)", "action": "changed_without_consent"},
        {"id": "demande-acces", "kind": "access", "date": "2025-08-26",
         "title": "Demande écrite de restitution de tous les identifiants",
         "description": "Courriel à Pixelune demandant l'accès administrateur du site, l'hébergement, le compte "
                        "du bureau d'enregistrement et la zone DNS du domaine, comme le prévoit l'article 9.",
         "actor": "us", "tags": ["accès"],
         "account": f"administration du site, hébergement et zone DNS du domaine {DOMAIN}",
         "action": "requested"},
        {"id": "appel-0109", "kind": "correspondence", "date": "2025-09-01",
         "title": "Appel à M. Marchais : il subordonne les accès au paiement de toutes les factures",
         "actor": "us", "tags": ["accès"], "channel": "phone"},
        {"id": "med", "kind": "registered_letter", "date": "2025-09-04",
         "title": "Mise en demeure de restituer les accès, en recommandé avec avis de réception",
         "description": "Huit jours à compter de la réception pour remettre tous les identifiants ; nous "
                        f"proposons de payer le solde non contesté ({round_euros(UNDISPUTED_DUE)}) dès la "
                        "restitution.",
         "actor": "us", "key_fact": True, "tags": ["mise en demeure", "accès"],
         "tracking_number": NOTICE_TRACKING, "formal_notice": True, "deadline_days": 8,
         "first_presented_on": "2025-09-05", "received_on": "2025-09-08"},
        {"id": "refus", "kind": "access", "date": "2025-09-12",
         "title": "Pixelune refuse par écrit de rendre les accès",
         "description": "Courriel de M. Marchais : aucun accès ne sera remis « tant que l'intégralité des sommes "
                        "dues n'aura pas été réglée », boutique comprise. Relevé de compte joint.",
         "actor": "them", "key_fact": True, "tags": ["accès"],
         "account": f"administration du site et zone DNS du domaine {DOMAIN}", "action": "refused"},
        {"id": "lettre-resiliation", "kind": "registered_letter", "date": "2025-09-22",
         "title": "Résiliation de la maintenance en recommandé, revenue « pli avisé et non réclamé »",
         "description": "Présentée le 23 septembre, jamais retirée par Pixelune, revenue à l'atelier le 10 octobre.",
         "actor": "us", "tags": ["contrat"],
         "tracking_number": TERMINATION_TRACKING, "formal_notice": False,
         "first_presented_on": "2025-09-23", "returned_undelivered": True},
        {"id": "coupure-formulaire", "kind": "outage", "date": "2025-09-29",
         "title": "Formulaire de demande de devis du site hors service",
         "description": "Les demandes envoyées par le formulaire n'arrivent plus ; le reste du site fonctionne. "
                        "Pixelune parle de « maintenance ».",
         "actor": "them", "tags": ["coupure"],
         "start": "2025-09-29T09:00", "end": "2025-10-01T18:30",
         "services": ["formulaire de demande de devis"], "scope": "partial"},
        {"id": "med-pixelune", "kind": "registered_letter", "date": "2025-09-30",
         "title": f"Mise en demeure de payer {round_euros(balance_due(date(2025, 9, 30)))} reçue de Pixelune",
         "description": "Lettre recommandée réclamant toutes les factures, boutique comprise, sous huit jours. "
                        "L'enveloppe portant le numéro de suivi n'a pas été gardée.",
         "actor": "them", "tags": ["mise en demeure"],
         "formal_notice": True, "deadline_days": 8, "received_on": "2025-10-02"},
        {"id": "coupure-messagerie", "kind": "outage", "date": "2025-10-02",
         "title": "Messagerie de l'atelier coupée",
         "description": "Connexion refusée (« compte suspendu ») ; les clients qui nous écrivent reçoivent un "
                        "message d'erreur. Toujours coupée.",
         "actor": "them", "key_fact": True, "tags": ["coupure"],
         "start": "2025-10-02T06:45",
         "services": MAILBOX_SERVICES, "scope": "total"},
        {"id": "coupure-site", "kind": "outage", "date": "2025-10-06",
         "title": "Site remplacé par une page « site suspendu »",
         "description": "Les visiteurs ne voient plus que « Ce site est suspendu. Contactez votre prestataire. »",
         "actor": "them", "key_fact": True, "tags": ["coupure"],
         "start": "2025-10-06T07:30", "end": "2025-10-24T11:10",
         "services": [f"site {DOMAIN}"], "scope": "total"},
        {"id": "constat", "kind": "procedure", "date": "2025-10-14",
         "title": "Constat de commissaire de justice sur le site, l'administration et la messagerie",
         "description": "Maître Sophie Rouxel constate la page « site suspendu », le refus du mot de passe "
                        f"administrateur et le rejet des courriels envoyés à contact@{DOMAIN}.",
         "actor": "third_party", "key_fact": True, "tags": ["procédure"], "action": "bailiff_report"},
        {"id": "assignation", "kind": "procedure", "date": "2025-10-21",
         "title": "Assignation en référé devant le président du Tribunal de commerce de Laval",
         "description": "Délivrée à Pixelune par Maître Rouxel ; audience le 18 novembre 2025 à 14 h.",
         "actor": "us", "tags": ["procédure"], "action": "summons"},
        {"id": "facebook", "kind": "access", "date": "2025-10-24",
         "title": "Pixelune rend la page Facebook et remet le site en ligne",
         "description": "Trois jours après l'assignation. L'administration du site, la zone DNS et la "
                        "messagerie restent bloquées.",
         "actor": "them", "tags": ["accès"], "account": "page Facebook de l'atelier", "action": "restored"},
        {"id": "note-pertes", "kind": "note", "date": "2025-11-05",
         "title": "Conséquences de la coupure de la messagerie",
         "description": "Trois clients nous ont appelés parce que leurs courriels revenaient en erreur. Au moins "
                        "deux demandes de devis sont perdues (une cuisine sur mesure à Château-Gontier, des "
                        "rayonnages pour la médiathèque d'Évron). Notre fournisseur de chêne nous envoie "
                        "désormais ses confirmations par courrier.",
         "actor": "us", "tags": ["préjudice"]},
    ]


@dataclass(frozen=True)
class Piece:
    """An exhibit of the demo: its file name under ``pieces/`` and what it proves."""

    name: str
    title: str
    day: str | None
    links: tuple[str | tuple[str, str], ...]


PIECES = (
    Piece("contrat-PXL-2025-017.pdf", "Contrat PXL-2025-017 signé, avec son annexe tarifaire", "2025-03-04",
          ("contrat",)),
    # Dated a year early on purpose: the kind of slip the readiness check is there to catch.
    Piece("facture-F-2025-031.pdf", "Facture Pixelune F-2025-031 (acompte)", "2024-03-10", ("f-031",)),
    Piece("facture-F-2025-074.pdf", "Facture Pixelune F-2025-074 (solde de la refonte)", "2025-05-31",
          ("f-074",)),
    Piece("facture-F-2025-082.pdf", "Facture Pixelune F-2025-082 (boutique en ligne, contestée)", "2025-06-16",
          ("f-082",)),
    Piece("avoir-A-2025-004.pdf", "Avoir Pixelune A-2025-004", "2025-07-03", ("a-004",)),
    Piece("export-factures-pixelune.csv", "Factures Pixelune enregistrées en comptabilité (export)", None,
          ("f-031", "f-058", "f-074", "f-082")),
    Piece("mise-en-demeure-2025-09-04.pdf", "Mise en demeure du 4 septembre 2025", "2025-09-04",
          (("med", "1-2"), ("demande-acces", "2"))),
    Piece("avis-de-reception-1A18764923157.jpg", "Avis de réception de la mise en demeure (photo)",
          "2025-09-08", ("med",)),
    Piece("courriel-pixelune-2025-09-12.eml", "Courriel de Pixelune refusant les accès, avec son relevé de compte",
          "2025-09-12", ("refus", "p-031", "p-058", "p-074")),
    Piece("capture-webmail-2025-10-02.png", "Capture d'écran : connexion à la messagerie refusée", "2025-10-02",
          ("coupure-messagerie",)),
    Piece("notes-appels-pixelune.txt", "Notes prises pendant les appels avec Pixelune", "2025-09-01",
          ("relance-tel", "appel-0109")),
    Piece("constat-2025-10-14.pdf", "Procès-verbal de constat de Maître Rouxel", "2025-10-14",
          ("constat", ("coupure-site", "2"), ("mdp-change", "3"), ("coupure-messagerie", "3-4"))),
)
