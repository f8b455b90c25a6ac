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

from ..domain.model import Case, Counsel
from ..i18n import Translator
from .common import full_width, grid, part_heading, role_label
from .communication import bordereau_number, signing_city
from .contents import part_titles
from .context import Dossier, ExhibitEntry, Layout
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
    title = numbered_title(w, *bordereau_number(d), d.entries)
    if title:
        flow += [Paragraph(f"<b>{markup(title)}</b>", s["heading"]), Spacer(1, 2 * mm)]

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

    flow.append(Spacer(1, 5 * mm))
    flow.append(KeepTogether(closing_story(d)))
    flow.append(PageBreak())
    return flow


def numbered_title(w: Translator, number: int, first: int | None, entries: tuple[ExhibitEntry, ...]) -> str:
    """« Bordereau n° 2 — pièces complémentaires n° 13 à 17 »; nothing for a first bordereau."""
    if number <= 1 and first is None:
        return ""
    if first is None or not entries:
        return w.gettext("Bordereau n°\u00a0{number}").format(number=number)
    low, high = entries[0].number, entries[-1].number
    if low == high:
        return w.gettext("Bordereau n°\u00a0{number} — pièce complémentaire n°\u00a0{first}").format(
            number=number, first=low)
    return w.gettext("Bordereau n°\u00a0{number} — pièces complémentaires n°\u00a0{first} à {last}").format(
        number=number, first=low, last=high)


def counsel_words(counsel: Counsel) -> str:
    """« Me Claire Durand, Cabinet Durand, barreau de Rennes »: what the case gives, in that order."""
    return ", ".join(part.strip() for part in (counsel.name, counsel.firm, counsel.bar) if part and part.strip())


def recipient(case: Case) -> str:
    """To whom the pièces are communicated: the other side's counsel when known, else the other side."""
    if case.opposing_counsel is not None and counsel_words(case.opposing_counsel):
        return counsel_words(case.opposing_counsel)
    return case.them.name


def closing_lines(d: Dossier) -> list[str]:
    """The lines under the list, as plain text: the total, to whom and when, where and when signed."""
    w, case, day = d.words, d.case, d.words.long_day(d.communication_day)
    count = len(d.entries)
    lines = [w.ngettext("Total : {count} pièce", "Total : {count} pièces", count).format(count=count)]
    if count:
        lines.append(w.ngettext("Pièce communiquée le {day} à {recipient}", "Pièces communiquées le {day} à {recipient}",
                                count).format(day=day, recipient=recipient(case)))
    city = signing_city(case)
    if city:
        lines.append(w.gettext("Fait à {city}, le {day}").format(city=city, day=day))
    else:
        lines.append(w.gettext("Fait le {day}").format(day=day))
    return lines


def closing_story(d: Dossier) -> list[Flowable]:
    """The total, the communication, the place and day, then the box for counsel's signature and cachet."""
    w, s, counsel = d.words, styles(), d.case.counsel
    lines = closing_lines(d)
    flow: list[Flowable] = [Paragraph(f"<b>{markup(lines[0])}</b>", s["signature"])]
    flow += [Paragraph(markup(line), s["signature"]) for line in lines[1:]]
    flow.append(Spacer(1, 4 * mm))
    head = [Paragraph("<b>" + w.gettext("Signature et cachet du conseil") + "</b>", s["note"])]
    if counsel is not None and counsel_words(counsel):
        head.append(Paragraph(markup(counsel.name), s["cell"]))
        details = ", ".join(p.strip() for p in (counsel.firm, counsel.bar) if p and p.strip())
        if details:
            head.append(Paragraph(markup(details), s["cell"]))
    # Room for a lawyer's cachet (about 35 × 25 mm) and a signature beside it.
    box = Table([[head], [""]], colWidths=[90 * mm], rowHeights=[None, 32 * mm], hAlign="RIGHT")
    box.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 9), ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                             ("LEFTPADDING", (0, 0), (-1, -1), 5), ("TOPPADDING", (0, 0), (-1, 0), 4)]))
    flow.append(box)
    return flow
