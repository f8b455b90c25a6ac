"""Images as exhibits: each picture (each frame of a TIFF) fitted on its own A4 page.

A JPEG goes in as it is: its bytes, DCT-encoded, no ASCII85 around them; its EXIF orientation
is honoured by turning the page's drawing, not the pixels.  PNG and TIFF frames are stored
losslessly (Flate), a bilevel scan as one bit per pixel, a 16-bit greyscale scaled to 8 bits.  A
GIF prints its first frame, or each of its frames on its own page when the user asked for them.  Each picture is named inside the PDF after its content, never after
a file's path: the same case gives the same bytes from any data folder.
"""

from __future__ import annotations

import errno
import hashlib
import io
import struct
import warnings
import zlib
from pathlib import Path
from typing import Any, cast

from PIL import Image, ImageSequence, UnidentifiedImageError
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas

from ..domain.bounds import MAX_IMAGE_FRAMES, MAX_IMAGE_PIXELS
from ..i18n import Translator
from .exhibits_pdf import Refused
from .fonts import SANS, register_fonts
from .styles import MUTED, PAGE_HEIGHT, PAGE_WIDTH

MARGIN = 18 * mm
TOP = 24 * mm  # room for the stamp above the picture
CAPTION = 10 * mm
MAX_UPSCALE = 4.0  # a thumbnail is enlarged at most this much over 72 dpi, never blown up to the page

# A picture is a trap, not a document, past these (the import refuses the same, but a case can come
# from an older store or a file of another program): one frame's pixels, the frames of one file, and
# the bytes of pixels all its frames decode to.
MAX_DECODED_BYTES = 1_000_000_000
# What Pillow may raise on a damaged or hostile file, besides its own bomb guard.
DECODING_ERRORS = (OSError, ValueError, SyntaxError, EOFError, IndexError, KeyError, TypeError, struct.error,
                   ZeroDivisionError, OverflowError, Image.DecompressionBombError)

# EXIF orientation → (clockwise turn in degrees, mirrored)
ORIENTATIONS = {1: (0, False), 2: (0, True), 3: (180, False), 4: (180, True),
                5: (90, True), 6: (90, False), 7: (270, True), 8: (270, False)}


def too_big(words: Translator) -> Refused:
    return Refused(words.gettext("image aux dimensions démesurées (plus de {value} millions de pixels ou de {MAX_IMAGE_FRAMES} pages) : elle ne peut pas être reproduite ; réduisez-la ou excluez la pièce").format(value=MAX_IMAGE_PIXELS // 1_000_000, MAX_IMAGE_FRAMES=MAX_IMAGE_FRAMES))


def image_to_pdf(source: Path, target: Path, words: Translator, caption: str, all_frames: bool = False) -> int:
    """Write the image's pages to ``target``; returns their number.

    ``all_frames``: an animated GIF gives each of its frames a page (else its first alone).

    Each frame's size is read from its header and checked before any pixel is decoded, so that a
    few hundred bytes announcing 30 000 × 30 000 pixels cost nothing.
    """
    register_fonts()
    with warnings.catch_warnings():
        # Pillow's own bomb warning: the checks below are stricter and say it in words.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(source)
        except Image.DecompressionBombError as exc:
            raise too_big(words) from exc
        except (UnidentifiedImageError, *DECODING_ERRORS) as exc:
            raise Refused(words.gettext("image illisible ({exc})").format(exc=exc)) from exc
        with image:
            try:
                return _pages(image, source, target, words, caption, all_frames)
            except Refused:
                raise
            except DECODING_ERRORS as exc:
                if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
                    raise  # the disk is full while the page is written: not the picture's fault
                raise Refused(words.gettext("image endommagée ({exc})").format(exc=exc)) from exc


def _pages(image: Image.Image, source: Path, target: Path, words: Translator, caption: str,
           all_frames: bool = False) -> int:
    frames = max(1, getattr(image, "n_frames", 1))
    if frames > MAX_IMAGE_FRAMES:
        raise too_big(words)
    decoded = 0
    for _ in ImageSequence.Iterator(image):  # headers only: nothing is decoded yet
        width, height = image.size
        decoded += width * height * max(1, len(image.getbands()))
        if width * height > MAX_IMAGE_PIXELS or decoded > MAX_DECODED_BYTES:
            raise too_big(words)
    image.seek(0)
    canvas = Canvas(str(target), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1, initialFontName=SANS,
                    pageCompression=1)
    canvas.setTitle(caption)
    pages = 0
    orientation = image.getexif().get(0x0112, 1) if image.format == "JPEG" else 1
    if image.format == "GIF" and not all_frames:
        frames = 1  # an animation's frames are not pages unless asked: the first one is the picture
    for index, frame in enumerate(ImageSequence.Iterator(image)):
        if index >= frames:
            break
        label = caption if frames == 1 else f"{caption} — {index + 1}/{frames}"
        if image.format == "JPEG" and frames == 1:
            picture = _jpeg(source.read_bytes(), frame.mode)
        else:
            picture = _lossless(frame)
        _draw(canvas, picture, frame.size, ORIENTATIONS.get(orientation, (0, False)), frame.info, label)
        pages += 1
    canvas.save()
    return pages


def _picture(data: bytes, filters: tuple[str, ...], width: int, height: int, bits: int, space: str,
             inverted: bool = False) -> Any:  # reportlab's PDFImageXObject
    """An image XObject as reportlab writes it, named after its bytes and parameters."""
    digest = hashlib.sha256(repr((filters, width, height, bits, space, inverted)).encode() + data).hexdigest()
    picture = PDFImageXObject(f"img{digest[:32]}")
    picture.streamContent = data
    picture._filters = filters
    picture.width, picture.height = width, height
    picture.bitsPerComponent = bits
    picture.colorSpace = space
    picture.mask = None
    picture._dotrans = 1 if inverted else 0  # an Adobe CMYK JPEG keeps its inverted inks
    return picture


def _jpeg(data: bytes, mode: str) -> Any:
    """The JPEG file's bytes themselves, DCT-encoded."""
    space = {"L": "DeviceGray", "CMYK": "DeviceCMYK"}.get(mode, "DeviceRGB")
    with Image.open(io.BytesIO(data)) as header:
        width, height = header.size
    return _picture(data, ("DCTDecode",), width, height, 8, space, inverted=space == "DeviceCMYK")


def _lossless(frame: Image.Image) -> Any:
    """A frame's pixels, Flate-compressed: bilevel stays one bit per pixel (1 is white, as in
    PDF's DeviceGray), greyscale stays grey, 16-bit greyscale is scaled to 8 bits."""
    pixels = _flattened(frame)
    bits, space = {"1": (1, "DeviceGray"), "L": (8, "DeviceGray"), "CMYK": (8, "DeviceCMYK")}.get(
        pixels.mode, (8, "DeviceRGB"))
    width, height = pixels.size
    return _picture(zlib.compress(pixels.tobytes(), 6), ("FlateDecode",), width, height, bits, space)


def _flattened(frame: Image.Image) -> Image.Image:
    if frame.mode in ("RGB", "L", "CMYK", "1"):
        return frame.copy()
    if frame.mode.startswith("I;16") or frame.mode == "I":
        # Scaled, not clipped: a full-range 16-bit scan would otherwise print white.
        wide = frame.convert("I")
        top = int(cast(tuple[int, int], wide.getextrema())[1])
        full = 65535 if frame.mode != "I" else next(limit for limit in (255, 65535, top) if top <= limit)
        return wide.point(lambda value: value * (255 / full)).convert("L")
    if frame.mode in ("RGBA", "LA", "P", "PA"):
        rgba = frame.convert("RGBA")
        white = Image.new("RGB", rgba.size, "white")
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return frame.convert("RGB")


def _place(canvas: Canvas, picture: Any, x: float, y: float, width: float, height: float) -> None:
    """``canvas.drawImage`` for a picture made here: registered once under its own name."""
    document = canvas._doc
    name = document.getXObjectName(picture.name)
    if document.idToObject.get(name) is None:
        canvas._setXObjects(picture)
        document.Reference(picture, name)
        document.addForm(picture.name, picture)
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas._code.append(f"/{name} Do")
    canvas.restoreState()
    canvas._formsinuse.append(picture.name)  # the page's resources name it


def _draw(canvas: Canvas, picture: Any, size: tuple[int, int], orientation: tuple[int, bool],
          info: dict[str | tuple[int, int], Any], caption: str) -> None:  # PIL's Image.info
    turn, mirrored = orientation
    pixels_w, pixels_h = size
    seen_w, seen_h = (pixels_h, pixels_w) if turn in (90, 270) else (pixels_w, pixels_h)
    box_w = PAGE_WIDTH - 2 * MARGIN
    box_h = PAGE_HEIGHT - TOP - MARGIN - CAPTION
    dpi = info.get("dpi", (72, 72))[0] or 72
    natural = 72.0 / float(dpi) if 30 <= float(dpi) <= 1200 else 1.0
    scale = min(box_w / seen_w, box_h / seen_h, max(natural, 1.0) * MAX_UPSCALE)
    shown_w, shown_h = seen_w * scale, seen_h * scale
    left = (PAGE_WIDTH - shown_w) / 2
    bottom = MARGIN + CAPTION + (box_h - shown_h)
    canvas.saveState()
    canvas.translate(left + shown_w / 2, bottom + shown_h / 2)
    canvas.rotate(-turn)
    if mirrored:
        canvas.scale(-1, 1)
    draw_w, draw_h = pixels_w * scale, pixels_h * scale
    _place(canvas, picture, -draw_w / 2, -draw_h / 2, draw_w, draw_h)
    canvas.restoreState()
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.3)
    canvas.rect(left, bottom, shown_w, shown_h, stroke=1, fill=0)
    canvas.setFont(SANS, 7.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(left, bottom - 11, f"{caption} — {pixels_w} × {pixels_h} px")
    canvas.showPage()
