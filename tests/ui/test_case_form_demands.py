"""The case form's opposing counsel and Demandes tab, as a user fills them: typed, reordered, saved; a wrong
amount kept in the form; a case opened and saved unchanged stays the same."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QWidget

from dossier_app.domain.errors import ProblemsError
from dossier_app.domain.model import DEMAND_KINDS, Demand
from dossier_app.domain.vocabulary import DEMAND_TERMS, demand_label
from dossier_app.i18n import translator
from dossier_app.services import cases, forms
from dossier_app.services.interchange import dump_case, load_case
from tests.support.cases import small_document, write_case
from tests.ui.conftest import SCREEN
from tests.ui.test_cases import type_into


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def show_tab(qtbot, form, title: str) -> None:
    bar = form.tabs.tabBar()
    index = next(i for i in range(form.tabs.count()) if form.tabs.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert form.tabs.currentIndex() == index


def choose_kind(qtbot, editor, code: str) -> None:
    """Pick a kind from the combo with the keyboard: its label's first letters, as a user types them."""
    editor.kind.setFocus()
    qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a pause: a new search, not the last one's sequel
    words = demand_label(code)
    ascii_start = words[:next((i for i, c in enumerate(words) if not c.isascii()), len(words))]
    qtbot.keyClicks(editor.kind, ascii_start[:4])  # QTest types ASCII only
    assert editor.kind.currentData() == code, editor.kind.currentText()


def shown_fields(editor) -> set[str]:
    return {name for name, field in editor.fields.items() if field.box.isVisibleTo(editor)}


def lines(editor) -> list[str]:
    return [editor.list.item(i).text() for i in range(editor.list.count())]


def edit_form(window):
    window.actions_.edit_case.trigger()
    form = window.cases.form
    assert form is not None and form.isVisible()
    return form


def test_opposing_counsel_and_three_demands_typed_reordered_and_saved_in_order(
        qtbot, open_window, store, small_case, tmp_path: Path) -> None:
    window = open_window()
    form = edit_form(window)
    show_tab(qtbot, form, "Tribunal et avocat")
    for name, text in (("counsel.city", "Laval"), ("counsel.bar", "barreau de Laval"),
                       ("opposing_counsel.name", "Me Paul Lefort"), ("opposing_counsel.firm", "Lefort & Associes"),
                       ("opposing_counsel.email", "pl@lefort.fr"), ("opposing_counsel.phone", "01 40 00 00 00"),
                       ("opposing_counsel.city", "Paris"), ("opposing_counsel.bar", "barreau de Paris")):
        type_into(qtbot, form.fields[name].edit, text)
    show_tab(qtbot, form, "Demandes")
    editor = form.demands
    assert editor.empty.isVisible() and not editor.editor.isVisible()

    click(qtbot, editor.add_button)
    assert editor.kind.currentData() == "restitution"
    assert shown_fields(editor) == {"what", "penalty_per_day", "from_days", "text"}
    type_into(qtbot, editor.fields["what"].edit, "acces administrateur du site")
    type_into(qtbot, editor.fields["penalty_per_day"].edit, "150")
    type_into(qtbot, editor.fields["from_days"].edit, "8")

    click(qtbot, editor.add_button)
    choose_kind(qtbot, editor, "article_700")
    assert shown_fields(editor) == {"amount", "text"}
    type_into(qtbot, editor.fields["amount"].edit, "3 000,50")
    assert not editor.fields["amount"].error.isVisible()

    click(qtbot, editor.add_button)
    choose_kind(qtbot, editor, "costs")
    assert shown_fields(editor) == {"text"}
    assert lines(editor) == ["1. Restitution d'accès ou d'identifiants — acces administrateur du site",
                             "2. Article 700 du CPC (frais d'avocat) — 3\u202f000,50\u00a0€", "3. Dépens"]

    # Article 700 goes first: selected, then « Monter »; « Monter » is then of no use.
    rect = editor.list.visualItemRect(editor.list.item(1))
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.fields["amount"].edit.text() == "3 000,50"
    click(qtbot, editor.up_button)
    assert not editor.up_button.isEnabled()
    assert [line.split(" — ")[0] for line in lines(editor)] == [
        "1. Article 700 du CPC (frais d'avocat)", "2. Restitution d'accès ou d'identifiants", "3. Dépens"]
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))
    # Our counsel's city and bar without a name would be lost: the name is asked for, where it goes.
    assert form.isVisible()
    assert form.tabs.tabText(form.tabs.currentIndex()) == "Tribunal et avocat"
    assert form.fields["counsel.name"].error.text() == forms.required_message()
    type_into(qtbot, form.fields["counsel.name"].edit, "Me Claire Durand")
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert not form.isVisible()

    case = cases.read_case(store, small_case)
    assert case.demands == (Demand("article_700", amount=300050),
                            Demand("restitution", what="acces administrateur du site", penalty_per_day=15000,
                                   from_days=8),
                            Demand("costs"))
    dump_case(store, small_case, tmp_path / "out.json", tmp_path / "pieces")
    block = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["case"]
    assert block["demands"] == [
        {"kind": "article_700", "amount": "3000.50"},
        {"kind": "restitution", "what": "acces administrateur du site", "penalty_per_day": "150.00", "from_days": 8},
        {"kind": "costs"}]
    assert block["opposing_counsel"] == {"name": "Me Paul Lefort", "firm": "Lefort & Associes",
                                         "email": "pl@lefort.fr", "phone": "01 40 00 00 00", "city": "Paris",
                                         "bar": "barreau de Paris"}
    assert block["counsel"]["city"] == "Laval" and block["counsel"]["bar"] == "barreau de Laval"
    # One step, undone as one.
    window.undo.undo()
    assert cases.read_case(store, small_case).demands == ()


def test_a_wrong_amount_shows_at_its_field_and_keeps_the_form_open(qtbot, open_window, store, small_case) -> None:
    window = open_window()
    form = edit_form(window)
    show_tab(qtbot, form, "Demandes")
    editor = form.demands
    click(qtbot, editor.add_button)
    choose_kind(qtbot, editor, "provision")
    type_into(qtbot, editor.fields["amount"].edit, "trois mille")
    # Said as it is typed, under the field.
    assert editor.fields["amount"].error.isVisible()
    assert "trois mille" in editor.fields["amount"].error.text()
    click(qtbot, editor.add_button)  # a restitution with nothing named
    show_tab(qtbot, form, "Parties")
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert form.isVisible()
    assert form.tabs.currentWidget() is editor
    assert editor.list.currentRow() == 0 and editor.fields["amount"].error.isVisible()
    assert editor.fields["amount"].edit.hasFocus()
    assert cases.read_case(store, small_case).demands == ()
    # Mended: the restitution's access is now the one missing.
    type_into(qtbot, editor.fields["amount"].edit, "1 200")
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert form.isVisible() and editor.list.currentRow() == 1
    assert editor.fields["what"].error.text() == forms.required_message()
    # A negative amount is the service's to refuse: shown at its field all the same.
    type_into(qtbot, editor.fields["what"].edit, "codes du nom de domaine")
    type_into(qtbot, editor.fields["penalty_per_day"].edit, "-5")
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert form.isVisible() and editor.list.currentRow() == 1
    assert editor.fields["penalty_per_day"].error.isVisible()
    click(qtbot, editor.remove_button)
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert not form.isVisible()
    assert cases.read_case(store, small_case).demands == (Demand("provision", amount=120000),)


def _full_document() -> dict:
    document = small_document()
    document["case"] = {
        **document["case"],
        "counsel": {"name": "Me Claire Durand", "city": "Laval", "bar": "barreau de Laval"},
        "opposing_counsel": {"name": "Me Paul Lefort", "firm": "Lefort & Associés", "phone": "01 40 00 00 00"},
        "demands": [
            {"kind": "restitution", "what": "accès administrateur", "penalty_per_day": "1234.56", "from_days": 15,
             "text": "sous astreinte"},
            {"kind": "restore_service", "what": "messagerie", "penalty_per_day": "100.00"},
            {"kind": "costs", "amount": "35.00"},  # a field of another kind
            {"kind": "provision"},
            {"kind": "article_700", "amount": "0.50"},
            {"kind": "other", "text": "Ordonner l'exécution provisoire.\nSur minute."},
        ],
    }
    return document


def test_a_case_opened_and_saved_unchanged_stays_the_same(qtbot, open_window, store, tmp_path: Path) -> None:
    case_id = load_case(store, write_case(tmp_path / "case", _full_document()))
    before = cases.read_case(store, case_id)
    window = open_window(str(case_id))
    steps = window.undo.count()
    form = edit_form(window)
    editor = form.demands
    assert editor.list.count() == 6
    # Each demand shows its own fields, and a field it came with from its file.
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.list.visualItemRect(editor.list.item(1)).center())
    assert shown_fields(editor) == {"what", "penalty_per_day", "from_days", "text"}
    assert editor.fields["penalty_per_day"].edit.text() == "100,00"
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.list.visualItemRect(editor.list.item(2)).center())
    assert shown_fields(editor) == {"amount", "text"} and editor.fields["amount"].edit.text() == "35,00"
    assert not form.has_changes(), "looking at another demand changes nothing"
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert not form.isVisible()
    assert cases.read_case(store, case_id) == before
    assert window.undo.count() == steps
    # Moved from the keyboard (Alt+Down in the list), then Annuler: asked first, and kept when the user says no.
    form = edit_form(window)
    form.reveal("demands")
    assert form.tabs.currentWidget() is form.demands
    qtbot.waitUntil(form.demands.list.hasFocus)
    qtbot.keyClick(form.demands.list, Qt.Key.Key_Down)
    qtbot.keyClick(form.demands.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert lines(form.demands)[1].startswith("2. Dépens") and lines(form.demands)[2].startswith("3. Rétablissement")
    assert form.demands.list.currentRow() == 2 and form.has_changes()
    window.answers.confirm_with = False
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert form.isVisible() and window.answers.confirmations


def test_the_demandes_tab_fits_a_small_laptop_screen(qtbot, open_window, store, tmp_path: Path) -> None:
    case_id = load_case(store, write_case(tmp_path / "case", _full_document()))
    window = open_window(str(case_id))
    form = edit_form(window)
    show_tab(qtbot, form, "Demandes")
    qtbot.mouseClick(form.demands.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=form.demands.list.visualItemRect(form.demands.list.item(0)).center())
    screen = QApplication.primaryScreen().availableGeometry()
    assert (screen.width(), screen.height()) == SCREEN
    frame = form.frameGeometry()
    assert frame.width() <= SCREEN[0] and frame.height() <= SCREEN[1], frame
    form.grab().save(str(Path("/tmp") / "case-form-demandes.png"))
    # Nothing cut off: every label shown is as wide as its words.
    for label in form.demands.findChildren(QLabel):
        if label.isVisibleTo(form) and not label.wordWrap():
            assert label.width() >= label.sizeHint().width(), label.text()
    for tab in ("Tribunal et avocat",):
        show_tab(qtbot, form, tab)
        form.grab().save(str(Path("/tmp") / "case-form-avocats.png"))
        for label in form.tabs.currentWidget().findChildren(QLabel):
            if label.isVisibleTo(form) and not label.wordWrap():
                assert label.width() >= label.sizeHint().width(), label.text()


def test_each_demand_kind_has_its_words_in_french_and_english_and_the_form_asks_what_the_file_requires() -> None:
    assert [term.code for term in DEMAND_TERMS] == list(DEMAND_KINDS)
    en = translator("en")
    for term in DEMAND_TERMS:
        assert demand_label(term.code, tr=en) != term.long, term.code
    assert demand_label("other", tr=translator("fr")) == "Autre demande"
    for kind in DEMAND_KINDS:
        required = {spec.name for spec in forms.demand_fields(kind) if spec.required}
        demand, problems = forms.build_demand(kind, {})
        assert {p.path for p in problems} == required
        # The file's rules ask for the same: a demand without it is refused there too.
        try:
            cases.check_case(replace(cases.blank_case("x", "client"), demands=(Demand(kind),)))
        except ProblemsError as exc:
            assert {p.path for p in exc.problems} == {f"case.demands[0].{name}" for name in required}
        else:
            assert not required and demand == Demand(kind)
