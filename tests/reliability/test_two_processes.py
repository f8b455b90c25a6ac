"""Two `dossier import` runs on the same case at the same moment: both finish, or one says
clearly that the store is busy; nothing is lost, nothing is there twice."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from tests.reliability import files
from tests.reliability.support import blob_problems, child_env, command, run_in_process
from tests.support.cases import write_case

ROUNDS = 6


def _folder(root: Path, side: str, round_: int) -> Path:
    folder = root / f"{side}-{round_}"
    folder.mkdir(parents=True)
    for i in range(6):
        (folder / f"{side}-note-{i}.txt").write_text(f"Note {side} {i} du tour {round_}\n")
    files.pdf(folder / f"{side}-lettre.pdf", f"Lettre {side} {round_}")
    # The same two files on both sides: each must end up in the case once.
    (folder / "commun-1.txt").write_text(f"Fichier commun du tour {round_}\n")
    (folder / "commun-2.txt").write_text(f"Autre fichier commun du tour {round_}\n")
    (folder / f"{side}-factures.csv").write_text(
        "Numéro;Date;Montant TTC\n" + "".join(f"{side}-{round_}-{i};0{i + 1}/03/2024;1{i}0,50\n" for i in range(3)),
        encoding="utf-8")
    return folder


def _hashes(folder: Path) -> set[str]:
    return {hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_imports_at_once(tmp_path: Path, round_: int) -> None:
    home = tmp_path / "home"
    assert run_in_process(home, "load", str(write_case(tmp_path / "in"))).code == 0
    sides = {side: _folder(tmp_path, side, round_) for side in ("a", "b")}
    procs = {side: subprocess.Popen(command(home, "import", "1", str(folder)), stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, env=child_env())
             for side, folder in sides.items()}
    results = {side: (p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for side, p in procs.items()}
    for p in procs.values():
        p.stdout.close()
        p.stderr.close()
    finished = [side for side, (code, _out, _err) in results.items() if code == 0]
    for side, (code, out, err) in results.items():
        assert "Traceback" not in out + err
        assert code == 0 or (code == 1 and "occupé" in err and len(err.strip().splitlines()) == 1), (side, code, err)
    assert finished, "at least one of the two must get through"

    document = json.loads(run_in_process(home, "dump", "1").out)
    stored = [x["sha256"] for x in document["exhibits"]]
    assert len(stored) == len(set(stored)), "a file is in the case twice"
    expected = set().union(*(_hashes(sides[side]) for side in finished))
    assert expected <= set(stored), "a file an import reported as added is missing"
    invoices = [e["number"] for e in document["events"] if e["kind"] == "invoice"]
    assert len(invoices) == len(set(invoices))
    for side in finished:
        assert {f"{side}-{round_}-{i}" for i in range(3)} <= set(invoices)
    assert run_in_process(home, "verify", "1").code == 0
    assert blob_problems(home) == []


def test_an_import_that_cannot_get_the_store_says_it_is_busy(tmp_path: Path) -> None:
    """Another program holds the store past the 5 s wait: one clear line, nothing changed."""
    import sqlite3

    from tests.reliability.support import snapshot

    home = tmp_path / "home"
    assert run_in_process(home, "load", str(write_case(tmp_path / "in"))).code == 0
    folder = _folder(tmp_path, "a", 0)
    before = snapshot(home)
    holder = sqlite3.connect(home / "dossier.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        proc = subprocess.run(command(home, "import", "1", str(folder)), capture_output=True, text=True,
                              env=child_env(), timeout=60)
    finally:
        holder.rollback()
        holder.close()
    assert proc.returncode == 1, proc.stderr
    assert "occupé" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert snapshot(home) == before
