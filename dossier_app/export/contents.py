"""Part 2: the sommaire — every part and every exhibit with its first page, each line a link."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph

from ..i18n import Translator
from .common import part_heading
from .context import Dossier, Layout
from .fonts import SANS
from .styles import MUTED, styles
from .words import LINE_TITLE, exhibit, markup, plain

PAGE_COLUMN = 22 * mm


def part_titles(w: Translator, our_role: str = "provider") -> dict[str, str]:
    """Each part's title; as the client, the décompte is the invoices' account, never "sums due"
    (nothing we print may read as our own admission: claims.md, "Output")."""
    return {
        "cover": w.gettext("Couverture"),
        "contents": w.gettext("Sommaire"),
        "facts": w.gettext("Exposé des faits"),
        "chronology": w.gettext("Chronologie"),
        "claims": w.gettext("Décompte des factures") if our_role == "client" else w.gettext("Décompte des sommes dues"),
        "demands": w.gettext("Demandes"),
        "bordereau": w.gettext("Bordereau de communication de pièces"),
        "exhibits": w.gettext("Pièces"),
    }


class ContentsLine(Flowable):  # type: ignore[misc]  # reportlab ships no types: Flowable is Any
    """A title, dot leaders, the page number; the whole line links to its target."""

    def __init__(self, text: str, page: str, target: str | None, *, level: int = 0) -> None:
        super().__init__()
        self.target = target
        self.page = page
        self.indent = 8 * mm * level
        style = styles()["toc-part" if level == 0 else "toc"]
        self.font_size = style.fontSize
        self.para = Paragraph(text, style)
        self.space_before = 5 if level == 0 else 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _, self.text_height = self.para.wrap(available_width - self.indent - PAGE_COLUMN, available_height)
        self.height = self.text_height + self.space_before
        return self.width, self.height

    def draw(self) -> None:
        canv, para = self.canv, self.para
        para.drawOn(canv, self.indent, 0)
        lines = para.getActualLineWidths0() or [0]
        baseline = para.style.leading - self.font_size + 0.5
        start = self.indent + lines[-1] + 4
        end = self.width - PAGE_COLUMN + 4
        canv.saveState()
        if end > start:
            canv.setStrokeColor(MUTED)
            canv.setLineWidth(0.6)
            canv.setDash(0.6, 2.4)
            canv.line(start, baseline, end, baseline)
        canv.setFont(SANS, self.font_size)
        canv.drawRightString(self.width, baseline, self.page)
        canv.restoreState()
        if self.target:
            canv.linkRect("", self.target, (self.indent, 0, self.width, self.text_height), relative=1)


def _page_text(d: Dossier, layout: Layout, key: str, volume: int = 1) -> str:
    page = layout.page_of(key)
    if page is None:
        return ""
    if d.volumes > 1:
        return d.words.gettext("t.\u00a0{volume} — {page}").format(volume=volume, page=page)
    return str(page)


def contents_story(d: Dossier, layout: Layout) -> list[Flowable]:
    w = d.words
    titles = part_titles(w, d.case.our_role)
    flow: list[Flowable] = part_heading("contents", titles["contents"])
    for key in ("cover", "contents", "facts", "chronology", "claims", "demands", "bordereau"):
        if key == "demands" and not d.case.demands:
            continue  # the part is absent (export/demands.py): no line for it
        flow.append(ContentsLine(markup(titles[key]), _page_text(d, layout, f"part:{key}"),
                                 f"part:{key}"))
    if not d.with_exhibits:
        flow.append(ContentsLine(markup(titles["exhibits"]), "", None))
        flow.append(Paragraph(w.gettext("Les pièces ne sont pas jointes à ce document : voir le bordereau."),
                              styles()["note"]))
    elif d.entries:
        first = d.entries[0]
        flow.append(ContentsLine(markup(titles["exhibits"]),
                                 _page_text(d, layout, f"exhibit:{first.number}", first.volume),
                                 f"exhibit:{first.number}"))
        for entry in d.entries:
            text = f"{exhibit(w, entry.number)} — {markup(plain(entry.exhibit.title, LINE_TITLE))}"
            if entry.exhibit.date:
                text += f' <font color="#505050">({w.short_day(entry.exhibit.date)})</font>'
            flow.append(ContentsLine(text, _page_text(d, layout, f"exhibit:{entry.number}", entry.volume),
                                     f"exhibit:{entry.number}", level=1))
    flow.append(PageBreak())
    return flow
