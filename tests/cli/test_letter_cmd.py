"""``dossier letter``: the letter drafted from the case, its amounts those of ``claims --json`` on the
same date, written as PDF or OpenDocument, added to the case with ``--add``; refusals in one line."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from odfdo import Document

from dossier_app.i18n import translator
from tests.support.cases import small_document, write_case

DAY = "2025-11-30"


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " "))


def text_of(pdf: Path) -> str:
    """What a reader copies from the PDF, the narrow no-break spaces read as spaces."""
    return normalised(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True,
                                     text=True).stdout)


def pdf_words(pdf: Path) -> list[str]:
    """The PDF's words in the order drawn, without page numbers (« 1 / 2 ») nor list bullets."""
    lines = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout.replace("\f", "\n").splitlines()
    kept = [line for line in lines if not re.fullmatch(r"\d+ / \d+", line.strip())]
    return [word for word in normalised(" ".join(kept)).split() if word != "•"]


def euros(amount: str) -> str:
    """An amount of ``claims --json`` (« 3012.00 ») as the letter prints it."""
    cents = int(Decimal(amount) * 100)
    return translator("fr").money(cents).replace("\u202f", " ").replace("\u00a0", " ")


def claims_json(dossier, case: str, day: str = DAY) -> dict:
    run = dossier("claims", case, "--as-of", day, "--json")
    assert run.code == 0, run.err
    return json.loads(run.out)


@pytest.fixture
def demo(dossier) -> str:
    run = dossier("demo")
    assert run.code == 0, run.err
    return run.out.strip()


def rows(home: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(home / "dossier.sqlite3")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_the_demos_formal_notice_has_the_claims_amounts(dossier, demo: str, tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    run = dossier("letter", demo, "mise-en-demeure", "-o", str(target), "--as-of", DAY)
    assert run.code == 0, run.err
    assert run.out.strip() == str(target)
    assert subprocess.run(["qpdf", "--check", str(target)], capture_output=True).returncode == 0
    text = text_of(target)
    claims = claims_json(dossier, demo)
    # As the client: the undisputed amount offered, every line of what the contract makes them owe, its total.
    assert euros(claims["totals"]["outstanding_undisputed"]) in text
    for line in claims["contract"]["lines"]:
        assert euros(line["amount"]) in text, line
    assert euros(claims["contract"]["total"]) in text
    assert "Pixelune" in text and "Lettre recommandée avec demande d'avis de réception" in text
    # The deadline, eight days after the letter's date.
    assert "8 décembre 2025" in text


def test_as_creditor_the_letter_claims_principal_penalties_and_indemnities(dossier, tmp_path: Path) -> None:
    document = small_document()
    document["case"]["our_role"] = "provider"
    document["events"][1]["actor"] = "us"
    assert dossier("load", str(write_case(tmp_path / "in", document))).code == 0
    target = tmp_path / "mise-en-demeure.pdf"
    run = dossier("letter", "1", "mise-en-demeure", "-o", str(target), "--as-of", "2024-09-30", "--deadline", "15")
    assert run.code == 0, run.err
    text = text_of(target)
    totals = claims_json(dossier, "1", "2024-09-30")["totals"]
    for key in ("outstanding_undisputed", "penalties", "indemnities", "grand_total"):
        assert euros(totals[key]) in text, key
    assert "2024-003" in text
    assert "15 octobre 2024" in text  # 15 days after 30 September


def test_the_odt_from_the_extension_holds_the_pdfs_words(dossier, demo: str, tmp_path: Path) -> None:
    pdf, odt = tmp_path / "relance.pdf", tmp_path / "relance.odt"
    assert dossier("letter", demo, "relance", "-o", str(pdf), "--as-of", DAY).code == 0
    assert dossier("letter", demo, "relance", "-o", str(odt), "--as-of", DAY).code == 0
    # The format follows the name; --format says it when the name does not.
    assert odt.read_bytes()[:2] == b"PK" and pdf.read_bytes()[:5] == b"%PDF-"
    body = Document(str(odt)).body
    odt_text = " ".join(e.text_recursive for e in body.get_elements("//text:p | //text:h"))
    assert normalised(odt_text).split() == pdf_words(pdf)
    forced = tmp_path / "lettre"
    assert dossier("letter", demo, "relance", "-o", str(forced), "--format", "odt", "--as-of", DAY).code == 0
    assert forced.read_bytes() == odt.read_bytes()


def test_the_same_letter_twice_is_the_same_bytes(dossier, demo: str, tmp_path: Path) -> None:
    for ext in ("pdf", "odt"):
        first, second = tmp_path / f"a.{ext}", tmp_path / f"b.{ext}"
        assert dossier("letter", demo, "injonction", "-o", str(first), "--as-of", DAY).code == 0
        assert dossier("letter", demo, "injonction", "-o", str(second), "--as-of", DAY).code == 0
        assert first.read_bytes() == second.read_bytes(), ext


def test_add_makes_the_letter_a_registered_letter_with_its_exhibit(dossier, demo: str, home: Path,
                                                                   tmp_path: Path) -> None:
    target = tmp_path / "mise-en-demeure.pdf"
    run = dossier("letter", demo, "mise-en-demeure", "-o", str(target), "--as-of", DAY, "--deadline", "15", "--add")
    assert run.code == 0, run.err
    event_id = re.search(r"« ([^»]+) »", run.out).group(1)  # type: ignore[union-attr]
    dumped = tmp_path / "dump.json"
    assert dossier("dump", demo, "-o", str(dumped)).code == 0
    case = json.loads(dumped.read_text(encoding="utf-8"))
    event = next(e for e in case["events"] if e["id"] == event_id)
    assert event["kind"] == "registered_letter" and event["date"] == DAY and event["actor"] == "us"
    assert event["formal_notice"] is True and event["deadline_days"] == 15
    assert event["title"].startswith("Mise en demeure")
    assert not event.get("tracking_number")
    exhibit = next(x for x in case["exhibits"] if event_id in [link if isinstance(link, str) else link["event"]
                                                               for link in x.get("events", [])])
    assert exhibit["title"] == event["title"] and exhibit["date"] == DAY
    # The stored file is the letter written.
    sha = hashlib.sha256(target.read_bytes()).hexdigest()
    assert rows(home, f"SELECT count(*) FROM exhibits WHERE sha256 = '{sha}'") == [(1,)]
    # A reminder is no formal notice and sets no deadline.
    reminder = tmp_path / "relance.pdf"
    run = dossier("letter", demo, "relance", "-o", str(reminder), "--as-of", DAY, "--add")
    assert run.code == 0, run.err
    assert dossier("dump", demo, "-o", str(dumped)).code == 0
    second = re.search(r"« ([^»]+) »", run.out).group(1)  # type: ignore[union-attr]
    event = next(e for e in json.loads(dumped.read_text(encoding="utf-8"))["events"] if e["id"] == second)
    assert event["formal_notice"] is False and "deadline_days" not in event


def _one_line(run) -> str:
    assert run.code != 0
    assert "Traceback" not in run.err
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert len(lines) == 1, run.err
    return lines[0]


def test_bad_options_are_one_line_and_exit_2(dossier_process, tmp_path: Path) -> None:
    assert dossier_process("demo").code == 0
    run = dossier_process("letter", "1", "mise-en-demeure", "-o", str(tmp_path / "x.pdf"), "--deadline", "10")
    assert run.code == 2 and "8 ou 15" in _one_line(run)
    run = dossier_process("letter", "1", "relance", "-o", str(tmp_path / "x.pdf"), "--format", "docx")
    assert run.code == 2 and "docx" in _one_line(run)
    run = dossier_process("letter", "1", "relance")
    assert run.code == 2 and "-o" in _one_line(run)
    assert not (tmp_path / "x.pdf").exists()


def test_refusals_are_one_clear_line_and_write_nothing(dossier, demo: str, home: Path, tmp_path: Path) -> None:
    before = rows(home, "SELECT count(*) FROM events") + rows(home, "SELECT count(*) FROM exhibits")
    line = _one_line(dossier("letter", demo, "lettre-de-rupture", "-o", str(tmp_path / "x.pdf")))
    assert "mise-en-demeure, relance ou injonction" in line
    line = _one_line(dossier("letter", demo, "relance", "-o", str(tmp_path)))
    assert "est un dossier" in line
    line = _one_line(dossier("letter", demo, "relance", "-o", str(tmp_path / "absent" / "x.pdf")))
    assert "n'existe pas" in line
    _one_line(dossier("letter", "99", "relance", "-o", str(tmp_path / "x.pdf")))
    link = tmp_path / "lien.pdf"
    link.symlink_to(tmp_path / "ailleurs.pdf")
    line = _one_line(dossier("letter", demo, "relance", "-o", str(link)))
    assert "lien symbolique" in line
    read_only = tmp_path / "ro.pdf"
    read_only.write_bytes(b"mine")
    read_only.chmod(0o444)
    line = _one_line(dossier("letter", demo, "relance", "-o", str(read_only), "--add"))
    assert "lecture seule" in line and read_only.read_bytes() == b"mine"
    # Nothing else written, no temporary file left.
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["lien.pdf", "ro.pdf"]
    assert list(tmp_path.glob(".*")) == []
    assert rows(home, "SELECT count(*) FROM events") + rows(home, "SELECT count(*) FROM exhibits") == before
