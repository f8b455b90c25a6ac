"""``dossier`` without a screen, through the real command: one sentence, never Qt's abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dossier_app.services.interchange import load_case
from dossier_app.services.store_access import open_home
from tests.support.cases import write_case

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the screen is found by Qt elsewhere")


def _command() -> list[str]:
    script = Path(sys.executable).with_name("dossier")
    if script.exists():
        return [str(script)]
    found = shutil.which("dossier")
    return [found] if found else [sys.executable, "-m", "dossier_app"]


def _run_without_screen(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([*_command(), *args], env=env, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("args", [(), ("gui",), ("gui", "Boulangerie Martin c/ WebPlus")])
def test_no_screen_is_one_sentence(tmp_path: Path, args: tuple[str, ...]):
    home = tmp_path / "home"
    store = open_home(home)
    load_case(store, write_case(tmp_path / "case"))
    store.close()
    done = _run_without_screen("--home", str(home), *args)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Pas d'écran" in lines[0] and "dossier --help" in lines[0]
    assert "qt.qpa" not in done.stderr and done.stdout == ""


def test_unknown_case_is_one_sentence(tmp_path: Path):
    done = _run_without_screen("--home", str(tmp_path / "home"), "gui", "99")
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines() == [
        "dossier: Aucune affaire « 99 » : « dossier cases » liste les affaires existantes."]
    # Nothing was made on the way: no demo case in a store asked for another.
    store = open_home(tmp_path / "home")
    try:
        assert store.conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
    finally:
        store.close()


def test_has_screen_reads_the_environment():
    from dossier_app.ui.app import has_screen

    assert not has_screen({}, "linux")
    assert has_screen({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_screen({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_screen({}, "win32") and has_screen({}, "darwin")
    assert not has_screen({"DISPLAY": ":987"}, "linux")  # no X server there
