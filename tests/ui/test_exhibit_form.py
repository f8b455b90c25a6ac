"""The exhibit form follows the same rule as `dossier exhibit set`: a password can be typed, a date cleared."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from dossier_app.services import exhibits


def test_a_cleared_date_is_kept_and_undone_and_a_password_on_a_text_is_refused(qtbot, open_window, store,
                                                                                 small_case):
    window = open_window()
    invoice = next(x for x in window.exhibits.model.exhibits if x.title == "Facture 2024-003")
    assert invoice.date is not None and invoice.password is None
    window.exhibits.select(invoice.sha256)
    window.actions_.edit_exhibit.trigger()
    dialog = window.events.exhibit_dialog
    qtbot.keyClicks(dialog.password, "s3cret")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "PDF" in dialog.error.text(), "the form stays, with the problem under it"
    assert dialog.password.text() == "s3cret", "nothing typed is lost"
    assert next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == invoice.sha256).password is None
    dialog.password.clear()
    dialog.date.selectAll()
    qtbot.keyClick(dialog.date, Qt.Key.Key_Delete)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    stored = next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == invoice.sha256)
    assert stored.date is None
    window.undo.undo()
    back = next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == invoice.sha256)
    assert back.date == invoice.date


def test_a_date_before_1900_keeps_the_save_button_greyed(qtbot, open_window, small_case):
    window = open_window()
    window.exhibits.select(window.exhibits.model.exhibits[0].sha256)
    window.actions_.edit_exhibit.trigger()
    dialog = window.events.exhibit_dialog
    dialog.date.selectAll()
    qtbot.keyClicks(dialog.date, "01/01/1850")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "1900" in dialog.error.text()
