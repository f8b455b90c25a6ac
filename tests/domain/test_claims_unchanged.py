"""Issue 19 changes nothing where no payment naming no invoice meets a disputed invoice.

``data/claims_before_19.json`` holds twelve seeded random cases (random.Random(1919): two to five
invoices, some disputed, payments naming none, one or two invoices, credit notes, all the payment
terms, statutory or contractual rates, invoices dated from 2013) with the ``claims --json`` document
the code of before issue 19 gave for each (commit e9bb9be, French).  Only cases where no payment's
unassigned part met a disputed invoice still unpaid were kept; eight of them hold both a payment
naming no invoice and a disputed invoice.  The demo's document is compared in tests/cli.

The hypothesis tests compare the new rule with the frozen copy of the old one in
``claims_before_19.py`` over generated cases.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given

from dossier_app.domain.claims import compute_claims
from dossier_app.domain.claims_report import claims_document
from tests.domain.claims_before_19 import meets_disputed, old_rule
from tests.domain.test_claims_properties import FAST, SPAN, cases
from tests.support.claims_builders import case, credit_note, invoice, payment, shipped_rates

DATA = json.loads((Path(__file__).parent / "data" / "claims_before_19.json").read_text(encoding="utf-8"))


def build(spec):
    events = []
    for e in spec["events"]:
        if e["kind"] == "invoice":
            events.append(invoice(e["id"], e["date"], e["amount"], number=e["number"], due=e["due"],
                                  disputed=e["disputed"]))
        elif e["kind"] == "payment":
            events.append(payment(e["id"], e["date"], e["amount"], *e["invoices"]))
        else:
            events.append(credit_note(e["id"], e["date"], e["amount"], invoice=e["invoice"]))
    return case(*events, terms=spec["terms"], rate=spec["rate"], role=spec["role"])


def as_json(result):
    return json.loads(json.dumps(claims_document(result), ensure_ascii=False))


@pytest.mark.parametrize("spec", DATA["cases"], ids=[c["name"] for c in DATA["cases"]])
def test_claims_json_is_what_it_was_before(spec):
    result = compute_claims(build(spec), date.fromisoformat(spec["as_of"]), shipped_rates())
    assert as_json(result) == spec["expected"]


def test_the_stored_cases_do_test_something():
    # Most stored cases have a payment naming no invoice and a disputed invoice, just not meeting.
    both = [c for c in DATA["cases"]
            if any(e["kind"] == "payment" and not e["invoices"] and e["date"] <= c["as_of"] for e in c["events"])
            and any(e["kind"] == "invoice" and e["disputed"] and e["date"] <= c["as_of"] for e in c["events"])]
    assert len(both) >= 8
    for spec in DATA["cases"]:
        assert not meets_disputed(build(spec), date.fromisoformat(spec["as_of"]))


@FAST
@given(cases())
def test_same_json_as_the_old_rule_where_no_unassigned_payment_meets_a_disputed_invoice(generated):
    case_file, origin = generated
    as_of = origin + timedelta(days=SPAN + 30)
    new = compute_claims(case_file, as_of, shipped_rates())
    with old_rule():
        old = compute_claims(case_file, as_of, shipped_rates())
    if meets_disputed(case_file, as_of):
        # Where they meet, the undisputed claim is never larger than under the old rule.
        assert new.totals.outstanding_undisputed <= old.totals.outstanding_undisputed
        assert new.totals.grand_total <= old.totals.grand_total
    else:
        assert as_json(new) == as_json(old)
