"""Writing one volume with pikepdf: generated pages, stamped exhibits, outline, labels, links.

A volume of up to ``BATCH_FROM`` pages is one pikepdf document saved at the end, the fastest way.
A longer one is written batch by batch (``export/concat.py``), so that its pages are never all
held at once: a 10 000-page volume then takes about a tenth of the memory.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import cast

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, String

from .active_content import Sanitizer
from .concat import BundleWriter, OutlineEntry, pdf_text
from .contents import part_titles
from .context import Dossier, Layout, cited_exhibit
from .exhibits_pdf import open_pdf
from .layout import PART_KEYS
from .lean import finish, note_version
from .prepare import Prepared
from .sheets import Sheets
from .stamping import Stamper, StampFont
from .words import LINE_TITLE, exhibit, plain

Tick = Callable[[int], None]  # told the number of the exhibit being added; raises to cancel
Destination = Callable[[int, "float | None"], pikepdf.Object]  # a page of the volume (and a top) → a link's /Dest
BATCH_FROM = 1500  # pages in a volume from which it is written batch by batch
BATCH_PAGES = 250  # pages per batch


@dataclass
class VolumePlan:
    index: int  # 1-based
    count: int  # volumes in the whole export
    opening: Sheets  # the generated parts (volume 1) or the tome cover
    exhibits: list[Prepared]
    file_names: list[str]  # every volume's file name, for links across volumes
    removed: dict[int, int] = field(default_factory=dict)  # number → active actions removed


def stamp_label(d: Dossier, number: int, page: int, pages: int) -> str:
    return d.words.gettext("Pièce n° {number} \u2014 p. {page}/{pages}").format(number=number, page=page, pages=pages)


def write_volume(d: Dossier, layout: Layout, plan: VolumePlan, target: Path, font: StampFont,
                 tick: Tick, save_progress: Callable[[int], None] | None = None) -> None:
    if plan.opening.pages + sum(p.pages for p in plan.exhibits) >= BATCH_FROM:
        _write_in_batches(d, layout, plan, target, font, tick, save_progress)
        return
    out = pikepdf.new()
    try:
        with warnings.catch_warnings():
            # Copying pages may warn that forms and named destinations do not follow them; a
            # bundle wants exactly that (fields stay visible through their appearance streams).
            warnings.simplefilter("ignore", category=getattr(pikepdf, "PageCopyWarning", UserWarning))
            pages: list[Dictionary] = []  # the output's pages: indexing out.pages walks the page tree
            _copy_opening(out, pages, plan)
            first_number = 1 if plan.index == 1 else layout.volume_first_pages[plan.index]
            stamper = Stamper(out, font)
            starts: dict[int, int] = {}
            for prepared in plan.exhibits:
                tick(prepared.number)
                starts[prepared.number] = len(pages)
                plan.removed[prepared.number] = copy_exhibit(out, pages, stamper, d, layout, prepared)

            def destination(index: int, top: float | None) -> pikepdf.Object:
                return _destination(pages, index, top)

            _links(out, pages, d, layout, plan, starts, destination)
            _outline(out, _outline_entries(d, plan, starts), destination)
            out.Root[Name.PageLabels] = Dictionary(Nums=Array(_label_nums(d, plan, starts, first_number)))
            out.docinfo[Name.Title] = String(plain(d.case.title, LINE_TITLE))
            out.docinfo[Name.Creator] = String("Dossier")
            out.Root[Name.PageMode] = Name.UseOutlines
            out.Root[Name.Lang] = String(d.words.lang)
            out.save(target, deterministic_id=True, compress_streams=True,
                     stream_decode_level=pikepdf.StreamDecodeLevel.none,
                     progress=save_progress, min_version=finish(out))
    finally:
        out.close()


def _copy_opening(out: pikepdf.Pdf, pages: list[Dictionary], plan: VolumePlan) -> None:
    with pikepdf.open(BytesIO(plan.opening.pdf)) as opening:
        note_version(out, opening.pdf_version)
        for source_page in opening.pages:
            page = cast(Dictionary, out.copy_foreign(source_page.obj))  # a page's copy is a page
            _add_page(out, page)
            pages.append(page)


def _write_in_batches(d: Dossier, layout: Layout, plan: VolumePlan, target: Path, font: StampFont,
                      tick: Tick, save_progress: Callable[[int], None] | None) -> None:
    """The same volume as ``write_volume`` writes, its pages going out ``BATCH_PAGES`` at a time.

    Links from the opening pages point at pages not yet written: they name their destination,
    and the names are resolved when the page tree is complete.
    """
    first_number = 1 if plan.index == 1 else layout.volume_first_pages[plan.index]
    starts: dict[int, int] = {}
    page_count = plan.opening.pages
    for prepared in plan.exhibits:
        starts[prepared.number] = page_count
        page_count += prepared.pages
    names: dict[str, tuple[int, float | None]] = {}

    def named(index: int, top: float | None) -> pikepdf.Object:
        name = f"p{index}" if top is None else f"p{index}@{top:g}"
        names[name] = (index, top)
        return String(name)

    scratch = target.with_name(target.name + ".batch")
    with open(target, "wb") as handle, warnings.catch_warnings():
        warnings.simplefilter("ignore", category=getattr(pikepdf, "PageCopyWarning", UserWarning))
        writer = BundleWriter(handle, scratch)
        batch = pikepdf.new()
        try:
            pages: list[Dictionary] = []
            _copy_opening(batch, pages, plan)
            _links(batch, pages, d, layout, plan, starts, named)
            stamper = Stamper(batch, font)
            for prepared in plan.exhibits:
                tick(prepared.number)
                if len(writer.pages) + len(pages) != starts[prepared.number]:
                    raise RuntimeError(f"pièce {prepared.number}: its pages were counted wrong")
                plan.removed[prepared.number] = copy_exhibit(batch, pages, stamper, d, layout, prepared)
                if len(pages) >= BATCH_PAGES:
                    writer.add_batch(batch, finish(batch))
                    batch.close()
                    batch, pages = pikepdf.new(), []
                    stamper = Stamper(batch, font)
                    if save_progress is not None:
                        save_progress(min(99, 100 * len(writer.pages) // max(page_count, 1)))
            if pages:
                writer.add_batch(batch, finish(batch))
        finally:
            batch.close()
        nums = _label_nums(d, plan, starts, first_number)
        labels = [(cast(int, index), _label_text(cast(Dictionary, label)))
                  for index, label in zip(nums[::2], nums[1::2], strict=True)]
        writer.finish(outline=_outline_entries(d, plan, starts), dests=names, labels=labels,
                      catalog_extra=b"/PageMode /UseOutlines /Lang " + pdf_text(d.words.lang),
                      info=b"<< /Title " + pdf_text(plain(d.case.title, LINE_TITLE)) + b" /Creator (Dossier) >>")
    if save_progress is not None:
        save_progress(100)


def _label_text(label: Dictionary) -> bytes:
    text = b"<< /S /D"
    if Name.St in label:
        text += b" /St %d" % int(label.St)
    if Name.P in label:
        text += b" /P " + pdf_text(str(label.P))
    return text + b" >>"


def copy_exhibit(out: pikepdf.Pdf, pages: list[Dictionary], stamper: Stamper, d: Dossier, layout: Layout,
                 prepared: Prepared) -> int:
    """Append the pages of one exhibit to ``out`` (and ``pages``), each stamped with its pièce
    number and its dossier-wide page number; the active actions taken out are counted."""
    removed = 0
    global_first = layout.exhibit_pages[prepared.number]
    offset = 0
    for source in prepared.sources:
        # Each source is closed as soon as its pages are copied: pikepdf copies a foreign object's
        # data at once, so the bundle never needs the source again, and holding every source open
        # until the save is what made the export's peak memory the plain merge's plus the stamps.
        with open_pdf(source.path, source.password, d.words) as pdf:
            note_version(out, pdf.pdf_version)
            sanitizer = Sanitizer(pdf)
            for source_page in pdf.pages:
                # Cleaned in the source, before the copy: what it takes out is never copied at
                # all, and the copy is spared chains too deep for qpdf.
                removed += sanitizer.clean_page(source_page.obj)
                # Copying page by page hands back the copy itself: indexing out.pages afterwards
                # walks the page tree and made long bundles quadratic.
                page = cast(Dictionary, out.copy_foreign(source_page.obj))
                _add_page(out, page)
                pages.append(page)
                stamper.stamp(page, stamp_label(d, prepared.number, offset + 1, prepared.pages),
                              f"{global_first + offset} / {layout.total}",
                              d.case.counsel.name if d.case.counsel else "")
                offset += 1
    return removed


def _add_page(out: pikepdf.Pdf, page: Dictionary) -> None:
    """Append a page already copied into ``out`` at the end of its page tree.

    ``out.pages.append`` takes time in proportion to the pages already there (pikepdf counts
    them by building the list of all pages, twice per append): 6 s of a 10 000-page bundle went
    there.  ``Pdf._add_page`` is qpdf's own ``addPage`` alone; the file written is the same.
    """
    add = getattr(out, "_add_page", None)
    if add is None:  # a pikepdf without it
        out.pages.append(pikepdf.Page(page))
    else:
        add(page, False)


def _destination(pages: list[Dictionary], page_index: int, top: float | None = None) -> Array:
    page = pages[page_index]
    if top is None:
        return Array([page, Name.Fit])
    return Array([page, Name.XYZ, None, top, None])


def _links(out: pikepdf.Pdf, pages: list[Dictionary], d: Dossier, layout: Layout, plan: VolumePlan,
           starts: dict[int, int], destination: Destination) -> None:
    """The opening pages' recorded links made into annotations pointing at the final pages.

    "exhibit:N" goes to pièce N's first page, "exhibit:N:P" (a citation of pages P…) to its page
    P (its last page when P is past it), in this volume or, with a GoToR, in the volume holding it.
    """
    entries = {e.number: e for e in d.entries}
    for link in plan.opening.links:
        kind = link.target.partition(":")[0]
        annotation = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([round(v, 2) for v in link.rect]),
                                Border=Array([0, 0, 0]))
        cited = cited_exhibit(link.target)
        number, cited_page = cited if cited else (None, None)
        entry = entries.get(number) if number is not None else None
        offset = 0  # the cited page within the pièce, from 0
        if entry is not None and cited_page is not None:
            offset = max(0, min(cited_page, entry.pages) - 1)
        if kind == "part" and link.target in plan.opening.anchors:
            page_index, y = plan.opening.anchors[link.target]
            annotation[Name.Dest] = destination(page_index, round(y + 40, 2))
        elif number is not None and number in starts:
            annotation[Name.Dest] = destination(starts[number] + offset, None)
        elif entry is not None and d.with_exhibits:
            volume = entry.volume
            first = layout.exhibit_pages[entry.number] - layout.volume_first_pages.get(volume, 1)
            annotation[Name.A] = Dictionary(S=Name.GoToR, F=String(plan.file_names[volume - 1]),
                                            D=Array([first + offset, Name.Fit]), NewWindow=False)
        else:
            continue
        page = pages[link.page]
        if Name.Annots not in page:
            page[Name.Annots] = Array()
        page.Annots.append(out.make_indirect(annotation))


def _outline_entries(d: Dossier, plan: VolumePlan, starts: dict[int, int]) -> list[OutlineEntry]:
    """One item per part (or the tome's cover) and one per exhibit, under "Pièces"."""
    titles = part_titles(d.words, d.case.our_role)
    entries: list[OutlineEntry] = []
    if plan.index == 1:
        for key in PART_KEYS:
            anchor = plan.opening.anchors.get(f"part:{key}")
            if anchor is not None:
                entries.append(OutlineEntry(titles[key], anchor[0]))
    else:
        entries.append(OutlineEntry(d.words.gettext("Tome {index} / {count}").format(index=plan.index, count=plan.count), 0))
    if plan.exhibits:
        entries.append(OutlineEntry(titles["exhibits"], starts[plan.exhibits[0].number], tuple(
            OutlineEntry(f"{exhibit(d.words, p.number)} — {plain(p.exhibit.title, LINE_TITLE)}", starts[p.number])
            for p in plan.exhibits)))
    return entries


def _outline(out: pikepdf.Pdf, entries: list[OutlineEntry], destination: Destination) -> None:
    """The outline as pikepdf writes it; destinations are [page /Fit] arrays, which is what pikepdf
    makes of a page index, without its lookup of the page by index (a walk of the page tree)."""
    def item(entry: OutlineEntry) -> OutlineItem:
        made = OutlineItem(entry.title, cast(Array, destination(entry.page, None)))
        made.children.extend(item(child) for child in entry.children)
        return made

    with out.open_outline() as outline:
        outline.root.extend(item(entry) for entry in entries)


def _label_nums(d: Dossier, plan: VolumePlan, starts: dict[int, int], first_number: int) -> list[object]:
    """Viewers show "P4-2" for the second page of pièce 4, and the dossier's own numbers elsewhere."""
    prefix = d.words.gettext("P")
    nums: list[object] = [0, Dictionary(S=Name.D, St=first_number)]
    for prepared in plan.exhibits:
        nums += [starts[prepared.number], Dictionary(S=Name.D, P=String(f"{prefix}{prepared.number}-"))]
    return nums
