"""The demo case: a complete fictional dispute, written as ``case.json`` plus its exhibit files.

``write_demo_case(folder)`` gives the same bytes on every run (no wall-clock time anywhere),
so that a dossier exported from it can be compared byte for byte.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import documents, letters, pictures, report, story, texts

CASE_FILE = "case.json"
EXHIBIT_FOLDER = "pieces"


def _makers() -> dict[str, Callable[[], bytes]]:
    """How each exhibit file of ``story.PIECES`` is made, by file name."""
    bills = {b.number: b for b in (*story.INVOICES, story.LATE_CREDIT)}
    remaining = story.BALANCE.incl_tax - story.LATE_CREDIT.incl_tax - story.PAYMENTS[2].amount
    return {
        "contrat-PXL-2025-017.pdf": letters.contract_pdf,
        "facture-F-2025-031.pdf": lambda: documents.bill_pdf(story.DEPOSIT, bills),
        "facture-F-2025-074.pdf": lambda: documents.bill_pdf(story.BALANCE, bills),
        "facture-F-2025-082.pdf": lambda: documents.bill_pdf(story.SHOP, bills),
        "avoir-A-2025-004.pdf": lambda: documents.bill_pdf(story.LATE_CREDIT, bills),
        "export-factures-pixelune.csv": lambda: texts.invoices_csv(story.INVOICES[:4]),
        "mise-en-demeure-2025-09-04.pdf": letters.notice_pdf,
        "avis-de-reception-1A18764923157.jpg": pictures.receipt_photo,
        "courriel-pixelune-2025-09-12.eml": lambda: texts.refusal_email(
            documents.statement_pdf(texts.REFUSAL_DAY)),
        "capture-webmail-2025-10-02.png": pictures.webmail_screenshot,
        "notes-appels-pixelune.txt": lambda: texts.call_notes(remaining),
        "constat-2025-10-14.pdf": report.report_pdf,
    }


def _exhibit(piece: story.Piece, data: bytes) -> dict[str, Any]:
    out: dict[str, Any] = {"path": f"{EXHIBIT_FOLDER}/{piece.name}", "title": piece.title}
    if piece.day is not None:
        out["date"] = piece.day
    out["events"] = [link if isinstance(link, str) else {"event": link[0], "pages": link[1]}
                     for link in piece.links]
    out["sha256"] = hashlib.sha256(data).hexdigest()
    return out


def demo_document() -> tuple[dict[str, Any], dict[str, bytes]]:
    """The interchange document and the bytes of each exhibit file, by path under the folder."""
    makers = _makers()
    files = {f"{EXHIBIT_FOLDER}/{piece.name}": makers[piece.name]() for piece in story.PIECES}
    exhibits = [_exhibit(piece, files[f"{EXHIBIT_FOLDER}/{piece.name}"]) for piece in story.PIECES]
    document = {"format": "dossier-case/1", "case": story.CASE, "events": story.events(), "exhibits": exhibits}
    return document, files


def write_demo_case(folder: Path) -> Path:
    """Write the demo case into ``folder`` (created if needed); return the path of its case.json."""
    folder = Path(folder)
    document, files = demo_document()
    for relative, data in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    case_path = folder / CASE_FILE
    # Bytes, not text: no platform may turn the line endings into something else.
    case_path.write_bytes((json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return case_path


__all__ = ["CASE_FILE", "demo_document", "write_demo_case"]
