"""What the provider owes under the contract, the whole way (issue 18): a case file with clauses
(case-format ``contract.penalties`` and ``contract.sla``) through ``dossier load``, ``claims``,
``claims --json`` and ``export``, the arithmetic done by hand.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from dossier_app import i18n
from dossier_app.domain.money import NARROW_NBSP, NBSP
from tests.support.cases import write_case

AS_OF = "2025-11-30"


def document() -> dict[str, Any]:
    return {
        "format": "dossier-case/1",
        "case": {
            "title": "Atelier Lemoine c/ Pixelune",
            "our_role": "client",
            "us": {"name": "Atelier Lemoine", "legal_form": "SARL"},
            "them": {"name": "Pixelune", "legal_form": "SAS"},
            "contract": {
                "reference": "H-2024-07", "payment_terms": "30_days",
                "penalties": [
                    {"kind": "flat", "amount": "10000.00", "for": "Transfert de l'hébergement sans accord (art. 7)",
                     "event": "transfert"},
                    {"kind": "per_day", "amount": "150.00", "for": "Retard de restitution des accès (art. 9)",
                     "from_event": "mise-en-demeure", "until_event": "restitution", "cap": "4500.00"},
                ],
                "sla": {"availability": "99.5", "monthly_fee": "120.00", "services": ["messagerie"],
                        "credits": [{"below": "99.5", "percent": "10"}, {"below": "99", "percent": "25"}]},
            },
            "demands": [{"kind": "provision"}],
        },
        "events": [
            {"id": "f1", "kind": "invoice", "date": "2025-09-01", "title": "Facture F1", "number": "F1",
             "amount_incl_tax": "1200.00"},
            {"id": "transfert", "kind": "access", "date": "2025-09-12", "title": "Hébergement transféré sans accord",
             "account": "hébergement", "action": "changed_without_consent"},
            {"id": "mise-en-demeure", "kind": "registered_letter", "date": "2025-10-01",
             "title": "Mise en demeure de restituer les accès", "formal_notice": True, "deadline_days": 8,
             "tracking_number": "1A00000000017", "first_presented_on": "2025-10-03"},
            {"id": "panne", "kind": "outage", "date": "2025-10-14", "title": "Messagerie coupée",
             "start": "2025-10-14T08:00", "end": "2025-10-14T17:18:45", "services": ["messagerie"]},
            # Inside the first: counted once.
            {"id": "panne-bis", "kind": "outage", "date": "2025-10-14", "title": "Messagerie coupée (relance)",
             "start": "2025-10-14T12:00", "end": "2025-10-14T14:00", "services": ["messagerie"], "scope": "total"},
            # Partial, and another service: not counted.
            {"id": "lenteurs", "kind": "outage", "date": "2025-10-20", "title": "Messagerie lente",
             "start": "2025-10-20T08:00", "end": "2025-10-21T08:00", "services": ["messagerie"], "scope": "partial"},
            {"id": "site", "kind": "outage", "date": "2025-10-22", "title": "Site coupé",
             "start": "2025-10-22T08:00", "end": "2025-10-23T08:00", "services": ["site"]},
            {"id": "restitution", "kind": "access", "date": "2025-11-20", "title": "Accès restitués",
             "account": "hébergement", "action": "restored"},
        ],
        "exhibits": [
            {"path": "pieces/lrar.txt", "title": "Mise en demeure et avis de réception", "number": 1,
             "events": ["mise-en-demeure"]},
            {"path": "pieces/restitution.txt", "title": "Courriel de restitution", "number": 2, "events": ["restitution"]},
            {"path": "pieces/panne.txt", "title": "Relevé de supervision", "number": 3, "events": ["panne", "panne-bis"]},
        ],
    }


# By hand:
# - flat: the transfer is dated 12/09/2025, before the as-of date: 10 000,00 €.
# - per day: the notice was first presented on 3/10, 8 days: deadline 11/10; from 12/10 to the
#   restitution on 20/11, both counted: 20 + 20 = 40 days × 150,00 € = 6 000,00 €, capped at 4 500,00 €.
# - October 2025 runs from 1/10 00:00 (UTC+2) to 1/11 00:00 (UTC+1): 745 h = 2 682 000 s. Down
#   8:00 → 17:18:45 = 33 525 s (the second outage inside the first; the partial one and the site's
#   ignored): 1 − 33 525 / 2 682 000 = 98,75 %, under 99 % → 25 % of 120,00 € = 30,00 €.
# - total: 10 000,00 + 4 500,00 + 30,00 = 14 530,00 €.


@pytest.fixture
def case_id(dossier, tmp_path: Path) -> str:
    run = dossier("load", str(write_case(tmp_path / "in", document())))
    assert run.code == 0, run.err
    return run.out.strip()


def _fr(amount: str) -> str:
    return amount.replace(" ", NARROW_NBSP) + NBSP + "€"


def test_claims_json_gives_each_clause_and_the_total(dossier, case_id: str) -> None:
    run = dossier("claims", case_id, "--as-of", AS_OF, "--json")
    assert run.code == 0, run.err
    doc = json.loads(run.out)
    contract = doc["contract"]
    assert contract["total"] == "14530.00"
    flat, per_day, credit = contract["lines"]
    assert (flat["kind"], flat["purpose"], flat["amount"], flat["event"], flat["event_date"]) == (
        "flat", "Transfert de l'hébergement sans accord (art. 7)", "10000.00", "transfert", "2025-09-12")
    assert (per_day["from"], per_day["to"], per_day["days"], per_day["per_day"], per_day["cap"],
            per_day["capped"], per_day["running"], per_day["deadline"], per_day["gross"], per_day["amount"]) == (
        "2025-10-12", "2025-11-20", 40, "150.00", "4500.00", True, False, "2025-10-11", "6000.00", "4500.00")
    assert (credit["month"], credit["downtime_seconds"], credit["month_seconds"], credit["availability"],
            credit["below"], credit["percent"], credit["fee"], credit["amount"]) == (
        "2025-10", 33_525, 2_682_000, "98.75", "99", "25", "120.00", "30.00")
    assert credit["outages"] == ["panne", "panne-bis"]
    # Apart from the invoices: what we owe on F1 is not reduced by it, nor added to it.
    assert doc["totals"]["outstanding_undisputed"] == "1200.00"
    assert doc["totals"]["grand_total"] != "14530.00"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_claims_table_has_the_section_apart(dossier, case_id: str, lang: str) -> None:
    i18n.activate(lang)
    run = dossier("claims", case_id, "--as-of", AS_OF)
    assert run.code == 0, run.err
    if lang == "fr":
        section = run.out.split("Sommes dues par le prestataire au titre du contrat")[1]
        assert f"du 12/10/2025 au 20/11/2025, 40 jours × {_fr('150,00')} = {_fr('6 000,00')}, " \
               f"plafonné à {_fr('4 500,00')}" in section
        assert f"octobre 2025 : disponibilité 98,75{NBSP}% < 99{NBSP}% → 25{NBSP}% de {_fr('120,00')}" in section
        total = next(line for line in section.splitlines() if line.startswith("Total dû au titre du contrat"))
        assert total.endswith(_fr("14 530,00"))
    else:
        section = run.out.split("Owed by the provider under the contract")[1]
        assert "from 2025-10-12 to 2025-11-20, 40 days × €150.00 = €6,000.00, capped at €4,500.00" in section
        assert "October 2025: availability 98.75% < 99% → 25% of €120.00" in section
        assert "flat penalty, breach on 2025-09-12" in section
        assert next(line for line in section.splitlines()
                    if line.startswith("Total owed under the contract")).endswith("€14,530.00")


def test_the_dossier_shows_the_part_and_claims_it_in_the_provision(dossier, case_id: str, tmp_path: Path) -> None:
    output = tmp_path / "dossier.pdf"
    run = dossier("export", case_id, "-o", str(output), "--as-of", AS_OF)
    assert run.code == 0, run.err
    raw = subprocess.run(["pdftotext", "-raw", str(output), "-"], capture_output=True, check=True).stdout
    text = " ".join(raw.decode("utf-8").replace(NARROW_NBSP, " ").replace(NBSP, " ").split())
    part = text[text.index("Sommes dues par Pixelune au titre du contrat Sommes dues à"):]
    assert "« Transfert de l'hébergement sans accord (art. 7) »" in part
    assert "« Retard de restitution des accès (art. 9) »" in part
    assert "Point de départ : Mise en demeure de restituer les accès, le 1er octobre 2025 (Pièce n° 1)" in part
    assert "Délai de la mise en demeure expiré le 11 octobre 2025" in part
    assert "Arrêtée par : Accès restitués, le 20 novembre 2025 (Pièce n° 2)" in part
    assert "Manquement : Hébergement transféré sans accord, le 12 septembre 2025 pénalité forfaitaire 10 000,00 €" \
        in part
    assert "Pannes : Pièce n° 3" in part
    assert "indisponibilité totale de 9 h 18 min sur un mois de 31 j 1 h" in part
    assert "Total des sommes dues par Pixelune au titre du contrat 14 530,00 €" in part
    # As the client, the Demandes' provision claims what the contract gives us, not the invoices.
    assert ("Condamner la société Pixelune à payer à la société Atelier Lemoine une provision de 14 530,00 € à valoir sur "
            "les pénalités contractuelles et les crédits de service dus au titre du contrat, arrêtés au "
            "30 novembre 2025 (voir le décompte)") in text
