"""The agency's own paperwork: invoices, a credit note and a customer statement, as PDFs.

They are documents "from the outside world", so they use the standard Helvetica rather than
the dossier's embedded fonts. Every PDF is made with ``invariant=1`` and saved by pikepdf with
a deterministic id, so that the demo gives the same bytes on every run.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pikepdf
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from dossier_app.domain.siren import luhn_ok

from .story import CONTRACT_REF, THEM, US, VAT_PERCENT, Bill, euros, statement

WIDTH, HEIGHT = A4
PURPLE = colors.HexColor("#4B2DB3")
INK = colors.HexColor("#222222")
GREY = colors.HexColor("#666666")
PALE = colors.HexColor("#EEEAFB")

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=13, textColor=INK)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7.5, leading=9.5, textColor=GREY)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11.5)
CELL_RIGHT = ParagraphStyle("cell_right", parent=CELL, alignment=TA_RIGHT)


@dataclass(frozen=True)
class Meta:
    """What the PDF's document information says: importers read its dates to suggest one."""

    title: str
    author: str
    creator: str
    created: datetime  # local time in Laval


def paris_offset(moment: datetime) -> str:
    """Summer time runs from the last Sunday of March to the last Sunday of October."""
    def last_sunday(month: int) -> date:
        day = date(moment.year, month, 31)
        return day - timedelta(days=(day.weekday() + 1) % 7)

    summer = last_sunday(3) <= moment.date() < last_sunday(10)
    return "+02'00'" if summer else "+01'00'"


def new_canvas(buffer: io.BytesIO, pagesize: tuple[float, float] = A4) -> Canvas:
    return Canvas(buffer, pagesize=pagesize, invariant=1, pageCompression=1)


def finish(raw: bytes, meta: Meta, rotate: dict[int, int] | None = None) -> bytes:
    """Stamp believable metadata over reportlab's fixed 2000-01-01 one, turn pages, fix the id."""
    stamp = meta.created.strftime("D:%Y%m%d%H%M%S") + paris_offset(meta.created)
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        info = pdf.docinfo
        info[pikepdf.Name.Title] = meta.title
        info[pikepdf.Name.Author] = meta.author
        info[pikepdf.Name.Creator] = meta.creator
        info[pikepdf.Name.Producer] = meta.creator
        info[pikepdf.Name.CreationDate] = stamp
        info[pikepdf.Name.ModDate] = stamp
        for unset in (pikepdf.Name.Subject, pikepdf.Name.Keywords):
            if unset in info:
                del info[unset]
        for index, angle in (rotate or {}).items():
            pdf.pages[index].obj[pikepdf.Name.Rotate] = angle
        pdf.save(out, deterministic_id=True)
    return out.getvalue()


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph with French spacing: no line break inside « » nor before : ; ? !"""
    for before, after in (("« ", "«\u00a0"), (" »", "\u00a0»"), (" :", "\u00a0:"), (" ;", "\u00a0;"),
                          (" ?", "\u00a0?"), (" !", "\u00a0!")):
        text = text.replace(before, after)
    return Paragraph(text, style)


def flow(c: Canvas, x: float, top: float, width: float, items: Iterable[Flowable], gap: float = 4) -> float:
    """Draw flowables downwards from ``top``; return where the next one would start."""
    for item in items:
        _, height = item.wrapOn(c, width, HEIGHT)
        item.drawOn(c, x, top - height)
        top -= height + gap
    return top


def fr_day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def spaced(digits: str, groups: tuple[int, ...] = (3, 3, 3, 5)) -> str:
    out, at = [], 0
    for size in groups:
        if at < len(digits):
            out.append(digits[at:at + size])
            at += size
    return " ".join(out)


def siret(siren: str) -> str:
    """The head office's SIRET: the SIREN, a NIC, and the Luhn key over all fourteen digits."""
    return next(siren + f"0001{key}" for key in range(10) if luhn_ok(siren + f"0001{key}"))


def vat_number(siren: str) -> str:
    return f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"


# --- Pixelune's letterhead -----------------------------------------------------------------

def pixelune_header(c: Canvas) -> None:
    c.setFillColor(PURPLE)
    c.roundRect(18 * mm, HEIGHT - 34 * mm, 14 * mm, 14 * mm, 3 * mm, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 15)
    c.drawCentredString(25 * mm, HEIGHT - 29.5 * mm, "px")
    c.setFillColor(INK)
    c.setFont("Helvetica-Bold", 20)
    c.drawString(35 * mm, HEIGHT - 27 * mm, "pixelune")
    c.setFont("Helvetica", 8.5)
    c.setFillColor(GREY)
    c.drawString(35 * mm, HEIGHT - 32 * mm, "Agence web · sites, hébergement, messagerie")
    lines = ["Pixelune SAS", THEM["address"].replace(", ", " — "), "02 61 91 00 17 · bonjour@pixelune.fr"]
    for i, text in enumerate(lines):
        c.drawString(18 * mm, HEIGHT - (42 + 4.2 * i) * mm, text)


def pixelune_footer(c: Canvas) -> None:
    siren = THEM["siren"]
    c.setStrokeColor(PALE)
    c.line(18 * mm, 22 * mm, WIDTH - 18 * mm, 22 * mm)
    c.setFont("Helvetica", 7)
    c.setFillColor(GREY)
    c.drawCentredString(WIDTH / 2, 17 * mm, f"Pixelune SAS au capital de 10 000 € — {THEM['address']} — "
                                            f"RCS Laval {spaced(siren, (3, 3, 3))}")
    c.drawCentredString(WIDTH / 2, 13.5 * mm, f"SIRET {spaced(siret(siren))} — TVA intracommunautaire "
                                              f"{vat_number(siren)} — APE 6201Z")


def customer_block(c: Canvas, top: float) -> None:
    c.setFillColor(INK)
    c.setFont("Helvetica-Bold", 10)
    x = 118 * mm
    c.drawString(x, top, f"{US['name']} {US['legal_form']}")
    c.setFont("Helvetica", 10)
    street, town = US["address"].split(", ")
    for i, text in enumerate(["À l'attention de Mme Claire Lemoine", street, town]):
        c.drawString(x, top - (5 + 5 * i) * mm, text)
    c.setFont("Helvetica", 8)
    c.setFillColor(GREY)
    c.drawString(x, top - 22 * mm, f"N° TVA client : {vat_number(US['siren'])}")


# --- invoices and credit notes ---------------------------------------------------------------

def bill_pdf(bill: Bill, invoices: dict[str, Bill]) -> bytes:
    """An invoice (or a credit note when it names the invoice it reduces), one A4 page."""
    credit = bill.credit_for is not None
    buffer = io.BytesIO()
    c = new_canvas(buffer)
    c.setTitle(f"{'Avoir' if credit else 'Facture'} {bill.number}")
    pixelune_header(c)

    c.setFillColor(PURPLE)
    c.setFont("Helvetica-Bold", 22)
    c.drawRightString(WIDTH - 18 * mm, HEIGHT - 27 * mm, "AVOIR" if credit else "FACTURE")
    c.setFillColor(INK)
    c.setFont("Helvetica", 9.5)
    facts = [("N°", bill.number), ("Date", fr_day(bill.issued))]
    if credit:
        original = invoices[bill.credit_for or ""]
        facts.append(("Sur facture", f"{original.number} du {fr_day(original.issued)}"))
    else:
        facts.append(("Échéance", fr_day(bill.due)))
    facts += [("Code client", "CL-0142"), ("Contrat", CONTRACT_REF)]
    for i, (label, value) in enumerate(facts):
        y = HEIGHT - (35 + 5 * i) * mm
        c.setFillColor(GREY)
        c.drawString(WIDTH - 90 * mm, y, label)
        c.setFillColor(INK)
        c.drawRightString(WIDTH - 18 * mm, y, value)

    customer_block(c, HEIGHT - 68 * mm)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(18 * mm, HEIGHT - 100 * mm, f"Objet : {bill.subject}")

    rows: list[list[object]] = [[para("<b>Désignation</b>", CELL), para("<b>Qté</b>", CELL_RIGHT),
                                 para("<b>P.U. HT</b>", CELL_RIGHT), para("<b>Total HT</b>", CELL_RIGHT)]]
    for line in bill.lines:
        rows.append([para(line.label, CELL), para(str(line.quantity), CELL_RIGHT),
                     para(euros(line.unit_excl_tax), CELL_RIGHT),
                     para(euros(line.quantity * line.unit_excl_tax), CELL_RIGHT)])
    table = Table(rows, colWidths=[106 * mm, 14 * mm, 27 * mm, 27 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "Helvetica", 10),  # named, not reportlab's default cell font
        ("BACKGROUND", (0, 0), (-1, 0), PALE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#D8D2F2")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    after_table = flow(c, 18 * mm, HEIGHT - 106 * mm, 174 * mm, [table])

    totals = [("Total HT", euros(bill.excl_tax)), (f"TVA {VAT_PERCENT} %", euros(bill.vat)),
              ("Total de l'avoir TTC" if credit else "Total TTC", euros(bill.incl_tax))]
    y = after_table - 8 * mm
    for i, (label, value) in enumerate(totals):
        last = i == len(totals) - 1
        if last:
            c.setFillColor(PURPLE)
            c.rect(120 * mm, y - 2.5 * mm, 72 * mm, 8 * mm, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont("Helvetica-Bold", 10.5)
        else:
            c.setFillColor(INK)
            c.setFont("Helvetica", 10)
        c.drawString(123 * mm, y, label)
        c.drawRightString(189 * mm, y, value)
        y -= 8 * mm

    c.setFillColor(INK)
    if credit:
        notes = [f"Avoir à déduire de la facture {bill.credit_for}. Il ne donne pas lieu à remboursement.",
                 "Pénalité appliquée conformément à l'article 6 du contrat : mise en ligne intervenue le "
                 "05/06/2025 pour une date contractuelle fixée au 15/05/2025."]
    else:
        notes = [f"<b>Net à payer : {euros(bill.incl_tax)}</b> — échéance le <b>{fr_day(bill.due)}</b> "
                 "(paiement à 30 jours fin de mois, article 5 du contrat).",
                 "Règlement par virement : Banque de l'Ouest Lavallois — IBAN FR76 1380 7008 1232 1190 4512 "
                 "688 — BIC BOLVFRP1XXX. Merci de rappeler le numéro de facture.",
                 "En cas de retard de paiement : pénalités au taux de refinancement de la BCE majoré de 10 "
                 "points, et indemnité forfaitaire pour frais de recouvrement de 40 € (art. L441-10 du Code "
                 "de commerce). Pas d'escompte pour paiement anticipé."]
    flow(c, 18 * mm, y - 10 * mm, 174 * mm, [para(text, BODY) for text in notes], gap=6)
    pixelune_footer(c)
    c.showPage()
    c.save()
    hour = 9 + len(bill.lines)
    return finish(buffer.getvalue(), Meta(
        title=f"{'Avoir' if credit else 'Facture'} {bill.number}", author="Pixelune SAS",
        creator="Pixelune Facturation", created=datetime.combine(bill.issued, time(hour, 41, 27))))


def statement_pdf(until: date) -> bytes:
    """The customer statement Pixelune attached to its refusal."""
    buffer = io.BytesIO()
    c = new_canvas(buffer)
    c.setTitle("Relevé de compte client")
    pixelune_header(c)
    c.setFillColor(PURPLE)
    c.setFont("Helvetica-Bold", 16)
    c.drawRightString(WIDTH - 18 * mm, HEIGHT - 27 * mm, "RELEVÉ DE COMPTE")
    c.setFillColor(INK)
    c.setFont("Helvetica", 9.5)
    c.drawRightString(WIDTH - 18 * mm, HEIGHT - 35 * mm, f"au {fr_day(until)} — code client CL-0142")
    customer_block(c, HEIGHT - 68 * mm)

    rows: list[list[object]] = [[para(f"<b>{h}</b>", CELL_RIGHT if i > 2 else CELL)
                                 for i, h in enumerate(("Date", "Pièce", "Libellé", "Débit", "Crédit", "Solde"))]]
    running = 0
    for day, document, label, debit, credit in statement(until):
        running += debit - credit
        rows.append([para(fr_day(day), CELL), para(document, CELL), para(label, CELL),
                     para(euros(debit) if debit else "", CELL_RIGHT),
                     para(euros(credit) if credit else "", CELL_RIGHT),
                     para(euros(running), CELL_RIGHT)])
    table = Table(rows, colWidths=[22 * mm, 21 * mm, 65 * mm, 22 * mm, 22 * mm, 22 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "Helvetica", 10),  # named, not reportlab's default cell font
        ("BACKGROUND", (0, 0), (-1, 0), PALE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#D8D2F2")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    y = flow(c, 18 * mm, HEIGHT - 100 * mm, 174 * mm, [table])
    c.setFillColor(PURPLE)
    c.rect(120 * mm, y - 10.5 * mm, 72 * mm, 8 * mm, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 10.5)
    c.drawString(123 * mm, y - 8 * mm, "Solde dû")
    c.drawRightString(189 * mm, y - 8 * mm, euros(running))
    flow(c, 18 * mm, y - 22 * mm, 174 * mm, [para(
        "Sauf erreur ou omission de notre part. Les accès techniques (administration, hébergement, DNS) "
        "sont remis après règlement intégral du solde.", BODY)])
    pixelune_footer(c)
    c.showPage()
    c.save()
    return finish(buffer.getvalue(), Meta(
        title="Relevé de compte client CL-0142", author="Pixelune SAS", creator="Pixelune Facturation",
        created=datetime.combine(until, time(16, 58, 3))))
