"""Stamping exhibit pages as a cheap overlay: the page's own content is never rewritten.

Each page gets one small Form XObject (the "Pièce n° N — p. x/y" box at the top right and the
"N / total" box at the foot, drawn as the reader sees the page) and two entries in its
/Contents array: a shared ``q`` before the original streams, and ``Q`` plus the call of the
stamp after them.  Parsing or re-encoding the original content streams is what doubled the
time of a first version; this costs a few hundred bytes per page whatever the page holds.
"""

from __future__ import annotations

from io import BytesIO

import pikepdf
from pikepdf import Array, Dictionary, Name
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .fonts import SANS, register_fonts

FONT_SIZE = 8.0
FOOT_SIZE = 7.5
PAD = 3.5
EDGE = 8.0
TINY = 100.0  # points: below this either way, a page gets an invisible stamp (see ``Stamper.drawing``)
# Every character a stamp may need, drawn once so that the embedded subset holds them all.
ALPHABET = "Pièce n°0123456789 — p./ Exhibit No.PiècesTome"


def _number(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# What every stamp draws alike, written out once (a stamp is drawn on each of ~10 000 pages).
LABEL_H = FONT_SIZE + 2 * PAD - 1
FOOT_H = FOOT_SIZE + 2 * PAD - 2
_LABEL_Y = f"{_number(-EDGE - LABEL_H)} "
_LABEL_H = f" {_number(LABEL_H)} re B\n0 g BT /F1 {_number(FONT_SIZE)} Tf "
_LABEL_TEXT_Y = f" {_number(-EDGE - LABEL_H + PAD + 0.5)} Td <"
_FOOT_Y = f" {_number(EDGE / 2)} "
_FOOT_H = f" {_number(FOOT_H)} re f\n0 g BT /F1 {_number(FOOT_SIZE)} Tf "
_FOOT_TEXT_Y = f" {_number(EDGE / 2 + PAD - 0.5)} Td <"
_TYPE, _SUBTYPE, _BBOX, _RESOURCES = Name.Type, Name.Subtype, Name.BBox, Name.Resources
_XOBJECT, _FORM, _CONTENTS = Name.XObject, Name.Form, Name.Contents
_CROPBOX, _MEDIABOX, _ROTATE = Name.CropBox, Name.MediaBox, Name.Rotate


class StampFont:
    """DejaVu Sans subset for the stamps, made once with reportlab and shared by every stamp."""

    def __init__(self) -> None:
        register_fonts()
        buffer = BytesIO()
        canvas = Canvas(buffer, invariant=1, initialFontName=SANS)
        canvas.setFont(SANS, FONT_SIZE)
        canvas.drawString(0, 0, ALPHABET)
        # Reportlab forgets a font's code assignments when the document is saved: read them now.
        pieces = pdfmetrics.getFont(SANS).splitString(ALPHABET, canvas._doc)
        if len(pieces) != 1 or pieces[0][0] != 0 or len(pieces[0][1]) != len(ALPHABET):
            raise RuntimeError("the stamp alphabet must fit one font subset")
        self._codes = dict(zip(ALPHABET, pieces[0][1], strict=True))
        face = pdfmetrics.getFont(SANS).face
        self._widths: dict[str, float] = {ch: face.charWidths.get(ord(ch), face.defaultWidth) for ch in ALPHABET}
        canvas.showPage()
        canvas.save()
        self.pdf_bytes = buffer.getvalue()

    def encode(self, text: str) -> bytes:
        try:
            return bytes(self._codes[ch] for ch in text)
        except KeyError as exc:
            raise ValueError(f"stamp text outside the stamp alphabet: {text!r}") from exc

    def width(self, text: str, size: float) -> float:
        """``pdfmetrics.stringWidth``, to the last bit, without its lookups for each character."""
        widths = self._widths
        try:
            return 0.001 * size * sum(widths[ch] for ch in text)
        except KeyError:
            width: float = pdfmetrics.stringWidth(text, SANS, size)
            return width


def _visible_box(page: Dictionary) -> tuple[float, float, float, float]:
    box = page.get(_CROPBOX) or page.get(_MEDIABOX) or Array([0, 0, 612, 792])
    x0, y0, x1, y1 = (float(v) for v in box)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def visual_matrix(page: Dictionary) -> tuple[tuple[float, ...], float, float]:
    """The matrix from "as the reader sees it" coordinates to the page's, and the seen width and height.

    /Rotate turns the page clockwise for display; drawing through this matrix keeps a stamp
    upright and at the top right whatever the rotation.
    """
    x0, y0, x1, y1 = _visible_box(page)
    width, height = x1 - x0, y1 - y0
    try:
        rotate = int(page.get(_ROTATE, 0)) % 360
    except (TypeError, ValueError):
        rotate = 0
    if rotate == 90:  # seen (u, v) is user (x1 - v, y0 + u)
        return (0, 1, -1, 0, x1, y0), height, width
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1), width, height
    if rotate == 270:  # seen (u, v) is user (x0 + v, y1 - u)
        return (0, -1, 1, 0, x0, y1), height, width
    return (1, 0, 0, 1, x0, y0), width, height


class Stamper:
    """Adds stamps to pages of one output PDF."""

    def __init__(self, out: pikepdf.Pdf, font: StampFont | None = None) -> None:
        self.out = out
        self.font = font or StampFont()
        with pikepdf.open(BytesIO(self.font.pdf_bytes)) as template:
            fonts = template.pages[0].obj.Resources.Font
            self.font_ref = out.copy_foreign(fonts[next(iter(fonts.keys()))])
        self.resources = out.make_indirect(Dictionary(Font=Dictionary(F1=self.font_ref)))
        self.push = out.make_stream(b"q\n")

    def drawing(self, label: str, footer: str, width: float, height: float) -> bytes:
        """The stamp's content in the page's seen coordinates, shrunk to fit a small page.

        On a tiny page (under ``TINY`` points either way: a scanned strip, a test image) any box
        would cover the whole page: the stamp is then written as invisible text (rendering mode
        3), so nothing hides the exhibit, while a search or ``pdftotext`` still finds "Pièce n° N
        — p. x/y" and "N / total" there; the outline and the page label ("P12-1") name it too.
        """
        f = self.font
        if width < TINY or height < TINY:
            size = min(FONT_SIZE, max(0.1, width / max(f.width(label, 1.0), 1e-6)))
            n = _number
            return (f"BT 3 Tr /F1 {n(size)} Tf 0 {n(max(0.0, height - size))} Td <{f.encode(label).hex()}> Tj "
                    f"0 {n(-min(size, height))} Td <{f.encode(footer).hex()}> Tj ET").encode("ascii")
        label_w = f.width(label, FONT_SIZE) + 2 * PAD
        foot_w = f.width(footer, FOOT_SIZE) + 2 * PAD
        need_w = max(label_w, foot_w) + 2 * EDGE
        need_h = LABEL_H + FOOT_H + 4 * EDGE
        scale = min(1.0, width / need_w if need_w else 1.0, height / need_h if need_h else 1.0)
        n = _number
        s = n(scale)
        return "".join((
            # The label box at the top right, hanging from the corner.
            f"q {s} 0 0 {s} {n(width)} {n(height)} cm\n1 g 0.35 G 0.5 w\n",
            n(-EDGE - label_w), " ", _LABEL_Y, n(label_w), _LABEL_H,
            n(-EDGE - label_w + PAD), _LABEL_TEXT_Y, f.encode(label).hex(), "> Tj ET Q\n",
            # The dossier-wide number at the foot, centred.
            f"q {s} 0 0 {s} {n(width / 2)} 0 cm\n1 g\n",
            n(-foot_w / 2), _FOOT_Y, n(foot_w), _FOOT_H,
            n(-foot_w / 2 + PAD), _FOOT_TEXT_Y, f.encode(footer).hex(), "> Tj ET Q",
        )).encode("ascii")

    def stamp(self, page: Dictionary, label: str, footer: str) -> None:
        matrix, width, height = visual_matrix(page)
        form = self.out.make_stream(self.drawing(label, footer, width, height))
        form[_TYPE] = _XOBJECT
        form[_SUBTYPE] = _FORM
        form[_BBOX] = Array([0, 0, width, height])
        form[_RESOURCES] = self.resources

        # Resources are often shared between pages (or inherited): adding our name to a shared
        # dictionary would put every page's stamp on all of them, so each page gets its own copies
        # of the two dictionaries we touch, holding the same references.
        resources = page.get(_RESOURCES)
        own = Dictionary()
        if isinstance(resources, Dictionary):
            for key, value in resources.items():
                own[key] = value
        xobjects = own.get(_XOBJECT)
        own_x = Dictionary()
        if isinstance(xobjects, Dictionary):
            for key, value in xobjects.items():
                own_x[key] = value
        name = "/DossierStamp"
        suffix = 0
        while name in own_x:
            suffix += 1
            name = f"/DossierStamp{suffix}"
        own_x[name] = form
        own[_XOBJECT] = own_x
        page[_RESOURCES] = own

        call = self.out.make_stream(
            f"\nQ q {' '.join(_number(v) for v in matrix)} cm {name} Do Q\n".encode("ascii"))
        contents = page.get(_CONTENTS)
        if isinstance(contents, Array):
            streams = list(contents)
        elif contents is None:
            streams = []
        else:
            streams = [contents]
        page[_CONTENTS] = Array([self.push, *streams, call])
