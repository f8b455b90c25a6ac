"""Loading and dumping cases in the interchange format (``case-format.md``)."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
import warnings
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from ..archive.reader import open_or_say
from ..domain import json_input
from ..domain.bounds import MAX_IMAGE_FRAMES, MAX_IMAGE_PIXELS
from ..domain.codec import DecodedExhibit, decode_document, encode_document, summed_up
from ..domain.errors import Problem, ProblemsError, UserError
from ..domain.file_names import distinct_names
from ..domain.model import Exhibit
from ..i18n import _
from ..store import Store
from ..store import repository as repo
from ..store.blobs import CHUNK, ChangedSource, sha256_of
from .exhibits import with_frames
from .files import write_text_atomic
from .store_access import writing

# No case file comes near; past this it is not one, and reading it whole would fill the memory.
MAX_CASE_FILE_BYTES = 256 * 2**20
# A multi-page scan beyond this is not a letter (the import refuses it too).
# The images whose dimensions are checked; what Pillow does not know is left to the import's analysis.
IMAGE_FORMATS = ("PNG", "JPEG", "MPO", "GIF", "TIFF", "WEBP", "BMP")


def open_regular(path: Path, limit: int) -> BinaryIO:
    """``path`` opened for reading, once its descriptor shows a regular file of at most ``limit`` bytes:
    a FIFO, a device, a socket or a folder is refused in one sentence, never waited on."""
    return open_or_say(path, folder=_("{path} est un dossier : donnez le fichier lui-même."), limit=limit)


def parse_json_text(data: bytes, path: Path | str) -> Any:
    """A JSON document from outside, read with ``json_input.loads``; one line when it is not one."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(_("{path} n'est pas un texte UTF-8 : enregistrez-le en UTF-8.").format(path=path)) from exc
    try:
        return json_input.loads(text)
    except json_input.TooDeep as exc:
        raise UserError(_("{path} refusé : {exc}.").format(path=path, exc=exc)) from exc
    except json.JSONDecodeError as exc:
        raise UserError(_("{path} n'est pas du JSON valide (ligne {lineno}, colonne {colno} : {msg}).").format(path=path, lineno=exc.lineno, colno=exc.colno, msg=exc.msg)) from exc


def read_json(path: Path) -> Any:
    """A JSON file from outside: a regular file of sane size, parsed with ``parse_json_text``."""
    with open_regular(Path(path), MAX_CASE_FILE_BYTES) as handle:
        try:
            data = handle.read(MAX_CASE_FILE_BYTES + 1)
        except OSError as exc:
            raise UserError(_("Impossible de lire {path} : {value}.").format(path=path, value=exc.strerror or exc)) from exc
    if len(data) > MAX_CASE_FILE_BYTES:
        raise UserError(_("{path} fait plus de {value} Mo : ce n'est pas un fichier Dossier.").format(path=path, value=MAX_CASE_FILE_BYTES // 2**20))
    return parse_json_text(data, path)


def image_problem(source: Path) -> str | None:
    """Why an image may not be an exhibit: a frame whose header claims more than ``MAX_IMAGE_PIXELS``.

    Only headers are read (Pillow decodes pixels when asked), frame by frame for GIF and TIFF.
    A file that is not an image, or not a readable one, is no concern here: it stays evidence.
    """
    from PIL import Image

    too_big = _("image aux dimensions démesurées (plus de {value} millions de pixels) : réduisez-la, elle ne pourrait pas être imprimée").format(value=MAX_IMAGE_PIXELS // 1_000_000)
    Image.init()  # every plugin registered: ``formats`` names some that are loaded lazily
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with Image.open(source, formats=[f for f in IMAGE_FORMATS if f in Image.OPEN]) as image:
                frames = getattr(image, "n_frames", 1)
                if frames > MAX_IMAGE_FRAMES:
                    return _("image de {frames} pages : au plus {MAX_IMAGE_FRAMES}").format(frames=frames, MAX_IMAGE_FRAMES=MAX_IMAGE_FRAMES)
                for frame in range(frames):
                    if frame:
                        image.seek(frame)
                    width, height = image.size
                    if width * height > MAX_IMAGE_PIXELS:
                        return too_big
        except Image.DecompressionBombError:
            return too_big
        except Exception:  # not an image, or a damaged one: the import's analysis says which
            return None
    return None


def resolve_exhibit_path(base: Path, relative: str) -> Path | str:
    """The file an exhibit names, or why it may not be used (outside the case folder, missing)."""
    if not relative:
        return _("chemin vide")
    if os.path.isabs(relative) or relative.startswith(("/", "\\")) or ":" in relative.split("/")[0]:
        return _("« {relative} » : un chemin absolu n'est pas admis, donnez-le relatif au dossier du fichier JSON").format(relative=relative)
    parts = relative.replace("\\", "/").split("/")
    if ".." in parts:
        return _("« {relative} » sort du dossier du fichier JSON (« .. » n'est pas admis)").format(relative=relative)
    if "\x00" in relative:
        return _("caractère nul dans le chemin")
    candidate = base.joinpath(*parts)
    try:
        root = base.resolve()
        real = candidate.resolve()
        if not real.is_relative_to(root):
            return _("« {relative} » est un lien qui pointe hors du dossier du fichier JSON").format(relative=relative)
        if not real.is_file():
            return _("fichier introuvable : {candidate}").format(candidate=candidate)
    except (OSError, RuntimeError) as exc:  # a name too long, a loop of links
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else _("boucle de liens")
        return _("chemin inutilisable ({reason})").format(reason=reason)
    return real


def load_case(store: Store, path: Path, timings: dict[str, float] | None = None, *,
              describe_files: bool = True, today: date | None = None) -> int:
    """Create a case from ``path``; refused whole, with every problem, if anything is wrong.

    Each file's type and page count are read (in the isolated parser) for the exhibit list;
    a file the parser cannot read still loads, as the format says it is evidence.
    ``timings``, when given, receives the seconds spent per phase (for the benchmark).
    Dates are checked against ``today`` (the day it runs when not given).
    """
    clock = _Phases(timings)
    path = Path(path)
    decoded = decode_document(read_json(path), today or date.today())
    clock.lap("decode")
    problems = list(decoded.problems)
    # Given through a link, the case file is the one it names: its exhibits are beside it.
    hashes: dict[int, str] = {}
    files = _check_files(Path(os.path.realpath(path)).parent, decoded.exhibits, problems, hashes)
    if problems or decoded.case is None:
        raise ProblemsError(summed_up(problems), _("{path} n'a pas été chargé ; rien n'a été enregistré :").format(path=path))
    sources = [f for f in files if isinstance(f, Path)]
    described = describe(store.home, sources, [x.exhibit.password for x in decoded.exhibits]) \
        if describe_files else {}
    clock.lap("describe")
    with writing(store) as writes:
        stored = []
        for entry, source in zip(decoded.exhibits, files, strict=True):
            assert isinstance(source, Path)
            try:
                # The bytes checked above, or nothing: the file may have changed since.
                sha, size = writes.put(source, hashes[entry.index])
            except ChangedSource as exc:
                raise UserError(_("{path} a changé pendant le chargement : rien n'a été enregistré ; recommencez une fois le fichier stable.").format(path=entry.path)) from exc
            exhibit = replace(entry.exhibit, sha256=sha, **described.get(source, {}))
            stored.append((with_frames(exhibit, source), size))
        clock.lap("files")
        case_id = repo.insert_case(store, decoded.case)
        repo.insert_events(store, case_id, decoded.events)
        repo.insert_exhibits(store, case_id, stored)
        if any(x.exhibit.number is not None for x in decoded.exhibits):
            repo.set_numbering_fixed(store, case_id, True)
    clock.lap("database")
    return case_id


class _Phases:
    def __init__(self, sink: dict[str, float] | None) -> None:
        import time

        self.sink = sink
        self.now = time.perf_counter
        self.last = self.now()

    def lap(self, name: str) -> None:
        if self.sink is not None:
            now = self.now()
            self.sink[name] = self.sink.get(name, 0.0) + now - self.last
            self.last = now


def describe(home: Path, sources: list[Path], passwords: list[str | None]) -> dict[Path, dict[str, Any]]:
    """Media type, pages and suggested kind of each file, as the import would see them."""
    from .importing import analyzer_for

    out: dict[Path, dict[str, Any]] = {}
    with analyzer_for(home) as analyzer:
        for source, password in zip(sources, passwords, strict=False):
            analysis = analyzer.analyze(source, password=password)
            if analysis.refused is None:
                out[source] = {"media_type": analysis.media_type, "pages": analysis.pages,
                               "suggested_kind": analysis.suggested_kind}
    return out


def _check_files(base: Path, exhibits: tuple[DecodedExhibit, ...], problems: list[Problem],
                 hashes: dict[int, str]) -> list[Path | str]:
    """Each exhibit's file, or why it cannot be used: missing, outside, not the hash written, the
    same bytes as another exhibit's (the store holds a file once per case), an image bomb.
    ``hashes`` receives each file's hash as read, by the exhibit's index."""
    resolved: list[Path | str] = []
    seen: dict[str, int] = {}
    declared = {entry.index: entry.exhibit.sha256 for entry in exhibits}
    named = {p.path for p in problems}
    for entry in exhibits:
        i = entry.index
        where = resolve_exhibit_path(base, entry.path)
        resolved.append(where)
        if isinstance(where, str):
            if f"exhibits[{i}].path" not in named:  # an empty path after an invalid one says nothing new
                problems.append(Problem(f"exhibits[{i}].path", where))
            continue
        try:
            actual = hashes[i] = _hash_regular(where)
        except UserError as exc:  # no longer an ordinary file (a pipe swapped in after the look)
            problems.append(Problem(f"exhibits[{i}].path", exc.message))
            continue
        except OSError as exc:
            problems.append(Problem(f"exhibits[{i}].path", _("illisible : {strerror}").format(strerror=exc.strerror)))
            continue
        if entry.exhibit.sha256 and actual != entry.exhibit.sha256:
            problems.append(Problem(f"exhibits[{i}].sha256", _("le fichier {path} ne correspond pas à son empreinte (il a été modifié ou remplacé)").format(path=entry.path)))
        elif actual in seen:
            first = seen[actual]
            if not (entry.exhibit.sha256 and declared[first] == actual):  # else the codec said it already
                problems.append(Problem(f"exhibits[{i}].path", _("même fichier que exhibits[{first}] (mêmes octets) : une pièce ne se produit qu'une fois").format(first=first)))
        else:
            problem = image_problem(where)
            if problem:
                problems.append(Problem(f"exhibits[{i}].path", problem))
        seen.setdefault(actual, i)
    return resolved


def _hash_regular(path: Path) -> str:
    digest = hashlib.sha256()
    with open_regular(path, 2**62) as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def dump_case(store: Store, case_id: int, output: Path | None, files_dir: Path | None,
              notes: list[str] | None = None) -> str:
    """The case as interchange JSON; written to ``output`` if given, files copied to ``files_dir``.

    ``files_dir`` given as a link is followed; inside it, a name taken by a link, a pipe or a
    socket is replaced (never written through), and said in ``notes``.
    """
    from .files import check_target, os_error_to_user

    case_file = repo.read_case_file(store, case_id)
    if output is not None:
        check_target(output)  # before any exhibit file is written beside it
    json_folder = (output.parent if output else Path(".")).resolve()
    names = file_names(case_file.exhibits)
    paths: dict[str, str] = {}
    if files_dir is not None:
        folder = files_dir.resolve()
        if not folder.is_relative_to(json_folder):
            raise UserError(_("--files {files_dir} doit être dans le dossier du fichier JSON ({json_folder}), pour que les chemins restent relatifs.").format(files_dir=files_dir, json_folder=json_folder))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            taken = {x.sha256: _taken(folder / names[x.sha256]) for x in case_file.exhibits}
            for exhibit in case_file.exhibits:
                target = folder / names[exhibit.sha256]
                said = _write_exhibit(store, exhibit, target, taken[exhibit.sha256])
                if said and notes is not None:
                    notes.append(said)
        except OSError as exc:
            raise os_error_to_user(exc, folder) from exc
        prefix = folder.relative_to(json_folder).as_posix()
        for sha, name in names.items():
            paths[sha] = name if prefix in ("", ".") else f"{prefix}/{name}"
    else:
        paths = names
    text = json.dumps(encode_document(case_file, paths), ensure_ascii=False, indent=2) + "\n"
    if output is not None:
        write_text_atomic(output, text)
    return text


def _taken(target: Path) -> os.stat_result | None:
    """What holds the name ``target`` now (not followed), ``None`` if free; a folder is refused."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(_("{target} est un dossier qui porte le nom d'une pièce : déplacez-le ou choisissez un autre dossier pour --files ; rien n'a été écrit.").format(target=target))
    return info


def _write_exhibit(store: Store, exhibit: Exhibit, target: Path, taken: os.stat_result | None) -> str | None:
    """Put the exhibit's bytes at ``target`` through a new file renamed over the name (a link there is
    replaced, its target untouched); the sentence to say when something else held the name."""
    if taken is not None and stat.S_ISREG(taken.st_mode) and taken.st_size == exhibit.size \
            and sha256_of(target) == exhibit.sha256:
        return None  # already there, the very bytes
    fd, name = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".part", dir=target.parent)
    tmp = Path(name)
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out, open(store.blobs.path(exhibit.sha256), "rb") as stored:
            while chunk := stored.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != exhibit.sha256:
            label = _("la pièce n° {number}").format(number=exhibit.number) if exhibit.number \
                else _("la pièce")
            raise UserError(_("{label} « {title} » : son fichier a été modifié dans le stockage ; vérifiez les fichiers des pièces. Rien n'a été écrit pour elle.").format(label=label, title=exhibit.title))
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if taken is None or stat.S_ISREG(taken.st_mode):
        return None
    what = _("un lien symbolique") if stat.S_ISLNK(taken.st_mode) else _("un tube ou une socket")
    return _("Note : {target} était {what} ; remplacé par le fichier de la pièce, sans rien écrire ailleurs.").format(target=target, what=what)


def file_names(exhibits: tuple[Exhibit, ...]) -> dict[str, str]:
    """A distinct, safe file name per exhibit, from its original name."""
    return distinct_names((x.sha256, x.original_name) for x in exhibits)

