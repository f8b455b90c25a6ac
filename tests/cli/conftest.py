from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def dossier(home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run the command in this process, as a user would type it, against a fresh home."""
    from dossier_app.cli.main import main

    def run(*args: str, stdin: str | None = None) -> Run:
        if stdin is not None:
            import io
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(["--home", str(home), *args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def dossier_process(home: Path):
    """Run the installed command in a child process (real exit codes, real stderr)."""

    def run(*args: str, env: dict[str, str] | None = None) -> Run:
        import os
        full_env = {**os.environ, **(env or {})}
        proc = subprocess.run([sys.executable, "-m", "dossier_app", "--home", str(home), *args],
                              capture_output=True, text=True, env=full_env, timeout=120)
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run
