"""Qt's own dialogs speak the window's language (issue 11: "Look in:" stayed English in a French window)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton


def test_a_file_dialog_in_a_french_window_is_french(qtbot) -> None:
    from dossier_app.ui.app import application

    application()
    dialog = QFileDialog(None, "Choisir des pièces")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    buttons = [button.text() for button in dialog.findChildren(QPushButton)]
    assert "Regarder &dans\u00a0:" in labels and "Fichiers de &type\u00a0:" in labels, labels
    assert "&Nom de fichier\u00a0:" in labels, "Qt's own French still answers where ours is silent"
    assert "&Ouvrir" in buttons and "Annuler" in buttons
    assert not any("Look in" in text or "Files of" in text for text in labels)
