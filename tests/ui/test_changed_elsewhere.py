"""The command changes the store while the window is open: the window shows it within moments."""

from __future__ import annotations

from dossier_app.services import cases, exhibits
from dossier_app.services.store_access import open_home


def test_a_rename_and_a_removal_by_the_command_show_in_the_open_window(qtbot, open_window, store, small_case):
    window = open_window()
    letter = next(x for x in window.exhibits.model.exhibits if x.title == "Mise en demeure")
    other = open_home(store.home)  # as `dossier` would, in its own process
    try:
        cases.rename_case(other, small_case, "Martin c/ WebPlus (renommée)")
        exhibits.remove_exhibit(other, small_case, letter.sha256)
    finally:
        other.close()
    qtbot.waitUntil(lambda: "renommée" in window.case_title.text(), timeout=5000)
    qtbot.waitUntil(lambda: all(x.sha256 != letter.sha256 for x in window.exhibits.model.exhibits), timeout=5000)
    assert any("renommée" in line.title for line in window.cases.model.lines)


def test_the_window_s_own_changes_are_not_taken_for_another_program_s(qtbot, open_window, store, small_case):
    window = open_window()
    reopened: list[object] = []
    window.session.opened.connect(reopened.append)
    window.actions_.edit_exhibit.trigger()  # nothing chosen: nothing done
    window.exhibits.select(window.exhibits.model.exhibits[0].sha256)
    window.actions_.edit_exhibit.trigger()
    dialog = window.events.exhibit_dialog
    dialog.title.setText("Facture renommée ici")
    dialog.accept()
    assert not window.session.look_elsewhere()
    assert reopened == []


def test_editing_an_exhibit_taken_out_elsewhere_says_so_in_words(qtbot, open_window, store, small_case):
    window = open_window()
    letter = next(x for x in window.exhibits.model.exhibits if x.title == "Mise en demeure")
    window.exhibits.select(letter.sha256)
    window.session._watch.stop()  # before the window notices, as a user quick on the keys would
    exhibits.remove_exhibit(store, small_case, letter.sha256)
    window.actions_.edit_exhibit.trigger()
    dialog = window.events.exhibit_dialog
    dialog.title.setText("Mise en demeure (LRAR)")
    dialog.accept()
    assert window.answers.errors and "retirée ailleurs" in window.answers.errors[-1]
    assert letter.sha256 not in window.answers.errors[-1]


def test_another_case_changed_elsewhere_leaves_the_open_one_as_it_is(qtbot, open_window, store, small_case, tmp_path):
    from dossier_app.services.interchange import load_case
    from tests.support.cases import write_case

    other_case = load_case(store, write_case(tmp_path / "second"))
    window = open_window(str(small_case))
    reopened: list[object] = []
    window.session.opened.connect(reopened.append)
    other = open_home(store.home)
    try:
        cases.rename_case(other, other_case, "Une autre affaire, renommée")
    finally:
        other.close()
    assert window.session.look_elsewhere()
    assert any(line.title == "Une autre affaire, renommée" for line in window.cases.model.lines)
    assert reopened == [], "the open case is not read again for another's change"
