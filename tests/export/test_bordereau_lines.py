"""The bordereau counsel can communicate as it is (spec part 6): its header, its total, to whom and when the
pièces are communicated, where and when it is signed, a box for the signature and the cachet; a later,
complementary bordereau with its number, listing and carrying only the pièces from its first number on."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from dossier_app.cli.main import main
from dossier_app.domain.model import Case, Counsel, Party
from dossier_app.export.communication import signing_city
from tests.export.bordereau_case import write_four_pieces
from tests.export.export_helpers import outline_titles, page_texts, qpdf_check

SHOTS = Path("/tmp")


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--home", str(home), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def loaded(capsys: pytest.CaptureFixture[str], tmp_path: Path, **kwargs: object) -> tuple[Path, str]:
    home = tmp_path / "home"
    code, out, err = run(capsys, home, "load", str(write_four_pieces(tmp_path / "in", **kwargs)))  # type: ignore[arg-type]
    assert code == 0, err
    return home, out.strip()


def bordereau_page(output: Path) -> tuple[int, str]:
    """The page (1-based) that closes the bordereau, and its text with spaces made plain and single."""
    texts = page_texts(output)
    found = [i for i, text in enumerate(texts) if "Signature et cachet du conseil" in text]
    assert len(found) == 1, "the signature box is on one page"
    return found[0] + 1, " ".join(texts[found[0]].split())


def bordereau_text(output: Path) -> str:
    """Every page of the bordereau part, from its heading to the signature box."""
    texts = page_texts(output)
    last = next(i for i, text in enumerate(texts) if "Signature et cachet du conseil" in text)
    first = max(i for i, text in enumerate(texts[:last + 1]) if "Bordereau de communication de pièces" in text
                and "POUR" in text)
    return " ".join(" ".join(texts[first:last + 1]).split())


def export(capsys: pytest.CaptureFixture[str], home: Path, case_id: str, output: Path, *args: str) -> str:
    code, out, err = run(capsys, home, "export", case_id, "-o", str(output), "--as-of", "2024-06-01",
                         "--date", "03/06/2024", *args)
    assert code == 0, err
    qpdf_check(output)
    return out


def test_the_bordereau_says_its_total_to_whom_where_and_when(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    home, case_id = loaded(capsys, tmp_path)
    output = tmp_path / "dossier.pdf"
    export(capsys, home, case_id, output)
    page, text = bordereau_page(output)
    whole = bordereau_text(output)
    # Its header: the court, the docket number, the parties.
    assert "Tribunal de commerce de Laval — RG n° 2024R00412" in whole
    assert "POUR Boulangerie Martin" in whole and "CONTRE WebPlus" in whole
    for number, title in enumerate(("Facture 2024-003", "Avis de virement", "Capture du site coupé",
                                    "Mise en demeure"), 1):
        assert f"Pièce n° {number} — {title}" in whole
    assert "Bordereau n°" not in whole  # the first bordereau carries no number of its own
    assert "Total : 4 pièces" in text
    assert ("Pièces communiquées le 3 juin 2024 à Maître Paul Lenoir, Lenoir & Associés, barreau de Rennes"
            in text)
    assert "Fait à Angers, le 3 juin 2024" in text  # counsel's city, the communication date
    assert "Fait le" not in text
    assert "Maître Anne Roux Roux Avocats, barreau d'Angers" in text
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), str(output),
                    str(SHOTS / "bordereau-closing")], check=True)


def test_without_counsel_the_other_side_and_the_town_of_our_address(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    home, case_id = loaded(capsys, tmp_path, counsel=None, opposing=None)
    output = tmp_path / "dossier.pdf"
    export(capsys, home, case_id, output, "--no-exhibits")
    _page, text = bordereau_page(output)
    assert "Pièces communiquées le 3 juin 2024 à WebPlus" in text  # no opposing counsel: the other party
    assert "Fait à Laval, le 3 juin 2024" in text  # « 3 rue du Pont, 53000 Laval »


def test_the_place_of_signing() -> None:
    def case(address: str | None, counsel: Counsel | None = None) -> Case:
        return Case(title="T", our_role="provider", us=Party("Nous", address=address), them=Party("Eux"),
                    counsel=counsel)

    assert signing_city(case("12 rue X, 53000 Laval", Counsel("Me Y", city="Angers"))) == "Angers"
    assert signing_city(case("12 rue X, 53000 Laval", Counsel("Me Y"))) == "Laval"
    assert signing_city(case("BP 12\n49100 Angers Cedex 02")) == "Angers"
    assert signing_city(case("Zone artisanale, 75011 Paris, France")) == "Paris"
    assert signing_city(case("Quelque part")) is None
    assert signing_city(case(None)) is None


def test_english_says_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home, case_id = loaded(capsys, tmp_path)
    output = tmp_path / "dossier.pdf"
    export(capsys, home, case_id, output, "--no-exhibits", "--lang", "en")
    texts = page_texts(output)
    text = " ".join(" ".join(t for t in texts if "Counsel's signature and stamp" in t).split())
    assert "Total: 4 exhibits" in text
    assert "Exhibits communicated on " in text and " to Maître Paul Lenoir, Lenoir & Associés" in text
    assert "Done at Angers, on " in text


def test_a_complementary_bordereau_lists_and_carries_only_the_later_pieces(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home, case_id = loaded(capsys, tmp_path)
    export(capsys, home, case_id, tmp_path / "premier.pdf")  # the numbers are given, and kept from now on
    output = tmp_path / "complement.pdf"
    out = export(capsys, home, case_id, output, "--bordereau", "2", "--from", "3")
    assert "2 pièces" in out
    whole = bordereau_text(output)
    assert "Bordereau n° 2 — pièces complémentaires n° 3 à 4" in whole
    assert "Pièce n° 3 — Capture du site coupé" in whole and "Pièce n° 4 — Mise en demeure" in whole
    assert "Pièce n° 1 —" not in whole and "Pièce n° 2 —" not in whole
    assert "Total : 2 pièces" in whole and "Pièces communiquées le 3 juin 2024 à Maître Paul Lenoir" in whole
    # The bundle carries pièces 3 and 4 only, stamped with the numbers they have.
    texts = page_texts(output)
    stamped = sorted({n for n in range(1, 5) for t in texts if f"Pièce n° {n} — p. 1/1" in t})
    assert stamped == [3, 4]
    assert [t for t in outline_titles(output) if t.startswith("Pièce n°")] == [
        "Pièce n° 3 — Capture du site coupé", "Pièce n° 4 — Mise en demeure"]
    # The facts still cite pièce n° 1, communicated with the first bordereau: no event is said unproved for it.
    facts = " ".join(" ".join(t for t in texts if "Exposé des faits" in t and "POUR" not in t).split())
    assert "Pièce n° 1" in facts

    one = tmp_path / "une.pdf"
    export(capsys, home, case_id, one, "--bordereau", "3", "--from", "4", "--no-exhibits")
    whole = bordereau_text(one)
    assert "Bordereau n° 3 — pièce complémentaire n° 4" in whole
    assert "Total : 1 pièce" in whole and "Pièce communiquée le 3 juin 2024" in whole


def test_a_complementary_folder_holds_only_the_later_pieces(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    home, case_id = loaded(capsys, tmp_path)
    folder = tmp_path / "envoi"
    code, _out, err = run(capsys, home, "export", case_id, "--split", str(folder), "--as-of", "2024-06-01",
                          "--bordereau", "2", "--from", "3")
    assert code == 0, err
    names = sorted(p.name for p in folder.iterdir())
    assert names[0] == "00_bordereau.pdf" and [n[:3] for n in names[1:]] == ["03_", "04_"]
    text = " ".join(" ".join(page_texts(folder / names[0])).split())
    assert "Bordereau n° 2 — pièces complémentaires n° 3 à 4" in text and "Total : 2 pièces" in text


@pytest.mark.parametrize(("args", "said"), [
    (("--bordereau", "2", "--from", "9"), "aucune pièce jointe ne porte le n° 9 (pièces n° 1 à 4)"),
    (("--bordereau", "0"), "« 0 » : un numéro de bordereau est 1, 2, 3…"),
    (("--bordereau", "deux"), "« deux » : un numéro de bordereau est 1, 2, 3…"),
    (("--bordereau", "2", "--from", "-1"), "un numéro de pièce est 1, 2, 3…"),
    (("--from", "3"), "--from 3 fait un bordereau complémentaire : donnez aussi son numéro, --bordereau 2 ou plus"),
])
def test_nonsense_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         args: tuple[str, ...], said: str) -> None:
    home, case_id = loaded(capsys, tmp_path)
    output = tmp_path / "x.pdf"
    capsys.readouterr()
    try:
        code = main(["--home", str(home), "export", case_id, "-o", str(output), "--as-of", "2024-06-01", *args])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    err = capsys.readouterr().err
    assert code in (1, 2)
    assert len(err.strip().splitlines()) == 1 and said in err, err
    assert not list(tmp_path.glob("x*.pdf"))


def test_the_help_names_both_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--home", str(tmp_path), "export", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--bordereau N" in text and "--from N" in text
    assert "bordereau complémentaire" in text


def test_what_is_wrong_on_paper_is_listed_before_writing(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A pièce dated a year from what it proves and a hearing already past (spec "Before writing")."""
    import json

    path = write_four_pieces(tmp_path / "in")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["case"]["hearing"] = "2024-05-20T14:00"
    document["exhibits"][0]["date"] = "2023-03-15"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    home = tmp_path / "home"
    code, out, err = run(capsys, home, "load", str(path))
    assert code == 0, err
    case_id = out.strip()
    output = tmp_path / "dossier.pdf"
    code, out, err = run(capsys, home, "export", case_id, "-o", str(output), "--as-of", "2024-06-01", "--strict")
    assert code == 1 and not output.exists()
    lines = err.splitlines()
    assert any(line.startswith("BLOQUANT: La date d'audience (20/05/2024) est passée") for line in lines), err
    assert any(line.startswith("BLOQUANT: Pièce") and "vérifiez sa date" in line for line in lines), err
    assert lines[-1].startswith("Rien n'a été écrit (--strict) : 2 points bloquants ci-dessus")
    code, out, err = run(capsys, home, "export", case_id, "-o", str(output), "--as-of", "2024-06-01")
    assert code == 0 and output.is_file()
    assert sum(line.startswith("BLOQUANT: ") for line in err.splitlines()) == 2, err
