"""The dossier export against a plain merge of the same files, measured in the same run.

A case of 1 000 exhibits cycled from ``shared/corpus/pdf`` (about 10 600 pages) is exported,
and the same files are merged with pikepdf alone (open each, ``pages.extend``, save: no stamps,
bookmarks or generated parts) and with Debian's ``qpdf --empty --pages``.

Every run is a process of its own: its time and CPU time are taken inside it around the work
(not the interpreter's start), its peak memory comes from ``os.wait4`` on that very process, so
that each is its own.  The machine is shared and noisy, so the plain merge and the export run in
turn, ``BENCH_RUNS`` times each (3 unless told), and the best time of each is compared; the CPU
time, which other work on the machine disturbs much less, is printed beside it.  Targets: export
time at most 1.5× the plain merge's, peak memory no more than the plain merge's.  A typical
dossier (60 exhibits, about 400 pages) is timed too: target under 3 s.

A "lean merge" (qpdf's own addPage instead of ``pages.extend``, whose search of the pages already
there grows with them, and each source closed once copied) runs in the same turns: not a target,
it shows what the export's own work costs on top of the least a merge can do.

``qpdf --empty --pages`` given the cycled file names opens a file named twice only once and
shares the objects of its pages between the copies, so its output is a few MB instead of
~180: it is printed that way and also with a distinct name (a symbolic link) for each exhibit,
which is the work the others do.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pdf"
ROOT = Path(__file__).resolve().parents[1]
BIG = 1000
TYPICAL = 60
TIME_TARGET = 1.5
MEMORY_TARGET = 1.0
TYPICAL_TARGET = 3.0


def corpus_pdfs() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*.pdf") if "password" not in p.name)


def big_files() -> list[Path]:
    return list(itertools.islice(itertools.cycle(corpus_pdfs()), BIG))


def typical_files() -> list[Path]:
    small = [p for p in corpus_pdfs() if "GeoTopo" not in p.name]
    big = [p for p in corpus_pdfs() if "GeoTopo" in p.name]
    return big * 2 + list(itertools.islice(itertools.cycle(small), TYPICAL - 2))


# --- what each child process runs ------------------------------------------------------------

def child_merge(files: list[Path], output: Path) -> dict:
    import warnings

    import pikepdf

    warnings.simplefilter("ignore")
    start, cpu = time.perf_counter(), time.process_time()
    out = pikepdf.new()
    sources = []
    for path in files:
        source = pikepdf.open(path)
        sources.append(source)
        out.pages.extend(source.pages)
    out.save(output)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "pages": len(out.pages)}


def child_lean_merge(files: list[Path], output: Path) -> dict:
    """The least a merge with pikepdf can do: qpdf's own addPage, each source closed once copied.

    Not a target: it shows what the export's own work (parts, stamps, outline) costs on top.
    """
    import warnings

    import pikepdf

    warnings.simplefilter("ignore")
    start, cpu = time.perf_counter(), time.process_time()
    out = pikepdf.new()
    for path in files:
        with pikepdf.open(path) as source:
            for page in source.pages:
                out._add_page(out.copy_foreign(page.obj), False)
    out.save(output)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "pages": len(out.pages)}


def child_export(files: list[Path], output: Path) -> dict:
    from datetime import date

    from dossier_app.domain.model import Case, CaseFile, Exhibit, Party
    from dossier_app.export import ExportOptions, export_dossier
    from dossier_app.export.api import ExportReport
    from dossier_app.store.blobs import sha256_of

    # The export refuses a file whose bytes no longer match its hash: give each its true one.
    hashes = {path: sha256_of(path) for path in set(files)}
    exhibits = tuple(Exhibit(sha256=hashes[path], title=f"{path.stem} ({n})", original_name=path.name,
                             number=n, media_type="application/pdf") for n, path in enumerate(files, 1))
    case = CaseFile(Case(title="Banc d'essai", our_role="provider", us=Party("Nous SARL"), them=Party("Eux SAS")),
                    (), exhibits)
    start, cpu = time.perf_counter(), time.process_time()
    report: ExportReport = export_dossier(case, lambda x: files[(x.number or 1) - 1],
                                          ExportOptions(as_of=date(2025, 11, 3)), output)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "pages": report.pages}


def _child(kind: str, which: str, output: str) -> None:
    files = big_files() if which == "big" else typical_files()
    result = {"merge": child_merge, "lean": child_lean_merge, "export": child_export}[kind](files, Path(output))
    print(json.dumps(result))


# --- the parent: one process per run, measured from outside ------------------------------------

@dataclass
class Run:
    seconds: float
    cpu: float  # user + system of the work (inside the child) or of the whole process (qpdf)
    peak_mb: float
    pages: int = 0
    size: int = 0


def _measured(command: list[str], output: Path) -> tuple[str, float, float, float]:
    """Run ``command``; its stdout, wall seconds, CPU seconds and peak RSS in MB, from ``wait4``."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own peak memory and CPU time
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            stderr.seek(0)
            errors = stderr.read().decode(errors="replace")
            raise RuntimeError(f"{command[0]} failed ({process.returncode}): {errors[-2000:]}")
        stdout.seek(0)
        text = stdout.read().decode()
    return text, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _run(kind: str, which: str, output: Path) -> Run:
    code = f"from bench.bench_export import _child; _child({kind!r}, {which!r}, {str(output)!r})"
    text, _, _, peak = _measured([sys.executable, "-c", code], output)
    result = json.loads(text.strip().splitlines()[-1])
    size = output.stat().st_size
    output.unlink()
    return Run(result["seconds"], result["cpu"], peak, result["pages"], size)


def _qpdf(files: list[Path], output: Path) -> Run | None:
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        return None
    _, seconds, cpu, peak = _measured([qpdf, "--empty", "--pages", *map(str, files), "--", str(output)], output)
    size = output.stat().st_size
    output.unlink()
    return Run(seconds, cpu, peak, size=size)


def _distinct(files: list[Path], folder: Path) -> list[Path]:
    folder.mkdir()
    links = []
    for n, path in enumerate(files, 1):
        link = folder / f"{n:04d}-{path.name}"
        link.symlink_to(path)
        links.append(link)
    return links


def _best(runs: list[Run]) -> Run:
    """The fastest run, with the lowest CPU time and the highest peak memory of all the runs."""
    fastest = min(runs, key=lambda r: r.seconds)
    return Run(fastest.seconds, min(r.cpu for r in runs), max(r.peak_mb for r in runs), fastest.pages, fastest.size)


def _spread(runs: list[Run]) -> str:
    times = sorted(r.seconds for r in runs)
    return f"runs {', '.join(f'{t:.1f}' for t in times)} s, median {statistics.median(times):.1f}"


def _verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def main(runs: int | None = None) -> None:
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS}")
        return
    count = runs or int(os.environ.get("BENCH_RUNS", "3"))
    merges: list[Run] = []
    leans: list[Run] = []
    exports: list[Run] = []
    typicals: list[Run] = []
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for _ in range(count):  # in turn, so that a busy moment of the machine falls on both
            merges.append(_run("merge", "big", folder / "merge.pdf"))
            exports.append(_run("export", "big", folder / "export.pdf"))
            leans.append(_run("lean", "big", folder / "lean.pdf"))
        for _ in range(count):
            typicals.append(_run("export", "typical", folder / "typical.pdf"))
        qpdf_named = _qpdf(big_files(), folder / "qpdf.pdf")
        qpdf_distinct = _qpdf(_distinct(big_files(), folder / "links"), folder / "qpdf.pdf")
    merge, lean, export, typical = _best(merges), _best(leans), _best(exports), _best(typicals)
    time_ratio = export.seconds / merge.seconds
    cpu_ratio = export.cpu / merge.cpu
    memory_ratio = export.peak_mb / merge.peak_mb
    mb = 1024 * 1024
    print(f"{BIG} exhibits: {merge.pages} pages merged, {export.pages} pages exported; "
          f"best of {count} runs each, taken in turn")
    print(f"  {'':30s} {'time':>8s} {'CPU':>8s} {'peak memory':>12s} {'output':>9s}")

    def line(name: str, run: Run, note: str = "") -> None:
        print(f"  {name:30s} {run.seconds:7.2f}s {run.cpu:7.2f}s {run.peak_mb:9.0f} MB {run.size / mb:6.1f} MB"
              + (f"   {note}" if note else ""))

    line("plain pikepdf merge", merge, _spread(merges))
    line("dossier export", export, _spread(exports))
    line("lean merge (not a target)", lean,
         f"export ×{export.seconds / lean.seconds:.2f} its time, ×{export.cpu / lean.cpu:.2f} its CPU")
    if qpdf_named is not None and qpdf_distinct is not None:
        line("qpdf --empty --pages", qpdf_distinct,
             f"×{qpdf_distinct.seconds / merge.seconds:.2f} the plain merge's time (one name per exhibit)")
        line("  same, cycled names", qpdf_named,
             f"×{qpdf_named.seconds / merge.seconds:.2f} (a file named twice is read once and shared)")
    else:
        print("  qpdf: not installed")
    print(f"  export / plain merge: time ×{time_ratio:.2f} (target ≤ {TIME_TARGET}: {_verdict(time_ratio <= TIME_TARGET)})"
          f", CPU ×{cpu_ratio:.2f}")
    print(f"                        peak memory ×{memory_ratio:.2f} "
          f"(target ≤ {MEMORY_TARGET}: {_verdict(memory_ratio <= MEMORY_TARGET)})")
    print(f"typical dossier, {TYPICAL} exhibits, {typical.pages} pages: {typical.seconds:.2f} s "
          f"(target < {TYPICAL_TARGET:g} s: {_verdict(typical.seconds < TYPICAL_TARGET)}), "
          f"peak {typical.peak_mb:.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else None)
