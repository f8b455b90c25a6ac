"""Preferences: the language (ours and Qt's, in every window and dialog), the export defaults."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

from tests.ui.conftest import Answers


@pytest.fixture
def start_window(qtbot, store, settings) -> Iterator[Callable[[], object]]:
    """The window as the application builds it, with the keeper that builds it again."""
    from dossier_app.ui.app import application, apply_language, build_window, keeper_of
    from dossier_app.ui.workers import wait_for_all

    application()
    keepers = []

    def make():
        window = build_window(store, settings, None, Answers())
        with qtbot.waitExposed(window):
            window.show()
        keeper = keeper_of(window)
        keepers.append(keeper)
        return keeper

    yield make
    for keeper in keepers:
        if shiboken6.isValid(keeper):
            keeper.window.close()
            keeper.window.deleteLater()
    wait_for_all()
    apply_language("fr")  # the next tests' language, Qt's words included


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def choose(qtbot, window, language: str) -> None:
    """Edit › Préférences, the language chosen in its list, OK."""
    window.actions_.preferences.trigger()
    dialog = window.preferences.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.language.setCurrentIndex(dialog.language.findText(language))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def switch(qtbot, keeper, language: str):
    with qtbot.waitSignal(keeper.replaced, timeout=10_000):
        choose(qtbot, keeper.window, language)
    return keeper.window


def browse_labels(qtbot, window) -> list[str]:
    """The folder chooser behind the preferences' Browse button: the words Qt shows in it."""
    window.actions_.preferences.trigger()
    dialog = window.preferences.dialog
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    chooser = window.preferences.folder_dialog
    assert isinstance(chooser, QFileDialog)
    qtbot.waitUntil(chooser.isVisible)
    labels = [label.text() for label in chooser.findChildren(QLabel) if label.text()]
    chooser.reject()
    dialog.reject()
    return labels


def test_english_then_french_again_in_the_window_and_in_qt_dialogs(qtbot, start_window, settings) -> None:
    keeper = start_window()
    first = keeper.window
    case_id = first.case_id
    first.resize(1200, 700)
    assert menu_titles(first)[0] == "&Fichier"
    english = switch(qtbot, keeper, "English")
    assert english is not first and english.isVisible()
    assert menu_titles(english)[:2] == ["&File", "&Edit"], menu_titles(english)
    assert english.case_id == case_id
    assert abs(english.width() - 1200) < 80
    assert settings.value("preferences/language") == "en"
    labels = browse_labels(qtbot, english)
    assert any("Look in" in text for text in labels), labels
    assert not any("Regarder" in text for text in labels), labels
    french = switch(qtbot, keeper, "Français")
    assert menu_titles(french)[0] == "&Fichier"
    labels = browse_labels(qtbot, french)
    assert "Regarder &dans\u00a0:" in labels, labels


def test_the_language_chosen_survives_a_restart(qtbot, start_window, store, settings) -> None:
    from dossier_app.ui import app

    keeper = start_window()
    switch(qtbot, keeper, "English")
    keeper.window.close()
    app.apply_language("fr")  # as a new process would start, in the system's French
    _app, again_store, again = app.open_window(store.home, None, settings)
    try:
        qtbot.addWidget(again)
        assert menu_titles(again)[0] == "&File"
        assert again.preferences.open().language.currentText() == "English"
        again.preferences.dialog.reject()
    finally:
        again.close()
        again_store.close()


def test_system_language_and_export_defaults_are_kept(qtbot, start_window, settings, tmp_path: Path) -> None:
    keeper = start_window()
    window = keeper.window
    dialog = window.preferences.open()
    assert dialog.windowTitle() == "Préférences"
    assert dialog.language.currentText() == "Langue du système (Français)"
    assert dialog.max_mb.text() == "Aucune limite"
    dialog.folder.clear()
    qtbot.keyClicks(dialog.folder, str(tmp_path))
    dialog.max_mb.selectAll()
    qtbot.keyClicks(dialog.max_mb, "12")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert settings.value("export/folder") == str(tmp_path)
    assert settings.value("export/max_mb") == "12"
    assert settings.value("preferences/language") == ""
    assert keeper.window is window  # the language did not change: the window stays
    again = window.preferences.open()
    assert again.folder.text() == str(tmp_path) and again.max_mb.value() == 12
    again.max_mb.setValue(0)
    qtbot.mouseClick(again.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert settings.value("export/max_mb") == ""


def test_render_the_preferences(qtbot, start_window) -> None:
    keeper = start_window()
    dialog = keeper.window.preferences.open()
    qtbot.waitExposed(dialog)
    path = os.environ.get("DOSSIER_SHOTS")
    if path:
        dialog.grab().save(os.path.join(path, "preferences.png"))
    assert dialog.width() <= 1366 and dialog.height() <= 768
    label_widths = [label.sizeHint().width() for label in dialog.findChildren(QLabel) if not label.wordWrap()]
    assert max(label_widths) < dialog.width()
