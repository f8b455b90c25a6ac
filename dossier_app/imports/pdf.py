"""PDF files: open with qpdf (through pikepdf), read metadata, extract the first pages' text.

qpdf repairs what can be repaired and is the judge of whether a PDF can be an exhibit;
pypdf only extracts text, and only from a clean copy of the first pages that qpdf
wrote, so that a hostile file's structure never reaches it and its work stays bounded.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

import pikepdf
import pypdf

from ..domain.passwords import password_forms
from ..i18n import _, ngettext
from .analysis import DateClue, PasswordNeeded, Refused
from .clues import CREATED, MODIFIED
from .text_files import TEXT_CAP

log = logging.getLogger(__name__)

# Dates, titles and kind clues are on the first pages; a 300-page annex needs no reading.
TEXT_PAGES = 3
# Scanning every page for scripts is cheap per page but not for a 5 000-page file.
SCAN_PAGES = 200

_PDF_DATE = re.compile(r"^\s*(?:D:)?\s*(\d{4})(\d{2})(\d{2})")
_XMP_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


@dataclass
class PdfFacts:
    pages: int
    encrypted: bool
    title: str | None = None
    text: str = ""
    dates: list[DateClue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_pdf(path: Path, password: str | None) -> PdfFacts:
    """What an exhibit needs to know of a PDF; ``Refused`` when it cannot be one."""
    with _quiet():
        return _read(path, password)


def _read(path: Path, password: str | None) -> PdfFacts:
    # Opened here rather than by qpdf: a name that is not UTF-8 is no concern of the parser's.
    with open(path, "rb") as stream, _open(stream, path, password) as pdf:
        try:
            pages = len(pdf.pages)
        except (pikepdf.PdfError, RuntimeError, ValueError) as exc:
            raise Refused(_("PDF endommagé : sa liste de pages est illisible ; récupérez à nouveau l'original, ou ouvrez-le et imprimez-le en PDF")) from exc
        if pages == 0:
            raise Refused(_("PDF sans aucune page : récupérez à nouveau l'original, ou ouvrez-le et imprimez-le en PDF"))
        facts = PdfFacts(pages=pages, encrypted=pdf.is_encrypted)
        try:
            # What the export reads before it calls a PDF "réparé" (``export.exhibits_pdf.inspect_pdf``):
            # every page's content entry. Read here too, the import says "repaired" when the export will.
            for page in pdf.pages:
                page.obj.get("/Contents")
        except (pikepdf.PdfError, RuntimeError, ValueError, TypeError, KeyError) as exc:
            raise Refused(_("PDF endommagé : une de ses pages est illisible ; reprenez le document d'origine ou imprimez-le en PDF")) from exc
        if pdf.get_warnings():
            facts.notes.append(_("PDF endommagé, réparé à la lecture : vérifiez que rien n'y manque"))
        _metadata(pdf, facts)
        _active_content(pdf, facts)
        facts.text = _first_pages_text(pdf)
    return facts


def _open(stream: BinaryIO, path: Path, password: str | None) -> pikepdf.Pdf:
    try:
        return open_with_forms(stream, password)
    except pikepdf.PasswordError as exc:
        if password:
            raise PasswordNeeded(_("PDF protégé : ce mot de passe n'est pas le bon")) from exc
        raise PasswordNeeded(_("protégé par mot de passe : ajoutez-le avec son mot de passe")) from exc
    except (pikepdf.PdfError, RuntimeError, ValueError, OSError) as exc:
        log.info("qpdf cannot open %s: %s", path, exc)
        raise Refused(_("PDF endommagé au point d'être illisible : récupérez à nouveau l'original, ou ouvrez-le et imprimez-le en PDF")) from exc


def open_with_forms(stream: BinaryIO, password: str | None) -> pikepdf.Pdf:
    """Open with the password as given, then SASLprep-normalised (PDF 2.0): a no-break space or a
    decomposed accent typed or pasted must open the file as the export will (``domain.passwords``)."""
    forms = password_forms(password) if password else [""]
    for form in forms[:-1]:
        try:
            stream.seek(0)
            return pikepdf.open(stream, password=form)
        except pikepdf.PasswordError:
            continue
    stream.seek(0)
    return pikepdf.open(stream, password=forms[-1])


def _metadata(pdf: pikepdf.Pdf, facts: PdfFacts) -> None:
    try:
        info = pdf.docinfo
        title = _text(info.get("/Title"))
        created, modified = _text(info.get("/CreationDate")), _text(info.get("/ModDate"))
    except (pikepdf.PdfError, RuntimeError, ValueError, AttributeError, TypeError):
        title = created = modified = None
    _add(facts, _pdf_day(created), _("métadonnées PDF (date de création)"), CREATED)
    _add(facts, _pdf_day(modified), _("métadonnées PDF (date de modification)"),
         MODIFIED)
    try:
        xmp = pdf.open_metadata()
        xmp_title = xmp.get("dc:title")
        xmp_created = xmp.get("xmp:CreateDate")
    except Exception:  # XMP is XML written by anything; a broken packet is only missing metadata
        xmp_title = xmp_created = None
    facts.title = title or _text(xmp_title)
    _add(facts, _xmp_day(_text(xmp_created)), _("métadonnées XMP (date de création)"),
         CREATED - 1)


def _active_content(pdf: pikepdf.Pdf, facts: PdfFacts) -> None:
    """Say when a PDF carries scripts or files: kept as they are, but the user should know."""
    script = False
    attached: list[str | None] = []  # None: an attachment without a readable name
    try:
        root = pdf.Root
        names = root.get("/Names")
        script = bool(names is not None and "/JavaScript" in names) or "/AA" in root \
            or _is_script(root.get("/OpenAction"))
        attached = [str(name) for name in pdf.attachments]
        for page in pdf.pages[:SCAN_PAGES]:
            script = script or "/AA" in page.obj
            for annot in page.obj.get("/Annots") or []:
                if not isinstance(annot, pikepdf.Dictionary):
                    continue
                script = script or _is_script(annot.get("/A")) or "/AA" in annot
                if annot.get("/Subtype") == "/FileAttachment":
                    spec = annot.get("/FS")
                    attached.append(_text(spec.get("/UF") or spec.get("/F")) if isinstance(spec, pikepdf.Dictionary)
                                    else "?")
    except (pikepdf.PdfError, RuntimeError, ValueError, TypeError, AttributeError, KeyError):
        log.info("could not scan %s for active content", pdf.filename, exc_info=True)
    if script:
        facts.notes.append(_("contient du JavaScript : il n'est jamais exécuté, le fichier est gardé tel quel"))
    if attached:
        shown = ", ".join(name or "?" for name in attached[:5]) + (" …" if len(attached) > 5 else "")
        facts.notes.append(ngettext("contient {attached_count} fichier joint : {shown} (à importer à part si c'est une pièce)", "contient {attached_count} fichiers joints : {shown} (à importer à part s'ils sont des pièces)", len(attached)).format(attached_count=len(attached), shown=shown))


def _is_script(action: object) -> bool:
    return isinstance(action, pikepdf.Dictionary) and (action.get("/S") == "/JavaScript" or "/JS" in action)


def _first_pages_text(pdf: pikepdf.Pdf) -> str:
    """The text of the first pages, or "" when there is none or it cannot be had."""
    try:
        chunks: list[str] = []
        # The copy loses forms and links, which pikepdf warns about: text needs neither.
        head = pikepdf.Pdf.new()
        head.pages.extend(pdf.pages[:TEXT_PAGES])
        buffer = io.BytesIO()
        head.save(buffer)
        reader = pypdf.PdfReader(io.BytesIO(buffer.getvalue()))
        for page in reader.pages:
            chunks.append(page.extract_text() or "")
            if sum(map(len, chunks)) >= TEXT_CAP:
                break
        return "\n".join(chunks)[:TEXT_CAP]
    except Exception:  # text is only a source of suggestions: a page pypdf cannot read has none
        log.info("no text from %s", pdf.filename, exc_info=True)
        return ""


@contextmanager
def _quiet() -> Iterator[None]:
    """pikepdf and pypdf report odd files through warnings and logging: not the user's concern."""
    loggers = [logging.getLogger(name) for name in ("pikepdf", "pypdf")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _text(value: object) -> str | None:
    if value is None:
        return None
    try:
        text = str(value)
    except (UnicodeDecodeError, ValueError, RuntimeError):
        return None
    return text.strip() or None


def _pdf_day(text: str | None) -> date | None:
    match = _PDF_DATE.match(text or "")
    return _day(*match.groups()) if match else None


def _xmp_day(text: str | None) -> date | None:
    match = _XMP_DATE.match(text or "")
    return _day(*match.groups()) if match else None


def _day(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _add(facts: PdfFacts, day: date | None, source: str, rank: int) -> None:
    if day is not None:
        facts.dates.append(DateClue(day, source, rank))


def password_problem(path: Path, password: str | None) -> str | None:
    """Why ``password`` is wrong for the PDF at ``path`` (a protected PDF needs its own; an open one
    needs none), or None when it is right or the file cannot tell."""
    try:
        with open(path, "rb") as stream, open_with_forms(stream, password) as pdf:
            protected = pdf.is_encrypted
    except pikepdf.PasswordError:
        return (_("ce mot de passe n'ouvre pas le PDF : vérifiez-le") if password
                else _("ce PDF est protégé : sans son mot de passe, il ne peut pas entrer dans le dossier"))
    except (pikepdf.PdfError, OSError, RuntimeError, ValueError):
        return None  # unreadable or not a PDF: the import and the export say so in their own words
    if password and not protected:
        return _("ce PDF n'est pas protégé : il n'a pas besoin de mot de passe")
    return None
