"""The media type of a file, decided by its first bytes rather than trusted from its name.

A file named ``.pdf`` may be a photo, and a ``.txt`` may be a Word document: the name
only settles questions the content cannot (is this text a CSV list?).
"""

from __future__ import annotations

import re

from ..i18n import _
from .analysis import Refused

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
TIFF = "image/tiff"
GIF = "image/gif"
EML = "message/rfc822"
TEXT = "text/plain"
CSV = "text/csv"

SUPPORTED = (PDF, JPEG, PNG, TIFF, GIF, EML, TEXT, CSV)

# How much of the head of a file the decision needs; the %PDF marker may follow junk.
HEAD_SIZE = 4096

_EMAIL_HEADER = re.compile(rb"^([A-Za-z][A-Za-z0-9-]*):[ \t]", re.MULTILINE)
_EMAIL_NAMES = {b"from", b"to", b"date", b"subject", b"received", b"return-path", b"message-id",
                b"mime-version", b"delivered-to", b"cc", b"reply-to", b"x-mailer", b"content-type"}
_MARKUP = re.compile(rb"^\s*(<!doctype|<html|<\?xml|<svg|\{\\rtf)", re.IGNORECASE)


def sniff(head: bytes, name: str) -> str:
    """The media type of a file from its first bytes and its name, or ``Refused``."""
    lower = name.lower()
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return TIFF
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    _refuse_known_binary(head)
    if not _is_text(head):
        raise Refused(_("type de fichier non pris en charge (ni PDF, ni image JPEG, PNG, TIFF ou GIF, ni courriel, ni texte) : enregistrez-le en PDF ou en image pour en faire une pièce"))
    if _MARKUP.match(head.lstrip(b"\xef\xbb\xbf")):
        raise Refused(_("page web, XML ou RTF : imprimez-la en PDF pour en faire une pièce"))
    if lower.endswith(".eml") or _looks_like_email(head):
        return EML
    if lower.endswith((".csv", ".tsv")):
        return CSV
    return TEXT


def _refuse_known_binary(head: bytes) -> None:
    """Say what a familiar but unsupported format is, so the user knows how to convert it."""
    if head.startswith(b"PK\x03\x04"):
        raise Refused(_("archive ZIP ou document bureautique (docx, xlsx, odt\u2026) : enregistrez-le en PDF"))
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise Refused(_("ancien document Office ou message Outlook (doc, xls, msg) : enregistrez-le en PDF"))
    if head.startswith(b"BM") or (head[:4] == b"RIFF" and head[8:12] == b"WEBP") \
            or head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        raise Refused(_("format d'image non pris en charge (BMP, WebP, HEIC ou AVIF) : convertissez-la en JPEG ou PNG"))


def _is_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with its byte-order mark: Excel's "Unicode text" export
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls <= len(head) // 100


def _looks_like_email(head: bytes) -> bool:
    """Headers first, at least a sender and one of date or subject: a message saved without .eml."""
    block = head.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    names = {m.group(1).lower() for m in _EMAIL_HEADER.finditer(block)}
    first = block.split(b"\n", 1)[0]
    return (_EMAIL_HEADER.match(first) is not None and b"from" in names
            and bool(names & {b"date", b"subject"}) and len(names & _EMAIL_NAMES) >= 3)
