"""The rate tables: the shipped CSV files, lookups by day and half-year, user additions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dossier_app.domain.errors import ProblemsError
from dossier_app.domain.rates import (
    EcbRate,
    HalfYear,
    RateTable,
    half_year_rates,
    parse_ecb_csv,
    parse_legal_csv,
)
from tests.support.claims_builders import RATES_DIR, d, shipped_rates


def test_shipped_files_have_a_source_on_every_row():
    table = shipped_rates()
    assert len(table.ecb) == 26 and len(table.legal) == 23
    assert all(r.source for r in table.ecb) and all(r.source for r in table.legal)
    assert table.ecb[0].effective == d("2011-12-14") and table.ecb[0].rate == Decimal("1.00")
    assert table.legal[-1].half_year == HalfYear(2026, 1)


def test_ecb_rate_in_force_by_effective_date():
    table = shipped_rates()
    assert table.ecb_on(d("2024-06-11"))[0].rate == Decimal("4.50")
    assert table.ecb_on(d("2024-06-12"))[0].rate == Decimal("4.25")
    assert table.ecb_on(d("2011-12-13")) == (table.ecb[0], False)
    assert table.ecb_on(d("2026-04-30"))[1] is True
    assert table.ecb_on(d("2026-05-01"))[1] is False


def test_statutory_rate_reads_1_january_or_1_july_from_2013():
    table = shipped_rates()
    march = table.statutory(d("2023-03-30"))
    assert (march.rate, march.read_on, march.known) == (Decimal("12.50"), d("2023-01-01"), True)
    assert table.statutory(d("2023-12-31")).rate == Decimal("14.00")  # 4.00 on 1 July 2023
    assert table.statutory(d("2012-07-11")).rate == Decimal("10.75")  # the day's rate before 2013
    assert table.statutory(d("2012-07-11")).read_on == d("2012-07-11")


def test_legal_rate_per_half_year_and_unknown_ones():
    table = shipped_rates()
    known = table.legal_rate(HalfYear(2024, 1))
    assert (known.rate.particulier, known.rate.autres_cas, known.known) == (Decimal("8.01"), Decimal("5.07"), True)
    later = table.legal_rate(HalfYear(2026, 2))
    assert (later.rate.half_year, later.known) == (HalfYear(2026, 1), False)
    earlier = table.legal_rate(HalfYear(2014, 2))
    assert (earlier.rate.half_year, earlier.known) == (HalfYear(2015, 1), False)


def test_half_year_known():
    table = shipped_rates()
    assert table.half_year_known(HalfYear(2026, 1))
    assert not table.half_year_known(HalfYear(2026, 2))
    assert not table.half_year_known(HalfYear(2011, 2))  # nothing before 14 December 2011


def test_user_rate_extends_the_table():
    # A user row on 2026-07-01 (same or new value) makes the second half of 2026 known.
    table = shipped_rates().with_user_ecb((EcbRate(d("2026-07-01"), Decimal("2.00"), "BCE", user=True),))
    july = table.statutory(d("2026-09-30"))
    assert (july.rate, july.known, july.ecb.user) == (Decimal("12.00"), True, True)
    assert table.half_year_known(HalfYear(2026, 2))
    assert shipped_rates().statutory(d("2026-09-30")).known is False


def test_user_rate_on_a_known_day_replaces_it():
    table = shipped_rates().with_user_ecb((EcbRate(d("2025-06-11"), Decimal("2.20"), "correction", user=True),))
    assert table.ecb_on(d("2025-06-12"))[0].rate == Decimal("2.20")
    assert len(table.ecb) == len(shipped_rates().ecb)


def test_listing_half_years():
    rows = half_year_rates(shipped_rates(), HalfYear(2012, 2), HalfYear(2026, 2))
    first, last = rows[0], rows[-1]
    assert [(str(day), s.rate) for day, s in first.statutory] == [
        ("2012-07-01", Decimal("11.00")), ("2012-07-11", Decimal("10.75"))]
    assert not first.known  # no legal rate before 2015 in the shipped file
    assert rows[-2].known and not last.known
    assert len(rows) == 29


def test_ecb_changes_skip_confirmations():
    table = shipped_rates()
    assert table.ecb_changes(d("2025-06-01"), d("2026-12-31")) == (d("2025-06-11"),)


def test_bad_csv_rows_are_reported_together_with_their_line():
    text = "effective,rate,source\n2024-13-01,4.5,BdF\n2024-06-12,4,5,BdF\n2024-09-18,3.65,\n"
    with pytest.raises(ProblemsError) as caught:
        parse_ecb_csv(text)
    paths = [p.path for p in caught.value.problems]
    assert paths == ["ecb.csv:2", "ecb.csv:3", "ecb.csv:4"]


def test_wrong_columns():
    with pytest.raises(ProblemsError):
        parse_legal_csv("semestre,taux\n2015S1,0.93\n")


def test_shipped_files_parse_the_same_through_the_table():
    ecb = (RATES_DIR / "ecb.csv").read_text(encoding="utf-8")
    legal = (RATES_DIR / "legal.csv").read_text(encoding="utf-8")
    assert RateTable.from_csv(ecb, legal) == shipped_rates()


def test_half_year_parse_and_text():
    assert str(HalfYear.parse("2025S2")) == "2025S2"
    assert HalfYear.parse("2025S2").end == d("2025-12-31")
    with pytest.raises(ValueError):
        HalfYear.parse("2025-2")
