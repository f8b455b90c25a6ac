"""`verify` checks the store both ways: every row has its file, every file its row."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.reliability.support import blob_problems, child_env, snapshot
from tests.support.cases import write_case


def _plant_leftovers(home: Path) -> Path:
    """What a command killed between copying a file in and committing its row leaves behind."""
    data = b"copied in, never committed\n"
    sha = hashlib.sha256(data).hexdigest()
    orphan = home / "files" / sha[:2] / sha
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(data)
    os.chmod(orphan, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    (home / "files" / ".incoming-k1ll3d").write_bytes(b"half a cop")
    return orphan


def test_files_no_row_accounts_for_are_moved_to_quarantine_never_deleted(dossier, tmp_path: Path, home: Path) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    orphan = _plant_leftovers(home)
    kept = orphan.read_bytes()
    run = dossier("verify", "1")
    assert run.code == 0, run.out
    assert "2 fichiers du stockage sans pièce" in run.out and "rien n'est effacé" in run.out
    assert str(home / "quarantine") in run.out
    assert not orphan.exists() and blob_problems(home) == []
    assert (home / "quarantine" / orphan.name).read_bytes() == kept
    assert (home / "quarantine" / ".incoming-k1ll3d").read_bytes() == b"half a cop"
    again = dossier("verify", "1")
    assert again.code == 0 and "sans pièce" not in again.out and "intactes" in again.out


def test_evidence_whose_row_was_lost_is_kept(dossier, tmp_path: Path, home: Path) -> None:
    """A file the store holds but no row names (a row deleted by hand, a database restored from an older
    backup) may be the only copy of a piece of evidence: verify must not delete it and call it intact."""
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    import sqlite3

    conn = sqlite3.connect(home / "dossier.sqlite3")
    sha = conn.execute("SELECT sha256 FROM exhibits ORDER BY id LIMIT 1").fetchone()[0]
    with conn:
        conn.execute("DELETE FROM exhibits WHERE sha256 = ?", (sha,))
        conn.execute("DELETE FROM files WHERE sha256 = ?", (sha,))
    conn.close()
    stored = home / "files" / sha[:2] / sha
    evidence = stored.read_bytes()
    run = dossier("verify", "1")
    assert "1 fichier du stockage sans pièce" in run.out, run.out
    assert (home / "quarantine" / sha).read_bytes() == evidence


def test_every_stored_exhibit_file_is_read_only(dossier, tmp_path: Path, home: Path) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    stored = [p for p in (home / "files").rglob("*") if p.is_file()]
    assert stored and all(not p.stat().st_mode & 0o222 for p in stored)


def test_a_row_whose_file_is_gone_is_reported_from_any_case(dossier, tmp_path: Path, home: Path) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "files").mkdir()
    (other / "files" / "facture.txt").write_text("une autre facture\n")
    assert dossier("load", str(write_case(other))).code == 0
    sha = hashlib.sha256(b"une autre facture\n").hexdigest()
    gone = home / "files" / sha[:2] / sha
    os.chmod(gone, stat.S_IRUSR | stat.S_IWUSR)
    gone.unlink()
    run = dossier("verify", "1")
    assert run.code == 1
    assert "affaire n° 2" in run.out and sha in run.out
    run = dossier("verify", "2")
    assert run.code == 1 and "manquant" in run.out and run.out.count(sha) == 1


def test_a_read_only_store_is_verified_without_being_touched(tmp_path: Path) -> None:
    base = Path(tempfile.mkdtemp(prefix="dossier-ro-verify-"))
    try:
        home = base / "home"
        from tests.reliability.support import run_in_process

        assert run_in_process(home, "load", str(write_case(base / "in"))).code == 0
        _plant_leftovers(home)
        for path in [home, *home.rglob("*")]:
            os.chmod(path, 0o555 if path.is_dir() else 0o444)
        before = snapshot(home)
        # root ignores permission bits: drop the capabilities that let it.
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"] if os.geteuid() == 0 else []
        proc = subprocess.run([*prefix, sys.executable, "-m", "dossier_app", "--home", str(home), "verify", "1"],
                              capture_output=True, text=True, timeout=60, env=child_env())
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "laissés en place" in proc.stdout and "Traceback" not in proc.stderr
        assert snapshot(home) == before
    finally:
        for path in [base, *base.rglob("*")]:
            os.chmod(path, stat.S_IRWXU)
        shutil.rmtree(base)
