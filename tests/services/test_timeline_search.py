"""The timeline's search finds what a user types however the title spells it."""

from __future__ import annotations

from datetime import date

from dossier_app.domain.text_search import fold_needle
from dossier_app.services.timeline import EventFilter, TimelineRow, filter_rows


def _row(event_id: str, title: str, cents: int | None = None) -> TimelineRow:
    return TimelineRow(event_id, "payment", date(2025, 5, 27), None, title, None, cents, False, (), None, None,
                       None, 0)


ROWS = [_row("p1", "Virement de 3 000 €", 300000), _row("p2", "Règlement de 324,50 €", 32450),
        _row("n1", "Procès-verbal de constat"), _row("f1", "Facture F-2025-031", 120000)]


def _found(text: str) -> list[str]:
    keep = filter_rows(ROWS, EventFilter(text=text))
    return [row.id for row, kept in zip(ROWS, keep, strict=True) if kept]


def test_amounts_are_found_without_their_thousands_spaces() -> None:
    assert _found("3000") == ["p1"]
    assert _found("3 000") == ["p1"]
    assert _found("324,50") == ["p2"]
    assert _found("1200") == ["f1"]


def test_a_hyphen_is_a_space_and_accents_do_not_matter() -> None:
    assert _found("proces verbal") == ["n1"]
    assert _found("procès-verbal") == ["n1"]
    assert _found("F 2025 031") == ["f1"] == _found("f-2025-031")
    assert fold_needle(" Réglement ") == "reglement"
    assert _found("reglement") == ["p2"]
