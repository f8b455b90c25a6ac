"""The generated parts' tables: nothing a reader takes as one unit is cut across lines."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from decimal import Decimal
from types import SimpleNamespace

from reportlab.platypus import Paragraph

from dossier_app.domain.claims import InvoiceClaim
from dossier_app.domain.model import Outage
from dossier_app.export.chronology import _outage_table
from dossier_app.export.decompte import _invoice_table
from dossier_app.export.styles import FRAME_WIDTH
from dossier_app.i18n import translator

W = translator("fr")


def lines_of(cell: object, width: float) -> list[str]:
    assert isinstance(cell, Paragraph)
    cell.wrap(width, 10_000)
    return [" ".join(w if isinstance(w, str) else w.text for w in line[1]) if isinstance(line, tuple)
            else " ".join(f.text for f in line.words) for line in cell.blPara.lines]


def test_outage_table_keeps_service_words_and_durations_whole() -> None:
    long = Outage(id="o1", date=date(2024, 10, 2), title="Coupure", start=datetime(2024, 10, 2, 6, 45),
                  end=None, services=("messagerie claire@atelier-lemoine.fr", "site"))
    table = _outage_table(W, [long], date(2025, 11, 22))
    widths = table._colWidths
    assert abs(sum(widths) - FRAME_WIDTH) < 0.01
    names = []
    for row in table._cellvalues[1:]:
        service, periods, total = row
        names += " ".join(lines_of(service, widths[0] - 6)).split()
        assert len(lines_of(total, widths[2] - 6)) == 1
        for line in lines_of(periods, widths[1] - 6):
            assert "j" not in line or "416\u00a0j\u00a017\u00a0h\u00a015\u00a0min" in line, line
    assert "claire@atelier-lemoine.fr" in names, names


def test_amounts_of_millions_never_wrap_and_rates_have_two_decimals() -> None:
    big = InvoiceClaim("e1", "F-2025-999", date(2025, 1, 1), date(2025, 2, 1), 1_234_567_890, 0, 0,
                       1_234_567_890, 0, 98_765_432, 4_000, False, (), (), None)
    dossier = SimpleNamespace(words=W, citations=lambda _: [])
    table = _invoice_table(dossier, (big, big, big))
    widths = table._colWidths
    assert sum(widths) <= FRAME_WIDTH + 0.01
    for row in table._cellvalues[1:]:
        for column, cell in enumerate(row[2:], start=2):
            if isinstance(cell, Paragraph):
                assert len(lines_of(cell, widths[column] - 6)) == 1, (column, cell.getPlainText())
    assert [W.percent(Decimal(x)) for x in ("12.0", "14.25", "10")] == ["12,00\u00a0%", "14,25\u00a0%", "10,00\u00a0%"]
    assert W.days(0) == "0\u00a0j" and translator("en").days(3) == "3\u00a0d"


def test_frise_spreads_crowded_key_numbers_and_names_every_mark() -> None:
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    from dossier_app.domain.model import Note
    from dossier_app.export.frise import CALLOUT_GAP, Frise

    events = tuple(Note(id=f"n{i}", date=date(2025, 10, 1 + i), title=f"Note {i}", key_fact=True) for i in range(5))
    events += (Note(id="first", date=date(2025, 1, 2), title="Début"),)
    events = tuple(sorted(events, key=lambda e: e.date))
    frise = Frise(W, events, {e.id: n for n, e in enumerate((e for e in events if e.key_fact), 1)}, date(2025, 11, 30))
    frise.wrap(FRAME_WIDTH, 1000)
    canvas = Canvas(BytesIO())
    frise.drawOn(canvas, 0, 0)
    assert "note" in [label for line in frise._legend_lines(FRAME_WIDTH) for _, label, _ in line]
    xs = sorted(x for x, _ in frise._callout_places(100).values())
    assert len(xs) == 5
    assert all(b - a >= CALLOUT_GAP - 0.01 for a, b in itertools.pairwise(xs))
    anchors = sorted(x for x, _ in frise.key_anchor.values())
    middle = sum(anchors) / len(anchors)
    assert abs(sum(xs) / len(xs) - middle) < 1  # spread around the group, not pushed off to one side
