"""``archive``: a case and its exhibit files in one ``.dossier`` file; ``restore``: a new
case from one, only once every name and hash in it has been checked."""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ..archive import CheckedArchive, Entry, SourceFile, check_archive, write_archive
from ..archive.layout import CASE_NAME, FILES_DIR, member_names
from ..archive.reader import Altered, case_title, refusal
from ..archive.writer import SourceProblem
from ..domain import json_input
from ..domain.codec import Decoded, decode_document, encode_document
from ..domain.errors import Problem, UserError
from ..domain.model import Exhibit
from ..i18n import _, active, ngettext
from ..store import Store
from ..store import repository as repo
from ..store.blobs import sha256_of
from . import session
from .exhibits import with_frames
from .files import atomic_target
from .interchange import image_problem
from .store_access import FileWrites, writing


@dataclass(frozen=True)
class ArchiveSummary:
    path: Path
    exhibits: int
    size: int
    sha256: str


@dataclass(frozen=True)
class Restored:
    case_id: int
    title: str
    exhibits: int
    same_title: tuple[int, ...]  # other cases with this title: the restore made a copy beside them


def archived_line(summary: ArchiveSummary) -> str:
    """What ``archive`` prints and the window's status line says."""
    return ngettext("{path} : {exhibits} pièce, {weight} \u2014 SHA-256 {sha256}",
                    "{path} : {exhibits} pièces, {weight} \u2014 SHA-256 {sha256}", summary.exhibits).format(
        path=summary.path, exhibits=summary.exhibits, weight=weight(summary.size), sha256=summary.sha256)


def weight(size: int) -> str:
    """A file's size in the language, by CLDR: ``"370 779 octets"``, ``"1,5 Mo"`` / ``"1.5 MB"``."""
    from decimal import Decimal

    from babel.units import format_unit

    locale = active().locale
    if size < 2**20:
        return format_unit(size, "digital-byte", locale=locale)
    return format_unit(Decimal(size) / 2**20, "digital-megabyte", length="short", format="#,##0.0",
                       locale=locale)


def copy_note(restored: Restored) -> str | None:
    """Said after a restore that made a copy beside cases of the same title."""
    if not restored.same_title:
        return None
    ids = ", ".join(str(i) for i in restored.same_title)
    return _("Note : une affaire « {title} » existait déjà (n° {ids}) ; celle-ci est une copie distincte, n° {case_id}.").format(title=restored.title, ids=ids, case_id=restored.case_id)


def cases_titled_as(store: Store, path: Path) -> tuple[str, tuple[int, ...]]:
    """The title of the archive's case and the cases already holding that title (before restoring,
    so that the window can say a copy would be made); ``("", ())`` when the title cannot be read."""
    title = case_title(Path(path))
    if title is None:
        return "", ()
    return title, tuple(sorted(line.id for line in session.same_title(store, title)))


def archive_case(store: Store, case_id: int, target: Path) -> ArchiveSummary:
    """Write the case to ``target``, whole or not at all."""
    case_file = repo.read_case_file(store, case_id)
    names = member_names([(x.sha256, x.original_name) for x in case_file.exhibits])
    document = encode_document(case_file, names)
    case_json = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    sources = [SourceFile(Entry(names[x.sha256], x.sha256, x.size or 0, x.media_type, x.pages, x.suggested_kind),
                          store.blobs.path(x.sha256)) for x in case_file.exhibits]
    with atomic_target(target) as tmp:
        try:
            write_archive(tmp, case_json, sources)
        except SourceProblem as exc:
            exhibit = next(x for x in case_file.exhibits if names[x.sha256] == exc.entry.name)
            raise UserError(_damaged_source(exhibit, exc.problem)) from exc
    return ArchiveSummary(target, len(case_file.exhibits), target.stat().st_size, sha256_of(target))


def _damaged_source(exhibit: Exhibit, problem: str) -> str:
    label = _("la pièce n° {number}").format(number=exhibit.number) if exhibit.number else _("la pièce")
    what = {"missing": _("son fichier a disparu du stockage"),
            "altered": _("son fichier a été modifié dans le stockage"),
            }.get(problem, _("son fichier est illisible"))
    return _("Archive non écrite : {label} « {title} » : {what} ; vérifiez les fichiers des pièces.").format(label=label, title=exhibit.title, what=what)


def restore_archive(store: Store, path: Path, today: date | None = None) -> Restored:
    """A new case from the archive at ``path``; refused whole, nothing kept, if anything is wrong.

    Dates are checked against ``today`` (the day it runs when not given). A file the store
    already holds is used only if its stored copy still hashes to its name; otherwise the
    archive's checked bytes replace it.
    """
    path = Path(path)
    with check_archive(path, shutil.disk_usage(store.home).free) as checked:
        decoded = _decode_case(checked, today or date.today())
        assert decoded.case is not None
        with writing(store) as writes:
            exhibits = []
            problems = []
            for item in decoded.exhibits:
                entry = checked.entries[item.path]
                if store.blobs.intact(entry.sha256):
                    why = image_problem(store.blobs.path(entry.sha256))
                else:
                    why = _put_member(store, writes, checked, entry)
                if why:
                    problems.append(Problem(f"{CASE_NAME}, exhibits[{item.index}].path", why))
                exhibit = replace(item.exhibit, media_type=entry.media_type, pages=entry.pages,
                                  suggested_kind=entry.suggested_kind)
                exhibits.append((with_frames(exhibit, store.blobs.path(entry.sha256)), entry.size))
            if problems:  # the transaction is rolled back: the files it brought in go with it
                raise refusal(checked.path, problems)
            case_id = repo.insert_case(store, decoded.case)
            repo.insert_events(store, case_id, decoded.events)
            repo.insert_exhibits(store, case_id, exhibits)
            if any(x.exhibit.number is not None for x in decoded.exhibits):
                repo.set_numbering_fixed(store, case_id, True)
    title = decoded.case.title
    others = tuple(sorted(line.id for line in session.same_title(store, title, besides=case_id)))
    return Restored(case_id, title, len(exhibits), others)


def _decode_case(checked: CheckedArchive, today: date) -> Decoded:
    """The archive's case, cross-checked against its manifest: every file used once, by its hash."""
    try:
        doc = json_input.loads(checked.case_json.decode("utf-8"))
    except json_input.TooDeep as exc:
        raise refusal(checked.path, [Problem(CASE_NAME, str(exc))]) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise refusal(checked.path, [Problem(CASE_NAME, _("JSON illisible"))]) from exc
    decoded = decode_document(doc, today)
    problems = [Problem(f"{CASE_NAME}, {p.path}" if p.path else CASE_NAME, p.message) for p in decoded.problems]
    used: dict[str, int] = {}
    for i, item in enumerate(decoded.exhibits):
        where = f"{CASE_NAME}, exhibits[{i}]"
        entry = checked.entries.get(item.path) if item.path.startswith(FILES_DIR) else None
        if entry is None:
            problems.append(Problem(f"{where}.path", _("« {path} » n'est pas dans l'archive").format(path=item.path)))
        elif item.path in used:
            problems.append(Problem(f"{where}.path", _("même fichier que exhibits[{item}]").format(item=used[item.path])))
        else:
            used[item.path] = i
            if item.exhibit.sha256 != entry.sha256:
                problems.append(Problem(f"{where}.sha256", _("ne correspond pas à l'empreinte du fichier dans le manifeste")))
    for name in checked.entries:
        if name.startswith(FILES_DIR) and name not in used:
            problems.append(Problem(name, _("fichier en trop : aucune pièce de l'affaire ne l'utilise")))
    if problems or decoded.case is None:
        raise refusal(checked.path, problems)
    return decoded


def _put_member(store: Store, writes: FileWrites, checked: CheckedArchive, entry: Entry) -> str | None:
    """Stage the member, and put it in the store unless it is an image no page could hold (said)."""
    # Inside the store's transaction: a file staged here is never mistaken for a leftover.
    store.blobs.root.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".incoming-restore-", dir=store.blobs.root)
    staged = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            checked.copy_member(entry.name, out)
        why = image_problem(staged)
        if why is None:
            writes.put(staged, entry.sha256)
        return why
    except Altered as exc:
        raise UserError(_("{path} a changé pendant la restauration ({name}) : rien n'a été restauré.").format(path=checked.path, name=entry.name)) from exc
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise UserError(_("Le disque est plein : libérez de la place et recommencez ; rien n'a été restauré.")) from exc
        raise
    finally:
        staged.unlink(missing_ok=True)
