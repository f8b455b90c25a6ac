"""A protected PDF shown in the preview asks for its password, keeps it as `exhibit set --password` does,
then shows its pages; a wrong one is asked again; cancelling says so in the preview."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pikepdf

from dossier_app.services import exhibits, importing
from dossier_app.store import repository as repo


def protected_exhibit(store, case_id: int, tmp_path: Path) -> str:
    """An exhibit whose PDF needs a password the store does not hold (as a case file brings it)."""
    path = tmp_path / "releve-protege.pdf"
    with pikepdf.new() as pdf:
        pdf.add_blank_page(page_size=(595, 842))
        pdf.save(path, encryption=pikepdf.Encryption(owner="proprio", user="s3cret"))
    plan = importing.plan_import(store, case_id, [path], "s3cret")
    result = importing.commit_import(store, case_id, plan)
    sha = result.added[0].exhibit.sha256
    repo.update_exhibit(store, replace(exhibits.find_exhibit(store, case_id, sha), password=None))
    return sha


def test_the_preview_asks_for_the_password_again_until_it_opens(qtbot, open_window, store, small_case, tmp_path):
    sha = protected_exhibit(store, small_case, tmp_path)
    window = open_window()
    window.answers.passwords = ["faux", "s3cret"]
    window.exhibits.select(sha)
    qtbot.waitUntil(lambda: window.exhibits.preview.shown_pages == 1)
    questions = window.answers.password_questions
    assert len(questions) == 2 and "« Releve-protege »" in questions[0] and "n'ouvre pas" in questions[1]
    assert exhibits.find_exhibit(store, small_case, sha).password == "s3cret"
    assert window.statusBar().currentMessage() == "Mot de passe de « Releve-protege » gardé avec la pièce."


def test_cancelling_says_so_in_the_preview(qtbot, open_window, store, small_case, tmp_path):
    sha = protected_exhibit(store, small_case, tmp_path)
    window = open_window()
    window.resize(1366, 768)
    window.exhibits.select(sha)
    preview = window.exhibits.preview
    qtbot.waitUntil(lambda: bool(window.answers.password_questions))
    qtbot.waitUntil(lambda: "mot de passe" in preview.message.text())
    assert preview.shown_pages == 0 and preview.currentWidget() is preview.message
    assert "Modifier la pièce" in preview.message.text()
    assert exhibits.find_exhibit(store, small_case, sha).password is None
    window.grab().save(str(tmp_path.parent / "preview-password.png"))


def test_undoing_an_exhibit_edit_keeps_the_password_that_opens_it(qtbot, open_window, store, small_case, tmp_path):
    """The password is a fact about the file: Ctrl+Z takes back the title typed with it, not the key."""
    sha = protected_exhibit(store, small_case, tmp_path)
    window = open_window()
    window.answers.passwords = []  # the preview's question left unanswered: the form gives it
    exhibit = exhibits.find_exhibit(store, small_case, sha)
    dialog = window.events.edit_exhibit(exhibit)
    dialog.title.setText("Relevé bancaire de mars")
    dialog.password.setText("s3cret")
    dialog.accept()
    assert exhibits.find_exhibit(store, small_case, sha).password == "s3cret"
    window.undo.undo()
    now = exhibits.find_exhibit(store, small_case, sha)
    assert window.answers.errors == []
    assert now.title == exhibit.title and now.password == "s3cret"
    window.undo.redo()
    assert exhibits.find_exhibit(store, small_case, sha).title == "Relevé bancaire de mars"
    assert window.answers.errors == []


def test_the_locked_preview_names_the_menu_entry_as_the_menu_says_it(qtbot, open_window, store, small_case,
                                                                      tmp_path):
    """The way to give the password is read from the action, never typed: renamed, the sentence follows."""
    from dossier_app.ui.menu_words import menu_path

    sha = protected_exhibit(store, small_case, tmp_path)
    window = open_window()
    window.actions_.edit_exhibit.setText("&Changer la pièce\u2026")
    window.exhibits.select(sha)
    preview = window.exhibits.preview
    qtbot.waitUntil(lambda: "mot de passe" in preview.message.text())
    assert menu_path(window.actions_.edit_exhibit) in preview.message.text()
    assert "Changer la pièce" in preview.message.text()
