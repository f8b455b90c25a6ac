"""Laying out the generated parts until their page numbers hold still.

The sommaire and the bordereau cite page numbers that depend on how many pages the generated
parts themselves take, so the parts are built again with the numbers the previous build
measured, until two builds agree (two or three builds in practice, each a few pages).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, PageBreak

from .bordereau import bordereau_story
from .chronology import chronology_story
from .contents import contents_story
from .context import Dossier, ExhibitEntry, Layout
from .cover import cover_story
from .decompte import claims_story
from .demands import demands_story
from .facts import facts_story
from .sheets import Furniture, Sheets, build
from .volumes import tome_story

MAX_BUILDS = 6
PART_KEYS = ("cover", "contents", "facts", "chronology", "claims", "demands", "bordereau")


@dataclass
class Built:
    layout: Layout
    parts: Sheets
    tomes: dict[int, Sheets]  # volume → its opening cover, for volumes 2 and after


def _story(d: Dossier, layout: Layout) -> list[Flowable]:
    volume_note = ""
    if d.volumes > 1:
        volume_note = d.words.gettext("<b>Tome 1 / {volumes}</b>").format(volumes=d.volumes)
    story = (cover_story(d, layout, volume_note) + contents_story(d, layout) + facts_story(d, layout)
             + chronology_story(d, layout) + claims_story(d, layout) + demands_story(d, layout)
             + bordereau_story(d, layout))
    while story and isinstance(story[-1], PageBreak):
        story.pop()
    return story


def _tome(d: Dossier, layout: Layout, volume: int) -> list[Flowable]:
    story = tome_story(d, layout, volume, [e for e in d.entries if e.volume == volume])
    while story and isinstance(story[-1], PageBreak):
        story.pop()
    return story


def measure(d: Dossier, parts: Sheets, tomes: dict[int, Sheets]) -> Layout:
    """Where everything falls given the generated parts' and tome covers' page counts."""
    layout = Layout()
    for key in PART_KEYS:
        anchor = parts.anchors.get(f"part:{key}")
        if anchor is not None:
            layout.part_pages[key] = anchor[0] + 1
    page = parts.pages + 1
    entries: list[ExhibitEntry] = list(d.entries) if d.with_exhibits else []
    for volume in range(1, d.volumes + 1):
        if volume > 1:
            layout.volume_first_pages[volume] = page
            page += tomes[volume].pages if volume in tomes else 1
        for entry in entries:
            if entry.volume == volume:
                layout.exhibit_pages[entry.number] = page
                page += entry.pages
    if entries:
        layout.part_pages["exhibits"] = layout.exhibit_pages[entries[0].number]
    layout.total = page - 1
    return layout


def lay_out(d: Dossier, running_title: str, footer_note: str) -> Built:
    layout = Layout(total=1)
    built = None
    for _ in range(MAX_BUILDS):
        parts = build(_story(d, layout), Furniture(1, max(layout.total, 1), running_title, footer_note),
                      d.case.title)
        tomes = {}
        for volume in range(2, d.volumes + 1):
            first = layout.volume_first_pages.get(volume, 1)
            tomes[volume] = build(_tome(d, layout, volume),
                                  Furniture(first, max(layout.total, 1), running_title, footer_note),
                                  d.case.title)
        measured = measure(d, parts, tomes)
        built = Built(measured, parts, tomes)
        if measured == layout:
            return built
        layout = measured
    assert built is not None
    return built
