"""The dossier export against a plain merge of the same files, measured in the same run.

A case of 1 000 exhibits cycled from ``shared/corpus/pdf`` (about 10 000 pages) is exported,
and the same files are merged with pikepdf alone (open each, ``pages.extend``, save: no stamps,
bookmarks or generated parts) and with Debian's ``qpdf --empty --pages``.  Each run is its own
process, so that its peak memory (``ru_maxrss``) is its own.  Targets: export time at most 1.5×
the plain merge, peak memory no more than the plain merge's.  A typical dossier (60 exhibits,
about 400 pages) is timed too: target under 3 s.
"""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pdf"
BIG = 1000
TYPICAL = 60


def corpus_pdfs() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*.pdf") if "password" not in p.name)


def big_files() -> list[Path]:
    return list(itertools.islice(itertools.cycle(corpus_pdfs()), BIG))


def typical_files() -> list[Path]:
    small = [p for p in corpus_pdfs() if "GeoTopo" not in p.name]
    big = [p for p in corpus_pdfs() if "GeoTopo" in p.name]
    return big * 2 + list(itertools.islice(itertools.cycle(small), TYPICAL - 2))


# --- what each child process runs ------------------------------------------------------------

def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_merge(files: list[Path], output: Path) -> dict:
    import warnings

    import pikepdf

    warnings.simplefilter("ignore")
    start = time.perf_counter()
    out = pikepdf.new()
    sources = []
    for path in files:
        source = pikepdf.open(path)
        sources.append(source)
        out.pages.extend(source.pages)
    out.save(output)
    return {"seconds": time.perf_counter() - start, "pages": len(out.pages)}


def child_export(files: list[Path], output: Path) -> dict:
    from datetime import date

    from dossier_app.domain.model import Case, CaseFile, Exhibit, Party
    from dossier_app.export import ExportOptions, export_dossier
    from dossier_app.export.api import ExportReport

    exhibits = tuple(Exhibit(sha256=f"{n:064x}", title=f"{path.stem} ({n})", original_name=path.name,
                             number=n, media_type="application/pdf") for n, path in enumerate(files, 1))
    case = CaseFile(Case(title="Banc d'essai", our_role="provider", us=Party("Nous SARL"), them=Party("Eux SAS")),
                    (), exhibits)
    start = time.perf_counter()
    report: ExportReport = export_dossier(case, lambda x: files[(x.number or 1) - 1],
                                          ExportOptions(as_of=date(2025, 11, 3)), output)
    return {"seconds": time.perf_counter() - start, "pages": report.pages}


def _child(kind: str, which: str, output: str) -> None:
    files = big_files() if which == "big" else typical_files()
    result = {"merge": child_merge, "export": child_export}[kind](files, Path(output))
    result["peak_mb"] = _peak_mb()
    print(json.dumps(result))


def _run(kind: str, which: str, output: Path) -> dict:
    code = f"from bench.bench_export import _child; _child({kind!r}, {which!r}, {str(output)!r})"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1], check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _qpdf(files: list[Path], output: Path) -> float | None:
    if not shutil.which("qpdf"):
        return None
    start = time.perf_counter()
    subprocess.run(["qpdf", "--empty", "--pages", *map(str, files), "--", str(output)], check=True,
                   capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS}")
        return
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        merge = _run("merge", "big", folder / "merge.pdf")
        export = _run("export", "big", folder / "export.pdf")
        qpdf = _qpdf(big_files(), folder / "qpdf.pdf")
        typical = _run("export", "typical", folder / "typical.pdf")
    print(f"{BIG} exhibits, {merge['pages']} pages merged, {export['pages']} pages exported")
    print(f"  plain pikepdf merge : {merge['seconds']:6.2f} s   peak {merge['peak_mb']:7.0f} MB")
    print(f"  dossier export      : {export['seconds']:6.2f} s   peak {export['peak_mb']:7.0f} MB"
          f"   time ×{export['seconds'] / merge['seconds']:.2f} (target ≤ 1.5)"
          f"   memory ×{export['peak_mb'] / merge['peak_mb']:.2f} (target ≤ 1.0)")
    if qpdf is not None:
        print(f"  qpdf --empty --pages: {qpdf:6.2f} s   ×{qpdf / merge['seconds']:.2f} of the plain merge")
    print(f"typical dossier, {TYPICAL} exhibits, {typical['pages']} pages: {typical['seconds']:.2f} s"
          " (target < 3 s)")


if __name__ == "__main__":
    main()
