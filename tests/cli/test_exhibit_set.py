"""`exhibit set`: one rule with the window's form — a date can be cleared, a password set and cleared."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cases import write_case


def _exhibit(dossier, title: str) -> dict:
    return next(x for x in json.loads(dossier("dump", "1").out)["exhibits"] if x["title"] == title)


def test_an_empty_date_clears_it(dossier, tmp_path: Path) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    before = _exhibit(dossier, "Facture 2024-003")
    assert before["date"] == "2024-03-15"
    run = dossier("exhibit", "set", "1", before["sha256"][:10], "--date", "")
    assert run.code == 0, run.err
    assert run.out.strip() == "Facture 2024-003 (sans date), dans le dossier imprimé."
    after = _exhibit(dossier, "Facture 2024-003")
    assert "date" not in after or after["date"] is None


def _protected_pdf(path: Path, password: str) -> Path:
    import io

    import pikepdf
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer)
    sheet.drawString(60, 800, "Relevé du 3 mars 2024")
    sheet.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user=password, owner=password + "-owner"))
    return path


def test_a_password_is_kept_only_when_it_opens_the_pdf(dossier, tmp_path: Path) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    pdf = _protected_pdf(tmp_path / "releve.pdf", "s3cret")
    assert dossier("import", "1", str(pdf), "--password", "s3cret").code == 0
    sha = next(x for x in json.loads(dossier("dump", "1").out)["exhibits"]
               if x.get("password") == "s3cret")["sha256"][:10]
    for password, words in (("faux", "n'ouvre pas"), ("", "protégé")):
        run = dossier("exhibit", "set", "1", sha, "--password", password)
        assert run.code == 1 and words in run.err and len(run.err.strip().splitlines()) == 1, run
    text = _exhibit(dossier, "Facture 2024-003")["sha256"][:10]
    run = dossier("exhibit", "set", "1", text, "--password", "x")
    assert run.code == 1 and "PDF" in run.err, run
    assert "password" not in _exhibit(dossier, "Facture 2024-003")
    assert any(x.get("password") == "s3cret" for x in json.loads(dossier("dump", "1").out)["exhibits"])


def test_a_blank_title_or_a_date_out_of_range_is_refused_with_one_line(dossier, tmp_path: Path) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    sha = _exhibit(dossier, "Mise en demeure")["sha256"][:10]
    for args, words in ((("--title", "   "), "titre"), (("--date", "01/01/1850"), "1900")):
        run = dossier("exhibit", "set", "1", sha, *args)
        assert run.code == 1 and words in run.err and "Traceback" not in run.err, run
        assert len(run.err.strip().splitlines()) == 1, run.err
    assert _exhibit(dossier, "Mise en demeure")["title"] == "Mise en demeure"
