"""export/concat: a bundle written batch by batch reads as the same pages, with its outline,
named destinations and labels, and holds an identical stream once."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from dossier_app.export.concat import BundleWriter, OutlineEntry

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pdf"


def _drawn(path: Path, texts: list[str]) -> Path:
    canvas = Canvas(str(path), invariant=1)
    for text in texts:
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, 700, text)
        canvas.drawString(72, 680, "(parenthèse) 12 0 R <3c> \\ fin")
        canvas.showPage()
    canvas.save()
    return path


def _bundle(sources: list[Path], target: Path, per_batch: int, min_version: str | None = None,
            **finish: object) -> list[int]:
    starts = []
    with open(target, "wb") as out:
        writer = BundleWriter(out, target.with_name(target.name + ".batch"))
        batch, count = pikepdf.new(), 0
        for source in sources:
            with pikepdf.open(source) as pdf:
                starts.append(len(writer.pages) + count)
                for page in pdf.pages:
                    batch._add_page(batch.copy_foreign(page.obj), False)
                    count += 1
            if count >= per_batch:
                writer.add_batch(batch, min_version)
                batch.close()
                batch, count = pikepdf.new(), 0
        if count:
            writer.add_batch(batch, min_version)
        batch.close()
        writer.finish(**finish)  # type: ignore[arg-type]
    return starts


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_pages_text_and_structure_survive_batches(tmp_path: Path) -> None:
    sources = [_drawn(tmp_path / f"s{n}.pdf", [f"source {n} page {k}" for k in range(3)]) for n in range(5)]
    merged = pikepdf.new()
    for source in sources:
        with pikepdf.open(source) as pdf:
            merged.pages.extend(pdf.pages)
        merged.save(tmp_path / "plain.pdf")
    target = tmp_path / "bundle.pdf"
    starts = _bundle(sources, target, per_batch=4, outline=[
        OutlineEntry("Pièces", 0, tuple(OutlineEntry(f"Pièce n° {n + 1}", s) for n, s in enumerate(starts_of(sources))))],
        dests={"exhibit:3": (6, None), "part:x": (1, 500.0)},
        labels=[(0, b"<< /S /D >>"), (3, b"<< /S /D /P (P2-) >>")],
        info=b"<< /Title (Essai) /Creator (Dossier) >>", catalog_extra=b"/PageMode /UseOutlines")
    check = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert _text(target) == _text(tmp_path / "plain.pdf")
    with pikepdf.open(target) as pdf:
        assert len(pdf.pages) == 15
        with pdf.open_outline() as outline:
            items = outline.root[0].children
            assert [item.title for item in items] == [f"Pièce n° {n}" for n in range(1, 6)]
            assert [pdf.pages.index(pikepdf.Page(item.destination[0])) for item in items] == starts
        dests = dict(zip(pdf.Root.Names.Dests.Names[::2], pdf.Root.Names.Dests.Names[1::2], strict=True))
        assert pdf.pages.index(pikepdf.Page(dests["exhibit:3"][0])) == 6
        assert dests["part:x"][1] == pikepdf.Name.XYZ and float(dests["part:x"][3]) == 500.0
        assert list(pdf.Root.PageLabels.Nums)[2] == 3
        assert str(pdf.docinfo.Title) == "Essai"


def starts_of(sources: list[Path]) -> list[int]:
    return [3 * n for n in range(len(sources))]


def test_an_identical_font_file_is_held_once(tmp_path: Path) -> None:
    source = CORPUS / "pdflatex-4-pages.pdf"
    if not source.exists():
        pytest.fail(f"the corpus is missing {source}")
    target = tmp_path / "bundle.pdf"
    _bundle([source] * 6, target, per_batch=4)
    with pikepdf.open(source) as pdf:
        fonts_in_source = sum(1 for obj in pdf.objects
                              if isinstance(obj, pikepdf.Stream) and pikepdf.Name.Length1 in obj)
    with pikepdf.open(target) as pdf:
        assert len(pdf.pages) == 24
        fonts = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream) and pikepdf.Name.Length1 in obj]
    assert fonts_in_source > 0
    assert len(fonts) == fonts_in_source  # six copies, six batches: each font file once


def test_the_header_names_the_version_the_batches_need(tmp_path: Path) -> None:
    source = _drawn(tmp_path / "a.pdf", ["un"])
    target = tmp_path / "bundle.pdf"
    _bundle([source], target, per_batch=10)
    assert target.read_bytes().startswith(b"%PDF-1.4\n")  # never less than what the writer itself uses
    _bundle([source], target, per_batch=10, min_version="2.0")
    assert target.read_bytes().startswith(b"%PDF-2.0\n")
    check = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_the_same_batches_give_the_same_bytes(tmp_path: Path) -> None:
    sources = [_drawn(tmp_path / f"s{n}.pdf", [f"page {n}"]) for n in range(3)]
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    _bundle(sources, tmp_path / "one" / "b.pdf", per_batch=2, outline=[OutlineEntry("x", 1)])
    _bundle(sources, tmp_path / "two" / "b.pdf", per_batch=2, outline=[OutlineEntry("x", 1)])
    assert (tmp_path / "one" / "b.pdf").read_bytes() == (tmp_path / "two" / "b.pdf").read_bytes()
