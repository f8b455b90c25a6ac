"""The check also looks at the case itself: court, hearing, the other side, and events the PDF
would print with "aucune pièce"."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from dossier_app.domain.checks import BLOCKING, WARNING, blocks
from dossier_app.domain.model import CaseFile, ContractEvent, Outage, Reminder
from tests.domain.test_checks import clean_case, codes, run
from tests.support.claims_builders import case, d


def _header(file: CaseFile, **fields: object) -> CaseFile:
    return replace(file, case=replace(file.case, **fields))


def test_an_empty_case_is_not_ready():
    findings = run(case())
    assert (BLOCKING, "no_events") in codes(findings) and (BLOCKING, "no_exhibits") in codes(findings)
    assert blocks(findings)
    no_exhibits = run(replace(clean_case(), exhibits=()))
    assert (BLOCKING, "no_exhibits") in codes(no_exhibits) and (BLOCKING, "no_events") not in codes(no_exhibits)


def test_missing_court_blocks():
    findings = run(_header(clean_case(), court=None))
    assert codes(findings, event_id=None, exhibit=None)[:1] == [(BLOCKING, "no_court")]


def test_hearing_already_past():
    past = run(_header(clean_case(), hearing=datetime(2025, 3, 18, 14, 0)))
    (finding,) = [f for f in past if f.code == "hearing_past"]
    assert finding.severity == WARNING and "18/03/2025" in finding.message
    assert "hearing_past" not in [f.code for f in run(_header(clean_case(), hearing=d("2025-03-31")))]


def test_other_side_without_siren_or_address():
    file = clean_case()
    findings = run(_header(file, them=replace(file.case.them, siren=None, address=" ")))
    assert (WARNING, "other_side_no_siren") in codes(findings)
    assert (WARNING, "other_side_no_address") in codes(findings)
    assert "Eux SAS" in next(f.message for f in findings if f.code == "other_side_no_siren")


def test_outages_key_facts_and_reminders_without_exhibit_warn():
    outage = Outage(id="o1", date=d("2025-03-01"), title="Site coupé", start=datetime(2025, 3, 1, 8, 0),
                    end=datetime(2025, 3, 2, 8, 0), services=("site",))
    reminder = Reminder(id="r1", date=d("2025-02-01"), title="Relance", channel="email")
    key = ContractEvent(id="k1", date=d("2024-12-01"), title="Signature", action="signed", key_fact=True)
    plain = ContractEvent(id="k2", date=d("2024-12-02"), title="Avenant", action="signed")
    findings = run(clean_case(outage, reminder, key, plain))
    for event_id, title in (("o1", "Site coupé"), ("r1", "Relance"), ("k1", "Signature")):
        assert codes(findings, event_id=event_id) == [(WARNING, "event_without_exhibit")], event_id
        assert title in next(f.message for f in findings if f.event_id == event_id)
    assert codes(findings, event_id="k2") == []
