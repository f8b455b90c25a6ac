"""Part 6: the bordereau de communication de pièces — the list counsel signs and sends."""

from __future__ import annotations

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

from .common import full_width, grid, part_heading, role_label
from .contents import part_titles
from .context import Dossier, Layout
from .fonts import SANS
from .styles import RULE, styles
from .words import exhibit, markup


def bordereau_story(d: Dossier, layout: Layout) -> list[Flowable]:
    w, s, case = d.words, styles(), d.case
    header = []
    if case.court:
        header.append(f"<b>{markup(case.court)}</b>")
    if case.docket:
        header.append(w.gettext("RG n°\u00a0") + markup(case.docket))
    flow: list[Flowable] = part_heading("bordereau", part_titles(w)["bordereau"], " — ".join(header))
    claimant = d.we_are_claimant
    parties = Table([
        [Paragraph("<b>" + w.gettext("POUR") + "</b>", s["cell"]),
         Paragraph(f"<b>{markup(case.us.name)}</b>, {role_label(w, case.us, claimant).lower()}", s["cell"])],
        [Paragraph("<b>" + w.gettext("CONTRE") + "</b>", s["cell"]),
         Paragraph(f"<b>{markup(case.them.name)}</b>, {role_label(w, case.them, not claimant).lower()}",
                   s["cell"])],
    ], colWidths=[22 * mm, None], hAlign="LEFT", splitInRow=1)
    parties.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 9),("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    flow += [parties, Spacer(1, 4 * mm)]

    rows: list[list[object]] = [[w.gettext("Pièce"), w.gettext("Date"),
                                 w.gettext("Pages"), w.gettext("Empreinte")]]
    for entry in d.entries:
        title = f'<a href="#exhibit:{entry.number}"><b>{exhibit(w, entry.number)}</b></a> — {markup(entry.exhibit.title)}'
        if entry.signed:
            title += ('<br/><font size="7"><i>' + w.gettext("Signée électroniquement : la signature ne survit pas au tampon de cette copie ; l\u2019original signé est conservé et sera produit à première demande.") + "</i></font>")
        rows.append([Paragraph(title, s["cell"]),
                     Paragraph(w.short_day(entry.exhibit.date) if entry.exhibit.date else "—", s["cell"]),
                     Paragraph(str(entry.pages), s["cell-right"]),
                     Paragraph(entry.short_hash, s["cell-mono"])])
    if not d.entries:
        rows.append([Paragraph("<i>" + w.gettext("Aucune pièce") + "</i>", s["cell"]), "", "", ""])
    flow.append(grid(rows, full_width(110, 20, 11, 24), align_right=(2,)))
    flow.append(Paragraph(w.gettext("Empreinte : les 12 premiers caractères hexadécimaux du SHA-256 du fichier original."), s["note"]))

    closing = [Spacer(1, 8 * mm),
               Paragraph(w.gettext("Fait le ") + w.long_day(d.communication_day), s["signature"]),
               Spacer(1, 3 * mm)]
    counsel = case.counsel
    signer = w.gettext("Signature du conseil")
    if counsel:
        signer += f" — {markup(counsel.name)}" + (f", {markup(counsel.firm)}" if counsel.firm else "")
    box = Table([[Paragraph(signer, s["note"])], [""]], colWidths=[80 * mm], rowHeights=[None, 30 * mm],
                hAlign="RIGHT")
    box.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 9),("BOX", (0, 0), (-1, -1), 0.6, RULE), ("LEFTPADDING", (0, 0), (-1, -1), 5)]))
    closing.append(box)
    flow.append(KeepTogether(closing))
    flow.append(PageBreak())
    return flow
