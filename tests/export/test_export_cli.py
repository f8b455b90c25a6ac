"""``dossier export`` on the demo case, as a user types it (spec "Checked by")."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest

from dossier_app.cli.main import main
from tests.export.export_helpers import outline_titles, page_texts, qpdf_check


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--home", str(home), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_of_the_demo_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    code, out, err = run(capsys, home, "demo")
    assert code == 0, err
    case_id = out.strip().split()[-1]
    output = tmp_path / "demo.pdf"
    code, out, err = run(capsys, home, "export", case_id, "-o", str(output), "--as-of", "2025-11-03")
    assert code == 0, err
    assert str(output) in out
    # Piped: no progress lines; only what makes the dossier wrong on paper, listed before writing
    # (the demo's pièce n° 1 is dated a year before the invoice it proves).
    assert all(line.startswith("BLOQUANT: ") for line in err.splitlines()), err
    qpdf_check(output)

    code, dumped, err = run(capsys, home, "dump", case_id)
    document = json.loads(dumped)
    exhibits = [x for x in document["exhibits"] if x.get("include", True)]
    assert sorted(x["number"] for x in exhibits) == list(range(1, len(exhibits) + 1))

    texts = page_texts(output)
    whole = " ".join(" ".join(texts).split())
    for part in ("Sommaire", "Exposé des faits", "Chronologie", "Frise chronologique", "Décompte des factures",
                 "Bordereau de communication de pièces", "le 3 novembre 2025", "Fait à "):
        assert part in whole, part
    with pikepdf.open(output) as pdf:
        pages = len(pdf.pages)
    stamped = 0
    for x in exhibits:
        assert f"Pièce n° {x['number']} — {' '.join(x['title'].split())}" in whole, x["title"]
        hits = [t for t in texts if f"Pièce n° {x['number']} — p. " in t]
        assert hits, x["title"]
        stamped += len(hits)
    generated = next(i for i, t in enumerate(texts) if "Pièce n° 1 — p. 1/" in t)
    assert pages == generated + stamped
    titles = outline_titles(output)
    assert len([t for t in titles if t.startswith("Pièce n°")]) == len(exhibits)


def test_numbers_are_kept_after_a_first_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    _, out, _ = run(capsys, home, "demo")
    case_id = out.strip().split()[-1]
    first = tmp_path / "one.pdf"
    assert run(capsys, home, "export", case_id, "-o", str(first), "--as-of", "2025-11-03", "--no-exhibits")[0] == 0
    before = {x["sha256"]: x["number"] for x in json.loads(run(capsys, home, "dump", case_id)[1])["exhibits"]}
    second = tmp_path / "two.pdf"
    assert run(capsys, home, "export", case_id, "-o", str(second), "--as-of", "2025-11-03", "--renumber",
               "--lang", "en")[0] == 0
    after = {x["sha256"]: x["number"] for x in json.loads(run(capsys, home, "dump", case_id)[1])["exhibits"]}
    assert before == after  # the demo's numbers already follow the dates
    assert "Statement of facts" in " ".join(page_texts(second))


def test_bad_arguments_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    code, _, err = run(capsys, home, "export", "nothing", "-o", str(tmp_path / "x.pdf"))
    assert code != 0 and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_export_in_english_talks_english_and_writes_an_ordinary_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import sys

    home = tmp_path / "home"
    _, out, _ = run(capsys, home, "demo")
    case_id = out.strip().split()[-1]
    output = tmp_path / "en.pdf"
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # progress lines as on a terminal
    code, out, err = run(capsys, home, "export", case_id, "-o", str(output), "--as-of", "2025-11-03",
                         "--lang", "en", "--no-exhibits")
    assert code == 0, err
    assert "exhibits, fingerprint" in out and "pièces" not in out and "empreinte" not in out
    assert "Laying out…" in err and "Mise en page" not in err
    umask = os.umask(0o022)
    os.umask(umask)
    assert output.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600


def test_a_missing_folder_is_refused_and_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    _, out, _ = run(capsys, home, "demo")
    case_id = out.strip().split()[-1]
    target = tmp_path / "nonexistent" / "dir" / "x.pdf"
    code, out, err = run(capsys, home, "export", case_id, "-o", str(target), "--as-of", "2025-11-03")
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and "n'existe pas" in err, err
    assert not (tmp_path / "nonexistent").exists()


def test_an_altered_stored_file_stops_the_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    home = tmp_path / "home"
    _, out, _ = run(capsys, home, "demo")
    case_id = out.strip().split()[-1]
    exhibits = [x for x in json.loads(run(capsys, home, "dump", case_id)[1])["exhibits"] if x.get("include", True)]
    victim = exhibits[0]
    blob = home / "files" / victim["sha256"][:2] / victim["sha256"]
    os.chmod(blob, 0o644)
    with blob.open("ab") as handle:
        handle.write(b"\n% altered\n")
    output = tmp_path / "x.pdf"
    code, out, err = run(capsys, home, "export", case_id, "-o", str(output), "--as-of", "2025-11-03")
    assert code != 0
    assert "Pièce n° " in err and f"({Path(victim['path']).name})" in err and "dossier verify" in err, err
    assert not output.exists()
