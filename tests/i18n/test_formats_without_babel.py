"""The formats ``i18n`` writes out without Babel (the window's first paint waits for no locale data)
are Babel's own, value by value, in both languages."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from dossier_app.i18n import LANGUAGES, translator

LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def amounts() -> list[int]:
    picked = [0, 1, 5, 9, 10, 99, 100, 101, 999, 1000, 99_999, 100_000, 123_450, 100_000_000_000 - 1]
    picked += [10**n + d for n in range(1, 12) for d in (-1, 0, 1)]
    picked += random.Random(12).sample(range(1, 10**12), 300)
    return sorted({sign * cents for cents in picked for sign in (1, -1)})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_money_is_babels(lang: str) -> None:
    tr = translator(lang)
    for cents in amounts():
        value = Decimal(cents).scaleb(-2)
        assert tr.money(cents) == format_currency(value, "EUR", locale=LOCALES[lang]), cents
        assert tr.money(cents, symbol=False) == format_decimal(value, format="#,##0.00", locale=LOCALES[lang]), cents


@pytest.mark.parametrize("lang", LANGUAGES)
def test_months_are_babels(lang: str) -> None:
    tr = translator(lang)
    for year in (1, 999, 2016, 2024, 9999):
        for month in range(1, 13):
            first = date(year, month, 1)
            assert tr.month(year, month) == format_date(first, "MMM y", locale=LOCALES[lang])
            assert tr.month(year, month, short=False) == format_date(first, "MMMM y", locale=LOCALES[lang])
    with pytest.raises(ValueError):
        tr.month(2024, 13)


def test_french_short_day_is_babels() -> None:
    tr = translator("fr")
    days = [date(1, 1, 1), date(999, 12, 31), date(2016, 10, 4), date(2024, 2, 29), date(9999, 12, 31)]
    days += [date.fromordinal(n) for n in random.Random(12).sample(range(1, date(9999, 12, 31).toordinal()), 500)]
    for day in days:
        assert tr.short_day(day) == format_date(day, "dd/MM/y", locale="fr_FR"), day
    assert translator("en").short_day(date(2016, 10, 4)) == "2016-10-04"
