"""Messages in words, with the right numbers: no raw codes, no "2024S2", value and legend agree."""

from __future__ import annotations

from dossier_app.domain.claims import compute_claims
from dossier_app.domain.claims_report import rate_source_text
from dossier_app.domain.rates import HalfYear, half_year_rates
from dossier_app.domain.rates_report import rates_text
from dossier_app.export.decompte import rate_sources
from dossier_app.i18n import translator
from tests.domain.test_checks import clean_case, run
from tests.support.claims_builders import case, d, invoice, shipped_rates


def test_payment_terms_in_words():
    (finding,) = [f for f in run(clean_case(terms="90_days_end_of_month"), as_of="2025-06-30")
                  if f.code == "terms_beyond_cap" and f.event_id is None]
    assert "90 jours fin de mois" in finding.message and "_" not in finding.message


def test_floor_message_names_the_floor_and_the_rate_applied():
    # Contract 12 %: 2024S2 minimum 3 × 4.92 = 14.76 > 12 → the statutory 14.25 applies.
    file = clean_case(invoice("f2", "2024-11-15", "3000.00"), rate="12")
    (finding,) = [f for f in run(file, as_of="2025-01-31") if f.code == "rate_below_floor"]
    assert "2e semestre 2024 : minimum 3 × 4,92\u00a0% = 14,76\u00a0%, taux appliqué 14,25\u00a0%" in finding.message
    assert "appliqué pour" not in finding.message


def test_decompte_and_report_say_half_years_in_words():
    rates = shipped_rates()
    result = compute_claims(case(invoice("f1", "2024-11-15", "3000.00"), rate="12"), d("2025-01-31"), rates)
    text = " ".join(rate_sources(translator("fr"), result))
    assert "2e semestre 2024" in text and "2024S2" not in text
    late = compute_claims(case(invoice("f1", "2026-05-15", "3000.00")), d("2026-09-30"), rates)
    lines = rate_sources(translator("fr"), late)
    assert any("2e semestre 2026" in line for line in lines) and not any("2026S2" in line for line in lines)
    assert "dernière valeur connue" not in " ".join(lines)
    source = late.invoices[0].periods[-1].source
    assert "dernière valeur connue" not in rate_source_text(source, "fr")


def test_rates_table_before_the_first_legal_rate_shows_no_value():
    table = shipped_rates()
    text = rates_text(table, half_year_rates(table, HalfYear(2014, 2), HalfYear(2015, 1)), "fr")
    row_2014 = next(line for line in text.splitlines() if line.startswith("2e semestre 2014"))
    assert "4,06" not in row_2014 and "?" not in row_2014 and "—" in row_2014
    assert "— aucune valeur" in text
