"""What reaches the terminal and what a case reference means (issue 10)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cases import small_document, write_case


def _load(dossier, folder: Path, title: str) -> None:
    document = small_document()
    document["case"]["title"] = title
    run = dossier("load", str(write_case(folder, document)))
    assert run.code == 0, run.err


def test_escape_sequences_in_a_title_are_shown_not_obeyed(dossier, tmp_path: Path) -> None:
    _load(dossier, tmp_path / "a", "Litige \x1b[2J\x1b]0;pwned\x07 \u202eevil\u202c")
    listed = dossier("cases")
    assert listed.code == 0
    assert "\x1b" not in listed.out and "\x07" not in listed.out and "\u202e" not in listed.out
    assert "\\x1b[2J" in listed.out and "\\u202e" in listed.out
    refused = dossier("claims", "Litige \x1b[31m")
    assert refused.code == 1 and "\x1b" not in refused.err


def test_a_reference_that_is_an_id_and_another_cases_title_is_refused(dossier, tmp_path: Path) -> None:
    _load(dossier, tmp_path / "a", "Première affaire")
    _load(dossier, tmp_path / "b", "1")
    run = dossier("case", "rm", "1", "--yes")
    assert run.code == 1 and "affaire n° 1" in run.err and "affaire n° 2" in run.err
    listed = dossier("cases").out
    assert "Première affaire" in listed
    assert dossier("claims", "2").code == 0


def test_an_internal_error_is_logged_inside_the_home_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    elsewhere = tmp_path / "user"
    env = {**os.environ, "HOME": str(elsewhere), "XDG_STATE_HOME": str(elsewhere / "state"),
           "XDG_CACHE_HOME": str(elsewhere / "cache"), "XDG_DATA_HOME": str(elsewhere / "data"),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    crash = ("import sys; from dossier_app.cli import main as m; from dossier_app.services import cases;"
             "cases.summaries = lambda store: 1 / 0; sys.exit(m.main(sys.argv[1:]))")
    proc = subprocess.run([sys.executable, "-c", crash, "--home", str(home), "cases"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.returncode == 70 and "Traceback" not in proc.stderr
    log = home / "logs" / "crash.log"
    assert str(log) in proc.stderr and "ZeroDivisionError" in log.read_text()
    assert not elsewhere.exists() or not any(elsewhere.rglob("*"))


@pytest.mark.parametrize("text", ["9999-12-31", "31/12/1899", "0001-01-01"])
def test_an_as_of_date_out_of_bounds_is_refused(dossier, tmp_path: Path, text: str) -> None:
    _load(dossier, tmp_path / "a", "Affaire")
    for command in ("claims", "check"):
        with pytest.raises(SystemExit) as stop:
            dossier(command, "1", "--as-of", text)
        assert stop.value.code == 2


def test_words_typed_with_bytes_that_are_not_text_are_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    base = [sys.executable.encode(), b"-m", b"dossier_app", b"--home", str(home).encode()]
    assert subprocess.run([*base, b"demo"], capture_output=True, env=env, timeout=120).returncode == 0
    for args in ([b"exhibit", b"set", b"1", b"#7", b"--title", b"caf\xff"], [b"claims", b"caf\xff"],
                 [b"exhibit", b"set", b"1", b"#7", b"--password", b"p\xe9"]):
        proc = subprocess.run([*base, *args], capture_output=True, env=env, timeout=60)
        err = proc.stderr.decode()
        assert proc.returncode == 1 and "Traceback" not in err and "texte invalide" in err, (args, err)


def test_the_demo_and_its_export_write_nothing_outside_the_home(tmp_path: Path) -> None:
    from tests.reliability.writes import writes_outside

    home, out = tmp_path / "home", tmp_path / "out.pdf"
    env = {"TMPDIR": str(tmp_path / "system-tmp"), "PYTHONDONTWRITEBYTECODE": "1"}
    (tmp_path / "system-tmp").mkdir()
    for args in (("demo",), ("export", "1", "-o", str(out), "--as-of", "2025-11-30"), ("cases",)):
        code, outside, err = writes_outside([home, out], "--home", str(home), *args, env=env)
        assert code == 0, err
        assert outside == [], (args, outside)
