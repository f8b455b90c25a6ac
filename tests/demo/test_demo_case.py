"""The demo case: a valid interchange file, every event kind, real exhibit files, same bytes every run."""

from __future__ import annotations

import csv
import email
import hashlib
import io
import json
from datetime import date
from email import policy
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from pypdf import PdfReader

from dossier_app.demo import CASE_FILE, story, write_demo_case
from dossier_app.domain.checks import check_case
from dossier_app.domain.claims import compute_claims
from dossier_app.domain.codec import decode_document
from dossier_app.domain.model import EVENT_KINDS, CaseFile
from dossier_app.domain.money import parse_amount
from dossier_app.imports.csv_invoices import parse_invoice_csv
from tests.support.claims_builders import shipped_rates


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_case(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def doc(written: Path) -> dict:
    return json.loads(written.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def events(doc: dict) -> dict[str, dict]:
    return {e["id"]: e for e in doc["events"]}


def pdf_pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def test_returns_the_case_file_in_the_folder(written: Path) -> None:
    assert written.name == CASE_FILE and written.is_file()


def test_decodes_without_a_single_problem(doc: dict) -> None:
    decoded = decode_document(doc)
    assert decoded.problems == ()
    assert decoded.case is not None and decoded.case.our_role == "client"
    assert decoded.case.court == "Tribunal de commerce de Laval"
    assert len(decoded.events) == len(doc["events"])
    assert len(decoded.exhibits) == len(doc["exhibits"])


def test_about_25_events_of_every_kind_over_about_8_months(doc: dict) -> None:
    kinds = {e["kind"] for e in doc["events"]}
    assert kinds == set(EVENT_KINDS)
    assert 22 <= len(doc["events"]) <= 30
    days = [date.fromisoformat(e["date"]) for e in doc["events"]]
    assert days == sorted(days), "the timeline is written in date order"
    assert 7 * 30 <= (max(days) - min(days)).days <= 9 * 31


def test_the_kinds_use_their_own_fields(events: dict[str, dict]) -> None:
    by_kind: dict[str, list[dict]] = {}
    for event in events.values():
        by_kind.setdefault(event["kind"], []).append(event)
    invoices = by_kind["invoice"]
    assert any(i.get("disputed") and i.get("dispute_reason") for i in invoices)
    payments = by_kind["payment"]
    assert any(p.get("invoices") for p in payments) and any("invoices" not in p for p in payments)
    assert all(c.get("invoice") for c in by_kind["credit_note"])
    assert {r["channel"] for r in by_kind["reminder"]} >= {"email", "phone"}
    letters = by_kind["registered_letter"]
    notice = next(r for r in letters if r["formal_notice"] and r.get("tracking_number"))
    assert notice["deadline_days"] == 8 and notice["first_presented_on"]
    assert any(r.get("returned_undelivered") for r in letters)
    assert any("tracking_number" not in r for r in letters)
    outages = by_kind["outage"]
    assert any("end" not in o for o in outages) and any("end" in o for o in outages)
    assert {o["scope"] for o in outages} == {"total", "partial"}
    assert all(o["date"] == o["start"][:10] for o in outages)
    assert {a["action"] for a in by_kind["access"]} == {"requested", "refused", "changed_without_consent",
                                                       "restored"}
    assert {p["action"] for p in by_kind["procedure"]} >= {"bailiff_report", "summons"}
    assert sum(bool(e.get("key_fact")) for e in events.values()) >= 5


def test_one_invoice_is_partly_paid(events: dict[str, dict]) -> None:
    paid: dict[str, int] = {}
    for e in events.values():
        if e["kind"] == "payment" and len(e.get("invoices", [])) == 1:
            paid[e["invoices"][0]] = paid.get(e["invoices"][0], 0) + parse_amount(e["amount"])
    invoices = {e["number"]: parse_amount(e["amount_incl_tax"]) for e in events.values() if e["kind"] == "invoice"}
    assert any(0 < amount < invoices[number] for number, amount in paid.items())


def test_about_12_exhibits_whose_files_exist_and_match_their_hash(doc: dict, written: Path) -> None:
    assert 10 <= len(doc["exhibits"]) <= 14
    assert sum("date" in x for x in doc["exhibits"]) >= len(doc["exhibits"]) - 2
    for x in doc["exhibits"]:
        data = (written.parent / x["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == x["sha256"], x["path"]
        assert x["events"], f"{x['path']} proves nothing"


def test_every_file_opens(doc: dict, written: Path) -> None:
    suffixes = set()
    for x in doc["exhibits"]:
        path = written.parent / x["path"]
        suffixes.add(path.suffix)
        if path.suffix == ".pdf":
            assert pdf_pages(path) >= 1
        elif path.suffix in (".jpg", ".png"):
            with Image.open(path) as image:
                image.load()
                assert image.width >= 800
        elif path.suffix == ".eml":
            message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            assert message["From"] and message["Date"] and message["Subject"]
            assert message.get_body(preferencelist=("plain",)) is not None
            attachments = list(message.iter_attachments())
            assert [a.get_content_type() for a in attachments] == ["application/pdf"]
            with pikepdf.open(io.BytesIO(attachments[0].get_content())) as pdf:
                assert len(pdf.pages) == 1
        elif path.suffix == ".csv":
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8")), delimiter=";"))
            assert rows[0] == ["numero", "date", "montant_ttc", "montant_ht", "tva", "echeance", "libelle"]
        else:
            assert path.read_text(encoding="utf-8").strip()
    assert suffixes == {".pdf", ".jpg", ".png", ".eml", ".csv", ".txt"}


def test_cited_pages_exist(doc: dict, written: Path) -> None:
    cited = 0
    for x in doc["exhibits"]:
        for link in x["events"]:
            if isinstance(link, dict):
                cited += 1
                last = max(int(part) for part in link["pages"].replace("-", ",").split(","))
                assert last <= pdf_pages(written.parent / x["path"]), (x["path"], link)
    assert cited >= 3


def test_formal_notice_has_two_pages_and_the_contract_a_rotated_one(written: Path) -> None:
    folder = written.parent / "pieces"
    assert pdf_pages(folder / "mise-en-demeure-2025-09-04.pdf") == 2
    with pikepdf.open(folder / "contrat-PXL-2025-017.pdf") as pdf:
        assert [int(page.obj.get("/Rotate", 0)) for page in pdf.pages] == [0, 0, 90]


def test_the_receipt_photo_says_when_it_was_taken(written: Path) -> None:
    with Image.open(written.parent / "pieces" / "avis-de-reception-1A18764923157.jpg") as photo:
        assert photo.format == "JPEG"
        assert photo.getexif().get_ifd(0x8769)[0x9003] == "2025:09:10 18:42:13"


def test_invoice_documents_print_the_amounts_of_the_timeline(doc: dict, events: dict[str, dict],
                                                             written: Path) -> None:
    for x in doc["exhibits"]:
        if not x["path"].endswith(".pdf"):
            continue
        for link in x["events"]:
            event = events[link if isinstance(link, str) else link["event"]]
            if event["kind"] in ("invoice", "credit_note"):
                pages = PdfReader(written.parent / x["path"]).pages
                # Text extraction may give the no-break spaces back as plain ones.
                text = "".join(page.extract_text() for page in pages).replace("\u00a0", " ")
                units, cents = event["amount_incl_tax"].split(".")
                printed = f"{int(units):,}".replace(",", " ") + f",{cents} €"
                assert event["number"] in text and printed in text, x["path"]


def test_the_csv_export_reads_as_the_timeline_s_invoices(doc: dict, events: dict[str, dict],
                                                         written: Path) -> None:
    export = next(x for x in doc["exhibits"] if x["path"].endswith(".csv"))
    rows = parse_invoice_csv((written.parent / export["path"]).read_text(encoding="utf-8"))
    assert rows.ok, rows.problems
    invoices = {e["number"]: e for e in events.values() if e["kind"] == "invoice"}
    for row in rows.rows:
        event = invoices[row.number]
        assert row.date.isoformat() == event["date"]
        assert row.amount_incl_tax == parse_amount(event["amount_incl_tax"])
        assert row.amount_excl_tax == parse_amount(event["amount_excl_tax"])
        assert row.vat == parse_amount(event["vat"])
    assert {invoices[r.number]["id"] for r in rows.rows} == set(export["events"])


def test_the_readiness_check_has_real_findings(doc: dict) -> None:
    decoded = decode_document(doc)
    assert decoded.case is not None
    case_file = CaseFile(decoded.case, decoded.events, tuple(x.exhibit for x in decoded.exhibits))
    as_of = date(2025, 11, 30)
    claims = compute_claims(case_file, as_of, shipped_rates())
    findings = {(f.code, f.event_id) for f in check_case(case_file, as_of, shipped_rates(), claims)}
    assert ("event_without_exhibit", "f-101") in findings
    # The agency's notice came without its envelope: no tracking number.
    assert "med-pixelune" in {event for _, event in findings}
    assert "exhibit_date_far" in {code for code, _ in findings}
    assert ("disputed_invoice", "f-082") in findings
    # What the case's invoices say the atelier owes, with the shop apart.
    assert claims.totals.outstanding_undisputed == parse_amount("3012.00")
    assert claims.totals.outstanding_disputed == parse_amount("2880.00")


def test_two_writes_give_the_same_bytes(written: Path, tmp_path: Path) -> None:
    again = write_demo_case(tmp_path / "again")
    first = {p.relative_to(written.parent): p.read_bytes() for p in written.parent.rglob("*") if p.is_file()}
    second = {p.relative_to(again.parent): p.read_bytes() for p in again.parent.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_the_invoices_bill_the_quote_annexed_to_the_contract() -> None:
    # 30 % at the order, 70 % on delivery (article 4 of the contract).
    assert story.DEPOSIT.excl_tax * 10 == story.REDESIGN * 3
    assert story.BALANCE.excl_tax * 10 == story.REDESIGN * 7
    # The balance the agency's e-mail and statement claim, the shop included.
    assert story.balance_due(date(2025, 9, 12)) == parse_amount("5892.00")
