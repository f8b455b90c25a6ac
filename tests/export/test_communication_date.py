"""``export --date``: the bordereau's "Fait à …, le …" is the communication date, the as-of date elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier_app.cli.main import main
from tests.export.export_helpers import page_texts, qpdf_check


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--home", str(home), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_communication_date_signs_the_bordereau(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    code, out, err = run(capsys, home, "demo")
    assert code == 0, err
    case_id = out.strip().split()[-1]
    output = tmp_path / "dossier.pdf"
    code, out, err = run(capsys, home, "export", case_id, "-o", str(output), "--as-of", "2025-11-03",
                         "--date", "10/11/2025", "--no-exhibits")
    assert code == 0, err
    qpdf_check(output)
    whole = " ".join(" ".join(page_texts(output)).split())
    assert ", le 10 novembre 2025" in whole and "communiquées le 10 novembre 2025" in whole
    assert ", le 3 novembre 2025" not in whole
    assert "3 novembre 2025" in whole  # the as-of date stays the as-of date (cover, décompte)


def test_a_communication_date_that_is_no_date_is_refused(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    run(capsys, home, "demo")
    with pytest.raises(SystemExit):
        main(["--home", str(home), "export", "1", "-o", str(tmp_path / "x.pdf"), "--date", "demain"])
    assert not (tmp_path / "x.pdf").exists()
