"""Splitting the bundle into volumes under a size cap, and the cover that opens each next volume."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from .common import full_width, grid
from .context import Dossier, ExhibitEntry, Layout
from .sheets import Anchor
from .styles import styles
from .words import exhibit, markup


@dataclass(frozen=True)
class Packing:
    volumes: tuple[tuple[int, ...], ...]  # exhibit numbers per volume; volume 1 also holds parts 1-6
    oversized: tuple[int, ...]  # exhibits that alone exceed the cap


def pack(sizes: list[tuple[int, int]], first_base: int, next_base: int, limit: int) -> Packing:
    """Exhibits in number order, each volume filled while it stays under ``limit`` bytes.

    An exhibit is never split; one that does not fit even alone gets a volume of its own.
    """
    volumes: list[list[int]] = [[]]
    used = first_base
    oversized = []
    for number, size in sizes:
        # Volume 1 is never empty (it holds the generated parts), so it may be closed before its
        # first exhibit; a later volume takes at least one exhibit, however large.
        if used + size > limit and (len(volumes) == 1 or volumes[-1]):
            volumes.append([])
            used = next_base
        if used + size > limit:
            oversized.append(number)
        volumes[-1].append(number)
        used += size
    return Packing(tuple(tuple(v) for v in volumes), tuple(oversized))


def volume_paths(output: Path, count: int | None) -> list[Path]:
    """``NAME.pdf`` without volumes, or with one only; ``NAME-1.pdf``, ``NAME-2.pdf``… with two or more."""
    if count is None or count <= 1:
        return [output]
    return [output.with_name(f"{output.stem}-{i}{output.suffix or '.pdf'}") for i in range(1, count + 1)]


def tome_story(d: Dossier, layout: Layout, volume: int, entries: list[ExhibitEntry]) -> list[Flowable]:
    w, s, case = d.words, styles(), d.case
    title = w.gettext("Tome {volume} / {volumes}").format(volume=volume, volumes=d.volumes)
    flow: list[Flowable] = [Anchor(f"part:tome{volume}", title)]
    if case.court:
        flow.append(Paragraph(markup(case.court.upper()), s["cover-court"]))
    if case.docket:
        flow.append(Paragraph(w.gettext("RG n°\u00a0") + markup(case.docket), s["cover-line"]))
    flow += [Spacer(1, 12 * mm), Paragraph(markup(case.title), s["cover-title"]), Spacer(1, 3 * mm),
             Paragraph(w.gettext("{us} contre {them}").format(us=markup(case.us.name), them=markup(case.them.name)), s["cover-line"]),
             Spacer(1, 10 * mm), Paragraph(f"<b>{title}</b>", s["cover-title"]), Spacer(1, 2 * mm)]
    if len(entries) == 1:
        flow.append(Paragraph(w.gettext("pièce n°\u00a0{number}").format(number=entries[0].number), s["cover-line"]))
    elif entries:
        span = w.gettext("pièces n°\u00a0{number} à {number2}").format(number=entries[0].number, number2=entries[-1].number)
        flow.append(Paragraph(span, s["cover-line"]))
    flow.append(Spacer(1, 10 * mm))
    rows: list[list[object]] = [[w.gettext("Pièce"), w.gettext("Titre"), w.gettext("Pages"),
                                 w.gettext("Page")]]
    for entry in entries:
        rows.append([Paragraph(f'<a href="#exhibit:{entry.number}">{exhibit(w, entry.number)}</a>', s["cell"]),
                     Paragraph(markup(entry.exhibit.title), s["cell"]),
                     Paragraph(str(entry.pages), s["cell-right"]),
                     Paragraph(str(layout.exhibit_pages.get(entry.number, "")), s["cell-right"])])
    flow.append(grid(rows, full_width(26, 104, 14, 16), align_right=(2, 3)))
    flow.append(Spacer(1, 6 * mm))
    flow.append(Paragraph(w.gettext("Arrêté au {day} \u2014 empreinte du dossier {fingerprint} (identique dans chaque tome).").format(day=w.long_day(d.as_of), fingerprint=d.fingerprint),
        s["note"]))
    flow.append(PageBreak())
    return flow
