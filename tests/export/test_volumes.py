"""``--max-mb``: volumes under the cap, each next one opening with its own cover (spec "Volumes")."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from dossier_app.domain.model import Case, CaseFile, Party
from dossier_app.export import ExportOptions, export_dossier
from dossier_app.export.volumes import pack
from tests.export.export_helpers import exhibit, outline_titles, page_count, page_texts, qpdf_check

CASE = Case(title="Tomes", our_role="provider", us=Party("Nous SARL"), them=Party("Eux SAS"),
            court="Tribunal de commerce de Laval", docket="2025R00001")


def heavy_pdf(path: Path, seed: int, pages: int = 2) -> Path:
    noise = path.with_suffix(".png")
    Image.frombytes("RGB", (300, 300), os.urandom(300 * 300 * 3) if seed else bytes(270000)).save(noise)
    canvas = Canvas(str(path), invariant=1)
    for n in range(pages):
        canvas.drawImage(str(noise), 50, 300, 300, 300)
        canvas.drawString(50, 200, f"document {seed} page {n + 1}")
        canvas.showPage()
    canvas.save()
    return path


def test_packing_never_splits_and_isolates_the_oversized() -> None:
    packing = pack([(1, 40), (2, 40), (3, 200), (4, 10)], first_base=30, next_base=5, limit=100)
    assert packing.volumes == ((1,), (2,), (3,), (4,))
    assert packing.oversized == (3,)
    packing = pack([(1, 20), (2, 20), (3, 20)], first_base=30, next_base=5, limit=100)
    assert packing.volumes == ((1, 2, 3),)


def test_volumes_stay_under_the_cap_and_open_with_a_cover(tmp_path: Path) -> None:
    files = [heavy_pdf(tmp_path / f"doc{n}.pdf", n) for n in range(1, 6)]
    exhibits = tuple(exhibit(path, f"Document {n}", date(2025, 1, n), n) for n, path in enumerate(files, 1))
    paths = {x.sha256: path for x, path in zip(exhibits, files, strict=True)}
    output = tmp_path / "dossier.pdf"
    report = export_dossier(CaseFile(CASE, (), exhibits), lambda x: paths[x.sha256],
                            ExportOptions(as_of=date(2025, 11, 3), max_mb=0.75), output)
    assert not output.exists()
    assert len(report.volumes) >= 2
    assert [p.name for p in report.volumes] == [f"dossier-{i}.pdf" for i in range(1, len(report.volumes) + 1)]
    total = sum(page_count(p) for p in report.volumes)
    assert total == report.pages == sum(report.part_pages.values())
    seen = set()
    for index, path in enumerate(report.volumes, 1):
        qpdf_check(path)
        assert path.stat().st_size <= 0.75 * 1_000_000  # Mo of 1 000 000 bytes, as the channels count
        texts = page_texts(path)
        if index > 1:
            assert f"Tome {index} / {len(report.volumes)}" in texts[0]
        numbers = [o.number for o in report.exhibits if o.volume == index]
        for number in numbers:
            assert any(f"Pièce n° {number} — p. 2/2" in t for t in texts)
            assert sum(t.startswith(f"Pièce n° {number} —") for t in outline_titles(path)) == 1
        seen.update(numbers)
        last = [t for t in texts if t.strip()][-1]
        assert f"{total} / {total}" in last or index < len(report.volumes)
    assert seen == {1, 2, 3, 4, 5}


def _heavy_case(tmp_path: Path, count: int) -> tuple[CaseFile, dict[str, Path]]:
    files = [heavy_pdf(tmp_path / f"doc{n}.pdf", n) for n in range(1, count + 1)]
    exhibits = tuple(exhibit(path, f"Document {n}", date(2025, 1, n), n) for n, path in enumerate(files, 1))
    return CaseFile(CASE, (), exhibits), {x.sha256: path for x, path in zip(exhibits, files, strict=True)}


def test_one_volume_is_named_as_asked(tmp_path: Path) -> None:
    case_file, paths = _heavy_case(tmp_path, 2)
    output = tmp_path / "dossier.pdf"
    report = export_dossier(case_file, lambda x: paths[x.sha256],
                            ExportOptions(as_of=date(2025, 11, 3), max_mb=20), output)
    assert report.volumes == (output,) and output.is_file()
    assert not list(tmp_path.glob("dossier-*.pdf"))
    qpdf_check(output)


def test_the_cap_counts_mo_of_a_million_bytes(tmp_path: Path) -> None:
    """A cap between the dossier's size in Mo and in MiB: counted in Mo, it no longer fits in one file."""
    case_file, paths = _heavy_case(tmp_path, 3)
    whole = tmp_path / "entier.pdf"
    export_dossier(case_file, lambda x: paths[x.sha256], ExportOptions(as_of=date(2025, 11, 3)), whole)
    size = whole.stat().st_size
    cap = size / 1_020_000  # size > cap × 1 000 000, size < cap × 1 048 576
    output = tmp_path / "dossier.pdf"
    report = export_dossier(case_file, lambda x: paths[x.sha256],
                            ExportOptions(as_of=date(2025, 11, 3), max_mb=cap), output)
    assert len(report.volumes) >= 2, (size, cap)
    for path in report.volumes:
        assert path.stat().st_size <= cap * 1_000_000, (path, cap)


def test_a_tome_of_one_piece_names_that_piece(tmp_path: Path) -> None:
    case_file, paths = _heavy_case(tmp_path, 2)
    output = tmp_path / "dossier.pdf"
    report = export_dossier(case_file, lambda x: paths[x.sha256],
                            ExportOptions(as_of=date(2025, 11, 3), max_mb=0.45), output)
    count = len(report.volumes)
    alone = 0
    for index, path in enumerate(report.volumes[1:], 2):
        numbers = [o.number for o in report.exhibits if o.volume == index]
        cover = " ".join(page_texts(path)[0].split())
        assert f"Tome {index} / {count}" in cover
        if len(numbers) == 1:
            alone += 1
            assert f"pièce n° {numbers[0]}" in cover and "pièces n°" not in cover, cover
    assert alone >= 1
