"""What the window shows of an exhibit's file: its kind of preview and, for text, the text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import _
from ..store import Store

if TYPE_CHECKING:
    from ..domain.model import Exhibit

TEXT_PREVIEW_CAP = 200_000


@dataclass(frozen=True)
class PreviewSource:
    path: Path
    form: str  # "pdf" | "image" | "text" | "missing"
    text: str = ""
    password: str | None = None


def preview_of(store: Store, exhibit: Exhibit) -> PreviewSource:
    path = store.blobs.path(exhibit.sha256)
    if not path.is_file():
        return PreviewSource(path, "missing", _("Le fichier de cette pièce est introuvable dans les données : vérifiez les fichiers des pièces."))
    media = exhibit.media_type or _guess(exhibit.original_name)
    if media == "application/pdf":
        return PreviewSource(path, "pdf", password=exhibit.password)
    if media.startswith("image/"):
        return PreviewSource(path, "image")
    if media == "message/rfc822":
        return PreviewSource(path, "text", email_text(path))
    return PreviewSource(path, "text", plain_text(path))


def _guess(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
            ".tif": "image/tiff", ".tiff": "image/tiff", ".eml": "message/rfc822"}.get(suffix, "text/plain")


def email_text(path: Path) -> str:
    """An e-mail as a person reads it: the usual headers, the body, the names of attached files."""
    from ..imports import read_email

    mail = read_email(path)
    names = {"From": _("De"), "To": _("À"), "Cc": "Cc", "Date": _("Date"),
             "Subject": _("Objet")}
    lines = [f"{names[k]} : {v}" for k, v in mail.headers().items() if v]
    if mail.attachments:
        lines.append(_("Pièces jointes : ") + ", ".join(a.name for a in mail.attachments))
    return "\n".join(lines) + "\n\n" + mail.body[:TEXT_PREVIEW_CAP]


def plain_text(path: Path) -> str:
    from ..imports.text_files import decode_text

    with open(path, "rb") as handle:
        data = handle.read(TEXT_PREVIEW_CAP)
    return decode_text(data)
