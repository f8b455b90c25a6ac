"""Photos, scans and screenshots (JPEG, PNG, TIFF, GIF): size, pages, dates the device wrote.

Pillow reads the header first and the pixels only when asked: dimensions are checked
before any pixel is decoded, so a small file claiming a gigantic image is refused
instead of filling the memory.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path

from PIL import ExifTags, Image

from ..domain.bounds import MAX_IMAGE_FRAMES, MAX_IMAGE_PIXELS
from ..i18n import _, ngettext
from .analysis import DateClue, Refused
from .clues import CREATED, MODIFIED, RECORDED
from .sniff import GIF, JPEG, PNG, TIFF

log = logging.getLogger(__name__)

# A decompression bomb: a few bytes that decode to billions of pixels. Far beyond a photo or a
# 600 dpi A4 scan (35 million); checked on every frame's header, before any pixel is decoded.
MAX_PIXELS = MAX_IMAGE_PIXELS
# Pixels are decoded to prove the file whole; past this a JPEG is checked at 1/8 scale
# and other formats by their structure only, to keep the memory used small.
DECODE_PIXELS = 40_000_000
# A multi-page TIFF beyond this is not a scan of a letter.

_FORMATS = {JPEG: "JPEG", PNG: "PNG", TIFF: "TIFF", GIF: "GIF"}
_EXIF_DAY = re.compile(r"^\s*(\d{4})[:\-/](\d{2})[:\-/](\d{2})")
_XMP_CREATED = re.compile(r"(?:DateCreated|CreateDate|DateTimeOriginal)\s*(?:>|=\s*[\"'])\s*(\d{4})-(\d{2})-(\d{2})")


@dataclass
class ImageFacts:
    pages: int
    width: int
    height: int
    words: str = ""  # titles and descriptions the file carries, for the kind
    dates: list[DateClue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_image(path: Path, media_type: str) -> ImageFacts:
    """The facts of an image file; ``Refused`` when it is not a whole, sane image."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path, formats=[_FORMATS[media_type]]) as image:
                return _facts(image, media_type)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
            raise Refused(_("image aux dimensions démesurées (plus de {value} millions de pixels) : réduisez-la avant de l'importer").format(value=MAX_PIXELS // 1_000_000)) from exc
        except Refused:
            raise
        except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError, struct.error… on bad files
            log.info("Pillow cannot read %s: %r", path, exc)
            raise Refused(_("image endommagée ou incomplète : récupérez à nouveau l'original, ou ouvrez-la et enregistrez-la en JPEG ou PNG")) from exc


def _facts(image: Image.Image, media_type: str) -> ImageFacts:
    width, height = _checked_size(image)
    frames = getattr(image, "n_frames", 1) if media_type == TIFF else 1
    if frames > MAX_IMAGE_FRAMES:
        raise Refused(_("TIFF de {frames} pages : trop pour une pièce ; découpez-le en plusieurs fichiers").format(frames=frames))
    if frames > 1:
        # A small first page may hide a gigantic second one: each frame's header is read, none decoded.
        for frame in range(1, frames):
            image.seek(frame)
            _checked_size(image)
        image.seek(0)
    # A GIF prints its first image only: an animation is not a document, and its frames as pages
    # would be dozens of near-identical sheets. The user is told, the count is the printed one.
    facts = ImageFacts(pages=frames, width=width, height=height)
    animated = int(getattr(image, "n_frames", 1)) if media_type == GIF else 1
    if animated > 1:
        facts.notes.append(animation_note(animated))
        image.seek(0)
    _exif(image, facts)
    if media_type == PNG:
        _png_text(image, facts)
    _decode(image, media_type)
    return facts


def animation_note(frames: int) -> str:
    """What the caption and the import say of an animated GIF: only its first image is printed."""
    return ngettext("animation : {frames} image, la première est reproduite",
                    "animation : {frames} images, la première est reproduite", frames).format(frames=frames)


def _checked_size(image: Image.Image) -> tuple[int, int]:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise Refused(_("image sans dimensions"))
    if width * height > MAX_PIXELS:
        raise Image.DecompressionBombError(f"{width}x{height}")
    return width, height


def _decode(image: Image.Image, media_type: str) -> None:
    """Decode the pixels (or a reduced version of them) so a truncated file shows itself."""
    width, height = image.size
    if media_type == JPEG:
        image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
        image.load()
    elif width * height <= DECODE_PIXELS:
        image.load()
    elif media_type == PNG:
        image.verify()


def _exif(image: Image.Image, facts: ImageFacts) -> None:
    try:
        exif = image.getexif()
        sub = exif.get_ifd(ExifTags.IFD.Exif)
    except Exception:  # a corrupt EXIF block is only missing metadata
        return
    sources = (
        (sub.get(ExifTags.Base.DateTimeOriginal), _("EXIF (date de prise de vue)"), RECORDED),
        (sub.get(ExifTags.Base.DateTimeDigitized), _("EXIF (date de numérisation)"), CREATED),
        (exif.get(ExifTags.Base.DateTime), _("EXIF (date de modification)"), MODIFIED),
    )
    for value, source, rank in sources:
        day = _exif_day(value)
        if day:
            facts.dates.append(DateClue(day, source, rank))
    for tag in (ExifTags.Base.ImageDescription, ExifTags.Base.XPTitle, ExifTags.Base.XPSubject):
        facts.words += " " + _words(exif.get(tag))


def _png_text(image: Image.Image, facts: ImageFacts) -> None:
    info = image.info
    for key in ("Title", "Description", "Comment", "Subject"):
        facts.words += " " + _words(info.get(key))
    for key in ("Creation Time", "date:create"):
        day = _free_day(info.get(key))
        if day:
            facts.dates.append(DateClue(day, _("métadonnées PNG ({key})").format(key=key), CREATED))
            break
    xmp = info.get("XML:com.adobe.xmp")
    match = _XMP_CREATED.search(xmp) if isinstance(xmp, str) else None
    if match:
        day = _day(*match.groups())
        if day:
            facts.dates.append(DateClue(day, _("métadonnées XMP (date de création)"),
                                        CREATED))


def _words(value: object) -> str:
    if isinstance(value, bytes):
        # Windows XP* tags are UTF-16 little-endian.
        value = value.decode("utf-16-le", errors="ignore") if b"\x00" in value else value.decode("latin-1")
    return value.replace("\x00", " ")[:500] if isinstance(value, str) else ""


def _exif_day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    match = _EXIF_DAY.match(value)
    return _day(*match.groups()) if match else None


def _free_day(value: object) -> date | None:
    """PNG times are free text: ISO from ImageMagick, RFC 1123 from what the spec suggests."""
    if not isinstance(value, str):
        return None
    day = _exif_day(value)
    if day:
        return day
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _day(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
