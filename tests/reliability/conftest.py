from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.support import Run, run_in_process


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def dossier(home: Path):
    def run(*args: str) -> Run:
        return run_in_process(home, *args)

    return run
