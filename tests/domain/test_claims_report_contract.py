"""``claims`` and ``claims --json`` show what the other side owes under the contract, apart from
the invoices (claims.md, "What the other side owes us under the contract"; issue 18).

The lines are built by hand here (``dataclasses.replace`` on a computed result), so that the
rendering is tested whatever the computation; tests/cli/test_claims_contract.py runs it end to end.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from dossier_app import i18n
from dossier_app.domain.claims import compute_claims
from dossier_app.domain.claims_report import (
    availability_text,
    claims_document,
    claims_table,
    contract_computation,
    credit_threshold,
)
from dossier_app.domain.contract_claims import ContractClaims, ContractLine
from dossier_app.domain.model import CreditStep, ServiceLevel
from dossier_app.domain.money import NARROW_NBSP, NBSP, Cents
from tests.support.claims_builders import case, d, invoice, payment, shipped_rates

FLAT = ContractLine(kind="flat", purpose="Transfert de l'hébergement sans accord", amount=Cents(10_000_000),
                    event_id="transfert")
# 12/10 to 30/11: 20 days of October (12..31) and 30 of November = 50 days × 200,00 € = 10 000,00 €.
PER_DAY = ContractLine(kind="per_day", purpose="Retard dans la restitution des accès", amount=Cents(1_000_000),
                       event_id="mise-en-demeure", start=date(2025, 10, 12), end=date(2025, 11, 30), days=50,
                       per_day=Cents(20_000), running=True)
# The same, capped at 5 000,00 € and stopped by the restitution.
CAPPED = replace(PER_DAY, amount=Cents(500_000), cap=Cents(500_000), capped=True, running=False,
                 until_event_id="restitution")
# October 2025: 745 hours (the clock goes back on the 26th); 9 h 18 min 45 s down = 33 525 s;
# 1 − 33 525 / 2 682 000 = 98,75 %, under 99 % (and over 98 %): 25 % of 120,00 € = 30,00 €.
SLA = ContractLine(kind="sla", purpose="messagerie", amount=Cents(3000), month=date(2025, 10, 1),
                   downtime_seconds=33_525, month_seconds=2_682_000, availability=Decimal("98.75"),
                   percent=Decimal("25"), fee=Cents(12_000))
SERVICE_LEVEL = ServiceLevel(availability=Decimal("99.5"), monthly_fee=Cents(12_000), services=("messagerie",),
                             credits=(CreditStep(Decimal("99.5"), Decimal("10")),
                                      CreditStep(Decimal("99"), Decimal("25")),
                                      CreditStep(Decimal("98"), Decimal("50"))))


def result(*lines: ContractLine, role: str = "provider"):
    # F1: 1 234,50 € due 2024-05-31, 234,50 € paid 2024-06-10.
    case_file = case(invoice("f1", "2024-05-01", "1234.50", number="F1"), payment("p1", "2024-06-10", "234.50"),
                     role=role)
    computed = compute_claims(case_file, d("2024-08-15"), shipped_rates())
    return replace(computed, contract=ContractClaims(lines)) if lines else computed


def euros(text: str) -> str:
    return text.replace(" ", NARROW_NBSP) + NBSP + "€"


def test_table_has_a_section_apart_with_each_clause_and_its_arithmetic():
    table = claims_table(result(FLAT, PER_DAY, CAPPED, SLA), sla=SERVICE_LEVEL)
    invoices, contract = table.split("Sommes dues par le client au titre du contrat")
    # The invoices' total is untouched: 1 000,00 € + penalties + 40,00 € as before.
    assert "Total réclamable (non contesté)" in invoices
    assert euros("100 000,00") not in invoices
    lines = contract.splitlines()
    flat = next(line for line in lines if "Transfert de l'hébergement" in line)
    assert "pénalité forfaitaire" in flat and flat.endswith(euros("100 000,00"))
    running = next(line for line in lines if "restitution des accès" in line and "en cours" in line)
    assert f"du 12/10/2025 au 30/11/2025, 50 jours × {euros('200,00')}, en cours" in running
    assert running.endswith(euros("10 000,00"))
    capped = next(line for line in lines if "plafonné" in line)
    assert (f"50 jours × {euros('200,00')} = {euros('10 000,00')}, plafonné à {euros('5 000,00')}" in capped
            and "en cours" not in capped and capped.endswith(euros("5 000,00")))
    sla = next(line for line in lines if "Crédit de service (messagerie)" in line)
    assert (f"octobre 2025 : disponibilité 98,75{NBSP}% < 99{NBSP}% → 25{NBSP}% de {euros('120,00')}" in sla
            and sla.endswith(euros("30,00")))
    # 100 000 + 10 000 + 5 000 + 30 = 115 030,00 €
    total = next(line for line in lines if "Total dû au titre du contrat" in line)
    assert total.endswith(euros("115 030,00"))


def test_as_the_client_it_is_the_provider_who_owes_and_nothing_reads_as_our_admission():
    table = claims_table(result(PER_DAY, role="client"))
    assert "Sommes dues par le prestataire au titre du contrat" in table
    contract = table.split("Sommes dues par le prestataire")[1]
    assert "estimation" not in contract.lower() and "sans reconnaissance" not in contract
    assert "Total dû au titre du contrat" in contract
    # The offer of the undisputed principal is not reduced by what they owe us.
    offer = next(line for line in table.splitlines() if line.startswith("Offre de règlement"))
    assert offer.endswith(euros("1 000,00"))


def test_without_the_service_level_a_credit_gives_no_threshold():
    table = claims_table(result(SLA))
    assert f"octobre 2025 : disponibilité 98,75{NBSP}% → 25{NBSP}% de {euros('120,00')}" in table


def test_in_english():
    i18n.activate("en")
    table = claims_table(result(PER_DAY, CAPPED, SLA), sla=SERVICE_LEVEL)
    assert "Owed by the client under the contract" in table
    assert "from 2025-10-12 to 2025-11-30, 50 days × €200.00, still running" in table
    assert "capped at €5,000.00" in table
    assert "October 2025: availability 98.75% < 99% → 25% of €120.00" in table
    assert "Total owed under the contract" in table
    one_day = replace(PER_DAY, days=1, end=date(2025, 10, 12), amount=Cents(20_000))
    assert "1 day × €200.00" in claims_table(result(one_day))


def test_a_case_without_clauses_reads_as_before():
    plain = result()
    assert plain.contract.lines == ()
    assert "au titre du contrat" not in claims_table(plain)
    assert "contract" not in claims_document(plain)


def test_json_has_the_lines_apart_from_the_totals():
    doc = claims_document(result(FLAT, CAPPED, SLA))
    json.dumps(doc)
    keys = list(doc)
    assert keys.index("contract") == keys.index("totals") + 1
    contract = doc["contract"]
    assert contract["total"] == "105030.00"
    assert doc["totals"]["grand_total"] == claims_document(result())["totals"]["grand_total"]
    flat, capped, sla = contract["lines"]
    assert (flat["kind"], flat["purpose"], flat["amount"], flat["event"]) == (
        "flat", "Transfert de l'hébergement sans accord", "100000.00", "transfert")
    assert (capped["from"], capped["to"], capped["days"], capped["per_day"], capped["cap"], capped["capped"],
            capped["running"], capped["until_event"], capped["amount"]) == (
        "2025-10-12", "2025-11-30", 50, "200.00", "5000.00", True, False, "restitution", "5000.00")
    assert (sla["month"], sla["downtime_seconds"], sla["month_seconds"], sla["availability"], sla["percent"],
            sla["fee"], sla["amount"]) == ("2025-10", 33_525, 2_682_000, "98.75", "25", "120.00", "30.00")
    assert sla["from"] is None and flat["month"] is None


def test_threshold_is_the_lowest_one_strictly_above():
    assert credit_threshold(SLA, SERVICE_LEVEL) == Decimal("99")
    assert credit_threshold(replace(SLA, availability=Decimal("97.2"), percent=Decimal("50")),
                            SERVICE_LEVEL) == Decimal("98")
    assert credit_threshold(replace(SLA, availability=Decimal("99.7"), percent=None), SERVICE_LEVEL) is None


@pytest.mark.parametrize(("value", "shown"), [
    # 33 600 s down in October 2025: 1 − 33 600 / 2 682 000 = 98,7472…: 98,74, not 98,75.
    ((1 - Decimal(33_600) / Decimal(2_682_000)) * 100, "98,74"),
    (Decimal("98.9999"), "98,99"),  # rounded, it would read 99,00 %, and « 99,00 % < 99 % »
    (Decimal("99.4999"), "99,49"),
    (Decimal("100"), "100,00"),
])
def test_availability_is_cut_never_rounded_up(value, shown):
    assert availability_text(i18n.translator("fr"), value) == shown + NBSP + "%"


def test_a_month_above_every_threshold_gives_no_credit():
    line = replace(SLA, availability=Decimal("99.81"), percent=None, amount=Cents(0))
    assert contract_computation(line, "fr", None) == f"octobre 2025 : disponibilité 99,81{NBSP}%, aucun crédit"


def test_what_the_engine_adds_is_shown_and_given():
    # The engine's lines carry the breach's day, the notice's deadline, the sum before the cap,
    # the threshold and the outages counted.
    flat = replace(FLAT, event_date=date(2025, 9, 12))
    capped = replace(CAPPED, deadline=date(2025, 10, 11), event_date=date(2025, 10, 1), gross=Cents(1_000_000))
    sla = replace(SLA, below=Decimal("99"), outage_ids=("p1", "p2"), ongoing_ids=("p2",))
    table = claims_table(result(flat, capped, sla))  # no service level given: the line's threshold
    assert "pénalité forfaitaire, manquement du 12/09/2025" in table
    assert f"disponibilité 98,75{NBSP}% < 99{NBSP}% →" in table
    lines = claims_document(result(flat, capped, sla))["contract"]["lines"]
    assert lines[0]["event_date"] == "2025-09-12"
    assert (lines[1]["deadline"], lines[1]["gross"]) == ("2025-10-11", "10000.00")
    assert (lines[2]["below"], lines[2]["outages"], lines[2]["ongoing"]) == ("99", ["p1", "p2"], ["p2"])
