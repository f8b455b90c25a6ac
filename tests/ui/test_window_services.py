"""The services the window calls, without Qt: typed values, the timeline read model, filters."""

from __future__ import annotations

from datetime import date, datetime
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
        assert invoice.amount == "1234.50" and invoice.key_fact and invoice.exhibits == 1 and invoice.actor == "them"
        assert rows[3].end == "2024-05-04T18:30+02:00" and rows[3].tags == ("coupure",)
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
