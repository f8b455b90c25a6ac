"""Small cases written as interchange files, for tests of every layer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def small_document() -> dict[str, Any]:
    return {
        "format": "dossier-case/1",
        "case": {
            "title": "Boulangerie Martin c/ WebPlus",
            "our_role": "client",
            "us": {"name": "Boulangerie Martin", "legal_form": "SARL", "siren": "732829320",
                   "address": "3 rue du Pont, 53000 Laval"},
            "them": {"name": "WebPlus", "legal_form": "SAS", "siren": "552100554"},
            "court": "Tribunal de commerce de Laval",
            "contract": {"reference": "C-2024-01", "signed_on": "2024-01-10", "payment_terms": "30_days"},
        },
        "events": [
            {"id": "k1", "kind": "contract", "date": "2024-01-10", "title": "Contrat signé", "action": "signed"},
            {"id": "f1", "kind": "invoice", "date": "2024-03-15", "title": "Facture 2024-003",
             "number": "2024-003", "amount_incl_tax": "1234.50", "actor": "them", "key_fact": True},
            {"id": "p1", "kind": "payment", "date": "2024-04-20", "title": "Virement", "amount": "500.00",
             "invoices": ["2024-003"]},
            {"id": "o1", "kind": "outage", "date": "2024-05-02", "title": "Site coupé",
             "start": "2024-05-02T08:00", "end": "2024-05-04T18:30+02:00", "services": ["site", "mail"],
             "scope": "total", "tags": ["coupure"]},
            {"id": "l1", "kind": "registered_letter", "date": "2024-05-10", "title": "Mise en demeure",
             "formal_notice": True, "tracking_number": "1A12345678901", "deadline_days": 8,
             "first_presented_on": "2024-05-12"},
        ],
        "exhibits": [
            {"path": "files/facture.txt", "title": "Facture 2024-003", "date": "2024-03-15",
             "events": ["f1", {"event": "p1", "pages": "1"}]},
            {"path": "files/lettre.txt", "title": "Mise en demeure", "events": ["l1"], "include": False},
        ],
    }


def write_case(folder: Path, document: dict[str, Any] | None = None) -> Path:
    """Write ``document`` (the small case by default) and its exhibit files into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    doc = document if document is not None else small_document()
    for i, exhibit in enumerate(doc.get("exhibits", [])):
        path = folder / exhibit["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_text(f"Pièce {i}: {exhibit['title']}\n", encoding="utf-8")
    target = folder / "case.json"
    target.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return target
