"""``export --split``: a folder for electronic communication, the bordereau and each pièce apart.

The whole dossier is laid out as usual; the bordereau's pages are taken from its generated parts
(the same header, footer and page numbers as in the dossier) and each pièce is stamped by the same
code as in the bundle (« Pièce n° N — p. x/y » and its dossier-wide page number).  Everything is
written into a hidden folder beside the target, renamed only at the end: whole or nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import cast

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, String

from ..i18n import Translator
from .api import ExportError
from .assemble import _add_page, _destination, copy_exhibit
from .contents import part_titles
from .context import Dossier, cited_exhibit
from .layout import Built
from .lean import finish, note_version
from .prepare import Prepared
from .stamping import Stamper, StampFont
from .words import LINE_TITLE, exhibit, plain

MAX_TITLE_CHARS = 80
BORDEREAU_STEM = "bordereau"
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O",
                            "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "°": "o"})
Report = Callable[[str, str, int, int], None]  # stage, label, done, total; raises to cancel


def ascii_title(title: str) -> str:
    """« Facture Pixelune F-2025/031 » → ``facture-pixelune-f-2025-031``: ASCII letters and digits
    joined by hyphens, accents dropped, 80 characters at most; ``piece`` when nothing is left."""
    text = unicodedata.normalize("NFKD", title.translate(_LIGATURES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    words = _NOT_WORD.sub("-", text.encode("ascii", "ignore").decode("ascii")).strip("-")
    return words[:MAX_TITLE_CHARS].rstrip("-") or "piece"


def split_names(numbered: list[tuple[int, str]]) -> list[str]:
    """``00_bordereau.pdf`` then ``NN_intitule.pdf`` for each (number, title), two digits or more."""
    width = max([2, *(len(str(n)) for n, _ in numbered)])
    return [f"{0:0{width}d}_{BORDEREAU_STEM}.pdf",
            *(f"{n:0{width}d}_{ascii_title(title)}.pdf" for n, title in numbered)]


def check_folder(folder: Path, words: Translator) -> None:
    """The folder may be new (its parent existing) or empty; anything else is refused, never filled."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise ExportError(words.gettext("{folder} n'est pas un dossier : choisissez un dossier vide ou un nouveau nom.").format(folder=folder))
    if folder.is_dir() and any(folder.iterdir()):
        raise ExportError(words.gettext("Le dossier {folder} n'est pas vide : choisissez un dossier vide ou un nouveau nom, rien n'y sera remplacé.").format(folder=folder))
    if not folder.parent.is_dir():
        raise ExportError(words.gettext("Le dossier de {output} n'existe pas : créez-le ou choisissez un autre emplacement.").format(output=folder))


@dataclass(frozen=True)
class Written:
    files: list[Path]  # in the final folder: the bordereau, then the pièces in number order
    sizes: list[int]
    pages: int  # all files together
    oversized: tuple[int, ...]  # pièces whose file alone is over the size cap


def write_split(d: Dossier, built: Built, usable: list[Prepared], folder: Path, report: Report,
                max_mb: float | None, file_mode: int, write_error: Callable[[OSError, Path], ExportError]) -> Written:
    words = d.words
    check_folder(folder, words)
    names = split_names([(p.number, p.exhibit.title) for p in usable])
    try:
        temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".part", dir=folder.parent))
    except OSError as exc:
        raise write_error(exc, folder) from exc
    try:
        font = StampFont()
        pages = _write_bordereau(d, built, names, temp / names[0])
        for index, prepared in enumerate(usable):
            report("assemble", exhibit(words, prepared.number), index, len(usable))
            pages += prepared.pages
            try:
                prepared.removed = _write_exhibit(d, built, prepared, temp / names[index + 1], font)
            except OSError as exc:
                raise write_error(exc, folder / names[index + 1]) from exc
        report("write", words.gettext("Écriture des fichiers"), 100, 100)
        sizes = [(temp / name).stat().st_size for name in names]
        for name in names:
            os.chmod(temp / name, file_mode)
        os.chmod(temp, file_mode | (file_mode & 0o444) >> 2)  # 0644 → 0755
        check_folder(folder, words)  # again: something may have been put there meanwhile
        if folder.is_dir():
            os.rmdir(folder)  # empty, checked just now
        os.replace(temp, folder)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise write_error(exc, folder) from exc
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    limit = max_mb * 1_000_000 if max_mb else None
    oversized = tuple(p.number for p, size in zip(usable, sizes[1:], strict=True) if limit and size > limit)
    return Written([folder / name for name in names], sizes, pages, oversized)


def _save(out: pikepdf.Pdf, d: Dossier, title: str, target: Path) -> None:
    out.docinfo[Name.Title] = String(plain(title, LINE_TITLE))
    out.docinfo[Name.Creator] = String("Dossier")
    out.Root[Name.PageMode] = Name.UseOutlines
    out.Root[Name.Lang] = String(d.words.lang)
    out.save(target, deterministic_id=True, compress_streams=True,
             stream_decode_level=pikepdf.StreamDecodeLevel.none, min_version=finish(out))


def _write_bordereau(d: Dossier, built: Built, names: list[str], target: Path) -> int:
    """The bordereau's pages of the generated parts, its links to each pièce's own file."""
    first = built.layout.part_pages["bordereau"] - 1  # 0-based in the generated parts
    title = part_titles(d.words)["bordereau"]
    file_of = {p.number: name for p, name in zip(d.entries, names[1:], strict=True)}
    out = pikepdf.new()
    try:
        pages: list[Dictionary] = []
        with pikepdf.open(BytesIO(built.parts.pdf)) as parts:
            note_version(out, parts.pdf_version)
            for source_page in list(parts.pages)[first:]:
                page = cast(Dictionary, out.copy_foreign(source_page.obj))  # a page's copy is a page
                _add_page(out, page)
                pages.append(page)
        for link in built.parts.links:
            cited = cited_exhibit(link.target)
            if link.page < first or cited is None or cited[0] not in file_of:
                continue
            annotation = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([round(v, 2) for v in link.rect]),
                                    Border=Array([0, 0, 0]),
                                    A=Dictionary(S=Name.GoToR, F=String(file_of[cited[0]]),
                                                 D=Array([0, Name.Fit]), NewWindow=False))
            page = pages[link.page - first]
            if Name.Annots not in page:
                page[Name.Annots] = Array()
            page.Annots.append(out.make_indirect(annotation))
        with out.open_outline() as outline:
            outline.root.append(OutlineItem(title, _destination(pages, 0)))
        out.Root[Name.PageLabels] = Dictionary(Nums=Array([0, Dictionary(S=Name.D, St=first + 1)]))
        _save(out, d, f"{title} \u2014 {d.case.title}", target)
    finally:
        out.close()
    return len(pages)


def _write_exhibit(d: Dossier, built: Built, prepared: Prepared, target: Path, font: StampFont) -> int:
    """One pièce, stamped as in the bundle, one outline item naming it."""
    out = pikepdf.new()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", category=getattr(pikepdf, "PageCopyWarning", UserWarning))
            pages: list[Dictionary] = []
            removed = copy_exhibit(out, pages, Stamper(out, font), d, built.layout, prepared)
        name = f"{exhibit(d.words, prepared.number)} \u2014 {plain(prepared.exhibit.title, LINE_TITLE)}"
        with out.open_outline() as outline:
            if pages:
                outline.root.append(OutlineItem(name, _destination(pages, 0)))
        prefix = d.words.gettext("P")
        out.Root[Name.PageLabels] = Dictionary(Nums=Array([0, Dictionary(S=Name.D, P=String(f"{prefix}{prepared.number}-"))]))
        _save(out, d, name, target)
    finally:
        out.close()
    return removed
