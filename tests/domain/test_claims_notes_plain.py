"""The claims notes say what to add in plain words, whatever the face: the window shows them under its
own « Ajouter ce taux… » button, and only the command adds its « dossier rates add … » line (``how``)."""

from __future__ import annotations

from decimal import Decimal

from dossier_app.domain.claims import compute_claims
from dossier_app.domain.claims_report import claims_document, claims_table, missing_rates, notes
from dossier_app.domain.rates import EcbRate
from tests.support.claims_builders import case, d, invoice, shipped_rates


def test_the_unknown_rate_note_names_no_command_unless_a_face_adds_it():
    rates = shipped_rates().with_user_ecb((EcbRate(d("2026-06-11"), Decimal("2.00"), "BCE", user=True),))
    result = compute_claims(case(invoice("f1", "2026-05-31", "1000.00")), d("2026-08-31"), rates)
    (note,) = [n for n in notes(result) if "2e semestre 2026" in n]
    assert note.endswith("ajoutez le taux BCE en vigueur le 1er juillet 2026, même s'il n'a pas changé.")
    assert "dossier" not in " ".join(notes(result)) and "dossier" not in claims_table(result)
    missing = missing_rates(result)
    assert missing is not None and missing.example == Decimal("2.00")
    assert [h.start for h in missing.half_years] == [d("2026-07-01")]
    said = []
    told = notes(result, how=lambda m, sentence: said.append(m) or sentence[:-1] + " [how].")
    assert said == [missing] and any(n.endswith("même s'il n'a pas changé [how].") for n in told)
    assert any(n.endswith("[how].") for n in claims_document(result, how=lambda m, s: s[:-1] + " [how].")["notes"])
