"""Running out of space half-way (a small `ulimit -f`: writes past the limit fail with EFBIG,
as they would with ENOSPC on a full disk) ends with one clear line, and leaves the store and
the target exactly as they were."""

from __future__ import annotations

import random
import resource
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from tests.reliability import files
from tests.reliability.support import (
    Run,
    blob_problems,
    child_env,
    command,
    run_in_process,
    snapshot,
)
from tests.support.cases import small_document, write_case

BIG = 700_000
# Past the store's own needs (its index file, a transaction's journal), short of the big files.
LIMITS = (150_000, 300_000, 600_000)
SCENARIOS = {
    "import": ("import", "1", "imp"),
    "load": ("load", "in2/case.json"),
    "restore": ("restore", "big.dossier"),
    "archive": ("archive", "1", "-o", "out/case.dossier"),
}


def _noise(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)  # incompressible, so an archive is as big as its files


def _noisy_jpeg(path: Path, seed: int) -> None:
    """A real photo-sized JPEG that does not compress: the export must carry all of it."""
    from PIL import Image

    side = 560
    Image.frombytes("RGB", (side, side), _noise(side * side * 3, seed)).save(path, "JPEG", quality=95)
    assert path.stat().st_size > BIG // 2


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("full-disk") / "world"
    doc = small_document()
    doc["exhibits"] += [{"path": "files/scan.jpg", "title": "Scan"}, {"path": "files/photo.jpg", "title": "Photo"}]
    (base / "in1" / "files").mkdir(parents=True)
    _noisy_jpeg(base / "in1" / "files" / "scan.jpg", 1)
    _noisy_jpeg(base / "in1" / "files" / "photo.jpg", 3)
    assert run_in_process(base / "home", "load", str(write_case(base / "in1", doc))).code == 0
    other = small_document()
    other["exhibits"] = [{"path": "files/gros.pdf", "title": "Gros"}, {"path": "files/petit.txt", "title": "Petit"}]
    (base / "in2" / "files").mkdir(parents=True)
    (base / "in2" / "files" / "gros.pdf").write_bytes(files.pdf_bytes("x") + _noise(BIG, 2))
    (base / "in2" / "files" / "petit.txt").write_text("petit\n")
    write_case(base / "in2", other)
    (base / "imp").mkdir()
    (base / "imp" / "a-petit.txt").write_text("Note du 3 mars 2024\n")
    (base / "imp" / "b-gros.txt").write_text("Relevé détaillé, ligne de texte\n" * (BIG // 32))
    scratch = base / "scratch"
    third = small_document()
    third["exhibits"] = [{"path": "files/archive.bin.txt", "title": "Gros relevé"}]
    (base / "in3" / "files").mkdir(parents=True)
    (base / "in3" / "files" / "archive.bin.txt").write_text("Autre relevé, ligne\n" * (BIG // 20))
    assert run_in_process(scratch, "load", str(write_case(base / "in3", third))).code == 0
    assert run_in_process(scratch, "archive", "1", "-o", str(base / "big.dossier")).code == 0
    shutil.rmtree(scratch)
    (base / "out").mkdir()
    (base / "out" / "case.dossier").write_bytes(b"the archive of last week\n")
    return base


def _limited(folder: Path, args: tuple[str, ...], limit: int) -> Run:
    def cap() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run(command(Path("home"), *args), cwd=folder, preexec_fn=cap, env=child_env(),
                          capture_output=True, text=True, timeout=120)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def _outside_home(folder: Path) -> list[tuple[str, int]]:
    return sorted((str(p.relative_to(folder)), p.stat().st_size) for p in folder.rglob("*")
                  if p.is_file() and "home" not in p.relative_to(folder).parts)


@pytest.mark.parametrize("limit", LIMITS)
@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_out_of_space_half_way(world: Path, tmp_path: Path, name: str, limit: int) -> None:
    folder = tmp_path / "w"
    shutil.copytree(world, folder)
    home = folder / "home"
    before, around = snapshot(home), _outside_home(folder)
    run = _limited(folder, SCENARIOS[name], limit)
    assert run.code == 1, (run.code, run.out, run.err)
    assert "Traceback" not in run.err and len(run.err.strip().splitlines()) == 1, run.err
    assert "plein" in run.err or "place" in run.err, run.err
    assert snapshot(home) == before, "the store must be as it was"
    assert _outside_home(folder) == around, "no target, nor any file beside it, may change"
    assert blob_problems(home) == []
    assert run_in_process(home, "verify", "1").code == 0


def test_the_store_itself_running_out_of_space(tmp_path: Path) -> None:
    """A transaction bigger than the room left: SQLite's own write fails, the store is as it was."""
    doc = small_document()
    doc["events"] += [{"id": f"n{i}", "kind": "note", "date": "2024-06-01", "title": f"Appel n° {i} " + "x" * 200}
                      for i in range(3000)]
    write_case(tmp_path / "in", doc)
    assert run_in_process(tmp_path / "home", "load", str(write_case(tmp_path / "in1"))).code == 0
    before = snapshot(tmp_path / "home")
    run = _limited(tmp_path, ("load", "in/case.json"), 200_000)
    assert run.code == 1 and "Traceback" not in run.err and len(run.err.strip().splitlines()) == 1, run.err
    assert snapshot(tmp_path / "home") == before
    assert run_in_process(tmp_path / "home", "verify", "1").code == 0


EXPORT = ("export", "1", "-o", "out/dossier.pdf", "--as-of", "2024-06-30")


@pytest.mark.parametrize("limit", (300_000, 600_000))
def test_an_export_out_of_space_keeps_the_store_and_the_old_pdf(world: Path, tmp_path: Path, limit: int) -> None:
    folder = tmp_path / "w"
    shutil.copytree(world, folder)
    old = files.pdf_bytes("L'ancien dossier")
    (folder / "out" / "dossier.pdf").write_bytes(old)
    before = snapshot(folder / "home")
    run = _limited(folder, EXPORT, limit)
    assert run.code != 0
    assert snapshot(folder / "home") == before
    assert (folder / "out" / "dossier.pdf").read_bytes() == old
    assert sorted(p.name for p in (folder / "out").iterdir() if not p.name.startswith(".")) == [
        "case.dossier", "dossier.pdf"]


@pytest.mark.parametrize("limit", (300_000, 600_000))
def test_an_export_out_of_space_says_so_in_one_line(world: Path, tmp_path: Path, limit: int) -> None:
    folder = tmp_path / "w"
    shutil.copytree(world, folder)
    around = _outside_home(folder)
    run = _limited(folder, EXPORT, limit)
    assert run.code == 1 and len(run.err.strip().splitlines()) == 1, run.err
    assert "plein" in run.err or "place" in run.err, run.err
    assert _outside_home(folder) == around, "temporary files left beside the target"
