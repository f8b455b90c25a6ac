"""Stamping exhibit pages as a cheap overlay: the page's own content is never rewritten.

Each page gets one small Form XObject (the "Pièce n° N — p. x/y" box at the top right, bold, and
the "N / total" box at the foot, drawn as the reader sees the page, both at least 6 mm from the
edges: the area every office printer prints) and two entries in its /Contents array: a ``q``
before the original streams, and ``Q`` plus the call of the stamp after them.  Parsing or
re-encoding the original content streams is what doubled the time of a first version: the streams
are only *read* (``page_extents``) to find whether the stamp's places are free.

Where they are not (a full-bleed scan, a letterhead in the corner), the ``q`` before the page's
content becomes ``q <clip to the visible page> <scale and shift> cm``: the whole page, unchanged,
is drawn a few percent smaller inside a frame that leaves the stamp its band, by the least amount
that clears it.  Counsel's name goes on a second line of the stamp only where the band has room
for it as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO

import pikepdf
from pikepdf import Array, Dictionary, Name
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .fonts import BOLD, SANS, register_fonts
from .page_extents import IDENTITY, Box, Extents, Matrix, intersect, multiply, transform_box

MM = 72 / 25.4
SAFE = 6 * MM  # what every office printer prints: nothing of ours nearer an edge than this
EDGE = SAFE + 1.5  # from the page's edge to the stamp's box
FONT_SIZE = 10.5  # the label, bold
FOOT_SIZE = 9.0  # the page number at the foot
COUNSEL_SIZE = 7.5  # counsel's name under the label
PAD = 3.5
GAP = 2.5  # between the stamp's box and the page's content
TINY = 100.0  # points: below this either way, a page gets an invisible stamp (see ``Stamper.drawing``)
A4_BOX = (0.0, 0.0, 595.276, 841.89)  # for a page without any usable MediaBox
# Every character a stamp may need, drawn once so that the embedded subset holds them all.
ALPHABET = "Pièce n°0123456789 — p./ Exhibit No.PiècesTome"
# Counsel's name: the letters of French and other Latin names, in the regular face only.
NAME_ALPHABET = "".join(dict.fromkeys(
    ALPHABET + "".join(chr(c) for c in range(0x20, 0x7F))
    + "".join(chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7)) + "’‘–œŒŸ"))


def _number(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


LABEL_H = FONT_SIZE + 2 * PAD - 1
COUNSEL_H = COUNSEL_SIZE + 2.5
FOOT_H = FOOT_SIZE + 2 * PAD - 2
_TYPE, _SUBTYPE, _BBOX, _RESOURCES = Name.Type, Name.Subtype, Name.BBox, Name.Resources
_XOBJECT, _FORM, _CONTENTS = Name.XObject, Name.Form, Name.Contents
_CROPBOX, _MEDIABOX, _ROTATE = Name.CropBox, Name.MediaBox, Name.Rotate


class StampFont:
    """DejaVu Sans subsets for the stamps (bold for the label, regular for the page number and
    counsel's name), made once with reportlab and shared by every stamp."""

    def __init__(self) -> None:
        register_fonts()
        buffer = BytesIO()
        canvas = Canvas(buffer, invariant=1, initialFontName=SANS)
        self._codes: dict[str, dict[str, int]] = {}
        self._widths: dict[str, dict[str, float]] = {}
        for y, (face_name, alphabet) in enumerate(((BOLD, ALPHABET), (SANS, NAME_ALPHABET))):
            canvas.setFont(face_name, FONT_SIZE)
            canvas.drawString(0, 20 * y, alphabet)
            # Reportlab forgets a font's code assignments when the document is saved: read them now.
            pieces = pdfmetrics.getFont(face_name).splitString(alphabet, canvas._doc)
            if len(pieces) != 1 or pieces[0][0] != 0 or len(pieces[0][1]) != len(alphabet):
                raise RuntimeError("the stamp alphabet must fit one font subset")
            self._codes[face_name] = dict(zip(alphabet, pieces[0][1], strict=True))
            face = pdfmetrics.getFont(face_name).face
            self._widths[face_name] = {ch: face.charWidths.get(ord(ch), face.defaultWidth) for ch in alphabet}
        canvas.showPage()
        canvas.save()
        self.pdf_bytes = buffer.getvalue()

    def can_draw(self, text: str, bold: bool = False) -> bool:
        codes = self._codes[BOLD if bold else SANS]
        return all(ch in codes for ch in text)

    def encode(self, text: str, bold: bool = True) -> bytes:
        codes = self._codes[BOLD if bold else SANS]
        try:
            return bytes(codes[ch] for ch in text)
        except KeyError as exc:
            raise ValueError(f"stamp text outside the stamp alphabet: {text!r}") from exc

    def width(self, text: str, size: float, bold: bool = True) -> float:
        """``pdfmetrics.stringWidth``, to the last bit, without its lookups for each character."""
        name = BOLD if bold else SANS
        widths = self._widths[name]
        try:
            return 0.001 * size * sum(widths[ch] for ch in text)
        except KeyError:
            width: float = pdfmetrics.stringWidth(text, name, size)
            return width


def _box(value: object) -> Box | None:
    """A page box as (x0, y0, x1, y1) put right way up; None when it is missing, unreadable or empty."""
    if not isinstance(value, Array) or len(value) != 4:
        return None
    try:
        x0, y0, x1, y1 = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    return box if box[2] - box[0] > 0.5 and box[3] - box[1] > 0.5 else None


def repair_boxes(page: Dictionary) -> None:
    """Make the page's MediaBox and CropBox ones every viewer reads alike.

    A missing or empty MediaBox becomes the CropBox (else A4), an inverted one is put right way up;
    the CropBox is cut to the MediaBox, as the standard says a viewer must, or dropped when it lies
    wholly outside: then every viewer shows the page, and its stamp, in the same place.
    """
    raw_media = page.get(_MEDIABOX)
    raw_crop = page.get(_CROPBOX)
    media = _box(raw_media)
    crop = _box(raw_crop)
    if media is None:
        media = crop or A4_BOX
    if _box(raw_media) != media or [float(v) for v in raw_media] != list(media):  # type: ignore[union-attr]
        page[_MEDIABOX] = Array([round(v, 3) for v in media])
    if raw_crop is not None:
        shown = intersect(crop, media) if crop is not None else None
        if shown is None or shown == media:
            del page[_CROPBOX]
        elif [float(v) for v in raw_crop] != list(shown):
            page[_CROPBOX] = Array([round(v, 3) for v in shown])


def user_unit(page: Dictionary) -> float:
    """PDF 2.0's /UserUnit: how many points one unit of the page is (1 unless it says otherwise)."""
    try:
        unit = float(page.get(Name.UserUnit, 1))
    except (TypeError, ValueError):
        return 1.0
    return unit if 0.01 < unit < 1000 else 1.0


def _invert(m: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    det = a * d - b * c
    return (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)


def _hits(a: Box, b: Box) -> bool:
    return a[0] < b[2] - 0.01 and b[0] < a[2] - 0.01 and a[1] < b[3] - 0.01 and b[1] < a[3] - 0.01


def _near_the_bands(raw: list[Box], to_seen: Matrix, width: float, height: float,
                    places: list[tuple[Box, Box]]) -> list[Box]:
    """The page's boxes, as seen, that ``fit`` could find in a stamp's way: only those in reach of
    the top band or the foot's.  A page of text holds thousands of boxes; ``fit`` lifts the page by
    at most the foot band's height and shrinks it by at most ``s_low`` (see its loop), so a box lower
    than the top band by more than that lift, and higher than the foot band's reach at that scale,
    never meets either: leaving it out changes nothing and spares mapping it eight times."""
    lift = max(foot[3] for _top, foot in places)
    top_low = min(top[1] for top, _foot in places)
    s_low = max(min((height - lift) / height, (top_low - lift) / height), 0.05)
    high, low = top_low - lift - 1.0, lift / s_low + 1.0
    page_box = (0.0, 0.0, width, height)
    if to_seen == IDENTITY:
        seen: Iterable[Box] = raw
    else:
        seen = (transform_box(box, to_seen) for box in raw)
    out = []
    for box in seen:
        if box[3] > high or box[1] < low:
            clipped = intersect(box, page_box)
            if clipped is not None:
                out.append(clipped)
    return out


def fit(boxes: list[Box], width: float, height: float, top: Box, foot: Box) -> tuple[float, float] | None:
    """The least scale ``s`` (and lift ``b``) that clears both stamp places: a point (x, y) of the
    page as seen goes to (s·x + (1 − s)·width/2, s·y + b); None when the page needs none."""
    s, b = 1.0, 0.0
    for _ in range(8):
        mapped = [(s * x0 + (1 - s) * width / 2, s * y0 + b, s * x1 + (1 - s) * width / 2, s * y1 + b)
                  for x0, y0, x1, y1 in boxes]
        over_top = any(_hits(m, top) for m in mapped)
        over_foot = any(_hits(m, foot) for m in mapped)
        if not over_top and not over_foot:
            return None if s == 1.0 and b == 0.0 else (s, b)
        if over_foot:
            b = max(b, foot[3])
        reach = max((box[3] for box, m in zip(boxes, mapped, strict=True) if m[2] > top[0]), default=0.0)
        s = min(s, (height - b) / height, (top[1] - b) / reach if reach > 0 else 1.0)
    return (s, b)


def _visible_box(page: Dictionary) -> tuple[float, float, float, float]:
    box = page.get(_CROPBOX) or page.get(_MEDIABOX) or Array([0, 0, 612, 792])
    x0, y0, x1, y1 = (float(v) for v in box)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def visual_matrix(page: Dictionary) -> tuple[Matrix, float, float]:
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
        return (0.0, 1.0, -1.0, 0.0, x1, y0), height, width
    if rotate == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1), width, height
    if rotate == 270:  # seen (u, v) is user (x0 + v, y1 - u)
        return (0.0, -1.0, 1.0, 0.0, x0, y1), height, width
    return (1.0, 0.0, 0.0, 1.0, x0, y0), width, height


class Stamper:
    """Adds stamps to pages of one output PDF."""

    def __init__(self, out: pikepdf.Pdf, font: StampFont | None = None) -> None:
        self.out = out
        self.font = font or StampFont()
        with pikepdf.open(BytesIO(self.font.pdf_bytes)) as template:
            fonts = template.pages[0].obj.Resources.Font
            refs = {str(f.BaseFont).endswith("-Bold"): out.copy_foreign(f) for f in fonts.values()}
        self.resources = out.make_indirect(Dictionary(Font=Dictionary(F1=refs[True], F2=refs[False])))
        self.push = out.make_stream(b"q\n")
        self.extents = Extents()
        self.scaled = 0  # pages drawn smaller to leave their stamp a band

    def _sizes(self, label: str, footer: str, counsel: str) -> tuple[float, float, float]:
        f = self.font
        label_w = max(f.width(label, FONT_SIZE), f.width(counsel, COUNSEL_SIZE, bold=False)) + 2 * PAD
        return label_w, LABEL_H + (COUNSEL_H if counsel else 0.0), f.width(footer, FOOT_SIZE, bold=False) + 2 * PAD

    def places(self, label: str, footer: str, counsel: str, width: float, height: float) -> tuple[Box, Box]:
        """Where the stamp's two boxes go, with the band around them up to the page's edges."""
        label_w, label_h, foot_w = self._sizes(label, footer, counsel)
        k = self._shrink(label_w, label_h, foot_w, width, height)
        top = (width - k * (EDGE + label_w + GAP), height - k * (EDGE + label_h + GAP), width, height)
        foot = (width / 2 - k * (foot_w / 2 + GAP), 0.0, width / 2 + k * (foot_w / 2 + GAP), k * (EDGE + FOOT_H + GAP))
        return top, foot

    @staticmethod
    def _shrink(label_w: float, label_h: float, foot_w: float, width: float, height: float) -> float:
        need_w = max(label_w, foot_w) + 2 * EDGE
        need_h = label_h + FOOT_H + 4 * EDGE
        return min(1.0, width / need_w, height / need_h)

    def drawing(self, label: str, footer: str, width: float, height: float, counsel: str = "") -> bytes:
        """The stamp's content in the page's seen coordinates (points), shrunk to fit a small page.

        On a tiny page (under ``TINY`` points either way: a scanned strip, a test image) any box
        would cover the whole page: the stamp is then written as invisible text (rendering mode
        3), so nothing hides the exhibit, while a search or ``pdftotext`` still finds "Pièce n° N
        — p. x/y" and "N / total" there; the outline and the page label ("P12-1") name it too.
        """
        f = self.font
        n = _number
        if width < TINY or height < TINY:
            size = min(FONT_SIZE, max(0.1, width / max(f.width(label, 1.0), 1e-6)))
            return (f"BT 3 Tr /F1 {n(size)} Tf 0 {n(max(0.0, height - size))} Td <{f.encode(label).hex()}> Tj "
                    f"/F2 {n(size)} Tf 0 {n(-min(size, height))} Td <{f.encode(footer, bold=False).hex()}> Tj ET"
                    ).encode("ascii")
        label_w, label_h, foot_w = self._sizes(label, footer, counsel)
        k = n(self._shrink(label_w, label_h, foot_w, width, height))
        baseline = -EDGE - PAD - 0.76 * FONT_SIZE
        parts = [
            # The label box at the top right, hanging from the corner.
            f"q {k} 0 0 {k} {n(width)} {n(height)} cm\n1 g 0.35 G 0.5 w\n",
            f"{n(-EDGE - label_w)} {n(-EDGE - label_h)} {n(label_w)} {n(label_h)} re B\n",
            f"0 g BT /F1 {n(FONT_SIZE)} Tf {n(-EDGE - label_w + PAD)} {n(baseline)} Td <{f.encode(label).hex()}> Tj ",
        ]
        if counsel:
            parts.append(f"/F2 {n(COUNSEL_SIZE)} Tf 0 {n(-COUNSEL_H)} Td <{f.encode(counsel, bold=False).hex()}> Tj ")
        parts += [
            "ET Q\n",
            # The dossier-wide number at the foot, centred.
            f"q {k} 0 0 {k} {n(width / 2)} 0 cm\n1 g\n",
            f"{n(-foot_w / 2)} {n(EDGE)} {n(foot_w)} {n(FOOT_H)} re f\n",
            f"0 g BT /F2 {n(FOOT_SIZE)} Tf {n(-foot_w / 2 + PAD)} {n(EDGE + PAD + 0.5)} Td "
            f"<{f.encode(footer, bold=False).hex()}> Tj ET Q",
        ]
        return "".join(parts).encode("ascii")

    def stamp(self, page: Dictionary, label: str, footer: str, counsel: str = "") -> None:
        """Stamp one page already in ``out``; ``counsel``'s name goes under the label where it fits."""
        repair_boxes(page)
        matrix, seen_w, seen_h = visual_matrix(page)
        unit = user_unit(page)
        width, height = seen_w * unit, seen_h * unit  # points, as printed
        # From the stamp's coordinates (points, as the reader sees the page) to the page's.
        to_page = multiply((1 / unit, 0.0, 0.0, 1 / unit, 0.0, 0.0), matrix)
        counsel = " ".join(counsel.split())
        if not self.font.can_draw(counsel):
            counsel = ""
        push = self.push
        if width >= TINY and height >= TINY:
            to_seen = _invert(to_page)
            places = [self.places(label, footer, counsel, width, height)] if counsel else []
            places.append(self.places(label, footer, "", width, height))
            boxes = _near_the_bands(self.extents.page_boxes(page), to_seen, width, height, places)
            scaled = None
            if counsel:
                top, foot = places[0]
                if fit(boxes, width, height, top, foot) is not None:
                    counsel = ""
            if not counsel:
                top, foot = places[-1]
                scaled = fit(boxes, width, height, top, foot)
            if scaled is not None:
                push = self._frame(page, scaled, width, to_page, to_seen)
        form = self.out.make_stream(self.drawing(label, footer, width, height, counsel))
        form[_TYPE] = _XOBJECT
        form[_SUBTYPE] = _FORM
        form[_BBOX] = Array([0, 0, round(width, 3), round(height, 3)])
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
            f"\nQ q {' '.join(_number(v) for v in to_page)} cm {name} Do Q\n".encode("ascii"))
        contents = page.get(_CONTENTS)
        if isinstance(contents, Array):
            streams = list(contents)
        elif contents is None:
            streams = []
        else:
            streams = [contents]
        page[_CONTENTS] = Array([push, *streams, call])

    def _frame(self, page: Dictionary, scaled: tuple[float, float], width: float, to_page: Matrix,
               to_seen: Matrix) -> pikepdf.Stream:
        """The ``q`` that draws the page's content smaller, inside its visible box; its links follow."""
        s, b = scaled
        shrink = multiply(multiply(to_seen, (s, 0.0, 0.0, s, (1 - s) * width / 2, b)), to_page)
        x0, y0, x1, y1 = _visible_box(page)
        n = _number
        self.scaled += 1
        for annotation in page.get(Name.Annots, Array()):
            rect = _box(annotation.get(Name.Rect)) if isinstance(annotation, Dictionary) else None
            if rect is not None:
                annotation[Name.Rect] = Array([round(v, 3) for v in transform_box(rect, shrink)])
        return self.out.make_stream(
            f"q {n(x0)} {n(y0)} {n(x1 - x0)} {n(y1 - y0)} re W n {' '.join(n(v) for v in shrink)} cm\n"
            .encode("ascii"))
