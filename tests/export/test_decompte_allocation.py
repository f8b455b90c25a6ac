"""The décompte's "Détail des pénalités" says where a payment naming no invoice went (issue 19)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dossier_app.domain.claims import compute_claims
from dossier_app.export import ExportOptions, export_dossier
from tests.export.export_helpers import page_texts
from tests.support.claims_builders import case, invoice, payment, shipped_rates

AS_OF = date(2024, 6, 30)


def _export(tmp_path: Path, lang: str) -> str:
    case_file = case(invoice("f1", "2024-05-01", "1000.00", number="F1", disputed=True),
                     invoice("f2", "2024-05-10", "400.00", number="F2"),
                     invoice("f3", "2024-05-20", "500.00", number="F3"),
                     payment("p1", "2024-06-20", "700.00"),
                     invoice("f4", "2024-05-02", "100.00", number="F4"),
                     payment("p2", "2024-05-03", "100.00", "F4"),
                     # Names F3, which needs 200,00 by then: 50,00 left, and only F1 (disputed) owes.
                     payment("p3", "2024-06-25", "250.00", "F3"))
    claims = compute_claims(case_file, AS_OF, shipped_rates())
    output = tmp_path / f"dossier-{lang}.pdf"
    export_dossier(case_file, lambda x: Path("/nonexistent"), ExportOptions(as_of=AS_OF, lang=lang,
                                                                           include_exhibits=False),
                   output, claims=claims)
    texts = page_texts(output)
    heading = "Détail des pénalités" if lang == "fr" else "Penalty detail"
    start = next(i for i, t in enumerate(texts) if heading in t)
    detail = "\n".join(texts[start:start + 2])
    return detail[detail.index(heading):]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_penalty_detail_shows_what_an_unassigned_payment_settled(tmp_path: Path, lang: str) -> None:
    detail = _export(tmp_path, lang)
    fr = lang == "fr"
    assert ("art. 1342-10 du Code civil" if fr else "Code civil, art. 1342-10") in detail
    line = next(line for line in detail.splitlines() if ("20/06/2024" if fr else "2024-06-20") in line
                and ("700,00 €" if fr else "€700.00") in line)
    # The payment of 20 June went to F2 and F3 (undisputed), not to F1, the oldest but disputed.
    settled = " ".join(detail.split())
    first, second = ("20/06/2024", "25/06/2024") if fr else ("2024-06-20", "2024-06-25")
    row = settled.split(first)[1].split(second)[0]
    assert ("F2 : 400,00 € ; F3 : 300,00 €" if fr else "F2: €400.00; F3: €300.00") in row, line
    assert "F1" not in row
    # What the payment of 25 June did not need for F3 went to F1, the undisputed ones being paid.
    row = settled.split(second)[1].split("Facture F1" if fr else "Invoice F1")[0]
    assert ("F1 : 50,00 €" if fr else "F1: €50.00") in row
    assert ("part non affectée" if fr else "unassigned part") in row and ("250,00 €" if fr else "€250.00") in row
    # A payment that names its invoice is not listed.
    assert ("03/05/2024" if fr else "2024-05-03") not in detail.split("Facture " if fr else "Invoice ")[0]
