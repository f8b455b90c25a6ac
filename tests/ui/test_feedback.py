"""Feedback a stressed user needs (issue 13, item 8): a status line after every saved change, the
Edit menu naming the right step after an undo, creating a case undoable, a second case of the same
title warned about."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from dossier_app.services import cases, events, exhibits
from dossier_app.services.session import case_lines
from tests.ui.test_events import type_into

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def said(window) -> str:
    return window.statusBar().currentMessage()


def add_event(qtbot, window, title: str) -> None:
    """Ctrl+N on the timeline, a note typed, OK clicked."""
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_N, CTRL)
    form = window.events.form
    form.kind.setCurrentIndex(form.kind.findData("note"))
    type_into(qtbot, form.field("date"), "12/05/2024")
    type_into(qtbot, form.field("title"), title)
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not form.isVisible()


def new_case(qtbot, window, title: str, them: str = "WebPlus"):
    """Fichier › Nouvelle affaire, the form filled, OK clicked."""
    window.actions_.new_case.trigger()
    form = window.cases.form
    type_into(qtbot, form.fields["title"].edit, title)
    type_into(qtbot, form.fields["us.name"].edit, "Nous")
    type_into(qtbot, form.fields["them.name"].edit, them)
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    if not form.isVisible():
        # The window manager gives the focus back to the window; the offscreen platform does not.
        with qtbot.waitActive(window):
            window.activateWindow()
    return form


def test_every_saved_change_is_said_in_the_status_line(qtbot, open_window, store, small_case):
    window = open_window()
    add_event(qtbot, window, "Appel du client")
    assert said(window) == "Événement « Appel du client » enregistré."
    event_id = window.timeline.selected_event_id()
    window.actions_.edit_event.trigger()
    form = window.events.form
    type_into(qtbot, form.field("title"), "Appel du fournisseur")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert said(window) == "Événement « Appel du fournisseur » modifié."
    window.actions_.duplicate_event.trigger()
    form = window.events.form
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert said(window) == "Copie enregistrée : « Appel du fournisseur »."
    window.timeline.select_event(event_id)
    window.timeline.table.setFocus()
    window.actions_.delete.trigger()
    assert said(window).startswith("« Appel du fournisseur » supprimé")

    # The exhibits: edited, unlinked, removed.
    invoice = next(x for x in exhibits.exhibits(store, small_case) if x.title == "Facture 2024-003")
    window.exhibits.select(invoice.sha256)
    window.actions_.edit_exhibit.trigger()
    dialog = window.events.exhibit_dialog
    type_into(qtbot, dialog.title, "Facture 2024-003 signée")
    dialog.accept()
    assert said(window) == "Pièce « Facture 2024-003 signée » modifiée."
    window.events.unlink(exhibits.exhibits(store, small_case)[0], "p1")
    assert said(window) == "Pièce « Facture 2024-003 signée » déliée de l'événement."
    window.exhibits.select(invoice.sha256)
    window.actions_.remove_exhibit.trigger()
    assert said(window).startswith("Pièce « Facture 2024-003 signée » retirée de l'affaire")

    # The case: edited, renamed, deleted.
    window.actions_.edit_case.trigger()
    form = window.cases.form
    type_into(qtbot, form.fields["court"].edit, "Tribunal de commerce du Mans")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert said(window) == "Affaire « Boulangerie Martin c/ WebPlus » enregistrée."
    window.answers.texts.append("Martin contre WebPlus")
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_F2)
    assert said(window) == "Affaire renommée : « Martin contre WebPlus »."
    window.actions_.delete_case.trigger()
    assert said(window) == "Affaire « Martin contre WebPlus » supprimée."


def test_undo_names_the_step_in_the_menu_and_in_the_status_line(qtbot, open_window, store, small_case):
    window = open_window()
    add_event(qtbot, window, "Premier appel")
    add_event(qtbot, window, "Second appel")
    undo, redo = window.actions_.undo, window.actions_.redo
    assert "Second appel" in undo.text()
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z, CTRL)
    assert "Premier appel" in undo.text() and "Second appel" not in undo.text()
    assert "Second appel" in redo.text()
    assert said(window) == "Annulé : ajout de « Second appel »."
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert "Second appel" in undo.text() and not redo.isEnabled()
    assert said(window) == "Rétabli : ajout de « Second appel »."


def test_creating_a_case_can_be_undone_and_redone(qtbot, open_window, store, small_case):
    window = open_window()
    new_case(qtbot, window, "Martin c/ Hébergeur")
    created = next(line.id for line in case_lines(store) if line.title == "Martin c/ Hébergeur")
    assert window.case_id == created
    assert said(window) == "Affaire « Martin c/ Hébergeur » créée."
    assert "Martin c/ Hébergeur" in window.actions_.undo.text()
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: window.case_id == small_case)
    assert [line.title for line in case_lines(store)] == ["Boulangerie Martin c/ WebPlus"]
    assert window.cases.model.rowCount() == 1
    assert "Martin c/ Hébergeur" in window.actions_.redo.text()
    qtbot.keyClick(window.cases.view, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.case_title.text() == "Martin c/ Hébergeur")
    assert sorted(line.title for line in case_lines(store)) == ["Boulangerie Martin c/ WebPlus", "Martin c/ Hébergeur"]
    assert window.cases.model.rowCount() == 2
    assert said(window) == "Rétabli : création de l'affaire « Martin c/ Hébergeur »."
    # Once it holds something, undoing its creation keeps it and says why.
    events.add_event(store, window.case_id, {"kind": "note", "date": "2024-05-12", "title": "Un appel"})
    qtbot.keyClick(window.cases.view, Qt.Key.Key_Z, CTRL)
    assert len(case_lines(store)) == 2
    assert window.answers.errors and "Martin c/ Hébergeur" in window.answers.errors[-1]
    from dossier_app.ui.menu_words import menu_path

    assert menu_path(window.actions_.delete_case) in window.answers.errors[-1]  # where to delete it, as the menu says
    # …and the step stays done: no « Rétablir » that would make a second one.
    qtbot.waitUntil(lambda: not window.actions_.redo.isEnabled())
    assert "Martin c/ Hébergeur" in window.actions_.undo.text()


def test_a_second_case_with_the_same_title_is_asked_about(qtbot, open_window, store, small_case):
    window = open_window()
    window.answers.confirm_with = False
    form = new_case(qtbot, window, "BOULANGERIE MARTIN c/ WebPlus", them="Autre")
    assert "Boulangerie Martin c/ WebPlus" in window.answers.confirmations[-1]
    assert form.isVisible() and len(case_lines(store)) == 1
    window.answers.confirm_with = True
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not form.isVisible() and len(case_lines(store)) == 2
    # Renaming the new one as the old one is asked about too; declined, nothing changes.
    before = len(window.answers.confirmations)
    window.answers.confirm_with = False
    window.answers.texts.append("Boulangerie Martin c/ WebPlus")
    window.actions_.rename_case.trigger()
    assert len(window.answers.confirmations) == before + 1
    assert cases.read_case(store, window.case_id).title == "BOULANGERIE MARTIN c/ WebPlus"


def test_the_first_case_undone_leaves_an_empty_window_that_can_redo_it(qtbot, open_window, store):
    window = open_window(empty=True)
    new_case(qtbot, window, "Martin c/ Hébergeur")
    assert len(case_lines(store)) == 1
    window.actions_.undo.trigger()  # Édition › Annuler création de l'affaire…
    qtbot.waitUntil(lambda: window.case_id is None)
    assert case_lines(store) == [] and window.welcome.isVisible()
    assert "Martin c/ Hébergeur" in window.actions_.redo.text()
    window.actions_.redo.trigger()
    qtbot.waitUntil(lambda: window.case_id is not None)
    assert [line.title for line in case_lines(store)] == ["Martin c/ Hébergeur"]
    assert "Martin c/ Hébergeur" in window.actions_.undo.text()


def test_an_import_says_how_many_exhibits_it_added(qtbot, open_window, store, small_case, tmp_path):
    from tests.ui.test_exhibits import wait_review

    window = open_window()
    paths = []
    for name in ("relance-1.txt", "relance-2.txt"):
        path = tmp_path / name
        path.write_text(f"Relance {name} du 4 octobre 2024\n", encoding="utf-8")
        paths.append(path)
    window.import_paths(paths)
    review = wait_review(qtbot, window)
    with qtbot.waitSignal(window.imports.done):
        review.accept()
    qtbot.waitUntil(lambda: "Import terminé" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == "Import terminé : 2 pièces ajoutées."


def test_a_step_that_could_not_be_undone_is_not_named_as_another(qtbot, open_window, store, small_case):
    """Its undo refused, the step leaves the stack: the status line must not name the step after it."""
    from dataclasses import replace

    from dossier_app.services import timeline

    window = open_window()
    form = window.events.edit_event("f1")
    type_into(qtbot, form.field("title"), "Facture 2024-003 contestée")
    form.save()
    add_event(qtbot, window, "Appel du client")
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z, CTRL)
    assert said(window) == "Annulé : ajout de « Appel du client »."
    window.statusBar().clearMessage()
    other = timeline.read_event(store, small_case, "f1")
    events.replace_event(store, small_case, "f1", replace(other, title="Facture 2024-003 payée en partie"))
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z, CTRL)
    assert any("a changé depuis" in text for text in window.answers.errors)
    assert said(window) == ""
    assert "Appel du client" in window.actions_.redo.text()


def test_a_case_that_could_not_be_made_again_leaves_the_stack(qtbot, open_window, store, small_case, monkeypatch):
    """Ctrl+Maj+Z on a case's creation refused: no « Annuler » of a case that was not made."""
    from dossier_app.domain.errors import UserError

    window = open_window()
    new_case(qtbot, window, "Martin c/ Hébergeur")
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: window.case_id == small_case)
    assert "Martin c/ Hébergeur" in window.actions_.redo.text()

    def refuse(*args: object, **kwargs: object) -> int:
        raise UserError("Le disque est plein.")

    monkeypatch.setattr(cases, "create_case", refuse)
    window.statusBar().clearMessage()
    qtbot.keyClick(window.cases.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.answers.errors[-1] == "Le disque est plein."
    assert not window.actions_.redo.isEnabled() and not window.actions_.undo.isEnabled()
    assert said(window) == ""
    assert [line.title for line in case_lines(store)] == ["Boulangerie Martin c/ WebPlus"]
