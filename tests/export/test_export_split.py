"""``dossier export --split DIR``: the bordereau and one PDF per pièce, for electronic communication."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier_app.cli.main import main
from dossier_app.export.split import ascii_title, split_names
from tests.export.export_helpers import outline_titles, page_count, page_texts, qpdf_check


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--home", str(home), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    home = tmp_path / "home"
    code, out, err = run(capsys, home, "demo")
    assert code == 0, err
    return home, out.strip().split()[-1]


def test_names_are_ascii_numbered_and_short() -> None:
    assert ascii_title("Facture Pixelune F-2025/031 (acompte)") == "facture-pixelune-f-2025-031-acompte"
    assert ascii_title("Procès-verbal de constat — Maître Œstre, 4 ×") == "proces-verbal-de-constat-maitre-oestre-4"
    assert ascii_title("«  »") == "piece"
    assert len(ascii_title("é" * 200)) == 80
    assert split_names([(1, "A"), (2, "B")]) == ["00_bordereau.pdf", "01_a.pdf", "02_b.pdf"]
    assert split_names([(100, "Z")]) == ["000_bordereau.pdf", "100_z.pdf"]


def test_split_export_of_the_demo(demo: tuple[Path, str], tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    home, case_id = demo
    folder = tmp_path / "envoi"
    code, out, err = run(capsys, home, "export", case_id, "--split", str(folder), "--as-of", "2025-11-03")
    assert code == 0, err
    _, dumped, _ = run(capsys, home, "dump", case_id)
    exhibits = sorted((x for x in json.loads(dumped)["exhibits"] if x.get("include", True)),
                      key=lambda x: x["number"])
    expected = ["00_bordereau.pdf", *(f"{x['number']:02d}_{ascii_title(x['title'])}.pdf" for x in exhibits)]
    assert sorted(p.name for p in folder.iterdir()) == expected
    assert "01_facture-pixelune-f-2025-031" in expected[1]
    assert out.splitlines()[:len(expected)] == [str(folder / name) for name in expected]
    assert f"{len(exhibits)} pièces, empreinte " in out
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folder left

    for name in expected:
        qpdf_check(folder / name)
    bordereau = " ".join(" ".join(page_texts(folder / expected[0])).split())
    assert "Bordereau de communication de pièces" in bordereau and ", le 3 novembre 2025" in bordereau
    assert "Pièce n° 1 — p. 1/" not in bordereau
    assert outline_titles(folder / expected[0]) == ["Bordereau de communication de pièces"]
    for x, name in zip(exhibits, expected[1:], strict=True):
        pages = page_count(folder / name)
        assert pages == x.get("pages", pages) >= 1
        texts = page_texts(folder / name)[:pages]
        for page, text in enumerate(texts, 1):
            assert f"Pièce n° {x['number']} — p. {page}/{pages}" in text, name
        titles = outline_titles(folder / name)
        assert titles == [f"Pièce n° {x['number']} — {' '.join(x['title'].split())}"]


def test_split_is_byte_identical_twice_and_refuses_a_folder_with_files(
        demo: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home, case_id = demo
    first, second = tmp_path / "a", tmp_path / "b"
    second.mkdir()  # an empty folder is used as it is
    for folder in (first, second):
        code, _, err = run(capsys, home, "export", case_id, "--split", str(folder), "--as-of", "2025-11-03")
        assert code == 0, err
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name

    full = tmp_path / "full"
    full.mkdir()
    (full / "notes.txt").write_text("à garder")
    code, _out, err = run(capsys, home, "export", case_id, "--split", str(full), "--as-of", "2025-11-03")
    assert code == 1
    assert "n'est pas vide" in err and len(err.strip().splitlines()) == 1
    assert [p.name for p in full.iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "full", "home"]

    code, _, err = run(capsys, home, "export", case_id, "--split", str(tmp_path / "no" / "such"))
    assert code == 1 and "n'existe pas" in err
    assert not (tmp_path / "no").exists()


def test_split_and_output_exclude_each_other(demo: tuple[Path, str], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    home, case_id = demo
    with pytest.raises(SystemExit):
        run(capsys, home, "export", case_id, "--split", str(tmp_path / "x"), "-o", str(tmp_path / "x.pdf"))
    assert "incompatible avec" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run(capsys, home, "export", case_id)
    err = capsys.readouterr().err
    assert "il manque : -o/--output FICHIER.pdf, ou --split DOSSIER" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "x").exists() and not (tmp_path / "x.pdf").exists()


def test_a_piece_over_max_mb_is_said_not_split(demo: tuple[Path, str], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    home, case_id = demo
    folder = tmp_path / "envoi"
    code, _out, err = run(capsys, home, "export", case_id, "--split", str(folder), "--max-mb", "0.2")
    assert code == 0, err
    big = [p for p in folder.iterdir() if p.stat().st_size > 200_000 and not p.name.startswith("00_")]
    assert big
    for path in big:
        number = int(path.name.split("_")[0])
        assert f"Pièce n° {number} : son fichier à lui seul dépasse --max-mb" in err
    assert not [p for p in folder.iterdir() if "-1" in p.stem.split("_")[0]]
