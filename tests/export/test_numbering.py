"""Pièce numbers (spec "Numbering"): by date then title, kept once given, renumbered on purpose."""

from __future__ import annotations

from datetime import date

from dossier_app.domain.model import Exhibit
from dossier_app.domain.numbering import assign_numbers, number_gaps


def x(title: str, day: date | None, number: int | None = None, include: bool = True) -> Exhibit:
    return Exhibit(sha256=title * 8, title=title, original_name=f"{title}.pdf", date=day, number=number,
                   include=include)


def test_first_numbers_follow_dates_then_titles() -> None:
    given = assign_numbers([x("b", date(2025, 3, 1)), x("a", date(2025, 3, 1)), x("z", date(2024, 1, 1)),
                            x("undated", None)])
    assert [(e.title, e.number) for e in given] == [("b", 3), ("a", 2), ("z", 1), ("undated", 4)]


def test_numbers_are_kept_and_a_late_older_exhibit_takes_the_next_free_one() -> None:
    given = assign_numbers([x("a", date(2025, 3, 1), 1), x("b", date(2025, 4, 1), 2),
                            x("older", date(2020, 1, 1)), x("gone", date(2025, 5, 1), 3, include=False)])
    assert [(e.title, e.number) for e in given] == [("a", 1), ("b", 2), ("older", 4), ("gone", 3)]
    assert number_gaps(given) == (3,)


def test_renumber_starts_afresh_and_drops_excluded_numbers() -> None:
    given = assign_numbers([x("a", date(2025, 3, 1), 7), x("b", date(2020, 4, 1), 2),
                            x("gone", date(2019, 5, 1), 3, include=False)], renumber=True)
    assert [(e.title, e.number) for e in given] == [("a", 2), ("b", 1), ("gone", None)]
