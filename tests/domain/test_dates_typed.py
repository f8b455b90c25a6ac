"""Dates as people type them (forms, ``--as-of``, ``exhibit set --date``): the French rules first,
then dateutil for what they do not cover, never a guess at a missing part or an American order."""

from __future__ import annotations

from datetime import date

import pytest

from dossier_app.domain.dates import month_from_name, parse_user_day


@pytest.mark.parametrize(("typed", "day"), [
    # Read the same before and after dateutil came in.
    ("4 oct. 2016", date(2016, 10, 4)),
    ("04/10/16", date(2016, 10, 4)),
    ("2016-10-04", date(2016, 10, 4)),
    ("1er mars 2024", date(2024, 3, 1)),
    ("4 octobre 2016", date(2016, 10, 4)),
    ("04.10.2016", date(2016, 10, 4)),
    ("29/02/2024", date(2024, 2, 29)),
    ("4 fevrier 2016", date(2016, 2, 4)),
    # Refused before (« … » n'est pas une date), read now.
    ("le 4 octobre 2016", date(2016, 10, 4)),
    ("lundi 4 octobre 2016", date(2016, 10, 4)),
    ("jeudi 1er août 2024", date(2024, 8, 1)),
    ("October 4, 2016", date(2016, 10, 4)),
    ("Oct 4th, 2016", date(2016, 10, 4)),
    ("4-oct-2016", date(2016, 10, 4)),
    ("2016/10/04", date(2016, 10, 4)),
    ("20161004", date(2016, 10, 4)),
])
def test_typed_days(typed: str, day: date) -> None:
    assert parse_user_day(typed) == day


@pytest.mark.parametrize("typed", [
    "10/13/2016",       # no thirteenth month: never read as 13 October
    "2016-13-04",       # nor as 13 April
    "31/02/2024", "29/02/2023", "30 février 2024",
    "octobre 2016", "4 octobre", "04/10", "2016",  # a part missing is never filled in from today
    "hier", "4 foo 2016", "",
])
def test_what_is_not_a_day(typed: str) -> None:
    with pytest.raises(ValueError, match="n'est pas une date"):
        parse_user_day(typed)


def test_month_names_of_both_languages() -> None:
    assert [month_from_name(n) for n in ("janv", "Févr.", "aout", "août", "sept", "dec", "May", "mar")] == [
        1, 2, 8, 8, 9, 12, 5, 3]
