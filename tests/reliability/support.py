"""What the reliability and archive tests share: running the command, and looking at a home."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import sqlite3
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TABLES = ("cases", "events", "exhibits", "links", "files")


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_in_process(home: Path, *args: str) -> Run:
    """The command as a user types it, in this process (fast; for refusals and results)."""
    from dossier_app.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--home", str(home), *args])
        except SystemExit as exc:  # argparse's refusals
            code = int(exc.code or 0)
    return Run(code, out.getvalue(), err.getvalue())


def command(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "dossier_app", "--home", str(home), *args]


def child_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1", **extra}


def run_process(home: Path, *args: str, timeout: float = 120, **popen: object) -> Run:
    proc = subprocess.run(command(home, *args), capture_output=True, text=True, env=child_env(),
                          timeout=timeout, **popen)  # type: ignore[call-overload]
    return Run(proc.returncode, proc.stdout, proc.stderr)


def assert_refused_clearly(run: Run, *, lines: int | None = 1) -> None:
    """Non-zero, no traceback, no crash log; one line unless a list of problems is expected."""
    assert run.code not in (0, 70), (run.code, run.err)
    assert "Traceback" not in run.err and "Traceback" not in run.out
    shown = [line for line in run.err.splitlines() if line.strip()]
    assert shown, "a refusal must say why"
    if lines is not None:
        assert len(shown) == lines, run.err


def snapshot(home: Path) -> tuple[list[tuple], list[tuple[str, int, int]]]:
    """Every row of every table, and every stored file with its size and mode: 'as it was'."""
    rows: list[tuple] = []
    db = home / "dossier.sqlite3"
    if db.exists():
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            rows = [(table, *row) for table in TABLES for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
        finally:
            conn.close()
    files = sorted((str(p.relative_to(home)), p.stat().st_size, stat.S_IMODE(p.stat().st_mode))
                   for p in (home / "files").rglob("*") if p.is_file()) if (home / "files").is_dir() else []
    return rows, files


def blob_problems(home: Path) -> list[str]:
    """Stored files that are not whole, not read-only, or not named by their hash."""
    problems = []
    root = home / "files"
    for path in root.rglob("*") if root.is_dir() else ():
        if path.is_dir():
            continue
        if path.parent == root:
            problems.append(f"stray file {path.name}")
            continue
        if hashlib.sha256(path.read_bytes()).hexdigest() != path.name:
            problems.append(f"partial or altered {path.name}")
        if path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            problems.append(f"writable {path.name}")
    return problems
