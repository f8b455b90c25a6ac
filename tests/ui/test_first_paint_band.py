"""A large case's first page: the table is painted first, the band's marks just after (issue 12, point 5).

Before the first paint the band paints its lanes only (no axis, no "no event"); its marks of the
first page follow once the table is on screen, then those of the whole case.
"""

from __future__ import annotations

from dossier_app.ui.workers import wait_for_all
from tests.ui.conftest import Answers


def test_the_band_of_a_large_case_waits_for_the_first_paint(qtbot, store, settings, small_case, monkeypatch):
    from dossier_app.ui.app import build_window

    monkeypatch.setattr("dossier_app.ui.timeline.controller.FIRST_PAGE", 2)
    window = build_window(store, settings, None, Answers())
    qtbot.addWidget(window)
    band = window.timeline.band.item
    try:
        assert window.timeline.model.rowCount() == 2 and window.timeline.coming
        assert [m.id for m in band.marks] == []  # not painted yet: the table first
        assert band.waiting
        window.show()
        qtbot.waitUntil(lambda: len(band.marks) >= 2, timeout=5000)
        assert not band.waiting
        qtbot.waitUntil(lambda: not window.busy(), timeout=20000)
        assert len(band.marks) == 5  # then every event's
    finally:
        window.close()
        wait_for_all()
