"""A case that provokes about every finding of the readiness check, as an interchange document."""

from __future__ import annotations

from typing import Any

from tests.support.cases import small_document

# As of this day (after every event), the rates of its half-year and of the ones before it down to
# 2026 are unknown to the shipped table: « as_of_rate_unknown » and « rate_unknown » both show.
AS_OF = "2030-03-01"


def every_finding_document() -> dict[str, Any]:
    """No court, a past hearing, the other side without SIREN nor address, terms beyond the cap and a
    penalty rate below the floor; events nothing proves, an ongoing outage, notices without proof or
    tracking number, an invoice due before it was issued; an exhibit dated far from what it proves, one
    proving nothing, a gap in the pièce numbers, an excluded only proof."""
    doc = small_document()
    case = doc["case"]
    del case["court"]
    case["our_role"] = "provider"
    case["hearing"] = "2025-01-15"
    case["them"] = {"name": "WebPlus", "legal_form": "SAS"}
    case["contract"] = {"reference": "C-1", "signed_on": "2024-01-10", "payment_terms": "90_days_end_of_month",
                        "late_penalty_rate": "1"}
    doc["events"] = [
        {"id": "f1", "kind": "invoice", "date": "2024-03-15", "title": "Facture 2024-003", "number": "2024-003",
         "amount_incl_tax": "1234.50", "due_date": "2024-04-15"},
        {"id": "f2", "kind": "invoice", "date": "2024-04-15", "title": "Facture 2024-004", "number": "2024-004",
         "amount_incl_tax": "800.00", "due_date": "2024-04-01"},
        {"id": "o1", "kind": "outage", "date": "2024-05-02", "title": "Site coupé", "start": "2024-05-02T08:00",
         "services": ["site"], "scope": "total"},
        {"id": "l1", "kind": "registered_letter", "date": "2024-05-10", "title": "Mise en demeure",
         "formal_notice": True},
        {"id": "l2", "kind": "registered_letter", "date": "2024-06-10", "title": "Seconde mise en demeure",
         "formal_notice": True, "tracking_number": "1A12345678901", "returned_undelivered": True},
        {"id": "l3", "kind": "registered_letter", "date": "2024-06-20", "title": "Courrier",
         "formal_notice": False},
        {"id": "k1", "kind": "contract", "date": "2024-01-10", "title": "Contrat signé", "action": "signed",
         "key_fact": True},
    ]
    doc["exhibits"] = [
        {"path": "files/f2.txt", "title": "Facture 2024-004", "date": "2021-01-01", "events": ["f2"], "number": 1},
        {"path": "files/courrier.txt", "title": "Courrier", "events": ["l3"], "number": 3},
        {"path": "files/photo.txt", "title": "Photo", "events": []},
        {"path": "files/contrat.txt", "title": "Contrat", "events": ["k1"], "include": False},
    ]
    return doc
