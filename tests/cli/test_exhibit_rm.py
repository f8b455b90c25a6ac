"""`exhibit rm`: an exhibit out of the case; its stored file goes only when no other case uses it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cases import write_case


def _exhibits(dossier, case: str) -> list[dict]:
    return json.loads(dossier("dump", case).out)["exhibits"]


def _stored(home: Path, sha: str) -> list[Path]:
    return [p for p in (home / "files").rglob("*") if p.is_file() and sha in p.name]


def test_exhibit_rm_takes_it_out_and_lets_its_unused_file_go(dossier, home: Path, tmp_path: Path) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    sha = next(x for x in _exhibits(dossier, "1") if x["title"] == "Mise en demeure")["sha256"]
    assert _stored(home, sha)
    run = dossier("exhibit", "rm", "1", sha[:10])
    assert run.code == 0, run.err
    assert "Mise en demeure" in run.out
    assert [x["title"] for x in _exhibits(dossier, "1")] == ["Facture 2024-003"]
    assert _stored(home, sha) == []
    assert dossier("verify", "1").code == 0


def test_exhibit_rm_keeps_the_file_another_case_uses(dossier, home: Path, tmp_path: Path) -> None:
    source = write_case(tmp_path / "in")
    assert dossier("load", str(source)).code == 0
    assert dossier("load", str(source)).code == 0
    sha = next(x for x in _exhibits(dossier, "1") if x["title"] == "Mise en demeure")["sha256"]
    assert dossier("exhibit", "rm", "1", sha[:10]).code == 0
    assert _stored(home, sha)
    assert "Mise en demeure" in [x["title"] for x in _exhibits(dossier, "2")]
    assert dossier("verify", "2").code == 0


def test_exhibit_rm_refuses_an_unknown_exhibit_or_case(dossier, tmp_path: Path) -> None:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    run = dossier("exhibit", "rm", "1", "#999")
    assert run.code == 1 and "#999" in run.err
    run = dossier("exhibit", "rm", "42", "1")
    assert run.code == 1 and "42" in run.err
    assert len(_exhibits(dossier, "1")) == 2
