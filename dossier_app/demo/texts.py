"""Plain-text exhibits: the agency's e-mail, the accounting export and the owner's call notes.

The e-mail is assembled by the standard library with a fixed date, message id and MIME
boundary (the library would otherwise draw a random boundary on every run).
"""

from __future__ import annotations

from datetime import date
from email import policy
from email.message import EmailMessage

from .story import DOMAIN, SHOP, Bill, balance_due, euros

REFUSAL_DAY = date(2025, 9, 12)


def refusal_email(statement: bytes) -> bytes:
    """Pixelune's answer to the formal notice, with its customer statement attached."""
    msg = EmailMessage()
    msg["Return-Path"] = "<julien.marchais@pixelune.fr>"
    msg["Received"] = ("from mail.pixelune.fr (mail.pixelune.fr [203.0.113.25]) by mx1.pixelune-hosting.fr "
                       "with ESMTPS id 4F2A91C0 for <claire@atelier-lemoine.fr>; Fri, 12 Sep 2025 17:06:43 +0200")
    msg["From"] = "Julien Marchais <julien.marchais@pixelune.fr>"
    msg["To"] = f"Claire Lemoine <claire@{DOMAIN}>"
    msg["Cc"] = "Pixelune Comptabilité <compta@pixelune.fr>"
    msg["Date"] = "Fri, 12 Sep 2025 17:06:41 +0200"
    msg["Subject"] = f"Re: Mise en demeure - restitution des accès {DOMAIN}"
    msg["Message-ID"] = "<20250912150641.4F2A91C0@mail.pixelune.fr>"
    msg["In-Reply-To"] = f"<a41c07e2-9d3b-4c55-8f0e-1b2c3d4e5f60@{DOMAIN}>"
    msg["X-Mailer"] = "Microsoft Outlook 16.0"
    total = euros(balance_due(REFUSAL_DAY))
    msg.set_content(f"""\
Madame Lemoine,

J'ai bien reçu votre courrier recommandé du 4 septembre.

Je vous confirme ce que je vous ai dit au téléphone : les accès techniques de votre site
(administration WordPress, hébergement, zone DNS) vous seront remis dès que l'intégralité
des sommes dues aura été réglée. Vous trouverez ci-joint le relevé de votre compte client :
le solde dû s'élève à {total} TTC.

La facture {SHOP.number} correspond au module boutique que nous avons installé à votre
demande lors de la réunion du 28 mai ; elle est due comme les autres. Nous ne ferons pas de
remise partielle des accès tant que le compte n'est pas soldé.

Je vous rappelle par ailleurs que votre contrat de maintenance court jusqu'au 4 mars 2026.

Cordialement,

Julien Marchais
Président - Pixelune SAS
27 quai Paul Boudet, 53000 Laval
02 61 91 00 17
""")
    msg.add_attachment(statement, maintype="application", subtype="pdf",
                       filename=f"Releve_compte_CL-0142_{REFUSAL_DAY.isoformat()}.pdf")
    msg.set_boundary("----=_NextPart_000_0013_01DC2402.6B0C1E70")
    return msg.as_bytes(policy=policy.SMTP)


def invoices_csv(bills: tuple[Bill, ...]) -> bytes:
    """The atelier's accounting export of Pixelune's invoices, as French Excel writes it."""
    def amount(cents: int) -> str:
        return f"{cents // 100},{cents % 100:02d}"

    rows = ["numero;date;montant_ttc;montant_ht;tva;echeance;libelle"]
    for bill in bills:
        rows.append(";".join((bill.number, bill.issued.strftime("%d/%m/%Y"), amount(bill.incl_tax),
                              amount(bill.excl_tax), amount(bill.vat), bill.due.strftime("%d/%m/%Y"),
                              f"Pixelune - {bill.subject}")))
    return ("\r\n".join(rows) + "\r\n").encode("utf-8")


def call_notes(remaining: int) -> bytes:
    """What Claire Lemoine typed after each call with the agency."""
    text = f"""\
NOTES D'APPELS - PIXELUNE (site internet)
Claire Lemoine - notes prises pendant les appels, recopiées le soir même

Mardi 5 août 2025, 10 h 20 - appel reçu de Julien Marchais (Pixelune), 12 minutes
- Il réclame sous huit jours le reste de la facture F-2025-074 ({euros(remaining)})
  et la facture {SHOP.number} ({euros(SHOP.incl_tax)}).
- Je lui rappelle que la boutique en ligne n'a jamais été commandée : elle était en
  option sur le devis et je l'ai barrée (annexe 1 du contrat).
- Je lui redis que le formulaire de devis n'envoie toujours rien.
- Il répond : « sans paiement intégral, on coupe tout ». Je lui demande de me
  l'écrire : il refuse.

Lundi 1er septembre 2025, 14 h 05 - j'appelle Julien Marchais, 8 minutes
- Je lui redemande les codes d'accès (administration du site, hébergement, DNS),
  demandés par courriel le 26 août, toujours sans réponse.
- Il ne rendra « rien du tout » tant que tout n'est pas payé, boutique comprise.
- Je propose de payer tout de suite ce qui n'est pas contesté contre la remise des
  accès : il refuse.
- Je le préviens que je vais lui envoyer une mise en demeure.
"""
    return text.encode("utf-8")
