"""Part 4: the chronologie — the frise, every event in order with its proof, then the outages."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from ..domain import vocabulary
from ..domain.model import (
    Access,
    ContractEvent,
    Correspondence,
    CreditNote,
    Event,
    Invoice,
    Outage,
    Payment,
    ProcedureStep,
    RegisteredLetter,
    Reminder,
)
from ..domain.notices import notice_deadline
from ..i18n import Translator
from .common import citations_markup, full_width, grid, part_heading
from .contents import part_titles
from .context import Dossier, Layout
from .fonts import BOLD, text_width
from .frise import Frise
from .styles import FRAME_WIDTH, styles
from .words import actor, blocks, instant, markup, short_instant


def key_mark(number: int) -> str:
    """A negative circled digit, as the frise draws it; past ten, the number in brackets."""
    return chr(0x2775 + number) if 1 <= number <= 10 else f"({number})"


def key_numbers(events: tuple[Event, ...]) -> dict[str, int]:
    return {e.id: n for n, e in enumerate((e for e in events if e.key_fact), start=1)}


def chronology_story(d: Dossier, layout: Layout) -> list[Flowable]:
    w, s = d.words, styles()
    flow: list[Flowable] = part_heading("chronology", part_titles(w)["chronology"],
                                        w.gettext("Les événements du dossier, arrêtés au ")
                                        + w.long_day(d.as_of))
    if not d.events:
        flow.append(Paragraph(w.gettext("Aucun événement n\u2019est enregistré."), s["note"]))
        flow.append(PageBreak())
        return flow
    numbers = key_numbers(d.events)
    flow.append(Paragraph(w.gettext("Frise chronologique"), s["heading"]))
    frise: list[Flowable] = [Frise(w, d.events, numbers, d.as_of), Spacer(1, 3 * mm)]
    for event in d.events:
        if event.id in numbers:
            frise.append(Paragraph(f"<b>{key_mark(numbers[event.id])}</b>\u2002{w.long_day(event.date)} — "
                                   f"{markup(event.title)}", s["body-left"]))
    flow.append(KeepTogether(frise))

    flow.append(Paragraph(w.gettext("Les événements"), s["heading"]))
    rows: list[list[object]] = [[w.gettext("Date"), w.gettext("Événement"), w.gettext("Pièces")]]
    for event in d.events:
        rows.append(_row(d, event, numbers))
    flow.append(grid(rows, full_width(21, 115, 29), zebra=False))

    outages = [e for e in d.events if isinstance(e, Outage)]
    if outages:
        flow.append(Spacer(1, 4 * mm))
        flow.append(Paragraph(w.gettext("Interruptions de service"), s["heading"]))
        flow.append(_outage_table(w, outages, d.as_of))
    flow.append(PageBreak())
    return flow


def _row(d: Dossier, event: Event, numbers: dict[str, int]) -> list[object]:
    w, s = d.words, styles()
    when = w.short_day(event.date)
    if isinstance(event, Outage):
        when = short_instant(w, event.start)
    formal_notice = isinstance(event, RegisteredLetter) and event.formal_notice
    label = w.gettext("Mise en demeure") if formal_notice else vocabulary.label(event.kind, tr=w)
    head = f'<font size="7" color="#505050">{markup(label.upper())}</font><br/><b>{markup(event.title)}</b>'
    if event.id in numbers:
        head = f"<b>{key_mark(numbers[event.id])}</b> " + head
    body = [head]
    details = event_details(w, event, d.as_of)
    if details:
        body.append(markup(details))
    cell: list[Flowable] = []
    if event.description:
        # A long description goes in pieces, each its own paragraph (see ``blocks``).
        first, *rest = blocks(event.description.strip())
        body.append(markup(first))
        cell = [Paragraph(markup(piece), s["cell"]) for piece in rest]
    cell.insert(0, Paragraph("<br/>".join(body), s["cell"]))
    by = actor(w, event.actor, d.case.us.name, d.case.them.name)
    if by:
        cell.append(Paragraph('<font color="#505050">' + w.gettext("Par {actor}").format(actor=markup(by)) + '</font>', s["cell"]))
    cited = d.citations(event.id)
    proof = citations_markup(w, cited) if cited else (
        '<i>' + w.gettext("aucune pièce") + '</i>')
    return [Paragraph(when, s["cell"]), cell if len(cell) > 1 else cell[0], Paragraph(proof, s["cell"])]


def outage_end(event: Outage, as_of: date) -> tuple[datetime, bool]:
    limit = datetime.combine(as_of + timedelta(days=1), time(0))
    if event.end is None or event.end.replace(tzinfo=None) > limit:
        return limit, True
    return event.end.replace(tzinfo=None), False


def event_details(w: Translator, event: Event, as_of: date) -> str:
    """The facts of an event's own kind, in one line."""
    bits: list[str] = []
    if isinstance(event, ContractEvent):
        bits.append(vocabulary.label(event.action, tr=w))
        if event.reference:
            bits.append(w.gettext("réf. ") + event.reference)
    elif isinstance(event, Invoice):
        bits.append(w.gettext("n°\u00a0") + event.number)
        bits.append(w.money(event.amount_incl_tax) + w.gettext(" TTC"))
        if event.due_date:
            bits.append(w.gettext("échéance ") + w.long_day(event.due_date))
        if event.disputed:
            reason = w.gettext(" : ") + event.dispute_reason if event.dispute_reason else ""
            bits.append(w.gettext("contestée") + reason)
    elif isinstance(event, Payment):
        bits.append(w.money(event.amount))
        if event.invoices:
            bits.append(w.gettext("règle ") + ", ".join(event.invoices))
        if event.method:
            bits.append(event.method)
    elif isinstance(event, CreditNote):
        bits.append(w.gettext("n°\u00a0") + event.number)
        bits.append(w.money(event.amount_incl_tax) + w.gettext(" TTC"))
        if event.invoice:
            bits.append(w.gettext("sur la facture ") + event.invoice)
    elif isinstance(event, Reminder):
        bits.append(vocabulary.label(event.channel, tr=w))
        if event.invoices:
            bits.append(w.gettext("factures ") + ", ".join(event.invoices))
    elif isinstance(event, RegisteredLetter):
        bits += _letter_details(w, event)
    elif isinstance(event, Outage):
        end, ongoing = outage_end(event, as_of)
        start = event.start.replace(tzinfo=None)
        if ongoing:
            bits.append(w.gettext("depuis le {start} \u2014 en cours").format(start=instant(w, start)))
            bits.append(w.gettext("{duration} au {day}").format(duration=w.duration(end - start), day=w.long_day(as_of)))
        else:
            bits.append(w.gettext("du {start} au {end}").format(start=instant(w, start), end=instant(w, end)))
            bits.append(w.duration(end - start))
        bits.append(", ".join(event.services))
        if event.scope:
            bits.append(vocabulary.label(event.scope, tr=w))
    elif isinstance(event, Access):
        bits.append(event.account + w.gettext(" : ") + vocabulary.label(event.action, tr=w))
    elif isinstance(event, Correspondence):
        bits.append(vocabulary.label(event.channel, tr=w))
    elif isinstance(event, ProcedureStep):
        bits.append(vocabulary.label(event.action, tr=w))
    return " — ".join(b for b in bits if b)


def _letter_details(w: Translator, letter: RegisteredLetter) -> list[str]:
    bits = []
    if letter.electronic:
        bits.append(w.gettext("lettre recommandée électronique"))
    if letter.tracking_number:
        bits.append(w.gettext("n° de suivi ") + letter.tracking_number)
    if letter.first_presented_on:
        bits.append(w.gettext("première présentation le ") + w.long_day(letter.first_presented_on))
    if letter.received_on:
        bits.append(w.gettext("distribuée le ") + w.long_day(letter.received_on))
    if letter.returned_undelivered:
        bits.append(w.gettext("pli avisé non réclamé"))
    deadline = notice_deadline(letter)
    if letter.formal_notice and letter.deadline_days and deadline:
        bits.append(w.gettext("délai de {deadline_days}\u00a0jours, expirant le ").format(deadline_days=letter.deadline_days) + w.long_day(deadline))
    return bits


def _merged(periods: list[tuple[datetime, datetime]]) -> timedelta:
    total = timedelta()
    current: tuple[datetime, datetime] | None = None
    for start, end in sorted(periods):
        if current and start <= current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current:
            total += current[1] - current[0]
        current = (start, end)
    if current:
        total += current[1] - current[0]
    return total


def _outage_table(w: Translator, outages: list[Outage], as_of: date):  # type: ignore[no-untyped-def]
    s = styles()
    by_service: dict[str, list[tuple[datetime, datetime, bool]]] = {}
    for outage in outages:
        end, ongoing = outage_end(outage, as_of)
        for service in outage.services:
            by_service.setdefault(service, []).append((outage.start.replace(tzinfo=None), end, ongoing))
    rows: list[list[object]] = [[w.gettext("Service"), w.gettext("Périodes d\u2019indisponibilité"),
                                 w.gettext("Total")]]
    totals: list[str] = []
    for service in sorted(by_service, key=str.casefold):
        periods = sorted(by_service[service])
        lines = []
        for start, end, ongoing in periods:
            # Each instant and the duration hold together; a line only breaks around the arrow.
            until = w.gettext("en\u00a0cours") if ongoing else _unbroken(short_instant(w, end))
            lines.append(f"{_unbroken(short_instant(w, start))} → {until} ({w.duration(end - start)})")
        total = _merged([(a, b) for a, b, _ in periods])
        totals.append(w.duration(total))
        rows.append([Paragraph(f"<b>{markup(service)}</b>", s["cell"]),
                     Paragraph("<br/>".join(markup(x) for x in lines), s["cell"]),
                     Paragraph(f"<b>{w.duration(total)}</b>", s["cell-right"])])
    return grid(rows, _outage_widths(w, sorted(by_service, key=str.casefold), totals), align_right=(2,))


def _unbroken(text: str) -> str:
    return text.replace(" ", "\u00a0")


def _outage_widths(w: Translator, services: list[str], totals: list[str]) -> list[float]:
    """Columns as wide as what they hold: a service name wraps only on its spaces when it can,
    a total never wraps, and the periods take the rest."""
    pad = 6 + 1
    longest_word = max((text_width(word, BOLD, 8.5) for name in services for word in name.split()), default=0)
    longest_name = max((text_width(name, BOLD, 8.5) for name in services), default=0)
    service = min(max(longest_word, min(longest_name, FRAME_WIDTH * 0.30)), FRAME_WIDTH * 0.42) + pad
    service = max(service, text_width(w.gettext("Service"), BOLD, 8) + pad)
    total = max([text_width(t, BOLD, 8.5) for t in totals] + [text_width("Total", BOLD, 8)]) + pad
    return [service, FRAME_WIDTH - service - total, total]
