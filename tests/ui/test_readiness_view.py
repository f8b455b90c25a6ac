"""The « Vérification » tab, used as a user does: its findings worst first, each leading to what it is
about, a badge counting what blocks, kept up to date as the case changes (issue 13, point 2)."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from dossier_app.services import cases, events, readiness, timeline
from dossier_app.services.demo import create_demo
from dossier_app.services.interchange import load_case
from dossier_app.ui.case_session import Change
from tests.support.cases import small_document, write_case
from tests.ui.test_one_form import double_click

READINESS_TAB = 2


def blocked_document() -> dict:
    """Two findings block: no court named, and a formal notice nothing proves was sent."""
    doc = small_document()
    del doc["case"]["court"]
    doc["case"]["them"]["address"] = "12 avenue de la Gare, 35000 Rennes"
    doc["events"].append({"id": "l2", "kind": "registered_letter", "date": "2024-06-01",
                          "title": "Seconde mise en demeure", "formal_notice": True})
    return doc


def ready_document() -> dict:
    doc = small_document()
    doc["case"]["them"]["address"] = "12 avenue de la Gare, 35000 Rennes"
    doc["events"] = [e for e in doc["events"] if e["id"] == "l1"]
    doc["exhibits"] = [{"path": "files/lettre.txt", "title": "Mise en demeure", "events": ["l1"]}]
    return doc


def checked(qtbot, window) -> None:
    """Wait for the check under way (and the one a change just asked for) to be over."""
    qtbot.waitUntil(lambda: not window.readiness.busy, timeout=10000)


def show_tab(qtbot, window) -> None:
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(READINESS_TAB).center())
    assert window.tabs.currentWidget() is window.readiness_view


def finding_point(qtbot, window, code: str, about: str | None = None) -> QPoint:
    view = window.readiness_view
    rows = [i for i, f in enumerate(view.model.findings)
            if f.code == code and about in (None, f.event_id, f.exhibit)]
    assert rows, f"no {code} finding among {[f.code for f in view.model.findings]}"
    index = view.model.index(rows[0])
    qtbot.waitUntil(lambda: view.list.visualRect(index).isValid())  # laid out (in batches)
    view.list.scrollTo(index)
    return view.list.visualRect(index).center()


def tab_text(window) -> str:
    return window.tabs.tabText(READINESS_TAB)


def test_a_finding_about_an_event_leads_to_it_in_the_timeline(qtbot, open_window, store) -> None:
    case_id = create_demo(store)
    window = open_window(str(case_id))
    checked(qtbot, window)
    show_tab(qtbot, window)
    view = window.readiness_view
    # Worst first, each with its word beside its icon; as `check` says them, in its order.
    assert [(f.code, f.message) for f in view.model.findings] == [
        (f.code, f.message) for f in readiness.readiness(store, case_id)]
    assert [view.model.index(i).data(Qt.ItemDataRole.AccessibleTextRole).split(":")[0]
            for i in range(2)] == ["Attention", "Attention"]
    double_click(view.list, finding_point(qtbot, window, "event_without_exhibit", "f-101"))
    assert window.tabs.currentWidget() is window.timeline
    assert window.timeline.selected_event_id() == "f-101"
    assert window.timeline.table.hasFocus()


def test_an_event_hidden_by_the_timeline_s_filter_is_shown_all_the_same(qtbot, open_window, store) -> None:
    case_id = create_demo(store)
    window = open_window(str(case_id))
    checked(qtbot, window)
    qtbot.keyClicks(window.timeline.filter_bar.text, "Pixelune")  # f-101 is WebPlus's invoice
    assert window.timeline.proxy.proxy_row_of("f-101") is None
    show_tab(qtbot, window)
    point = finding_point(qtbot, window, "event_without_exhibit", "f-101")
    window.readiness_view.list.setCurrentIndex(window.readiness_view.list.indexAt(point))
    qtbot.keyClick(window.readiness_view.list, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.timeline
    assert window.timeline.selected_event_id() == "f-101"


def test_an_exhibit_finding_chooses_the_exhibit(qtbot, open_window, store) -> None:
    case_id = create_demo(store)
    window = open_window(str(case_id))
    checked(qtbot, window)
    show_tab(qtbot, window)
    far = next(f for f in window.readiness_view.model.findings if f.code == "exhibit_date_far")
    point = finding_point(qtbot, window, "exhibit_date_far")
    window.readiness_view.list.setCurrentIndex(window.readiness_view.list.indexAt(point))
    qtbot.keyClick(window.readiness_view.list, Qt.Key.Key_Enter)
    chosen = window.exhibits.selected()
    assert chosen is not None and chosen.sha256 == far.exhibit
    assert "F-2025-031" in window.exhibits.caption.text()


def test_the_badge_counts_what_blocks_and_a_case_finding_opens_the_form_where_it_is_fixed(
        qtbot, open_window, store, tmp_path: Path) -> None:
    case_id = load_case(store, write_case(tmp_path / "case", blocked_document()))
    window = open_window(str(case_id))
    checked(qtbot, window)
    # Counted while the timeline is the tab shown.
    assert window.tabs.currentWidget() is window.timeline
    assert tab_text(window) == "Vérification (2)"
    assert not window.tabs.tabIcon(READINESS_TAB).isNull()
    show_tab(qtbot, window)
    assert window.readiness_view.chips["blocking"][2].text() == "2 points bloquants"
    assert [f.severity for f in window.readiness_view.model.findings][:2] == ["blocking", "blocking"]
    double_click(window.readiness_view.list, finding_point(qtbot, window, "no_court"))
    form = window.cases.form
    assert form is not None and form.isVisible()
    assert form.tabs.tabText(form.tabs.currentIndex()) == "Tribunal et avocat"
    court = form.fields["court"].edit
    qtbot.waitUntil(court.hasFocus)
    qtbot.keyClicks(court, "Tribunal de commerce de Laval")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    checked(qtbot, window)
    assert tab_text(window) == "Vérification (1)"
    assert "no_court" not in {f.code for f in window.readiness_view.model.findings}
    # Fixed through the services (the command's way, in this window): a tracking number proves the sending.
    letter = timeline.read_event(store, case_id, "l2")
    events.replace_event(store, case_id, "l2", replace(letter, tracking_number="1A98765432109"))
    window.session.tell(Change.of_events(["l2"]))
    checked(qtbot, window)
    assert tab_text(window) == "Vérification"
    assert window.tabs.tabIcon(READINESS_TAB).isNull()
    assert not window.readiness_view.chips["blocking"][0].isVisible()


def test_a_ready_case_says_so(qtbot, open_window, store, tmp_path: Path) -> None:
    case_id = load_case(store, write_case(tmp_path / "case", ready_document()))
    window = open_window(str(case_id))
    checked(qtbot, window)
    show_tab(qtbot, window)
    view = window.readiness_view
    assert view.message.isVisible()
    assert view.message.text() == "Rien à signaler : le dossier est prêt."
    assert not view.list.isVisible()
    assert tab_text(window) == "Vérification"


def test_files_are_re_hashed_when_the_exhibits_change_not_at_each_edit(
        qtbot, open_window, store, small_case, monkeypatch: pytest.MonkeyPatch) -> None:
    hashed = []
    real = readiness.integrity_facts
    monkeypatch.setattr(readiness, "integrity_facts", lambda s, c: hashed.append(c) or real(s, c))
    window = open_window(str(small_case))
    checked(qtbot, window)
    assert hashed == [small_case]
    # The case block edited: the check runs again (the badge follows), the files are not re-hashed.
    old = cases.read_case(store, small_case)
    cases.update_case(store, small_case, replace(old, id=None, court=None))
    window.session.tell(Change(case=True))
    checked(qtbot, window)
    assert tab_text(window) == "Vérification (1)"
    assert hashed == [small_case]
    # A file altered behind the window's back: « Vérifier à nouveau » re-hashes and finds it.
    exhibit = window.exhibits.model.exhibits[0]
    path = store.blobs.path(exhibit.sha256)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    path.write_text("autre chose", encoding="utf-8")
    show_tab(qtbot, window)
    qtbot.mouseClick(window.readiness_view.recheck_button, Qt.MouseButton.LeftButton)
    checked(qtbot, window)
    assert hashed == [small_case, small_case]
    assert "altered_file" in {f.code for f in window.readiness_view.model.findings}
    assert tab_text(window) == "Vérification (2)"
