"""One event or exhibit written touches only its rows (issue 12, point 4).

Adding, changing, removing, restoring or linking one event, and importing one file, ask the case
only what the write needs, through its indexes: nothing reads the whole case, at most one stored
event is decoded, and the work SQLite does is the same on a case of 300 events as on one of 3 000
(counted in virtual-machine steps, not timed). The messages are those of the whole-case rule.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dossier_app.domain.errors import ProblemsError, UserError
from dossier_app.domain.model import (
    Case,
    Exhibit,
    ExhibitLink,
    Invoice,
    Note,
    Party,
    Payment,
    Reminder,
)
from dossier_app.services import events, exhibits, importing, timeline
from dossier_app.services.store_access import writing
from dossier_app.store import Store, open_store
from dossier_app.store import repository as repo
from dossier_app.store.schema import SCHEMA_VERSION, V1

SMALL, LARGE = 300, 3_000


def _events(n: int) -> list[object]:
    out: list[object] = []
    for i in range(n):
        day = date(2020, 1, 1).replace(year=2020 + i * 5 // n)
        match i % 5:
            case 0 | 1:
                out.append(Invoice(id=f"inv-{i}", date=day, title=f"Facture {i}", number=f"F{i}", amount_incl_tax=100 + i))
            case 2:  # pay-2 names F0, pay-12 F10…; pay-7 names none
                named = (f"F{i - 2}",) if i % 10 == 2 else ()
                out.append(Payment(id=f"pay-{i}", date=day, title=f"Virement {i}", amount=50, invoices=named))
            case 3:  # rem-3 names F1, rem-13 F11…
                named = (f"F{i - 2}",) if i % 10 == 3 else ()
                out.append(Reminder(id=f"rem-{i}", date=day, title=f"Relance {i}", channel="email", invoices=named))
            case _:
                out.append(Note(id=f"note-{i}", date=day, title=f"Note {i}"))
    return out


def _make_case(store: Store, n: int, files: Path) -> int:
    with writing(store) as writes:
        case_id = repo.insert_case(store, Case(title=f"Affaire de {n}", our_role="client", us=Party("Atelier"),
                                               them=Party("Prestataire")))
        repo.insert_events(store, case_id, _events(n))
        for i in range(3):
            path = files / f"piece-{n}-{i}.txt"
            path.write_text(f"Pièce {i} de {n}\n", encoding="utf-8")
            sha, size = writes.put(path)
            repo.register_file(store, sha, size)
            repo.insert_exhibit(store, case_id, Exhibit(sha256=sha, title=f"Pièce {i}", original_name=path.name,
                                                        links=(ExhibitLink("inv-0"),), media_type="text/plain"))
    return case_id


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("targeted")
    store = open_store(base / "home")
    try:
        (base / "files").mkdir()
        assert _make_case(store, SMALL, base / "files") == 1
        assert _make_case(store, LARGE, base / "files") == 2
    finally:
        store.close()
    return base


@pytest.fixture
def store(world: Path, tmp_path: Path) -> Iterator[Store]:
    shutil.copytree(world / "home", tmp_path / "home")
    opened = open_store(tmp_path / "home")
    yield opened
    opened.close()


@pytest.fixture
def guarded(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every whole-case read raises; every stored event decoded is counted."""
    def whole(name: str) -> Callable[..., object]:
        def refuse(*_args: object, **_kwargs: object) -> object:
            raise AssertionError(f"repository.{name} read the whole case for one write")
        return refuse

    for name in ("read_events", "event_refs", "read_exhibits", "check_event_rows", "read_case_file"):
        monkeypatch.setattr(repo, name, whole(name))
    decoded: list[int] = []
    original = repo.decode_event_row

    def counting(row_id: object, data: object) -> object:
        decoded.append(1)
        return original(row_id, data)

    monkeypatch.setattr(repo, "decode_event_row", counting)
    return decoded


def _text_file(tmp_path: Path, case_id: int) -> Path:
    path = tmp_path / f"appel-{case_id}.txt"
    path.write_text(f"Appel du 3 mars 2024 ({case_id}) : coupure du site\n", encoding="utf-8")
    return path


def _csv_file(tmp_path: Path, case_id: int) -> Path:
    path = tmp_path / f"factures-{case_id}.csv"
    # F1 is in the case already; F-NEW is not.
    path.write_text(f"Numéro;Date;Montant TTC\nF1;01/03/2024;120,00\nF-NEW-{case_id};01/04/2024;80,50\n",
                    encoding="utf-8")
    return path


def _import(store: Store, case_id: int, path: Path) -> importing.ImportResult:
    from dossier_app.imports.analyze import analyze

    items = importing._plan(store, case_id, [path], None, None, None, analyze)  # no worker process
    return importing.commit_import(store, case_id, items)


# Each write, as both faces call it; ``case_id`` is the case written to.
WRITES: dict[str, Callable[[Store, int, Path], object]] = {
    "add an event (its id chosen)": lambda s, c, _t: events.add_event(
        s, c, {"kind": "payment", "date": "2024-05-01", "title": "Virement", "amount": "10.00", "invoices": ["F5"]}),
    "add an event object": lambda s, c, _t: events.add_event_object(
        s, c, Invoice(id="inv-new", date=date(2024, 5, 1), title="Facture neuve", number="F-NEW", amount_incl_tax=1)),
    "replace an invoice": lambda s, c, _t: events.replace_event(
        s, c, "inv-5", Invoice(id="inv-5", date=date(2024, 5, 2), title="Facture 5 corrigée", number="F5", amount_incl_tax=7)),
    "replace a note, renamed": lambda s, c, _t: events.replace_event(
        s, c, "note-4", Note(id="note-4b", date=date(2024, 5, 2), title="Note corrigée")),
    "remove an invoice nobody cites": lambda s, c, _t: events.remove_event(s, c, f"inv-{(SMALL if c == 1 else LARGE) - 5}"),
    "remove a payment": lambda s, c, _t: events.remove_event(s, c, "pay-7"),
    "remove then restore": lambda s, c, _t: (
        (gone := timeline.read_event(s, c, "note-9")), events.remove_event(s, c, "note-9"),
        timeline.restore_event(s, c, gone)),
    "a new id for the form": lambda s, c, _t: timeline.new_event_id(s, c, "invoice"),
    "link an exhibit": lambda s, c, _t: exhibits.link(s, c, "1" if c == 1 else "4", "note-14", "2"),
    "import a text file": lambda s, c, t: _import(s, c, _text_file(t, c)),
    "import a CSV of invoices": lambda s, c, t: _import(s, c, _csv_file(t, c)),
}


@pytest.mark.parametrize("name", WRITES)
def test_one_write_reads_no_whole_case_and_decodes_at_most_one_event(store: Store, guarded: list[int],
                                                                     tmp_path: Path, name: str) -> None:
    WRITES[name](store, 2, tmp_path)
    assert len(guarded) <= 1, f"{name}: {len(guarded)} stored events decoded for one write"


def _steps(store: Store, write: Callable[[], object]) -> int:
    counted = [0]

    def tick() -> int:
        counted[0] += 1
        return 0

    store.conn.set_progress_handler(tick, 50)
    try:
        write()
    finally:
        store.conn.set_progress_handler(None, 0)
    return counted[0]


@pytest.mark.parametrize("name", WRITES)
def test_the_work_of_one_write_does_not_grow_with_the_case(store: Store, tmp_path: Path, name: str) -> None:
    small = _steps(store, lambda: WRITES[name](store, 1, tmp_path))
    large = _steps(store, lambda: WRITES[name](store, 2, tmp_path))
    # Ten times the events: an index lookup grows by a B-tree level at most, a whole read ten times.
    assert large <= small * 1.5 + 20, f"{name}: {small} × 50 steps on {SMALL} events, {large} × 50 on {LARGE}"


# --- the same answers as the whole-case rule ---------------------------------------------------

def test_problems_are_those_of_the_whole_case_rule(store: Store) -> None:
    with pytest.raises(ProblemsError) as caught:
        events.add_event(store, 2, {"kind": "invoice", "id": "inv-0", "date": "2024-05-01", "title": "Doublon",
                                    "number": "F1", "amount_incl_tax": "1.00"})
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("id", "l'identifiant « inv-0 » est déjà pris dans cette affaire"),
        ("number", "la facture n° F1 existe déjà")]
    with pytest.raises(ProblemsError) as caught:
        events.add_event(store, 2, {"kind": "payment", "date": "2024-05-01", "title": "Virement", "amount": "1.00",
                                    "invoices": ["F1", "F404", "F2"]})
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("invoices[1]", "aucune facture n'a le numéro « F404 »"),
        ("invoices[2]", "aucune facture n'a le numéro « F2 »")]
    # Replacing an invoice by itself keeps its number free for it, and not for another.
    events.replace_event(store, 2, "inv-1", Invoice(id="inv-1", date=date(2024, 1, 2), title="Facture 1",
                                                   number="F1", amount_incl_tax=5))
    with pytest.raises(ProblemsError, match="F0 existe déjà"):
        events.replace_event(store, 2, "inv-1", Invoice(id="inv-1", date=date(2024, 1, 2), title="Facture 1",
                                                       number="F0", amount_incl_tax=5))


def test_an_invoice_cited_cannot_go_nor_change_its_number(store: Store) -> None:
    events.add_event(store, 2, {"kind": "credit_note", "id": "avoir", "date": "2020-01-01", "title": "Avoir", "number": "AV1",
                                "amount_incl_tax": "1.00", "invoice": "F0"})
    events.add_event(store, 2, {"kind": "reminder", "id": "relance", "date": "2020-01-01", "title": "Relance",
                                "channel": "email", "invoices": ["F1", "F0"]})
    for write in (lambda: events.remove_event(store, 2, "inv-0"),
                  lambda: events.replace_event(store, 2, "inv-0", Invoice(id="inv-0", date=date(2024, 1, 2),
                                                                          title="Facture 0", number="F0b",
                                                                          amount_incl_tax=5))):
        with pytest.raises(UserError) as caught:
            write()
        assert str(caught.value) == ("La facture n° F0 est citée par « Virement 2 » (pay-2), « Avoir » (avoir), "
                                     "« Relance » (relance) : retirez d'abord ces mentions ou ces événements.")
    # Once they name another invoice, or are gone, it goes; the mentions follow each write.
    payment = timeline.read_event(store, 2, "pay-2")
    events.replace_event(store, 2, "pay-2", replace(payment, id="pay-2b", invoices=("F5",)))
    events.remove_event(store, 2, "avoir")
    relance = timeline.read_event(store, 2, "relance")
    events.replace_event(store, 2, "relance", replace(relance, invoices=("F1",)))
    assert repo.events_citing_invoice(store, 2, "F5") == [("pay-2b", "Virement 2")]
    events.remove_event(store, 2, "inv-0")
    assert not repo.event_exists(store, 2, "inv-0")
    assert [ref for ref, _title in repo.events_citing_invoice(store, 2, "F1")] == ["rem-3", "relance"]


def test_new_ids_are_the_first_free_ones(store: Store) -> None:
    assert timeline.new_event_id(store, 2, "invoice") == "inv-2"
    assert timeline.new_event_id(store, 2, "note") == "not-1"
    with writing(store):
        repo.insert_events(store, 2, [Note(id=f"not-{n}", date=date(2024, 1, 1), title="n") for n in range(1, 40)])
    assert timeline.new_event_id(store, 2, "note") == "not-40"
    events.remove_event(store, 2, "not-17")
    assert timeline.new_event_id(store, 2, "note") == "not-17"
    assert repo.next_free_ref(store, 2, "not", also_taken={"not-17", "not-40"}) == "not-41"


def test_an_imported_invoice_list_skips_numbers_taken_and_ids_held(store: Store, tmp_path: Path) -> None:
    result = _import(store, 2, _csv_file(tmp_path, 2))
    (item,) = result.added
    assert [(i.id, i.number) for i in item.invoices] == [("inv-2", "F-NEW-2")]
    assert "facture F1 déjà dans l'affaire : ligne ignorée" in item.notes
    assert repo.invoice_numbers_taken(store, 2, ["F-NEW-2", "F1", "F404"]) == {"F-NEW-2", "F1"}


# --- the migration -----------------------------------------------------------------------------

def test_a_version_1_store_gains_its_invoice_numbers_and_mentions(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    conn = sqlite3.connect(home / "dossier.sqlite3")
    for statement in V1.split(";"):
        if statement.strip():
            conn.execute(statement)
    rows = [
        ("f1", "invoice", '{"id": "f1", "kind": "invoice", "date": "2024-03-15", "title": "Facture", '
                          '"number": "2024-003", "amount_incl_tax": "1234.50"}'),
        ("p1", "payment", '{"id": "p1", "kind": "payment", "date": "2024-04-20", "title": "Virement", '
                          '"amount": "500.00", "invoices": ["2024-003"]}'),
        ("a1", "credit_note", '{"id": "a1", "kind": "credit_note", "date": "2024-04-21", "title": "Avoir", '
                              '"amount_incl_tax": "10.00", "invoice": "2024-003"}'),
        ("bad", "payment", '{pas du json'),
    ]
    with conn:
        conn.execute("INSERT INTO cases (id, title, data) VALUES (1, 'Affaire', '{\"title\": \"Affaire\"}')")
        conn.executemany("INSERT INTO events (case_id, ref, kind, date, title, data) VALUES (1, ?, ?, '2024-01-01', 't', ?)",
                         rows)
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    store = open_store(home)
    try:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert repo.invoice_number_of(store, 1, "f1") == "2024-003"
        assert repo.invoice_numbers_taken(store, 1, ["2024-003", "2024-004"]) == {"2024-003"}
        assert [ref for ref, _t in repo.events_citing_invoice(store, 1, "2024-003")] == ["p1", "a1"]
        with pytest.raises(UserError, match="citée par"):
            events.remove_event(store, 1, "f1")
    finally:
        store.close()
    assert (home / f"dossier.sqlite3.before-v{SCHEMA_VERSION}.bak").exists()
