"""A letter as an A4 PDF: the business's header, the recipient, the body, the signature.

The recipient's block sits where a window envelope (DL, window on the right) shows it; the first
page's text starts below it.  The PDF is drawn twice: once to count its pages, then with « 1 / 2 »
at the foot of each page when there are several, and the draft note at the foot of the last one.
The drawing order is the reading order (``pdftotext -raw`` reads the letter's words in order), and
the bytes depend on the letter alone (``invariant=1``, no date but the letter's own).
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.letters import Block, LetterDoc
from ..export.fonts import BOLD, SANS, register_fonts
from ..export.styles import ACCENT, INK, LIGHT_SHADE, MUTED, PAGE_HEIGHT, PAGE_WIDTH, RULE, SHADE
from . import tables

LEFT = 22 * mm
RIGHT = 20 * mm
TOP = 18 * mm
BOTTOM = 30 * mm  # room for the draft note and the page number
WIDTH = PAGE_WIDTH - LEFT - RIGHT
# The address as a DL window envelope shows it: 110 mm from the left edge, from 50 mm down.
WINDOW_LEFT = 110 * mm
WINDOW_TOP = 50 * mm
WINDOW_WIDTH = PAGE_WIDTH - WINDOW_LEFT - RIGHT
# Place and date, and the signature, in the right-hand column as French letters have them.
RIGHT_COLUMN = WINDOW_LEFT - LEFT

# An amount, a rate or a count as a table prints it: « 3 012,00 € », « 10,15 % », « 12 ».
_BULLET = "•"


def letter_pdf(doc: LetterDoc, target: Path) -> None:
    """Write ``doc`` to ``target`` (a new file; the caller renames it into place)."""
    register_fonts()
    _, pages = _draw(doc, total=None)
    data, _ = _draw(doc, total=pages)
    Path(target).write_bytes(data)


def _styles() -> dict[str, ParagraphStyle]:
    # Ragged right, not justified: reportlab justifies with the PDF's word spacing (Tw), which also
    # widens the no-break space it draws with the space's code (« 3 012,00 € » would gape before €).
    body = ParagraphStyle("letter-body", fontName=SANS, fontSize=10, leading=14, textColor=INK,
                          alignment=TA_LEFT, spaceAfter=7, allowWidows=0)
    return {
        "body": body,
        "sender": ParagraphStyle("letter-sender", fontName=SANS, fontSize=9, leading=12, textColor=INK),
        "sender-name": ParagraphStyle("letter-sender-name", fontName=BOLD, fontSize=11, leading=14,
                                      textColor=ACCENT),
        "recipient": ParagraphStyle("letter-recipient", fontName=SANS, fontSize=10, leading=13.5),
        "recipient-name": ParagraphStyle("letter-recipient-name", fontName=BOLD, fontSize=10, leading=13.5),
        "place": ParagraphStyle("letter-place", parent=body, alignment=TA_LEFT, leftIndent=RIGHT_COLUMN,
                                spaceAfter=10),
        "sending": ParagraphStyle("letter-sending", fontName=BOLD, fontSize=9, leading=12, textColor=INK,
                                  spaceAfter=4),
        "subject": ParagraphStyle("letter-subject", fontName=BOLD, fontSize=10.5, leading=14.5,
                                  textColor=INK, spaceBefore=4, spaceAfter=14),
        "heading": ParagraphStyle("letter-heading", fontName=BOLD, fontSize=10, leading=14,
                                  textColor=ACCENT, spaceBefore=6, spaceAfter=4, keepWithNext=1),
        "item": ParagraphStyle("letter-item", parent=body, alignment=TA_LEFT, spaceAfter=2),
        "note": ParagraphStyle("letter-note", fontName=SANS, fontSize=8, leading=10.5, textColor=MUTED,
                               spaceAfter=7),
        "cell": ParagraphStyle("letter-cell", fontName=SANS, fontSize=9, leading=11.5),
        "cell-right": ParagraphStyle("letter-cell-right", fontName=SANS, fontSize=9, leading=11.5,
                                     alignment=TA_RIGHT),
        "cell-bold": ParagraphStyle("letter-cell-bold", fontName=BOLD, fontSize=9, leading=11.5),
        "cell-bold-right": ParagraphStyle("letter-cell-bold-right", fontName=BOLD, fontSize=9,
                                          leading=11.5, alignment=TA_RIGHT),
        "signature": ParagraphStyle("letter-signature", fontName=SANS, fontSize=10, leading=14,
                                    leftIndent=RIGHT_COLUMN),
        "foot": ParagraphStyle("letter-foot", fontName=SANS, fontSize=7.5, leading=9.5, textColor=MUTED),
    }


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph("<br/>".join(escape(line) for line in text.split("\n")), style)


def _header(doc: LetterDoc, s: dict[str, ParagraphStyle]) -> tuple[list[tuple[Paragraph, float, float]], float]:
    """The sender's and the recipient's lines placed on the first page (paragraph, x, top from the
    page's top), and how far down they reach."""
    placed: list[tuple[Paragraph, float, float]] = []
    y = TOP
    for index, line in enumerate(doc.sender):
        para = _para(line, s["sender-name"] if index == 0 else s["sender"])
        _, height = para.wrap(WINDOW_LEFT - LEFT - 6 * mm, PAGE_HEIGHT)
        placed.append((para, LEFT, y))
        y += height
    # Below the sender's lines however many they are: the two blocks never share a line.
    y = max(WINDOW_TOP, y + 6 * mm)
    for index, line in enumerate(doc.recipient):
        para = _para(line, s["recipient-name"] if index == 0 else s["recipient"])
        _, height = para.wrap(WINDOW_WIDTH, PAGE_HEIGHT)
        placed.append((para, WINDOW_LEFT, y))
        y += height
    return placed, y


def _draw(doc: LetterDoc, total: int | None) -> tuple[bytes, int]:
    s = _styles()
    placed, header_bottom = _header(doc, s)
    first_top = header_bottom + 10 * mm
    buffer = BytesIO()
    template = BaseDocTemplate(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1, initialFontName=SANS,
                               title=doc.title or doc.subject, author="", subject="", creator="Dossier",
                               producer="Dossier", pageCompression=1)
    first = Frame(LEFT, BOTTOM, WIDTH, PAGE_HEIGHT - first_top - BOTTOM, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(LEFT, BOTTOM, WIDTH, PAGE_HEIGHT - TOP - BOTTOM, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    count = {"pages": 0}

    def header(canv: Canvas, _doc: BaseDocTemplate) -> None:
        for para, x, top in placed:
            para.drawOn(canv, x, PAGE_HEIGHT - top - para.height)

    def footer(canv: Canvas, _doc: BaseDocTemplate) -> None:
        count["pages"] += 1
        page = count["pages"]
        y = 12 * mm
        if total is not None and total > 1:
            canv.setFont(SANS, 8)
            canv.setFillColor(MUTED)
            canv.drawCentredString(PAGE_WIDTH / 2, y, f"{page} / {total}")
            y += 5 * mm
        if total is not None and page == total and doc.draft_note:
            note = _para(doc.draft_note, s["foot"])
            note.wrap(WIDTH, BOTTOM)
            note.drawOn(canv, LEFT, y)

    template.addPageTemplates([
        PageTemplate(id="first", frames=[first], onPage=header, onPageEnd=footer, autoNextPageTemplate="later"),
        PageTemplate(id="later", frames=[later], onPageEnd=footer),
    ])
    template.build(_story(doc, s))
    return buffer.getvalue(), count["pages"]


def _story(doc: LetterDoc, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = []
    if doc.place_date:
        story.append(_para(doc.place_date, s["place"]))
    if doc.sending:
        story.append(_para(doc.sending, s["sending"]))
    if doc.subject:
        story.append(_para(doc.subject, s["subject"]))
    for block in doc.blocks:
        story.extend(_block(block, s))
    if doc.signature:
        story.append(KeepTogether([Spacer(1, 8 * mm), *(_para(line, s["signature"]) for line in doc.signature)]))
    return story


def _block(block: Block, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    if block.kind == "heading":
        return [_para(block.text, s["heading"])]
    if block.kind == "note":
        return [_para(block.text, s["note"])]
    if block.kind == "items":
        out: list[Flowable] = [_para(block.text, s["body"])] if block.text else []
        items = [ListItem(_para(item, s["item"]), value=_BULLET) for item in block.items]
        if items:
            out.append(ListFlowable(items, bulletType="bullet", start=_BULLET, bulletFontName=SANS,
                                    bulletFontSize=9, leftIndent=6 * mm, spaceAfter=7))
        return out
    if block.kind == "table":
        out = [_para(block.text, s["body"])] if block.text else []
        if block.rows:
            out.append(_table(block.rows, s))
        return out
    return [_para(block.text, s["body"])]


def _table(rows: tuple[tuple[str, ...], ...], s: dict[str, ParagraphStyle]) -> Table:
    """The first row is the header; a column whose every cell below it is an amount, a rate or a
    count is aligned on the right; a row that starts with « Total » is bold."""
    grid = tables.grid(rows)
    numeric = tables.numeric_columns(grid)
    cells = []
    for r, row in enumerate(grid):
        bold = r == 0 or tables.is_total(row)
        cells.append([_para(text, s[("cell-bold" if bold else "cell") + ("-right" if numeric[c] else "")])
                      for c, text in enumerate(row)])
    table = Table(cells, colWidths=_widths(grid, numeric), repeatRows=1, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), LIGHT_SHADE) for r in range(2, len(grid), 2)]
    commands += [("LINEABOVE", (0, r), (-1, r), 0.8, ACCENT) for r, row in enumerate(grid) if r and tables.is_total(row)]
    table.setStyle(TableStyle(commands))
    table.spaceAfter = 9
    table.spaceBefore = 2
    return table


def _widths(grid: list[tuple[str, ...]], numeric: list[bool]) -> list[float]:
    """Amount columns as wide as their widest amount (never wrapped), the text columns sharing the rest
    in proportion to their longest text; a narrow table spreads to the text's width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pad = 8 + 2
    natural = [max(stringWidth(row[c], BOLD, 9) for row in grid) + pad for c in range(len(numeric))]
    fixed = sum(w for w, n in zip(natural, numeric, strict=True) if n)
    if fixed > WIDTH * 0.7:  # many amount columns: share the width in proportion
        return [WIDTH * w / sum(natural) for w in natural]
    text_total = sum(w for w, n in zip(natural, numeric, strict=True) if not n)
    room = WIDTH - fixed
    if text_total <= room:
        # Narrow enough: every column keeps its width plus an equal share of what is left.
        extra = (room - text_total) / len(natural)
        return [w + extra for w in natural]
    return [w if n else room * w / text_total for w, n in zip(natural, numeric, strict=True)]
