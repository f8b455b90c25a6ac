"""A case of four pièces with both sides' counsel, written as an interchange file (for the bordereau's tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.cases import small_document, write_case

OUR_COUNSEL = {"name": "Maître Anne Roux", "firm": "Roux Avocats", "city": "Angers", "bar": "barreau d'Angers"}
THEIR_COUNSEL = {"name": "Maître Paul Lenoir", "firm": "Lenoir & Associés", "bar": "barreau de Rennes"}


def four_pieces(*, counsel: dict[str, str] | None = OUR_COUNSEL,
                opposing: dict[str, str] | None = THEIR_COUNSEL) -> dict[str, Any]:
    """Pièces n° 1 to 4 in date order; n° 1 proves the invoice the facts cite (a key fact)."""
    document = small_document()
    case = document["case"]
    case["docket"] = "2024R00412"
    if counsel is not None:
        case["counsel"] = dict(counsel)
    if opposing is not None:
        case["opposing_counsel"] = dict(opposing)
    document["exhibits"] = [
        {"path": "files/facture.txt", "title": "Facture 2024-003", "date": "2024-03-15", "events": ["f1"]},
        {"path": "files/virement.txt", "title": "Avis de virement", "date": "2024-04-20", "events": ["p1"]},
        {"path": "files/capture.txt", "title": "Capture du site coupé", "date": "2024-05-02", "events": ["o1"]},
        {"path": "files/lettre.txt", "title": "Mise en demeure", "date": "2024-05-10", "events": ["l1"]},
    ]
    return document


def write_four_pieces(folder: Path, **kwargs: Any) -> Path:
    return write_case(folder, four_pieces(**kwargs))
