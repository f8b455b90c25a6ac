"""Awkward files a user adds: each taken, or refused saying what to do; the exit status says which.

GIFs (an animation prints its first image, said on the caption), any CSV (a bank statement is a
pièce printed as a table), a text named ``.pdf``, a PDF 2.0 password typed another way, and the
page counts ``exhibit list`` gives against the export's.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from tests.support.cases import write_case

BANK = ("Date;Libellé;Débit;Crédit;Solde\n"
        "01/10/2025;VIR SEPA BOULANGERIE MARTIN;;1 200,00;1 500,00\n"
        "03/10/2025;PRLV WEBPLUS HEBERGEMENT;45,00;;1 455,00\n"
        "15/10/2025;CB PAPETERIE LAVAL;12,90;;1 442,10\n")


@pytest.fixture
def case(dossier, tmp_path: Path) -> str:
    assert dossier("load", str(write_case(tmp_path / "in"))).code == 0
    return "1"


def _animated_gif(path: Path, frames: int = 3) -> Path:
    colours = ((200, 30, 30), (30, 200, 30), (30, 30, 200), (200, 200, 30))[:frames]
    images = [Image.new("RGB", (120, 80), colour) for colour in colours]
    images[0].save(path, save_all=True, append_images=images[1:], duration=100, loop=0)
    return path


def _listed(dossier, case: str) -> dict[str, int]:
    run = dossier("exhibit", "list", case, "--json")
    return {x["title"].lower(): x["pages"] for x in json.loads(run.out)["exhibits"]}


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_gifs_are_taken_and_an_animation_prints_its_first_image_said_on_the_caption(
        dossier, case: str, tmp_path: Path) -> None:
    still = tmp_path / "capture.gif"
    Image.new("P", (200, 100), 3).save(still)
    moving = _animated_gif(tmp_path / "ecran-anime.gif", 3)
    run = dossier("import", case, str(still), str(moving))
    assert run.code == 0, run.out + run.err
    assert [line[:7] for line in run.out.splitlines()[:2]] == ["ajouté ", "ajouté "], run.out
    assert "animation : 3 images, la première est reproduite" in run.out
    listed = _listed(dossier, case)
    assert listed["capture"] == 1 and listed["ecran-anime"] == 1, listed

    out = tmp_path / "dossier.pdf"
    assert dossier("export", case, "-o", str(out), "--as-of", "2025-11-30").code == 0
    text = _text(out)
    assert "ecran-anime.gif — animation : 3 images, la première est reproduite" in " ".join(text.split())


def test_a_bank_statement_csv_is_a_piece_printed_as_a_table(dossier, case: str, tmp_path: Path) -> None:
    statement = tmp_path / "releve-octobre.csv"
    statement.write_bytes(BANK.encode("cp1252"))
    run = dossier("import", case, str(statement))
    assert run.code == 0, run.out + run.err
    assert run.out.startswith("ajouté") and "imprimé en tableau" in run.out
    assert "créée" not in run.out
    dumped = json.loads(dossier("dump", case).out)
    assert not any(e["kind"] == "invoice" and e["id"] not in ("f1",) for e in dumped["events"])

    out = tmp_path / "dossier.pdf"
    assert dossier("export", case, "-o", str(out), "--as-of", "2025-11-30").code == 0
    lines = _text(out).splitlines()
    # Each row's cells on one line, in their columns: a table, not the raw "a;b;c" text.
    row = next(line for line in lines if "PRLV WEBPLUS HEBERGEMENT" in line)
    assert "03/10/2025" in row and "45,00" in row and "1 455,00" in row and ";" not in row
    assert any("Libellé" in line and "Solde" in line and ";" not in line for line in lines)


def test_a_ragged_csv_is_refused_naming_its_line(dossier, case: str, tmp_path: Path) -> None:
    broken = tmp_path / "releve.csv"
    broken.write_text(BANK + "20/10/2025;VIR;3,00\n", encoding="utf-8")
    run = dossier("import", case, str(broken))
    assert run.code == 1
    assert run.out.startswith("refusé") and "ligne 5 : 3 colonnes au lieu de 5" in run.out
    assert "corrigez cette ligne dans un tableur" in run.out


def test_an_invoice_list_still_makes_invoices(dossier, case: str, tmp_path: Path) -> None:
    listing = tmp_path / "factures.csv"
    listing.write_text("numéro;date;montant_ttc\n2025-1;04/10/2025;100,00\n", encoding="utf-8")
    run = dossier("import", case, str(listing))
    assert run.code == 0 and "1 facture créée" in run.out, run.out


def test_text_named_pdf_is_refused_at_import_saying_what_it_is(dossier, case: str, tmp_path: Path) -> None:
    fake = tmp_path / "contrat.pdf"
    fake.write_bytes(b"oops\n")
    run = dossier("import", case, str(fake))
    assert run.code == 1, "nothing added, something refused"
    assert run.out.startswith("refusé") and "pas un PDF" in run.out and "« oops »" in run.out
    assert "renommez-le en .txt" in run.out


def test_import_exits_1_when_every_file_is_refused_and_0_when_one_is_added(
        dossier_process, tmp_path: Path) -> None:
    folder = tmp_path / "tout-refuse"
    folder.mkdir()
    (folder / "contrat.pdf").write_bytes(b"oops\n")
    (folder / "tableur.xlsx").write_bytes(b"PK\x03\x04" + bytes(200))
    (folder / "releve.csv").write_text("a;b;c\n1;2\n", encoding="utf-8")
    assert dossier_process("load", str(write_case(tmp_path / "in"))).code == 0
    refused = dossier_process("import", "1", str(folder))
    assert refused.code == 1, refused.out + refused.err
    assert refused.out.count("refusé ") == 3
    for line in refused.out.splitlines()[:-1]:
        if line.startswith("refusé"):
            assert any(word in line for word in ("renommez", "enregistrez", "corrigez")), line
    (folder / "note.txt").write_text("Appel du 3 octobre.\n", encoding="utf-8")
    assert dossier_process("import", "1", str(folder)).code == 0


def test_a_pdf_20_password_typed_decomposed_or_with_a_no_break_space_opens_it(
        dossier, case: str, tmp_path: Path) -> None:
    locked = tmp_path / "protege.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(locked, encryption=pikepdf.Encryption(user="café x", owner="café x", R=6))
    typed = "cafe\u0301\u00a0x"  # é as e + combining accent, a no-break space
    run = dossier("import", case, str(locked), "--password", typed)
    assert run.code == 0 and run.out.startswith("ajouté"), run.out
    out = tmp_path / "dossier.pdf"
    export = dossier("export", case, "-o", str(out), "--as-of", "2025-11-30")
    assert export.code == 0, export.out + export.err
    assert "refus" not in export.out.lower()


def test_exhibit_list_and_the_export_count_the_same_pages(dossier, case: str, tmp_path: Path) -> None:
    folder = tmp_path / "pieces"
    folder.mkdir()
    # Long lines wrap: the estimate from characters (90 a line, 55 lines a page) said 6 pages where the
    # export draws 5; a 150-row table and an animation (4 frames, 1 printed) differed as well.
    (folder / "journal.txt").write_text(("mot " * 60 + "\n") * 95, encoding="utf-8")
    (folder / "releve.csv").write_text("Date;Libellé;Montant\n" + "".join(
        f"{d % 28 + 1:02d}/10/2025;Opération numéro {d} avec un libellé assez long pour passer à la ligne;{d},00\n"
        for d in range(150)), encoding="utf-8")
    _animated_gif(folder / "anim.gif", 4)
    assert dossier("import", case, str(folder)).code == 0
    listed = _listed(dossier, case)
    out = tmp_path / "dossier.pdf"
    assert dossier("export", case, "-o", str(out), "--as-of", "2025-11-30").code == 0
    printed = _pages_by_caption(out)
    for title, caption in (("journal", "journal.txt"), ("releve", "releve.csv"), ("anim", "anim.gif")):
        assert listed[title] == printed[caption], (title, listed[title], printed[caption])
    assert listed["journal"] >= 3 and listed["releve"] >= 2 and listed["anim"] == 1


def _pages_by_caption(pdf: Path) -> dict[str, int]:
    """How many pages of the export carry each drawn exhibit's caption (its file name at the top)."""
    counts: dict[str, int] = {}
    pages = _text(pdf).split("\f")
    for page in pages:
        for caption in ("journal.txt", "releve.csv", "anim.gif"):
            if caption in page:
                counts[caption] = counts.get(caption, 0) + 1
    return counts
