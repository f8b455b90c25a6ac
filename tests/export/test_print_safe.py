"""Stamps and page numbers print (6 mm from every edge) and never hide what the page shows."""

from __future__ import annotations

import subprocess
from io import BytesIO
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from dossier_app.export.active_content import Sanitizer
from dossier_app.export.stamping import Stamper
from tests.export.export_helpers import qpdf_check
from tests.export.print_safe import (
    MM,
    SAFE,
    outside_safe_area,
    over_content,
    read_words,
    stamp_words,
    stamped_pages,
)

LABEL = "Pièce n° 3 — p. 1/1"
FOOT = "7 / 9"
COUNSEL = "Maître Hélène Guérin"


def full_bleed_scan(path: Path, size: tuple[float, float] = A4, rotate: int = 0) -> Path:
    """A scanned page: one image over the whole page, ink to its very edges (a frame and a corner)."""
    image = Image.new("L", (int(size[0] / 2), int(size[1] / 2)), 235)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, image.width - 1, image.height - 1), outline=0, width=4)
    draw.rectangle((image.width - 90, 0, image.width, 40), fill=40)  # a letterhead in the stamp's corner
    buffer = BytesIO()
    image.save(buffer, "PNG")
    canvas = Canvas(str(path), pagesize=size, invariant=1)
    from reportlab.lib.utils import ImageReader

    canvas.drawImage(ImageReader(BytesIO(buffer.getvalue())), 0, 0, size[0], size[1])
    canvas.drawString(200, 400, "Texte du scan")
    canvas.showPage()
    canvas.save()
    if rotate:
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            pdf.pages[0].obj.Rotate = rotate
            pdf.save(path)
    return path


def text_page(path: Path, top_text: bool = False) -> Path:
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 700, "Corps de la lettre")
    if top_text:
        canvas.drawRightString(A4[0] - 10, A4[1] - 14, "Référence client 2025-0042 en haut à droite")
    canvas.showPage()
    canvas.save()
    return path


def stamped(source: Path, target: Path, edit=None, counsel: str = "") -> Path:  # type: ignore[no-untyped-def]
    """The first page of ``source`` copied as the export copies it (cleaned, then stamped)."""
    out = pikepdf.new()
    stamper = Stamper(out)
    with pikepdf.open(source) as pdf:
        if edit is not None:
            edit(pdf)
        Sanitizer(pdf).clean_page(pdf.pages[0].obj)
        page = out.copy_foreign(pdf.pages[0].obj)
        out.pages.append(pikepdf.Page(page))
    stamper.stamp(out.pages[0].obj, LABEL, FOOT, counsel)
    out.save(target)
    out.close()
    qpdf_check(target)
    return target


def render(path: Path, dpi: int = 40) -> Image.Image:
    prefix = path.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-cropbox", "-singlefile", str(path), str(prefix)],
                   check=True)
    return Image.open(str(prefix) + ".pgm")


def labels(path: Path) -> list[str]:
    return [" ".join(w.text for w in line) for page in read_words(path) for line in stamp_words(page)]


def test_the_demo_dossier_prints_every_stamp_and_number_inside_the_safe_area(tmp_path: Path) -> None:
    home = tmp_path / "home"
    run = ["dossier", "--home", str(home)]
    exe = Path(__file__).parents[2] / ".venv" / "bin" / "dossier"
    subprocess.run([str(exe), *run[1:], "demo"], check=True, capture_output=True)
    output = tmp_path / "demo.pdf"
    subprocess.run([str(exe), *run[1:], "export", "1", "-o", str(output), "--as-of", "2025-11-30"],
                   check=True, capture_output=True)
    exhibits = stamped_pages(output)
    pages = read_words(output)
    generated = set(range(len(pages))) - exhibits
    assert exhibits and generated
    # Before: "Pièce n° 1 — p. 1/1" 2.8 mm from the right edge, "12 / 30" 1.8 mm from the bottom.
    assert outside_safe_area(output, every_word_on=generated) == []
    assert over_content(output) == []
    for index in exhibits:
        label = stamp_words(pages[index])[0]
        assert label[0].text == "Pièce"
        assert all(w.bottom - w.top >= 10 for w in label[:6]), label  # at least 10 pt
    fonts = subprocess.run(["pdffonts", str(output)], check=True, capture_output=True, text=True).stdout
    assert "DejaVuSans-Bold" in fonts
    # The demo case has counsel: their name goes under the label where the page leaves room.
    assert any("Maître" in text for text in labels(output))


def test_a_full_bleed_scan_is_drawn_smaller_whole_and_the_stamp_hides_nothing(tmp_path: Path) -> None:
    source = full_bleed_scan(tmp_path / "scan.pdf")
    with pikepdf.open(source) as pdf:
        original = [pdf.pages[0].obj.Contents.read_bytes()]
    target = stamped(source, tmp_path / "out.pdf", counsel=COUNSEL)
    assert outside_safe_area(target) == []
    # Before: the label's box sat on the scan's letterhead.
    assert over_content(target) == []
    with pikepdf.open(target) as pdf:
        page = pdf.pages[0].obj
        contents = list(page.Contents)
        # The scan's own content stream is there as it was, between our two streams.
        assert [s.read_bytes() for s in contents[1:-1]] == original
        frame = contents[0].read_bytes().decode()
        scale = float(frame.split(" re W n ")[1].split()[0])
    assert 0.9 < scale < 1.0  # the least needed: a few percent
    # Counsel's name would have needed more room: the stamp is the compact one there.
    assert not any("Maître" in text for text in labels(target))
    # The whole scan is still seen: its dark frame shows on all four sides.
    image = render(target)
    w, h = image.size
    pixels = image.load()
    assert any(pixels[x, h // 2] < 60 for x in range(0, w // 10))
    assert any(pixels[x, h // 2] < 60 for x in range(w - w // 10, w))
    assert any(pixels[w // 3, y] < 60 for y in range(0, h // 8))
    assert any(pixels[w // 3, y] < 60 for y in range(h - h // 8, h))
    assert "Texte du scan" in subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                                             check=True).stdout


def test_a_page_with_margins_is_left_as_it_is_and_names_counsel(tmp_path: Path) -> None:
    target = stamped(text_page(tmp_path / "letter.pdf"), tmp_path / "out.pdf", counsel=COUNSEL)
    with pikepdf.open(target) as pdf:
        assert pdf.pages[0].obj.Contents[0].read_bytes() == b"q\n"
    assert any("Maître Hélène Guérin" in text for text in labels(target))
    assert outside_safe_area(target) == [] and over_content(target) == []


def test_text_in_the_stamp_band_moves_out_of_its_way(tmp_path: Path) -> None:
    target = stamped(text_page(tmp_path / "letter.pdf", top_text=True), tmp_path / "out.pdf")
    # Before: the label covered « Référence client 2025-0042 ».
    assert over_content(target) == []
    assert outside_safe_area(target) == []
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Référence client 2025-0042 en haut à droite" in text


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_a_turned_full_bleed_scan_is_stamped_upright_at_the_top_right_as_read(tmp_path: Path, rotate: int) -> None:
    target = stamped(full_bleed_scan(tmp_path / "scan.pdf", rotate=rotate), tmp_path / "out.pdf")
    page = read_words(target)[0]
    label = stamp_words(page)[0]
    assert " ".join(w.text for w in label) == LABEL
    assert label[0].x0 > page.width / 2 and label[0].top < 40
    assert outside_safe_area(target) == [] and over_content(target) == []


def _without_media_box(pdf: pikepdf.Pdf) -> None:
    del pdf.pages[0].obj["/MediaBox"]


def _inverted(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.MediaBox = pikepdf.Array([A4[0], A4[1], 0, 0])


def _zero_with_crop(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.MediaBox = pikepdf.Array([0, 0, 0, 0])
    pdf.pages[0].obj.CropBox = pikepdf.Array([0, 0, A4[0], A4[1]])


def _crop_past_media(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.CropBox = pikepdf.Array([-100, -100, A4[0] - 40, A4[1] + 300])


def _crop_outside_media(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.CropBox = pikepdf.Array([2000, 2000, 2500, 2600])


def _inherited(pdf: pikepdf.Pdf) -> None:
    pdf.Root.Pages.MediaBox = pdf.pages[0].obj.MediaBox
    pdf.Root.Pages.Resources = pdf.pages[0].obj.Resources
    del pdf.pages[0].obj["/MediaBox"]
    del pdf.pages[0].obj["/Resources"]


@pytest.mark.parametrize("edit", [_without_media_box, _inverted, _zero_with_crop, _crop_past_media,
                                  _crop_outside_media, _inherited])
def test_a_broken_page_box_still_gets_its_stamp_where_it_prints(tmp_path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    target = stamped(text_page(tmp_path / "letter.pdf"), tmp_path / "out.pdf", edit=edit)
    page = read_words(target)[0]
    assert [" ".join(w.text for w in line) for line in stamp_words(page)] == [LABEL, FOOT]
    assert page.width > 300 and page.height > 300
    assert outside_safe_area(target) == [] and over_content(target) == []
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Corps de la lettre" in text


def test_a_pdf_2_page_in_larger_units_gets_a_stamp_of_the_usual_size(tmp_path: Path) -> None:
    def larger_units(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[0].obj
        page.UserUnit = 2
        page.MediaBox = pikepdf.Array([0, 0, A4[0] / 2, A4[1] / 2])  # A4 as printed
        page.Contents = pdf.make_stream(b"0.5 0 0 0.5 0 0 cm\n" + page.Contents.read_bytes())

    target = stamped(text_page(tmp_path / "letter.pdf"), tmp_path / "out.pdf", edit=larger_units)
    with pikepdf.open(target) as pdf:
        page = pdf.pages[0].obj
        assert float(page.UserUnit) == 2
        stamp = next(v for k, v in page.Resources.XObject.items() if k.startswith("/DossierStamp"))
        # Drawn in points (the form's box is the page as printed), called at half scale: 1 unit = 2 pt.
        assert [round(float(v)) for v in stamp.BBox] == [0, 0, round(A4[0]), round(A4[1])]
        call = page.Contents[-1].read_bytes().decode()
        assert "0.5 0 0 0.5 0 0 cm" in call
    # Viewers that know UserUnit print it at 10.5 pt, 6 mm in; poppler, which does not, shows the
    # whole stamp too, at half size, still inside its smaller page.
    page = read_words(target)[0]
    assert [" ".join(w.text for w in line) for line in stamp_words(page)] == [LABEL, FOOT]
    label = stamp_words(page)[0]
    assert page.width - max(w.x1 for w in label) >= SAFE / 2 - 0.5 * MM
