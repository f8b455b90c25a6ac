"""Schema v3: claim events reached by kind through an index, and each case's write counts kept by
triggers, whatever the code path or the process that writes (issue 12, point 5)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from dossier_app.domain.model import Case, Exhibit, ExhibitLink, Invoice, Note, Party, Payment
from dossier_app.store import Store, open_store, read_models
from dossier_app.store import repository as repo
from dossier_app.store.read_models import CaseRevision

FIXTURES = Path(__file__).parent / "fixtures"
DAY = date(2024, 3, 1)


@pytest.fixture
def store(tmp_path: Path):
    opened = open_store(tmp_path / "home")
    yield opened
    opened.close()


def _case(store: Store) -> int:
    with store.transaction():
        return repo.insert_case(store, Case("Affaire", "client", Party("A"), Party("B")))


def _delta(store: Store, case_id: int, before: CaseRevision) -> tuple[int, int]:
    now = read_models.case_revisions(store)[case_id]
    return now.revision - before.revision, now.claims - before.claims


def test_each_write_moves_the_counts_of_its_case_only(store: Store) -> None:
    a, b = _case(store), _case(store)
    steps = [
        ("a note", lambda: repo.insert_events(store, a, [Note(id="n1", date=DAY, title="Note")]), (1, 0)),
        ("an invoice", lambda: repo.insert_events(store, a, [Invoice(id="f1", date=DAY, title="Facture", number="F1",
                                                                     amount_incl_tax=100)]), (1, 1)),
        ("a payment and a note", lambda: repo.insert_events(store, a, [
            Payment(id="p1", date=DAY, title="Virement", amount=50, invoices=("F1",)),
            Note(id="n2", date=DAY, title="Note 2")]), (2, 1)),
        ("an invoice retitled", lambda: repo.replace_event(store, a, "f1", Invoice(
            id="f1", date=DAY, title="Facture de mars", number="F1", amount_incl_tax=100, description="Maintenance",
            tags=("relance",))), (1, 0)),
        ("an invoice's amount", lambda: repo.replace_event(store, a, "f1", Invoice(
            id="f1", date=DAY, title="Facture de mars", number="F1", amount_incl_tax=101)), (1, 1)),
        ("an invoice disputed", lambda: repo.replace_event(store, a, "f1", Invoice(
            id="f1", date=DAY, title="Facture de mars", number="F1", amount_incl_tax=101, disputed=True)), (1, 1)),
        ("a payment dated again", lambda: repo.replace_event(store, a, "p1", Payment(
            id="p1", date=date(2024, 3, 2), title="Virement", amount=50, invoices=("F1",))), (1, 1)),
        ("a note changed", lambda: repo.replace_event(store, a, "n1", Note(id="n1", date=DAY, title="Autre")), (1, 0)),
        ("a note made an invoice", lambda: repo.replace_event(
            store, a, "n2", Invoice(id="n2", date=DAY, title="Facture 2", number="F2", amount_incl_tax=5)), (1, 1)),
        ("an exhibit linked", lambda: repo.insert_exhibit(store, a, Exhibit(
            sha256="cd" * 32, title="Pièce", original_name="p.txt", links=(ExhibitLink("n1"),))), (2, 0)),
        ("a link removed", lambda: repo.delete_link(store, a, _exhibit_id(store, a), "n1"), (1, 0)),
        ("the case block", lambda: repo.update_case(store, a, Case("Affaire bis", "client", Party("A"), Party("B"))),
         (1, 1)),
        ("a payment removed", lambda: repo.delete_event(store, a, "p1"), (1, 1)),
        ("a note removed", lambda: repo.delete_event(store, a, "n1"), (1, 0)),
    ]
    with store.transaction():
        repo.register_file(store, "cd" * 32, 3)
    for what, write, expected in steps:
        before = read_models.case_revisions(store)
        with store.transaction():
            write()
        assert _delta(store, a, before[a]) == expected, what
        assert read_models.case_revisions(store)[b] == before[b], what


def _exhibit_id(store: Store, case_id: int) -> int:
    found = repo.read_exhibits(store, case_id)[0].id
    assert found is not None
    return found


def test_a_write_by_hand_in_sql_is_counted_too(store: Store) -> None:
    a = _case(store)
    before = read_models.case_revisions(store)[a]
    conn = sqlite3.connect(store.home / "dossier.sqlite3")
    with conn:
        conn.execute("INSERT INTO events (case_id, ref, kind, date, title, data) VALUES (?, 'x', 'payment', "
                     "'2024-01-01', 't', '{}')", (a,))
    conn.close()
    assert _delta(store, a, before) == (1, 1)


def test_a_damaged_claim_row_replaced_counts_as_a_claims_change(store: Store) -> None:
    a = _case(store)
    with store.transaction():
        repo.insert_events(store, a, [Invoice(id="f1", date=DAY, title="Facture", number="F1", amount_incl_tax=1)])
    conn = sqlite3.connect(store.home / "dossier.sqlite3")
    with conn:
        conn.execute("UPDATE events SET data = '{pas du json' WHERE ref = 'f1'")
    conn.close()
    before = read_models.case_revisions(store)[a]
    with store.transaction():
        repo.replace_event(store, a, "f1", Invoice(id="f1", date=DAY, title="Facture", number="F1", amount_incl_tax=1))
    assert _delta(store, a, before) == (1, 1)


def test_a_rolled_back_write_leaves_the_counts(store: Store) -> None:
    a = _case(store)
    before = read_models.case_revisions(store)[a]
    with pytest.raises(RuntimeError), store.transaction():
        repo.insert_events(store, a, [Invoice(id="f1", date=DAY, title="Facture", number="F1", amount_incl_tax=1)])
        raise RuntimeError
    assert read_models.case_revisions(store)[a] == before


def test_the_claim_events_are_read_by_kind_through_the_index(store: Store) -> None:
    a = _case(store)
    with store.transaction():
        repo.insert_events(store, a, [
            Note(id="n", date=date(2024, 1, 2), title="Note"),
            Payment(id="p", date=date(2024, 1, 1), title="Virement", amount=5),
            Invoice(id="f", date=date(2024, 1, 1), title="Facture", number="F", amount_incl_tax=9)])
    assert [e.id for e in read_models.events_of_kinds(store, a, ["invoice", "payment"])] == ["p", "f"]
    plan = " ".join(str(row) for row in store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM events INDEXED BY events_by_kind WHERE case_id = 1 AND kind IN ('x')"))
    assert "events_by_kind" in plan


def test_a_version_2_store_migrates_with_counts_for_every_case(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(FIXTURES / "schema-v2.sqlite3", home / "dossier.sqlite3")
    store = open_store(home)
    try:
        assert read_models.case_revisions(store) == {1: CaseRevision(0, 0)}
        assert len(read_models.events_of_kinds(store, 1, ["invoice", "payment", "credit_note"])) > 0
        with store.transaction():
            repo.delete_event(store, 1, repo.read_events(store, 1)[0].id)
        assert read_models.case_revisions(store)[1].revision == 1
    finally:
        store.close()
