"""Turning each included exhibit into PDF sources the assembly can copy pages from.

PDFs are only looked at here (page count, signature, repairs) and closed again: the assembly
reopens them one by one, so that no more than the bundle being written is ever open.  Other
files are drawn into PDFs in a temporary folder.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.model import Exhibit
from ..i18n import Translator
from .csv_pages import csv_to_pdf
from .email_pages import EmailReader, email_to_pdfs
from .exhibits_pdf import Refused, inspect_pdf
from .images import image_to_pdf
from .text_pages import text_to_pdf
from .words import LINE_TITLE, plain

PDF, JPEG, PNG, TIFF, EML, TEXT = ("application/pdf", "image/jpeg", "image/png", "image/tiff",
                                   "message/rfc822", "text/plain")
CSV = "text/csv"
IMAGES = (JPEG, PNG, TIFF, "image/gif", "image/bmp")


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
            prepared.sources = [Source(path, exhibit.password if facts.encrypted else None)]
            prepared.pages = facts.pages
            prepared.signed = facts.signed
            prepared.status = "repaired" if facts.repaired else "included"
            if facts.repaired:
                prepared.reason = "; ".join(facts.warnings[:3])
        elif media in IMAGES:
            target = workdir / f"{stem}.pdf"
            prepared.pages = image_to_pdf(path, target, words, caption)
            prepared.sources = [Source(target)]
        elif media == EML:
            outputs, pages = email_to_pdfs(path, workdir, stem, words, read_email, caption)
            prepared.sources = [Source(p) for p in outputs]
            prepared.pages = pages
        elif media.startswith("text/"):
            target = workdir / f"{stem}.pdf"
            table_pages = None
            if media == CSV or exhibit.original_name.lower().endswith(".csv"):
                table_pages = csv_to_pdf(path, target, caption)
            prepared.pages = table_pages or text_to_pdf(path, target, caption)
            prepared.sources = [Source(target)]
        else:
            raise Refused(words.gettext("type de fichier non pris en charge ({media})").format(media=media))
    except Refused as refusal:
        prepared.status = "refused"
        prepared.reason = refusal.reason
        prepared.sources = []
        prepared.pages = 0
        return prepared
    prepared.size = sum(s.path.stat().st_size for s in prepared.sources) + 700 * prepared.pages
    return prepared
