"""Drafting a letter from the window, as a user does: Ctrl+Shift+M on the demo, the formal notice's
pages in the preview, saved as PDF, added to the case as a registered letter with its pièce, undone."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from dossier_app.services import exhibits
from dossier_app.services.demo import create_demo

SHOTS = Path(os.environ.get("DOSSIER_SHOTS", "/tmp"))
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _settled(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.busy(), timeout=20000)


def _open_letters(window, qtbot):
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_M, CTRL_SHIFT)
    dialog = window.letters.dialog
    assert dialog is not None, "Ctrl+Shift+M opens the letter dialog"
    qtbot.waitExposed(dialog)
    return dialog


def _choose(qtbot, combo, label: str) -> None:
    """Pick from a combo with the keyboard: its label's first letters, as a user types them."""
    combo.setFocus()
    qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a new search, not the last one's sequel
    qtbot.keyClicks(combo, label.split()[0][:4])  # a space would open the list
    assert combo.currentText() == label


def _pick_kind(qtbot, dialog, label: str) -> None:
    button = next(b for b in dialog.kind.buttons() if b.text() == label)
    # On its round mark: a radio button takes clicks on its mark and its words, not on the blank after them.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()


def _previewed(window, qtbot) -> int:
    controller = window.letters
    qtbot.waitUntil(lambda: controller.shown is not None and controller.shown[0] == controller.choice()
                    and not controller.preview.busy, timeout=30000)
    return controller.dialog.document.pageCount()


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_formal_notice_previewed_saved_added_to_the_case_and_undone(qtbot, open_window, store, settings,
                                                                     tmp_path):
    case_id = create_demo(store)
    window = open_window(str(case_id))
    _settled(window, qtbot)
    events_before = {row.id for row in window.timeline.model.rows}
    exhibits_before = {x.sha256 for x in window.exhibits.model.exhibits}
    dialog = _open_letters(window, qtbot)

    # A reminder first, then the formal notice: the preview follows, its pages written inside the data folder.
    _pick_kind(qtbot, dialog, "Relance")
    assert not dialog.deadline.isEnabled(), "a reminder sets no deadline"
    assert _previewed(window, qtbot) > 0
    _pick_kind(qtbot, dialog, "Mise en demeure")
    assert dialog.deadline.isEnabled()
    _choose(qtbot, dialog.deadline, "15 jours")
    pages = _previewed(window, qtbot)
    assert pages > 0
    assert dialog.pages_label.text() in (f"Aperçu : {pages} page", f"Aperçu : {pages} pages")
    preview_pdf = window.letters.shown[1]
    assert (store.home / "tmp") in preview_pdf.parents, "the preview is written inside the data folder"
    assert "mise en demeure" in _text(preview_pdf).lower()
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().width() <= screen.width() and dialog.frameGeometry().height() <= screen.height()
    qtbot.wait(400)  # QPdfView draws its pages on a thread of its own
    dialog.grab().save(str(SHOTS / "letters-dialog.png"))
    assert not dialog.add_to_case.isEnabled(), "nothing to add before the letter is saved"

    # Saved as PDF where the user says; the folder remembered.
    target = tmp_path / "out" / "mise-en-demeure.pdf"
    target.parent.mkdir()
    window.answers.save_with = target
    qtbot.mouseClick(dialog.save_pdf, Qt.MouseButton.LeftButton)
    assert window.answers.errors == []
    assert target.read_bytes().startswith(b"%PDF")
    assert "mise en demeure" in _text(target).lower()
    assert settings.value("letters/last_folder") == str(target.parent)
    assert str(target) in dialog.message.text()

    # Added to the case: a registered letter on the timeline, its pièce in the exhibit panel.
    assert dialog.add_to_case.isEnabled()
    qtbot.mouseClick(dialog.add_to_case, Qt.MouseButton.LeftButton)
    assert window.answers.errors == []
    new_events = [row for row in window.timeline.model.rows if row.id not in events_before]
    assert [row.kind for row in new_events] == ["registered_letter"]
    new_exhibits = [x for x in window.exhibits.model.exhibits if x.sha256 not in exhibits_before]
    assert len(new_exhibits) == 1
    assert [link.event_id for link in new_exhibits[0].links] == [new_events[0].id]
    assert "ajoutée au dossier" in window.statusBar().currentMessage()
    assert not dialog.add_to_case.isEnabled(), "added once"

    # Closed, then Ctrl+Z: both gone, from the window and from the store.
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert window.letters.dialog is None
    qtbot.waitUntil(lambda: not window.letters.preview.busy)
    assert not list((store.home / "tmp").glob("letter-*")), "the preview's folder goes with the dialog"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts reach only the active window
    assert window.undo.count() == 1
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {row.id for row in window.timeline.model.rows} == events_before
    assert {x.sha256 for x in window.exhibits.model.exhibits} == exhibits_before
    assert {x.sha256 for x in exhibits.exhibits(store, case_id)} == exhibits_before
    assert window.statusBar().currentMessage().startswith("Annulé : ajout de la lettre")
    assert target.is_file(), "the letter saved stays where the user put it"


def test_the_action_is_greyed_with_no_case_open(qtbot, open_window):
    window = open_window(empty=True)
    assert not window.actions_.draft_letter.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)
    assert window.letters.dialog is None


def test_a_reminder_saved_as_opendocument_is_added_as_its_pdf(qtbot, open_window, store, settings, tmp_path):
    import zipfile

    case_id = create_demo(store)
    window = open_window(str(case_id))
    _settled(window, qtbot)
    exhibits_before = {x.sha256 for x in exhibits.exhibits(store, case_id)}
    dialog = _open_letters(window, qtbot)
    _pick_kind(qtbot, dialog, "Relance")
    _choose(qtbot, dialog.language, "English")
    assert _previewed(window, qtbot) > 0
    target = tmp_path / "reminder"  # typed without its extension: the filter's is added
    window.answers.save_with = target
    qtbot.mouseClick(dialog.save_odt, Qt.MouseButton.LeftButton)
    written = tmp_path / "reminder.odt"
    assert window.answers.errors == []
    with zipfile.ZipFile(written) as odt:
        assert odt.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    assert settings.value("letters/last_folder") == str(tmp_path)
    # Another option once saved: the letter on screen is no longer the one saved, nothing to add.
    _choose(qtbot, dialog.language, "Français")
    assert not dialog.add_to_case.isEnabled()
    _choose(qtbot, dialog.language, "English")
    _previewed(window, qtbot)
    assert dialog.add_to_case.isEnabled()
    qtbot.mouseClick(dialog.add_to_case, Qt.MouseButton.LeftButton)
    assert window.answers.errors == []
    added = [x for x in exhibits.exhibits(store, case_id) if x.sha256 not in exhibits_before]
    assert len(added) == 1
    assert store.blobs.path(added[0].sha256).read_bytes().startswith(b"%PDF"), "the pièce is the letter's PDF"
