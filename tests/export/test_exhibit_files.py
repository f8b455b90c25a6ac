"""Exhibit files as they come: the whole corpus, locked, damaged, signed, active, tiny, rotated."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pikepdf
import pytest

from dossier_app.domain.model import Case, CaseFile, Party
from dossier_app.export import ExhibitsRefused, ExportOptions, export_dossier
from dossier_app.imports.email_files import read_email
from tests.export.export_helpers import (
    CORPUS,
    exhibit,
    make_pdf,
    page_count,
    page_texts,
    qpdf_check,
)

AS_OF = date(2025, 11, 3)
CASE = Case(title="Corpus", our_role="provider", us=Party("Nous SARL"), them=Party("Eux SAS"))


def export(tmp_path: Path, files: list[Path], **options):  # type: ignore[no-untyped-def]
    exhibits = tuple(exhibit(path, path.name, None, number)
                     for number, path in enumerate(files, start=1))
    paths = {x.sha256: path for x, path in zip(exhibits, files, strict=True)}
    output = tmp_path / "out.pdf"
    report = export_dossier(CaseFile(CASE, (), exhibits), lambda x: paths[x.sha256],
                            ExportOptions(as_of=AS_OF, **options), output, read_email=read_email)
    return output, report


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_the_whole_corpus_goes_in_or_is_refused_with_a_reason(tmp_path: Path) -> None:
    files = sorted(CORPUS.iterdir())
    output, report = export(tmp_path, files, skip_refused=True)
    qpdf_check(output)
    texts = page_texts(output)
    assert page_count(output) == report.pages == sum(report.part_pages.values())
    for outcome in report.exhibits:
        if outcome.status == "refused":
            assert outcome.reason
            continue
        for page in range(1, outcome.pages + 1):
            assert any(f"Pièce n° {outcome.number} — p. {page}/{outcome.pages}" in t for t in texts), outcome
    refused = {o.title: o.reason for o in report.refused}
    assert set(refused) == {"libreoffice-writer-password.pdf"}
    assert "mot de passe" in refused["libreoffice-writer-password.pdf"]
    # The export dialog lists this reason: plain words, no command line.
    assert "--password" not in refused["libreoffice-writer-password.pdf"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_an_encrypted_pdf_opens_with_its_password(tmp_path: Path) -> None:
    locked = CORPUS / "libreoffice-writer-password.pdf"
    x = exhibit(locked, "Verrouillé", None, 1, password="openpassword")
    output = tmp_path / "out.pdf"
    report = export_dossier(CaseFile(CASE, (), (x,)), lambda _: locked, ExportOptions(as_of=AS_OF), output)
    assert report.exhibits[0].status == "included"
    with pikepdf.open(output) as pdf:  # the bundle itself is not locked
        assert not pdf.is_encrypted


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_exhibits_stay_whole_though_each_source_is_closed_once_copied(tmp_path: Path) -> None:
    # The assembly closes every source as soon as its pages are copied (memory): what it copied
    # must not depend on it any more, a locked one (read through its password) included.
    locked = CORPUS / "libreoffice-writer-password.pdf"
    geo = CORPUS / "GeoTopo-komprimiert.pdf"
    files = [locked, geo, locked]
    exhibits = tuple(exhibit(path, path.name, None, n, password="openpassword" if path == locked else None)
                     for n, path in enumerate(files, 1))
    output = tmp_path / "out.pdf"
    report = export_dossier(CaseFile(CASE, (), exhibits), lambda x: files[(x.number or 1) - 1],
                            ExportOptions(as_of=AS_OF), output)
    qpdf_check(output)
    texts = page_texts(output)
    exhibit_pages = texts[report.pages - sum(x.pages for x in report.exhibits):report.pages]
    assert "Lorem ipsum dolor sit amet" in exhibit_pages[0]
    assert "Lorem ipsum dolor sit amet" in exhibit_pages[-1]
    with pikepdf.open(geo) as source, pikepdf.open(output) as bundle:
        first = report.pages - sum(x.pages for x in report.exhibits) + 1
        for n, page in enumerate(source.pages):
            streams = list(bundle.pages[first + n].obj.Contents)
            # The stamp's own, around the page's streams: "q", or "q <clip> <smaller> cm" where the
            # thesis's running header lies in the stamp's band.
            assert streams[0].read_bytes() == b"q\n" or streams[0].read_bytes().endswith(b" cm\n")
            original = page.obj.Contents
            theirs = list(original) if isinstance(original, pikepdf.Array) else [original]
            assert [s.read_raw_bytes() for s in streams[1:-1]] == [s.read_raw_bytes() for s in theirs]


def test_an_unreadable_exhibit_stops_the_export_unless_excluded(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4\nnothing here at all\n")
    good = make_pdf(tmp_path / "good.pdf", 1, "Bon")
    with pytest.raises(ExhibitsRefused) as refused:
        export(tmp_path, [good, garbage])
    assert "Pièce n° 2 (garbage.pdf)" in refused.value.message
    assert "endommagé" in refused.value.message
    assert not (tmp_path / "out.pdf").exists()

    exhibits = (exhibit(good, "Bon", None, 1), exhibit(garbage, "Mauvais", None, 2, include=False))
    paths = {exhibits[0].sha256: good, exhibits[1].sha256: garbage}
    report = export_dossier(CaseFile(CASE, (), exhibits), lambda x: paths[x.sha256],
                            ExportOptions(as_of=AS_OF), tmp_path / "out.pdf")
    assert [o.number for o in report.exhibits] == [1]


def test_a_damaged_pdf_that_qpdf_repairs_is_included_and_reported(tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "ok.pdf", 2, "Réparable").read_bytes()
    start = source.rindex(b"startxref")
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(source[:start] + b"startxref\n999999\n%%EOF\n")
    output, report = export(tmp_path, [damaged])
    assert report.exhibits[0].status == "repaired"
    qpdf_check(output)
    assert any("Pièce n° 1 — p. 2/2" in t for t in page_texts(output))


def test_active_content_is_removed_and_signatures_noted(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "active.pdf", 1, "Actif")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0].obj
        page.AA = pikepdf.Dictionary(O=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)"))
        link = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 100, 100],
            A=pikepdf.Dictionary(S=pikepdf.Name.Launch, F="calc.exe")))
        page.Annots = pikepdf.Array([link])
        pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(2)")
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[], SigFlags=3)
        pdf.save(path)
    output, report = export(tmp_path, [path])
    assert report.exhibits[0].active_content_removed == 2
    assert report.exhibits[0].signed
    raw = output.read_bytes()
    with pikepdf.open(output) as pdf:
        assert "/OpenAction" not in pdf.Root
        for page in pdf.pages:
            assert "/AA" not in page.obj
            for annot in page.obj.get("/Annots", []):
                assert annot.get("/A", {}).get("/S") != "/Launch"
    assert b"app.alert" not in raw
    text = "\n".join(page_texts(output))
    assert "Signée électroniquement" in text


def test_tiny_and_rotated_pages_get_a_stamp_that_fits(tmp_path: Path) -> None:
    tiny = make_pdf(tmp_path / "tiny.pdf", 1, "t", size=(4, 4))
    turned = make_pdf(tmp_path / "turned.pdf", 4, "Tourné", rotate=270)
    output, report = export(tmp_path, [tiny, turned])
    qpdf_check(output)
    texts = page_texts(output)
    assert any("Pièce n° 1 — p. 1/1" in t for t in texts)
    assert all(any(f"Pièce n° 2 — p. {n}/4" in t for t in texts) for n in range(1, 5))
    with pikepdf.open(output) as pdf:
        first = report.part_pages["cover"] + report.part_pages["contents"] + report.part_pages["facts"] \
            + report.part_pages["chronology"] + report.part_pages["claims"] + report.part_pages["bordereau"]
        page = pdf.pages[first].obj
        stamp = next(v for k, v in page.Resources.XObject.items() if k.startswith("/DossierStamp"))
        assert [float(v) for v in stamp.BBox] == [0, 0, 4, 4]
        drawn = stamp.read_bytes()
        assert b"3 Tr" in drawn and b" re " not in drawn  # invisible text, no box over the page
        assert int(pdf.pages[first + 1].obj.Rotate) == 270


def test_shared_resources_are_not_stamped_twice(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "shared.pdf", 3, "Partagé")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        shared = pdf.make_indirect(pikepdf.Dictionary(pdf.pages[0].obj.Resources))
        for page in pdf.pages:
            page.obj.Resources = shared
        pdf.save(path)
    output, _ = export(tmp_path, [path])
    texts = page_texts(output)
    for n in (1, 2, 3):
        matching = [t for t in texts if f"Pièce n° 1 — p. {n}/3" in t]
        assert len(matching) == 1
        assert sum(f"p. {m}/3" in matching[0] for m in (1, 2, 3)) == 1


def test_an_exhibit_altered_after_import_is_refused_and_named(tmp_path: Path) -> None:
    # The bordereau prints the hash taken at import: a stored file that no longer has it must not
    # go into the bundle silently.
    good = make_pdf(tmp_path / "good.pdf", 1, "Bon")
    altered = make_pdf(tmp_path / "altered.pdf", 1, "Original")
    exhibits = (exhibit(good, "Bon", None, 1), exhibit(altered, "Modifiée", None, 2))
    make_pdf(altered, 1, "Falsifiée")
    paths = {exhibits[0].sha256: good, exhibits[1].sha256: altered}
    with pytest.raises(ExhibitsRefused) as refused:
        export_dossier(CaseFile(CASE, (), exhibits), lambda x: paths[x.sha256], ExportOptions(as_of=AS_OF),
                       tmp_path / "out.pdf")
    message = refused.value.message
    assert "Pièce n° 2 (altered.pdf)" in message
    assert "modifié" in message and "vérifiez les fichiers des pièces" in message
    assert "dossier verify" not in message  # the window shows it; the command adds its own (test_export_cli)
    assert "Pièce n° 1 " not in message
    assert not (tmp_path / "out.pdf").exists()


def test_a_password_on_a_plain_pdf_is_not_an_error_nor_a_warning(tmp_path: Path) -> None:
    import warnings

    plain = make_pdf(tmp_path / "plain.pdf", 2, "Clair")
    x = exhibit(plain, "Clair", None, 1, password="inutile")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = export_dossier(CaseFile(CASE, (), (x,)), lambda _: plain, ExportOptions(as_of=AS_OF),
                                tmp_path / "out.pdf")
    assert report.exhibits[0].status == "included"


def test_a_csv_exhibit_is_a_readable_table_with_every_cell(tmp_path: Path) -> None:
    table = tmp_path / "factures.csv"
    cells = [["numero", "date", "montant_ttc", "libelle"],
             ["F-1", "10/03/2025", "2592,00", "Acompte de 30 % — refonte"],
             ["F-2", "30/04/2025", "324,00", "Hébergement; 2e trimestre"]]
    table.write_text("\n".join(";".join(f'"{c}"' if ";" in c else c for c in row) for row in cells) + "\n",
                     encoding="utf-8")
    output, report = export(tmp_path, [table])
    qpdf_check(output)
    page = page_texts(output)[report.pages - 1]
    assert ";" not in page.replace("Hébergement; 2e", "")  # the separators are gone, the cell's own ";" stays
    for row in cells:
        for cell in row:
            assert cell in page, cell
    lines = [" ".join(line.split()) for line in page.splitlines()]
    assert any(line.startswith("numero date montant_ttc libelle") for line in lines), lines
    with pikepdf.open(output) as pdf:
        fonts = {str(v.BaseFont) for v in pdf.pages[report.pages - 1].obj.Resources.Font.values()}
    assert any("Bold" in f for f in fonts), fonts  # the header row
