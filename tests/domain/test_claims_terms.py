"""Due dates from payment terms and the legal cap, worked by hand on a calendar."""

from __future__ import annotations

from datetime import date

import pytest

from dossier_app.domain.claims_terms import due_from_terms, legal_cap
from dossier_app.domain.model import PaymentTerms


@pytest.mark.parametrize(("invoice", "terms", "due"), [
    (date(2024, 1, 31), None, date(2024, 3, 1)),                        # 30 days by default
    (date(2024, 5, 7), "on_receipt", date(2024, 5, 7)),
    (date(2024, 1, 31), "30_days", date(2024, 3, 1)),
    # N days end of month: 45 days, then to that month's end.
    (date(2024, 1, 15), "45_days_end_of_month", date(2024, 2, 29)),     # 29 Feb, leap year
    (date(2023, 1, 15), "45_days_end_of_month", date(2023, 3, 31)),     # 1 March 2023, then its end
    (date(2025, 3, 10), "30_days_end_of_month", date(2025, 4, 30)),     # the demo's F-2025-031
    (date(2025, 6, 16), "30_days_end_of_month", date(2025, 7, 31)),     # the demo's F-2025-082
    # End of month, then N days.
    (date(2024, 1, 15), "end_of_month_45_days", date(2024, 3, 16)),     # 31 Jan + 45
    (date(2024, 2, 10), "end_of_month_30_days", date(2024, 3, 30)),     # 29 Feb + 30
    (date(2023, 2, 10), "end_of_month_30_days", date(2023, 3, 30)),     # 28 Feb + 30
    (date(2024, 2, 29), "end_of_month_0_days", date(2024, 2, 29)),
    (date(2024, 12, 31), "end_of_month_10_days", date(2025, 1, 10)),    # across the year
])
def test_due_dates(invoice: date, terms: str | None, due: date) -> None:
    assert due_from_terms(invoice, PaymentTerms.parse(terms) if terms else None) == due


@pytest.mark.parametrize(("invoice", "cap"), [
    (date(2024, 1, 15), date(2024, 3, 16)),  # 60 days: 15 Mar; 45 days EOM: 29 Feb; EOM + 45: 16 Mar
    (date(2024, 1, 1), date(2024, 3, 16)),   # 60 days: 1 Mar; 45 days EOM: 29 Feb; EOM + 45: 16 Mar
    (date(2024, 2, 29), date(2024, 4, 30)),  # 60 days: 29 Apr; 45 days EOM: 30 Apr; EOM + 45: 14 Apr
    (date(2023, 11, 20), date(2024, 1, 31)), # 45 days: 4 Jan, then its end
])
def test_legal_cap(invoice: date, cap: date) -> None:
    assert legal_cap(invoice) == cap
