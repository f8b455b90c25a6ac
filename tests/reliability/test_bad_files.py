"""Bad files given to `dossier import` on purpose, one test per line of the issue: each ends in
a clear word about that file — added, with a note, or refused with the reason — never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.reliability import files
from tests.reliability.support import Run, blob_problems, snapshot
from tests.support.cases import write_case


@pytest.fixture
def case(dossier, tmp_path: Path) -> str:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    return "1"


def _import(dossier, case: str, *paths: Path) -> Run:
    run = dossier("import", case, *(str(p) for p in paths))
    summary = run.out.splitlines()[-1]
    refused_only = summary.startswith("0 ajouté,") and not summary.endswith(" 0 refusé.")
    assert run.code == (1 if refused_only else 0), run.err  # nothing added, something refused: exit 1
    assert "Traceback" not in run.out + run.err and run.err == ""
    return run


def _line_about(run: Run, path: Path) -> str:
    lines = [line for line in run.out.splitlines() if str(path) in line]
    assert len(lines) == 1, run.out
    return lines[0]


def _refused_and_nothing_stored(dossier, case: str, home: Path, path: Path, reason: str) -> None:
    before = snapshot(home)
    run = _import(dossier, case, path)
    line = _line_about(run, path)
    assert line.startswith("refusé") and reason in line, line
    assert snapshot(home) == before


def test_a_truncated_pdf(dossier, case: str, home: Path, tmp_path: Path) -> None:
    whole = files.pdf_bytes("Laval, le 4 octobre 2016", "Mise en demeure")
    truncated = tmp_path / "tronqué.pdf"
    truncated.write_bytes(whole[: len(whole) // 3])
    _refused_and_nothing_stored(dossier, case, home, truncated, "PDF")


def test_a_zero_byte_file(dossier, case: str, home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "vide.pdf"
    empty.write_bytes(b"")
    _refused_and_nothing_stored(dossier, case, home, empty, "vide")


@pytest.mark.parametrize(("option", "note"), [("javascript", "JavaScript"), ("attachment", "annexe.exe")])
def test_a_pdf_with_javascript_or_an_embedded_file(dossier, case: str, home: Path, tmp_path: Path,
                                                   option: str, note: str) -> None:
    path = files.pdf(tmp_path / f"piégé-{option}.pdf", "Contrat", **{option: True})
    run = _import(dossier, case, path)
    assert _line_about(run, path).startswith("ajouté")
    assert note in run.out  # kept as evidence, byte for byte, and the user is told what it holds
    sha = dossier("dump", case).out
    import hashlib
    assert hashlib.sha256(path.read_bytes()).hexdigest() in sha
    assert blob_problems(home) == []


def test_an_image_claiming_100000_by_100000_pixels(dossier, case: str, home: Path, tmp_path: Path) -> None:
    bomb = files.png_claiming(tmp_path / "capture.png", 100_000, 100_000)
    assert bomb.stat().st_size < 200
    _refused_and_nothing_stored(dossier, case, home, bomb, "démesurées")


def test_an_eml_with_broken_headers_and_a_non_utf8_body(dossier, case: str, home: Path, tmp_path: Path) -> None:
    mail = files.broken_eml(tmp_path / "relance.eml")
    run = _import(dossier, case, mail)
    line = _line_about(run, mail)
    assert line.startswith(("ajouté", "refusé")), line
    if line.startswith("ajouté"):
        assert "relance.eml" in dossier("dump", case).out or "Relance" in dossier("dump", case).out


def test_a_windows_1252_csv_with_semicolons_and_french_decimals(dossier, case: str, tmp_path: Path) -> None:
    listing = files.cp1252_csv(tmp_path / "factures.csv")
    run = _import(dossier, case, listing)
    assert "2 factures créées" in run.out
    import json
    events = json.loads(dossier("dump", case).out)["events"]
    created = {e["number"]: e for e in events if e["kind"] == "invoice" and e["number"].startswith("F-2016")}
    assert created["F-2016-12"]["amount_incl_tax"] == "1234.50" and created["F-2016-12"]["disputed"] is True
    assert created["F-2016-15"]["amount_incl_tax"] == "300.00"
    assert created["F-2016-15"]["title"] == "Hébergement 2017 — «pro»"


def test_a_file_name_with_accents_and_spaces(dossier, case: str, tmp_path: Path) -> None:
    path = tmp_path / "Courrier recommandé du 4 octobre 2016 (copie) é à ç.txt"
    path.write_text("Laval, le 4 octobre 2016\nMise en demeure de payer\n", encoding="utf-8")
    run = _import(dossier, case, path)
    assert _line_about(run, path).startswith("ajouté")
    target = tmp_path / "a.dossier"
    assert dossier("archive", case, "-o", str(target)).code == 0
    assert dossier("restore", str(target)).code == 0
    import json
    exhibits = json.loads(dossier("dump", "2").out)["exhibits"]
    assert any(x["path"] == path.name for x in exhibits)


def test_a_path_that_is_a_directory_loop(dossier, case: str, tmp_path: Path) -> None:
    folder = tmp_path / "pièces"
    (folder / "sous dossier").mkdir(parents=True)
    (folder / "sous dossier" / "note.txt").write_text("Appel du 3 mars 2024\n")
    os.symlink(folder, folder / "sous dossier" / "boucle")
    os.symlink("boucle-b", folder / "boucle-a")
    os.symlink("boucle-a", folder / "boucle-b")
    run = _import(dossier, case, folder)
    assert run.out.count("note.txt") == 1
    assert "1 ajouté," in run.out
