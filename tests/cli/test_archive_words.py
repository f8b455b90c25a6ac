"""``archive`` says how many exhibits and how heavy, in the user's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier_app import i18n
from dossier_app.services import archive

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(("lang", "said"), [
    ("fr", f"12 pièces, 371{NNBSP}398{NBSP}octets — SHA-256 "),
    ("en", "12 exhibits, 371,398 bytes — SHA-256 "),
])
def test_archive_of_the_demo(dossier, tmp_path: Path, lang: str, said: str) -> None:
    assert dossier("demo").code == 0
    i18n.activate(lang)
    run = dossier("archive", "1", "-o", str(tmp_path / "a.dossier"))
    assert run.code == 0, run.err
    assert said in run.out


@pytest.mark.parametrize(("lang", "exhibits", "size", "said"), [
    ("fr", 1, 3 * 2**19, f": 1 pièce, 1,5{NNBSP}Mo — "),
    ("en", 1, 3 * 2**19, ": 1 exhibit, 1.5 MB — "),          # was "1,5 MB"
    ("en", 3, 10 * 2**20 + 1, ": 3 exhibits, 10.0 MB — "),
])
def test_archive_size_in_megabytes(dossier, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                   lang: str, exhibits: int, size: int, said: str) -> None:
    assert dossier("demo").code == 0
    target = tmp_path / "a.dossier"
    monkeypatch.setattr(archive, "archive_case", lambda _store, _case, path: archive.ArchiveSummary(
        path, exhibits, size, "0" * 64))
    i18n.activate(lang)
    run = dossier("archive", "1", "-o", str(target))
    assert run.code == 0, run.err
    assert said in run.out
