"""Events through their forms, every change undone and redone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from dossier_app.domain.model import Invoice, kind_fields
from dossier_app.services import exhibits, timeline


def type_into(qtbot, widget, text: str) -> None:
    """Type as a user would; QTest types ASCII only, so the rest goes in as a paste would."""
    widget.setFocus()
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def row_ids(window) -> list[str]:
    proxy = window.timeline.proxy
    return [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) for r in range(proxy.rowCount())]


def test_add_an_invoice_then_undo_and_redo(qtbot, open_window, store, small_case):
    window = open_window()
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.events.form
    assert form is not None and form.isVisible()
    assert form.kind.currentData() == "invoice"
    # The form has exactly the invoice's fields, after the common ones.
    assert [n for n in form.editors if n in {s.name for s in kind_fields("invoice")}] == \
        [s.name for s in kind_fields("invoice")]
    type_into(qtbot, form.field("date"), "4 octobre 2024")
    type_into(qtbot, form.field("title"), "Facture de maintenance")
    type_into(qtbot, form.field("number"), "2024-010")
    type_into(qtbot, form.field("amount_incl_tax"), "1 234,5x")
    assert "n'est pas un montant" in form.error_of("amount_incl_tax")
    type_into(qtbot, form.field("amount_incl_tax"), "1 234,50")
    assert form.error_of("amount_incl_tax") == ""
    type_into(qtbot, form.field("amount_excl_tax"), "1028.75")
    type_into(qtbot, form.field("due_date"), "31/10/2024")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    added = [e for e in timeline_events(store, small_case) if isinstance(e, Invoice) and e.number == "2024-010"]
    assert len(added) == 1
    invoice = added[0]
    assert invoice.amount_incl_tax == 123450 and invoice.amount_excl_tax == 102875
    assert invoice.date.isoformat() == "2024-10-04" and invoice.due_date.isoformat() == "2024-10-31"
    assert invoice.id in row_ids(window)
    assert window.timeline.selected_event_id() == invoice.id

    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert invoice.id not in row_ids(window)
    assert all(e.id != invoice.id for e in timeline_events(store, small_case))
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert invoice.id in row_ids(window)
    assert any(e == invoice for e in timeline_events(store, small_case))


def timeline_events(store, case_id):
    return [timeline.read_event(store, case_id, row.id) for row in timeline.timeline_rows(store, case_id)]


def test_errors_from_the_case_show_at_their_field(qtbot, open_window, small_case):
    window = open_window()
    form = window.events.new_event("invoice")
    type_into(qtbot, form.field("date"), "15/03/2024")
    type_into(qtbot, form.field("title"), "Doublon")
    type_into(qtbot, form.field("number"), "2024-003")  # already in the small case
    type_into(qtbot, form.field("amount_incl_tax"), "10")
    form.save()
    assert form.isVisible()
    assert "existe déjà" in form.error_of("number")
    assert window.undo.count() == 0


def test_required_fields_and_dates_as_typed(qtbot, open_window, small_case):
    window = open_window()
    form = window.events.new_event("payment")
    type_into(qtbot, form.field("date"), "31/02/2024")
    assert "n'est pas une date" in form.error_of("date")
    form.save()
    assert form.error_of("amount") == "à remplir"
    assert form.error_of("title") == "à remplir"


def test_edit_duplicate_and_delete(qtbot, open_window, store, small_case):
    window = open_window()
    assert window.timeline.select_event("f1")
    window.actions_.edit_event.trigger()
    form = window.events.form
    assert form.field("amount_incl_tax").text() == "1\u202f234,50"
    type_into(qtbot, form.field("title"), "Facture 2024-003 (contestée)")
    form.save()
    assert timeline.read_event(store, small_case, "f1").title == "Facture 2024-003 (contestée)"
    window.undo.undo()
    assert timeline.read_event(store, small_case, "f1").title == "Facture 2024-003"

    window.timeline.select_event("l1")
    window.actions_.duplicate_event.trigger()
    form = window.events.form
    assert form.field("title").text() == "Mise en demeure"
    form.save()
    assert len(timeline.timeline_rows(store, small_case)) == 6
    window.undo.undo()
    assert len(timeline.timeline_rows(store, small_case)) == 5


def test_undoing_a_delete_restores_the_links(qtbot, open_window, store, small_case):
    window = open_window()
    before = {x.title: x.links for x in exhibits.exhibits(store, small_case)}
    assert any(link.event_id == "p1" and link.pages == "1" for link in before["Facture 2024-003"])
    window.timeline.select_event("p1")
    window.timeline.table.setFocus()
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Delete)
    assert "p1" not in row_ids(window)
    assert all(link.event_id != "p1" for x in exhibits.exhibits(store, small_case) for link in x.links)
    window.undo.undo()
    after = {x.title: x.links for x in exhibits.exhibits(store, small_case)}
    assert after == before
    assert "p1" in row_ids(window)
    window.undo.redo()
    assert "p1" not in row_ids(window)


def test_changing_the_kind_keeps_the_common_fields(qtbot, open_window, small_case):
    window = open_window()
    form = window.events.new_event("note")
    type_into(qtbot, form.field("title"), "Appel du prestataire")
    form.kind.setCurrentIndex(form.kind.findData("correspondence"))
    assert form.field("title").text() == "Appel du prestataire"
    assert "channel" in form.editors and "number" not in form.editors


def test_an_outage_is_dated_by_its_start(qtbot, open_window, store, small_case):
    window = open_window()
    form = window.events.new_event("outage")
    assert "date" not in form.editors
    type_into(qtbot, form.field("title"), "Messagerie coupée")
    type_into(qtbot, form.field("start"), "02/10/2024 06:45")
    type_into(qtbot, form.field("end"), "01/10/2024 08:00")
    type_into(qtbot, form.field("services"), "messagerie, site")
    form.save()
    assert "précéder" in form.error_of("end")
    form.field("end").clear()
    form.save()
    assert not form.isVisible()
    outage = next(e for e in timeline_events(store, small_case) if e.title == "Messagerie coupée")
    assert outage.date.isoformat() == "2024-10-02" and outage.services == ("messagerie", "site")
