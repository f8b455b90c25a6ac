"""The PDF is lean, standard and the same bytes from any data folder (spec dossier-pdf, "Faithfulness")."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from datetime import date
from email.message import EmailMessage
from itertools import pairwise
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from dossier_app.cli.main import main
from dossier_app.domain.model import Case, CaseFile, Party
from dossier_app.export import ExportOptions, export_dossier
from dossier_app.export.contents import part_titles
from dossier_app.export.styles import styles
from dossier_app.i18n import translator
from dossier_app.imports.email_files import read_email
from tests.export.export_helpers import CORPUS, exhibit, qpdf_check
from tests.export.lean_pdf import drawn_text, problems

AS_OF = "2025-11-30"


def run(home: Path, *args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["--home", str(home), *args])
    assert code == 0, args
    return out.getvalue()


def pdf_exhibit_pages(path: Path, home: Path, case_id: str) -> set[int]:
    """The pages (from 1) copied from exhibits that are PDF files: their fonts are their own."""
    listed = json.loads(run(home, "exhibit", "list", case_id, "--json"))["exhibits"]
    stored = {p.name: p for p in (home / "files").rglob("*") if p.is_file()}
    pdfs = {x["number"] for x in listed if stored[x["sha256"]].read_bytes()[:5] == b"%PDF-"}
    with pikepdf.open(path) as pdf:
        nums = list(pdf.Root.PageLabels.Nums)
        starts = [(int(nums[i]), str(nums[i + 1].get("/P", ""))) for i in range(0, len(nums), 2)]
        ends = [start for start, _ in starts[1:]] + [len(pdf.pages)]
    pages = set()
    for (start, prefix), end in zip(starts, ends, strict=True):
        number = re.fullmatch(r"P(\d+)-", prefix)
        if number and int(number.group(1)) in pdfs:
            pages |= set(range(start + 1, end + 1))
    return pages


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The demo case exported from its data folder and, dumped and loaded, from a second one."""
    root = tmp_path_factory.mktemp("demo")
    first, second = root / "home-one", root / "another-home"
    case_id = run(first, "demo").split()[-1]
    run(first, "dump", case_id, "-o", str(root / "case.json"), "--files", str(root / "pieces"))
    loaded = run(second, "load", str(root / "case.json")).split()[-1]
    outputs = []
    for home, number in ((first, case_id), (second, loaded)):
        output = root / f"{home.name}.pdf"
        run(home, "export", number, "-o", str(output), "--as-of", AS_OF)
        outputs.append(output)
    return outputs[0], outputs[1], first


def test_the_demo_from_two_data_folders_is_the_same_bytes(demo) -> None:
    one, other, _ = demo
    assert one.read_bytes() == other.read_bytes()


def test_the_demo_export_is_lean(demo) -> None:
    one, _, home = demo
    qpdf_check(one)
    assert problems(one, skip_unused_on=pdf_exhibit_pages(one, home, "1")) == []


def test_the_demo_header_says_pdf_1_4_as_its_parts_do(demo) -> None:
    with pikepdf.open(demo[0]) as pdf:
        assert pdf.pdf_version == "1.4"
    assert demo[0].read_bytes()[:8] == b"%PDF-1.4"


def part_pages(path: Path, key: str) -> range:
    """The pages (from 0) of one generated part, found by the outline."""
    titles = part_titles(translator("fr"), "client")  # the demo: we are the client
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        starts = [(item.title, pdf.pages.index(pikepdf.Page(item.destination[0]))) for item in outline.root]
    for (title, start), (_, end) in pairwise(starts):
        if title == titles[key]:
            return range(start, end)
    raise AssertionError(f"no part {key}: {starts}")


def test_amounts_keep_their_narrow_spaces_in_the_demo(demo) -> None:
    # The décompte's tables; the exhibits' own texts are as their authors typed them.
    text = drawn_text(demo[0], part_pages(demo[0], "claims"))
    assert "3\u202f012,00 €" in text
    assert not re.search(r"\d \d{3},\d\d", text), re.findall(r".{20}\d \d{3},\d\d.{5}", text)


def test_a_narrow_no_break_space_neither_vanishes_nor_breaks_a_cell(tmp_path: Path) -> None:
    money = translator("fr").money(301200)
    assert "\u202f" in money
    target = tmp_path / "cell.pdf"
    doc = SimpleDocTemplate(str(target), invariant=1)
    # A column just wide enough for the amount: an ordinary space there would break the line.
    doc.build([Table([[Paragraph(f"Total {money}", styles()["cell"])]], colWidths=[24 * mm])])
    lines = drawn_text(target).splitlines()
    # Whole on its line, its narrow space drawn (reportlab draws U+00A0 as a space glyph).
    assert money.replace("\u00a0", " ") in lines, lines


# A case of pictures: a JPEG, a bilevel G4 TIFF, a 16-bit greyscale PNG, an animated GIF and an
# e-mail with a JPEG attached.

def make_pictures(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True)
    files = {"photo.jpg": folder / "photo.jpg", "scan.tiff": folder / "scan.tiff",
             "grey16.png": folder / "grey16.png", "anim.gif": folder / "anim.gif",
             "courriel.eml": folder / "courriel.eml"}
    shutil.copyfile(CORPUS / "image.jpg", files["photo.jpg"])
    Image.open(CORPUS / "smile-lzw.tiff").convert("1").resize((160, 160)).save(files["scan.tiff"],
                                                                               compression="group4")
    grey = Image.new("I;16", (256, 64))
    grey.putdata([x * 257 for _ in range(64) for x in range(256)])  # 0 … 65535, left to right
    grey.save(files["grey16.png"])
    frames = [Image.new("RGB", (60, 40), colour) for colour in ((200, 30, 30), (30, 200, 30), (30, 30, 200))]
    frames[0].save(files["anim.gif"], save_all=True, append_images=frames[1:], duration=100, loop=0)
    message = EmailMessage()
    message["From"] = "Julien Marchais <julien@pixelune.example>"
    message["To"] = "Claire Lemoine <claire@atelier.example>"
    message["Date"] = "Fri, 12 Sep 2025 17:06:41 +0200"
    message["Subject"] = "La photo du panneau"
    message.set_content("Madame,\n\nVoici la photo.\n")
    message.add_attachment((CORPUS / "smile.jpg").read_bytes(), maintype="image", subtype="jpeg",
                           filename="panneau.jpg")
    files["courriel.eml"].write_bytes(bytes(message))
    return files


def picture_case(files: dict[str, Path]) -> CaseFile:
    case = Case(title="Atelier c/ Pixelune", our_role="provider",
                us=Party("Atelier Lemoine", "SARL", "732829320", "14 rue des Tanneurs, 53000 Laval"),
                them=Party("Pixelune", "SAS", None, "27 quai Paul Boudet, 53000 Laval"))
    exhibits = (
        exhibit(files["photo.jpg"], "Photo", date(2025, 9, 1), 1),
        exhibit(files["scan.tiff"], "Scan noir et blanc", date(2025, 9, 2), 2),
        exhibit(files["grey16.png"], "Radiographie 16 bits", date(2025, 9, 3), 3),
        exhibit(files["anim.gif"], "Animation", date(2025, 9, 4), 4, media_type="image/gif"),
        exhibit(files["courriel.eml"], "Courriel et sa photo", date(2025, 9, 12), 5),
    )
    return CaseFile(case, (), exhibits)


@pytest.fixture(scope="module")
def pictures(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, Path]]:
    """The same case exported twice, its files in two different folders."""
    root = tmp_path_factory.mktemp("pictures")
    outputs = []
    files = make_pictures(root / "one")
    shutil.copytree(root / "one", root / "elsewhere" / "two")
    for name in ("one", "elsewhere/two"):
        files = {key: root / name / path.name for key, path in files.items()}
        case_file = picture_case(files)
        by_hash = {x.sha256: files[x.original_name] for x in case_file.exhibits}
        output = root / f"{name.replace('/', '-')}.pdf"
        report = export_dossier(case_file, lambda x, by_hash=by_hash: by_hash[x.sha256],
                                ExportOptions(as_of=date.fromisoformat(AS_OF)), output, read_email=read_email)
        assert not report.refused, report.refused
        outputs.append(output)
    return outputs[0], outputs[1], files


def test_pictures_from_two_folders_give_the_same_bytes(pictures) -> None:
    one, other, _ = pictures
    assert one.read_bytes() == other.read_bytes()


def test_the_picture_case_is_lean(pictures) -> None:
    qpdf_check(pictures[0])
    assert problems(pictures[0]) == []


def test_jpegs_go_in_as_they_are(pictures) -> None:
    one, _, files = pictures
    wanted = {files["photo.jpg"].read_bytes(), (CORPUS / "smile.jpg").read_bytes()}
    with pikepdf.open(one) as pdf:
        jpegs = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream)
                 and obj.get("/Subtype") == "/Image" and "/DCTDecode" in str(obj.get("/Filter"))]
        assert {bytes(obj.read_raw_bytes()) for obj in jpegs} == wanted
        assert all([str(f) for f in obj.Filter.wrap_in_array()] == ["/DCTDecode"] for obj in jpegs)


def test_a_bilevel_scan_stays_bilevel_and_16_bit_grey_is_scaled(pictures) -> None:
    with pikepdf.open(pictures[0]) as pdf:
        found = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"]
        pictures_by_size = {(int(obj.Width), int(obj.Height)): obj for obj in found}
        scan = pictures_by_size[(160, 160)]
        assert int(scan.BitsPerComponent) == 1 and scan.ColorSpace == "/DeviceGray"
        grey = pikepdf.PdfImage(pictures_by_size[(256, 64)]).as_pil_image()
        assert grey.mode == "L"
        row = [grey.getpixel((x, 10)) for x in range(256)]
        assert row[0] == 0 and row[255] == 255 and 120 <= row[128] <= 135, row[::32]
        gif = pikepdf.PdfImage(pictures_by_size[(60, 40)]).as_pil_image().convert("RGB")
        assert gif.getpixel((30, 20)) == (200, 30, 30)  # the first frame
        assert len([obj for obj in found if (obj.Width, obj.Height) == (60, 40)]) == 1  # one frame, one page
