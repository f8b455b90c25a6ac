"""The timeline's search box sets accents and case aside: typing "reglement" finds "Règlement"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dossier_app.services.interchange import load_case
from dossier_app.store import Store
from dossier_app.ui.timeline.model import EVENT_ID_ROLE
from tests.support.cases import small_document, write_case


@pytest.fixture
def accented_case(store: Store, tmp_path: Path) -> int:
    document = small_document()
    document["events"] += [
        {"id": "p2", "kind": "payment", "date": "2024-06-01", "title": "Règlement du solde", "amount": "734.50"},
        {"id": "n1", "kind": "note", "date": "2024-06-02", "title": "Échéance dépassée"},
    ]
    return load_case(store, write_case(tmp_path / "case", document))


def shown(window) -> list[str]:
    proxy = window.timeline.proxy
    return [proxy.index(r, 0).data(EVENT_ID_ROLE) for r in range(proxy.rowCount())]


def test_typing_without_accents_finds_the_accented_words(qtbot, open_window, accented_case):
    window = open_window()
    box = window.timeline.filter_bar.text
    assert len(shown(window)) == 7
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert box.hasFocus()
    qtbot.keyClicks(box, "reglement")
    qtbot.waitUntil(lambda: shown(window) == ["p2"], timeout=2000)
    box.clear()
    qtbot.keyClicks(box, "ECHEANCE")
    qtbot.waitUntil(lambda: shown(window) == ["n1"], timeout=2000)
    assert window.timeline.filter_bar.count.text() == "1 sur 7"
    box.clear()
    qtbot.keyClicks(box, "coupe")  # "Site coupé"
    qtbot.waitUntil(lambda: shown(window) == ["o1"], timeout=2000)
