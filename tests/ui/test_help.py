"""The Help menu: the guide (F1) in the window's language, the shortcuts read from the actions, About."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QKeySequence

from dossier_app import __version__
from dossier_app.domain.vocabulary import KIND_CODES, label
from tests.ui.test_preferences import start_window, switch  # noqa: F401 - a fixture and a step

SHOTS = os.environ.get("DOSSIER_SHOTS")


def test_f1_opens_the_guide_in_french_with_every_kind(qtbot, open_window) -> None:
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.help.guide
    assert guide is not None
    qtbot.waitUntil(guide.isVisible)
    assert guide.windowTitle() == "Guide de Dossier"
    text = guide.text.toPlainText()
    assert "À quoi sert un référé" in text
    for code in KIND_CODES:  # the domain's own words for each kind
        assert label(code) in text, code
    assert "« Exporter le dossier PDF »" in text  # the export step names the menu entry as it reads
    assert "&" not in text.replace("&&", "")
    # Undo is promised only where it holds: rates, passwords, a deleted case, a restore are not undone.
    assert "Toute modification" not in text
    assert "Ne s'annulent pas" in text and "taux d'intérêt" in text and "mot de passe" in text and "archive" in text


def test_the_guide_explains_every_kind_the_domain_knows() -> None:
    from dossier_app.ui.help.guide import KIND_HELP

    assert list(KIND_HELP) == list(KIND_CODES)


def test_f1_in_english_after_switching(qtbot, start_window) -> None:  # noqa: F811
    keeper = start_window()
    english = switch(qtbot, keeper, "English")
    with qtbot.waitActive(english):
        english.activateWindow()
    qtbot.keyClick(english, Qt.Key.Key_F1)
    guide = english.help.guide
    assert guide is not None
    qtbot.waitUntil(guide.isVisible)
    assert guide.windowTitle() == "Dossier guide"
    text = guide.text.toPlainText()
    assert "Guide de Dossier" not in text and "Invoice" in text and "What a référé is for" in text
    if SHOTS:
        guide.grab().save(os.path.join(SHOTS, "guide-en.png"))


def test_the_shortcuts_are_those_of_the_actions(qtbot, open_window) -> None:
    window = open_window()
    a = window.actions_
    a.shortcuts.trigger()
    dialog = window.help.shortcuts
    qtbot.waitUntil(dialog.isVisible)
    rows = dict(dialog.rows())
    actions = [getattr(a, field.name) for field in dataclasses.fields(a)]
    assert len(dialog.rows()) == len(actions)
    for action in actions:
        name = action.text().replace("&", "").rstrip("\u2026")
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        shown = rows[name].split(", ") if rows[name] else []
        assert set(shown) <= set(keys), name  # only the action's own keys
        assert keys[:1] == shown[:1], name  # its first one always
    assert "Ctrl+P" in rows["Exporter le dossier PDF"].split(", ")
    assert "F1" in rows["Guide"].split(", ")


def test_about_says_the_version_the_licences_and_where_the_data_lives(qtbot, open_window, store,
                                                                       monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window = open_window()
    window.actions_.about.trigger()
    about = window.help.about
    qtbot.waitUntil(about.isVisible)
    said = about.texts()
    assert any(__version__ in text for text in said), said
    assert str(store.home) in said
    assert "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only" in said and "MPL-2.0" in said  # PySide6, pikepdf
    assert "DejaVu fonts" in said and any("bitstream-vera" in text for text in said)
    qtbot.mouseClick(about.open_folder, Qt.MouseButton.LeftButton)
    assert [Path(p) for p in opened] == [store.home]


def test_render_the_guide(qtbot, open_window) -> None:
    window = open_window()
    window.actions_.guide.trigger()
    guide = window.help.guide
    qtbot.waitExposed(guide)
    assert guide.width() <= 1366 and guide.height() <= 768
    if SHOTS:
        guide.grab().save(os.path.join(SHOTS, "guide.png"))
        window.actions_.about.trigger()
        qtbot.waitExposed(window.help.about)
        window.help.about.grab().save(os.path.join(SHOTS, "about.png"))
        window.actions_.shortcuts.trigger()
        qtbot.waitExposed(window.help.shortcuts)
        window.help.shortcuts.grab().save(os.path.join(SHOTS, "shortcuts.png"))
