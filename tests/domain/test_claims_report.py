"""``claims --json`` and the terminal table, from one result."""

from __future__ import annotations

import json

from dossier_app import i18n
from dossier_app.domain.claims import compute_claims
from dossier_app.domain.claims_report import claims_document, claims_table, half_year_label
from dossier_app.domain.money import NARROW_NBSP, NBSP
from dossier_app.domain.rates import HalfYear
from tests.support.claims_builders import case, d, invoice, payment, shipped_rates


def result(**kwargs):
    # F1: 1 234,50 € due 2024-05-31, 234,50 € paid 2024-06-10; F2 disputed.
    case_file = case(invoice("f1", "2024-05-01", "1234.50", number="F1"), payment("p1", "2024-06-10", "234.50"),
                     invoice("f2", "2024-05-02", "300.00", number="F2", disputed=True), **kwargs)
    return compute_claims(case_file, d("2024-08-15"), shipped_rates())


def test_json_amounts_are_strings_with_two_decimals():
    doc = claims_document(result())
    json.dumps(doc)  # serialisable as is
    first = doc["invoices"][0]
    assert (first["number"], first["amount"], first["paid"], first["outstanding"]) == (
        "F1", "1234.50", "234.50", "1000.00")
    assert first["indemnity"] == "40.00"
    assert doc["totals"]["outstanding_undisputed"] == "1000.00"
    assert doc["totals"]["outstanding_disputed"] == "300.00"
    period = first["periods"][0]
    assert (period["from"], period["to"], period["principal"], period["rate"]) == (
        "2024-06-01", "2024-06-10", "1234.50", "14.5")
    assert period["rate_source"]["kind"] == "statutory"
    assert period["rate_source"]["ecb_read_on"] == "2024-01-01"
    for key, value in doc["totals"].items():
        assert isinstance(value, str) and value.count(".") == 1 and len(value.split(".")[1]) == 2, key


def test_table_and_json_agree():
    res = result()
    doc = claims_document(res)
    table = claims_table(res)
    grand = doc["totals"]["grand_total"]
    units, cents = grand.split(".")
    french = f"{int(units):,}".replace(",", NARROW_NBSP) + f",{cents}{NBSP}€"
    assert french in table
    for line in doc["invoices"]:
        assert line["number"] in table


def test_table_in_french_number_format():
    table = claims_table(result())
    assert f"1{NARROW_NBSP}234,50{NBSP}€" in table
    assert "Total réclamable" in table
    assert "Factures contestées" in table


def test_table_in_english():
    i18n.activate("en")
    table = claims_table(result())
    assert "€1,234.50" in table
    assert "Total claimable" in table


def test_client_wording():
    table = claims_table(result(role="client"))
    assert "ce que les factures disent que nous devons" in table
    assert "Offre de règlement du principal non contesté" in table
    assert "sous toutes réserves et sans reconnaissance" in table
    assert "total" not in table.lower().replace("totaux", "")


def test_notes_say_what_the_reader_must_know():
    res = compute_claims(case(invoice("f1", "2026-05-01", "100.00"), rate="1"), d("2026-08-31"), shipped_rates())
    doc = claims_document(res)
    assert doc["unknown_rate_half_years"] == ["2026S2"]
    assert doc["contract_rate_below_floor"] == ["2026S1", "2026S2"]
    text = " ".join(doc["notes"])
    assert "imputés sur le principal" in text
    assert "2e semestre 2026" in text
    assert half_year_label(HalfYear(2026, 1)) == "1er semestre 2026"


def test_empty_case():
    res = compute_claims(case(), d("2024-08-15"), shipped_rates())
    assert "Aucune facture" in claims_table(res)
    assert claims_document(res)["totals"]["grand_total"] == "0.00"
