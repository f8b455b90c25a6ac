"""Ctrl+Z never erases a change made since by another window or by the command."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from dossier_app.services import events, exhibits, timeline
from tests.ui.test_events import type_into


def test_undo_after_another_window_changed_the_event_keeps_that_change(qtbot, open_window, store, small_case):
    window = open_window()
    form = window.events.edit_event("f1")
    type_into(qtbot, form.field("title"), "Facture 2024-003 contestée")
    form.save()
    # Meanwhile a second window on the same data (or `dossier event edit`) changes it again.
    other = timeline.read_event(store, small_case, "f1")
    events.replace_event(store, small_case, "f1", replace(other, title="Facture 2024-003 payée en partie"))
    window.timeline.table.setFocus()
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert timeline.read_event(store, small_case, "f1").title == "Facture 2024-003 payée en partie"
    assert any("a changé depuis" in text for text in window.answers.errors), window.answers.errors


def test_undo_after_another_window_changed_the_exhibit_keeps_that_change(qtbot, open_window, store, small_case):
    window = open_window()
    exhibit = window.exhibits.model.exhibits[0]
    dialog = window.events.edit_exhibit(exhibit)
    dialog.title.setText("Facture 2024-003 (original)")
    dialog.accept()
    exhibits.edit_exhibit(store, small_case, exhibit.sha256, title="Facture renommée ailleurs")
    window.undo.undo()
    now = next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == exhibit.sha256)
    assert now.title == "Facture renommée ailleurs"
    assert any("a changé depuis" in text for text in window.answers.errors), window.answers.errors
    # Without anyone else's change, undo and redo work as before.
    dialog = window.events.edit_exhibit(now)
    dialog.title.setText("Facture 2024-003")
    dialog.accept()
    window.undo.undo()
    assert next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == exhibit.sha256).title == \
        "Facture renommée ailleurs"


def test_a_form_opened_before_another_window_changed_the_event_does_not_overwrite_it(qtbot, open_window, store,
                                                                                      small_case):
    window = open_window()
    form = window.events.edit_event("f1")
    other = timeline.read_event(store, small_case, "f1")
    events.replace_event(store, small_case, "f1", replace(other, title="Facture 2024-003 payée en partie"))
    type_into(qtbot, form.field("title"), "Facture 2024-003 (ma version)")
    form.save()
    assert form.isVisible() and "a changé depuis" in form.general.text()
    assert timeline.read_event(store, small_case, "f1").title == "Facture 2024-003 payée en partie"
    assert window.undo.count() == 0


def test_a_step_that_could_not_be_undone_leaves_the_stack(qtbot, open_window, store, small_case):
    """Refused, the step stays done in the store: Rétablir must not offer to do it again."""
    window = open_window()
    form = window.events.edit_event("f1")
    type_into(qtbot, form.field("title"), "Facture 2024-003 contestée")
    form.save()
    other = timeline.read_event(store, small_case, "f1")
    events.replace_event(store, small_case, "f1", replace(other, title="Facture 2024-003 payée en partie"))
    window.timeline.table.setFocus()
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert any("a changé depuis" in text for text in window.answers.errors)
    assert not window.undo.canRedo() and not window.actions_.redo.isEnabled()
    assert window.undo.count() == 0
