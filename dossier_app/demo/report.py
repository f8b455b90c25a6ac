"""The bailiff's report (procès-verbal de constat), four pages in the usual legal style.

The case cites its pages: the suspended site on page 2, the refused password on page 3, the
mailbox on pages 3 and 4. Keep each finding on its page when editing the text.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from .documents import HEIGHT, WIDTH, Meta, finish, flow, new_canvas, para, spaced
from .letters import HEADING, SERIF, signature
from .story import DOMAIN, US

LEFT = 32 * mm
TEXT_WIDTH = WIDTH - LEFT - 22 * mm
PAGES = 4
OFFICE = "SELARL ROUXEL & ASSOCIÉS"
QUOTED = ParagraphStyle("quoted", parent=SERIF, fontName="Times-Italic", leftIndent=10 * mm, rightIndent=10 * mm)


class Screen(Flowable):  # type: ignore[misc]  # reportlab ships no types: Flowable is Any
    """A browser window as the bailiff printed it into the report: address bar and a message."""

    def __init__(self, url: str, lines: list[tuple[str, str, float]], height: float = 62 * mm) -> None:
        super().__init__()
        self.url, self.lines, self.box_height = url, lines, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.box_width = min(available_width, 140 * mm)
        return self.box_width, self.box_height

    def draw(self) -> None:
        c: Canvas = self.canv
        w, h = self.box_width, self.box_height
        left = (TEXT_WIDTH - w) / 2
        c.setStrokeColor(colors.HexColor("#888888"))
        c.setFillColor(colors.HexColor("#F4F4F4"))
        c.rect(left, 0, w, h, stroke=1, fill=1)
        c.setFillColor(colors.HexColor("#DADADA"))
        c.rect(left, h - 9 * mm, w, 9 * mm, stroke=1, fill=1)
        c.setFillColor(colors.white)
        c.roundRect(left + 16 * mm, h - 7.2 * mm, w - 22 * mm, 5.4 * mm, 2 * mm, stroke=0, fill=1)
        for i, shade in enumerate(("#E05A4F", "#E8B84A", "#6BBE5A")):
            c.setFillColor(colors.HexColor(shade))
            c.circle(left + (4 + 3.6 * i) * mm, h - 4.5 * mm, 1.1 * mm, stroke=0, fill=1)
        c.setFillColor(colors.HexColor("#333333"))
        c.setFont("Helvetica", 7.5)
        c.drawString(left + 19 * mm, h - 5.4 * mm, self.url)
        y = h - 22 * mm
        for text, font, size in self.lines:
            c.setFont(font, size)
            c.setFillColor(colors.HexColor("#C62828") if font.endswith("Bold") and size < 12
                           else colors.HexColor("#333333"))
            c.drawCentredString(left + w / 2, y, text)
            y -= size * 1.7
        c.setFillColor(colors.black)


def _stamp(c: Canvas, x: float, y: float) -> None:
    """The office's round rubber stamp, in violet ink."""
    c.saveState()
    c.setStrokeColor(colors.Color(0.36, 0.2, 0.62, alpha=0.85))
    c.setFillColor(colors.Color(0.36, 0.2, 0.62, alpha=0.85))
    c.setLineWidth(1.2)
    c.circle(x, y, 17 * mm, stroke=1, fill=0)
    c.circle(x, y, 12.5 * mm, stroke=1, fill=0)
    c.setFont("Helvetica-Bold", 6.5)
    text = f"{OFFICE} · COMMISSAIRES DE JUSTICE · "
    step = 360 / len(text)
    for i, char in enumerate(text):
        c.saveState()
        c.translate(x, y)
        c.rotate(90 - i * step)
        c.drawCentredString(0, 13.8 * mm, char)
        c.restoreState()
    c.setFont("Helvetica-Bold", 9)
    c.drawCentredString(x, y + 1 * mm, "LAVAL")
    c.setFont("Helvetica", 6)
    c.drawCentredString(x, y - 3 * mm, "Mayenne")
    c.restoreState()


def _frame(c: Canvas, page: int) -> None:
    c.setStrokeColor(colors.HexColor("#999999"))
    c.setLineWidth(0.5)
    c.line(LEFT - 5 * mm, 20 * mm, LEFT - 5 * mm, HEIGHT - 18 * mm)
    c.setFont("Times-Roman", 8)
    c.setFillColor(colors.HexColor("#444444"))
    c.drawString(LEFT, HEIGHT - 13 * mm, f"{OFFICE} — Commissaires de justice associés — 11 rue du Britais, "
                                         "53000 Laval")
    c.drawCentredString(WIDTH / 2, 12 * mm, f"Constat du 14 octobre 2025 — SARL {US['name']} — page {page}/{PAGES}")
    c.setFillColor(colors.black)


def report_pdf() -> bytes:
    buffer = io.BytesIO()
    c = new_canvas(buffer)
    c.setTitle("Procès-verbal de constat")
    for number, items in enumerate(_pages(), start=1):
        _frame(c, number)
        top = flow(c, LEFT, HEIGHT - 24 * mm, TEXT_WIDTH, items, gap=6)
        if number == PAGES:
            signature(c, WIDTH - 80 * mm, top - 18 * mm, 1410, width=42 * mm)
            _stamp(c, WIDTH - 120 * mm, top - 14 * mm)
        c.showPage()
    c.save()
    return finish(buffer.getvalue(), Meta(
        title="PV de constat — Atelier Lemoine — 14/10/2025", author="Me Sophie Rouxel",
        creator="Microsoft Word", created=datetime(2025, 10, 14, 17, 32, 10)))


def _pages() -> list[list[Flowable]]:
    siren = spaced(US["siren"], (3, 3, 3))
    title = ParagraphStyle("title", parent=HEADING, fontSize=16, leading=20, alignment=1)
    page_1: list[Flowable] = [
        para("PROCÈS-VERBAL DE CONSTAT", title),
        para("<b>L'AN DEUX MILLE VINGT-CINQ ET LE QUATORZE OCTOBRE, à 9 heures 30</b>", SERIF),
        para("<b>À LA DEMANDE DE :</b>", SERIF),
        para(f"La SARL ATELIER LEMOINE, au capital de 8 000 €, immatriculée au RCS de Laval sous le "
             f"numéro {siren}, dont le siège est {US['address']}, agissant poursuites et diligences de sa "
             "gérante, Madame Claire Lemoine, ayant pour avocat Maître Hélène Guérin, avocate au barreau "
             "de Laval.", SERIF),
        para("<b>LAQUELLE M'EXPOSE :</b>", SERIF),
        para(f"Qu'elle a confié à la SAS Pixelune la refonte, l'hébergement et la maintenance de son site "
             f"internet {DOMAIN} ainsi que sa messagerie ; qu'à la suite d'un différend portant sur des "
             "factures, la société Pixelune a modifié le mot de passe d'administration du site, coupé la "
             "messagerie, et que le site n'affiche plus qu'une page de suspension ; qu'elle a intérêt à "
             "faire constater ces faits.", SERIF),
        para("<b>DÉFÉRANT À CETTE RÉQUISITION :</b>", SERIF),
        para("Je, Sophie ROUXEL, commissaire de justice associée au sein de la SELARL Rouxel &amp; "
             "Associés, titulaire d'un office à la résidence de Laval, soussignée, me suis transportée ce "
             "jour au siège de la requérante où, en présence de Madame Claire Lemoine, j'ai procédé aux "
             "constatations suivantes.", SERIF),
        para("<b>VÉRIFICATIONS PRÉALABLES</b>", SERIF),
        para("J'utilise l'ordinateur portable de la requérante, relié à internet par la box de l'atelier. "
             "Je constate l'absence de serveur mandataire (proxy) dans les réglages du système. J'efface "
             "l'historique, les cookies et le cache du navigateur Mozilla Firefox. L'heure du système est "
             "conforme à celle de l'horloge parlante.", SERIF),
    ]
    page_2: list[Flowable] = [
        para("<b>1. LE SITE INTERNET</b>", SERIF),
        para(f"À 9 h 41, je saisis dans la barre d'adresse : https://{DOMAIN}. La page qui s'affiche est "
             "reproduite ci-dessous :", SERIF),
        Screen(f"https://{DOMAIN}/", [
            ("Ce site est suspendu.", "Helvetica-Bold", 15),
            ("Contactez votre prestataire :", "Helvetica", 10),
            ("Pixelune — bonjour@pixelune.fr — 02 61 91 00 17", "Helvetica", 10),
        ]),
        para("Je constate que cette page ne comporte aucun contenu de la requérante : ni son nom, ni ses "
             f"réalisations, ni ses coordonnées. J'obtiens le même résultat avec l'adresse https://www.{DOMAIN} "
             "et depuis le réseau mobile de mon téléphone professionnel.", SERIF),
        para(f"Je consulte ensuite la base publique de l'AFNIC pour le domaine {DOMAIN} : le titulaire "
             "déclaré est la SARL Atelier Lemoine ; les serveurs de noms sont ns1.pixelune-hosting.fr et "
             "ns2.pixelune-hosting.fr, gérés par la société Pixelune.", SERIF),
    ]
    page_3: list[Flowable] = [
        para("<b>2. L'ADMINISTRATION DU SITE</b>", SERIF),
        para(f"À 9 h 52, je me rends à l'adresse https://{DOMAIN}/wp-admin. Madame Lemoine saisit devant "
             "moi l'identifiant « claire.lemoine » et le mot de passe qu'elle déclare être le sien. Le "
             "message suivant s'affiche :", SERIF),
        Screen(f"https://{DOMAIN}/wp-login.php", [
            ("Erreur : le mot de passe que vous avez saisi pour", "Helvetica-Bold", 9.5),
            ("l'identifiant claire.lemoine est incorrect.", "Helvetica-Bold", 9.5),
            ("Mot de passe oublié ?", "Helvetica", 9),
        ], height=40 * mm),
        para("Je clique sur le lien « Mot de passe oublié ? ». Le site indique que le lien de "
             "réinitialisation a été envoyé à l'adresse associée au compte, qu'il affiche sous la forme "
             "« j*****@pixelune.fr ».", SERIF),
        para("<b>3. LA MESSAGERIE</b>", SERIF),
        para(f"À 10 h 05, je me rends à l'adresse https://webmail.pixelune-hosting.fr. Madame Lemoine "
             f"saisit l'identifiant contact@{DOMAIN} et son mot de passe. Le message suivant s'affiche :",
             SERIF),
        para("« Connexion impossible : ce compte a été suspendu par l'administrateur du domaine. »", QUOTED),
    ]
    costs = Table([
        ["Émolument (art. A444-18 du Code de commerce)", "220,94 €"],
        ["Frais de déplacement", "7,67 €"],
        ["Total hors taxes", "228,61 €"],
        ["TVA 20 %", "45,72 €"],
        ["Total TTC", "274,33 €"],
    ], colWidths=[80 * mm, 25 * mm])
    costs.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "Times-Roman", 9.5),
        ("FONT", (0, -1), (-1, -1), "Times-Bold", 9.5),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    page_4: list[Flowable] = [
        para(f"À 10 h 12, j'adresse depuis ma messagerie professionnelle un courriel intitulé « Test "
             f"constat 14/10/2025 » à l'adresse contact@{DOMAIN}. À 10 h 13, je reçois en retour un message "
             "« Undelivered Mail Returned to Sender », dont j'extrais le passage suivant :", SERIF),
        para(f"&lt;contact@{DOMAIN}&gt;: host mx1.pixelune-hosting.fr said: 550 5.2.1 Mailbox disabled, "
             "not accepting messages", QUOTED),
        para("Madame Lemoine me déclare que ses clients reçoivent le même message depuis le 2 octobre 2025 "
             "et me présente trois courriels de clients, transmis par SMS, qui en font état.", SERIF),
        para("Mes constatations terminées à 10 heures 40, je me suis retirée, et de tout ce que dessus j'ai "
             f"dressé le présent procès-verbal de constat, comportant {PAGES} pages, pour servir et valoir ce "
             "que de droit.", SERIF),
        para("<b>COÛT DE L'ACTE</b>", SERIF),
        costs,
        para("Sophie ROUXEL, commissaire de justice associée", ParagraphStyle(
            "signed", parent=SERIF, leftIndent=TEXT_WIDTH - 85 * mm)),
    ]
    return [page_1, page_2, page_3, page_4]
