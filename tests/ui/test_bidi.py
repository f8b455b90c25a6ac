"""Titles holding bidi overrides or control characters are shown without them, wherever the window shows them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dossier_app.services.interchange import load_case
from dossier_app.ui.cases.model import PARTIES
from dossier_app.ui.cases.model import TITLE as CASE_TITLE
from dossier_app.ui.exhibits.model import TITLE as EXHIBIT_TITLE
from dossier_app.ui.timeline.model import TITLE as EVENT_TITLE
from tests.support.cases import small_document, write_case

HIDDEN = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
CONTROLS = {chr(c) for c in range(32)} | {"\x7f"} | set(HIDDEN)
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


def clean(text: str) -> bool:
    # Tooltips keep their own line breaks; nothing else invisible may reach the screen.
    return not (set(text) - {"\n"}) & CONTROLS


@pytest.fixture
def tricky_case(store, tmp_path: Path) -> int:
    doc = small_document()
    doc["case"]["title"] = "Boulangerie\u202e Martin\x1b[31m c/ WebPlus"
    doc["case"]["us"]["name"] = "Boulangerie\u2066 Martin\x07"
    doc["case"]["them"]["name"] = "Web\u2067Plus\u2069"
    f1 = next(e for e in doc["events"] if e["id"] == "f1")
    f1["title"] = "Facture\u202e 300.1\x08 \u202dpayée\u202c"
    f1["description"] = "Ligne 1\u202e\nLigne 2\x1b"
    doc["exhibits"][0]["title"] = "Facture\u202b 2024\x0b-003"
    return load_case(store, write_case(tmp_path / "tricky", doc))


def test_bidi_and_control_characters_never_reach_the_screen(qtbot, open_window, store, tricky_case):
    window = open_window()
    window.grab()  # painted once: the band's labels are drawn
    cases = window.cases.model
    row = cases.row_of(tricky_case)
    for column in (CASE_TITLE, PARTIES):
        for role in (DISPLAY, TOOLTIP):
            assert clean(cases.index(row, column).data(role)), repr(cases.index(row, column).data(role))
    assert cases.index(row, CASE_TITLE).data() == "Boulangerie Martin [31m c/ WebPlus"
    assert cases.index(row, PARTIES).data() == "Boulangerie Martin  / WebPlus"

    events = window.timeline.model
    f1 = events.row_of("f1")
    assert events.index(f1, EVENT_TITLE).data() == "Facture 300.1  payée"
    assert clean(events.index(f1, EVENT_TITLE).data(TOOLTIP)), repr(events.index(f1, EVENT_TITLE).data(TOOLTIP))
    band = window.timeline.band.item
    assert "f1" in band._labels, "the key fact's label was painted"
    assert clean(band._labels["f1"][0])

    exhibits = window.exhibits.model
    assert exhibits.index(0, EXHIBIT_TITLE).data() == "Facture 2024 -003"
    assert clean(exhibits.index(0, EXHIBIT_TITLE).data(TOOLTIP))
    window.exhibits.select(exhibits.exhibits[0].sha256)
    assert window.exhibits.caption.text().endswith("Facture 2024 -003")

    for text in (window.windowTitle(), window.case_title.text(), window.case_parties.text()):
        assert clean(text), repr(text)
    assert window.windowTitle() == "Boulangerie Martin [31m c/ WebPlus — Dossier"

    form = window.events.edit_event("f1")
    assert clean(form.windowTitle()), repr(form.windowTitle())
    form.reject()
    window.timeline.select_event("f1")
    window.actions_.delete.trigger()
    assert clean(window.statusBar().currentMessage()), repr(window.statusBar().currentMessage())
    assert clean(window.actions_.undo.text()), repr(window.actions_.undo.text())
