"""Turning each included exhibit into PDF sources the assembly can copy pages from.

PDFs are only looked at here (page count, signature, repairs) and closed again: the assembly
reopens them one by one, so that no more than the bundle being written is ever open.  Other
files are drawn into PDFs in a temporary folder.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from ..domain.bounds import MAX_IMAGE_PIXELS
from ..domain.model import Exhibit
from ..i18n import Translator
from .csv_pages import csv_to_pdf
from .email_pages import EmailReader, email_to_pdfs
from .exhibits_pdf import Refused, inspect_pdf
from .images import image_to_pdf, too_big
from .text_pages import text_to_pdf
from .words import LINE_TITLE, plain

PDF, JPEG, PNG, TIFF, EML, TEXT = ("application/pdf", "image/jpeg", "image/png", "image/tiff",
                                   "message/rfc822", "text/plain")
CSV = "text/csv"
GIF = "image/gif"
IMAGES = (JPEG, PNG, TIFF, GIF, "image/bmp")


@dataclass(frozen=True)
class Source:
    path: Path
    password: str | None = None


@dataclass
class Prepared:
    exhibit: Exhibit
    number: int
    sources: list[Source] = field(default_factory=list)
    pages: int = 0
    status: str = "included"  # "included" | "repaired" | "refused"
    reason: str = ""
    signed: bool = False
    size: int = 0  # bytes it will add to a volume, estimated
    removed: int = 0  # active actions taken out while assembling

    @property
    def refused(self) -> bool:
        return self.status == "refused"


def media_type_of(exhibit: Exhibit, path: Path) -> str:
    if exhibit.media_type:
        return exhibit.media_type
    with path.open("rb") as handle:
        head = handle.read(2048)
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if path.suffix.lower() == ".eml" or exhibit.original_name.lower().endswith(".eml"):
        return EML
    return TEXT


CHUNK = 1 << 20


def same_file(path: Path, sha256: str) -> bool:
    """Whether the stored file still has the hash it was imported with (and the bordereau prints).

    A file is read once here, in large chunks: the page cache then serves the reading that
    follows, so this costs the hashing itself, not a second trip to the disk.
    """
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest() == sha256.lower()


def first_frame(source: Path, target: Path, words: Translator, caption: str) -> tuple[Path, str]:
    """An animated GIF's first image alone (written losslessly to ``target``), and the caption that
    says so: an animation is not a document, its frames as pages would be near-identical sheets.
    A still GIF is printed as it is."""
    try:
        with Image.open(source) as image:
            if image.size[0] * image.size[1] > MAX_IMAGE_PIXELS:
                raise too_big(words)
            frames = getattr(image, "n_frames", 1)
            if frames <= 1:
                return source, caption
            image.seek(0)
            image.save(target, format="PNG")
    except Image.DecompressionBombError as exc:
        raise too_big(words) from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise Refused(words.gettext("image illisible ({exc})").format(exc=exc)) from exc
    note = words.ngettext("animation : {frames} image, la première est reproduite",
                          "animation : {frames} images, la première est reproduite", frames).format(frames=frames)
    return target, f"{caption} — {note}"


def drawn(media: str, path: Path, original_name: str, caption: str, workdir: Path, stem: str, words: Translator,
          read_email: EmailReader | None, all_frames: bool = False) -> tuple[list[Source], int]:
    """An image, e-mail or text exhibit drawn into PDFs in ``workdir``, and the pages they make.

    ``all_frames`` (the exhibit's setting): an animated GIF gives each of its images a page.

    The one count of a drawn exhibit's pages: the import stores it (``printed_pages``) and the export
    prints it, so that ``exhibit list``, the citations and the bordereau say the same number.
    """
    if media in IMAGES:
        target = workdir / f"{stem}.pdf"
        picture, label = path, caption
        if media == GIF and not all_frames:
            picture, label = first_frame(path, workdir / f"{stem}-1.png", words, caption)
        return [Source(target)], image_to_pdf(picture, target, words, label, all_frames=media == GIF and all_frames)
    if media == EML:
        outputs, pages = email_to_pdfs(path, workdir, stem, words, read_email, caption)
        return [Source(p) for p in outputs], pages
    if media.startswith("text/"):
        target = workdir / f"{stem}.pdf"
        table_pages = None
        if media == CSV or original_name.lower().endswith(".csv"):
            table_pages = csv_to_pdf(path, target, caption)
        return [Source(target)], table_pages or text_to_pdf(path, target, caption)
    raise Refused(words.gettext("type de fichier non pris en charge ({media})").format(media=media))


def printed_pages(media: str, path: Path, original_name: str, words: Translator, workdir: Path,
                  read_email: EmailReader | None, all_frames: bool = False) -> int:
    """How many pages the export will give a drawn exhibit (``drawn``, in a scratch folder of
    ``workdir`` removed after); ``Refused`` when the export could not draw it."""
    import shutil
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="pages-", dir=workdir))
    try:
        return drawn(media, path, original_name, plain(original_name, LINE_TITLE), scratch, "x", words,
                     read_email, all_frames)[1]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def prepare(exhibit: Exhibit, number: int, path: Path, words: Translator, workdir: Path,
            read_email: EmailReader | None) -> Prepared:
    prepared = Prepared(exhibit, number)
    caption = plain(exhibit.original_name, LINE_TITLE)
    try:
        if not path.is_file():
            raise Refused(words.gettext("fichier introuvable dans le magasin"))
        if not same_file(path, exhibit.sha256):
            raise Refused(words.gettext("fichier modifié depuis son import (son empreinte n\u2019est plus celle du bordereau) : vérifiez les fichiers des pièces"))
        media = media_type_of(exhibit, path)
        stem = f"x{number}"
        if media == PDF:
            facts = inspect_pdf(path, exhibit.password, words)
            # The password only goes along when it is needed, so that the assembly opens the file
            # the way it is.
            prepared.sources = [Source(path, facts.password if facts.encrypted else None)]
            prepared.pages = facts.pages
            prepared.signed = facts.signed
            prepared.status = "repaired" if facts.repaired else "included"
            if facts.repaired:
                prepared.reason = "; ".join(facts.warnings[:3])
        else:
            prepared.sources, prepared.pages = drawn(media, path, exhibit.original_name, caption, workdir, stem,
                                                     words, read_email, exhibit.all_frames)
    except Refused as refusal:
        prepared.status = "refused"
        prepared.reason = refusal.reason
        prepared.sources = []
        prepared.pages = 0
        return prepared
    prepared.size = sum(s.path.stat().st_size for s in prepared.sources) + 700 * prepared.pages
    return prepared
