"""The reportlab document every generated part is laid out on.

Generated pages end up inside a pikepdf file next to exhibits reportlab never sees, so
reportlab makes no links or bookmarks of its own: the canvas only *records* where each
link and anchor falls, and the assembly turns them into annotations and outline items
pointing at the final pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .fonts import SANS, register_fonts
from .styles import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
)
from .words import LINE_TITLE, plain


@dataclass(frozen=True)
class Link:
    page: int  # 0-based, within the generated document
    rect: tuple[float, float, float, float]
    target: str  # "part:facts", "exhibit:4"…


@dataclass
class Sheets:
    """What one build produced: the PDF and where its anchors and links fell."""

    pdf: bytes
    pages: int
    anchors: dict[str, tuple[int, float]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class Furniture:
    """What every generated page carries besides its content."""

    first_number: int  # the dossier-wide number of this document's first page
    total: int  # pages of the whole dossier, all volumes
    running_title: str  # the case, at the top left
    footer_note: str = ""  # at the bottom left, e.g. "arrêté au 4 octobre 2016"


class RecordingCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types: Canvas is Any
    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("initialFontName", SANS)
        kwargs.setdefault("invariant", 1)
        super().__init__(*args, **kwargs)
        self.recorded_links: list[Link] = []

    def linkRect(self, contents: str, destinationname: str, Rect: tuple[float, float, float, float] | None = None,
                 addtopage: int = 1, name: str | None = None, relative: int = 1, **kw: object) -> None:
        rect = self._absRect(Rect, relative)
        self.recorded_links.append(Link(self.getPageNumber() - 1, tuple(rect), destinationname))


class Anchor(Flowable):  # type: ignore[misc]  # reportlab ships no types: Flowable is Any
    """An invisible mark: a part's or an entry's place, for bookmarks and links."""

    def __init__(self, key: str, part_title: str | None = None) -> None:
        super().__init__()
        self.key = key
        self.part_title = part_title
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = self.canv._doctemplate
        _, y = self.canv.absolutePosition(0, 0)
        doc.anchors[self.key] = (self.canv.getPageNumber() - 1, y)
        if self.part_title is not None:
            doc.part_title = self.part_title


class DossierDoc(BaseDocTemplate):  # type: ignore[misc]  # reportlab ships no types
    def __init__(self, stream: BytesIO, furniture: Furniture, title: str) -> None:
        super().__init__(
            stream, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
            title=plain(title, LINE_TITLE), author="", subject="", creator="Dossier", producer="Dossier",
            invariant=1, initialFontName=SANS, pageCompression=1)
        self.furniture = furniture
        self.anchors: dict[str, tuple[int, float]] = {}
        self.part_title = ""
        self.pages_done = 0
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT,
                      PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=self._furnish)])

    def _furnish(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        furniture = self.furniture
        number = furniture.first_number + canv.getPageNumber() - 1
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        top = PAGE_HEIGHT - MARGIN_TOP + 8
        if canv.getPageNumber() > 1 or furniture.first_number > 1:
            canv.setFont(SANS, 7.5)
            canv.setFillColor(MUTED)
            canv.drawString(MARGIN_LEFT, top + 3, _clip(plain(furniture.running_title, LINE_TITLE), 300, 7.5))
            canv.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, top + 3, self.part_title)
            canv.line(MARGIN_LEFT, top, PAGE_WIDTH - MARGIN_RIGHT, top)
        bottom = MARGIN_BOTTOM - 10
        canv.line(MARGIN_LEFT, bottom, PAGE_WIDTH - MARGIN_RIGHT, bottom)
        canv.setFillColor(MUTED)
        canv.setFont(SANS, 7.5)
        if furniture.footer_note:
            canv.drawString(MARGIN_LEFT, bottom - 10, furniture.footer_note)
        canv.setFillColorRGB(0, 0, 0)
        canv.setFont(SANS, 8.5)
        canv.drawCentredString(PAGE_WIDTH / 2, bottom - 10.5, f"{number} / {furniture.total}")
        canv.restoreState()
        self.pages_done = canv.getPageNumber()


def _clip(text: str, width: float, size: float) -> str:
    from .fonts import text_width

    if text_width(text, SANS, size) <= width:
        return text
    while text and text_width(text + "…", SANS, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def build(story: list[Flowable], furniture: Furniture, title: str) -> Sheets:
    register_fonts()
    stream = BytesIO()
    doc = DossierDoc(stream, furniture, title)
    canvases: list[RecordingCanvas] = []

    def make_canvas(*args, **kwargs) -> RecordingCanvas:  # type: ignore[no-untyped-def]
        canvas = RecordingCanvas(*args, **kwargs)
        canvases.append(canvas)
        return canvas

    doc.build(story, canvasmaker=make_canvas)
    return Sheets(stream.getvalue(), doc.pages_done, dict(doc.anchors), canvases[-1].recorded_links)


StoryMaker = Callable[[], list[Flowable]]
