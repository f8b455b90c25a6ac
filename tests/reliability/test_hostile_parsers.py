"""A parser that crashes, hangs or blows up its memory on a hostile file costs that file —
refused with the reason — and never the `dossier import` command (nor the window, which calls
the same service)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from dossier_app.imports.isolated import IsolatedAnalyzer
from dossier_app.services import importing
from tests.reliability import files
from tests.reliability.support import REPO
from tests.support.cases import write_case

HOSTILE = [sys.executable, str(Path(__file__).with_name("hostile_worker.py")), "512"]


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    monkeypatch.setattr(importing, "isolated_analyzer", lambda: IsolatedAnalyzer(command=HOSTILE, timeout=3))


def test_crash_hang_and_memory_blow_up_each_cost_one_file(dossier, hostile, tmp_path: Path) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    folder = tmp_path / "à importer"
    folder.mkdir()
    letter = files.pdf_bytes("Laval, le 4 octobre 2016", "Mise en demeure")
    for name in ("abort", "chatty", "hang", "hog", "segfault"):
        (folder / f"{name}.pdf").write_bytes(letter + name.encode())  # distinct files, same parser path
    files.pdf(folder / "zz-good.pdf", "Laval, le 5 octobre 2016", "Facture")
    run = dossier("import", "1", str(folder))
    assert run.code == 0, run.err
    assert "Traceback" not in run.out + run.err
    by_name = {name: line for line in run.out.splitlines() for name in (*(f"{n}.pdf" for n in (
        "abort", "chatty", "hang", "hog", "segfault")), "zz-good.pdf") if f"/{name} " in line}
    assert by_name["segfault.pdf"].startswith("refusé") and "arrêté net" in by_name["segfault.pdf"]
    assert by_name["abort.pdf"].startswith("refusé") and "arrêté net" in by_name["abort.pdf"]
    assert by_name["hang.pdf"].startswith("refusé") and "interrompue après 3 s" in by_name["hang.pdf"]
    assert by_name["hog.pdf"].startswith("refusé") and "mémoire" in by_name["hog.pdf"]
    assert by_name["chatty.pdf"].startswith("ajouté")
    assert by_name["zz-good.pdf"].startswith("ajouté")
    titles = [x["path"] for x in json.loads(dossier("dump", "1").out)["exhibits"]]
    assert "chatty.pdf" in titles and "zz-good.pdf" in titles and "segfault.pdf" not in titles


def test_the_worker_costs_little_per_file(tmp_path: Path) -> None:
    """One worker serves every file: its start is paid once, not per file."""
    import time
    from datetime import date

    from dossier_app.imports import analyze

    paths = [files.pdf(tmp_path / f"lettre-{i}.pdf", f"Laval, le {i + 1} mars 2024") for i in range(30)]
    analyze(paths[0])  # modules loaded, as they are in a running program
    started = time.perf_counter()
    local = [analyze(p, today=date(2024, 6, 1)) for p in paths]
    in_process = time.perf_counter() - started
    with IsolatedAnalyzer() as analyzer:
        analyzer.analyze(paths[0], today=date(2024, 6, 1))  # the one-off start
        started = time.perf_counter()
        isolated = [analyzer.analyze(p, today=date(2024, 6, 1)) for p in paths]
        per_file = (time.perf_counter() - started) / len(paths)
    assert [a.suggested_date for a in isolated] == [a.suggested_date for a in local]
    assert per_file < in_process / len(paths) + 0.01, (per_file, in_process / len(paths))
