"""The claims result for people and programs: ``claims --json`` and the terminal table.

Both are built from the same ``ClaimsResult``, so they cannot disagree.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..i18n import active, language, translator
from .claims import ClaimsResult, InvoiceClaim
from .claims_allocation import UnassignedPayment
from .claims_penalties import PenaltyPeriod, RateSource
from .dates import long_day, short_day
from .money import format_amount, format_euros, format_rate
from .rates import SEMESTER_RULE_FROM, HalfYear
from .text_table import render

JSON_FORMAT = "dossier-claims/1"


def percent(rate: Decimal, lang: str | None = None) -> str:
    """A rate as the Banque de France prints it: at least two decimals ("4,50 %", "3,375 %"), in
    the active language or ``lang`` (``Translator.percent`` for callers holding a Translator)."""
    return (translator(lang) if lang else active()).percent(rate)


def half_year_label(half_year: HalfYear, lang: str | None = None) -> str:
    if (lang or language()) == "en":
        return f"{'first' if half_year.half == 1 else 'second'} half of {half_year.year}"
    return f"{'1er' if half_year.half == 1 else '2e'} semestre {half_year.year}"


def missing_ecb_hint(half_years: list[HalfYear] | tuple[HalfYear, ...], rate: Decimal | None,
                     lang: str | None = None) -> str:
    """What to add so that these half-years become known: the ECB rate in force on the first day
    of each (from 2013 the statutory rate is read on 1 January and 1 July), even if unchanged."""
    en = (lang or language()) == "en"
    joiner = " and " if en else " et "
    days = joiner.join(long_day(h.start, "en" if en else "fr") for h in half_years)
    example = format(rate, ".2f") if rate is not None else ("RATE" if en else "TAUX")
    command = f'dossier rates add {half_years[0].start.isoformat()} {example} --source "…"'
    return (f"add the ECB rate in force on {days}, even if unchanged, e.g. \"{command}\"" if en else
            f"ajoutez le taux BCE en vigueur le {days}, même s'il n'a pas changé, par exemple « {command} »")


def rate_source_text(source: RateSource, lang: str | None = None) -> str:
    """Where a period's rate comes from, in one phrase a judge can check."""
    lang = lang or language()
    en = lang == "en"

    def pct(rate: Decimal) -> str:
        return percent(rate, lang)

    if source.kind == "contract":
        assert source.contract_rate is not None
        return f"contractual rate {pct(source.contract_rate)}" if en else f"taux contractuel {pct(source.contract_rate)}"
    statutory = source.statutory
    assert statutory is not None
    text = (f"ECB rate {pct(statutory.ecb.rate)} on {short_day(statutory.read_on, lang)} + 10 points" if en
            else f"taux BCE {pct(statutory.ecb.rate)} au {short_day(statutory.read_on, lang)} + 10 points")
    if not statutory.known:
        text += (" (the rate for that date is not known yet: the latest published rate known is used)" if en
                 else " (taux de cette date pas encore connu : le dernier taux publié connu est retenu)")
    if source.kind == "statutory_floor" and source.legal is not None and source.contract_rate is not None:
        floor = source.floor
        assert floor is not None
        text += (f"; contractual rate {pct(source.contract_rate)} below 3 × the legal rate "
                 f"{pct(source.legal.rate.autres_cas)} = {pct(floor)}" if en
                 else f" ; taux contractuel {pct(source.contract_rate)} inférieur à 3 × le taux légal "
                 f"{pct(source.legal.rate.autres_cas)} = {pct(floor)}")
        if not source.legal.known:
            text += " (legal rate unknown for that half-year)" if en else " (taux légal inconnu pour ce semestre)"
    return text


def allocation_rule(lang: str | None = None) -> str:
    """Where a payment naming no invoice goes, and why, in one sentence (claims.md, 2026-12)."""
    if (lang or language()) == "en":
        return ("A payment that names no invoice goes to the undisputed invoices first, the one that fell due "
                "first first (same due date: the lower number), then to the disputed ones in the same order: "
                "without the debtor's indication, a payment goes to the debts the debtor had most interest to "
                "pay (Code civil, art. 1342-10).")
    return ("Un paiement qui ne désigne aucune facture est imputé d'abord sur les factures non contestées, la "
            "première échue en premier (à échéance égale, le plus petit numéro), puis sur les factures contestées "
            "dans le même ordre : à défaut d'indication du débiteur, le paiement va aux dettes qu'il avait le plus "
            "d'intérêt d'acquitter (art. 1342-10 du Code civil).")


def unassigned_line(result: ClaimsResult, unassigned: UnassignedPayment, lang: str | None = None) -> str:
    """"Paiement du 20/06/2024 (700,00 €), sans facture désignée : imputé sur F2 (400,00 €) et F3 (…)."""
    lang = lang or language()
    en = lang == "en"
    numbers = {c.event_id: c.number for c in result.invoices}
    parts = [f"{numbers.get(invoice_id, invoice_id)} ({format_euros(cents, lang)})"
             for invoice_id, cents in unassigned.settled]
    joiner = " and " if en else " et "
    listed = joiner.join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)
    day, amount = short_day(unassigned.day, lang), format_euros(unassigned.amount, lang)
    if unassigned.named:
        paid = format_euros(unassigned.paid, lang)
        text = (f"Payment of {day} ({paid}), the part its named invoices did not need ({amount})" if en else
                f"Paiement du {day} ({paid}), part que ses factures désignées ne demandaient pas ({amount})")
    else:
        text = (f"Payment of {day} ({amount}), naming no invoice" if en else
                f"Paiement du {day} ({amount}), sans facture désignée")
    pieces = []
    if listed:
        pieces.append(("set against " if en else ("imputée sur " if unassigned.named else "imputé sur ")) + listed)
    if unassigned.credit:
        pieces.append(("a credit of the payer: " if en else "au crédit du payeur : ")
                      + format_euros(unassigned.credit, lang))
    text += (": " if en else " : ") + ("; " if en else " ; ").join(pieces)
    return text + "."


def notes(result: ClaimsResult, lang: str | None = None) -> list[str]:
    """What the reader must know to trust the figures, in plain sentences."""
    en = (lang or language()) == "en"
    out = [
        "Payments are set against principal, never against penalties already run: the claim is never "
        "overstated." if en else
        "Les paiements sont imputés sur le principal, jamais sur les pénalités déjà courues : la demande "
        "n'est jamais surévaluée.",
        "Penalties: simple interest, principal × rate × days / 365, each invoice rounded once to the cent."
        if en else
        "Pénalités : intérêts simples, principal × taux × jours / 365, arrondis une seule fois au centime par facture.",
    ]
    if result.unknown_rate_half_years:
        which = ", ".join(half_year_label(h, lang) for h in result.unknown_rate_half_years)
        ecb = [p.source.statutory for c in result.invoices for p in c.periods
               if p.source.statutory is not None and not p.source.statutory.known]
        text = (f"No rate is known for the {which}: the last known rate was used" if en else
                f"Aucun taux n'est connu pour le {which} : le dernier taux connu a été retenu")
        missing = sorted({HalfYear.of(s.read_on) for s in ecb if s.read_on >= SEMESTER_RULE_FROM})
        if missing:
            text += ("; " if en else " ; ") + missing_ecb_hint(missing, ecb[-1].ecb.rate, lang)
        out.append(text + ".")
    if result.floor_half_years:
        which = ", ".join(half_year_label(h, lang) for h in result.floor_half_years)
        out.append(f"The contractual rate is below three times the legal interest rate in the {which}: "
                   "the statutory rate is used there." if en else
                   f"Le taux contractuel est inférieur à trois fois le taux d'intérêt légal au {which} : "
                   "le taux légal de l'article L441-10 est appliqué.")
    if result.totals.credit:
        amount = format_euros(result.totals.credit, lang="en" if en else "fr")
        out.append(f"Paid beyond every invoice: {amount}, a credit of the payer." if en else
                   f"Versé au-delà de toutes les factures : {amount}, au crédit de celui qui a payé.")
    if result.disputed:
        out.append("Disputed invoices are shown apart and left out of the total claimable." if en else
                   "Les factures contestées sont présentées à part et exclues du total réclamable.")
    if result.unassigned_met_disputed:
        # Said only where the rule made a difference, so that every other document stays as it was.
        out.append(allocation_rule(lang))
        out += [unassigned_line(result, u, lang) for u in result.unassigned_payments if u.disputed_unpaid]
    return out


# --- JSON --------------------------------------------------------------------------------

def claims_document(result: ClaimsResult) -> dict[str, Any]:
    """The ``claims --json`` document: amounts as strings with two decimals, dates ISO."""
    totals = result.totals
    return {
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
        "notes": notes(result),
    }


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

def claims_table(result: ClaimsResult, lang: str | None = None) -> str:
    lang = lang or language()
    en = lang == "en"

    def money(cents: int) -> str:
        return format_euros(cents, lang)

    lines = [_heading(result, lang), ""]
    headers = [_t(en, "n°", "no."), "date", _t(en, "échéance", "due"), _t(en, "montant", "amount"),
               _t(en, "avoirs", "credited"), _t(en, "payé", "paid"), _t(en, "reste dû", "outstanding"),
               _t(en, "jours de retard", "days late"), _t(en, "pénalités", "penalties"),
               _t(en, "indemnité", "indemnity")]
    for title, claims in ((None, result.undisputed),
                          (_t(en, "Factures contestées (à part) :", "Disputed invoices (apart):"), result.disputed)):
        if not claims:
            continue
        if title:
            lines += ["", title]
        rows = [[c.number, short_day(c.date, lang), short_day(c.due_date, lang), money(c.amount),
                 money(c.credited), money(c.paid), money(c.outstanding), str(c.days_late),
                 money(c.penalties), money(c.indemnity)] for c in claims]
        lines.append(render(headers, rows, right=range(3, 10)))
    if not result.invoices:
        lines.append(_t(en, "Aucune facture à cette date.", "No invoice on that date."))
    lines += ["", _render_totals(result, lang), ""]
    lines += [f"- {note}" for note in notes(result, lang)]
    return "\n".join(lines)


def _t(en: bool, fr_text: str, en_text: str) -> str:
    return en_text if en else fr_text


def _heading(result: ClaimsResult, lang: str) -> str:
    en = lang == "en"
    day = short_day(result.as_of, lang)
    if result.our_role == "client":
        return _t(en, f"{result.case_title} — ce que les factures disent que nous devons, au {day}",
                  f"{result.case_title} — what the invoices say we owe, as of {day}")
    return _t(en, f"{result.case_title} — sommes dues au {day}", f"{result.case_title} — amounts owed as of {day}")


def _render_totals(result: ClaimsResult, lang: str) -> str:
    en = lang == "en"
    totals = result.totals
    client = result.our_role == "client"
    rows = [
        (_t(en, "Principal non contesté restant dû", "Undisputed principal outstanding"), totals.outstanding_undisputed),
        (_t(en, "Principal contesté restant dû", "Disputed principal outstanding"), totals.outstanding_disputed),
        (_t(en, "Pénalités de retard (non contesté)", "Late-payment penalties (undisputed)"), totals.penalties_undisputed),
        (_t(en, "Indemnités forfaitaires de 40 € (non contesté)", "Fixed €40 indemnities (undisputed)"),
         totals.indemnities_undisputed),
        (_t(en, "Total dû selon les factures (non contesté)", "Total owed according to the invoices (undisputed)")
         if client else _t(en, "Total réclamable (non contesté)", "Total claimable (undisputed)"), totals.grand_total),
    ]
    if totals.penalties_disputed or totals.indemnities_disputed:
        rows.insert(4, (_t(en, "Pénalités et indemnités sur factures contestées",
                           "Penalties and indemnities on disputed invoices"),
                        totals.penalties_disputed + totals.indemnities_disputed))
    if totals.credit:
        rows.append((_t(en, "Trop-versé (crédit du payeur)", "Overpaid (credit of the payer)"), totals.credit))
    return render([_t(en, "Totaux", "Totals"), ""], [[label, format_euros(cents, lang)] for label, cents in rows],
                   right=(1,))


