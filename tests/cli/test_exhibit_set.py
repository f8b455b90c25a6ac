"""`exhibit set`: one rule with the window's form — a date can be cleared, a password set and cleared."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cases import write_case


def _exhibit(dossier, title: str) -> dict:
    return next(x for x in json.loads(dossier("dump", "1").out)["exhibits"] if x["title"] == title)


def test_an_empty_date_clears_it_and_a_password_is_set_then_cleared(dossier, tmp_path: Path) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    before = _exhibit(dossier, "Facture 2024-003")
    assert before["date"] == "2024-03-15"
    run = dossier("exhibit", "set", "1", before["sha256"][:10], "--date", "", "--password", "s3cret")
    assert run.code == 0, run.err
    after = _exhibit(dossier, "Facture 2024-003")
    assert "date" not in after or after["date"] is None
    assert after["password"] == "s3cret"
    assert dossier("exhibit", "set", "1", before["sha256"][:10], "--password", "").code == 0
    assert "password" not in _exhibit(dossier, "Facture 2024-003")


def test_a_blank_title_or_a_date_out_of_range_is_refused_with_one_line(dossier, tmp_path: Path) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    sha = _exhibit(dossier, "Mise en demeure")["sha256"][:10]
    for args, words in ((("--title", "   "), "titre"), (("--date", "01/01/1850"), "1900")):
        run = dossier("exhibit", "set", "1", sha, *args)
        assert run.code == 1 and words in run.err and "Traceback" not in run.err, run
        assert len(run.err.strip().splitlines()) == 1, run.err
    assert _exhibit(dossier, "Mise en demeure")["title"] == "Mise en demeure"
