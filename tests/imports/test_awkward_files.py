"""Awkward files, one analysis at a time: GIFs, tables, a repaired PDF, a PDF 2.0 password."""

from __future__ import annotations

from pathlib import Path

import pikepdf
from PIL import Image

from dossier_app.domain.passwords import password_forms, saslprep
from dossier_app.export.exhibits_pdf import inspect_pdf
from dossier_app.i18n import translator
from dossier_app.imports.analyze import analyze
from dossier_app.imports.csv_tables import is_invoice_list, table_problem


def test_a_gif_is_an_image_and_an_animation_is_noted(tmp_path: Path) -> None:
    still = tmp_path / "plan.gif"
    Image.new("RGB", (50, 40), (10, 20, 30)).save(still)
    found = analyze(still)
    assert found.refused is None and found.media_type == "image/gif" and found.pages == 1
    moving = tmp_path / "anim.gif"
    frames = [Image.new("RGB", (50, 40), c) for c in ((250, 0, 0), (0, 250, 0))]
    frames[0].save(moving, save_all=True, append_images=frames[1:], duration=50)
    found = analyze(moving)
    assert found.pages == 1 and found.notes == ("animation : 2 images, la première est reproduite",)


def test_a_table_problem_names_its_line_and_what_to_do() -> None:
    assert table_problem("a;b;c\n1;2;3\n\n4;5;6;;\n") is None  # blank lines, trailing separators
    said = table_problem("a;b;c\n1;2;3\n4;5\n")
    assert said is not None and said.startswith("ligne 3 : 2 colonnes au lieu de 3 ; corrigez")
    said = table_problem("a,b\n1,2\n\"3,4\n")
    assert said is not None and said.startswith("ligne 3 : guillemets mal fermés")
    assert is_invoice_list("sep=;\nNuméro;Date;Montant TTC\n") and not is_invoice_list("Date;Libellé;Montant\n")


def test_a_repaired_pdf_is_said_repaired_at_import_as_at_export(tmp_path: Path) -> None:
    good = tmp_path / "good.pdf"
    pdf = pikepdf.new()
    for _ in range(3):
        pdf.add_blank_page()
    pdf.save(good)
    data = good.read_bytes()
    at = data.index(b"1 0 obj")
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(data[:at] + b"% shifted\n" + data[at:])  # every xref offset now wrong
    found = analyze(damaged)
    assert found.refused is None
    assert any("réparé" in note for note in found.notes)
    assert inspect_pdf(damaged, None, translator("fr")).repaired
    assert not any("réparé" in note for note in analyze(good).notes)


def test_saslprep_maps_spaces_drops_joiners_and_composes() -> None:
    assert saslprep("cafe\u0301\u00a0x\u00ad") == "café x"
    assert saslprep("I\u2003X") == "I X"
    assert password_forms("abc") == ["abc"]
    assert password_forms("e\u0301")[:2] == ["e\u0301", "é"]


def test_a_pdf_20_file_opens_with_its_password_typed_another_way(tmp_path: Path) -> None:
    locked = tmp_path / "r6.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(locked, encryption=pikepdf.Encryption(user="mot de passé", owner="o", R=6))
    typed = "mot\u00a0de\u2002passe\u0301"
    found = analyze(locked, password=typed)
    assert found.refused is None and found.encrypted
    facts = inspect_pdf(locked, typed, translator("fr"))
    assert facts.pages == 1 and facts.password == "mot de passé"
    assert analyze(locked, password="autre").locked
