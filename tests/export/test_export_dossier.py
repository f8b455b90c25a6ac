"""The dossier PDF of a small case holding one exhibit of every kind (spec "Checked by")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pikepdf
import pytest

from dossier_app.export import ExportCancelled, ExportOptions, export_dossier
from dossier_app.imports.email_files import read_email
from tests.export.export_helpers import (
    outline_titles,
    page_count,
    page_texts,
    pdf_text,
    qpdf_check,
    small_case,
)

AS_OF = date(2025, 11, 3)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("case")
    case_file, paths = small_case(folder / "files")
    output = folder / "dossier.pdf"
    report = export_dossier(case_file, lambda x: paths[x.sha256], ExportOptions(as_of=AS_OF), output,
                            read_email=read_email)
    return case_file, paths, output, report


def test_qpdf_accepts_it(exported) -> None:
    qpdf_check(exported[2])


def test_every_part_is_there_in_order(exported) -> None:
    texts = page_texts(exported[2])
    whole = "\n".join(texts)
    for title in ("TRIBUNAL DE COMMERCE DE LAVAL", "Sommaire", "Exposé des faits", "Chronologie",
                  "Frise chronologique", "Décompte des sommes dues", "Bordereau de communication de pièces"):
        assert title in whole, title
    assert "POUR" in texts[0] and "CONTRE" in texts[0] and "Demanderesse" in texts[0]
    assert "arrêté au" in texts[0].lower() or "Arrêté au" in texts[0]


def test_page_count_is_the_sum_of_the_parts(exported) -> None:
    report = exported[3]
    assert page_count(exported[2]) == report.pages == sum(report.part_pages.values())
    assert report.part_pages["exhibits"] == 3 + 1 + 2 + 1 + 3 + 2 + 2  # the e-mail: its page + its PDF


def test_every_exhibit_page_is_stamped_and_numbered(exported) -> None:
    _case_file, _, output, report = exported
    texts = page_texts(output)
    total = report.pages
    for outcome in report.exhibits:
        found = [i for i, t in enumerate(texts) if f"Pièce n° {outcome.number} — p. 1/{outcome.pages}" in t]
        assert found, outcome
        first = found[0]
        for page in range(1, outcome.pages + 1):
            text = texts[first + page - 1]
            assert f"Pièce n° {outcome.number} — p. {page}/{outcome.pages}" in text
            assert f"{first + page} / {total}" in text
    for index, text in enumerate(texts[:total]):
        assert f"{index + 1} / {total}" in text, index


def test_every_bordereau_line_is_there(exported) -> None:
    case_file, _, output, report = exported
    start = report.part_pages["cover"] + report.part_pages["contents"] + report.part_pages["facts"] \
        + report.part_pages["chronology"] + report.part_pages["claims"] + 1
    text = pdf_text(output, start, start + report.part_pages["bordereau"] - 1)
    assert "Fait à Laval, le 3 novembre 2025" in text  # the town of our address: counsel gives none
    assert "Signature et cachet du conseil" in text
    for exhibit in case_file.exhibits:
        assert f"Pièce n° {exhibit.number} — {exhibit.title}" in " ".join(text.split()), exhibit.title
        assert exhibit.sha256[:12] in text


def test_outline_has_every_part_and_one_entry_per_exhibit(exported) -> None:
    case_file, _, output, _ = exported
    titles = outline_titles(output)
    for exhibit in case_file.exhibits:
        assert sum(t.startswith(f"Pièce n° {exhibit.number} —") for t in titles) == 1
    for part in ("Couverture", "Sommaire", "Exposé des faits", "Chronologie", "Décompte des sommes dues",
                 "Bordereau de communication de pièces", "Pièces"):
        assert part in titles


def test_sommaire_gives_real_pages_and_links(exported) -> None:
    _, _, output, report = exported
    contents = pdf_text(output, 2, 2)
    with pikepdf.open(output) as pdf:
        starts = {}
        for index, page in enumerate(pdf.pages):
            links = [a for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
            if index == 1:
                assert len(links) >= 7 + len(report.exhibits)
                targets = {pdf.pages.index(pikepdf.Page(a.Dest[0])) for a in links if "/Dest" in a}
                starts = targets
    texts = page_texts(output)
    for outcome in report.exhibits:
        first = next(i for i, t in enumerate(texts) if f"Pièce n° {outcome.number} — p. 1/" in t)
        assert first in starts
        assert f"Pièce n° {outcome.number} —" in contents


def test_page_labels_name_the_exhibit_pages(exported) -> None:
    with pikepdf.open(exported[2]) as pdf:
        nums = list(pdf.Root.PageLabels.Nums)
        assert nums[0] == 0
        prefixes = [str(d.P) for d in nums[1::2] if "/P" in d]
        assert prefixes == [f"P{n}-" for n in range(1, 8)]


def test_rotated_pages_keep_their_rotation(exported) -> None:
    _, _, output, _ = exported
    texts = page_texts(output)
    with pikepdf.open(output) as pdf:
        index = next(i for i, t in enumerate(texts) if "Pièce n° 3 — p. 1/2" in t)
        assert int(pdf.pages[index].obj.Rotate) == 90


def test_email_has_headers_attachments_and_its_pdf(exported) -> None:
    _, _, output, _ = exported
    texts = page_texts(output)
    index = next(i for i, t in enumerate(texts) if "Pièce n° 6 — p. 1/2" in t)
    assert "Julien Marchais" in texts[index] and "Objet" in texts[index]
    assert "releve.pdf" in texts[index] and "archive.zip" in texts[index]
    assert "Nous ne rendrons pas les accès" in texts[index]
    assert "Facture F-1 page 1" in texts[index + 1] and "Pièce n° 6 — p. 2/2" in texts[index + 1]


def test_no_page_uses_a_font_that_is_not_embedded(exported) -> None:
    import subprocess

    lines = subprocess.run(["pdffonts", str(exported[2])], capture_output=True, text=True).stdout.splitlines()
    assert any("DejaVuSans" in line and " yes yes " in line for line in lines)
    # Our exhibit files were drawn with Helvetica on purpose (not embedded, as many real ones): only
    # the generated pages must name no such font.
    generated = sum(v for k, v in exported[3].part_pages.items() if k not in ("exhibits", "tomes"))
    with pikepdf.open(exported[2]) as pdf:
        for index in range(generated):
            fonts = pdf.pages[index].obj.Resources.get("/Font", {})
            for font in fonts.values():
                assert "DejaVu" in str(font.BaseFont), (index, font.BaseFont)


def test_events_without_exhibit_are_marked(exported) -> None:
    text = pdf_text(exported[2])
    assert "aucune pièce" in text


def test_the_same_case_gives_the_same_bytes(exported, tmp_path: Path) -> None:
    case_file, paths, output, _ = exported
    again = tmp_path / "again.pdf"
    export_dossier(case_file, lambda x: paths[x.sha256], ExportOptions(as_of=AS_OF), again, read_email=read_email)
    assert again.read_bytes() == output.read_bytes()


def test_english(exported, tmp_path: Path) -> None:
    case_file, paths, _, _ = exported
    output = tmp_path / "en.pdf"
    export_dossier(case_file, lambda x: paths[x.sha256], ExportOptions(as_of=AS_OF, lang="en"), output,
                   read_email=read_email)
    text = pdf_text(output)
    assert "Statement of facts" in text and "3 November 2025" in text and "Exhibit No. 1 — p. 1/3" in text


def test_a_cancelled_export_leaves_nothing(exported, tmp_path: Path) -> None:
    case_file, paths, _, _ = exported
    output = tmp_path / "cancelled.pdf"
    seen = []

    def cancel_at_assembly(step) -> bool:
        seen.append(step.stage)
        return step.stage != "assemble"

    with pytest.raises(ExportCancelled):
        export_dossier(case_file, lambda x: paths[x.sha256], ExportOptions(as_of=AS_OF), output,
                       read_email=read_email, progress=cancel_at_assembly)
    assert not output.exists()
    assert list(tmp_path.iterdir()) == []
    assert "prepare" in seen


def test_a_cancel_while_saving_leaves_nothing(exported, tmp_path: Path) -> None:
    case_file, paths, _, _ = exported
    output = tmp_path / "cancelled.pdf"
    with pytest.raises(ExportCancelled):
        export_dossier(case_file, lambda x: paths[x.sha256], ExportOptions(as_of=AS_OF), output,
                       read_email=read_email, progress=lambda step: step.stage != "write" or step.done < 50)
    assert list(tmp_path.iterdir()) == []


def test_without_exhibits(exported, tmp_path: Path) -> None:
    case_file, paths, _, _ = exported
    output = tmp_path / "short.pdf"
    report = export_dossier(case_file, lambda x: paths[x.sha256],
                            ExportOptions(as_of=AS_OF, include_exhibits=False), output, read_email=read_email)
    qpdf_check(output)
    assert page_count(output) == report.pages == sum(report.part_pages.values())
    text = pdf_text(output)
    assert "Pièce n° 7 — Notes d'appels" in " ".join(text.split())
    assert "p. 1/" not in text
