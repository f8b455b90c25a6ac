"""Letters drafted from the case: a formal notice, a reminder, the content of a request for an
injonction de payer (issue 16).  Pure domain code: the case, its claims on the letter's date and the
options in, the letter's words out (``LetterDoc``), which ``dossier_app/letters`` lays out as PDF or
OpenDocument text.  A draft for the owner or counsel to check, never legal advice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ..i18n import N_, NBSP, Translator, translator
from .claims import ClaimsResult, InvoiceClaim
from .claims_penalties import PenaltyPeriod
from .claims_report import (
    contract_computation,
    contract_heading,
    contract_line_title,
    credit_threshold,
    rate_source_text,
)
from .model import Access, CaseFile, Contract, Party, RegisteredLetter
from .siren import normalize_siren

LetterKind = Literal["mise-en-demeure", "relance", "injonction"]
LETTER_KINDS: tuple[LetterKind, ...] = ("mise-en-demeure", "relance", "injonction")
BlockKind = Literal["heading", "paragraph", "items", "table", "note"]


@dataclass(frozen=True)
class Block:
    """One piece of the letter's body: a heading, a paragraph, a list, a table (first row: its
    header; amounts already written as the reader reads them), or a small note."""

    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class LetterDoc:
    kind: LetterKind
    lang: str
    sender: tuple[str, ...]  # our header: name, legal form and SIREN, address lines, contact
    recipient: tuple[str, ...]  # the other party's name and address lines
    place_date: str  # "Laval, le 8 décembre 2026"
    sending: str  # "Lettre recommandée avec demande d'avis de réception", or "" for a plain letter
    subject: str
    blocks: tuple[Block, ...]
    signature: tuple[str, ...]  # who signs: the representative, the company
    draft_note: str  # says it is a draft to check, never legal advice
    deadline: date | None = None  # the formal notice's deadline, when it sets one
    title: str = ""  # a short name for the file and the window ("Mise en demeure du 8 décembre 2026")


@dataclass(frozen=True)
class LetterOptions:
    day: date  # the letter's date (the claims are computed on it)
    lang: str = "fr"
    deadline_days: int = 8  # 8 or 15 days for a formal notice


# --- the parties, the date, the signature -------------------------------------------------

DRAFT_NOTE = N_("Projet à relire et adapter par le dirigeant ou son avocat avant tout envoi : il est établi à "
                "partir des éléments du dossier et ne constitue pas un conseil juridique.")
_POSTCODE = re.compile(r"\b\d{5}\s+(.+)$")


def _grouped_siren(siren: str) -> str:
    digits = normalize_siren(siren)
    return f"{digits[0:3]}{NBSP}{digits[3:6]}{NBSP}{digits[6:9]}" if digits.isdigit() and len(digits) == 9 else siren


def _address_lines(party: Party) -> tuple[str, ...]:
    """"14 rue des Tanneurs, 53000 Laval" → its two lines (a line break or a comma separates them)."""
    text = party.address or ""
    return tuple(part.strip() for line in text.splitlines() for part in line.split(",") if part.strip())


def _city(party: Party) -> str:
    """The town after the postcode of the address's last line ("53000 Laval" → "Laval")."""
    lines = _address_lines(party)
    match = _POSTCODE.search(lines[-1]) if lines else None
    return match.group(1).strip() if match else ""


def _identity(tr: Translator, party: Party) -> str:
    """"SARL — SIREN 832 451 793" (what of it is known)."""
    details = [party.legal_form] if party.legal_form else []
    if party.siren:
        details.append(tr.gettext("SIREN {siren}").format(siren=_grouped_siren(party.siren)))
    return " — ".join(details)


def _sender(tr: Translator, party: Party) -> tuple[str, ...]:
    identity = _identity(tr, party)
    return (party.name, *([identity] if identity else []), *_address_lines(party))


def _recipient(tr: Translator, party: Party) -> tuple[str, ...]:
    name = f"{party.name} {party.legal_form}" if party.legal_form else party.name
    lines = [name]
    if party.representative:
        lines.append(tr.gettext("À l'attention de {name}").format(name=party.representative))
    return (*lines, *_address_lines(party))


def _place_date(tr: Translator, party: Party, day: date) -> str:
    city = _city(party)
    if city:
        return tr.gettext("{city}, le {day}").format(city=city, day=tr.long_day(day))
    return tr.gettext("Le {day}").format(day=tr.long_day(day))


def _signature(party: Party) -> tuple[str, ...]:
    company = f"{party.name} {party.legal_form}" if party.legal_form else party.name
    return (party.representative, company) if party.representative else (company,)


def _and(tr: Translator, items: list[str]) -> str:
    if len(items) < 2:
        return "".join(items)
    return tr.gettext("{items} et {last}").format(items=", ".join(items[:-1]), last=items[-1])


def _contract_words(tr: Translator, contract: Contract | None) -> str:
    """"le contrat PXL-2025-017 signé le 4 mars 2025", or "notre contrat"."""
    if contract is None or not contract.reference:
        if contract is not None and contract.signed_on is not None:
            return tr.gettext("le contrat signé le {day}").format(day=tr.long_day(contract.signed_on))
        return tr.gettext("notre contrat")
    if contract.signed_on is not None:
        return tr.gettext("le contrat {reference} signé le {day}").format(
            reference=contract.reference, day=tr.long_day(contract.signed_on))
    return tr.gettext("le contrat {reference}").format(reference=contract.reference)


def _our_notices(case_file: CaseFile, before: date) -> list[RegisteredLetter]:
    """The formal notices we sent, dated on or before ``before``."""
    return [e for e in case_file.events if isinstance(e, RegisteredLetter) and e.formal_notice
            and e.actor != "them" and e.date <= before]


# --- amounts ---------------------------------------------------------------------------------

def _owed(claims: ClaimsResult) -> list[InvoiceClaim]:
    """The undisputed invoices that owe something on the date: unpaid, or paid late (their penalties)."""
    return [c for c in claims.undisputed if c.total > 0]


def _numbers(claims: list[InvoiceClaim]) -> list[str]:
    return [c.number for c in claims]


def _rate_words(tr: Translator, claims: list[InvoiceClaim]) -> str:
    """Which rate the penalties bear, in words a judge reads (never "taux légal")."""
    kinds = {p.source.kind for c in claims for p in c.periods}
    statutory = tr.gettext("le taux de l'article L441-10 du Code de commerce (taux de refinancement de la BCE "
                           "majoré de 10 points)")
    if kinds == {"contract"}:
        return tr.gettext("le taux contractuel")
    if "contract" in kinds:
        return tr.gettext("le taux contractuel et, pour les semestres où il est inférieur au minimum légal, "
                          "{statutory}").format(statutory=statutory)
    return statutory


def _rate_items(tr: Translator, claims: list[InvoiceClaim]) -> tuple[str, ...]:
    """Each rate applied, once, with where it comes from."""
    seen: dict[str, None] = {}  # in order, once each
    for claim in claims:
        for period in claim.periods:
            source = period.source
            text = tr.gettext("{rate} par an : {source}").format(
                rate=tr.percent(period.rate), source=rate_source_text(source, tr.lang))
            if source.statutory is not None and source.kind != "contract":
                text = tr.gettext("{text} (source : {reference})").format(text=text, reference=source.statutory.ecb.source)
            seen.setdefault(text, None)
    return tuple(seen)


def _invoice_table(tr: Translator, claims: ClaimsResult, owed: list[InvoiceClaim]) -> Block:
    header = (tr.gettext("n°"), tr.gettext("date"), tr.gettext("échéance"), tr.gettext("reste dû"),
              tr.gettext("pénalités"), tr.gettext("indemnité"), tr.gettext("total"))
    rows = [(c.number, tr.short_day(c.date), tr.short_day(c.due_date), tr.money(c.outstanding),
             tr.money(c.penalties), tr.money(c.indemnity), tr.money(c.total)) for c in owed]
    totals = claims.totals
    rows.append((tr.gettext("Total"), "", "", tr.money(totals.outstanding_undisputed),
                 tr.money(totals.penalties_undisputed), tr.money(totals.indemnities_undisputed),
                 tr.money(totals.grand_total)))
    return Block("table", rows=(header, *rows))


def _unpaid_table(tr: Translator, claims: ClaimsResult, unpaid: list[InvoiceClaim]) -> Block:
    header = (tr.gettext("n°"), tr.gettext("date"), tr.gettext("échéance"), tr.gettext("reste dû"))
    rows = [(c.number, tr.short_day(c.date), tr.short_day(c.due_date), tr.money(c.outstanding)) for c in unpaid]
    rows.append((tr.gettext("Total"), "", "", tr.money(claims.totals.outstanding_undisputed)))
    return Block("table", rows=(header, *rows))


def _contract_blocks(tr: Translator, case_file: CaseFile, claims: ClaimsResult) -> list[Block]:
    """What the other side owes under the contract's clauses, apart from the invoices."""
    if not claims.contract.lines:
        return []
    contract = case_file.case.contract
    sla = contract.sla if contract is not None else None
    rows = [(contract_line_title(line, tr.lang), contract_computation(line, tr.lang, credit_threshold(line, sla)),
             tr.money(line.amount)) for line in claims.contract.lines]
    rows.append((tr.gettext("Total dû au titre du contrat"), "", tr.money(claims.contract.total)))
    return [
        Block("heading", contract_heading(claims.our_role, tr.lang, case_file.case.them.name)),
        Block("paragraph", tr.gettext("Le contrat met en outre à votre charge les sommes suivantes, calculées au "
                                      "{day} selon ses clauses :").format(day=tr.long_day(claims.as_of))),
        Block("table", rows=((tr.gettext("clause"), tr.gettext("calcul"), tr.gettext("montant")), *rows)),
    ]


def _disputed_block(tr: Translator, claims: ClaimsResult, *, client: bool, court: bool = False) -> list[Block]:
    disputed = [c for c in claims.disputed if c.outstanding > 0]
    if not disputed:
        return []
    numbers = _and(tr, _numbers(disputed))
    amount = tr.money(claims.totals.outstanding_disputed)
    if court:  # the request is read by the judge: the debtor is "le défendeur"
        text = tr.ngettext("La facture {numbers} ({amount} restant dus), contestée par le défendeur, n'est pas "
                           "comprise dans la présente requête.",
                           "Les factures {numbers} ({amount} restant dus), contestées par le défendeur, ne sont pas "
                           "comprises dans la présente requête.", len(disputed))
    elif client:
        text = tr.ngettext("La facture {numbers} ({amount}) reste contestée : elle n'est pas comprise dans cette "
                           "offre.",
                           "Les factures {numbers} ({amount}) restent contestées : elles ne sont pas comprises dans "
                           "cette offre.", len(disputed))
    else:
        text = tr.ngettext("La facture {numbers} ({amount} restant dus), que vous contestez, est tenue à part : elle "
                           "n'est pas comprise dans les sommes réclamées ci-dessus.",
                           "Les factures {numbers} ({amount} restant dus), que vous contestez, sont tenues à part : "
                           "elles ne sont pas comprises dans les sommes réclamées ci-dessus.", len(disputed))
    return [Block("paragraph", text.format(numbers=numbers, amount=amount))]


# --- the accesses ------------------------------------------------------------------------------

def _withheld(case_file: CaseFile, day: date) -> list[Access]:
    """The accesses refused or changed without our consent on or before ``day``, not restored since."""
    accesses = [e for e in case_file.events if isinstance(e, Access) and e.date <= day]
    restored = {(e.account, e.date) for e in accesses if e.action == "restored"}
    return [e for e in accesses if e.action in ("refused", "changed_without_consent")
            and not any(account == e.account and when >= e.date for account, when in restored)]


def _access_item(tr: Translator, event: Access) -> str:
    if event.action == "refused":
        return tr.gettext("{account} : restitution refusée le {day}").format(
            account=event.account, day=tr.long_day(event.date))
    return tr.gettext("{account} : accès modifié sans notre accord le {day}").format(
        account=event.account, day=tr.long_day(event.date))


def _what_to_hand_back(tr: Translator, case_file: CaseFile, withheld: list[Access]) -> tuple[str, ...]:
    """Each access and service to hand back: the case's demands, else the accesses withheld."""
    items = []
    for demand in case_file.case.demands:
        what = demand.what or demand.text
        if not what:
            continue
        if demand.kind == "restitution":
            items.append(tr.gettext("nous remettre {what}").format(what=what))
        elif demand.kind == "restore_service":
            items.append(tr.gettext("rétablir {what}").format(what=what))
    if not items:
        items = [tr.gettext("nous rendre l'accès à : {account}").format(account=e.account) for e in withheld]
    if not items:
        items = [tr.gettext("nous remettre l'ensemble des identifiants, codes d'accès et données qui nous "
                            "appartiennent")]
    return tuple(items)


# --- the letters --------------------------------------------------------------------------------

GREETING = N_("Madame, Monsieur,")
CLOSING = N_("Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.")
FORMAL = N_("La présente lettre vaut mise en demeure au sens de l'article 1344 du Code civil.")


def _suspension_announced(contract: Contract | None) -> bool:
    return contract is not None and "suspen" in (contract.notes or "").casefold()


def _court_sentence(tr: Translator, court: str | None) -> str:
    if court:
        return tr.gettext("À défaut de règlement dans ce délai, nous saisirons le {court}, sans autre avis, afin "
                          "d'obtenir le paiement de ces sommes, des pénalités qui continuent de courir jusqu'au "
                          "complet paiement, et de nos frais.").format(court=court)
    return tr.gettext("À défaut de règlement dans ce délai, nous saisirons le tribunal de commerce, sans autre avis, "
                      "afin d'obtenir le paiement de ces sommes, des pénalités qui continuent de courir jusqu'au "
                      "complet paiement, et de nos frais.")


def _notice_as_creditor(tr: Translator, case_file: CaseFile, claims: ClaimsResult, options: LetterOptions,
                        deadline: date) -> tuple[str, list[Block]]:
    case = case_file.case
    owed = _owed(claims)
    totals = claims.totals
    subject = tr.gettext("Mise en demeure de payer — factures impayées")
    blocks = [Block("paragraph", tr.gettext(GREETING))]
    if owed:
        late_only = any(c.outstanding == 0 for c in owed)
        intro = (tr.gettext("En exécution de {contract}, nous vous avons adressé les factures ci-dessous. Sauf erreur "
                            "de notre part, elles restent impayées à ce jour, ou ont été réglées après leur "
                            "échéance :") if late_only else
                 tr.gettext("En exécution de {contract}, nous vous avons adressé les factures ci-dessous. Sauf erreur "
                            "de notre part, elles restent impayées à ce jour malgré leur échéance :"))
        blocks += [Block("paragraph", intro.format(contract=_contract_words(tr, case.contract))),
                   _invoice_table(tr, claims, owed)]
        text = tr.gettext("Au {day}, vous nous devez ainsi {total} : {principal} en principal, {penalties} de "
                          "pénalités de retard calculées en appliquant {rate} et "
                          "{indemnities} d'indemnités forfaitaires pour frais de recouvrement (40 € par facture "
                          "payée en retard, articles L441-10 et D441-5 du Code de commerce).").format(
            day=tr.long_day(options.day), total=tr.money(totals.grand_total),
            principal=tr.money(totals.outstanding_undisputed), penalties=tr.money(totals.penalties_undisputed),
            rate=_rate_words(tr, owed), indemnities=tr.money(totals.indemnities_undisputed))
        blocks.append(Block("paragraph", text))
        rates = _rate_items(tr, owed)
        if rates:
            blocks += [Block("paragraph", tr.gettext("Taux appliqués et leur source :")), Block("items", items=rates)]
    else:
        blocks.append(Block("paragraph", tr.gettext("Au {day}, aucune facture non contestée ne reste due.").format(
            day=tr.long_day(options.day))))
    blocks += _disputed_block(tr, claims, client=False)
    contract_blocks = _contract_blocks(tr, case_file, claims)
    blocks += contract_blocks
    if contract_blocks:
        demand = tr.gettext("Par la présente, nous vous mettons en demeure de nous régler la somme de {total}, ainsi "
                            "que {contract} au titre du contrat, dans un délai de {days} jours, soit au plus tard le "
                            "{deadline}.").format(
            total=tr.money(totals.grand_total), contract=tr.money(claims.contract.total), days=options.deadline_days,
            deadline=tr.long_day(deadline))
    else:
        demand = tr.gettext("Par la présente, nous vous mettons en demeure de nous régler la somme de {total} dans un "
                            "délai de {days} jours, soit au plus tard le {deadline}.").format(
            total=tr.money(totals.grand_total), days=options.deadline_days, deadline=tr.long_day(deadline))
    blocks += [Block("heading", tr.gettext("Mise en demeure")), Block("paragraph", demand)]
    if _suspension_announced(case.contract):
        blocks.append(Block("paragraph", tr.gettext(
            "Comme le contrat le prévoit, nous suspendrons nos prestations si ce règlement n'intervient pas dans "
            "ce délai.")))
    blocks += [Block("paragraph", _court_sentence(tr, case.court)),
               Block("paragraph", tr.gettext(FORMAL)),
               Block("paragraph", tr.gettext(CLOSING))]
    return subject, blocks


def _notice_as_client(tr: Translator, case_file: CaseFile, claims: ClaimsResult, options: LetterOptions,
                      deadline: date) -> tuple[str, list[Block]]:
    case = case_file.case
    subject = tr.gettext("Mise en demeure de restituer nos accès et nos données")
    withheld = _withheld(case_file, options.day)
    blocks = [Block("paragraph", tr.gettext(GREETING)),
              Block("paragraph", tr.gettext("Nous sommes liés à vous par {contract}.").format(
                  contract=_contract_words(tr, case.contract)))]
    if case.contract is not None and case.contract.notes:
        blocks.append(Block("paragraph", tr.gettext("Ce que prévoit le contrat : {clause}").format(
            clause=case.contract.notes)))
    accesses = [e for e in case_file.events if isinstance(e, Access) and e.date <= options.day]
    requests = [e for e in accesses if e.action == "requested"]
    if requests:
        blocks += [Block("paragraph", tr.gettext("Nous vous avons demandé de nous restituer nos accès :")),
                   Block("items", items=tuple(tr.gettext("le {day} : {account}").format(
                       day=tr.long_day(e.date), account=e.account) for e in requests))]
    notices = _our_notices(case_file, options.day)
    if notices:
        blocks.append(Block("paragraph", tr.ngettext(
            "Notre mise en demeure du {days} est restée sans effet.",
            "Nos mises en demeure des {days} sont restées sans effet.", len(notices)).format(
            days=_and(tr, [tr.long_day(n.date) for n in notices]))))
    if withheld:
        blocks += [Block("paragraph", tr.gettext("À ce jour, vous retenez les accès suivants :")),
                   Block("items", items=tuple(_access_item(tr, e) for e in withheld))]
    restored = [e for e in accesses if e.action == "restored"]
    if restored:
        blocks.append(Block("paragraph", tr.gettext("Nous prenons acte de la restitution de : {accounts}.").format(
            accounts=_and(tr, [tr.gettext("{account} (le {day})").format(account=e.account, day=tr.long_day(e.date))
                               for e in restored]))))
    blocks += [Block("heading", tr.gettext("Mise en demeure")),
               Block("paragraph", tr.gettext("Par la présente, nous vous mettons en demeure, dans un délai de {days} "
                                             "jours, soit au plus tard le {deadline}, de :").format(
                   days=options.deadline_days, deadline=tr.long_day(deadline))),
               Block("items", items=_what_to_hand_back(tr, case_file, withheld))]
    undisputed = [c for c in claims.undisputed if c.outstanding > 0]
    if undisputed:
        blocks.append(Block("paragraph", tr.gettext(
            "Nous ne refusons pas de payer ce qui est dû : nous sommes disposés à régler la somme de {amount}, "
            "montant des factures non contestées ({numbers}), dès la restitution des accès.").format(
            amount=tr.money(claims.totals.outstanding_undisputed), numbers=_and(tr, _numbers(undisputed)))))
    blocks += _disputed_block(tr, claims, client=True)
    blocks += _contract_blocks(tr, case_file, claims)
    court = case.court or tr.gettext("tribunal de commerce")
    blocks += [Block("heading", tr.gettext("À défaut")),
               Block("paragraph", tr.gettext(
                   "À défaut, nous saisirons le président du {court} statuant en référé : retenir des accès et des "
                   "données qui nous appartiennent constitue un trouble manifestement illicite, que le juge des "
                   "référés peut faire cesser sous astreinte (article 873 du Code de procédure civile), sans "
                   "préjudice des pénalités prévues au contrat et de tous dommages et intérêts.").format(court=court)),
               Block("paragraph", tr.gettext(FORMAL)),
               Block("paragraph", tr.gettext(CLOSING))]
    return subject, blocks


def _reminder(tr: Translator, case_file: CaseFile, claims: ClaimsResult, options: LetterOptions
              ) -> tuple[str, list[Block]]:
    blocks = [Block("paragraph", tr.gettext(GREETING))]
    if case_file.case.our_role == "client":
        subject = tr.gettext("Relance — restitution de nos accès")
        withheld = _withheld(case_file, options.day)
        requests = [e for e in case_file.events if isinstance(e, Access) and e.action == "requested"
                    and e.date <= options.day]
        if requests:
            blocks.append(Block("paragraph", tr.gettext(
                "Nous vous avons demandé le {day} de nous restituer nos accès ; sauf erreur de notre part, nous ne "
                "les avons pas encore reçus.").format(day=tr.long_day(requests[-1].date))))
        if withheld:
            blocks += [Block("paragraph", tr.gettext("Il s'agit des accès suivants :")),
                       Block("items", items=tuple(_access_item(tr, e) for e in withheld))]
        blocks += [Block("paragraph", tr.gettext("Nous vous remercions de bien vouloir, dans les {days} jours :").format(
                       days=options.deadline_days)),
                   Block("items", items=_what_to_hand_back(tr, case_file, withheld))]
    else:
        subject = tr.gettext("Relance — factures en attente de règlement")
        unpaid = [c for c in claims.undisputed if c.outstanding > 0]
        if unpaid:
            blocks += [Block("paragraph", tr.gettext(
                           "Sauf erreur ou omission de notre part, les factures suivantes restent impayées à ce "
                           "jour :")),
                       _unpaid_table(tr, claims, unpaid),
                       Block("paragraph", tr.gettext(
                           "Il s'agit peut-être d'un oubli : nous vous remercions de bien vouloir nous régler la "
                           "somme de {total} dans les {days} jours.").format(
                           total=tr.money(claims.totals.outstanding_undisputed), days=options.deadline_days)),
                       Block("paragraph", tr.gettext(
                           "Nous vous rappelons que tout retard de paiement fait courir des pénalités de retard et "
                           "une indemnité forfaitaire de 40 € par facture (article L441-10 du Code de commerce)."))]
        else:
            blocks.append(Block("paragraph", tr.gettext("Au {day}, aucune facture non contestée ne reste due.").format(
                day=tr.long_day(options.day))))
        blocks += _disputed_block(tr, claims, client=False)
        blocks.append(Block("paragraph", tr.gettext(
            "Si ce règlement a été effectué entre-temps, nous vous prions de ne pas tenir compte de ce courrier.")))
    blocks.append(Block("paragraph", tr.gettext(CLOSING)))
    return subject, blocks


def _party_items(tr: Translator, party: Party) -> tuple[str, ...]:
    items = [tr.gettext("Dénomination : {name}").format(name=party.name)]
    if party.legal_form:
        items.append(tr.gettext("Forme juridique : {form}").format(form=party.legal_form))
    if party.siren:
        items.append(tr.gettext("SIREN : {siren}").format(siren=_grouped_siren(party.siren)))
    if party.address:
        items.append(tr.gettext("Siège social : {address}").format(address=", ".join(_address_lines(party))))
    if party.representative:
        items.append(tr.gettext("Représentant légal : {name}").format(name=party.representative))
    return tuple(items)


def _period_row(tr: Translator, period: PenaltyPeriod) -> tuple[str, ...]:
    return (tr.short_day(period.start), tr.short_day(period.end), str(period.days), tr.money(period.principal),
            tr.percent(period.rate), tr.money(period.amount_cents))


def _injunction(tr: Translator, case_file: CaseFile, claims: ClaimsResult, options: LetterOptions
                ) -> tuple[str, list[Block]]:
    case = case_file.case
    subject = tr.gettext("Requête en injonction de payer (formulaire Cerfa n° 12948)")
    if case.our_role == "client":
        return subject, [Block("paragraph", tr.gettext(
            "L'injonction de payer est la procédure du créancier qui réclame une somme : dans cette affaire, nous "
            "sommes le client, et aucune requête n'est à présenter de notre côté. Si {them} en présente une et "
            "qu'une ordonnance nous est signifiée, elle peut être contestée par une opposition dans le mois qui "
            "suit sa signification.").format(them=case.them.name))]
    court = case.court or tr.gettext("Tribunal de commerce")
    owed = _owed(claims)
    totals = claims.totals
    blocks = [
        Block("paragraph", tr.gettext(
            "Requête au président du {court}. Les rubriques suivent l'ordre du formulaire Cerfa n° 12948 : elles "
            "peuvent y être recopiées ou lui être jointes.").format(court=court)),
        Block("heading", tr.gettext("Demandeur")), Block("items", items=_party_items(tr, case.us)),
        Block("heading", tr.gettext("Défendeur")), Block("items", items=_party_items(tr, case.them)),
        Block("heading", tr.gettext("Montant de la créance")),
        Block("table", rows=(
            (tr.gettext("nature"), tr.gettext("montant")),
            (tr.gettext("Principal"), tr.money(totals.outstanding_undisputed)),
            (tr.gettext("Pénalités de retard (article L441-10 du Code de commerce)"),
             tr.money(totals.penalties_undisputed)),
            (tr.gettext("Indemnités forfaitaires pour frais de recouvrement (article D441-5 du Code de commerce)"),
             tr.money(totals.indemnities_undisputed)),
            (tr.gettext("Total demandé au {day}").format(day=tr.short_day(claims.as_of)),
             tr.money(totals.grand_total)))),
    ]
    blocks += _disputed_block(tr, claims, client=False, court=True)
    blocks.append(Block("heading", tr.gettext("Décompte")))
    if not owed:
        blocks.append(Block("paragraph", tr.gettext("Au {day}, aucune facture non contestée ne reste due.").format(
            day=tr.long_day(options.day))))
    for claim in owed:
        blocks.append(Block("paragraph", tr.gettext(
            "Facture {number} du {date}, échue le {due} : montant {amount}, avoirs {credited}, payé {paid}, "
            "reste dû {outstanding} ; {days} jours de retard au {day}.").format(
            number=claim.number, date=tr.short_day(claim.date), due=tr.short_day(claim.due_date),
            amount=tr.money(claim.amount), credited=tr.money(claim.credited), paid=tr.money(claim.paid),
            outstanding=tr.money(claim.outstanding), days=claim.days_late, day=tr.short_day(claims.as_of))))
        header = (tr.gettext("du"), tr.gettext("au"), tr.gettext("jours"), tr.gettext("principal"),
                  tr.gettext("taux"), tr.gettext("pénalités"))
        rows = [_period_row(tr, p) for p in claim.periods]
        rows.append((tr.gettext("Pénalités (arrondies une fois)"), "", "", "", "", tr.money(claim.penalties)))
        rows.append((tr.gettext("Indemnité forfaitaire"), "", "", "", "", tr.money(claim.indemnity)))
        rows.append((tr.gettext("Total de la facture"), "", "", "", "", tr.money(claim.total)))
        blocks.append(Block("table", rows=(header, *rows)))
    rates = _rate_items(tr, owed)
    if rates:
        blocks += [Block("paragraph", tr.gettext("Taux appliqués et leur source :")), Block("items", items=rates)]
    blocks.append(Block("heading", tr.gettext("Fondement de la demande")))
    grounds = [tr.gettext("{contract}, dont les factures ci-dessus sont l'exécution ;").format(
                   contract=_contract_words(tr, case.contract)),
               tr.gettext("les factures {numbers}, restées impayées ou réglées en retard ;").format(
                   numbers=_and(tr, _numbers(owed))) if owed else "",
               tr.gettext("les articles L441-10 et D441-5 du Code de commerce (pénalités de retard et indemnité "
                          "forfaitaire de 40 € par facture) ;")]
    notices = _our_notices(case_file, options.day)
    for notice in notices:
        if notice.tracking_number:
            grounds.append(tr.gettext("la mise en demeure du {day}, lettre recommandée n° {tracking}, restée sans "
                                      "effet ;").format(day=tr.long_day(notice.date), tracking=notice.tracking_number))
        else:
            grounds.append(tr.gettext("la mise en demeure du {day}, restée sans effet ;").format(
                day=tr.long_day(notice.date)))
    blocks.append(Block("items", items=tuple(g for g in grounds if g)))
    if not notices:
        blocks.append(Block("note", tr.gettext(
            "Aucune mise en demeure envoyée n'est enregistrée dans le dossier : le juge vérifie qu'elle a été "
            "faite ; envoyez-la d'abord.")))
    pieces = sorted((x for x in case_file.exhibits if x.number is not None and x.include),
                    key=lambda x: x.number or 0)
    blocks.append(Block("heading", tr.gettext("Pièces jointes")))
    if pieces:
        blocks.append(Block("items", items=tuple(tr.gettext("Pièce n° {number} : {title}").format(
            number=x.number, title=x.title) for x in pieces)))
    else:
        blocks.append(Block("note", tr.gettext("Aucune pièce numérotée dans le dossier.")))
    return subject, blocks


_TITLES = {
    "mise-en-demeure": N_("Mise en demeure du {day}"),
    "relance": N_("Relance du {day}"),
    "injonction": N_("Requête en injonction de payer du {day}"),
}


def draft_letter(kind: LetterKind, case_file: CaseFile, claims: ClaimsResult, options: LetterOptions) -> LetterDoc:
    """The letter of ``kind`` for ``case_file``, its amounts those of ``claims`` (computed on ``options.day``)."""
    tr = translator(options.lang)
    case = case_file.case
    deadline: date | None = None
    if kind == "mise-en-demeure":
        deadline = options.day + timedelta(days=options.deadline_days)
        build = _notice_as_client if case.our_role == "client" else _notice_as_creditor
        subject, blocks = build(tr, case_file, claims, options, deadline)
        sending = tr.gettext("Lettre recommandée avec demande d'avis de réception")
    elif kind == "relance":
        subject, blocks = _reminder(tr, case_file, claims, options)
        sending = ""
    else:
        subject, blocks = _injunction(tr, case_file, claims, options)
        sending = ""
    return LetterDoc(
        kind=kind, lang=tr.lang, sender=_sender(tr, case.us), recipient=_recipient(tr, case.them),
        place_date=_place_date(tr, case.us, options.day), sending=sending, subject=subject, blocks=tuple(blocks),
        signature=_signature(case.us), draft_note=tr.gettext(DRAFT_NOTE), deadline=deadline,
        title=tr.gettext(_TITLES[kind]).format(day=tr.long_day(options.day)))
