"""The case list's unpaid amounts, cheaply (issue 12, point 5): only the case block and the claim events
are read, the result is the whole-case computation's, and a list recomputes only the cases whose
claims changed since it was worked out, whoever wrote them."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier_app.domain.claims import compute_claims
from dossier_app.domain.claims_allocation import _PHASE
from dossier_app.domain.model import (
    Case,
    Contract,
    CreditNote,
    Event,
    Exhibit,
    ExhibitLink,
    Invoice,
    Note,
    Outage,
    Party,
    Payment,
    PaymentTerms,
    Reminder,
)
from dossier_app.services import cases, claims, session
from dossier_app.services.demo import create_demo
from dossier_app.services.session import Outstanding
from dossier_app.store import Store, open_store, read_models, schema
from dossier_app.store import repository as repo
from tests.support.claims_builders import shipped_rates
from tests.support.strategies import case_files

TODAY = date.today()


def _whole_case(store: Store, case_id: int, as_of: date) -> int:
    """What the list showed before issue 12: the claims engine on the whole case, read whole."""
    return claims.claims_for(repo.read_case_file(store, case_id), as_of).totals.outstanding_undisputed


def _generated(rng: random.Random, n: int) -> tuple[Case, list[Event]]:
    """Invoices (some disputed, some with their own due date), payments naming them or none, credit
    notes with or without an invoice, reminders, notes and timed outages, some dated after today."""
    terms = rng.choice([None, "on_receipt", "30_days", "45_days_end_of_month", "end_of_month_10_days"])
    case = Case("Généré", "provider", Party("Nous"), Party("Eux"),
                contract=Contract(payment_terms=PaymentTerms.parse(terms) if terms else None,
                                  late_penalty_rate=rng.choice([None, Decimal("12.5")])))
    start = TODAY - timedelta(days=900)
    numbers: list[str] = []
    events: list[Event] = []
    for i in range(n):
        day = start + timedelta(days=rng.randrange(1000))  # about a tenth after today
        match rng.randrange(7):
            case 0 | 1:
                numbers.append(f"F-{i}")
                events.append(Invoice(id=f"f{i}", date=day, title=f"Facture {i}", number=f"F-{i}",
                                      amount_incl_tax=rng.randrange(1, 500_000),
                                      due_date=day + timedelta(days=rng.randrange(90)) if rng.random() < 0.3 else None,
                                      disputed=rng.random() < 0.2))
            case 2:
                named = tuple(rng.sample(numbers, k=min(len(numbers), rng.randrange(3)))) if numbers else ()
                events.append(Payment(id=f"p{i}", date=day, title=f"Virement {i}", amount=rng.randrange(1, 400_000),
                                      invoices=named))
            case 3:
                events.append(CreditNote(id=f"a{i}", date=day, title=f"Avoir {i}", number=f"A-{i}",
                                         amount_incl_tax=rng.randrange(1, 50_000),
                                         invoice=rng.choice(numbers) if numbers and rng.random() < 0.6 else None))
            case 4:
                events.append(Reminder(id=f"r{i}", date=day, title=f"Relance {i}", channel="email",
                                       invoices=(rng.choice(numbers),) if numbers else ()))
            case 5:
                moment = datetime(day.year, day.month, day.day, rng.randrange(24))
                events.append(Outage(id=f"o{i}", date=day, title=f"Coupure {i}", start=moment, services=("site",)))
            case _:
                events.append(Note(id=f"n{i}", date=day, title=f"Note {i}"))
    return case, events


def _store_case(store: Store, case: Case, events: list[Event]) -> int:
    with store.transaction():
        case_id = repo.insert_case(store, case)
        repo.insert_events(store, case_id, events)
    return case_id


@pytest.fixture
def store(tmp_path: Path):
    opened = open_store(tmp_path / "home")
    yield opened
    opened.close()


def test_the_claim_kinds_are_those_the_engine_reads() -> None:
    engine = {cls.KIND for cls in _PHASE}
    assert set(claims.CLAIM_KINDS) == engine
    assert set(schema.CLAIM_KINDS) == engine  # what the v3 triggers count as a change of the claims


def test_the_demo_case_owes_what_the_whole_case_computation_says(store: Store) -> None:
    case_id = create_demo(store)
    for as_of in (date(2024, 1, 1), date(2025, 3, 1), date(2025, 11, 30), TODAY):
        assert session.outstanding_of(store, case_id, as_of) == _whole_case(store, case_id, as_of), as_of
    assert session.outstanding_of(store, case_id) == cases.outstanding(repo.read_case_file(store, case_id))


@pytest.mark.parametrize("seed", range(6))
def test_a_generated_case_owes_what_the_whole_case_computation_says(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    case_id = _store_case(store, *_generated(rng, 400))
    for as_of in (TODAY - timedelta(days=600), TODAY - timedelta(days=200), TODAY, TODAY + timedelta(days=200)):
        expected = _whole_case(store, case_id, as_of)
        assert session.outstanding_of(store, case_id, as_of) == expected, (seed, as_of)
    assert session.outstanding_of(store, case_id) == _whole_case(store, case_id, TODAY)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_file=case_files(max_events=14, max_exhibits=0), offset=st.integers(-2000, 400))
def test_the_ledger_alone_gives_the_claims_total(case_file, offset: int) -> None:
    as_of = TODAY + timedelta(days=offset)
    kept = [e for e in case_file.events if e.kind in claims.CLAIM_KINDS]
    expected = compute_claims(case_file, as_of, shipped_rates()).totals.outstanding_undisputed
    assert claims.unpaid_of(case_file.case, kept, as_of) == expected


def test_only_the_claim_events_are_decoded(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = _store_case(store, *_generated(random.Random(7), 300))
    kinds: list[str] = []
    real = repo.decode_event_row

    def counting(row_id: object, data: object) -> Event:
        event = real(row_id, data)
        kinds.append(event.kind)
        return event

    monkeypatch.setattr(repo, "decode_event_row", counting)
    monkeypatch.setattr(repo, "read_case_file", lambda *a: pytest.fail("the whole case was read"))
    owed = session.outstanding_of(store, case_id)
    [summary] = cases.summaries(store)
    assert (summary.outstanding_cents, summary.problem, summary.us, summary.events) == (owed, None, "Nous", 300)
    assert kinds and set(kinds) <= set(claims.CLAIM_KINDS)
    assert len(kinds) == 2 * len(read_models.events_of_kinds(store, case_id, claims.CLAIM_KINDS))


def _change_one(store: Store, case_id: int, ref: str, title: str) -> None:
    event = read_models.read_event(store, case_id, ref)
    assert event is not None
    with store.transaction():
        repo.replace_event(store, case_id, ref, replace(event, title=title))


def test_only_the_cases_whose_claims_changed_are_computed_again(store: Store, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    a = _store_case(store, *_generated(random.Random(1), 60))
    b = _store_case(store, *_generated(random.Random(2), 60))
    computed: list[int] = []
    real = session.outstanding_of

    def counting(s: Store, case_id: int, as_of: date | None = None) -> int | None:
        computed.append(case_id)
        return real(s, case_id, as_of)

    monkeypatch.setattr(session, "outstanding_of", counting)
    known = session.outstanding_changed_since(store, {})
    assert sorted(computed) == [a, b] and known[a].cents == _whole_case(store, a, TODAY)

    computed.clear()
    same = session.outstanding_changed_since(store, known)
    assert computed == [] and same == known

    note = next(e.id for e in _generated(random.Random(1), 60)[1] if e.kind == "note")
    _change_one(store, a, note, "Une note changée")  # a note: what is owed cannot change
    _change_one(store, a, "f0", "Facture renommée")  # nor an invoice's title
    with store.transaction():
        sha = "ab" * 32
        repo.register_file(store, sha, 3)
        repo.insert_exhibit(store, a, Exhibit(sha256=sha, title="Pièce", original_name="p.txt",
                                              links=(ExhibitLink(note),)))
    assert session.outstanding_changed_since(store, known) == known and computed == []
    assert session.case_revisions(store)[a].revision > 0

    # The command, in another process, pays an invoice of case b: the window's next pass sees it.
    other = open_store(store.home)
    try:
        with other.transaction():
            invoice = next(e for e in read_models.events_of_kinds(other, b, ["invoice"]) if not e.disputed)
            repo.insert_events(other, b, [Payment(id="cmd-pay", date=TODAY, title="Virement", amount=1,
                                                  invoices=(invoice.number,))])
    finally:
        other.close()
    after = session.outstanding_changed_since(store, known)
    assert computed == [b]
    assert after[a] is known[a] and after[b].cents == _whole_case(store, b, TODAY)

    # A new day computes again (a payment dated tomorrow counts tomorrow).
    computed.clear()
    session.outstanding_changed_since(store, after, as_of=TODAY + timedelta(days=1))
    assert sorted(computed) == [a, b]


def test_a_case_made_under_a_deleted_case_id_is_computed_again(store: Store) -> None:
    first = _store_case(store, *_generated(random.Random(3), 40))
    known = session.outstanding_changed_since(store, {})
    with store.transaction():
        repo.delete_case(store, first)
    assert session.outstanding_changed_since(store, known) == {}
    again = _store_case(store, Case("Vide", "client", Party("A"), Party("B")), [])
    assert again == first  # SQLite gives the highest id again
    fresh = session.outstanding_changed_since(store, known)
    assert fresh[again] == Outstanding(0, fresh[again].claims, TODAY) and fresh[again] != known[first]


def test_go_on_can_stop_a_pass_and_the_next_one_finishes_it(store: Store) -> None:
    ids = [_store_case(store, *_generated(random.Random(s), 20)) for s in range(3)]
    part = session.outstanding_changed_since(store, {}, go_on=lambda done, total: done < 1)
    assert list(part) == ids[:1]
    assert sorted(session.outstanding_changed_since(store, part)) == ids
