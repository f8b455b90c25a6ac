"""``export_dossier``: a case in, the dossier PDF (or its volumes) out, whole or not at all."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import gc
import math
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..domain.claims import ClaimsResult
from ..domain.model import CaseFile, Exhibit, event_sort_key
from ..domain.numbering import assign_numbers
from ..i18n import LANGUAGES, Translator, translator
from .api import (
    ExhibitOutcome,
    ExhibitsRefused,
    ExportCancelled,
    ExportError,
    ExportOptions,
    ExportReport,
    ProgressStep,
)
from .assemble import VolumePlan, write_volume
from .communication import Communicated
from .context import Dossier, ExhibitEntry
from .email_pages import EmailReader
from .layout import PART_KEYS, Built, lay_out
from .paper import paper_copy
from .prepare import Prepared, prepare
from .split import write_split
from .stamping import StampFont
from .volumes import pack, volume_paths
from .words import exhibit

Progress = Callable[[ProgressStep], bool | None]
MB = 1_000_000  # the Mo the courts' and lawyers' channels count (RPVA: 4 Mo, 10 Mo), not a MiB
FONT_OVERHEAD = 40_000  # the stamp font and the outline of a volume, roughly


def export_dossier(case_file: CaseFile, exhibit_path: Callable[[Exhibit], Path], options: ExportOptions,
                   output: Path, *, claims: ClaimsResult | None = None, read_email: EmailReader | None = None,
                   progress: Progress | None = None, scratch: Path | None = None,
                   check_target: Callable[[Path], None] | None = None) -> ExportReport:
    """Write the dossier of ``case_file`` as of ``options.as_of`` to ``output``.

    ``claims`` is the claims engine's result for the same date (its periods carry the rates and
    their sources); ``read_email`` reads an ``.eml`` exhibit (``imports.email_files.read_email``).
    Exhibits without a number get the next free ones (the report's ``numbers`` says which, for the
    caller to keep).  Raises ``ExhibitsRefused`` when an included exhibit cannot be read (unless
    ``skip_refused``), ``ExportCancelled`` when ``progress`` returns ``False``, ``ExportError`` when
    the file cannot be written; in every such case nothing is left under the target name.
    ``scratch`` is the folder in which the pages drawn from images, e-mails and text are made (the
    home's own ``tmp/``, so that nothing is written elsewhere on the machine); their folder goes
    when the export ends, however it ends (an error, Ctrl+C, SIGTERM).
    """
    if options.lang not in LANGUAGES:
        raise ValueError(f"unknown language {options.lang!r}")
    words = translator(options.lang)
    output = Path(output)
    if options.max_mb is not None and not (math.isfinite(options.max_mb) and options.max_mb > 0):
        raise ExportError(words.gettext("taille de tome impossible ({max_mb} Mo) : donnez un nombre de Mo positif").format(max_mb=options.max_mb))
    if options.split and not options.include_exhibits:
        raise ExportError(words.gettext("Un fichier par pièce ne se fait qu'avec les pièces jointes."))
    if not output.parent.is_dir():
        # Like every other command that writes a file: a folder is never made on the user's behalf
        # (a mistyped path would otherwise leave a tree of new folders somewhere).
        raise ExportError(words.gettext("Le dossier de {output} n'existe pas : créez-le ou choisissez un autre emplacement.").format(output=output))

    def report(stage: str, label: str, done: int, total: int) -> None:
        if progress is not None and progress(ProgressStep(stage, label, done, total)) is False:
            raise ExportCancelled(words.gettext("export annulé"))

    case_file = paper_copy(case_file)
    numbered = assign_numbers(case_file.exhibits)
    included = sorted((x for x in numbered if x.include and x.number is not None), key=lambda x: x.number or 0)
    earlier = earlier_pieces(options.bordereau, options.complement_from, included, words)
    if earlier:
        included = included[len(earlier):]
    order = {id(e): i for i, e in enumerate(case_file.events)}
    events = tuple(sorted((e for e in case_file.events if e.date <= options.as_of),
                          key=lambda e: event_sort_key(e, order[id(e)])))

    with tempfile.TemporaryDirectory(prefix="export-", dir=scratch) as work:
        workdir = Path(work)
        prepared: list[Prepared] = []
        for index, exhibit in enumerate(included):
            report("prepare", words.gettext("Pièce n° {number}").format(number=exhibit.number),
                   index, len(included))
            prepared.append(prepare(exhibit, exhibit.number or 0, exhibit_path(exhibit), words, workdir,
                                    read_email))
        refused = [p for p in prepared if p.refused]
        if refused and not options.skip_refused:
            outcomes = tuple(_outcome(p) for p in refused)
            lines = [words.gettext("Pièce n° {number} ({original_name}) : {reason}").format(number=p.number, original_name=p.exhibit.original_name, reason=p.reason) for p in refused]
            raise ExhibitsRefused("\n".join([words.gettext("Export impossible, pièces illisibles :"), *lines]), outcomes)
        usable = [p for p in prepared if not p.refused]

        dossier = _dossier(words, case_file, options, events, usable, claims, {}, earlier=earlier)
        running = f"{case_file.case.title}"
        note = words.gettext("Arrêté au ") + words.long_day(options.as_of)
        report("parts", words.gettext("Mise en page"), 0, 1)
        built = lay_out(dossier, running, note)

        oversized: tuple[int, ...] = ()
        volumes_of: dict[int, int] = {}
        scale = 1.0
        attempts = 0 if options.split else 3 if options.max_mb else 1
        if options.split:
            release_memory()
            written = write_split(dossier, built, usable, output, report, options.max_mb, new_file_mode(),
                                  lambda exc, target: write_error(exc, target, words))
            targets, sizes_written, oversized = written.files, written.sizes, written.oversized
        for attempt in range(attempts):
            if options.max_mb and dossier.with_exhibits:
                limit = int(options.max_mb * MB)
                sizes = [(p.number, int(p.size * scale)) for p in usable]
                first_base = len(built.parts.pdf) + FONT_OVERHEAD
                packing = pack(sizes, first_base, 60_000 + FONT_OVERHEAD, limit)
                volumes_of = {n: v for v, numbers in enumerate(packing.volumes, 1) for n in numbers}
                oversized = packing.oversized
                dossier = _dossier(words, case_file, options, events, usable, claims, volumes_of,
                                   volumes=len(packing.volumes), earlier=earlier)
                built = lay_out(dossier, running, note)
            targets = volume_paths(output, dossier.volumes if options.max_mb else None)
            if check_target is not None:
                for target in targets:  # each volume's name too: never a link, a pipe or a read-only file
                    check_target(target)
            release_memory()
            sizes_written = _write(dossier, built, usable, targets, report)
            too_big = [(size, i) for i, size in enumerate(sizes_written, 1)
                       if options.max_mb and size > options.max_mb * MB
                       and not (len([n for n, v in volumes_of.items() if v == i]) == 1
                                and any(volumes_of.get(n) == i for n in oversized))]
            if not too_big or attempt == attempts - 1:
                break
            scale *= max(size / (options.max_mb * MB) for size, _ in too_big) * 1.05  # type: ignore[operator]
            for path in targets:
                with contextlib.suppress(OSError):
                    path.unlink()

    by_number = {p.number: p for p in prepared}
    part_pages = _part_pages(built, dossier)
    numbers = {x.sha256: x.number for x in numbered if x.number is not None}
    outcomes = tuple(_outcome(by_number[x.number or 0], volumes_of.get(x.number or 0, 1) if dossier.with_exhibits
                              else None) for x in included)
    return ExportReport(
        volumes=tuple(targets), pages=written.pages if options.split else built.layout.total, part_pages=part_pages, exhibits=outcomes,
        fingerprint=dossier.fingerprint, numbers=numbers, oversized=oversized,
        volume_sizes=tuple(sizes_written))


def release_memory() -> None:
    """Hand back to the system what the layout used before the pages of every exhibit are opened.

    The layout of a long sommaire and bordereau leaves tens of megabytes free but still held by
    the process, on top of which the assembly would set its own peak.  The young generations only:
    the layout's garbage is there, and a full collection would walk the whole heap of the window
    that runs the export, holding the interpreter from its GUI thread for a tenth of a second.
    """
    gc.collect(1)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def earlier_pieces(bordereau: int, first: int | None, included: list[Exhibit], words: Translator) -> list[Exhibit]:
    """The pièces an earlier bordereau communicated (those numbered before ``first``), once the
    bordereau's number and first pièce are known to make sense; the refusal in one line otherwise.

    ``included``: the exhibits the dossier carries, numbered, in number order."""
    if bordereau < 1:
        raise ExportError(words.gettext("numéro de bordereau impossible ({number}) : le premier bordereau porte le n° 1").format(number=bordereau))
    if first is None:
        return []
    if bordereau < 2:
        raise ExportError(words.gettext("un bordereau complémentaire porte le n° 2 ou plus : le bordereau n° 1 liste toutes les pièces"))
    numbers = [x.number for x in included]
    if first not in numbers:
        if not numbers:
            raise ExportError(words.gettext("aucune pièce ne porte le n° {number} : le dossier n'a aucune pièce jointe").format(number=first))
        raise ExportError(words.gettext("aucune pièce jointe ne porte le n° {number} (pièces n° {low} à {high})").format(number=first, low=numbers[0], high=numbers[-1]))
    return [x for x in included if (x.number or 0) < first]


def _dossier(words: Translator, case_file: CaseFile, options: ExportOptions, events, usable: list[Prepared],  # type: ignore[no-untyped-def]
             claims: ClaimsResult | None, volumes_of: dict[int, int], volumes: int = 1,
             earlier: list[Exhibit] | None = None) -> Dossier:
    entries = tuple(ExhibitEntry(p.exhibit, p.number, p.pages, p.signed, p.status, volumes_of.get(p.number, 1))
                    for p in usable)
    # Pièces an earlier bordereau communicated: cited by their numbers, never read nor carried.
    before = tuple(ExhibitEntry(x, x.number or 0, 0) for x in earlier or ())
    return Communicated(words, case_file, options.as_of, events, entries, claims,
                        with_exhibits=options.include_exhibits, volumes=volumes, communication=options.communication,
                        bordereau=options.bordereau, complement_from=options.complement_from, earlier=before)


def _outcome(p: Prepared, volume: int | None = None) -> ExhibitOutcome:
    return ExhibitOutcome(p.number, p.exhibit.title, p.exhibit.sha256, p.status, p.reason, p.pages, p.signed,
                          None if p.refused else volume, p.removed)


def _part_pages(built: Built, d: Dossier) -> dict[str, int]:
    starts = [(built.layout.part_pages[k], k) for k in PART_KEYS if k in built.layout.part_pages]
    starts.sort()
    out: dict[str, int] = {}
    for i, (page, key) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else built.parts.pages + 1
        out[key] = end - page
    if d.with_exhibits:
        out["exhibits"] = sum(e.pages for e in d.entries)
        out["tomes"] = sum(s.pages for s in built.tomes.values())
    return out


def _write(d: Dossier, built: Built, usable: list[Prepared], targets: list[Path], report) -> list[int]:  # type: ignore[no-untyped-def]
    """Every volume to a temporary file beside its target, then all renamed: whole or nothing."""
    words = d.words
    font = StampFont()
    temps: list[Path] = []
    names = [t.name for t in targets]
    volume_of = {e.number: e.volume for e in d.entries}
    done = 0
    total = len(d.entries) if d.with_exhibits else 0
    try:
        for index, target in enumerate(targets, 1):
            handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
            os.close(handle)
            temp = Path(name)
            temps.append(temp)
            exhibits = [p for p in usable if d.with_exhibits and volume_of.get(p.number, 1) == index]
            opening = built.parts if index == 1 else built.tomes[index]
            plan = VolumePlan(index, len(targets), opening, exhibits, names)

            def tick(number: int) -> None:
                nonlocal done
                report("assemble", exhibit(words, number), done, total)
                done += 1

            def saving(percent: int, volume: int = index) -> None:
                report("write", words.gettext("Écriture du tome {volume}").format(volume=volume), percent, 100)

            try:
                write_volume(d, built.layout, plan, temp, font, tick, saving)
            except OSError as exc:
                raise write_error(exc, target, words) from exc
            for p in exhibits:
                p.removed = plan.removed.get(p.number, 0)
        sizes = [t.stat().st_size for t in temps]
        mode = new_file_mode()
        for temp in temps:
            # mkstemp makes its file private (0600); the dossier is an ordinary new file.
            os.chmod(temp, mode)
        for temp, target in zip(temps, targets, strict=True):
            os.replace(temp, target)
        temps.clear()
        return sizes
    finally:
        for temp in temps:
            with contextlib.suppress(OSError):
                temp.unlink()


def new_file_mode() -> int:
    """0666 less the umask: the mode an ordinary ``open(…, "w")`` gives a new file."""
    umask = None
    with contextlib.suppress(OSError, ValueError):
        # Read, not set: setting the umask to learn it would race with other threads creating files.
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                umask = int(line.split()[1], 8)
                break
    if umask is None:
        umask = os.umask(0o022)
        os.umask(umask)
    return 0o666 & ~umask


def write_error(exc: OSError, target: Path, words: Translator) -> ExportError:
    """A failed write as the user needs to hear it: a full disk says so."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return ExportError(words.gettext("plus de place pour écrire {target} : libérez de l'espace disque et recommencez ; rien n'a été modifié").format(target=target))
    return ExportError(words.gettext("écriture impossible de {target} : {value}").format(target=target, value=exc.strerror or exc))
