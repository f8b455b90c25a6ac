"""Loading and dumping cases in the interchange format (``case-format.md``)."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..domain.codec import DecodedExhibit, decode_document, encode_document
from ..domain.errors import Problem, ProblemsError, UserError
from ..domain.file_names import distinct_names
from ..domain.i18n import t
from ..domain.model import CaseFile, Exhibit
from ..store import Store
from ..store import repository as repo
from ..store.blobs import sha256_of
from .files import write_text_atomic
from .store_access import writing


def read_json(path: Path) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise UserError(t(f"Fichier introuvable : {path}", f"File not found: {path}")) from exc
    except IsADirectoryError as exc:
        raise UserError(t(f"{path} est un dossier, pas un fichier JSON.", f"{path} is a folder, not a JSON file.")) from exc
    except UnicodeDecodeError as exc:
        raise UserError(t(f"{path} n'est pas un texte UTF-8 : enregistrez-le en UTF-8.",
                          f"{path} is not UTF-8 text: save it as UTF-8.")) from exc
    except OSError as exc:
        raise UserError(t(f"Impossible de lire {path} : {exc.strerror}.", f"Cannot read {path}: {exc.strerror}.")) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(t(f"{path} n'est pas du JSON valide (ligne {exc.lineno}, colonne {exc.colno} : {exc.msg}).",
                          f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).")) from exc


def resolve_exhibit_path(base: Path, relative: str) -> Path | str:
    """The file an exhibit names, or why it may not be used (outside the case folder, missing)."""
    if not relative:
        return t("chemin vide", "empty path")
    if os.path.isabs(relative) or relative.startswith(("/", "\\")) or ":" in relative.split("/")[0]:
        return t(f"« {relative} » : un chemin absolu n'est pas admis, donnez-le relatif au dossier du fichier JSON",
                 f"\"{relative}\": absolute paths are not allowed, give it relative to the JSON file's folder")
    parts = relative.replace("\\", "/").split("/")
    if ".." in parts:
        return t(f"« {relative} » sort du dossier du fichier JSON (« .. » n'est pas admis)",
                 f"\"{relative}\" leaves the JSON file's folder (\"..\" is not allowed)")
    candidate = base.joinpath(*parts)
    root = base.resolve()
    real = candidate.resolve()
    if not real.is_relative_to(root):
        return t(f"« {relative} » est un lien qui pointe hors du dossier du fichier JSON",
                 f"\"{relative}\" is a link pointing outside the JSON file's folder")
    if not real.is_file():
        return t(f"fichier introuvable : {candidate}", f"file not found: {candidate}")
    return real


def load_case(store: Store, path: Path, timings: dict[str, float] | None = None, *,
              describe_files: bool = True) -> int:
    """Create a case from ``path``; refused whole, with every problem, if anything is wrong.

    Each file's type and page count are read (in the isolated parser) for the exhibit list;
    a file the parser cannot read still loads, as the format says it is evidence.
    ``timings``, when given, receives the seconds spent per phase (for the benchmark).
    """
    clock = _Phases(timings)
    path = Path(path)
    decoded = decode_document(read_json(path))
    clock.lap("decode")
    problems = list(decoded.problems)
    files = _check_files(path.parent, decoded.exhibits, problems)
    if problems or decoded.case is None:
        raise ProblemsError(problems, t(f"{path} n'a pas été chargé ; rien n'a été enregistré :",
                                        f"{path} was not loaded; nothing was stored:"))
    sources = [f for f in files if isinstance(f, Path)]
    described = describe(sources, [x.exhibit.password for x in decoded.exhibits]) if describe_files else {}
    clock.lap("describe")
    with writing(store) as writes:
        stored = []
        for entry, source in zip(decoded.exhibits, files, strict=True):
            assert isinstance(source, Path)
            sha, size = writes.put(source, entry.exhibit.sha256 or None)
            stored.append((replace(entry.exhibit, sha256=sha, **described.get(source, {})), size))
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


def describe(sources: list[Path], passwords: list[str | None]) -> dict[Path, dict[str, Any]]:
    """Media type, pages and suggested kind of each file, as the import would see them."""
    from .importing import isolated_analyzer

    out: dict[Path, dict[str, Any]] = {}
    with isolated_analyzer() as analyzer:
        for source, password in zip(sources, passwords, strict=False):
            analysis = analyzer.analyze(source, password=password)
            if analysis.refused is None:
                out[source] = {"media_type": analysis.media_type, "pages": analysis.pages,
                               "suggested_kind": analysis.suggested_kind}
    return out


def _check_files(base: Path, exhibits: tuple[DecodedExhibit, ...], problems: list[Problem]) -> list[Path | str]:
    resolved: list[Path | str] = []
    seen: dict[str, int] = {}
    for entry in exhibits:
        i = entry.index
        where = resolve_exhibit_path(base, entry.path)
        resolved.append(where)
        if isinstance(where, str):
            problems.append(Problem(f"exhibits[{i}].path", where))
            continue
        try:
            actual = sha256_of(where)
        except OSError as exc:
            problems.append(Problem(f"exhibits[{i}].path", t(f"illisible : {exc.strerror}", f"unreadable: {exc.strerror}")))
            continue
        if entry.exhibit.sha256 and actual != entry.exhibit.sha256:
            problems.append(Problem(f"exhibits[{i}].sha256", t(
                f"le fichier {entry.path} ne correspond pas à son empreinte (il a été modifié ou remplacé)",
                f"file {entry.path} does not match its hash (it was changed or replaced)")))
        elif actual in seen and not entry.exhibit.sha256:
            problems.append(Problem(f"exhibits[{i}].path", t(f"même fichier que exhibits[{seen[actual]}]",
                                                             f"same file as exhibits[{seen[actual]}]")))
        seen.setdefault(actual, i)
    return resolved


def dump_case(store: Store, case_id: int, output: Path | None, files_dir: Path | None) -> str:
    """The case as interchange JSON; written to ``output`` if given, files copied to ``files_dir``."""
    case_file = repo.read_case_file(store, case_id)
    json_folder = (output.parent if output else Path(".")).resolve()
    names = file_names(case_file.exhibits)
    paths: dict[str, str] = {}
    if files_dir is not None:
        folder = files_dir.resolve()
        if not folder.is_relative_to(json_folder):
            raise UserError(t(f"--files {files_dir} doit être dans le dossier du fichier JSON ({json_folder}), "
                              "pour que les chemins restent relatifs.",
                              f"--files {files_dir} must be inside the JSON file's folder ({json_folder}), "
                              "so that paths stay relative."))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for exhibit in case_file.exhibits:
                target = folder / names[exhibit.sha256]
                if not (target.is_file() and target.stat().st_size == exhibit.size and sha256_of(target) == exhibit.sha256):
                    store.blobs.copy_out(exhibit.sha256, target)
        except OSError as exc:
            from .files import os_error_to_user

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


def file_names(exhibits: tuple[Exhibit, ...]) -> dict[str, str]:
    """A distinct, safe file name per exhibit, from its original name."""
    return distinct_names((x.sha256, x.original_name) for x in exhibits)


def case_file_for(store: Store, case_id: int) -> CaseFile:
    return repo.read_case_file(store, case_id)
