"""Whether an exported PDF's stamps and page numbers print, and hide nothing of the page.

``outside_safe_area(pdf)``: the stamp's words ("Pièce n° N — p. x/y", counsel's name under it) and the
page number at the foot ("N / total") that lie nearer than 6 mm to an edge of the visible page, as
``pdftotext -bbox -cropbox`` places them (the page as the reader sees it, rotation applied);
``every_word_on`` names pages (0-based) whose every word must be inside, e.g. the generated parts'.

``over_content(pdf)``: the stamps whose box covers something the page itself draws: the stamps
are taken out of a copy (their Form XObjects emptied), the copy rendered with ``pdftoppm``, and
the place each stamp's box had is looked at for ink.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pikepdf
from PIL import Image

MM = 72 / 25.4
SAFE = 6 * MM
PAD = 3.5  # the stamp's box around its words
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')
_LABEL_FIRST = ("Pièce", "Exhibit")
_PAGE_OF = re.compile(r"^\d+/\d+$")


@dataclass(frozen=True)
class Word:
    page: int  # 0-based
    text: str
    x0: float  # points from the left edge of the visible page
    top: float  # points from its top edge
    x1: float
    bottom: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]


def read_words(pdf: Path) -> list[Page]:
    html = subprocess.run(["pdftotext", "-bbox", "-cropbox", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    with pikepdf.open(pdf) as doc:
        turned = [int(page.obj.get("/Rotate", 0)) % 180 == 90 for page in doc.pages]
    pages = []
    for index, match in enumerate(_PAGE.finditer(html)):
        words = tuple(Word(index, unescape(w[4]), float(w[0]), float(w[1]), float(w[2]), float(w[3]))
                      for w in _WORD.findall(match.group(3)))
        width, height = float(match.group(1)), float(match.group(2))
        if turned[index]:  # pdftotext gives the page's size unturned, its words as seen
            width, height = height, width
        pages.append(Page(width, height, words))
    return pages


def stamp_words(page: Page) -> list[list[Word]]:
    """The page's stamp lines: the label (with counsel's name under it) and the foot's "N / total"."""
    words = list(page.words)
    lines: list[list[Word]] = []
    for i, word in enumerate(words):
        if word.text in _LABEL_FIRST:
            for j in range(i + 1, min(i + 8, len(words))):
                if _PAGE_OF.match(words[j].text):
                    label = words[i:j + 1]
                    left, right = min(w.x0 for w in label), max(w.x1 for w in label)
                    below = max(w.bottom for w in label)
                    counsel = [w for w in words[j + 1:j + 12]  # smaller, within the label's box
                               if w.x0 >= left - PAD and w.x1 <= right + PAD and below - 1 <= w.top <= below + 6
                               and w.bottom - w.top < 9]
                    lines.append(label + counsel)
                    break
    feet = [words[i:i + 3] for i in range(len(words) - 2)
            if words[i].text.isdigit() and words[i + 1].text == "/" and words[i + 2].text.isdigit()
            and abs(words[i].top - words[i + 2].top) < 1]
    if feet:
        lines.append(max(feet, key=lambda line: line[0].top))
    return lines


def _outside(word: Word, page: Page) -> bool:
    return (word.x0 < SAFE or word.top < SAFE or page.width - word.x1 < SAFE
            or page.height - word.bottom < SAFE)


def outside_safe_area(pdf: Path, every_word_on: set[int] | frozenset[int] = frozenset()) -> list[Word]:
    found = []
    for index, page in enumerate(read_words(pdf)):
        words = list(page.words) if index in every_word_on else [w for line in stamp_words(page) for w in line]
        found += [w for w in words if _outside(w, page)]
    return found


def stamped_pages(pdf: Path) -> set[int]:
    with pikepdf.open(pdf) as doc:
        return {i for i, page in enumerate(doc.pages)
                if any(str(k).startswith("/DossierStamp") for k in page.obj.get("/Resources", {}).get("/XObject", {}))}


def over_content(pdf: Path, dpi: int = 50, ink: int = 200) -> list[tuple[int, str]]:
    """(page, stamp text) for each stamp box of a stamped page over which the page draws ink."""
    pages = read_words(pdf)
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare.pdf"
        with pikepdf.open(pdf) as doc:
            stamped = set()
            for i, page in enumerate(doc.pages):
                xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
                for key in list(xobjects.keys()):
                    if str(key).startswith("/DossierStamp"):
                        xobjects[key].write(b"")
                        stamped.add(i)
            doc.save(bare)
        found = []
        for index in sorted(stamped):
            subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-cropbox", "-f", str(index + 1), "-l",
                            str(index + 1), "-singlefile", str(bare), str(Path(folder) / "p")], check=True)
            image = Image.open(Path(folder) / "p.pgm")
            page = pages[index]
            sx, sy = image.width / page.width, image.height / page.height
            for line in stamp_words(page):
                x0 = min(w.x0 for w in line) - PAD
                x1 = max(w.x1 for w in line) + PAD
                top = min(w.top for w in line) - PAD
                bottom = max(w.bottom for w in line) + PAD
                box = (max(0, int(x0 * sx) + 1), max(0, int(top * sy) + 1),
                       min(image.width, int(x1 * sx)), min(image.height, int(bottom * sy)))
                if box[2] > box[0] and box[3] > box[1] and image.crop(box).getextrema()[0] < ink:
                    found.append((index, " ".join(w.text for w in line)))
        return found
