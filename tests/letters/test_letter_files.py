"""A letter's two files: the PDF and the OpenDocument text hold the letter's words in its order,
the same bytes each time, and open cleanly."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

from odfdo import Document

from dossier_app.domain.letters import LetterDoc
from dossier_app.letters.odt import letter_odt
from dossier_app.letters.pdf import letter_pdf
from tests.export.lean_pdf import drawn_text
from tests.letters.letter_helpers import letter_words, sample_letter

PAGE_NUMBER = re.compile(r"^\d+ / \d+$")


def pdf_lines(path: Path) -> list[str]:
    """The PDF's lines in the order they are drawn, page numbers apart."""
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [line for line in text.replace("\f", "\n").splitlines() if line.strip()]


def pdf_words(path: Path) -> list[str]:
    words = " ".join(line for line in pdf_lines(path) if not PAGE_NUMBER.match(line.strip())).split()
    return [word for word in words if word != "•"]


def odt_words(path: Path) -> list[str]:
    """The OpenDocument text read back with odfdo: every paragraph and heading, in document order."""
    body = Document(str(path)).body
    texts = [element.text_recursive for element in body.get_elements("//text:p | //text:h")]
    return " ".join(texts).split()


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def test_the_pdf_holds_the_letters_words_in_order(tmp_path: Path, letter: LetterDoc) -> None:
    target = tmp_path / "lettre.pdf"
    letter_pdf(letter, target)
    assert pdf_words(target) == letter_words(letter)
    assert pages(target) == 1
    # The narrow no-break space, the euro sign and the French quotes are drawn as themselves
    # (pdftotext reads U+202F as a space: the strings drawn are read from the page itself).
    text = drawn_text(target)
    assert "3\u202f012,00\u202f€" in text
    assert "« à ce jour »" in text
    # One page: no page number.
    assert not any(PAGE_NUMBER.match(line) for line in pdf_lines(target))


def test_a_long_letter_numbers_its_pages_and_ends_with_the_draft_note(tmp_path: Path) -> None:
    long = sample_letter(paragraphs=14)
    target = tmp_path / "longue.pdf"
    letter_pdf(long, target)
    assert pages(target) == 2
    lines = pdf_lines(target)
    assert [line for line in lines if PAGE_NUMBER.match(line)] == ["1 / 2", "2 / 2"]
    assert pdf_words(target) == letter_words(long)
    # The draft note only at the foot of the last page, after the signature.
    page_two = subprocess.run(["pdftotext", "-raw", "-f", "2", "-l", "2", str(target), "-"], check=True,
                              capture_output=True, text=True).stdout
    assert "Projet établi par Dossier" in page_two
    assert "Claire Martin" in page_two


def test_the_subject_is_bold_and_the_amounts_right_aligned(tmp_path: Path, letter: LetterDoc) -> None:
    target = tmp_path / "lettre.pdf"
    letter_pdf(letter, target)
    fonts = subprocess.run(["pdffonts", str(target)], check=True, capture_output=True, text=True).stdout
    assert "DejaVuSans-Bold" in fonts and "Helvetica" not in fonts
    bbox = subprocess.run(["pdftotext", "-bbox", str(target), "-"], check=True, capture_output=True,
                          text=True).stdout
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', bbox)
    euro_ends = [float(x_max) for _x_min, x_max, word in words if word == "€"]
    # The table's three amounts (1 200,00 €, 1 812,00 €, 3 012,00 €) end on the same right edge,
    # the text's right margin; no other euro sign of the letter does.
    right_edge = max(euro_ends)
    assert abs(right_edge - (210 - 20) * 72 / 25.4) < 6
    assert len([end for end in euro_ends if abs(end - right_edge) < 0.5]) == 3
    # The recipient's block where a window envelope shows it: 110 mm from the left edge.
    recipient = next(float(x_min) for x_min, _x_max, word in words if word == "WebPlus")
    assert abs(recipient - 110 * 72 / 25.4) < 1


def test_the_pdf_is_the_same_bytes_twice_and_qpdf_finds_it_clean(tmp_path: Path, letter: LetterDoc) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    letter_pdf(letter, first)
    letter_pdf(letter, second)
    assert first.read_bytes() == second.read_bytes()
    check = subprocess.run(["qpdf", "--check", str(first)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors found" in check.stdout
    # Another letter, other bytes: the sameness is the letter's, not a constant file.
    other = tmp_path / "c.pdf"
    letter_pdf(replace(letter, place_date="Laval, le 9 décembre 2026"), other)
    assert other.read_bytes() != first.read_bytes()


def test_the_odt_holds_the_same_words_as_the_pdf(tmp_path: Path, letter: LetterDoc) -> None:
    odt, pdf = tmp_path / "lettre.odt", tmp_path / "lettre.pdf"
    letter_odt(letter, odt)
    letter_pdf(letter, pdf)
    assert odt_words(odt) == letter_words(letter)
    assert odt_words(odt) == pdf_words(pdf)


def test_the_odt_has_a_real_table_a_list_and_a_bold_subject(tmp_path: Path, letter: LetterDoc) -> None:
    odt = tmp_path / "lettre.odt"
    letter_odt(letter, odt)
    document = Document(str(odt))
    tables = document.body.get_tables()
    assert len(tables) == 1
    table = tables[0]
    assert table.width == 3 and table.height == 4
    assert [cell.text_recursive.strip() for cell in table.get_row(1).get_cells()] == \
        ["F-2025-031", "15/09/2025", "1\u202f200,00\u202f€"]
    assert len(document.body.get_elements("//text:list-item")) == 3
    subject = next(p for p in document.body.get_paragraphs() if p.text_recursive.startswith("Objet"))
    style = document.get_style("paragraph", subject.style)
    assert style.get_properties(area="text")["fo:font-weight"] == "bold"
    assert document.meta.get_title() == letter.title


def test_the_odt_is_the_same_bytes_twice(tmp_path: Path, letter: LetterDoc) -> None:
    first, second = tmp_path / "a.odt", tmp_path / "b.odt"
    letter_odt(letter, first)
    letter_odt(letter, second)
    assert first.read_bytes() == second.read_bytes()
    other = tmp_path / "c.odt"
    letter_odt(replace(letter, subject="Objet : relance"), other)
    assert other.read_bytes() != first.read_bytes()


def test_no_space_is_stretched_so_amounts_keep_their_no_break_spaces(tmp_path: Path, letter: LetterDoc) -> None:
    """Justifying would set the PDF's word spacing, which widens every character drawn with the
    space's code — the no-break space before « € » included (« 3 012,00   € »)."""
    import pikepdf

    target = tmp_path / "lettre.pdf"
    letter_pdf(sample_letter(paragraphs=6), target)
    with pikepdf.open(target) as pdf:
        spacing = [float(op.operands[0]) for page in pdf.pages for op in pikepdf.parse_content_stream(page)
                   if str(op.operator) == "Tw"]
    assert all(value == 0 for value in spacing), spacing
