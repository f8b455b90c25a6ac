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
    assert err == ""  # piped: no progress lines
    qpdf_check(output)

    code, dumped, err = run(capsys, home, "dump", case_id)
    document = json.loads(dumped)
    exhibits = [x for x in document["exhibits"] if x.get("include", True)]
    assert sorted(x["number"] for x in exhibits) == list(range(1, len(exhibits) + 1))

    texts = page_texts(output)
    whole = " ".join(" ".join(texts).split())
    for part in ("Sommaire", "Exposé des faits", "Chronologie", "Frise chronologique", "Décompte des sommes dues",
                 "Bordereau de communication de pièces", "Fait le 3 novembre 2025"):
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
