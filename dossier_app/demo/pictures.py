"""Images of the demo: a phone photo of a registered-letter receipt and a webmail screenshot.

Everything random comes from seeded generators and the fonts are the Bitstream Vera files that
ship inside reportlab, so the bytes are the same on every run and every machine with the same
Pillow. The photo carries the EXIF date a phone would write, which importers read.
"""

from __future__ import annotations

import io
import math
import random
from pathlib import Path

import reportlab
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from .story import DOMAIN, NOTICE_TRACKING, THEM, US, printed_tracking

FONTS = Path(reportlab.__file__).parent / "fonts"
EXIF_IFD = 0x8769


def font(size: int, style: str = "") -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / f"Vera{style}.ttf"), size)


# --- the receipt ---------------------------------------------------------------------------

PAPER = (246, 226, 221)
PRINT = (70, 45, 60)
PEN = (28, 45, 125)


def _barcode(draw: ImageDraw.ImageDraw, x: int, y: int, height: int, seed: str) -> None:
    rng = random.Random(seed)
    while x < 520:
        width = rng.choice((2, 2, 3, 4, 6))
        draw.rectangle((x, y, x + width - 1, y + height), fill=(25, 20, 25))
        x += width + rng.choice((2, 3, 4, 5))


def _scribble(draw: ImageDraw.ImageDraw, x: int, y: int, seed: int, width: int = 260) -> None:
    """A signature: a run of cursive loops of uneven height, then a flourish underneath."""
    rng = random.Random(seed)
    loops = 7
    heights = [rng.uniform(12, 34) for _ in range(loops + 1)]
    points = []
    for step in range(loops * 24 + 1):
        t = step / 24
        k = min(int(t), loops)
        points.append((x + t * width / loops + 14 * math.cos(2 * math.pi * t + 1.2),
                       y - heights[k] * math.sin(2 * math.pi * t) - 4 * t))
    draw.line(points, fill=PEN, width=3, joint="curve")
    draw.line([(x - 8, y + 30), (x + width * 0.5, y + 22), (x + width * 1.05, y + 10)], fill=PEN, width=3,
              joint="curve")


def _card() -> Image.Image:
    """The avis de réception as La Poste prints it and as the recipient filled it in."""
    card = Image.new("RGB", (1240, 860), PAPER)
    d = ImageDraw.Draw(card)
    d.rounded_rectangle((36, 30, 250, 96), 12, fill=(255, 205, 0))
    d.text((58, 46), "LA POSTE", font=font(34, "Bd"), fill=(0, 40, 110))
    d.text((300, 34), "AVIS DE RÉCEPTION", font=font(46, "Bd"), fill=PRINT)
    d.text((302, 92), "Lettre recommandée — à retourner à l'expéditeur", font=font(22), fill=PRINT)
    d.line((36, 130, 1204, 130), fill=PRINT, width=3)

    _barcode(d, 60, 150, 90, NOTICE_TRACKING)
    d.text((64, 250), printed_tracking(NOTICE_TRACKING), font=font(30, "Bd"), fill=(25, 20, 25))

    d.rectangle((600, 150, 1204, 300), outline=PRINT, width=2)
    d.text((616, 160), "Destinataire", font=font(20), fill=PRINT)
    lines = [f"{THEM['name'].upper()} {THEM['legal_form']}", *THEM["address"].upper().split(", ")]
    for i, text in enumerate(lines):
        d.text((630, 192 + 34 * i), text, font=font(27), fill=(30, 30, 30))

    d.rectangle((36, 320, 590, 560), outline=PRINT, width=2)
    d.text((52, 332), "Présenté / Avisé le", font=font(22), fill=PRINT)
    d.text((52, 446), "Distribué le", font=font(22), fill=PRINT)
    d.text((300, 370), "05 / 09 / 25", font=font(38, "It"), fill=PEN)
    d.text((300, 484), "08 / 09 / 25", font=font(38, "It"), fill=PEN)

    d.rectangle((600, 320, 1204, 560), outline=PRINT, width=2)
    d.text((616, 332), "Signature du destinataire ou de son mandataire", font=font(20), fill=PRINT)
    _scribble(d, 700, 450, 908)
    d.text((616, 520), "Nom : ", font=font(20), fill=PRINT)
    d.text((690, 510), "J. MARCHAIS", font=font(30, "It"), fill=PEN)

    d.rectangle((36, 580, 1204, 800), outline=PRINT, width=2)
    d.text((52, 592), "Expéditeur — adresse de retour de l'avis", font=font(20), fill=PRINT)
    street, town = US["address"].upper().split(", ")
    for i, text in enumerate([f"{US['name'].upper()} {US['legal_form']}", street, town]):
        d.text((70, 630 + 38 * i), text, font=font(29, "Bd"), fill=(30, 30, 30))
    d.text((40, 818), "Réf. 0031 — ne pas plier", font=font(17), fill=PRINT)

    # The post office's round date stamp, inked unevenly across the sender's box.
    stamp = Image.new("L", (300, 300), 0)
    s = ImageDraw.Draw(stamp)
    s.ellipse((10, 10, 290, 290), outline=255, width=7)
    s.ellipse((40, 40, 260, 260), outline=255, width=4)
    s.text((150, 80), "LAVAL PPDC", font=font(30, "Bd"), fill=255, anchor="mm")
    s.text((150, 150), "08-09 25", font=font(44, "Bd"), fill=255, anchor="mm")
    s.text((150, 215), "53", font=font(30, "Bd"), fill=255, anchor="mm")
    stamp = stamp.rotate(17, resample=Image.Resampling.BICUBIC)
    blotch = Image.frombytes("L", (300, 300), random.Random(53).randbytes(300 * 300))
    blotch = blotch.filter(ImageFilter.GaussianBlur(3)).point(lambda v: 255 if v > 118 else 90)
    stamp = ImageChops.multiply(stamp, blotch)
    card.paste((92, 60, 140), (860, 540), stamp)
    return card


def _table(size: tuple[int, int]) -> Image.Image:
    """A light oak desk: streaks of grain, softened."""
    rng = random.Random(1987)
    table = Image.new("RGB", size, (176, 132, 92))
    d = ImageDraw.Draw(table)
    for _ in range(260):
        y = rng.uniform(-40, size[1] + 40)
        shade = rng.randint(-26, 18)
        colour = (176 + shade, 132 + shade, 92 + shade // 2)
        points = [(x, y + 9 * ((x / 210 + y / 97) % 1.0)) for x in range(0, size[0] + 80, 80)]
        d.line(points, fill=colour, width=rng.randint(2, 7))
    return table.filter(ImageFilter.GaussianBlur(2.2))


def _light(size: tuple[int, int]) -> Image.Image:
    """The desk lamp: brighter at the top left, falling off towards the bottom right."""
    small = Image.new("L", (4, 3))
    small.putdata([255, 246, 228, 214, 244, 232, 214, 198, 226, 212, 196, 178])
    return small.resize(size, Image.Resampling.BICUBIC).convert("RGB")


def receipt_photo() -> bytes:
    """A JPEG as a phone takes it: the card a little askew on a desk, with shadow, light and grain."""
    size = (1600, 1200)
    photo = _table(size)
    card = _card()
    angle = -3.4
    mask = Image.new("L", card.size, 255).rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    card = card.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    at = ((size[0] - card.width) // 2 + 10, (size[1] - card.height) // 2 + 24)
    shadow = Image.new("L", size, 0)
    shadow.paste(mask, (at[0] + 14, at[1] + 20))
    shadow = shadow.filter(ImageFilter.GaussianBlur(16)).point(lambda v: v * 0.55)
    photo.paste((40, 28, 18), (0, 0), shadow)
    photo.paste(card, at, mask)
    photo = ImageChops.multiply(photo, _light(size))
    grain = Image.frombytes("L", size, random.Random(2025).randbytes(size[0] * size[1]))
    grain = grain.point(lambda v: 128 + (v - 128) // 9).convert("RGB")
    photo = ImageChops.overlay(photo, grain).filter(ImageFilter.GaussianBlur(0.7))

    exif = Image.Exif()
    exif[0x010F] = "samsung"
    exif[0x0110] = "SM-A546B"
    exif[0x0112] = 1
    exif[0x0132] = "2025:09:10 18:42:13"
    sub = exif.get_ifd(EXIF_IFD)
    sub[0x9003] = "2025:09:10 18:42:13"  # DateTimeOriginal
    sub[0x9004] = "2025:09:10 18:42:13"  # DateTimeDigitized
    sub[0x9011] = "+02:00"  # OffsetTimeOriginal
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=84, exif=exif, optimize=False)
    return out.getvalue()


# --- the screenshot ------------------------------------------------------------------------

def webmail_screenshot() -> bytes:
    """The webmail login refusing the atelier's mailbox, as captured on 2 October 2025."""
    w, h = 1366, 768
    shot = Image.new("RGB", (w, h), (236, 238, 242))
    d = ImageDraw.Draw(shot)
    # Browser chrome: tab strip, address bar.
    d.rectangle((0, 0, w, 40), fill=(222, 225, 230))
    d.rounded_rectangle((10, 6, 330, 46), 9, fill=(255, 255, 255))
    d.rounded_rectangle((22, 16, 38, 32), 4, fill=(75, 45, 179))
    d.text((48, 15), "Webmail Pixelune — Connexion", font=font(14), fill=(40, 40, 40))
    d.text((308, 14), "×", font=font(15), fill=(90, 90, 90))
    d.rectangle((0, 40, w, 84), fill=(255, 255, 255))
    grey = (95, 99, 104)
    # Vera has no arrow glyphs: back, forward and reload are drawn.
    for x, sign in ((22, 1), (56, -1)):
        d.line((x, 62, x + 16, 62), fill=grey, width=2)
        d.line((x + 8 - 8 * sign, 62, x + 8 - 2 * sign, 56), fill=grey, width=2)
        d.line((x + 8 - 8 * sign, 62, x + 8 - 2 * sign, 68), fill=grey, width=2)
    d.arc((92, 54, 108, 70), 300, 240, fill=grey, width=2)
    d.polygon(((104, 51), (110, 58), (102, 59)), fill=grey)
    d.rounded_rectangle((126, 48, w - 70, 76), 14, fill=(241, 243, 244))
    d.rectangle((144, 59, 154, 68), fill=(95, 99, 104))
    d.arc((145, 52, 153, 62), 180, 360, fill=(95, 99, 104), width=2)
    d.text((166, 53), "https://webmail.pixelune-hosting.fr/?_task=login&_err=suspended", font=font(15),
           fill=(32, 33, 36))
    d.line((0, 84, w, 84), fill=(210, 212, 216))

    # The login card with its error.
    box = (w // 2 - 230, 130, w // 2 + 230, 640)
    d.rounded_rectangle((box[0] + 4, box[1] + 6, box[2] + 4, box[3] + 6), 12, fill=(214, 217, 224))
    d.rounded_rectangle(box, 12, fill=(255, 255, 255))
    x0 = box[0] + 40
    d.rounded_rectangle((x0, 168, x0 + 42, 210), 9, fill=(75, 45, 179))
    d.text((x0 + 21, 189), "px", font=font(20, "Bd"), fill=(255, 255, 255), anchor="mm")
    d.text((x0 + 56, 170), "pixelune mail", font=font(24, "Bd"), fill=(33, 33, 33))
    d.text((x0 + 57, 199), "Messagerie professionnelle", font=font(13), fill=(110, 110, 110))

    d.rounded_rectangle((x0, 240, box[2] - 40, 330), 6, fill=(253, 236, 234), outline=(229, 115, 115))
    d.text((x0 + 16, 252), "Connexion impossible", font=font(16, "Bd"), fill=(183, 28, 28))
    d.text((x0 + 16, 278), "Ce compte a été suspendu par l'administrateur", font=font(14), fill=(120, 30, 30))
    d.text((x0 + 16, 298), "du domaine. (ACCOUNT_DISABLED)", font=font(14), fill=(120, 30, 30))

    for i, (label, value) in enumerate((("Adresse e-mail", f"contact@{DOMAIN}"),
                                        ("Mot de passe", "•" * 12))):
        y = 352 + 82 * i
        d.text((x0, y), label, font=font(14), fill=(70, 70, 70))
        d.rounded_rectangle((x0, y + 24, box[2] - 40, y + 64), 6, fill=(250, 250, 250),
                            outline=(229, 115, 115) if i else (200, 200, 200), width=2 if i else 1)
        d.text((x0 + 14, y + 35), value, font=font(16), fill=(33, 33, 33))
    d.rounded_rectangle((x0, 530, box[2] - 40, 574), 6, fill=(75, 45, 179))
    d.text(((box[0] + box[2]) // 2, 552), "Se connecter", font=font(17, "Bd"), fill=(255, 255, 255), anchor="mm")
    d.text(((box[0] + box[2]) // 2, 606), "Mot de passe oublié ?", font=font(13), fill=(75, 45, 179), anchor="mm")
    d.text((w // 2, 668), "Webmail Pixelune · hébergé à Laval · support@pixelune.fr", font=font(12),
           fill=(130, 130, 130), anchor="mm")

    # The taskbar, whose clock dates the capture.
    d.rectangle((0, h - 40, w, h), fill=(32, 36, 44))
    for i in range(5):
        d.rounded_rectangle((14 + 46 * i, h - 32, 46 + 46 * i, h - 8), 5, fill=(70, 78, 92))
    d.text((w - 16, h - 29), "08:14", font=font(13), fill=(235, 235, 235), anchor="ra")
    d.text((w - 16, h - 14), "02/10/2025", font=font(12), fill=(235, 235, 235), anchor="ra")
    out = io.BytesIO()
    shot.save(out, "PNG", optimize=False)
    return out.getvalue()
