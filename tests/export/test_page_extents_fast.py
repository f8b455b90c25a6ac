"""The stamp's band analysis reads content streams with its own fast reader: same boxes as the
reader on pikepdf's tokenizer, bit for bit, and it does read real producers' pages itself."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name

from dossier_app.export import page_extents as pe

CORPUS = Path("/work/shared/corpus/pdf")


def _slow(page: Dictionary) -> list[pe.Box]:
    resources = page.get(Name.Resources)
    return pe.Extents()._read(pikepdf.parse_content_stream(page),
                              resources if isinstance(resources, Dictionary) else Dictionary(), 0)


def _fast(page: Dictionary) -> list[pe.Box]:
    resources = page.get(Name.Resources)
    return pe.Extents()._read_fast(pe._content(page), resources if isinstance(resources, Dictionary)
                                   else Dictionary(), 0)


@pytest.mark.parametrize("name", ["GeoTopo-komprimiert.pdf", "pdflatex-4-pages.pdf", "google-doc-document.pdf",
                                  "002-trivial-libre-office-writer.pdf", "habibi-rotated.pdf", "cmyk-image.pdf"])
def test_corpus_pages_give_the_same_boxes_without_the_slow_reader(name: str) -> None:
    path = CORPUS / name
    if not path.exists():
        pytest.fail(f"corpus file missing: {path}")
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages[:40]):
            assert _fast(page.obj) == _slow(page.obj), f"{name} page {number + 1}"


TRICKY = [
    b"BT /F1 12 Tf 100 700 Td [(a\\(b)-250(c\\053d)120<41 42 4>] TJ 0 -14 Td (x\\\ny) Tj ET",
    b"BT /F2 10 Tf 2 0 0 2 50 50 Tm [<00410042>-30<0043>] TJ T* 5 TL (ab) ' 1 2 (cd) \" ET",
    b"q 0 1 -1 0 300 0 cm 10 10 m 20 30 l 40 5 50 60 70 80 c h S Q 1 g 0 0 595 842 re f",
    b"q 100 100 200 200 re W n 1 0 0 RG 0 0 m 595 842 l S /Sh1 sh Q 0 0 0 0 k 10 10 50 50 re f",
    b"10 10 m 20 20 l h W n 0.5 g /Im1 Do BT 3 Tr /F1 9 Tf 500 800 Td [(hidden)] TJ ET",
    b"BT /F1 12 Tf 1 0 0 1 400 780 Tm [] TJ [(after an empty array)] TJ ET 1 1 1 rg 0 0 m 9 9 l f",
    b"/Span <</MCID 3 /Alt (x>y) /D <</A 1>> >> BDC q 1 0 0 -1 0 842 cm 5 5 100 20 re B Q EMC",
]


@pytest.mark.parametrize("content", TRICKY)
def test_tricky_streams_give_the_same_boxes(content: bytes) -> None:
    pdf = pikepdf.new()
    image = pdf.make_stream(b"\x00" * 4, Type=Name.XObject, Subtype=Name.Image, Width=2, Height=2,
                            ColorSpace=Name.DeviceGray, BitsPerComponent=8)
    fonts = Dictionary(F1=pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)),
                       F2=pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type0, BaseFont=Name.X)))
    page = pdf.make_indirect(Dictionary(Type=Name.Page, MediaBox=Array([0, 0, 595, 842]),
                                        Resources=Dictionary(Font=fonts, XObject=Dictionary(Im1=image)),
                                        Contents=pdf.make_stream(content)))
    assert _fast(page) == _slow(page)
    assert pe.Extents().page_boxes(page) == _slow(page)


def test_what_the_fast_reader_does_not_read_goes_to_the_slow_one() -> None:
    pdf = pikepdf.new()
    page = pdf.make_indirect(Dictionary(Type=Name.Page, MediaBox=Array([0, 0, 595, 842]), Resources=Dictionary()))
    page.Contents = pdf.make_stream(b"q 10 0 0 10 20 20 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x7f EI Q")
    with pytest.raises(pe._Fallback):
        _fast(page)
    assert pe.Extents().page_boxes(page) == _slow(page) == [(20.0, 20.0, 30.0, 30.0)]
