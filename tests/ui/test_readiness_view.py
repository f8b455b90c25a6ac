"""The « Vérification » tab, used as a user does: its findings worst first, each leading to what it is
about, a badge counting what blocks, kept up to date as the case changes (issue 13, point 2)."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from dossier_app.services import cases, events, exhibits, readiness, timeline
from dossier_app.services.demo import create_demo
from dossier_app.services.interchange import load_case
from dossier_app.ui.case_session import Change
from dossier_app.ui.readiness.model import HOW_ROLE
from tests.support.cases import small_document, write_case
from tests.support.findings import AS_OF, every_finding_document
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
    from dossier_app.services import child_process

    hashed = []
    real = child_process.readiness

    def spy(home, case_id, as_of, integrity, cancelled=None):
        if integrity is None:  # the child re-hashes the files
            hashed.append(case_id)
        return real(home, case_id, as_of, integrity, cancelled)

    monkeypatch.setattr(child_process, "readiness", spy)
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


# --- each finding in plain words, with the menu entry that does what it asks -------------------------

# « dossier » followed by a command word: what the command's lines say, never the window's.
COMMAND = re.compile(r"«\s*dossier\s+[a-z-]+|\bdossier\s+(?:link|import|export|rates|event|exhibit|case|check)\b")


def shown(window) -> list[tuple[str, str, str]]:
    """Each finding as the tab shows it: its code, its message, the greyer line under it."""
    model = window.readiness_view.model
    return [(f.code, str(model.index(i).data()), str(model.index(i).data(HOW_ROLE)))
            for i, f in enumerate(model.findings)]


def entry(action) -> str:
    return action.text().replace("&", "")


def keys(action) -> str:
    """The action's first shortcut as the menu shows it (« Ctrl+Maj+L » once Qt speaks French)."""
    from PySide6.QtGui import QKeySequence

    return action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)


def test_no_finding_shown_names_a_command_on_the_demo(qtbot, open_window, store) -> None:
    case_id = create_demo(store)
    window = open_window(str(case_id))
    checked(qtbot, window)
    show_tab(qtbot, window)
    rows = shown(window)
    assert rows
    for code, message, how in rows:
        assert not COMMAND.search(message), (code, message)
        assert not COMMAND.search(how), (code, how)
    # The invoice nothing proves: its event chosen, Édition › Lier des pièces à l'événement… does it.
    a = window.actions_
    (how,) = [h for c, m, h in rows if c == "event_without_exhibit" and "F-2025-101" in m]
    assert how == f"Menu Édition › {entry(a.link_exhibits)} (Ctrl+L)"
    # Painted under the finding: its row is taller than the message alone.
    view = window.readiness_view
    row = next(i for i, f in enumerate(view.model.findings) if f.code == "event_without_exhibit")
    index = view.model.index(row)
    qtbot.waitUntil(lambda: view.list.visualRect(index).isValid())
    line = view.list.fontMetrics().height()
    assert view.list.visualRect(index).height() >= 2 * line + 16
    assert index.data(Qt.ItemDataRole.ToolTipRole) == how
    window.grab().save(os.environ.get("READINESS_PNG", str(Path(window.session.store.home) / "readiness.png")))


def test_every_kind_of_finding_in_plain_words_with_the_menu_entry_from_the_action(
        qtbot, open_window, store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier_app.ui.readiness import controller

    class Day(date):
        @classmethod
        def today(cls) -> date:  # type: ignore[override]
            return date.fromisoformat(AS_OF)

    monkeypatch.setattr(controller, "date", Day)
    empty = cases.create_case(store, cases.blank_case("Affaire vide", "provider"))  # no event, no exhibit
    case_id = load_case(store, write_case(tmp_path / "case", every_finding_document()))
    lost = next(x for x in exhibits.exhibits(store, case_id) if x.title == "Courrier")
    path = store.blobs.path(lost.sha256)
    os.chmod(path.parent, stat.S_IRWXU)
    path.unlink()  # the file gone from the data folder: « missing_file »
    window = open_window(str(case_id))
    a = window.actions_
    checked(qtbot, window)
    show_tab(qtbot, window)
    rows = shown(window)
    window.session.open(empty)
    checked(qtbot, window)
    rows += shown(window)
    codes = {code for code, _m, _h in rows}
    assert codes >= {"no_events", "no_exhibits", "missing_file", "no_court", "hearing_past",
                     "other_side_no_siren", "other_side_no_address", "event_without_exhibit", "notice_unproved",
                     "notice_without_exhibit", "no_tracking_number", "proof_excluded", "terms_beyond_cap",
                     "due_before_invoice", "rate_below_floor", "as_of_rate_unknown", "rate_unknown",
                     "outage_unproved", "exhibit_date_far", "numbering_gap", "notice_unclaimed",
                     "exhibit_unlinked", "no_formal_notice"}
    for code, message, how in rows:
        assert not COMMAND.search(message), (code, message)
        assert not COMMAND.search(how), (code, how)
    hows = {code: how for code, _m, how in rows}
    # Each menu entry read from its action, in the menu the user finds it in.
    assert keys(a.link_events) in ("Ctrl+Shift+L", "Ctrl+Maj+L")
    assert hows["exhibit_unlinked"] == f"Menu Pièces › {entry(a.link_events)} ({keys(a.link_events)})"
    assert hows["no_exhibits"] == f"Menu Pièces › {entry(a.import_files)} (Ctrl+I)"
    assert hows["no_court"] == f"Menu Affaire › {entry(a.edit_case)} ({keys(a.edit_case)})"
    assert hows["as_of_rate_unknown"] == hows["rate_unknown"] == f"Menu Affaire › {entry(a.add_rate)}"
    assert hows["no_events"] == (f"Menu Édition › {entry(a.new_event)} (Ctrl+N) "
                                 f"ou Pièces › {entry(a.import_files)} (Ctrl+I)")
    # The export dialog's « Renuméroter les pièces » box closes a gap.
    assert hows["numbering_gap"] == f"Menu Affaire › {entry(a.export_dossier)} (Ctrl+P)"
    # The action's text changed, the line follows: it cannot drift from the menu.
    a.import_files.setText("&Importer des fichiers\u2026")
    qtbot.mouseClick(window.readiness_view.recheck_button, Qt.MouseButton.LeftButton)
    checked(qtbot, window)
    assert dict((c, h) for c, _m, h in shown(window))["no_exhibits"] == \
        "Menu Pièces › Importer des fichiers\u2026 (Ctrl+I)"
