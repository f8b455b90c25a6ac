"""The claims result for people and programs: ``claims --json`` and the terminal table.

Both are built from the same ``ClaimsResult``, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal
from typing import Any

from ..i18n import Translator, active, translator
from .claims import ClaimsResult, InvoiceClaim
from .claims_allocation import UnassignedPayment
from .claims_penalties import PenaltyPeriod, RateSource
from .contract_claims import ContractClaims, ContractLine
from .model import ServiceLevel
from .money import Cents, format_amount, format_rate
from .rates import SEMESTER_RULE_FROM, HalfYear
from .text_table import render

JSON_FORMAT = "dossier-claims/1"


def percent(rate: Decimal, lang: str | None = None) -> str:
    """A rate as the Banque de France prints it: at least two decimals ("4,50 %", "3,375 %"), in
    the active language or ``lang`` (``Translator.percent`` for callers holding a Translator)."""
    return (translator(lang) if lang else active()).percent(rate)


def _tr(lang: str | None) -> Translator:
    return translator(lang) if lang else active()


def half_year_label(half_year: HalfYear, lang: str | None = None) -> str:
    tr = _tr(lang)
    text = tr.gettext("1er semestre {year}") if half_year.half == 1 else tr.gettext("2e semestre {year}")
    return text.format(year=half_year.year)


def _and(tr: Translator, items: list[str]) -> str:
    """"a, b et c" / "a, b and c"."""
    if len(items) < 2:
        return "".join(items)
    return tr.gettext("{items} et {last}").format(items=", ".join(items[:-1]), last=items[-1])


@dataclass(frozen=True)
class MissingRate:
    """ECB rates to add so that these half-years become known: the rate in force on the first day of
    each (from 2013 the statutory rate is read on 1 January and 1 July), even if unchanged.
    ``example`` is the last rate known, the likeliest value (None: none known at all)."""

    half_years: tuple[HalfYear, ...]
    example: Decimal | None


# How a face says where to add a missing rate: it receives the sentence the domain wrote (ending
# with what to add, and its full stop) and returns it with its own means added (the command's
# « dossier rates add … »); the window says it with its own button instead.
RateHow = Callable[[MissingRate, str], str]


def missing_ecb_hint(missing: MissingRate, lang: str | None = None) -> str:
    """What to add, in plain words and whatever the face: « ajoutez le taux BCE en vigueur le … »."""
    tr = _tr(lang)
    days = tr.gettext(" et ").join(tr.long_day(h.start) for h in missing.half_years)
    return tr.gettext("ajoutez le taux BCE en vigueur le {days}, même s'il n'a pas changé").format(days=days)


def missing_rates(result: ClaimsResult) -> MissingRate | None:
    """The ECB rates whose absence left half-years of ``result`` unknown (None: nothing to add)."""
    ecb = [p.source.statutory for c in result.invoices for p in c.periods
           if p.source.statutory is not None and not p.source.statutory.known]
    missing = sorted({HalfYear.of(s.read_on) for s in ecb if s.read_on >= SEMESTER_RULE_FROM})
    return MissingRate(tuple(missing), ecb[-1].ecb.rate) if missing else None


def rate_source_text(source: RateSource, lang: str | None = None) -> str:
    """Where a period's rate comes from, in one phrase a judge can check."""
    tr = _tr(lang)
    pct = tr.percent
    if source.kind == "contract":
        assert source.contract_rate is not None
        return tr.gettext("taux contractuel {rate}").format(rate=pct(source.contract_rate))
    statutory = source.statutory
    assert statutory is not None
    text = tr.gettext("taux BCE {rate} au {day} + 10 points").format(
        rate=pct(statutory.ecb.rate), day=tr.short_day(statutory.read_on))
    if not statutory.known:
        text += tr.gettext(" (taux de cette date pas encore connu : le dernier taux publié connu est retenu)")
    if source.kind == "statutory_floor" and source.legal is not None and source.contract_rate is not None:
        floor = source.floor
        assert floor is not None
        text += tr.gettext(" ; taux contractuel {rate} inférieur à 3 × le taux légal {legal} = {floor}").format(
            rate=pct(source.contract_rate), legal=pct(source.legal.rate.autres_cas), floor=pct(floor))
        if not source.legal.known:
            text += tr.gettext(" (taux légal inconnu pour ce semestre)")
    return text


def allocation_rule(lang: str | None = None) -> str:
    """Where a payment naming no invoice goes, and why, in one sentence (claims.md, 2026-12)."""
    return _tr(lang).gettext(
        "Un paiement qui ne désigne aucune facture est imputé d'abord sur les factures non contestées, la "
        "première échue en premier (à échéance égale, le plus petit numéro), puis sur les factures contestées "
        "dans le même ordre : à défaut d'indication du débiteur, le paiement va aux dettes qu'il avait le plus "
        "d'intérêt d'acquitter (art. 1342-10 du Code civil).")


def unassigned_line(result: ClaimsResult, unassigned: UnassignedPayment, lang: str | None = None) -> str:
    """"Paiement du 20/06/2024 (700,00 €), sans facture désignée : imputé sur F2 (400,00 €) et F3 (…)."""
    tr = _tr(lang)
    numbers = {c.event_id: c.number for c in result.invoices}
    parts = [f"{numbers.get(invoice_id, invoice_id)} ({tr.money(cents)})" for invoice_id, cents in unassigned.settled]
    listed = _and(tr, parts)
    day, amount = tr.short_day(unassigned.day), tr.money(unassigned.amount)
    if unassigned.named:
        text = tr.gettext("Paiement du {day} ({paid}), part que ses factures désignées ne demandaient pas "
                          "({amount})").format(day=day, paid=tr.money(unassigned.paid), amount=amount)
    else:
        text = tr.gettext("Paiement du {day} ({amount}), sans facture désignée").format(day=day, amount=amount)
    pieces = []
    if listed:
        pieces.append((tr.gettext("imputée sur {invoices}") if unassigned.named else
                       tr.gettext("imputé sur {invoices}")).format(invoices=listed))
    if unassigned.credit:
        pieces.append(tr.gettext("au crédit du payeur : {amount}").format(amount=tr.money(unassigned.credit)))
    return tr.gettext("{text} : {what}.").format(text=text, what=tr.gettext(" ; ").join(pieces))


def notes(result: ClaimsResult, lang: str | None = None, how: RateHow | None = None) -> list[str]:
    """What the reader must know to trust the figures, in plain sentences; ``how`` adds the face's way
    of adding a missing rate to the sentence that asks for it."""
    tr = _tr(lang)
    out = [
        tr.gettext("Les paiements sont imputés sur le principal, jamais sur les pénalités déjà courues : la "
                   "demande n'est jamais surévaluée."),
        tr.gettext("Pénalités : intérêts simples, principal × taux × jours / 365, arrondis une seule fois au "
                   "centime par facture."),
    ]
    if result.unknown_rate_half_years:
        which = ", ".join(half_year_label(h, tr.lang) for h in result.unknown_rate_half_years)
        text = tr.gettext("Aucun taux n'est connu pour le {which} : le dernier taux connu a été retenu").format(
            which=which)
        missing = missing_rates(result)
        if missing is None:
            out.append(text + ".")
        else:
            text += tr.gettext(" ; ") + missing_ecb_hint(missing, tr.lang) + "."
            out.append(how(missing, text) if how is not None else text)
    if result.floor_half_years:
        which = ", ".join(half_year_label(h, tr.lang) for h in result.floor_half_years)
        out.append(tr.gettext("Le taux contractuel est inférieur à trois fois le taux d'intérêt légal au {which} : "
                              "le taux de l'article L441-10 du Code de commerce (taux de refinancement de la BCE "
                              "majoré de 10 points) est appliqué.").format(which=which))
    if result.totals.credit:
        out.append(tr.gettext("Versé au-delà de toutes les factures : {amount}, au crédit de celui qui a "
                              "payé.").format(amount=tr.money(result.totals.credit)))
    if result.disputed and result.our_role == "client":
        out.append(tr.gettext("Les factures contestées sont présentées à part et exclues de l'offre."))
    elif result.disputed:
        out.append(tr.gettext("Les factures contestées sont présentées à part et exclues du total réclamable."))
    if result.unassigned_met_disputed:
        # Said only where the rule made a difference, so that every other document stays as it was.
        out.append(allocation_rule(tr.lang))
        out += [unassigned_line(result, u, tr.lang) for u in result.unassigned_payments if u.disputed_unpaid]
    return out


# --- JSON --------------------------------------------------------------------------------

def claims_document(result: ClaimsResult, how: RateHow | None = None) -> dict[str, Any]:
    """The ``claims --json`` document: amounts as strings with two decimals, dates ISO (``how``: see ``notes``)."""
    totals = result.totals
    document = {
        "format": JSON_FORMAT,
        "case": result.case_title,
        "our_role": result.our_role,
        "as_of": result.as_of.isoformat(),
        "contract_rate": format_rate(result.contract_rate) if result.contract_rate is not None else None,
        "invoices": [_invoice_json(c) for c in result.invoices],
        "totals": {
            "outstanding_undisputed": format_amount(totals.outstanding_undisputed),
            "outstanding_disputed": format_amount(totals.outstanding_disputed),
            "penalties": format_amount(totals.penalties_undisputed),
            "indemnities": format_amount(totals.indemnities_undisputed),
            "penalties_disputed": format_amount(totals.penalties_disputed),
            "indemnities_disputed": format_amount(totals.indemnities_disputed),
            "credit": format_amount(totals.credit),
            "grand_total": format_amount(totals.grand_total),
        },
        "unknown_rate_half_years": [str(h) for h in result.unknown_rate_half_years],
        "contract_rate_below_floor": [str(h) for h in result.floor_half_years],
        "notes": notes(result, how=how),
    }
    if not result.contract.lines:  # absent without clauses: such a case's document is as it always was
        return document
    keys = list(document)
    after = keys.index("totals") + 1
    return ({key: document[key] for key in keys[:after]} | {"contract": contract_json(result.contract)}
            | {key: document[key] for key in keys[after:]})


def _invoice_json(claim: InvoiceClaim) -> dict[str, Any]:
    return {
        "event": claim.event_id,
        "number": claim.number,
        "date": claim.date.isoformat(),
        "due_date": claim.due_date.isoformat(),
        "amount": format_amount(claim.amount),
        "credited": format_amount(claim.credited),
        "paid": format_amount(claim.paid),
        "outstanding": format_amount(claim.outstanding),
        "days_late": claim.days_late,
        "penalties": format_amount(claim.penalties),
        "indemnity": format_amount(claim.indemnity),
        "total": format_amount(claim.total),
        "disputed": claim.disputed,
        "dispute_reason": claim.dispute_reason,
        "settled_on": claim.settled_on.isoformat() if claim.settled_on else None,
        "periods": [_period_json(p) for p in claim.periods],
        "allocations": [
            {"event": a.event_id, "kind": a.kind, "date": a.day.isoformat(), "amount": format_amount(a.amount)}
            for a in claim.allocations
        ],
    }


def _period_json(period: PenaltyPeriod) -> dict[str, Any]:
    source = period.source
    statutory = source.statutory
    return {
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "days": period.days,
        "principal": format_amount(period.principal),
        "rate": format_rate(period.rate),
        "amount": format_amount(period.amount_cents),
        "rate_source": {
            "kind": source.kind,
            "ecb_rate": format_rate(statutory.ecb.rate) if statutory else None,
            "ecb_read_on": statutory.read_on.isoformat() if statutory else None,
            "contract_rate": format_rate(source.contract_rate) if source.contract_rate is not None else None,
            "legal_rate": format_rate(source.legal.rate.autres_cas) if source.legal else None,
            "known": source.known,
            "text": rate_source_text(source),
            "reference": statutory.ecb.source if statutory else None,
        },
    }


# --- terminal table -------------------------------------------------------------------

def claims_table(result: ClaimsResult, lang: str | None = None, how: RateHow | None = None,
                 sla: ServiceLevel | None = None) -> str:
    """The terminal table; ``sla``, when given, lets a service credit name the threshold it fell under."""
    tr = _tr(lang)
    money = tr.money
    lines = [_heading(result, tr), ""]
    headers = [tr.gettext("n°"), tr.gettext("date"), tr.gettext("échéance"), tr.gettext("montant"),
               tr.gettext("avoirs"), tr.gettext("payé"), tr.gettext("reste dû"), tr.gettext("jours de retard"),
               tr.gettext("pénalités"), tr.gettext("indemnité")]
    for title, claims in ((None, result.undisputed), (tr.gettext("Factures contestées (à part) :"), result.disputed)):
        if not claims:
            continue
        if title:
            lines += ["", title]
        rows = [[c.number, tr.short_day(c.date), tr.short_day(c.due_date), money(c.amount),
                 money(c.credited), money(c.paid), money(c.outstanding), str(c.days_late),
                 money(c.penalties), money(c.indemnity)] for c in claims]
        lines.append(render(headers, rows, right=range(3, 10)))
    if not result.invoices:
        lines.append(tr.gettext("Aucune facture à cette date."))
    lines += ["", _render_totals(result, tr), ""]
    if result.contract.lines:  # absent without clauses, so that such a case reads as it always did
        lines += [_render_contract(result, tr, sla), ""]
    lines += [f"- {note}" for note in notes(result, tr.lang, how)]
    return "\n".join(lines)


def _heading(result: ClaimsResult, tr: Translator) -> str:
    day = tr.short_day(result.as_of)
    if result.our_role == "client":
        return tr.gettext("{title} — ce que les factures disent que nous devons, au {day}").format(
            title=result.case_title, day=day)
    return tr.gettext("{title} — sommes dues au {day}").format(title=result.case_title, day=day)


def _render_totals(result: ClaimsResult, tr: Translator) -> str:
    totals = result.totals
    if result.our_role == "client":
        # Nothing here may read as our own admission (claims.md "Output"): the undisputed principal
        # is an offer, the other side's penalties and indemnities an estimate, never a total owed.
        rows = [
            (tr.gettext("Principal non contesté non réglé"), totals.outstanding_undisputed),
            (tr.gettext("Principal contesté non réglé"), totals.outstanding_disputed),
            (tr.gettext("Offre de règlement du principal non contesté"), totals.outstanding_undisputed),
            (tr.gettext("Pénalités de retard (estimation adverse)"), totals.penalties_undisputed),
            (tr.gettext("Indemnités de 40 € (estimation adverse)"), totals.indemnities_undisputed),
        ]
    else:
        rows = [
            (tr.gettext("Principal non contesté restant dû"), totals.outstanding_undisputed),
            (tr.gettext("Principal contesté restant dû"), totals.outstanding_disputed),
            (tr.gettext("Pénalités de retard (non contesté)"), totals.penalties_undisputed),
            (tr.gettext("Indemnités forfaitaires de 40 € (non contesté)"), totals.indemnities_undisputed),
            (tr.gettext("Total réclamable (non contesté)"), totals.grand_total),
        ]
    if totals.penalties_disputed or totals.indemnities_disputed:
        rows.insert(4 if result.our_role != "client" else 5,
                    (tr.gettext("Pénalités et indemnités sur factures contestées"),
                     Cents(totals.penalties_disputed + totals.indemnities_disputed)))
    if totals.credit:
        rows.append((tr.gettext("Trop-versé (crédit du payeur)"), totals.credit))
    table = render([tr.gettext("Totaux"), ""], [[label, tr.money(cents)] for label, cents in rows], right=(1,))
    if result.our_role == "client":
        table += "\n" + tr.gettext("Estimation adverse : ce que l'autre partie pourrait réclamer en plus du principal, "
                                   "sous toutes réserves et sans reconnaissance.")
    return table



# --- what the other side owes under the contract ----------------------------------------

def contract_heading(our_role: str, lang: str | None = None, them: str | None = None) -> str:
    """« Sommes dues par Pixelune au titre du contrat »; without a name, the other side by its role
    (as the provider, the clauses are in our favour too: the client owes them to us)."""
    tr = _tr(lang)
    if them:
        return tr.gettext("Sommes dues par {them} au titre du contrat").format(them=them)
    if our_role == "client":
        return tr.gettext("Sommes dues par le prestataire au titre du contrat")
    return tr.gettext("Sommes dues par le client au titre du contrat")


def contract_line_title(line: ContractLine, lang: str | None = None) -> str:
    """The clause as the contract words it; a service credit names the services it counts."""
    tr = _tr(lang)
    if line.kind != "sla":
        return line.purpose
    if line.purpose:
        return tr.gettext("Crédit de service ({services})").format(services=line.purpose)
    return tr.gettext("Crédit de service")


def credit_threshold(line: ContractLine, sla: ServiceLevel | None) -> Decimal | None:
    """The ``below`` a month's availability fell under: the lowest one it is strictly under
    (claims.md), as the line says, else read from the contract's service level (None: no credit)."""
    if line.below is not None:
        return line.below
    if sla is None or line.availability is None or line.percent is None:
        return None
    under = [step.below for step in sla.credits if line.availability < step.below]
    return min(under) if under else None


def availability_text(tr: Translator, value: Decimal) -> str:
    """An availability as computed, cut (never rounded up) to two decimals: what is shown under a
    threshold is under it, as the computed value is."""
    return tr.percent(value.quantize(Decimal("0.01"), rounding=ROUND_DOWN))


def contract_computation(line: ContractLine, lang: str | None = None, below: Decimal | None = None) -> str:
    """How a line's amount comes: its dates or month and its arithmetic, in one phrase."""
    tr = _tr(lang)
    if line.kind == "flat":
        if line.event_date is None:
            return tr.gettext("pénalité forfaitaire")
        return tr.gettext("pénalité forfaitaire, manquement du {day}").format(day=tr.short_day(line.event_date))
    if line.kind == "per_day":
        assert line.start is not None and line.end is not None and line.per_day is not None
        text = tr.ngettext("du {start} au {end}, {days} jour × {per_day}",
                           "du {start} au {end}, {days} jours × {per_day}", line.days).format(
            start=tr.short_day(line.start), end=tr.short_day(line.end), days=line.days,
            per_day=tr.money(line.per_day))
        if line.capped and line.cap is not None:
            text = tr.gettext("{computation} = {product}, plafonné à {cap}").format(
                computation=text, product=tr.money(line.gross if line.gross is not None else line.days * line.per_day),
                cap=tr.money(line.cap))
        if line.running:
            text = tr.gettext("{computation}, en cours").format(computation=text)
        return text
    assert line.month is not None and line.availability is not None
    month = tr.month(line.month.year, line.month.month, short=False)
    shown = availability_text(tr, line.availability)
    if line.percent is None or line.fee is None:
        return tr.gettext("{month} : disponibilité {availability}, aucun crédit").format(
            month=month, availability=shown)
    if below is None:
        return tr.gettext("{month} : disponibilité {availability} → {percent} de {fee}").format(
            month=month, availability=shown, percent=tr.percent(line.percent, decimals=0), fee=tr.money(line.fee))
    return tr.gettext("{month} : disponibilité {availability} < {below} → {percent} de {fee}").format(
        month=month, availability=shown, below=tr.percent(below, decimals=0),
        percent=tr.percent(line.percent, decimals=0), fee=tr.money(line.fee))


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _cents(value: Cents | None) -> str | None:
    return None if value is None else format_amount(value)


def contract_json(contract: ContractClaims) -> dict[str, Any]:
    """``claims --json``'s "contract": one object per line, amounts "123.45", dates ISO, month "2025-10"."""
    return {
        "lines": [{
            "kind": line.kind,
            "purpose": line.purpose,
            "amount": format_amount(line.amount),
            "event": line.event_id,
            "until_event": line.until_event_id,
            "from": _iso(line.start),
            "to": _iso(line.end),
            "days": line.days,
            "per_day": _cents(line.per_day),
            "cap": _cents(line.cap),
            "capped": line.capped,
            "running": line.running,
            "month": line.month.strftime("%Y-%m") if line.month else None,
            "downtime_seconds": line.downtime_seconds,
            "month_seconds": line.month_seconds,
            # Cut (never rounded up) to four decimals, as shown cut to two: 98.9999 is never "99".
            "availability": _decimal(line.availability.quantize(Decimal("0.0001"), rounding=ROUND_DOWN))
            if line.availability is not None else None,
            "percent": _decimal(line.percent),
            "fee": _cents(line.fee),
            "event_date": _iso(line.event_date),
            "deadline": _iso(line.deadline),
            "gross": _cents(line.gross),
            "below": _decimal(line.below),
            "outages": list(line.outage_ids),
            "ongoing": list(line.ongoing_ids),
        } for line in contract.lines],
        "total": format_amount(contract.total),
    }


def _render_contract(result: ClaimsResult, tr: Translator, sla: ServiceLevel | None) -> str:
    rows = [[contract_line_title(line, tr.lang),
             contract_computation(line, tr.lang, credit_threshold(line, sla)),
             tr.money(line.amount)] for line in result.contract.lines]
    rows.append([tr.gettext("Total dû au titre du contrat"), "", tr.money(result.contract.total)])
    table = render([tr.gettext("clause"), tr.gettext("calcul"), tr.gettext("montant")], rows, right=(2,))
    note = tr.gettext("Sommes tenues à part des factures : elles ne sont ni ajoutées à leurs totaux ni "
                      "déduites de ceux-ci.")
    return "\n".join([contract_heading(result.our_role, tr.lang), table, note])
