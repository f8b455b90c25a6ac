"""Part 1: the cover — court, parties, case, counsel, and what the bundle holds."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .common import party_lines, role_label
from .context import Dossier, Layout
from .fonts import SANS
from .sheets import Anchor
from .styles import ACCENT, FRAME_WIDTH, RULE, styles
from .words import instant, markup


def cover_story(d: Dossier, layout: Layout, volume_note: str = "") -> list[Flowable]:
    w, s, case = d.words, styles(), d.case
    flow: list[Flowable] = [Anchor("part:cover", w.gettext("Couverture"))]

    court = case.court or w.gettext("Juridiction à préciser")
    flow.append(Paragraph(markup(court.upper()), s["cover-court"]))
    if case.hearing is not None:
        hearing = instant(w, case.hearing) if isinstance(case.hearing, datetime) else w.long_day(case.hearing)
        flow.append(Paragraph(w.gettext("Audience du ") + hearing, s["cover-line"]))
    if case.docket:
        flow.append(Paragraph(w.gettext("RG n°\u00a0") + markup(case.docket), s["cover-line"]))
    flow.append(Spacer(1, 16 * mm))

    flow.append(Paragraph(w.gettext("DOSSIER DE PIÈCES"), s["cover-kicker"]))
    flow.append(Spacer(1, 2 * mm))
    flow.append(Paragraph(markup(case.title), s["cover-title"]))
    if case.procedure:
        flow.append(Spacer(1, 2 * mm))
        flow.append(Paragraph(markup(case.procedure), s["cover-line"]))
    if volume_note:
        flow.append(Spacer(1, 2 * mm))
        flow.append(Paragraph(volume_note, s["cover-line"]))
    flow.append(Spacer(1, 14 * mm))

    claimant = d.we_are_claimant
    flow.append(_party_block(d, w.gettext("POUR"), case.us, claimant))
    flow.append(Spacer(1, 7 * mm))
    flow.append(_party_block(d, w.gettext("CONTRE"), case.them, not claimant))
    flow.append(Spacer(1, 14 * mm))

    facts = []
    if case.counsel:
        counsel = case.counsel
        who = ", ".join(markup(x) for x in (counsel.name, counsel.firm, counsel.bar) if x)
        reach = " — ".join(markup(x) for x in (counsel.email, counsel.phone) if x)
        facts.append((w.gettext("Conseil"), who + (f"<br/>{reach}" if reach else "")))
    facts.append((w.gettext("Arrêté au"), w.long_day(d.as_of)))
    included = len(d.entries)
    facts.append((w.gettext("Contenu"), " · ".join((
        w.ngettext("{count}\u00a0événement", "{count}\u00a0événements", len(d.events)).format(count=len(d.events)),
        w.ngettext("{count}\u00a0pièce", "{count}\u00a0pièces", included).format(count=included),
        w.ngettext("{count}\u00a0page", "{count}\u00a0pages", layout.total).format(count=layout.total)))))
    explained = w.gettext("SHA-256 des lignes du bordereau : deux exemplaires de même empreinte ont les mêmes pièces")
    facts.append((w.gettext("Empreinte"),
                  f'<font name="DejaVuSansMono">{d.fingerprint}</font>'
                  f'<br/><font size="7.5" color="#505050">{explained}</font>'))
    rows = [[Paragraph(label, s["cover-label"]), Paragraph(value, s["cover-small"])] for label, value in facts]
    table = Table(rows, colWidths=[32 * mm, FRAME_WIDTH - 32 * mm], hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    flow.append(KeepTogether([table]))
    flow.append(PageBreak())
    return flow


def _party_block(d: Dossier, label: str, party, claimant: bool) -> Table:  # type: ignore[no-untyped-def]
    w, s = d.words, styles()
    body: list[Flowable] = [Paragraph(markup(party.name), s["cover-party"])]
    body += [Paragraph(line, s["cover-detail"]) for line in party_lines(w, party)]
    body.append(Spacer(1, 1.5 * mm))
    body.append(Paragraph(role_label(w, party, claimant), s["cover-role"]))
    table = Table([[Paragraph(label, s["cover-label"]), body]],
                  colWidths=[32 * mm, FRAME_WIDTH - 32 * mm], hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBEFORE", (1, 0), (1, 0), 1.2, ACCENT),
        ("LEFTPADDING", (1, 0), (1, 0), 8),
    ]))
    return table

