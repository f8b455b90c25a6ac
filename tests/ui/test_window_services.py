"""The services the window calls, without Qt: typed values, the timeline read model, filters."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from dossier_app.domain.errors import UserError
from dossier_app.domain.model import Invoice, Outage
from dossier_app.services import events, forms, timeline
from dossier_app.services.interchange import load_case
from dossier_app.services.timeline import EventFilter, filter_rows, timeline_rows
from tests.support.cases import write_case


def test_typed_values():
    assert forms.parse_text_field("amount", "1 234,50") == 123450
    assert forms.parse_text_field("amount", "1234.50") == 123450
    assert forms.parse_text_field("day", "4 octobre 2016") == date(2016, 10, 4)
    assert forms.parse_text_field("instant", "04/10/2016 09:30") == datetime(2016, 10, 4, 9, 30)
    assert forms.parse_text_field("instant", "4 octobre 2016 à 9h30") == datetime(2016, 10, 4, 9, 30)
    assert forms.parse_text_field("instant", "2016-10-04T09:30+02:00").utcoffset() is not None
    assert forms.parse_text_field("strings", "site, DNS ; messagerie") == ("site", "DNS", "messagerie")
    assert forms.parse_text_field("int", " 8 ") == 8
    assert forms.parse_text_field("text", "   ") is None
    with pytest.raises(ValueError, match="date et une heure"):
        forms.parse_text_field("instant", "demain matin")
    with pytest.raises(ValueError, match="nombre entier"):
        forms.parse_text_field("int", "huit")
    assert forms.check_siren("732 829 321") is not None
    assert forms.check_siren("") is None


def test_build_event_reports_every_missing_field():
    event, problems = forms.build_event("invoice", "x", {"title": "Facture"})
    assert event is None
    assert {p.path for p in problems} == {"date", "number", "amount_incl_tax"}
    outage, problems = forms.build_event("outage", "o", {"title": "Coupure", "start": datetime(2024, 5, 2, 8),
                                                         "services": ("site",)})
    assert problems == [] and isinstance(outage, Outage) and outage.date == date(2024, 5, 2)


def test_timeline_rows_and_filters(tmp_path: Path):
    from dossier_app.services.store_access import open_home

    store = open_home(tmp_path / "home")
    try:
        case_id = load_case(store, write_case(tmp_path / "case"))
        rows = timeline_rows(store, case_id)
        assert [r.id for r in rows] == ["k1", "f1", "p1", "o1", "l1"]
        invoice = rows[1]
        assert invoice.amount_cents == 123450 and type(invoice.amount_cents) is int
        assert invoice.key_fact and invoice.exhibits == 1 and invoice.actor == "them"
        assert invoice.day == date(2024, 3, 15) and invoice.moment is None
        outage = rows[3]
        assert outage.moment == datetime(2024, 5, 2, 8, 0) and outage.tags == ("coupure",)
        assert outage.end == datetime(2024, 5, 4, 18, 30, tzinfo=timezone(timedelta(hours=2)))
        assert [r.amount_cents for r in rows] == [None, 123450, 50000, None, None]
        assert timeline.timeline_rows(store, case_id, limit=2, offset=1) == rows[1:3]
        assert timeline.count_events(store, case_id) == 5
        keep = filter_rows(rows, EventFilter(text="2024-003"))
        assert [r.id for r, ok in zip(rows, keep, strict=True) if ok] == ["f1"]
        keep = filter_rows(rows, EventFilter(date_from=date(2024, 4, 1), kinds=frozenset({"outage", "payment"})))
        assert [r.id for r, ok in zip(rows, keep, strict=True) if ok] == ["p1", "o1"]

        links = timeline.links_of_event(store, case_id, "p1")
        event = timeline.read_event(store, case_id, "p1")
        events.remove_event(store, case_id, "p1")
        timeline.restore_event(store, case_id, event, links)
        assert timeline.links_of_event(store, case_id, "p1") == links
        assert timeline.new_event_id(store, case_id, "invoice") == "inv-1"
        with pytest.raises(UserError):
            timeline.read_event(store, case_id, "nope")
        assert isinstance(timeline.read_event(store, case_id, "f1"), Invoice)
    finally:
        store.close()


def test_the_text_search_sets_accents_and_case_aside(tmp_path: Path):
    from dossier_app.services.store_access import open_home
    from tests.support.cases import small_document

    document = small_document()
    document["events"] += [
        {"id": "p2", "kind": "payment", "date": "2024-06-01", "title": "Règlement du solde", "amount": "734.50"},
        {"id": "n1", "kind": "note", "date": "2024-06-02", "title": "ÉCHÉANCE DÉPASSÉE",
         "description": "Le cœur du litige"},
    ]
    store = open_home(tmp_path / "home")
    try:
        rows = timeline_rows(store, load_case(store, write_case(tmp_path / "case", document)))
    finally:
        store.close()

    def found(text: str) -> list[str]:
        return [r.id for r, ok in zip(rows, filter_rows(rows, EventFilter(text=text)), strict=True) if ok]

    assert found("reglement") == ["p2"]
    assert found("RÈGLEMENT") == ["p2"]
    assert found("echeance") == ["n1"]
    assert found("  Échéance ") == ["n1"]
    assert found("coeur") == ["n1"]
    assert found("coupe") == ["o1"]  # "Site coupé"
    assert found("reglements") == []
    index = timeline.SearchIndex(rows)
    assert filter_rows(rows, EventFilter(text="depassee"), index) == [r.id == "n1" for r in rows]


def test_the_quick_fold_is_fold():
    """The search index folds its texts through a faster path: it must give ``fold``'s answer."""
    from dossier_app.domain.text_search import fold
    from dossier_app.services.timeline import _fold_quickly

    samples = ["Règlement", "ÉCHÉANCE", "Œuvre", "straße", "İstanbul", "ΟΔΟΣ ΣΑΣ", "Ꭰ", "ﬁn", "Ⅻ", "e\u0301",
               "L\u2019acompte", "Facture n° 12 — 3 500,00 €", "ǅ", "ß", "ﬀ"]
    samples += [chr(c) + "A" + chr(c) for c in range(0x80, 0x3000)]
    assert [_fold_quickly(s) for s in samples] == [fold(s) for s in samples]
