"""Longer documents: the signed contract, the formal notice and the bailiff's report.

Each page's content is laid out by hand (no automatic page breaks) because the case cites
their pages: the notice's demands must stay on page 2, the bailiff's findings on pages 2 to 4.
"""

from __future__ import annotations

import io
import random
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

from dossier_app.domain.money import NBSP

from .documents import HEIGHT, WIDTH, Meta, finish, flow, new_canvas, para, spaced
from .story import (
    CONTRACT_REF,
    DOMAIN,
    MAILBOX_SLA,
    MONTHLY_HOSTING,
    NOTICE_TRACKING,
    QUOTE,
    QUOTE_DECLINED,
    REDESIGN,
    REVERSIBILITY_CAP,
    REVERSIBILITY_PER_DAY,
    SHOP,
    THEM,
    UNDISPUTED_DUE,
    US,
    VAT_PERCENT,
    euros,
    printed_tracking,
    round_euros,
)

SERIF = ParagraphStyle("serif", fontName="Times-Roman", fontSize=11, leading=14.5, alignment=TA_JUSTIFY)
SERIF_SMALL = ParagraphStyle("serif_small", parent=SERIF, fontSize=10, leading=13)
HEADING = ParagraphStyle("heading", parent=SERIF, fontName="Times-Bold", spaceBefore=4)
CENTRED = ParagraphStyle("centred", parent=SERIF, alignment=TA_CENTER)
INK = colors.HexColor("#1A1A1A")
BLUE_INK = colors.HexColor("#1B2F7A")


def signature(c: Canvas, x: float, y: float, seed: int, width: float = 38 * mm) -> None:
    """A hand-made scribble: a few joined curves in ballpoint blue, the same for the same seed."""
    rng = random.Random(seed)
    c.saveState()
    c.setStrokeColor(BLUE_INK)
    c.setLineWidth(0.9)
    c.setLineCap(1)
    path = c.beginPath()
    path.moveTo(x, y)
    px, py = x, y
    for _ in range(7):
        nx = px + width / 7
        ny = y + rng.uniform(-3, 6) * mm
        path.curveTo(px + rng.uniform(0, 6) * mm, py + rng.uniform(2, 9) * mm,
                     nx - rng.uniform(0, 6) * mm, ny - rng.uniform(2, 9) * mm, nx, ny)
        px, py = nx, ny
    path.curveTo(px + 4 * mm, py - 8 * mm, x - 2 * mm, y - 3 * mm, x + width * 0.3, y - 2 * mm)
    c.drawPath(path, stroke=1, fill=0)
    c.restoreState()


def page_foot(c: Canvas, text: str) -> None:
    c.setFont("Times-Italic", 8.5)
    c.setFillColor(colors.HexColor("#555555"))
    c.drawCentredString(WIDTH / 2, 12 * mm, text)
    c.setFillColor(INK)


def initials(c: Canvas, seed: int) -> None:
    """Both parties initial every page of a contract."""
    for i, who in enumerate(("JM", "CL")):
        x = WIDTH - (44 - 16 * i) * mm
        c.setFont("Times-Italic", 7)
        c.drawString(x, 24 * mm, who)
        signature(c, x, 18 * mm, seed + i, width=10 * mm)


# --- the contract --------------------------------------------------------------------------

def percent(text: str) -> str:
    """A percentage of the case file (``"99.5"``) as the contract prints it: ``99,5 %``."""
    return f"{text.replace('.', ',')}{NBSP}%"


def contract_pdf() -> bytes:
    """Three pages; the third, the quote, was scanned sideways and is turned by /Rotate."""
    buffer = io.BytesIO()
    c = new_canvas(buffer)
    c.setTitle(f"Contrat {CONTRACT_REF}")
    articles_1 = [
        ("Entre les soussignés",
         f"La société {THEM['name']} {THEM['legal_form']}, {THEM['address']}, RCS Laval "
         f"{spaced(THEM['siren'], (3, 3, 3))}, représentée par M. Julien Marchais, président, ci-après "
         f"« le Prestataire », et la société {US['name']} {US['legal_form']}, {US['address']}, RCS Laval "
         f"{spaced(US['siren'], (3, 3, 3))}, représentée par Mme Claire Lemoine, gérante, ci-après « le Client »."),
        ("Article 1 — Objet",
         f"Le Prestataire réalise la refonte du site internet du Client, {DOMAIN} (conception graphique, "
         "intégration, catalogue des réalisations, formulaire de demande de devis), puis en assure "
         "l'hébergement, la maintenance et la messagerie du domaine."),
        ("Article 2 — Documents contractuels",
         "Le présent contrat et son annexe 1 (devis D-2025-009 du 24 février 2025). Toute prestation qui n'y "
         "figure pas fait l'objet d'un devis préalable accepté par écrit par le Client."),
        ("Article 3 — Délais",
         "Le site est mis en ligne au plus tard le 15 mai 2025, sous réserve de la remise des textes et "
         "photographies par le Client avant le 4 avril 2025."),
        ("Article 4 — Prix",
         f"Refonte : {euros(REDESIGN)} HT, payables 30 % à la commande et 70 % à la livraison. Hébergement, "
         f"maintenance et messagerie : {euros(MONTHLY_HOSTING)} HT par mois, facturés par trimestre. "
         f"TVA au taux de {VAT_PERCENT} % en sus."),
        ("Article 5 — Paiement",
         "Les factures sont payables à 30 jours fin de mois à compter de leur date, par virement. Tout "
         "retard entraîne des pénalités au taux de refinancement de la BCE majoré de 10 points et "
         "l'indemnité forfaitaire de 40 € prévue par l'article L441-10 du Code de commerce."),
        ("Article 6 — Retard de livraison",
         "Tout retard de mise en ligne imputable au Prestataire donne lieu à une pénalité de 100 € HT par "
         "semaine, plafonnée à 5 % du prix de la refonte, imputée par avoir sur la facture de solde."),
        ("Article 7 — Maintenance",
         "Mises à jour de sécurité, sauvegarde quotidienne conservée trente jours, assistance par courriel "
         "et par téléphone les jours ouvrés, rétablissement du service dans les quatre heures ouvrées. "
         f"Disponibilité garantie de la messagerie : {percent(MAILBOX_SLA['availability'])} par mois ; en "
         f"dessous, avoir de {percent(MAILBOX_SLA['credits'][0]['percent'])} de la redevance du mois, "
         f"{percent(MAILBOX_SLA['credits'][1]['percent'])} en dessous de "
         f"{percent(MAILBOX_SLA['credits'][1]['below'])}."),
    ]
    articles_2 = [
        ("Article 8 — Durée et résiliation",
         "La maintenance est conclue pour douze mois, renouvelables tacitement. Chaque partie peut la "
         "résilier par lettre recommandée avec avis de réception, moyennant un préavis d'un mois."),
        ("Article 9 — Propriété et accès",
         f"Le Client est et demeure seul titulaire du nom de domaine {DOMAIN}, du site livré et de ses "
         "contenus. Le Prestataire lui remet, sur simple demande et au plus tard à la fin du contrat, "
         "l'ensemble des identifiants et codes d'accès (administration du site, hébergement, bureau "
         "d'enregistrement, zone DNS, messagerie) ainsi qu'une sauvegarde complète du site. Passé le délai "
         "fixé par une mise en demeure restée sans effet, il doit une pénalité de "
         f"{round_euros(REVERSIBILITY_PER_DAY)} par jour de retard, dans la limite de "
         f"{round_euros(REVERSIBILITY_CAP)}."),
        ("Article 10 — Litiges",
         "Le contrat est soumis au droit français. Tout litige relève du Tribunal de commerce de Laval."),
    ]
    for page, articles in enumerate((articles_1, articles_2)):
        top = HEIGHT - 25 * mm
        if page == 0:
            c.setFont("Times-Bold", 15)
            c.drawCentredString(WIDTH / 2, top, "CONTRAT DE PRESTATIONS DE SERVICES INTERNET")
            c.setFont("Times-Roman", 11)
            c.drawCentredString(WIDTH / 2, top - 7 * mm, f"Référence {CONTRACT_REF}")
            top -= 20 * mm
        items = []
        for heading, text in articles:
            items += [para(heading, HEADING), para(text, SERIF)]
        top = flow(c, 25 * mm, top, WIDTH - 50 * mm, items, gap=3)
        if page == 1:
            flow(c, 25 * mm, top - 6 * mm, WIDTH - 50 * mm, [para(
                "Fait à Laval, le 4 mars 2025, en deux exemplaires originaux.", SERIF)])
            for i, (who, role) in enumerate((("Pour Pixelune SAS", "Julien Marchais, président"),
                                              ("Pour Atelier Lemoine SARL", "Claire Lemoine, gérante"))):
                x = (28 + 85 * i) * mm
                c.setFont("Times-Roman", 10.5)
                c.drawString(x, top - 22 * mm, who)
                c.drawString(x, top - 27 * mm, role)
                c.setFont("Times-Italic", 10)
                c.setFillColor(BLUE_INK)
                c.drawString(x, top - 34 * mm, "Lu et approuvé")
                c.setFillColor(INK)
                signature(c, x + 4 * mm, top - 47 * mm, 11 + i)
        initials(c, 40 + page * 2)
        page_foot(c, f"Contrat {CONTRACT_REF} — page {page + 1}/3")
        c.showPage()
    _quote_page(c)
    c.save()
    return finish(buffer.getvalue(), Meta(
        title=f"Contrat {CONTRACT_REF} signé", author="Atelier Lemoine", creator="Canon iR-ADV C3530 (scan)",
        created=datetime(2025, 3, 5, 8, 12, 40)), rotate={2: 90})


def _quote_page(c: Canvas) -> None:
    # Drawn in a landscape frame turned a quarter left, as a sheet fed sideways into the scanner;
    # /Rotate 90 then shows it upright.
    c.saveState()
    c.translate(WIDTH, 0)
    c.rotate(90)
    wide, tall = HEIGHT, WIDTH
    c.setFont("Times-Bold", 14)
    c.drawString(22 * mm, tall - 22 * mm, "ANNEXE 1 — Devis D-2025-009 du 24 février 2025")
    c.setFont("Times-Roman", 10.5)
    c.drawString(22 * mm, tall - 29 * mm, f"Client : {US['name']} {US['legal_form']} — {US['address']} — "
                                          f"Prestataire : {THEM['name']} {THEM['legal_form']}")
    cell = ParagraphStyle("quote_cell", parent=SERIF_SMALL, alignment=0)
    rows: list[list[object]] = [["Poste", "Désignation", "Qté", "P.U. HT", "Total HT", "Retenu"]]
    for i, line in enumerate(QUOTE, start=1):
        rows.append([str(i), para(line.label, cell), str(line.quantity), euros(line.unit_excl_tax),
                     euros(line.quantity * line.unit_excl_tax), "oui"])
    rows.append([str(len(QUOTE) + 1), para("Hébergement, maintenance, sauvegardes et messagerie "
                                                 "(5 boîtes) — par mois", cell),
                 "1", euros(MONTHLY_HOSTING), euros(MONTHLY_HOSTING), "oui"])
    for i, line in enumerate(QUOTE_DECLINED, start=len(QUOTE) + 2):
        rows.append([str(i), para(f"Option : {line.label}", cell), str(line.quantity),
                     euros(line.unit_excl_tax), euros(line.quantity * line.unit_excl_tax), "NON"])
    rows.append(["", para(f"<b>Total refonte HT (postes 1 à {len(QUOTE)})</b>", cell), "", "", euros(REDESIGN), ""])
    table = Table(rows, colWidths=[16 * mm, 130 * mm, 14 * mm, 30 * mm, 30 * mm, 22 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "Times-Roman", 10),
        ("FONT", (0, 0), (-1, 0), "Times-Bold", 10),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")),
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    top = tall - 36 * mm
    bottom = flow(c, 22 * mm, top, wide - 44 * mm, [table])
    # The client's pen strikes out the options she turned down.
    heights = table._rowHeights
    c.setStrokeColor(BLUE_INK)
    c.setLineWidth(1.1)
    for row in range(len(QUOTE) + 2, len(QUOTE) + 2 + len(QUOTE_DECLINED)):
        y = top - sum(heights[:row]) - heights[row] / 2
        c.line(36 * mm, y - 1 * mm, 185 * mm, y + 1.2 * mm)
    c.setFont("Times-Roman", 10.5)
    c.setFillColor(INK)
    declined = [str(row) for row in range(len(QUOTE) + 2, len(QUOTE) + 2 + len(QUOTE_DECLINED))]
    c.drawString(22 * mm, bottom - 10 * mm,
                 f"Bon pour accord, sans les options {' et '.join(declined)}. Laval, le 4 mars 2025.")
    c.setFillColor(BLUE_INK)
    c.setFont("Times-Italic", 11)
    c.drawString(wide - 95 * mm, bottom - 10 * mm, "Bon pour accord — C. Lemoine")
    signature(c, wide - 90 * mm, bottom - 24 * mm, 77)
    c.restoreState()
    page_foot_rotated = "Contrat PXL-2025-017 — page 3/3"
    c.saveState()
    c.translate(WIDTH, 0)
    c.rotate(90)
    c.setFont("Times-Italic", 8.5)
    c.drawCentredString(HEIGHT / 2, 10 * mm, page_foot_rotated)
    c.restoreState()
    c.showPage()


# --- the formal notice ---------------------------------------------------------------------

def _lemoine_letterhead(c: Canvas) -> None:
    c.setFillColor(colors.HexColor("#5A3A1E"))
    c.setFont("Times-Bold", 18)
    c.drawString(25 * mm, HEIGHT - 25 * mm, "ATELIER LEMOINE")
    c.setFont("Times-Italic", 10.5)
    c.drawString(25 * mm, HEIGHT - 30.5 * mm, "Ébénisterie · agencement sur mesure · depuis 1987")
    c.setFillColor(INK)
    c.setFont("Times-Roman", 9.5)
    for i, text in enumerate([US["address"], "02 61 91 00 58 · contact@" + DOMAIN,
                              f"SARL au capital de 8 000 € · RCS Laval {spaced(US['siren'], (3, 3, 3))}"]):
        c.drawString(25 * mm, HEIGHT - (37 + 4.5 * i) * mm, text)
    c.setStrokeColor(colors.HexColor("#5A3A1E"))
    c.setLineWidth(0.6)
    c.line(25 * mm, HEIGHT - 52 * mm, WIDTH - 25 * mm, HEIGHT - 52 * mm)


def notice_pdf() -> bytes:
    """The formal notice: the facts on page 1, the demands and the offer on page 2."""
    buffer = io.BytesIO()
    c = new_canvas(buffer)
    c.setTitle("Mise en demeure")
    _lemoine_letterhead(c)
    c.setFont("Times-Roman", 11)
    lines = [f"{THEM['name']} {THEM['legal_form']}", "À l'attention de M. Julien Marchais, président",
             *THEM["address"].split(", ")]
    for i, text in enumerate(lines):
        c.drawString(112 * mm, HEIGHT - (64 + 5.2 * i) * mm, text)
    c.drawString(112 * mm, HEIGHT - 94 * mm, "Laval, le 4 septembre 2025")
    tracking = printed_tracking(NOTICE_TRACKING)
    head = [
        para(f"<b>Lettre recommandée avec demande d'avis de réception n° {tracking}</b>", SERIF),
        para(f"<b>Objet : mise en demeure de restituer les accès au site {DOMAIN}, au nom de domaine "
             "et à la messagerie</b>", SERIF),
        para("Monsieur,", SERIF),
        para(f"Par contrat du 4 mars 2025 (réf. {CONTRACT_REF}), nous vous avons confié la refonte de "
             "notre site internet, son hébergement, sa maintenance et notre messagerie. L'article 9 de ce "
             f"contrat stipule que nous sommes seuls titulaires du nom de domaine {DOMAIN}, du site et de "
             "ses contenus, et que vous nous remettez sur simple demande l'ensemble des identifiants et "
             "codes d'accès.", SERIF),
        para("Le 25 août 2025, nous avons constaté que le mot de passe du compte administrateur du site "
             "avait été modifié sans notre accord. Notre demande de restitution des accès, adressée par "
             "courriel le 26 août, est restée sans suite, et vous nous avez indiqué par téléphone le "
             "1er septembre que vous ne nous les rendriez qu'après le paiement de toutes vos factures.",
             SERIF),
        para(f"Nous contestons la facture {SHOP.number} du 16 juin 2025 ({euros(SHOP.incl_tax)} TTC), "
             "qui porte sur un module de boutique en ligne que nous n'avons jamais commandé : il figurait "
             "en option, non retenue, au devis annexé au contrat. Nous avons en revanche réglé "
             "3 000,00 € sur le solde de la refonte le 15 juillet, et nous ne contestons ni le reste de "
             "ce solde ni la maintenance du troisième trimestre.", SERIF),
    ]
    flow(c, 25 * mm, HEIGHT - 104 * mm, WIDTH - 50 * mm, head, gap=7)
    page_foot(c, "1/2")
    c.showPage()

    demands = [
        "les identifiants du compte administrateur du site (WordPress) ;",
        "les accès à l'hébergement : espace client, SFTP et base de données ;",
        f"l'accès au compte du bureau d'enregistrement du domaine {DOMAIN} et à sa zone DNS, ou à défaut "
        "le code de transfert (AUTH-INFO) du domaine ;",
        "les accès d'administration de la messagerie du domaine ;",
        "une sauvegarde complète et récente du site (fichiers et base de données).",
    ]
    body = [para("En conséquence, nous vous mettons en demeure de nous remettre, <b>dans un délai de "
                 "huit jours à compter de la réception de la présente</b> :", SERIF)]
    body += [para(f"{i}. {text}", ParagraphStyle(f"item{i}", parent=SERIF, leftIndent=8 * mm))
             for i, text in enumerate(demands, start=1)]
    body += [
        para(f"Nous vous proposons de régler le solde non contesté, soit <b>{euros(UNDISPUTED_DUE)} "
             "TTC</b> (le reste de la facture F-2025-074 après avoir et acompte, et la facture "
             "F-2025-101), le jour même de la remise de ces accès.", SERIF),
        para("À défaut, nous saisirons sans autre avis le juge des référés du Tribunal de commerce de "
             "Laval afin d'obtenir, sous astreinte, la restitution de ces accès, et nous réservons tous "
             "nos droits quant au préjudice subi.", SERIF),
        para("Nous vous prions d'agréer, Monsieur, l'expression de nos salutations distinguées.", SERIF),
    ]
    top = flow(c, 25 * mm, HEIGHT - 30 * mm, WIDTH - 50 * mm, body, gap=7)
    c.setFont("Times-Roman", 11)
    c.drawString(120 * mm, top - 8 * mm, "Claire Lemoine")
    c.drawString(120 * mm, top - 13 * mm, "Gérante")
    signature(c, 122 * mm, top - 28 * mm, 5)
    c.setFont("Times-Italic", 9.5)
    c.drawString(25 * mm, 30 * mm, "Copie : Maître Hélène Guérin, avocate au barreau de Laval")
    page_foot(c, "2/2")
    c.showPage()
    c.save()
    return finish(buffer.getvalue(), Meta(
        title="Mise en demeure — restitution des accès", author="Claire Lemoine",
        creator="LibreOffice Writer", created=datetime(2025, 9, 4, 10, 17, 5)))
