"""A long volume is written batch by batch (export/assemble.BATCH_FROM): the reader sees the same
dossier as when it is written in one piece — pages, stamps, bookmarks, links, labels."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pikepdf
import pytest

from dossier_app.cli.main import main
from dossier_app.export import assemble
from tests.export.export_helpers import page_texts, qpdf_check

AS_OF = "2025-11-30"


def run(home: Path, *args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["--home", str(home), *args])
    assert code == 0, args
    return out.getvalue()


def _page_index(pdf: pikepdf.Pdf, dest: object) -> int:
    if isinstance(dest, pikepdf.String):
        names = pdf.Root.Names.Dests.Names
        dest = dict(zip((str(n) for n in names[::2]), names[1::2], strict=True))[str(dest)]
    assert isinstance(dest, pikepdf.Array)
    return pdf.pages.index(pikepdf.Page(dest[0]))


def _reading(path: Path) -> dict[str, object]:
    """What a reader meets: each page's text, the bookmarks and where they go, the links and
    where they go, the page labels."""
    with pikepdf.open(path) as pdf:
        with pdf.open_outline() as outline:
            marks = [(item.title, _page_index(pdf, item.destination),
                      [(c.title, _page_index(pdf, c.destination)) for c in item.children]) for item in outline.root]
        links = []
        for number, page in enumerate(pdf.pages):
            for annotation in page.obj.get("/Annots", []):
                if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                    links.append((number, [round(float(v)) for v in annotation.Rect],
                                  _page_index(pdf, annotation.Dest)))
        labels = [str(v) if not isinstance(v, pikepdf.Dictionary) else sorted((k, str(x)) for k, x in v.items())
                  for v in pdf.Root.PageLabels.Nums]
        return {"pages": len(pdf.pages), "marks": marks, "links": links, "labels": labels,
                "lang": str(pdf.Root.Lang), "title": str(pdf.docinfo.Title)}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("batched")
    home = root / "home"
    case_id = run(home, "demo").split()[-1]
    whole = root / "whole.pdf"
    run(home, "export", case_id, "-o", str(whole), "--as-of", AS_OF)
    batched = root / "batched.pdf"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(assemble, "BATCH_FROM", 1)
        patch.setattr(assemble, "BATCH_PAGES", 3)
        run(home, "export", case_id, "-o", str(batched), "--as-of", AS_OF)
    return whole, batched


def test_the_batched_volume_reads_as_the_whole_one(demo: tuple[Path, Path]) -> None:
    whole, batched = demo
    qpdf_check(batched)
    assert page_texts(batched) == page_texts(whole)
    seen, expected = _reading(batched), _reading(whole)
    assert seen == expected
    assert len(seen["links"]) > 10  # type: ignore[arg-type]  # the sommaire's and the citations' links


def test_nothing_is_left_beside_the_batched_volume(demo: tuple[Path, Path]) -> None:
    _, batched = demo
    assert sorted(p.name for p in batched.parent.iterdir() if p.is_file()) == ["batched.pdf", "whole.pdf"]


def test_the_batched_volume_holds_each_font_file_once(demo: tuple[Path, Path]) -> None:
    _, batched = demo
    with pikepdf.open(batched) as pdf:
        programs = [bytes(obj.read_raw_bytes()) for obj in pdf.objects
                    if isinstance(obj, pikepdf.Stream) and pikepdf.Name.Length1 in obj]
    assert len(programs) == len(set(programs))
