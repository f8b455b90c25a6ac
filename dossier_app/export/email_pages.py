"""E-mails as exhibits: a page with the headers and the text, the attachments listed, then the
attachments that are documents (PDF, images) as the following pages of the same exhibit.

A forwarded message (an attached ``message/rfc822``) is printed below the message that carries
it, with its own headers, text and list of attachments; its documents follow the outer
message's. The Date header is quoted as the sender's program wrote it, the date it means beside
it in the dossier's language. Characters DejaVu lacks (emoji) go through ``symbols``.

The message itself is read by the caller's reader (``imports.email_files.read_email``), passed
in so that there is one e-mail parser in the program and the export layer does not import the
import layer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
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
from .symbols import draw_string, with_symbols
from .words import blocks, markup, plain

HEADER_SHOWN = 5000  # characters of one header in the table; past it the line says it is cut
IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff", "image/gif", "image/bmp")
FORWARDED_TYPES = ("message/rfc822", "message/global")
# Messages forwarded inside forwarded messages: a real thread is a few levels deep.
MAX_FORWARDED_DEPTH = 10


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
    def date(self) -> datetime | None: ...
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


@dataclass
class _Section:
    """One message as printed: the outer one, then each forwarded one below it."""
    message: Any
    parts: list[AttachedPart]
    depth: int
    forwarded: list[_Section] = field(default_factory=list)

    def in_order(self) -> list[_Section]:
        return [self] + [inner for section in self.forwarded for inner in section.in_order()]


def email_to_pdfs(source: Path, workdir: Path, stem: str, words: Translator, reader: EmailReader | None,
                  caption: str) -> tuple[list[Path], int]:
    """Render the message, the messages forwarded in it and their document attachments; the PDFs
    in order and their total pages."""
    if reader is None:
        raise Refused(words.gettext("courriel : aucun lecteur de courriels n\u2019a été fourni à l\u2019export"))
    top = _section(reader(source), workdir, stem, words, reader, 0)
    sections = top.in_order()
    first = workdir / f"{stem}-message.pdf"
    pages = _message_pdf(sections, first, words, caption)
    attached = [p for section in sections for p in section.parts if p.path is not None]
    return [first] + [p.path for p in attached if p.path is not None], pages + sum(p.pages for p in attached)


def _section(message: Any, workdir: Path, stem: str, words: Translator, reader: EmailReader,
             depth: int) -> _Section:
    section = _Section(message, [], depth)
    for index, attachment in enumerate(message.attachments, 1):
        part_stem = f"{stem}-att{index}"
        if (attachment.media_type or "").lower() not in FORWARDED_TYPES:
            section.parts.append(_attachment(attachment, workdir, part_stem, words))
            continue
        name = attachment.name or words.gettext("(sans nom)")
        size = _size(len(attachment.data), words)
        if depth + 1 > MAX_FORWARDED_DEPTH:
            section.parts.append(AttachedPart(name, None, 0, words.gettext("courriel transféré, {size} — non reproduit : trop de courriels transférés les uns dans les autres").format(size=size)))
            continue
        saved = workdir / f"{part_stem}.eml"
        saved.write_bytes(attachment.data)
        section.forwarded.append(_section(reader(saved), workdir, part_stem, words, reader, depth + 1))
        section.parts.append(AttachedPart(name, None, 0, words.gettext("courriel transféré, {size} — reproduit ci-dessous").format(size=size)))
    return section


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
        return with_symbols(markup(value))
    return (with_symbols(markup(plain(value, HEADER_SHOWN))) + " <i>" + words.gettext("(en-tête de {value_count} caractères, coupé ici ; le courriel original est conservé)").format(value_count=len(value)) + "</i>")


def meant_date(words: Translator, moment: datetime) -> str:
    """The moment a Date header means, as the sender's clock read it: ``"mardi 4 mars 2025,
    09 h 12"`` / ``"Tuesday 4 March 2025, 09:12"``."""
    from babel.dates import format_date

    weekday = format_date(moment.date(), "EEEE", locale=words.locale)
    return f"{weekday} {words.long_day(moment.date())}, {words.clock(moment)}"


def _date_cell(words: Translator, written: str | None, moment: datetime | None) -> str:
    """The Date header quoted as written, the date it means beside it when it can be read."""
    cell = _header(words, written)
    if written and moment is not None:
        cell += f' <font color="#505050">({markup(meant_date(words, moment))})</font>'
    return cell


def _message_pdf(sections: list[_Section], target: Path, words: Translator, caption: str) -> int:
    register_fonts()
    buffer = BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1, initialFontName=SANS,
                          title=caption, author="", creator="Dossier", producer="Dossier", pageCompression=1)
    frame = Frame(20 * mm, 20 * mm, PAGE_WIDTH - 40 * mm, PAGE_HEIGHT - 44 * mm, id="mail",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    counter = {"pages": 0}

    def on_page(canv, _doc) -> None:  # type: ignore[no-untyped-def]
        counter["pages"] += 1
        canv.setFillColorRGB(0.31, 0.31, 0.31)
        draw_string(canv, 20 * mm, PAGE_HEIGHT - 14 * mm, caption, SANS, 7)

    doc.addPageTemplates([PageTemplate(id="mail", frames=[frame], onPage=on_page)])
    story: list[Any] = []
    for section in sections:
        story += _message_story(section, words)
    doc.build(story)
    target.write_bytes(buffer.getvalue())
    return counter["pages"]


def _message_story(section: _Section, words: Translator) -> list[Any]:
    s = styles()
    message = section.message
    labels = {"From": words.gettext("De"), "To": words.gettext("À"), "Cc": "Cc",
              "Date": "Date", "Subject": words.gettext("Objet")}
    rows = []
    for key, value in message.headers().items():
        if not value and key not in ("From", "To", "Date", "Subject"):
            continue
        cell = _date_cell(words, value, message.date) if key == "Date" else _header(words, value)
        rows.append([Paragraph(f"<b>{labels.get(key, key)}</b>", s["cell"]), Paragraph(cell, s["cell"])])
    header = Table(rows, colWidths=[20 * mm, None], hAlign="LEFT", splitInRow=1)
    header.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), SHADE), ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    story: list[Any] = []
    if section.depth == 0:
        story.append(Paragraph(words.gettext("Courriel"), s["heading"]))
    else:
        story += [Spacer(1, 6 * mm), HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceAfter=4),
                  Paragraph(words.gettext("Courriel transféré"), s["heading"])]
    story += [header, Spacer(1, 5 * mm)]
    body = (message.body or "").strip()
    if body:
        for block in re.split(r"\n\s*\n", body):
            quoted = all(line.lstrip().startswith(">") for line in block.splitlines() if line.strip())
            for piece in blocks(block.strip("\n")):
                text = with_symbols(markup(piece))
                story.append(Paragraph(f'<font color="#505050">{text}</font>' if quoted else text, s["body-left"]))
            story.append(Spacer(1, 2.5 * mm))
    else:
        story.append(Paragraph(words.gettext("(message sans texte)"), s["note"]))
    if section.parts:
        story += [Spacer(1, 3 * mm), HRFlowable(width="100%", thickness=0.5, color=RULE, spaceAfter=3),
                  Paragraph(words.gettext("Pièces jointes"), s["heading"])]
        for index, part in enumerate(section.parts, 1):
            story.append(Paragraph(f"{index}.\u00a0<b>{with_symbols(markup(part.name))}</b> — {markup(part.note)}", s["fact"]))
    return story
