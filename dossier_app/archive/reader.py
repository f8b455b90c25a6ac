"""Checking an archive whole before anything of it is used.

Every name, type, size and hash is checked first; a single problem refuses the whole
archive with every reason found. Members are only ever streamed into files the caller
opens: nothing is extracted by the name the archive gives it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..domain.codec import summed_up
from ..domain.errors import Problem, ProblemsError, UserError
from ..i18n import _
from ..regular_files import NotRegularFile, open_regular
from . import layout, manifest
from .layout import CASE_NAME, MANIFEST_NAME
from .manifest import Entry, UnknownFormat

CHUNK = 1 << 20
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)


class Altered(Exception):
    """A member no longer hashes as the manifest says (the file changed while being read)."""


@dataclass
class CheckedArchive:
    """An archive whose every member was found to be what its manifest says."""

    path: Path
    entries: dict[str, Entry]
    case_json: bytes
    _zip: zipfile.ZipFile
    # By member, not by name: with a name given twice, zipfile's lookup takes the last one.
    _infos: dict[str, zipfile.ZipInfo]

    def copy_member(self, name: str, out: BinaryIO) -> None:
        """Stream a member into ``out``, checked again against the manifest as it goes.

        ``Altered`` if the archive no longer gives the checked bytes; an ``OSError`` is
        the writing side's (a full disk), never the archive's.
        """
        entry = self.entries[name]
        digest = hashlib.sha256()
        size = 0
        with self._member(name) as read:
            while chunk := read():
                size += len(chunk)
                if size > entry.size:
                    raise Altered(name)
                digest.update(chunk)
                out.write(chunk)
        if size != entry.size or digest.hexdigest() != entry.sha256:
            raise Altered(name)

    @contextlib.contextmanager
    def _member(self, name: str) -> Iterator[Callable[[], bytes]]:
        try:
            stream = self._zip.open(self._infos[name])
        except _READ_ERRORS as exc:
            raise Altered(name) from exc

        def read() -> bytes:
            try:
                return stream.read(CHUNK)
            except _READ_ERRORS as exc:
                raise Altered(name) from exc

        with stream:
            yield read


def refusal(path: Path, problems: list[Problem]) -> UserError:
    """One line for one reason; the list under a headline for several (the first hundred, then a count)."""
    problems = summed_up(problems)
    if len(problems) == 1:
        return UserError(_("{path} refusé, rien n'a été restauré : {item}").format(path=path, item=problems[0]))
    return ProblemsError(problems, _("{path} refusé, rien n'a été restauré :").format(path=path))


@contextlib.contextmanager
def check_archive(path: Path, free_bytes: int | None = None) -> Iterator[CheckedArchive]:
    """Open and check ``path`` whole; the archive stays open (the same bytes) while in use."""
    handle = _open_regular(path)
    with handle, _open(path, handle) as archive:
        problems: list[Problem] = []
        infos = _check_members(archive, problems)
        entries = _read_manifest(archive, infos, problems)
        sane = _check_sizes(infos, entries, free_bytes, problems)
        # Nothing is decompressed from an archive that announces a bomb; the rest is hashed
        # even when other problems were found, so that every reason is given at once.
        case_json = _check_contents(archive, infos, sane, problems)
        if problems:
            raise refusal(path, problems)
        yield CheckedArchive(path, entries, case_json, archive, infos)


def case_title(path: Path) -> str | None:
    """The title the archive's case gives itself, read before any check, to warn of a copy; None
    when it cannot be read cheaply (the restore's whole check then says what is wrong)."""
    from ..domain import json_input

    try:
        handle = _open_regular(path)
    except UserError:
        return None
    with handle:
        try:
            archive = _open(path, handle)
        except UserError:
            return None
        with archive:
            try:
                info = archive.getinfo(CASE_NAME)
                if info.file_size > layout.MAX_CASE_BYTES or info.file_size > layout.MAX_RATIO * max(
                        info.compress_size, 1) + layout.RATIO_FLOOR:
                    return None
                with archive.open(info) as stream:
                    document = json_input.loads(stream.read(layout.MAX_CASE_BYTES + 1).decode("utf-8"))
            except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                    json_input.TooDeep, zlib.error):
                return None
    case = document.get("case") if isinstance(document, dict) else None
    title = case.get("title") if isinstance(case, dict) else None
    return title if isinstance(title, str) and title.strip() else None


def _open_regular(path: Path) -> BinaryIO:
    return open_or_say(path, folder=_("{path} est un dossier, pas une archive .dossier."))


def open_or_say(path: Path, *, folder: str, limit: int | None = None) -> BinaryIO:
    """``path`` opened once its descriptor shows an ordinary file (``regular_files.open_regular``);
    otherwise one sentence saying what it is instead. ``folder`` says it for a folder (``{path}``)."""
    try:
        return open_regular(path, limit=limit)
    except NotRegularFile as exc:
        if exc.kind == "folder":
            raise UserError(folder.format(path=path)) from exc
        if exc.kind == "too_large":
            raise UserError(_("{path} fait plus de {value} Mo : ce n'est pas un fichier Dossier ; rien n'a été "
                              "lu.").format(path=path, value=(limit or 0) // 2**20)) from exc
        raise UserError(_("{path} n'est pas un fichier ordinaire (périphérique, tube ou socket) : rien n'a été "
                          "lu.").format(path=path)) from exc
    except FileNotFoundError as exc:
        raise UserError(_("Fichier introuvable : {path}").format(path=path)) from exc
    except PermissionError as exc:
        raise UserError(_("Pas le droit de lire {path}.").format(path=path)) from exc
    except OSError as exc:
        raise UserError(_("Impossible de lire {path} : {value}.").format(path=path, value=exc.strerror or exc)) from exc


def _open(path: Path, handle: BinaryIO) -> zipfile.ZipFile:
    try:
        _check_member_count(path, handle)
        handle.seek(0)
        return zipfile.ZipFile(handle)
    # NotImplementedError: a damaged header claiming a zip version or a compression zipfile lacks.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, struct.error,
            NotImplementedError) as exc:
        raise refusal(path, [Problem("", _("ce n'est pas une archive Dossier, ou elle est tronquée ou endommagée"))]) from exc


# zipfile's central directory record and the end records' fields it reads (see its _RealGetContents).
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END_SIGNATURE, _END_SIZE, _END_OFFSET, _END_LOCATION = 0, 5, 6, 9
_END64 = b"PK\x06\x06"
_END64_SIZES = 56 + 20  # the zip64 end record and its locator


def _check_member_count(path: Path, handle: BinaryIO) -> None:
    """Count the members the central directory really holds, before zipfile builds an object per
    member: the count the end record gives is the archive's word, not a fact. At most
    ``MAX_MEMBERS`` records are read, each of bounded size, so refusing costs little time and memory."""
    end_record = getattr(zipfile, "_EndRecData", None)
    record = end_record(handle) if end_record else None
    if not record:
        return  # not a zip: zipfile says so
    size = record[_END_SIZE]
    start = record[_END_LOCATION] - size - record[_END_OFFSET]
    if record[_END_SIGNATURE] == _END64:
        start -= _END64_SIZES
    start += record[_END_OFFSET]
    if start < 0:
        return  # zipfile refuses a negative offset itself
    if size > layout.MAX_MEMBERS * layout.MAX_NAME_BYTES:  # zipfile would read it whole into memory
        raise refusal(path, [Problem("", _("répertoire de l'archive démesuré : ce n'est pas un dossier"))])
    handle.seek(start)
    total = members = 0
    while total < size:
        head = handle.read(_CENTRAL.size)
        if len(head) != _CENTRAL.size or head[:4] != b"PK\x01\x02":
            return  # damaged: zipfile refuses it without reading further
        fields = _CENTRAL.unpack(head)
        name, extra, comment = fields[12], fields[13], fields[14]
        members += 1
        if members > layout.MAX_MEMBERS:
            raise refusal(path, [Problem("", _("plus de {MAX_MEMBERS} fichiers : ce n'est pas un dossier, c'est une bombe").format(MAX_MEMBERS=layout.MAX_MEMBERS))])
        if name > layout.MAX_NAME_BYTES or extra + comment > layout.MAX_NAME_BYTES:
            raise refusal(path, [Problem("", _("un nom ou un champ démesuré dans l'archive : ce n'est pas un dossier"))])
        total += _CENTRAL.size + name + extra + comment
        handle.seek(name + extra + comment, os.SEEK_CUR)


def _check_members(archive: zipfile.ZipFile, problems: list[Problem]) -> dict[str, zipfile.ZipInfo]:
    infos: dict[str, zipfile.ZipInfo] = {}
    members = archive.infolist()
    if len(members) > layout.MAX_MEMBERS:
        problems.append(Problem("", _("{members_count} fichiers : trop pour un dossier").format(members_count=len(members))))
        return infos
    for info in members:
        name = info.filename
        mode = info.external_attr >> 16 if info.create_system == 3 else 0
        reason = layout.name_problem(name)
        if reason is None and stat.S_ISLNK(mode):
            reason = _("lien symbolique")
        elif reason is None and (info.is_dir() or (stat.S_IFMT(mode) and not stat.S_ISREG(mode))):
            reason = _("pas un fichier ordinaire")
        elif reason is None and info.flag_bits & 0x1:
            reason = _("chiffré")
        elif reason is None and info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            reason = _("méthode de compression non prise en charge")
        elif reason is None and name in infos:
            reason = _("présent deux fois")
        if reason:
            problems.append(Problem(_printable(name), reason))
        else:
            infos[name] = info
    return infos


def _read_manifest(archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo],
                   problems: list[Problem]) -> dict[str, Entry]:
    info = infos.get(MANIFEST_NAME)
    if info is None:
        problems.append(Problem("", _("pas de manifeste : ce n'est pas une archive Dossier")))
        return {}
    if info.file_size > layout.MAX_MANIFEST_BYTES:
        problems.append(Problem(MANIFEST_NAME, _("démesuré")))
        return {}
    try:
        with archive.open(info) as stream:
            data = stream.read(layout.MAX_MANIFEST_BYTES + 1)
        listed, found = manifest.decode(data)
    except UnknownFormat as exc:
        problems.append(Problem("", str(exc)))
        return {}
    except _READ_ERRORS:
        problems.append(Problem(MANIFEST_NAME, _("endommagé")))
        return {}
    problems.extend(found)
    entries = {e.name: e for e in listed}
    for name in infos:
        if name != MANIFEST_NAME and name not in entries:
            problems.append(Problem(name, _("fichier en trop, absent du manifeste")))
    for name in entries:
        if name not in infos:
            problems.append(Problem(name, _("fichier manquant")))
    return entries


def _check_sizes(infos: dict[str, zipfile.ZipInfo], entries: dict[str, Entry], free_bytes: int | None,
                 problems: list[Problem]) -> dict[str, Entry]:
    """The entries safe to decompress; all of them unless the archive is a bomb."""
    sane: dict[str, Entry] = {}
    total = 0
    bomb = False
    for name, entry in entries.items():
        info = infos.get(name)
        if info is None:
            continue  # reported missing
        total += info.file_size
        if name == CASE_NAME and info.file_size > layout.MAX_CASE_BYTES:
            problems.append(Problem(name, _("démesuré")))
            bomb = True
        elif info.file_size != entry.size:
            problems.append(Problem(name, _("taille différente de celle du manifeste (fichier modifié)")))
        elif info.file_size > layout.RATIO_FLOOR and info.file_size > layout.MAX_RATIO * max(info.compress_size, 1):
            problems.append(Problem(name, _("compressé plus de {MAX_RATIO} fois : une bombe de décompression, pas un document").format(MAX_RATIO=layout.MAX_RATIO)))
            bomb = True
        else:
            sane[name] = entry
    if total > layout.MAX_UNPACKED:
        problems.append(Problem("", _("se décompresserait en {gb} : taille démesurée").format(gb=_gb(total))))
        bomb = True
    elif free_bytes is not None and total > free_bytes:
        problems.append(Problem("", _("il faut {gb} d'espace libre, il n'y en a que {gb2}").format(gb=_gb(total), gb2=_gb(free_bytes))))
        bomb = True
    return {} if bomb else sane


def _check_contents(archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], entries: dict[str, Entry],
                    problems: list[Problem]) -> bytes:
    case_json = b""
    for name, entry in entries.items():
        digest = hashlib.sha256()
        kept = bytearray() if name == CASE_NAME else None
        size = 0
        try:
            with archive.open(infos[name]) as stream:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if size > entry.size:
                        break
                    digest.update(chunk)
                    if kept is not None:
                        kept += chunk
        except _READ_ERRORS:
            problems.append(Problem(name, _("endommagé (illisible)")))
            continue
        if size != entry.size or digest.hexdigest() != entry.sha256:
            problems.append(Problem(name, _("modifié : son empreinte ne correspond pas au manifeste")))
        elif kept is not None:
            case_json = bytes(kept)
    return case_json


def _gb(size: int) -> str:
    if size >= 2**30:
        return _("{value:.1f} Go").format(value=size / 2**30)
    return _("{value:.1f} Mo").format(value=size / 2**20)


def _printable(name: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in name) or "?"
