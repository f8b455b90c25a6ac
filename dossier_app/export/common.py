"""Small building blocks the generated parts share."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, Table, TableStyle

from ..domain.model import Party
from ..domain.siren import normalize_siren
from ..i18n import NBSP, Translator
from .fonts import BOLD, SANS
from .sheets import Anchor
from .styles import ACCENT, FRAME_WIDTH, LIGHT_SHADE, RULE, SHADE, styles
from .words import exhibit, markup

FEMININE_FORMS = ("sarl", "sas", "sasu", "sa", "eurl", "sci", "snc", "selarl", "selas", "scop",
                  "sca", "scs", "société", "societe", "association", "entreprise")


def part_heading(key: str, title: str, subtitle: str = "") -> list[Flowable]:
    flow: list[Flowable] = [Anchor(f"part:{key}", title), Paragraph(markup(title), styles()["part"]),
                            HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=1,
                                       spaceAfter=4)]
    if subtitle:
        flow.append(Paragraph(subtitle, styles()["part-sub"]))
    else:
        flow.append(Spacer(1, 6))
    return flow


def first_page(pages: str | None) -> int | None:
    """The first page a citation such as "2-3" or "1, 4-5" names (None: none, or not a number)."""
    head = (pages or "").split(",")[0].split("-")[0].strip()
    return int(head) if head.isdigit() and int(head) > 0 else None


def exhibit_target(number: int, pages: str | None = None) -> str:
    """Where a citation links: "exhibit:7", or "exhibit:7:3" for a citation of pages 3-4."""
    page = first_page(pages)
    return f"exhibit:{number}" if page is None else f"exhibit:{number}:{page}"


def exhibit_link(words: Translator, number: int, pages: str | None = None) -> str:
    text = exhibit(words, number)
    if pages:
        text += f", p.\u00a0{markup(pages)}"
    return f'<a href="#{exhibit_target(number, pages)}">{text}</a>'


def _and(words: Translator, items: list[str]) -> str:
    """"a", "a et b", "a, b et c"."""
    if len(items) == 1:
        return items[0]
    return words.gettext("{items} et {last}").format(items=", ".join(items[:-1]), last=items[-1])


def citations_markup(words: Translator, cited: list[tuple[int, str | None]]) -> str:
    """The pièces that prove something, as a judgment cites them, each number a link:
    "Pièce n° 7", "Pièces n° 7 et 8", "Pièce n° 7, p. 1-2, et pièce n° 8"."""
    numbers = list(dict.fromkeys(n for n, _ in cited))
    if not any(p for _, p in cited):
        label = words.ngettext("Pièce n°{NBSP}{numbers}", "Pièces n°{NBSP}{numbers}", len(numbers))
        before, _, after = label.format(NBSP=NBSP, numbers="\x00").partition("\x00")
        links = [f'<a href="#exhibit:{n}">{markup(before) if i == 0 else ""}{n}</a>' for i, n in enumerate(numbers)]
        return _and(words, links) + markup(after)
    items = []
    for n, pages in cited:
        if pages:
            items.append(words.gettext("pièce n°{NBSP}{number}, p.{NBSP}{pages}").format(
                NBSP=NBSP, number=n, pages=markup(pages)))
        else:
            items.append(words.gettext("pièce n°{NBSP}{number}").format(NBSP=NBSP, number=n))
    items[0] = items[0][:1].upper() + items[0][1:]
    links = [f'<a href="#{exhibit_target(n, p)}">{item}</a>' for (n, p), item in zip(cited, items, strict=True)]
    if len(links) == 1:
        return links[0]
    # A page citation is an incise: the comma that opens it closes it before "et".
    join = words.gettext("{items}, et {last}") if cited[-2][1] else words.gettext("{items} et {last}")
    return join.format(items=", ".join(links[:-1]), last=links[-1])


def party_lines(words: Translator, party: Party) -> list[str]:
    """Name, then legal form and SIREN, then address: each already escaped."""
    lines = []
    details = []
    if party.legal_form:
        details.append(markup(party.legal_form))
    if party.siren:
        siren = normalize_siren(party.siren) if party.siren else ""
        grouped = " ".join(siren[i:i + 3] for i in range(0, len(siren), 3)) if siren.isdigit() else siren
        details.append(f"SIREN\u00a0{markup(grouped)}")
    if details:
        lines.append(" — ".join(details))
    if party.address:
        lines.append(markup(party.address))
    if party.representative:
        lines.append(words.gettext("représentée par ") + markup(party.representative))
    return lines


def role_label(words: Translator, party: Party, claimant: bool) -> str:
    form = (party.legal_form or party.name).strip().lower()
    feminine = form.startswith(FEMININE_FORMS) or party.name.lower().startswith(FEMININE_FORMS)
    # French agrees the role with the party (une société défenderesse); English has one word each.
    if claimant:
        return words.gettext("Demanderesse") if feminine else words.gettext("Demandeur")
    return words.gettext("Défenderesse") if feminine else words.gettext("Défendeur")


def grid(rows: list[list[object]], widths: list[float], *, header_rows: int = 1,
         align_right: tuple[int, ...] = (), zebra: bool = False, extra: list[tuple[object, ...]] | None = None) -> Table:
    """A table in the house style: a shaded header, thin rules, repeated header on each page."""
    # A row may run over a page (a very long title or description): it is split, not refused.
    table = Table(rows, colWidths=widths, repeatRows=header_rows, hAlign="LEFT", splitInRow=1)
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    if header_rows:
        commands += [
            ("FONT", (0, 0), (-1, header_rows - 1), BOLD, 8),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ]
    for column in align_right:
        commands.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
    if zebra:
        for row in range(header_rows, len(rows)):
            if (row - header_rows) % 2:
                commands.append(("BACKGROUND", (0, row), (-1, row), LIGHT_SHADE))
    commands += extra or []
    table.setStyle(TableStyle(commands))
    return table


def full_width(*fractions: float) -> list[float]:
    total = sum(fractions)
    return [FRAME_WIDTH * f / total for f in fractions]


GAP = 4 * mm
