"""The window as a mouse or keyboard user meets it: a click selects, forms hold still, Tab leaves a table."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox, QWidget

from dossier_app.domain.errors import Problem
from dossier_app.ui.events.view import EventForm

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def click_row(view: QAbstractItemView, row: int, column: int = 1) -> None:
    """A real click: press and release on the viewport, at the middle of the row's cell."""
    point = view.visualRect(view.model().index(row, column)).center()
    QTest.mouseClick(view.viewport(), LEFT, NONE, point)


def place(widget: QWidget, top: QWidget) -> QRect:
    """Where ``widget`` sits inside its window ``top``."""
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def settle() -> None:
    # A label shown or hidden asks its layout to move things at the next turn of the event loop.
    for _ in range(3):
        QApplication.processEvents()


# --- 1. a click on an exhibit ------------------------------------------------------------------------

def test_a_click_on_an_exhibit_shows_its_preview_and_enables_its_buttons(qtbot, open_window, small_case):
    window = open_window()
    panel = window.exhibits
    assert panel.preview.form == "none" and not panel.edit_button.isEnabled()
    click_row(panel.table, 1)
    shown = panel.model.exhibits[1]
    assert panel.selected() == shown
    assert panel.preview.form != "none", "the clicked exhibit is previewed"
    assert shown.title in panel.caption.text()
    for button in (panel.link_button, panel.edit_button, panel.remove_button):
        assert button.isEnabled(), f"{button.text()} stays greyed after a click"
    # Ctrl+click takes it out of the selection: nothing is chosen any more, and the buttons say so.
    point = panel.table.visualRect(panel.table.model().index(1, 1)).center()
    QTest.mouseClick(panel.table.viewport(), LEFT, Qt.KeyboardModifier.ControlModifier, point)
    assert panel.selected() is None
    assert not panel.edit_button.isEnabled()
    assert panel.preview.form == "none"


def test_the_arrow_keys_still_choose_an_exhibit(qtbot, open_window, small_case):
    window = open_window()
    panel = window.exhibits
    click_row(panel.table, 0)
    assert panel.selected() == panel.model.exhibits[0]
    QTest.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.selected() == panel.model.exhibits[1]
    assert panel.model.exhibits[1].title in panel.caption.text()
    assert panel.edit_button.isEnabled() and panel.preview.form != "none"


# --- 2. a form that holds still ----------------------------------------------------------------------

def test_the_event_form_does_not_move_as_errors_come_and_go(qtbot):
    problems = [Problem("", "Cet événement a changé depuis l'ouverture du formulaire.")]
    form = EventForm(lambda _event: list(problems), kind="invoice")
    qtbot.addWidget(form)
    with qtbot.waitExposed(form):
        form.show()
    save = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    due = form.field("due_date")
    settle()
    before = (place(save, form), place(due, form), form.size())
    QTest.keyClicks(form.field("amount_incl_tax"), "12x")
    settle()
    assert form.error_of("amount_incl_tax"), "the mistake is said"
    assert (place(save, form), place(due, form), form.size()) == before, "an error appearing moved the form"
    form.field("amount_incl_tax").clear()
    QTest.keyClicks(form.field("amount_incl_tax"), "12")
    settle()
    assert form.error_of("amount_incl_tax") == ""
    assert (place(save, form), place(due, form), form.size()) == before, "an error going moved the form"
    # A problem that belongs to no field, said after Save, and gone when typing again: nothing moves either.
    QTest.keyClicks(form.field("title"), "Facture")
    QTest.keyClicks(form.field("number"), "F-1")
    QTest.keyClicks(form.field("date"), "01/02/2024")
    settle()
    before = (place(save, form), place(due, form), form.size())
    QTest.mouseClick(save, LEFT)
    settle()
    assert "a changé" in form.general.text()
    assert (place(save, form), place(due, form), form.size()) == before, "the Save button moved under the mouse"
    QTest.keyClicks(form.field("title"), " 2")
    settle()
    assert (place(save, form), place(due, form), form.size()) == before


# --- 3. Tab leaves a table ---------------------------------------------------------------------------

def _tab_leaves(qtbot, view: QAbstractItemView) -> None:
    # A row's first column the user can see (the exhibits' N° is hidden until there are numbers).
    column = next(c for c in range(view.model().columnCount())
                  if not (hasattr(view, "isColumnHidden") and view.isColumnHidden(c)))
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, column))
    assert QApplication.focusWidget() is view
    QTest.keyClick(view, Qt.Key.Key_Tab)
    after_tab = QApplication.focusWidget()
    assert after_tab is not view, f"Tab stays inside {view.accessibleName() or type(view).__name__}"
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    after_backtab = QApplication.focusWidget()
    assert after_backtab is not view, "Shift+Tab stays inside the table"
    assert after_backtab is not after_tab
    # The arrows still move inside.
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, column))
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1


def test_tab_leaves_the_timeline(qtbot, open_window, small_case):
    _tab_leaves(qtbot, open_window().timeline.table)


def test_tab_leaves_the_exhibits(qtbot, open_window, small_case):
    _tab_leaves(qtbot, open_window().exhibits.table)


def test_tab_leaves_the_case_list(qtbot, open_window, store, small_case, tmp_path):
    from dossier_app.services.interchange import load_case
    from tests.support.cases import write_case

    load_case(store, write_case(tmp_path / "second"))  # two cases, for the arrow to move between
    _tab_leaves(qtbot, open_window().cases.view)


# --- 4. the exhibits' filter box ---------------------------------------------------------------------

def test_the_filter_box_keeps_the_exhibits_typed_for_and_escape_brings_them_back(qtbot, open_window, small_case):
    window = open_window()
    panel = window.exhibits
    box = panel.filter
    assert box.placeholderText() == "Filtrer les pièces\u2026"
    assert panel.table.model().rowCount() == 2
    assert panel.count.text() == "2 pièces"
    box.setFocus()
    QTest.keyClicks(box, "DEMEURE")  # "Mise en demeure", whatever the case
    table = panel.table
    assert table.model().rowCount() == 1
    assert table.model().index(0, 1).data() == "Mise en demeure"
    assert panel.count.text() == "1 sur 2 pièces"
    # The one row left is the one a click chooses.
    click_row(table, 0)
    assert panel.selected() is not None and panel.selected().title == "Mise en demeure"
    assert panel.edit_button.isEnabled()
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    assert table.model().rowCount() == 2
    assert panel.selected() is not None and panel.selected().title == "Mise en demeure", "the choice survives"
    QTest.keyClicks(box, "facture.txt")  # the original file name
    assert [table.model().index(r, 1).data() for r in range(table.model().rowCount())] == ["Facture 2024-003"]
    assert panel.selected() is None and not panel.edit_button.isEnabled(), "a hidden exhibit is not acted on"
    assert panel.preview.form == "none"


def test_choosing_an_exhibit_the_filter_hides_empties_the_box(qtbot, open_window, small_case):
    window = open_window()
    panel = window.exhibits
    QTest.keyClicks(panel.filter, "facture")
    letter = next(x for x in panel.model.exhibits if x.title == "Mise en demeure")
    assert panel.select(letter.sha256)
    assert panel.filter.text() == "" and panel.selected() == letter


def test_the_number_column_shows_once_exhibits_have_numbers(qtbot, open_window, small_case):
    from dataclasses import replace

    from dossier_app.ui.exhibits.model import NUMBER

    panel = open_window().exhibits
    exhibits = list(panel.model.exhibits)
    assert exhibits and all(x.number is None for x in exhibits)
    assert panel.table.isColumnHidden(NUMBER), "an always-empty N° column only takes room"
    panel.set_exhibits([replace(exhibits[0], number=1), *exhibits[1:]])
    assert not panel.table.isColumnHidden(NUMBER)
