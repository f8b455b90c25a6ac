"""Active content given to `dossier import` on purpose, then exported: the stored exhibit stays as it
was (evidence), the dossier carries none of it, however it is hidden or chained (spec "Faithfulness")."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.reliability.hostile_pdfs import HARMLESS, KINDS, active_content, hostile_pdf, uri_links
from tests.support.cases import write_case

AS_OF = "2025-11-03"


@pytest.fixture
def case(dossier, tmp_path: Path) -> str:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    return "1"


def _exported(dossier, case: str, source: Path, output: Path) -> Path:
    run = dossier("import", case, str(source))
    assert run.code == 0 and "ajouté" in run.out, run.out + run.err
    run = dossier("export", case, "-o", str(output), "--as-of", AS_OF)
    assert run.code == 0, run.err
    assert "Traceback" not in run.err
    return output


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_active_content_is_gone_from_the_dossier(dossier, case: str, tmp_path: Path, kind: str) -> None:
    source = hostile_pdf(tmp_path / f"piece-{kind}.pdf", kind)
    assert active_content(source), "the hostile file must hold what the test looks for"
    output = _exported(dossier, case, source, tmp_path / "dossier.pdf")
    assert active_content(output) == []
    assert HARMLESS in uri_links(output)


def test_everything_at_once_with_a_long_chain_and_a_cycle(dossier, case: str, home: Path, tmp_path: Path) -> None:
    source = hostile_pdf(tmp_path / "piece-tout.pdf", *KINDS)
    stored = hashlib.sha256(source.read_bytes()).hexdigest()
    output = _exported(dossier, case, source, tmp_path / "dossier.pdf")
    assert active_content(output) == []
    assert HARMLESS in uri_links(output)
    # The exhibit itself is kept as it came: evidence is never altered.
    copy = next(p for p in (home / "files").rglob(stored))
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == stored
