"""The dossier export against a plain merge of the same files, measured in the same run.

For 400, 1 000 and 10 000 pages (files cycled from ``shared/corpus/pdf``), the same files are
merged with pikepdf alone (open each, ``pages.extend``, save: no stamps, bookmarks or generated
parts), exported as a dossier, and merged by Poppler's ``pdfunite`` (beside, not a target: it
writes as it reads, which is what a streaming merge costs).

Every run is a process of its own: its time and CPU time are taken inside it around the work
(not the interpreter's start), its peak memory comes from ``os.wait4`` on that very process, so
that each is its own.  The machine is shared and noisy, so the plain merge and the export run in
turn, ``BENCH_RUNS`` times each (3 unless told; ``--quick``: once, without 10 000 pages), and the
best time of each is compared; the CPU time, which other work on the machine disturbs much less,
is printed beside it.  Targets (issue 14): at every size, export time at most 1.5× the plain
merge's and peak memory no more than the plain merge's; 10 000 pages under 500 MB.
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
SIZES = (400, 1000, 10_000)
TIME_TARGET = 1.5
MEMORY_TARGET = 1.0
BIG_MEMORY_MB = 500


def corpus_pdfs() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*.pdf") if "password" not in p.name)


def _page_count(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def files_for(pages: int) -> list[Path]:
    """Corpus files, cycled, until they hold at least ``pages`` pages."""
    counts = {path: _page_count(path) for path in corpus_pdfs()}
    files: list[Path] = []
    total = 0
    for path in itertools.cycle(counts):
        if total >= pages:
            return files
        files.append(path)
        total += counts[path]
    raise AssertionError("unreachable")


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


def _child(kind: str, pages: int, output: str) -> None:
    files = files_for(pages)
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


def _run(kind: str, pages: int, output: Path) -> Run:
    code = f"from bench.bench_export import _child; _child({kind!r}, {pages!r}, {str(output)!r})"
    text, _, _, peak = _measured([sys.executable, "-c", code], output)
    result = json.loads(text.strip().splitlines()[-1])
    size = output.stat().st_size
    output.unlink()
    return Run(result["seconds"], result["cpu"], peak, result["pages"], size)


def _pdfunite(files: list[Path], output: Path) -> Run | None:
    pdfunite = shutil.which("pdfunite")
    if pdfunite is None:
        return None
    _, seconds, cpu, peak = _measured([pdfunite, *map(str, files), str(output)], output)
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


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main(options: list[str] | None = None) -> None:
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS}")
        return
    options = options if options is not None else sys.argv[1:]
    quick = "--quick" in options
    count = 1 if quick else int(os.environ.get("BENCH_RUNS", "3"))
    sizes = SIZES[:2] if quick else SIZES
    print(f"{_load()} at the start; best of {count} run(s) each, plain merge and export in turn")
    print(f"  {'':28s} {'time':>8s} {'CPU':>8s} {'peak memory':>12s} {'output':>9s}")
    mb = 1024 * 1024
    verdicts = []

    def line(name: str, run: Run, note: str = "") -> None:
        print(f"  {name:28s} {run.seconds:7.2f}s {run.cpu:7.2f}s {run.peak_mb:9.0f} MB {run.size / mb:6.1f} MB"
              + (f"   {note}" if note else ""))

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for pages in sizes:
            merges: list[Run] = []
            exports: list[Run] = []
            for _ in range(count):  # in turn, so that a busy moment of the machine falls on both
                merges.append(_run("merge", pages, folder / "merge.pdf"))
                exports.append(_run("export", pages, folder / "export.pdf"))
            unite = _pdfunite(_distinct(files_for(pages), folder / f"links-{pages}"), folder / "unite.pdf")
            merge, export = _best(merges), _best(exports)
            time_ratio = export.seconds / merge.seconds
            memory_ratio = export.peak_mb / merge.peak_mb
            print(f"{len(files_for(pages))} exhibits, {merge.pages} pages merged, {export.pages} pages exported")
            line("plain pikepdf merge", merge, _spread(merges))
            line("dossier export", export, _spread(exports))
            if unite is not None:
                line("pdfunite (beside)", unite, f"×{unite.seconds / merge.seconds:.2f} the plain merge's time")
            time_ok, memory_ok = time_ratio <= TIME_TARGET, memory_ratio <= MEMORY_TARGET
            print(f"  export / plain merge: time ×{time_ratio:.2f} (≤ {TIME_TARGET}: {_verdict(time_ok)}), "
                  f"CPU ×{export.cpu / merge.cpu:.2f}, peak memory ×{memory_ratio:.2f} "
                  f"(≤ {MEMORY_TARGET}: {_verdict(memory_ok)})")
            verdicts += [time_ok, memory_ok]
            if pages >= 10_000:
                big_ok = export.peak_mb < BIG_MEMORY_MB
                print(f"  peak memory {export.peak_mb:.0f} MB (< {BIG_MEMORY_MB} MB: {_verdict(big_ok)})")
                verdicts.append(big_ok)
    print(f"{_load()} at the end; all targets: {_verdict(all(verdicts))}")


if __name__ == "__main__":
    main()
