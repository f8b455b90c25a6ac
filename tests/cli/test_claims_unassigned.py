"""`claims` and a payment that names no invoice (issue 19), as a user runs it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from dossier_app.domain.money import NBSP
from tests.support.cases import small_document, write_case

DEMO_BEFORE = Path(__file__).parents[1] / "domain" / "data" / "demo_claims_2025-11-30.json"


def test_demo_claims_json_is_unchanged(dossier) -> None:
    # The demo's cheque of 27 May 2025 names no invoice but meets no disputed invoice (F-2025-082
    # is issued on 16 June): the document is byte for byte the one of before issue 19.
    assert dossier("demo").code == 0
    run = dossier("claims", "1", "--as-of", "2025-11-30", "--json")
    assert run.code == 0, run.err
    assert run.out == DEMO_BEFORE.read_text(encoding="utf-8")


def _oldest_disputed(tmp_path: Path) -> Path:
    doc = small_document()
    doc["case"]["our_role"] = "provider"
    doc["events"] = [
        {"id": "f1", "kind": "invoice", "date": "2024-05-01", "title": "Facture F1", "number": "F1",
         "amount_incl_tax": "1000.00", "disputed": True, "dispute_reason": "Prestation non livrée"},
        {"id": "f2", "kind": "invoice", "date": "2024-05-10", "title": "Facture F2", "number": "F2",
         "amount_incl_tax": "400.00"},
        {"id": "f3", "kind": "invoice", "date": "2024-05-20", "title": "Facture F3", "number": "F3",
         "amount_incl_tax": "500.00"},
        {"id": "p1", "kind": "payment", "date": "2024-06-20", "title": "Virement sans référence",
         "amount": "700.00"},
    ]
    doc["exhibits"] = []
    return write_case(tmp_path / "in", doc)


def test_claims_says_where_a_payment_naming_no_invoice_went(dossier, tmp_path: Path) -> None:
    run = dossier("load", str(_oldest_disputed(tmp_path)))
    assert run.code == 0, run.err
    case_id = run.out.strip()
    run = dossier("claims", case_id, "--as-of", "2024-06-30")
    assert run.code == 0, run.err
    # F2: amount 400,00, credited 0,00, paid 400,00, outstanding 0,00; F1 (disputed) paid nothing.
    assert re.search(r"F2 +10/05/2024 +09/06/2024 +400,00.€ +0,00.€ +400,00.€ +0,00.€", run.out)
    assert re.search(r"F1 +01/05/2024 +31/05/2024 +1.000,00.€ +0,00.€ +0,00.€ +1.000,00.€", run.out)
    assert "art. 1342-10 du Code civil" in run.out
    assert f"Paiement du 20/06/2024 (700,00{NBSP}€)" in run.out
    doc = json.loads(dossier("claims", case_id, "--as-of", "2024-06-30", "--json").out)
    assert doc["totals"]["outstanding_undisputed"] == "200.00"
    assert doc["totals"]["grand_total"] == "282.74"
    assert any("1342-10" in note for note in doc["notes"])


def test_claims_in_english_says_the_rule(dossier, tmp_path: Path) -> None:
    from dossier_app import i18n

    case_id = dossier("load", str(_oldest_disputed(tmp_path))).out.strip()
    i18n.activate("en")
    run = dossier("claims", case_id, "--as-of", "2024-06-30")
    assert run.code == 0, run.err
    assert "Code civil, art. 1342-10" in run.out
    assert "undisputed invoices first" in run.out
