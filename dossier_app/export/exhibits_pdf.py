"""PDF exhibits: opened (with their password), repaired when qpdf can, refused with a reason when not.

What may not travel into the bundle (scripts, launches, attachments…) is taken out by
``active_content``.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

from ..domain.passwords import password_forms
from ..i18n import Translator


class Refused(Exception):
    """An exhibit that cannot go into the bundle, with the reason a person can act on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    signed: bool
    repaired: bool
    warnings: tuple[str, ...] = ()
    encrypted: bool = False
    password: str | None = None  # the form of the password that opened it (see ``open_pdf``)


def _qpdf_message(exc: Exception, path: Path) -> str:
    text = str(exc).replace(str(path) + ": ", "").replace(str(path), "").strip()
    return text.splitlines()[0] if text else type(exc).__name__


def open_pdf(path: Path, password: str | None, words: Translator) -> pikepdf.Pdf:
    """Open for reading; ``Refused`` when it is locked or beyond repair.

    The password is tried as given, then SASLprep-normalised (PDF 2.0, ``domain.passwords``).
    """
    return open_pdf_with(path, password, words)[0]


def open_pdf_with(path: Path, password: str | None, words: Translator) -> tuple[pikepdf.Pdf, str | None]:
    """``open_pdf`` and the form of the password that opened the file (None: none given)."""
    forms = password_forms(password) if password else [""]
    for index, form in enumerate(forms):
        try:
            with warnings.catch_warnings():
                # A password kept for a file that is not (or no longer) encrypted is harmless: pikepdf
                # would print a warning naming its own source file on the user's terminal.
                warnings.filterwarnings("ignore", message="A password was provided, but no password was needed",
                                        category=UserWarning)
                return pikepdf.open(path, password=form), (form if password else None)
        except pikepdf.PasswordError as exc:
            if index + 1 < len(forms):
                continue
            raise Refused(words.gettext("PDF chiffré : mot de passe incorrect") if password else words.gettext(
                "PDF chiffré sans mot de passe : donnez son mot de passe à la pièce, ou excluez-la")) from exc
        except (pikepdf.PdfError, OSError, ValueError, RuntimeError) as exc:
            raise Refused(words.gettext("PDF endommagé que qpdf ne sait pas réparer ({qpdf_message})").format(qpdf_message=_qpdf_message(exc, path))) from exc
    raise AssertionError("unreachable: at least one form is tried")


def inspect_pdf(path: Path, password: str | None, words: Translator) -> PdfFacts:
    opened, used = open_pdf_with(path, password, words)
    with opened as pdf:
        try:
            pages = len(pdf.pages)
            signed = is_signed(pdf)
            for page in pdf.pages:
                page.obj.get(Name.Contents)
        except (pikepdf.PdfError, RuntimeError, ValueError, TypeError, KeyError) as exc:
            raise Refused(words.gettext("PDF endommagé que qpdf ne sait pas réparer ({qpdf_message})").format(qpdf_message=_qpdf_message(exc, path))) from exc
        if pages == 0:
            raise Refused(words.gettext("PDF sans aucune page : récupérez à nouveau l'original, ou ouvrez-le et imprimez-le en PDF"))
        notes = tuple(str(w) for w in pdf.get_warnings())
        encrypted = bool(pdf.is_encrypted)
    return PdfFacts(pages, signed, bool(notes), notes, encrypted, used)


def is_signed(pdf: pikepdf.Pdf) -> bool:
    """Whether the document carries a digital signature (which no stamped copy can keep valid)."""
    root = pdf.Root
    if Name.Perms in root:
        return True
    form = root.get(Name.AcroForm)
    if not isinstance(form, Dictionary):
        return False
    flags = form.get(Name.SigFlags)
    if flags is not None and int(flags) & 1:
        return True
    pending = list(form.get(Name.Fields, Array()))
    seen = 0
    while pending and seen < 10_000:
        node = pending.pop()
        seen += 1
        if not isinstance(node, Dictionary):
            continue
        if node.get(Name.FT) == Name.Sig and Name.V in node:
            return True
        pending.extend(node.get(Name.Kids, Array()))
    return False
