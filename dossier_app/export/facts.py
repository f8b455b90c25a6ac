"""Part 3: the exposé des faits — the owner's account, then the key facts with their proof."""

from __future__ import annotations

import re

from reportlab.platypus import Flowable, PageBreak, Paragraph

from .common import citations_markup, part_heading
from .contents import part_titles
from .context import Dossier, Layout
from .styles import styles
from .words import blocks, markup


def facts_story(d: Dossier, layout: Layout) -> list[Flowable]:
    w, s = d.words, styles()
    flow: list[Flowable] = part_heading("facts", part_titles(w)["facts"])
    summary = (d.case.summary or "").strip()
    if summary:
        for paragraph in re.split(r"\n\s*\n", summary):
            flow += [Paragraph(markup(piece), s["body"]) for piece in blocks(paragraph.strip())]
    key_facts = [e for e in d.events if e.key_fact]
    if key_facts:
        flow.append(Paragraph(w.gettext("Les faits essentiels"), s["heading"]))
        for event in key_facts:
            text = f"<b>{w.long_day(event.date)}.</b> {markup(event.title.rstrip('.'))}."
            if event.description:
                text += " " + markup(event.description.strip())
            cited = d.citations(event.id)
            if cited:
                text += f" ({citations_markup(w, cited)})"
            else:
                unproven = w.gettext("aucune pièce ne l\u2019établit")
                text += f" <i>({unproven})</i>"
            flow.append(Paragraph("–\u00a0" + text, s["fact"]))
    if not summary and not key_facts:
        flow.append(Paragraph(w.gettext("Aucun exposé n\u2019a été rédigé et aucun fait n\u2019est marqué comme essentiel."),
                              s["note"]))
    flow.append(PageBreak())
    return flow
