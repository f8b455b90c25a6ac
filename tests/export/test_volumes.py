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
