"""E-mails as exhibits: a page with the headers and the text, the attachments listed, then the
attachments that are documents (PDF, images) as the following pages of the same exhibit.

The message itself is read by the caller's reader (``imports.email_files.read_email``), passed
in so that there is one e-mail parser in the program and the export layer does not import the
import layer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any, Protocol

from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..i18n import Translator
from .exhibits_pdf import Refused, inspect_pdf
from .fonts import SANS, register_fonts
from .images import image_to_pdf
from .styles import ACCENT, PAGE_HEIGHT, PAGE_WIDTH, RULE, SHADE, styles
from .words import blocks, markup, plain

HEADER_SHOWN = 5000  # characters of one header in the table; past it the line says it is cut
IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff", "image/gif", "image/bmp")


class AttachmentLike(Protocol):
    # Read-only, so that frozen dataclasses (the import's own) satisfy it.
    @property
    def name(self) -> str: ...
    @property
    def media_type(self) -> str: ...
    @property
    def data(self) -> bytes: ...


class EmailLike(Protocol):
    @property
    def body(self) -> str: ...
    @property
    def attachments(self) -> tuple[AttachmentLike, ...]: ...

    def headers(self) -> dict[str, str]: ...


EmailReader = Callable[[Path], EmailLike]


@dataclass
class AttachedPart:
    name: str
    path: Path | None  # a PDF of its pages, when it is reproduced
    pages: int
    note: str


def email_to_pdfs(source: Path, workdir: Path, stem: str, words: Translator, reader: EmailReader | None,
                  caption: str) -> tuple[list[Path], int]:
    """Render the message and its document attachments; the PDFs in order and their total pages."""
    if reader is None:
        raise Refused(words.gettext("courriel : aucun lecteur de courriels n\u2019a été fourni à l\u2019export"))
    message: Any = reader(source)
    parts = [_attachment(a, workdir, f"{stem}-att{i}", words) for i, a in enumerate(message.attachments, 1)]
    first = workdir / f"{stem}-message.pdf"
    pages = _message_pdf(message, parts, first, words, caption)
    outputs = [first] + [p.path for p in parts if p.path is not None]
    return outputs, pages + sum(p.pages for p in parts if p.path is not None)


def _attachment(attachment: Any, workdir: Path, stem: str, words: Translator) -> AttachedPart:
    name = attachment.name or words.gettext("(sans nom)")
    data: bytes = attachment.data
    media = (attachment.media_type or "").lower()
    size = _size(len(data), words)
    if media == "application/pdf" or data[:1024].find(b"%PDF-") >= 0:
        path = workdir / f"{stem}.pdf"
        path.write_bytes(data)
        try:
            facts = inspect_pdf(path, None, words)
        except Refused as refusal:
            return AttachedPart(name, None, 0, words.gettext("PDF, ") + size + " — " +
                                words.gettext("non reproduit : ") + refusal.reason)
        return AttachedPart(name, path, facts.pages,
                            f"PDF, {size}, " + words.ngettext("{count}\u00a0page", "{count}\u00a0pages", facts.pages).format(count=facts.pages)
                            + words.gettext(" \u2014 reproduit ci-après"))
    if media in IMAGE_TYPES:
        raw = workdir / f"{stem}.img"
        raw.write_bytes(data)
        path = workdir / f"{stem}.pdf"
        try:
            pages = image_to_pdf(raw, path, words, name)
        except Refused as refusal:
            return AttachedPart(name, None, 0, words.gettext("image, ") + size + " — " +
                                words.gettext("non reproduite : ") + refusal.reason)
        return AttachedPart(name, path, pages, words.gettext("image, ") + size +
                            words.gettext(" \u2014 reproduite ci-après"))
    return AttachedPart(name, None, 0, f"{media or '?'}, {size} — " + words.gettext("non reproduit (ni PDF ni image) ; conservé dans le dossier original"))


def _size(count: int, words: Translator) -> str:
    if count < 1024:
        return words.gettext("{count}\u00a0octets").format(count=count)
    if count < 1024 * 1024:
        return words.gettext("{value}\u00a0Ko").format(value=count // 1024)
    value = f"{count / 1024 / 1024:.1f}"
    return words.gettext("{size}\u00a0Mo").format(size=value.replace(".", ",") if words.lang == "fr" else value)


def _header(words: Translator, value: str | None) -> str:
    """A header as its table cell shows it: whole, unless it is absurdly long (a megabyte "To:")."""
    if not value:
        return "—"
    if len(value) <= HEADER_SHOWN:
        return markup(value)
    return (markup(plain(value, HEADER_SHOWN)) + " <i>" + words.gettext("(en-tête de {value_count} caractères, coupé ici ; le courriel original est conservé)").format(value_count=len(value)) + "</i>")


def _message_pdf(message: Any, parts: list[AttachedPart], target: Path, words: Translator, caption: str) -> int:
    register_fonts()
    s = styles()
    buffer = BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1, initialFontName=SANS,
                          title=caption, author="", creator="Dossier", producer="Dossier", pageCompression=1)
    frame = Frame(20 * mm, 20 * mm, PAGE_WIDTH - 40 * mm, PAGE_HEIGHT - 44 * mm, id="mail",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    counter = {"pages": 0}

    def on_page(canv, _doc) -> None:  # type: ignore[no-untyped-def]
        counter["pages"] += 1
        canv.setFont(SANS, 7)
        canv.setFillColorRGB(0.31, 0.31, 0.31)
        canv.drawString(20 * mm, PAGE_HEIGHT - 14 * mm, caption)

    doc.addPageTemplates([PageTemplate(id="mail", frames=[frame], onPage=on_page)])
    labels = {"From": words.gettext("De"), "To": words.gettext("À"), "Cc": "Cc",
              "Date": "Date", "Subject": words.gettext("Objet")}
    rows = [[Paragraph(f"<b>{labels.get(k, k)}</b>", s["cell"]), Paragraph(_header(words, v), s["cell"])]
            for k, v in message.headers().items() if v or k in ("From", "To", "Date", "Subject")]
    header = Table(rows, colWidths=[20 * mm, None], hAlign="LEFT", splitInRow=1)
    header.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), SHADE), ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    story: list[Any] = [Paragraph(words.gettext("Courriel"), s["heading"]), header, Spacer(1, 5 * mm)]
    body = (message.body or "").strip()
    if body:
        for block in re.split(r"\n\s*\n", body):
            quoted = all(line.lstrip().startswith(">") for line in block.splitlines() if line.strip())
            for piece in blocks(block.strip("\n")):
                text = markup(piece)
                story.append(Paragraph(f'<font color="#505050">{text}</font>' if quoted else text, s["body-left"]))
            story.append(Spacer(1, 2.5 * mm))
    else:
        story.append(Paragraph(words.gettext("(message sans texte)"), s["note"]))
    if parts:
        story += [Spacer(1, 3 * mm), HRFlowable(width="100%", thickness=0.5, color=RULE, spaceAfter=3),
                  Paragraph(words.gettext("Pièces jointes"), s["heading"])]
        for index, part in enumerate(parts, 1):
            story.append(Paragraph(f"{index}.\u00a0<b>{markup(part.name)}</b> — {markup(part.note)}", s["fact"]))
    doc.build(story)
    target.write_bytes(buffer.getvalue())
    return counter["pages"]
