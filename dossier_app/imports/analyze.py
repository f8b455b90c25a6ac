"""One file on disk → one ``Analysis``: what it is, and what to suggest for it.

Every way a file can be wrong ends here as a refusal with its reason, never as an
exception: an import of a hundred files must not stop at the first bad one.
"""

from __future__ import annotations

import logging
import re
import stat
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..i18n import N_, _, ngettext
from . import clues, titles
from .analysis import Analysis, DateClue, PasswordNeeded, Refused
from .csv_tables import is_invoice_list, table_problem
from .email_files import MAX_NESTING, nesting_depth, read_email
from .french_dates import date_in_file_name, find_dates
from .images import read_image
from .kinds import kind_for_email, kind_for_screenshot, kind_from_text
from .pdf import read_pdf
from .sniff import CSV, EML, GIF, HEAD_SIZE, JPEG, PDF, PNG, TEXT, TIFF, sniff
from .text_files import TEXT_CAP, decode_text, estimated_pages

log = logging.getLogger(__name__)

# Beyond these an e-mail or a text is not a document a judge will read.
MAX_EMAIL_BYTES = 100 * 1024 * 1024
MAX_TEXT_BYTES = 5 * 1024 * 1024
# No exhibit a court will read is this large (a 600 dpi scan of a thousand pages is less); past it
# a file is a disk image, a sparse trap or /proc/kcore, and merely hashing it would take minutes.
MAX_FILE_BYTES = 1024 * 1024 * 1024

_EXTENSIONS = {PDF: (".pdf",), JPEG: (".jpg", ".jpeg", ".jpe"), PNG: (".png",), TIFF: (".tif", ".tiff"),
               GIF: (".gif",)}
_BINARY_EXTENSIONS = tuple(e for extensions in _EXTENSIONS.values() for e in extensions)
_CONTENT = {PDF: N_("un PDF"), JPEG: N_("une image JPEG"), PNG: N_("une image PNG"), TIFF: N_("une image TIFF"), GIF: N_("une image GIF"),
            EML: N_("un courriel"), TEXT: N_("du texte"), CSV: N_("du texte")}
# The business is French: an e-mail sent at 23:30 UTC on the 4th was sent on the 5th in Laval.
_BUSINESS_ZONE = "Europe/Paris"


def analyze(path: Path, password: str | None = None, today: date | None = None) -> Analysis:
    """What ``path`` would be as an exhibit; ``refused`` says why when it cannot be one."""
    path = Path(path)
    today = today or date.today()
    title = titles.from_file_name(path.stem if path.suffix else path.name)  # undecodable bytes as U+FFFD
    size = 0
    media_type: str | None = None
    try:
        size = _check_regular(path)
        with path.open("rb") as stream:
            head = stream.read(HEAD_SIZE)
        media_type = sniff(head, path.name)
        _refuse_text_in_disguise(path, media_type, head)
        found = _by_type(path, media_type, password, size)
    except Refused as refusal:
        return Analysis(path=path, media_type=media_type, size=size, title=title, refused=str(refusal),
                        locked=isinstance(refusal, PasswordNeeded))
    except OSError as exc:
        return Analysis(path=path, media_type=media_type, size=size, title=title,
                        refused=_("fichier illisible : {value}").format(value=exc.strerror or exc))
    except MemoryError:
        return Analysis(path=path, media_type=media_type, size=size, title=title,
                        refused=_("sa lecture demande trop de mémoire : fichier démesuré ou piégé"))
    except Exception as exc:  # a parser's bug must cost one file, not the whole import
        log.exception("analysis of %s failed", path)
        return Analysis(path=path, media_type=media_type, size=size, title=title,
                        refused=_("fichier illisible ({name__})").format(name__=type(exc).__name__))
    name_clues = clues.from_file_name(date_in_file_name(path.stem))
    dates = clues.plausible([*found.dates, *name_clues], today)
    notes = list(found.notes)
    if _misnamed(path.suffix.lower(), media_type):
        # Often a failed download: an error page or a photo saved under a document's name.
        notes.append(_("le nom finit par « {suffix} » mais le contenu est {content}").format(
            suffix=path.suffix or _("(rien)"), content=_(_CONTENT[media_type])))
    return Analysis(
        path=path,
        media_type=media_type,
        size=size,
        title=found.title or title,
        pages=found.pages,
        suggested_date=dates[0].day if dates else None,
        date_source=dates[0].source if dates else None,
        suggested_kind=found.kind,
        encrypted=found.encrypted,
        notes=tuple(notes),
        dates=tuple(dates),
    )


@dataclass
class _Found:
    """What one reader learnt, before the common choices are made."""

    pages: int | None
    title: str | None = None
    kind: str | None = None
    dates: list[DateClue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    encrypted: bool = False


def _misnamed(suffix: str, media_type: str) -> bool:
    expected = _EXTENSIONS.get(media_type)
    if expected:
        return suffix not in expected
    return suffix in _BINARY_EXTENSIONS


def _refuse_text_in_disguise(path: Path, media_type: str, head: bytes) -> None:
    """A text named like a PDF or a picture is a failed download or an error page far more often than
    a document: printed as text, the pièce would read « oops » where the judge expects a contract.
    Refused, saying what it holds, so that the user fetches the real document (or renames the file
    ``.txt`` when the text itself is the proof)."""
    suffix = path.suffix.lower()
    if media_type not in (TEXT, CSV) or suffix not in _BINARY_EXTENSIONS:
        return
    start = " ".join(decode_text(head[:200]).split())
    start = start[:40] + ("…" if len(start) > 40 else "")
    if suffix == ".pdf":
        raise Refused(_("ce n'est pas un PDF, malgré son nom : le fichier ne contient que du texte (« {start} ») ; reprenez le document d'origine (un téléchargement a pu échouer), ou renommez-le en .txt pour le garder comme texte").format(start=start))
    raise Refused(_("ce n'est pas une image, malgré son nom en « {suffix} » : le fichier ne contient que du texte (« {start} ») ; reprenez l'image d'origine, ou renommez-le en .txt pour le garder comme texte").format(suffix=suffix, start=start))


def _check_regular(path: Path) -> int:
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise Refused(_("fichier introuvable")) from exc
    if stat.S_ISDIR(info.st_mode):
        raise Refused(_("c'est un dossier qui n'a pas pu être parcouru"))
    if not stat.S_ISREG(info.st_mode):
        # Reading a pipe or a device would block or never end.
        raise Refused(_("pas un fichier ordinaire (tube, périphérique\u2026)"))
    if info.st_size == 0:
        raise Refused(_("fichier vide (0 octet) : récupérez à nouveau l'original (pièce jointe, téléchargement)"))
    if info.st_size > MAX_FILE_BYTES:
        raise Refused(too_big())
    return info.st_size


def too_big() -> str:
    return _("fichier trop gros pour une pièce (plus de {value} Go) : découpez-le ou compressez-le").format(value=MAX_FILE_BYTES // 2**30)


def _by_type(path: Path, media_type: str, password: str | None, size: int) -> _Found:
    if media_type == PDF:
        return _pdf(path, password)
    if media_type in (JPEG, PNG, TIFF, GIF):
        return _image(path, media_type)
    if media_type == EML:
        return _email(path, size)
    return _text(path, media_type, size)


def _pdf(path: Path, password: str | None) -> _Found:
    facts = read_pdf(path, password)
    text_dates = clues.from_text(find_dates(facts.text))
    kind = kind_from_text(facts.text) or kind_from_text(_name_words(path))
    return _Found(facts.pages, title=titles.from_metadata(facts.title), kind=kind,
                  dates=[*text_dates, *facts.dates], notes=facts.notes, encrypted=facts.encrypted)


def _image(path: Path, media_type: str) -> _Found:
    facts = read_image(path, media_type)
    words = f"{_name_words(path)} {facts.words}"
    kind = kind_for_screenshot(words) if media_type == PNG else kind_from_text(words)
    return _Found(facts.pages, kind=kind, dates=facts.dates, notes=facts.notes)


def _email(path: Path, size: int) -> _Found:
    if size > MAX_EMAIL_BYTES:
        raise Refused(_("courriel de plus de {value} Mo : enregistrez-le en PDF et ses pièces jointes à part").format(value=MAX_EMAIL_BYTES // 2**20))
    data = path.read_bytes()
    if nesting_depth(data) > MAX_NESTING:
        raise Refused(_("courriel imbriqué sur plus de {MAX_NESTING} niveaux (parties ou messages les uns dans les autres) : fichier piégé ou endommagé, enregistrez-le en PDF depuis la messagerie").format(MAX_NESTING=MAX_NESTING))
    content = read_email(data)
    dates: list[DateClue] = []
    if content.date is not None:
        dates.append(DateClue(_business_day(content.date), _("en-tête Date du courriel"),
                              clues.RECORDED))
    dates += clues.from_text(find_dates(content.body[:TEXT_CAP]))
    notes = []
    if content.attachments:
        names = ", ".join(a.name for a in content.attachments[:5]) + (" …" if len(content.attachments) > 5 else "")
        notes.append(ngettext("{attachments_count} pièce jointe : {names} (à importer à part si c'est une pièce)", "{attachments_count} pièces jointes : {names} (à importer à part si ce sont des pièces)", len(content.attachments)).format(attachments_count=len(content.attachments), names=names))
    printed = "\n".join(f"{k}: {v}" for k, v in content.headers().items()) + "\n\n" + content.body
    return _Found(estimated_pages(printed), title=titles.from_metadata(content.subject),
                  kind=kind_for_email(content.subject), dates=dates, notes=notes)


def _text(path: Path, media_type: str, size: int) -> _Found:
    if size > MAX_TEXT_BYTES:
        raise Refused(_("texte de plus de {value} Mo : trop long pour une pièce").format(value=MAX_TEXT_BYTES // 2**20))
    text = decode_text(path.read_bytes())
    if media_type == CSV:
        if is_invoice_list(text):
            return _Found(estimated_pages(text), kind="invoice")
        problem = table_problem(text)
        if problem:
            raise Refused(problem)
        # A bank statement, an export of payments: the table itself is the proof, printed as it is.
        kind = kind_from_text(text[:TEXT_CAP]) or kind_from_text(_name_words(path))
        return _Found(estimated_pages(text), kind=kind, dates=clues.from_text(find_dates(text[:TEXT_CAP])),
                      notes=[_("tableau CSV (pas une liste de factures : il y faudrait les colonnes numero, date et montant_ttc) : ajouté comme pièce, imprimé en tableau tel quel")])
    head = text[:TEXT_CAP]
    kind = kind_from_text(head) or kind_from_text(_name_words(path))
    return _Found(estimated_pages(text), kind=kind, dates=clues.from_text(find_dates(head)))


def _business_day(moment: datetime) -> date:
    if moment.tzinfo is None:
        return moment.date()
    try:
        return moment.astimezone(ZoneInfo(_BUSINESS_ZONE)).date()
    except (ZoneInfoNotFoundError, ValueError, OverflowError):
        return moment.date()


def _name_words(path: Path) -> str:
    """``accuse_reception-LRAR.jpg`` → ``accuse reception LRAR``: separators were spaces."""
    return re.sub(r"[_\-.+]+", " ", path.stem)

