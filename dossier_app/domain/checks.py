"""The readiness check: what is missing or inconsistent in a dossier, worst first.

Pure: the caller passes the case, the claims already computed, and what the store found
when it re-hashed the exhibit files (``IntegrityFacts``).  Each finding names the event or
exhibit it is about, so that the window can jump to it and the command can print one line.  A message says what is wrong
and what to do in plain words, the same for both faces: never a command nor a menu, which each face
adds in its own terms (the command's « dossier link », the window's « Pièces › … »), by ``code``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from ..i18n import _, ngettext
from .calendar import Deadline, injonction_order, procedural_calendar
from .claims import ClaimsResult
from .claims_penalties import FLOOR_FACTOR
from .claims_report import MissingRate, half_year_label, missing_ecb_hint, percent
from .claims_terms import legal_cap, terms_beyond_cap
from .dates import day_of, month_label, short_day
from .model import (
    CaseFile,
    CreditNote,
    Event,
    Exhibit,
    Invoice,
    Outage,
    Payment,
    PaymentTerms,
    ProcedureStep,
    RegisteredLetter,
    Reminder,
)
from .money import format_euros
from .notices import notice_deadline
from .rates import SEMESTER_RULE_FROM, HalfYear, RateTable
from .vocabulary import label

BLOCKING, WARNING, INFO = "blocking", "warning", "info"
SEVERITY_RANK = {BLOCKING: 0, WARNING: 1, INFO: 2}
# A bank statement or an acknowledgement of receipt comes weeks after what it proves;
# beyond this, a date is more likely a typo than a late document.
FAR_DAYS = 45
# The procedural calendar's dates this close to the as-of date, ahead or just passed, are findings.
SOON_DAYS = 15


@dataclass(frozen=True)
class Finding:
    severity: str  # "blocking" | "warning" | "info"
    code: str  # stable, for tests and programs: "missing_file", "no_formal_notice", …
    message: str
    event_id: str | None = None
    exhibit: str | None = None  # the exhibit's sha256
    missing_rate: MissingRate | None = None  # the ECB rates to add ("as_of_rate_unknown", "rate_unknown")


@dataclass(frozen=True)
class IntegrityFacts:
    """What re-hashing the stored exhibit files found, by sha256."""

    missing: frozenset[str] = frozenset()
    altered: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Inputs:
    case_file: CaseFile
    as_of: date
    rates: RateTable
    claims: ClaimsResult
    integrity: IntegrityFacts
    proved: frozenset[str]  # events some included exhibit proves
    excluded_only: frozenset[str]  # events proved only by exhibits left out of the bundle

    @property
    def credited_outages(self) -> frozenset[str]:
        """The outages a month's service credit (more than 0) rests on: ``_sla_months`` says what proof
        they lack, with the money at stake, instead of the findings about any event."""
        return frozenset(i for line in self.claims.contract.lines if line.kind == "sla" and line.amount > 0
                         for i in line.outage_ids)


def check_case(case_file: CaseFile, as_of: date, rates: RateTable, claims: ClaimsResult,
               integrity: IntegrityFacts | None = None) -> list[Finding]:
    included = {link.event_id for x in case_file.exhibits if x.include for link in x.links}
    linked = {link.event_id for x in case_file.exhibits for link in x.links}
    inputs = _Inputs(case_file, as_of, rates, claims, integrity or IntegrityFacts(),
                     frozenset(included), frozenset(linked - included))
    findings = [replace(f, message=f.message[:1].upper() + f.message[1:]) for check in CHECKS for f in check(inputs)]
    return sorted(findings, key=lambda f: SEVERITY_RANK[f.severity])


def blocks(findings: list[Finding]) -> bool:
    return any(f.severity == BLOCKING for f in findings)


def finding_line(finding: Finding) -> str:
    severity = label(finding.severity)
    return f"{severity.upper() if finding.severity == BLOCKING else severity}: {finding.message}"


# --- labels -----------------------------------------------------------------------------

def _event(event: Event) -> str:
    if isinstance(event, Invoice):
        return _("facture n° {number} du {short_day}").format(number=event.number, short_day=short_day(event.date))
    if isinstance(event, Payment):
        return _("paiement de {format_euros} du {short_day}").format(format_euros=format_euros(event.amount), short_day=short_day(event.date))
    return _("« {title} » du {short_day}").format(title=event.title, short_day=short_day(event.date))


def _exhibit(exhibit: Exhibit) -> str:
    if exhibit.number is not None:
        return _("pièce n° {number} « {title} »").format(number=exhibit.number, title=exhibit.title)
    return _("pièce « {title} »").format(title=exhibit.title)


def _ours(letter: RegisteredLetter) -> bool:
    # A notice the other side sent is theirs to prove; ours must be provable by us.
    return letter.actor != "them"


def _notices(inputs: _Inputs) -> list[RegisteredLetter]:
    """The formal notices we sent."""
    return [e for e in inputs.case_file.events if isinstance(e, RegisteredLetter) and e.formal_notice and _ours(e)]


# --- the checks -------------------------------------------------------------------------

def _files(inputs: _Inputs) -> Iterator[Finding]:
    for x in inputs.case_file.exhibits:
        if x.sha256 in inputs.integrity.missing:
            yield Finding(BLOCKING, "missing_file", _("{exhibit} : le fichier n'est plus dans le dossier de données ; réimportez-le.").format(exhibit=_exhibit(x)), exhibit=x.sha256)
        elif x.sha256 in inputs.integrity.altered:
            yield Finding(BLOCKING, "altered_file", _("{exhibit} : le fichier a été modifié depuis son import (empreinte différente) ; réimportez l'original.").format(exhibit=_exhibit(x)), exhibit=x.sha256)


def _empty(inputs: _Inputs) -> Iterator[Finding]:
    if not inputs.case_file.events:
        yield Finding(BLOCKING, "no_events", _("Le dossier ne contient aucun événement (facture, courrier, coupure\u2026) : il n'y a rien à présenter au juge ; ajoutez-les."))
    if not inputs.case_file.exhibits:
        yield Finding(BLOCKING, "no_exhibits", _("Le dossier ne contient aucune pièce : rien ne prouve ce qu'il affirme ; ajoutez les pièces qui le prouvent."))


def _case_header(inputs: _Inputs) -> Iterator[Finding]:
    case = inputs.case_file.case
    if not (case.court or "").strip():
        yield Finding(BLOCKING, "no_court", _("Aucune juridiction n'est indiquée : la page de garde et le bordereau doivent nommer le tribunal saisi (par exemple « Tribunal de commerce de Laval »)."))
    if case.hearing is not None and day_of(case.hearing) < inputs.as_of:
        yield Finding(WARNING, "hearing_past", _("La date d'audience ({short_day}) est passée au {short_day2} : indiquez la nouvelle date (renvoi) ou retirez-la.").format(short_day=short_day(day_of(case.hearing)), short_day2=short_day(inputs.as_of)))
    them = case.them
    if not (them.siren or "").strip():
        yield Finding(WARNING, "other_side_no_siren", _("SIREN de la partie adverse ({name}) manquant : l'assignation doit identifier la société (annuaire-entreprises.data.gouv.fr le donne).").format(name=them.name))
    if not (them.address or "").strip():
        yield Finding(WARNING, "other_side_no_address", _("Adresse de la partie adverse ({name}) manquante : il faut son siège social pour l'assigner.").format(name=them.name))


def _needs_proof(event: Event) -> bool:
    """Events the PDF marks "aucune pièce" when nothing proves them and that matter to the judge."""
    if isinstance(event, Outage):
        return event.end is not None  # an ongoing one is reported by _outages
    if isinstance(event, (Invoice, Payment, Reminder)) or event.key_fact:
        return True
    return isinstance(event, RegisteredLetter) and event.formal_notice and _ours(event)


def _unproved(inputs: _Inputs) -> Iterator[Finding]:
    claimed = {c.event_id for c in inputs.claims.undisputed if c.total > 0}
    provider = inputs.case_file.case.our_role == "provider"
    credited = inputs.credited_outages
    for event in inputs.case_file.events:
        if not _needs_proof(event) or event.id in inputs.proved:
            continue
        if event.id in credited and event.id not in inputs.excluded_only:
            continue  # _sla_months
        if event.id in inputs.excluded_only:
            yield Finding(WARNING, "proof_excluded", _("Les seules pièces qui prouvent {event} sont exclues du dossier imprimé.").format(event=_event(event)),
                event_id=event.id)
        elif isinstance(event, RegisteredLetter) and event.formal_notice and _ours(event):
            if event.tracking_number:  # with neither, _notice_proof reports it as blocking
                yield Finding(WARNING, "notice_without_exhibit", _("Mise en demeure {event} : aucune pièce (lettre, avis de réception) ne la prouve.").format(event=_event(event)), event_id=event.id)
        else:
            severe = isinstance(event, Invoice) and provider and event.id in claimed
            yield Finding(BLOCKING if severe else WARNING, "event_without_exhibit", _("Aucune pièce ne prouve {event} ; liez-en une.").format(event=_event(event)),
                event_id=event.id)


def _notice_proof(inputs: _Inputs) -> Iterator[Finding]:
    notices = _notices(inputs)
    if not notices:
        yield Finding(WARNING, "no_formal_notice", _("Aucune mise en demeure : le juge des référés attend en général qu'on en ait adressé une."))
    for letter in inputs.case_file.events:
        if not isinstance(letter, RegisteredLetter) or letter.tracking_number:
            continue
        if (letter.formal_notice and _ours(letter) and letter.id not in inputs.proved
                and letter.id not in inputs.excluded_only):
            yield Finding(BLOCKING, "notice_unproved", _("Mise en demeure {event} : ni numéro de suivi ni pièce, rien ne prouve son envoi.").format(event=_event(letter)),
                event_id=letter.id)
        else:
            yield Finding(WARNING, "no_tracking_number", _("Lettre recommandée {event} : numéro de suivi manquant.").format(event=_event(letter)), event_id=letter.id)


def _notice_deadline(inputs: _Inputs) -> Iterator[Finding]:
    for letter in _notices(inputs):
        if letter.returned_undelivered:
            yield Finding(INFO, "notice_unclaimed", _("Mise en demeure {event} revenue « pli avisé non réclamé » : elle reste valable.").format(event=_event(letter)),
                event_id=letter.id)
        expiry = notice_deadline(letter)
        if expiry is None:
            continue
        if inputs.as_of <= expiry:
            yield Finding(WARNING, "notice_deadline_running", _("Mise en demeure {event} : son délai de {deadline_days} jours court jusqu'au {short_day} inclus ; attendez son expiration avant d'assigner.").format(event=_event(letter), deadline_days=letter.deadline_days, short_day=short_day(expiry)), event_id=letter.id)


def _done(inputs: _Inputs, deadline: Deadline) -> bool:
    """What the case shows of a calendar date's step being taken: an assignation in the chronology, a
    signification after the injonction order, a letter's proof linked as a pièce."""
    events = inputs.case_file.events
    if deadline.kind == "summons_served":
        return any(isinstance(e, ProcedureStep) and e.action == "summons" for e in events)
    if deadline.kind == "injonction_served":
        order = inputs.case_file.event(deadline.event_id or "")
        return order is not None and any(
            isinstance(e, ProcedureStep) and e.date >= order.date and not injonction_order(e)
            and "signifi" in f"{e.title} {e.description or ''}".casefold() for e in events)
    if deadline.kind == "proof_kept":
        return deadline.event_id in inputs.proved
    return False


def _calendar(inputs: _Inputs) -> Iterator[Finding]:
    """The procedural calendar's dates within SOON_DAYS of the as-of date: those ahead, and those just
    passed whose step the case does not show.  A formal notice of ours says its deadline already
    (``notice_deadline_running``); a past hearing too (``hearing_past``)."""
    for deadline in procedural_calendar(inputs.case_file, inputs.as_of):
        days = (deadline.day - inputs.as_of).days
        if deadline.kind == "notice_deadline" or abs(days) > SOON_DAYS or _done(inputs, deadline):
            continue
        facts = {"title": deadline.title, "short_day": short_day(deadline.day), "what_to_do": deadline.what_to_do}
        if days == 0:
            yield Finding(WARNING, "deadline_soon", _("{title} : c'est aujourd'hui, le {short_day}. {what_to_do}").format(**facts), event_id=deadline.event_id)
        elif days > 0:
            yield Finding(WARNING, "deadline_soon", ngettext(
                "{title} : le {short_day}, dans {days} jour. {what_to_do}",
                "{title} : le {short_day}, dans {days} jours. {what_to_do}", days).format(days=days, **facts),
                event_id=deadline.event_id)
        elif deadline.kind == "summons_served":
            yield Finding(WARNING, "deadline_missed", _("L'assignation devait être délivrée au plus tard le {short_day} et aucune n'est dans la chronologie : si elle a été délivrée, ajoutez-la ; sinon, demandez à votre avocat ou au commissaire de justice s'il faut demander une autre date d'audience.").format(**facts))
        elif deadline.kind == "injonction_served":
            yield Finding(WARNING, "deadline_missed", _("{title} : le délai a expiré le {short_day} et aucune signification n'est dans la chronologie : si elle a été faite, ajoutez-la ; sinon l'ordonnance est non avenue (art. 1411 CPC).").format(**facts), event_id=deadline.event_id)
        elif deadline.kind == "proof_kept":
            yield Finding(WARNING, "deadline_missed", _("{title} depuis le {short_day}, et aucune pièce ne prouve sa distribution : cherchez l'avis de réception papier et ajoutez-le comme pièce.").format(**facts), event_id=deadline.event_id)


def terms_words(terms: PaymentTerms) -> str:
    """Payment terms as a reader says them: "60 jours fin de mois", not "60_days_end_of_month"."""
    return {
        "on_receipt": _("à réception"),
        "days": _("{days} jours").format(days=terms.days),
        "days_end_of_month": _("{days} jours fin de mois").format(days=terms.days),
        "end_of_month_days": _("fin de mois + {days} jours").format(days=terms.days),
    }.get(terms.form, str(terms))


def _terms(inputs: _Inputs) -> Iterator[Finding]:
    contract = inputs.case_file.case.contract
    if contract and contract.payment_terms and terms_beyond_cap(contract.payment_terms):
        yield Finding(WARNING, "terms_beyond_cap", _("Délai de paiement du contrat ({terms_words}) au-delà du plafond légal (60 jours, ou 45 jours fin de mois, art. L441-10) : le juge peut le réduire.").format(terms_words=terms_words(contract.payment_terms)))
    for invoice in inputs.case_file.events:
        if not isinstance(invoice, Invoice) or invoice.due_date is None:
            continue
        if invoice.due_date < invoice.date:
            yield Finding(WARNING, "due_before_invoice", _("{event} : échéance ({short_day}) antérieure à la facture.").format(event=_event(invoice), short_day=short_day(invoice.due_date)),
                event_id=invoice.id)
        elif invoice.due_date > legal_cap(invoice.date):
            yield Finding(WARNING, "terms_beyond_cap", _("{event} : échéance du {short_day} au-delà du plafond légal (60 jours, ou 45 jours fin de mois).").format(event=_event(invoice), short_day=short_day(invoice.due_date)), event_id=invoice.id)


def _rate_floor(inputs: _Inputs) -> Iterator[Finding]:
    rate = inputs.claims.contract_rate
    if rate is None:
        return
    half_years = set(inputs.claims.floor_half_years)
    current = HalfYear.of(inputs.as_of)
    if rate < FLOOR_FACTOR * inputs.rates.legal_rate(current).rate.autres_cas:
        half_years.add(current)
    if not half_years:
        return
    parts = []
    for h in sorted(half_years):
        legal = inputs.rates.legal_rate(h).rate.autres_cas
        applied = inputs.rates.statutory(h.start).rate
        parts.append(_("{half_year_label} : minimum 3 × {percent} = {percent2}, taux appliqué {percent3}").format(half_year_label=half_year_label(h), percent=percent(legal), percent2=percent(FLOOR_FACTOR * legal), percent3=percent(applied)))
    which = _(" ; ").join(parts)
    yield Finding(WARNING, "rate_below_floor", _("Le taux de pénalité du contrat ({percent}) est inférieur au minimum légal (trois fois le taux d'intérêt légal), ce que la loi interdit : le taux de l'article L441-10 (taux BCE + 10 points) s'applique à sa place ({which}).").format(percent=percent(rate), which=which))


def _unknown_rates(inputs: _Inputs) -> Iterator[Finding]:
    if not inputs.claims.invoices:
        return
    current = HalfYear.of(inputs.as_of)
    statutory = inputs.rates.statutory(inputs.as_of)
    legal_known = inputs.claims.contract_rate is None or inputs.rates.legal_rate(current).known
    if not statutory.known:
        add = MissingRate((current,), statutory.ecb.rate)
        yield Finding(WARNING, "as_of_rate_unknown", _("Aucun taux BCE n'est connu pour le {half_year_label} (date de calcul {short_day}) : le dernier taux connu est appliqué ; {hint}.").format(half_year_label=half_year_label(current), short_day=short_day(inputs.as_of), hint=missing_ecb_hint(add)), missing_rate=add)
    elif not legal_known:
        yield Finding(WARNING, "as_of_rate_unknown", _("Le taux d'intérêt légal du {half_year_label} n'est pas connu : le plancher du taux contractuel est calculé avec le dernier taux légal connu.").format(half_year_label=half_year_label(current)))
    others = [h for h in inputs.claims.unknown_rate_half_years if h != current]
    if others:
        which = ", ".join(half_year_label(h) for h in others)
        missing = [h for h in others if h.start >= SEMESTER_RULE_FROM and not inputs.rates.statutory(h.start).known]
        to_add = MissingRate(tuple(missing), inputs.rates.statutory(missing[0].start).ecb.rate) if missing else None
        hint = _(" ; ") + missing_ecb_hint(to_add) if to_add is not None else ""
        yield Finding(WARNING, "rate_unknown", _("Aucun taux n'est connu pour le {which} : les pénalités y sont calculées au dernier taux connu{hint}.").format(which=which, hint=hint), missing_rate=to_add)


def _outages(inputs: _Inputs) -> Iterator[Finding]:
    credited = inputs.credited_outages
    for event in inputs.case_file.events:
        if isinstance(event, Outage) and event.end is None and event.id not in inputs.proved | credited:
            yield Finding(WARNING, "outage_unproved", _("Coupure {event} : toujours en cours d'après le dossier, et aucune pièce ne la prouve (constat, capture d'écran).").format(event=_event(event)), event_id=event.id)


def _contract_clauses(inputs: _Inputs) -> Iterator[Finding]:
    """The contract's penalty clauses: one whose event is not in the case, one still running."""
    contract = inputs.case_file.case.contract
    if contract is None:
        return
    for clause in contract.penalties:
        wanted = clause.event if clause.kind == "flat" else clause.from_event
        if wanted and inputs.case_file.event(wanted) is None:
            yield Finding(WARNING, "clause_event_missing", _("Clause « {purpose} » du contrat : elle renvoie à l'événement « {id} », qui n'est pas dans la chronologie, et rien n'est réclamé à ce titre ; ajoutez cet événement, ou corrigez son identifiant dans la clause.").format(purpose=clause.purpose, id=wanted))
    for line in inputs.claims.contract.lines:
        if line.kind != "per_day" or not line.running or line.capped or line.clause is None or line.start is None:
            continue
        clause = contract.penalties[line.clause]
        facts = {"purpose": clause.purpose, "short_day": short_day(inputs.as_of), "per_day": format_euros(clause.amount),
                 "start": short_day(line.start), "amount": format_euros(line.amount)}
        if clause.until_event is None:
            yield Finding(WARNING, "penalty_without_end", _("Pénalité « {purpose} » : elle court toujours au {short_day} ({per_day} par jour depuis le {start}, soit {amount}) et la clause ne dit pas quel événement l'arrête (la restitution des accès, par exemple) : indiquez-le dans la clause.").format(**facts))
        elif inputs.case_file.event(clause.until_event) is None:
            yield Finding(INFO, "penalty_running", _("Pénalité « {purpose} » : elle court toujours au {short_day} ({per_day} par jour depuis le {start}, soit {amount}) ; le jour où elle s'arrête (à la restitution des accès, par exemple), ajoutez à la chronologie l'événement « {until} » que la clause attend.").format(until=clause.until_event, **facts),
                event_id=line.event_id)
        # an until event after the as-of date: « événement postérieur à la date de calcul » says it


def _sla_months(inputs: _Inputs) -> Iterator[Finding]:
    """Service credits: an outage counted with no end, a month's credit resting on outages nothing proves."""
    lines = [line for line in inputs.claims.contract.lines if line.kind == "sla"]
    ongoing = {i for line in lines for i in line.ongoing_ids}
    for event in inputs.case_file.events:
        if isinstance(event, Outage) and event.id in ongoing:
            yield Finding(WARNING, "sla_outage_ongoing", _("Coupure {event} : sans heure de fin, elle est comptée dans le crédit de service jusqu'à la fin du {short_day} ; indiquez l'heure du rétablissement dès qu'il a lieu.").format(event=_event(event), short_day=short_day(inputs.as_of)), event_id=event.id)
    for line in lines:
        if line.amount <= 0 or line.month is None:
            continue
        unproved = [e for i in line.outage_ids if (e := inputs.case_file.event(i)) is not None
                    and i not in inputs.proved and i not in inputs.excluded_only]
        if not unproved:
            continue
        events = ", ".join(_event(e) for e in unproved)
        yield Finding(WARNING, "sla_month_unproved", ngettext(
            "Crédit de service pour {month} ({amount}) : aucune pièce ne prouve la coupure {events} ; liez-y un constat, des captures d'écran ou les messages qui l'établissent.",
            "Crédit de service pour {month} ({amount}) : aucune pièce ne prouve les coupures {events} ; liez-y des constats, des captures d'écran ou les messages qui les établissent.",
            len(unproved)).format(month=month_label(line.month.year, line.month.month, short=False),
                                  amount=format_euros(line.amount), events=events), event_id=unproved[0].id)


def _exhibit_dates(inputs: _Inputs) -> Iterator[Finding]:
    for x in inputs.case_file.exhibits:
        if x.date is None or not x.links:
            continue
        gaps = []
        for link in x.links:
            event = inputs.case_file.event(link.event_id)
            if event is not None:
                first = event.date
                last = day_of(event.end) if isinstance(event, Outage) and event.end else first
                gaps.append(0 if first <= x.date <= last else min(abs((x.date - first).days),
                                                                  abs((x.date - last).days)))
        if gaps and min(gaps) > FAR_DAYS:
            yield Finding(WARNING, "exhibit_date_far", _("{exhibit} : datée du {short_day}, à {min} jours des événements qu'elle prouve ; vérifiez sa date.").format(exhibit=_exhibit(x), short_day=short_day(x.date), min=min(gaps)), exhibit=x.sha256)


def _numbering(inputs: _Inputs) -> Iterator[Finding]:
    used = {x.number for x in inputs.case_file.exhibits if x.include and x.number is not None}
    gaps = [n for n in range(1, max(used, default=0) + 1) if n not in used]
    if gaps:
        which = ", ".join(str(n) for n in gaps)
        yield Finding(WARNING, "numbering_gap", _("Numérotation des pièces incomplète : il manque le n° {which} dans le bordereau ; renumérotez les pièces à l'export.").format(which=which))


def _after_as_of(inputs: _Inputs) -> Iterator[Finding]:
    for event in inputs.case_file.events:
        if event.date > inputs.as_of:
            money = isinstance(event, (Invoice, Payment, CreditNote))
            yield Finding(WARNING if money else INFO, "event_after_as_of", _("Événement postérieur à la date de calcul ({short_day}), non pris en compte : {event}.").format(short_day=short_day(inputs.as_of), event=_event(event)),
                event_id=event.id)


def _money_notes(inputs: _Inputs) -> Iterator[Finding]:
    client = inputs.claims.our_role == "client"
    for claim in inputs.claims.disputed:
        text = (_("Facture n° {number} contestée : présentée à part, hors de l'offre de règlement.") if client
                else _("Facture n° {number} contestée : présentée à part, hors du total réclamable."))
        yield Finding(INFO, "disputed_invoice", text.format(number=claim.number), event_id=claim.event_id)
    if inputs.claims.totals.credit:
        amount = format_euros(inputs.claims.totals.credit)
        yield Finding(INFO, "credit", _("{amount} ont été versés au-delà de toutes les factures : c'est un crédit de celui qui a payé.").format(amount=amount))
    for x in inputs.case_file.exhibits:
        if not x.links:
            yield Finding(INFO, "exhibit_unlinked", _("{exhibit} ne prouve aucun événement : liez-la aux événements qu'elle prouve.").format(exhibit=_exhibit(x)), exhibit=x.sha256)


CHECKS: tuple[Callable[[_Inputs], Iterator[Finding]], ...] = (
    _empty, _files, _case_header, _unproved, _notice_proof, _notice_deadline, _calendar, _terms, _rate_floor, _unknown_rates,
    _outages, _contract_clauses, _sla_months, _exhibit_dates, _numbering, _after_as_of, _money_notes,
)
