"""`export` lists the blocking findings before writing, as the window does; `--strict` then writes nothing."""

from __future__ import annotations

from pathlib import Path

from tests.support.cases import small_document, write_case

COURT_LINE = "BLOQUANT: Aucune juridiction n'est indiquée"


def _load(dossier, tmp_path: Path, document=None) -> str:
    run = dossier("load", str(write_case(tmp_path / "in", document)))
    assert run.code == 0, run.err
    return run.out.strip()


def _without_court(dossier, tmp_path: Path) -> str:
    document = small_document()
    del document["case"]["court"]
    return _load(dossier, tmp_path, document)


def test_export_lists_the_blocking_findings_then_writes(dossier, tmp_path: Path) -> None:
    case_id = _without_court(dossier, tmp_path)
    target = tmp_path / "dossier.pdf"
    run = dossier("export", case_id, "-o", str(target), "--no-exhibits")
    assert run.code == 0, run.err
    listed = [line for line in run.err.splitlines() if line.startswith("BLOQUANT: ")]
    assert len(listed) == 1 and listed[0].startswith(COURT_LINE), run.err
    assert target.is_file() and str(target) in run.out


def test_export_strict_writes_nothing_while_a_finding_blocks(dossier, tmp_path: Path) -> None:
    case_id = _without_court(dossier, tmp_path)
    target = tmp_path / "dossier.pdf"
    run = dossier("export", case_id, "-o", str(target), "--no-exhibits", "--strict")
    assert run.code == 1
    lines = run.err.splitlines()
    assert lines[0].startswith(COURT_LINE), run.err
    assert lines[-1] == ("Rien n'a été écrit (--strict) : 1 point bloquant ci-dessus ; corrigez-le "
                         f"(« dossier check {case_id} »), ou exportez sans --strict."), run.err
    assert len(lines) == 2 and run.out == ""
    assert list(tmp_path.glob("dossier*")) == [] and list(tmp_path.glob(".dossier*")) == []


def test_export_strict_writes_a_clean_case(dossier, tmp_path: Path) -> None:
    case_id = _load(dossier, tmp_path)
    assert dossier("check", case_id).code == 0
    target = tmp_path / "dossier.pdf"
    run = dossier("export", case_id, "-o", str(target), "--strict")
    assert run.code == 0, run.err
    assert "BLOQUANT" not in run.err
    assert target.is_file() and target.stat().st_size > 0
