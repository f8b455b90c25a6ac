"""A letter as an editable OpenDocument text (odfdo), the same words as its PDF in the same order.

Named paragraph styles (« Lettre — objet », « Lettre — note »…) so that the owner who edits the
letter in LibreOffice or Word changes them all at once; the invoices and amounts in a real table.
The bytes depend on the letter alone: the archive is written again with fixed times.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from odfdo import Cell, Column, Document, Header, List, ListItem, Paragraph, Row, Style, Table

from ..domain.letters import Block, LetterDoc
from . import tables

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_INK = "#000000"
_ACCENT = "#1f3550"
_MUTED = "#505050"
_FONT = "DejaVu Sans"


def letter_odt(doc: LetterDoc, target: Path) -> None:
    """Write ``doc`` to ``target`` (a new file; the caller renames it into place)."""
    document = Document("text")
    _add_styles(document)
    body = document.body
    body.clear()
    for index, line in enumerate(doc.sender):
        body.append(Paragraph(line, style="Lettre_expediteur_nom" if index == 0 else "Lettre_expediteur"))
    for index, line in enumerate(doc.recipient):
        body.append(Paragraph(line, style="Lettre_destinataire" if index else "Lettre_destinataire_premier"))
    if doc.place_date:
        body.append(Paragraph(doc.place_date, style="Lettre_lieu_date"))
    if doc.sending:
        body.append(Paragraph(doc.sending, style="Lettre_envoi"))
    if doc.subject:
        body.append(Paragraph(doc.subject, style="Lettre_objet"))
    tables = 0
    for block in doc.blocks:
        if block.kind == "table" and block.rows:
            tables += 1
        for element in _block(block, tables):
            body.append(element)
    for index, line in enumerate(doc.signature):
        body.append(Paragraph(line, style="Lettre_signature_premier" if index == 0 else "Lettre_signature"))
    if doc.draft_note:
        body.append(Paragraph(doc.draft_note, style="Lettre_projet"))
    _set_meta(document, doc)
    buffer = BytesIO()
    document.save(buffer)
    Path(target).write_bytes(_fixed_times(buffer.getvalue()))


def _paragraph_style(name: str, display: str, *, bold: bool = False, size: str = "10pt", color: str = _INK,
                     margin_left: str = "0cm", before: str = "0cm", after: str = "0.12cm",
                     align: str = "start", keep_next: bool = False) -> Style:
    style = Style("paragraph", name=name, display_name=display)
    paragraph = {"fo:margin-left": margin_left, "fo:margin-top": before, "fo:margin-bottom": after,
                 "fo:text-align": align}
    if keep_next:
        paragraph["fo:keep-with-next"] = "always"
    style.set_properties(paragraph, area="paragraph")
    text = {"style:font-name": _FONT, "fo:font-size": size, "fo:color": color}
    if bold:
        text["fo:font-weight"] = "bold"
    style.set_properties(text, area="text")
    return style


def _add_styles(document: Document) -> None:
    document.insert_style(Style("font-face", name=_FONT, font_name=_FONT, font_family=_FONT,
                                font_family_generic="swiss"))
    right_column = "9.8cm"  # where the window envelope shows the address (as in the PDF)
    for style in (
        _paragraph_style("Lettre_expediteur_nom", "Lettre — expéditeur (nom)", bold=True, size="11pt",
                         color=_ACCENT, after="0cm"),
        _paragraph_style("Lettre_expediteur", "Lettre — expéditeur", size="9pt", after="0cm"),
        _paragraph_style("Lettre_destinataire_premier", "Lettre — destinataire (nom)", bold=True,
                         margin_left=right_column, before="1.2cm", after="0cm"),
        _paragraph_style("Lettre_destinataire", "Lettre — destinataire", margin_left=right_column, after="0cm"),
        _paragraph_style("Lettre_lieu_date", "Lettre — lieu et date", margin_left=right_column, before="1cm",
                         after="0.5cm"),
        _paragraph_style("Lettre_envoi", "Lettre — mode d'envoi", bold=True, size="9pt"),
        _paragraph_style("Lettre_objet", "Lettre — objet", bold=True, size="10.5pt", before="0.1cm",
                         after="0.5cm"),
        _paragraph_style("Lettre_titre", "Lettre — intertitre", bold=True, color=_ACCENT, before="0.2cm",
                         keep_next=True),
        _paragraph_style("Lettre_texte", "Lettre — texte", after="0.25cm"),
        _paragraph_style("Lettre_liste", "Lettre — élément de liste", after="0.05cm"),
        _paragraph_style("Lettre_note", "Lettre — note", size="8pt", color=_MUTED, after="0.25cm"),
        _paragraph_style("Lettre_cellule", "Lettre — cellule", size="9pt", after="0cm"),
        _paragraph_style("Lettre_cellule_montant", "Lettre — cellule (montant)", size="9pt", after="0cm",
                         align="end"),
        _paragraph_style("Lettre_cellule_gras", "Lettre — cellule (en-tête)", size="9pt", after="0cm",
                         bold=True),
        _paragraph_style("Lettre_cellule_gras_montant", "Lettre — cellule (en-tête, montant)", size="9pt",
                         after="0cm", bold=True, align="end"),
        _paragraph_style("Lettre_signature_premier", "Lettre — signature (première ligne)",
                         margin_left=right_column, before="0.8cm", after="0cm"),
        _paragraph_style("Lettre_signature", "Lettre — signature", margin_left=right_column, after="0cm"),
        _paragraph_style("Lettre_projet", "Lettre — avertissement (projet)", size="7.5pt", color=_MUTED,
                         before="1cm"),
    ):
        document.insert_style(style)
    head = Style("table-cell", name="Lettre_entete", background_color="#e8e8e8", padding="0.08cm",
                 border_top=f"0.8pt solid {_ACCENT}", border_bottom=f"0.8pt solid {_ACCENT}")
    cell = Style("table-cell", name="Lettre_case", padding="0.08cm", border_bottom="0.25pt solid #7a7a7a")
    total = Style("table-cell", name="Lettre_total", padding="0.08cm", border_top=f"0.8pt solid {_ACCENT}")
    for style in (head, cell, total):
        document.insert_style(style, automatic=True)
    document.insert_style(Style("table", name="Lettre_tableau", width="17cm", align="left"), automatic=True)


def _block(block: Block, tables: int) -> list[Paragraph | Header | List | Table]:
    if block.kind == "heading":
        return [Header(2, block.text, style="Lettre_titre")]
    if block.kind == "note":
        return [Paragraph(block.text, style="Lettre_note")]
    out: list[Paragraph | Header | List | Table] = []
    if block.text:
        out.append(Paragraph(block.text, style="Lettre_texte"))
    if block.kind == "items" and block.items:
        listing = List()
        for item in block.items:
            listing.append(ListItem(Paragraph(item, style="Lettre_liste")))
        out.append(listing)
    elif block.kind == "table" and block.rows:
        out.append(_table(block.rows, tables))
    return out


def _table(rows: tuple[tuple[str, ...], ...], number: int) -> Table:
    grid = tables.grid(rows)
    numeric = tables.numeric_columns(grid)
    columns = len(numeric)
    table = Table(f"Tableau{number}", style="Lettre_tableau")
    for _ in range(columns):
        table.append(Column())
    for r, row in enumerate(grid):
        bold = r == 0 or tables.is_total(row)
        line = Row()
        for c, text in enumerate(row):
            frame = "Lettre_entete" if r == 0 else "Lettre_total" if bold else "Lettre_case"
            cell = Cell(style=frame)
            style = "Lettre_cellule" + ("_gras" if bold else "") + ("_montant" if numeric[c] else "")
            cell.append(Paragraph(text, style=style))
            line.append(cell)
        table.append(line)
    return table


def _set_meta(document: Document, doc: LetterDoc) -> None:
    """The letter's title; no creation time, nor anything else that changes from one run to the next."""
    meta = document.meta
    meta.set_title(doc.title or doc.subject)
    meta.set_generator("Dossier")
    for tag in ("meta:creation-date", "dc:date", "meta:editing-duration", "meta:editing-cycles",
                "meta:document-statistic"):
        for element in meta.get_elements(f"//{tag}"):
            element.delete()


def _fixed_times(data: bytes) -> bytes:
    """The same archive, every entry dated 1 January 1980: the file changes only when the letter does.
    ``mimetype`` first and stored, as OpenDocument requires."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        names = sorted(source.namelist(), key=lambda name: name != "mimetype")
        for name in names:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            copy.writestr(info, source.read(name))
    return out.getvalue()
