"""The menus as the user reads them: one shortcut letter per entry of a menu (French and English), and the
window's sentences naming a menu entry as the menu says it (read from the action, never typed)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu

from dossier_app import i18n
from dossier_app.ui.menu_words import menu_path


def _letter(text: str) -> str | None:
    """The letter after the single « & » of a menu text (the one Alt+letter reaches)."""
    i = text.replace("&&", "\0\0").find("&")
    return text[i + 1].lower() if 0 <= i < len(text) - 1 else None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_menu_has_two_entries_with_the_same_letter(open_window, lang):
    with i18n.using(lang):
        window = open_window()
        bar = window.menuBar()
        menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
        assert len(menus) == 6
        clashes = []
        titles = [_letter(m.title()) for m in menus]
        if len(set(titles)) != len(titles):
            clashes.append(("menu bar", [m.title() for m in menus]))
        for menu in menus:
            entries = [a.text() for a in menu.actions() if not a.isSeparator()]
            seen: dict[str, str] = {}
            for text in entries:
                letter = _letter(text)
                if letter is None:
                    continue  # Annuler and Rétablir, whose text names the step
                if letter in seen:
                    clashes.append((menu.title(), seen[letter], text))
                seen.setdefault(letter, text)
        assert clashes == [], "\n".join(map(str, clashes))


def test_the_welcome_names_the_menu_entries_as_the_menus_say_them(open_window, store):
    window = open_window(empty=True)
    assert menu_path(window.actions_.new_case) in window.welcome.text()
    assert menu_path(window.actions_.open_case_file) in window.welcome.text()


def test_the_deletion_question_names_the_menu_entry_that_keeps_the_case(open_window, store, small_case):
    window = open_window()
    window.answers.confirm_with = False
    window.actions_.delete_case.trigger()
    assert menu_path(window.actions_.dump_case) in window.answers.confirmations[-1]
