"""``dossier calendar`` on the demo case: the table, --json, and the .ics read back with icalendar."""

from __future__ import annotations

import json

from icalendar import Calendar


def test_calendar_table_json_and_ics(dossier, tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_LANG", "fr")
    assert dossier("demo").code == 0
    shown = dossier("calendar", "1", "--today", "2025-11-10")
    assert shown.code == 0
    lines = shown.out.splitlines()
    # The hearing of 18 November 2025 at 14:00, a Tuesday, still to come; the assignation's filing day, today.
    assert any(line.startswith("mar. 18/11/2025  ") and "Audience à 14:00 : Tribunal de commerce de Laval" in line
               for line in lines)
    assert any(line.startswith("lun. 03/11/2025  passé") for line in lines)
    assert "→ Venez à l'audience" in shown.out

    document = json.loads(dossier("calendar", "1", "--today", "2025-11-10", "--json").out)
    kinds = [(x["day"], x["kind"], x["past"]) for x in document["deadlines"]]
    assert ("2025-11-18", "hearing", False) in kinds and ("2025-11-03", "summons_served", True) in kinds

    target = tmp_path / "affaire.ics"
    written = dossier("calendar", "1", "--today", "2025-11-10", "--ics", str(target))
    assert written.code == 0 and f"{len(kinds)} dates écrites dans {target}" in written.out
    first = target.read_bytes()
    events = Calendar.from_ical(first).walk("VEVENT")
    assert [(e.decoded("dtstart").isoformat(), str(e["categories"].cats[0])) for e in events] == \
        [(day, kind) for day, kind, _ in kinds]
    hearing = next(e for e in events if str(e["categories"].cats[0]) == "hearing")
    assert str(hearing["summary"]).startswith("Audience à 14:00")
    assert "dossier imprimé" in str(hearing["description"])
    assert len({str(e["uid"]) for e in events}) == len(events)
    # Written again another day: byte for byte the same (no clock in DTSTAMP, UIDs from the case).
    assert dossier("calendar", "1", "--today", "2026-01-05", "--ics", str(target)).code == 0
    assert target.read_bytes() == first
    assert not list(tmp_path.glob(".affaire.ics.*"))  # no temporary file left beside it


def test_calendar_refuses_a_folder_as_its_ics(dossier, tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_LANG", "fr")
    dossier("demo")
    folder = tmp_path / "agenda.ics"
    folder.mkdir()
    refused = dossier("calendar", "1", "--ics", str(folder))
    assert refused.code != 0 and "est un dossier" in refused.err
