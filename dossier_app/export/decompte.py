"""Part 5: the décompte — what is owed on the as-of date, invoice by invoice, with its reasons."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from ..domain.claims import ClaimsResult, InvoiceClaim
from ..domain.claims_penalties import PenaltyPeriod, RateSource
from ..domain.claims_report import (
    allocation_rule,
    contract_computation,
    contract_heading,
    contract_line_title,
    credit_threshold,
    half_year_label,
)
from ..domain.contract_claims import ContractLine
from ..domain.model import ServiceLevel
from ..i18n import Translator
from .common import citations_markup, full_width, grid, part_heading
from .contents import part_titles
from .context import Dossier, Layout
from .fonts import BOLD, SANS, text_width
from .styles import ACCENT, FRAME_WIDTH, SHADE, styles
from .words import markup


def claims_story(d: Dossier, layout: Layout) -> list[Flowable]:
    w, s = d.words, styles()
    client = d.claims is not None and d.claims.our_role == "client"
    if client:
        # We owe on these invoices: what we print offers the undisputed principal, and nothing
        # else may read as our admission (claims.md, "Output").
        subtitle = w.gettext("Arrêté au {day} \u2014 offre de règlement du principal non contesté, sous toutes réserves et sans reconnaissance").format(day=w.long_day(d.as_of))
    else:
        subtitle = w.gettext("Arrêté au {day} \u2014 pénalités de retard (art. L441-10 du Code de commerce) et indemnité forfaitaire pour frais de recouvrement (art. D441-5)").format(day=w.long_day(d.as_of))
    flow: list[Flowable] = part_heading("claims", part_titles(w, d.case.our_role)["claims"], subtitle)
    claims = d.claims
    if claims is None or not claims.invoices:
        if claims is not None and claims.contract.lines:  # no invoice, but clauses that ran
            flow += contract_story(d, claims)
        else:
            flow.append(Paragraph(w.gettext("Aucune facture n\u2019est enregistrée : il n\u2019y a rien à décompter."), s["note"]))
        flow.append(PageBreak())
        return flow
    if client:
        flow.append(Paragraph(w.gettext("Ce décompte reprend les factures émises par {them}. {us} offre d\u2019en régler le principal non contesté ; les pénalités et indemnités que {them} pourrait réclamer n\u2019en sont qu\u2019une estimation, sous toutes réserves et sans reconnaissance.").format(them=markup(d.case.them.name), us=markup(d.case.us.name)), s["body"]))

    if claims.undisputed:
        flow.append(Paragraph(w.gettext("Factures"), s["heading"]))
        flow.append(_invoice_table(d, claims.undisputed, penalties=not client))
    if claims.disputed:
        flow.append(Paragraph(w.gettext("Factures contestées (à part)"), s["heading"]))
        if client:
            flow.append(Paragraph(w.gettext("Leur montant est sérieusement contesté, pour les raisons indiquées : elles ne sont pas comprises dans l\u2019offre."), s["note"]))
        else:
            flow.append(Paragraph(w.gettext("Calculées de la même manière mais tenues à part : le juge des référés n\u2019accorde une provision que pour ce qui n\u2019est pas sérieusement contestable."), s["note"]))
        flow.append(_invoice_table(d, claims.disputed, reasons=True, penalties=not client))
    flow.append(Spacer(1, 3 * mm))
    if client:
        flow.append(KeepTogether(_offer(d, claims)))
        flow.append(Paragraph(w.gettext("Estimation de la réclamation adverse, sous toutes réserves et sans reconnaissance"), s["heading"]))
        flow.append(KeepTogether(_estimate(d, claims)))
    else:
        flow.append(KeepTogether(_totals(w, claims)))
    if claims.contract.lines:  # our own claim, whatever our role: no « sans reconnaissance » here
        flow += contract_story(d, claims)

    flow.append(Paragraph(w.gettext("Détail de l\u2019estimation des pénalités") if client
                          else w.gettext("Détail des pénalités"), s["heading"]))
    flow.append(Paragraph(w.gettext("Intérêts simples, jamais capitalisés : principal × taux × jours / 365, par période de principal et de taux constants ; chaque facture est arrondie une seule fois au centime. Un paiement s\u2019impute sur le principal, non sur les pénalités déjà courues."), s["note"]))
    if claims.unassigned_payments:
        flow.append(KeepTogether(_unassigned(d, claims)))
    for claim in claims.invoices:
        if claim.periods:
            flow.append(KeepTogether(_periods(w, claim)))
    flow.append(Paragraph(w.gettext("Taux appliqués et leurs sources"), s["heading"]))
    for line in rate_sources(w, claims):
        flow.append(Paragraph("–\u00a0" + line, s["fact"]))
    flow.append(PageBreak())
    return flow


def _invoice_table(d: Dossier, claims: tuple[InvoiceClaim, ...], reasons: bool = False,
                   penalties: bool = True) -> Flowable:
    """The invoices, one row each; without ``penalties`` (we are the client) the penalty and
    indemnity columns are left out: they belong to the estimate of the other side's claim."""
    w, s = d.words, styles()
    head = [w.gettext("Facture"), w.gettext("Échéance"), w.gettext("Montant TTC"),
            w.gettext("Avoirs"), w.gettext("Réglé"),
            w.gettext("Restant dû") if penalties else w.gettext("Non réglé"), w.gettext("Retard")]
    if penalties:
        head += [w.gettext("Pénalités"), w.gettext("Indemnité")]
    rows: list[list[object]] = [[Paragraph(h, s["cell-small-head" if i < 2 else "cell-small-head-right"])
                                 for i, h in enumerate(head)]]
    spans: list[tuple[object, ...]] = []
    for claim in claims:
        first = f"<b>{markup(claim.number)}</b><br/>{w.short_day(claim.date)}"
        cited = d.citations(claim.event_id)
        rows.append([
            Paragraph(first, s["cell-small"]), Paragraph(w.short_day(claim.due_date), s["cell-small"]),
            *(Paragraph(w.money(v), s["cell-small-right"]) for v in (claim.amount, claim.credited, claim.paid,
                                                                       claim.outstanding)),
            Paragraph(w.days(claim.days_late), s["cell-small-right"]),
            *([Paragraph(w.money(claim.penalties), s["cell-small-right"]),
               Paragraph(w.money(claim.indemnity), s["cell-small-right"])] if penalties else []),
        ])
        notes = []
        if cited:
            notes.append(citations_markup(w, cited))
        if reasons and claim.dispute_reason:
            notes.append(w.gettext("Contestation : ") + f"<i>{markup(claim.dispute_reason)}</i>")
        if notes:
            rows.append([Paragraph(" — ".join(notes), s["cell-small"])] + [""] * (len(head) - 1))
            row = len(rows) - 1
            spans += [("SPAN", (0, row), (-1, row)), ("LINEABOVE", (0, row), (-1, row), 0, colors.white),
                      ("TOPPADDING", (0, row), (-1, row), 0)]
    totals = [sum(getattr(c, name) for c in claims) for name in ("amount", "credited", "paid", "outstanding")]
    last: list[object] = [Paragraph("<b>" + w.gettext("Total") + "</b>", s["cell-small"]), "",
                          *(Paragraph(f"<b>{w.money(v)}</b>", s["cell-small-right"]) for v in totals), ""]
    if penalties:
        last += [Paragraph(f"<b>{w.money(sum(c.penalties for c in claims))}</b>", s["cell-small-right"]),
                 Paragraph(f"<b>{w.money(sum(c.indemnity for c in claims))}</b>", s["cell-small-right"])]
    rows.append(last)
    widths, size = _invoice_widths(rows, head)
    if size != s["cell-small-right"].fontSize:  # only when millions in every column would not fit
        for cells in rows[1:]:
            for cell in cells[2:]:
                if isinstance(cell, Paragraph) and cell.style.alignment == TA_RIGHT:
                    cell.style = ParagraphStyle(f"amount-{size:.2f}", parent=cell.style, fontSize=size,
                                                leading=size * 1.29)
    return grid(rows, widths, extra=[
        *spans, ("BACKGROUND", (0, -1), (-1, -1), SHADE), ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT)])


PAD = 6.5  # the grid's left and right padding, and a little air


def _invoice_widths(rows: list[list[object]], head: list[str]) -> tuple[list[float], float]:
    """Every amount column as wide as its widest amount (bold totals included): an amount never
    wraps ("12 345 / 678,90 €"); the invoice and due-date columns share what is left.

    When even that does not fit (millions in every column), the amounts' type is made smaller
    rather than broken; the font size used is returned with the widths.
    """
    s = styles()
    size = s["cell-small-right"].fontSize
    needs = []
    for column in range(2, len(head)):
        widest = text_width(head[column], BOLD, s["cell-small-head-right"].fontSize)
        for row in rows[1:]:
            cell = row[column]
            if isinstance(cell, Paragraph):
                plain = cell.getPlainText()
                font = BOLD if "<b>" in cell.text else SANS
                widest = max(widest, text_width(plain, font, size))
        needs.append(widest + PAD)
    day = max(text_width("30/04/2025", SANS, s["cell-small"].fontSize),
              text_width(head[1], BOLD, s["cell-small-head"].fontSize)) + PAD
    first = [max(text_width(head[0], BOLD, s["cell-small-head"].fontSize) + PAD, 48.0), day]
    room = FRAME_WIDTH - sum(needs)
    if room < sum(first):
        factor = (FRAME_WIDTH - sum(first)) / sum(needs)
        needs = [n * factor for n in needs]
        size = round(size * factor, 2)
        room = sum(first)
    return [room - day, day, *needs], size


def _totals(w: Translator, claims: ClaimsResult) -> list[Flowable]:
    """What we claim, as the provider: the undisputed principal, its penalties and indemnities."""
    t = claims.totals
    rows: list[list[str]] = [
        [w.gettext("Principal restant dû (non contesté)"),
         w.money(t.outstanding_undisputed)],
        [w.gettext("Pénalités de retard"), w.money(t.penalties_undisputed)],
        [w.gettext("Indemnités forfaitaires de recouvrement"),
         w.money(t.indemnities_undisputed)],
        [w.gettext("TOTAL RÉCLAMABLE AU ") + w.short_day(claims.as_of), w.money(t.grand_total)],
    ]
    memo: list[list[str]] = []
    if t.outstanding_disputed or t.penalties_disputed or t.indemnities_disputed:
        memo.append([w.gettext("Pour mémoire : part contestée (principal, pénalités, indemnités)"),
                     w.money(t.outstanding_disputed + t.penalties_disputed + t.indemnities_disputed)])
    if t.credit:
        memo.append([w.gettext("Trop-perçu à restituer au débiteur"),
                     w.money(t.credit)])
    return [_summary(rows, memo)]


def _offer(d: Dossier, claims: ClaimsResult) -> list[Flowable]:
    """What we offer, as the client: the undisputed principal still unpaid, and nothing else."""
    w, t = d.words, claims.totals
    rows = [[w.gettext("OFFRE DE RÈGLEMENT DU PRINCIPAL NON CONTESTÉ AU {day}").format(day=w.short_day(claims.as_of)),
             w.money(t.outstanding_undisputed)]]
    memo: list[list[str]] = []
    if t.outstanding_disputed:
        memo.append([w.gettext("Pour mémoire : principal des factures contestées, non compris dans l\u2019offre"),
                     w.money(t.outstanding_disputed)])
    if t.credit:
        memo.append([w.gettext("Versé au-delà de toutes les factures, à restituer à {us}").format(us=d.case.us.name),
                     w.money(t.credit)])
    return [_summary(rows, memo)]


def _estimate(d: Dossier, claims: ClaimsResult) -> list[Flowable]:
    """The penalties and indemnities the other side might claim: an estimate, never added to a total."""
    w, s, t = d.words, styles(), claims.totals
    them = d.case.them.name
    rows = [[w.gettext("Pénalités de retard que {them} pourrait réclamer sur les factures non contestées").format(them=them),
             w.money(t.penalties_undisputed)],
            [w.gettext("Indemnités forfaitaires de recouvrement (art. D441-5) qu\u2019elle pourrait réclamer sur ces factures"),
             w.money(t.indemnities_undisputed)]]
    if t.penalties_disputed or t.indemnities_disputed:
        rows.append([w.gettext("Pénalités et indemnités sur les factures contestées"),
                     w.money(t.penalties_disputed + t.indemnities_disputed)])
    table = grid([[Paragraph(markup(a), s["cell"]), Paragraph(b, s["cell-right"])] for a, b in rows],
                 full_width(120, 45), header_rows=0)
    note = Paragraph(w.gettext("Ces montants ne sont ni offerts ni reconnus : ils indiquent seulement ce que {them} pourrait réclamer, au taux de l\u2019article L441-10 du Code de commerce (taux de refinancement de la BCE majoré de 10 points) ou au taux contractuel.").format(them=markup(them)), s["note"])
    return [table, Spacer(1, 1 * mm), note]


def _summary(rows: list[list[str]], memo: list[list[str]]) -> Flowable:
    """A two-column table whose last row of ``rows`` stands out as the figure that matters."""
    s = styles()
    table_rows = [[Paragraph(markup(a), s["cell"]), Paragraph(b, s["cell-right"])] for a, b in rows + memo]
    total_row = len(rows) - 1
    table_rows[total_row] = [Paragraph(f"<b>{markup(rows[total_row][0])}</b>", s["cell"]),
                             Paragraph(f"<b>{rows[total_row][1]}</b>", s["cell-right"])]
    table = grid(table_rows, full_width(120, 45), header_rows=0, extra=[
        ("FONT", (0, total_row), (-1, total_row), BOLD, 9),
        ("BACKGROUND", (0, total_row), (-1, total_row), SHADE),
        ("LINEABOVE", (0, total_row), (-1, total_row), 1, ACCENT),
        ("LINEBELOW", (0, total_row), (-1, total_row), 1, ACCENT),
    ])
    return table


def _periods(w: Translator, claim: InvoiceClaim) -> list[Flowable]:
    s = styles()
    title = Paragraph(w.gettext("Facture ") + f"<b>{markup(claim.number)}</b> — "
                      + w.gettext("échue le ") + w.long_day(claim.due_date), s["body-left"])
    rows: list[list[object]] = [[w.gettext("Du"), w.gettext("Au"), w.gettext("Jours"),
                                 w.gettext("Principal"), w.gettext("Taux"), w.gettext("Pénalités")]]
    for period in claim.periods:
        rows.append([w.short_day(period.start), w.short_day(period.end), str(period.days), w.money(period.principal),
                     w.percent(period.rate) + ("\u00a0*" if not period.source.known else ""),
                     w.money(period.amount_cents)])
    rows.append([w.gettext("Total (arrondi une fois)"), "", "", "", "", w.money(claim.penalties)])
    table = grid(rows, full_width(22, 22, 12, 26, 18, 26), align_right=(2, 3, 4, 5), extra=[
        ("SPAN", (0, -1), (4, -1)), ("FONT", (0, -1), (-1, -1), BOLD, 8.5),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT)])
    return [Spacer(1, 2 * mm), title, Spacer(1, 1 * mm), table]


def _unassigned(d: Dossier, claims: ClaimsResult) -> list[Flowable]:
    """Which invoices each payment naming no invoice settled, under the rule of art. 1342-10."""
    w, s = d.words, styles()
    numbers = {c.event_id: c.number for c in claims.invoices}
    titles = {e.id: e.title for e in d.case_file.events}
    rows: list[list[object]] = [[Paragraph(h, s["cell-small-head" if i != 2 else "cell-small-head-right"])
                                 for i, h in enumerate((w.gettext("Date"), w.gettext("Paiement"),
                                                        w.gettext("Montant"), w.gettext("Imputé sur")))]]
    for unassigned in claims.unassigned_payments:
        what = markup(titles.get(unassigned.event_id, ""))
        if unassigned.named:  # what the invoices it named did not need
            what += w.gettext(" \u2014 part non affectée d\u2019un paiement de {euros}").format(euros=w.money(unassigned.paid))
        cited = d.citations(unassigned.event_id)
        if cited:
            what += f" ({citations_markup(w, cited)})"
        colon = w.gettext("\u00a0: ")
        parts = [f"<b>{markup(numbers.get(invoice_id, invoice_id))}</b>{colon}{w.money(cents)}"
                 for invoice_id, cents in unassigned.settled]
        if unassigned.credit:
            parts.append(w.gettext("crédit du payeur") + colon + w.money(unassigned.credit))
        rows.append([Paragraph(w.short_day(unassigned.day), s["cell-small"]), Paragraph(what, s["cell-small"]),
                     Paragraph(w.money(unassigned.amount), s["cell-small-right"]),
                     Paragraph(w.gettext("\u00a0; ").join(parts), s["cell-small"])])
    title = Paragraph(w.gettext("Paiements qui ne désignent aucune facture"), s["body-left"])
    rule = Paragraph(markup(allocation_rule(w.lang).replace("'", "\u2019")), s["note"])
    table = grid(rows, full_width(15, 36, 22, 57))
    return [Spacer(1, 2 * mm), title, Spacer(1, 1 * mm), rule, Spacer(1, 1 * mm), table]


def _describe_source(w: Translator, period: PenaltyPeriod) -> str:
    source: RateSource = period.source
    if source.kind == "contract":
        return w.gettext("taux contractuel de {rate}").format(rate=w.percent(period.rate))
    statutory = source.statutory
    text = ""
    if statutory is not None:
        text = w.gettext("taux de l\u2019article L441-10 du Code de commerce (taux de refinancement de la BCE majoré de 10 points) : {rate} en vigueur le {day} + 10 points = {rate2} \u2014 source : {source}").format(rate=w.percent(statutory.ecb.rate), day=w.long_day(statutory.read_on), rate2=w.percent(statutory.rate), source=markup(statutory.ecb.source))
        if not statutory.known:
            text += w.gettext(" <b>(taux de cette date pas encore connu : le dernier taux publié connu est utilisé)</b>")
    if source.kind == "statutory_floor" and source.legal is not None and source.contract_rate is not None:
        legal = source.legal.rate
        text = w.gettext("taux contractuel de {rate} inférieur à trois fois le taux de l\u2019intérêt légal ({rate2} au {half_year_label} \u2014 source : {source}) : ").format(rate=w.percent(source.contract_rate), rate2=w.percent(legal.autres_cas), half_year_label=half_year_label(legal.half_year, w.lang), source=markup(legal.source)) + text
    return text


def rate_sources(w: Translator, claims: ClaimsResult) -> list[str]:
    """Each distinct reason for a rate, once, in the order the periods first use it."""
    seen: dict[str, None] = {}
    for claim in claims.invoices:
        for period in claim.periods:
            seen.setdefault(_describe_source(w, period), None)
    lines = list(seen)
    if claims.unknown_rate_half_years:
        halves = ", ".join(half_year_label(h, w.lang) for h in claims.unknown_rate_half_years)
        lines.append(w.gettext("* Taux pas encore connu pour : {halves} ; le dernier taux publié connu a été utilisé ; à vérifier avant l\u2019audience.").format(halves=halves))
    if not lines:
        lines.append(w.gettext("Aucune pénalité n\u2019a couru."))
    return lines


# --- what the other side owes under the contract (claims.md, added 2026-12) ---------------

def contract_story(d: Dossier, claims: ClaimsResult) -> list[Flowable]:
    """« Sommes dues par [them] au titre du contrat »: each clause quoted, its computation, the
    pièces that prove its dates, and the total; apart from the invoices' figures."""
    w, s = d.words, styles()
    us, them, day = markup(d.case.us.name), markup(d.case.them.name), w.long_day(claims.as_of)
    if not claims.invoices:
        intro = w.gettext("Sommes dues à {us} par {them} en application des clauses du contrat, arrêtées au {day}.")
    elif claims.our_role == "client":
        intro = w.gettext("Sommes dues à {us} par {them} en application des clauses du contrat, arrêtées au {day}. Elles sont tenues à part des factures et ne sont pas déduites de l\u2019offre ci-dessus.")
    else:
        intro = w.gettext("Sommes dues à {us} par {them} en application des clauses du contrat, arrêtées au {day}. Elles sont tenues à part des factures et ne sont pas comprises dans le total réclamable ci-dessus.")
    sla = d.case.contract.sla if d.case.contract else None
    head = [w.gettext("Clause du contrat"), w.gettext("Calcul"), w.gettext("Montant")]
    rows: list[list[object]] = [[Paragraph(h, s["cell-head" if i < 2 else "cell-head-right"])
                                 for i, h in enumerate(head)]]
    for line in claims.contract.lines:
        rows.append([Paragraph("<br/>".join(_clause_lines(d, line, sla)), s["cell"]),
                     Paragraph("<br/>".join(_computation_lines(w, line, sla)), s["cell"]),
                     Paragraph(w.money(line.amount), s["cell-right"])])
    # Named by its debtor: as the client, no line of ours may read as a « total dû » by us.
    total = w.gettext("Total des sommes dues par {them} au titre du contrat").format(them=them)
    rows.append([Paragraph(f"<b>{total}</b>", s["cell"]), "",
                 Paragraph(f"<b>{w.money(claims.contract.total)}</b>", s["cell-right"])])
    # The amounts never wrap (« 14 530,00 / € »): their column as wide as the widest, bold total included.
    size = s["cell-right"].fontSize
    figures = [w.money(line.amount) for line in claims.contract.lines] + [w.money(claims.contract.total)]
    need = max([text_width(f, BOLD, size) for f in figures] + [text_width(head[2], BOLD, size)]) + PAD
    clause = (FRAME_WIDTH - need) * 46 / 100
    computation = FRAME_WIDTH - need - clause
    table = grid(rows, [clause, computation, need], extra=[
        ("SPAN", (0, -1), (1, -1)), ("BACKGROUND", (0, -1), (-1, -1), SHADE),
        ("LINEABOVE", (0, -1), (-1, -1), 1, ACCENT), ("LINEBELOW", (0, -1), (-1, -1), 1, ACCENT)])
    title = Paragraph(markup(contract_heading(claims.our_role, w.lang, them=d.case.them.name)), s["heading"])
    return [KeepTogether([title, Paragraph(intro.format(us=us, them=them, day=day), s["note"]),
                          Spacer(1, 1 * mm), table]), Spacer(1, 3 * mm)]


def _event_reference(d: Dossier, event_id: str | None) -> str | None:
    """"Mise en demeure du 2 octobre 2025 (Pièce n° 3)", escaped; None when the case lacks it."""
    w = d.words
    event = next((e for e in d.case_file.events if e.id == event_id), None)
    if event is None:
        return None
    text = w.gettext("{title}, le {day}").format(title=markup(event.title), day=w.long_day(event.date))
    cited = d.citations(event.id)
    return f"{text} ({citations_markup(w, cited)})" if cited else text


def _clause_lines(d: Dossier, line: ContractLine, sla: ServiceLevel | None) -> list[str]:
    w = d.words
    if line.kind == "sla":
        out = [f"<b>{markup(contract_line_title(line, w.lang))}</b>"]
        if sla is not None:
            out.append(w.gettext("Disponibilité promise : {availability}").format(
                availability=w.percent(sla.availability, decimals=0)))
        cited = _outage_citations(d, line)
        if cited:
            out.append(w.gettext("Pannes : {pieces}").format(pieces=citations_markup(w, cited)))
        if line.ongoing_ids:
            out.append(w.ngettext("{count} panne sans fin connue, comptée jusqu\u2019à la fin du {day}",
                                  "{count} pannes sans fin connue, comptées jusqu\u2019à la fin du {day}",
                                  len(line.ongoing_ids)).format(count=len(line.ongoing_ids),
                                                                 day=w.long_day(d.as_of)))
        return out
    out = ["<b>" + w.gettext("« {purpose} »").format(purpose=markup(line.purpose)) + "</b>"]
    if line.kind == "flat":
        breach = _event_reference(d, line.event_id)
        if breach:
            out.append(w.gettext("Manquement : {event}").format(event=breach))
        return out
    start = _event_reference(d, line.event_id)
    if start:
        out.append(w.gettext("Point de départ : {event}").format(event=start))
    if line.deadline is not None:
        out.append(w.gettext("Délai de la mise en demeure expiré le {day}").format(day=w.long_day(line.deadline)))
    stop = _event_reference(d, line.until_event_id) if line.until_event_id else None
    if stop:
        out.append(w.gettext("Arrêtée par : {event}").format(event=stop))
    if line.running and not line.capped and line.per_day is not None:
        out.append(w.gettext("Toujours en cours : {per_day} de plus par jour après le {day}").format(
            per_day=w.money(line.per_day), day=w.long_day(d.as_of)))
    return out


def _computation_lines(w: Translator, line: ContractLine, sla: ServiceLevel | None) -> list[str]:
    if line.kind == "flat":  # the breach and its day are in the clause's cell, with their pièce
        line = replace(line, event_date=None)
    out = [markup(contract_computation(line, w.lang, credit_threshold(line, sla)))]
    if line.kind == "sla" and line.month_seconds:
        out.append(w.gettext("indisponibilité totale de {downtime} sur un mois de {length}").format(
            downtime=w.duration(timedelta(seconds=line.downtime_seconds)),
            length=w.duration(timedelta(seconds=line.month_seconds))))
    return out


def _outage_citations(d: Dossier, line: ContractLine) -> list[tuple[int, str | None]]:
    """The pièces proving the outages counted in a credit's month, each once."""
    cited = dict.fromkeys(citation for event_id in line.outage_ids for citation in d.citations(event_id))
    return sorted(cited, key=lambda citation: (citation[0], citation[1] or ""))
