"""Exhibits: dropped in, reviewed, linked by drag or picker, previewed, and every step undone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from dossier_app.services import exhibits, timeline
from dossier_app.ui.exhibits.model import encode_exhibits


def drop(widget, point: QPoint, data: QMimeData) -> bool:
    """What the desktop does when a user drags something onto ``widget`` and lets go at ``point``."""
    actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPointF(point), actions, data, buttons, mods)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(QPointF(point), actions, data, buttons, mods)
    QApplication.sendEvent(widget, move)
    event = QDropEvent(QPointF(point), actions, data, buttons, mods)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def files(*paths: Path) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return data


def row_point(window, event_id: str) -> QPoint:
    table = window.timeline.table
    row = window.timeline.proxy.proxy_row_of(event_id)
    return table.visualRect(window.timeline.proxy.index(row, 2)).center()


def wait_review(qtbot, window):
    qtbot.waitUntil(lambda: window.imports.review is not None, timeout=30000)
    return window.imports.review


def test_drop_a_file_on_an_event_then_undo_and_redo(qtbot, open_window, store, small_case, tmp_path):
    window = open_window()
    letter = tmp_path / "Relance du 12 mars 2024.txt"
    letter.write_text("Laval, le 12 mars 2024\n\nMadame, Monsieur,\nnous vous relançons pour la facture 2024-003.\n",
                      encoding="utf-8")
    assert drop(window.timeline.table.viewport(), row_point(window, "f1"), files(letter))
    review = wait_review(qtbot, window)
    assert "« Facture 2024-003 »" in review.intro.text(), "the review says which event they will prove"
    assert review.dates[0].text() == "12/03/2024", "the date found in the text is suggested"
    review.titles[0].setText("Relance facture 2024-003")
    review.kinds[0].setCurrentIndex(review.kinds[0].findData("reminder"))
    with qtbot.waitSignal(window.imports.done) as done:
        review.accept()
    assert done.args == ["added"]
    added = next(x for x in exhibits.exhibits(store, small_case) if x.title == "Relance facture 2024-003")
    assert [link.event_id for link in added.links] == ["f1"]
    assert added.date.isoformat() == "2024-03-12" and added.suggested_kind == "reminder"
    assert window.exhibits.model.row_of(added.sha256) is not None
    assert store.blobs.has(added.sha256)

    window.undo.undo()
    assert all(x.sha256 != added.sha256 for x in exhibits.exhibits(store, small_case))
    assert not store.blobs.has(added.sha256), "an undone import leaves no file behind"
    window.undo.redo()
    again = next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == added.sha256)
    assert again.links == added.links and again.title == added.title


def test_drop_on_the_window_and_link_by_dragging_the_exhibit(qtbot, open_window, store, small_case, tmp_path):
    window = open_window()
    photo = tmp_path / "capture.png"
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    assert image.save(str(photo))
    assert drop(window.exhibits.table.viewport(), QPoint(20, 20), files(photo))
    review = wait_review(qtbot, window)
    with qtbot.waitSignal(window.imports.done):
        review.accept()
    exhibit = next(x for x in exhibits.exhibits(store, small_case) if x.original_name == "capture.png")
    assert exhibit.links == ()
    # Drag the exhibit from the list onto the outage's row.
    assert drop(window.timeline.table.viewport(), row_point(window, "o1"), encode_exhibits([exhibit.sha256]))
    linked = next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == exhibit.sha256)
    assert [link.event_id for link in linked.links] == ["o1"]
    window.undo.undo()
    unlinked = next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == exhibit.sha256)
    assert unlinked.links == ()
    # And the preview shows the picture, on white.
    assert window.exhibits.select(exhibit.sha256)
    assert window.exhibits.preview.form == "image"


def test_link_and_unlink_with_the_picker(qtbot, open_window, store, small_case):
    window = open_window()
    window.timeline.select_event("o1")
    window.actions_.link_exhibits.trigger()
    picker = window.events.picker
    letter = next(x for x in window.exhibits.model.exhibits if x.title == "Mise en demeure")
    picker.set_checked(letter.sha256, True)
    picker.pages.setText("1")
    picker.accept()
    linked = next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == letter.sha256)
    assert {(link.event_id, link.pages) for link in linked.links} == {("l1", None), ("o1", "1")}
    window.exhibits.select(letter.sha256)
    window.actions_.link_events.trigger()
    picker = window.events.picker
    picker.set_checked("l1", False)
    picker.accept()
    linked = next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == letter.sha256)
    assert [link.event_id for link in linked.links] == ["o1"]
    window.undo.undo()
    window.undo.undo()
    back = next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == letter.sha256)
    assert [(link.event_id, link.pages) for link in back.links] == [("l1", None)]


CSV = "Numéro;Date;Montant TTC;Libellé\nF-9001;05/06/2024;1 200,00;Maintenance juin\nF-9002;05/07/2024;1 200,00;Maintenance juillet\n"


def test_undoing_a_csv_import_removes_its_invoices(qtbot, open_window, store, small_case, tmp_path):
    window = open_window()
    listing = tmp_path / "factures.csv"
    listing.write_text(CSV, encoding="utf-8")
    window.answers.files_with = [listing]
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    review = wait_review(qtbot, window)
    with qtbot.waitSignal(window.imports.done):
        review.accept()
    titles = [r.title for r in timeline.timeline_rows(store, small_case)]
    assert "Maintenance juin" in titles and "Maintenance juillet" in titles
    window.undo.undo()
    titles = [r.title for r in timeline.timeline_rows(store, small_case)]
    assert "Maintenance juin" not in titles and len(titles) == 5
    window.undo.redo()
    rows = timeline.timeline_rows(store, small_case)
    assert len(rows) == 7 and sum(r.exhibits for r in rows if r.title.startswith("Maintenance")) == 2


def test_cancel_an_import(qtbot, open_window, store, small_case, tmp_path):
    window = open_window()
    folder = tmp_path / "lot"
    folder.mkdir()
    for i in range(5):
        (folder / f"note-{i}.txt").write_text(f"Note {i}\n", encoding="utf-8")
    with qtbot.waitSignal(window.imports.done, timeout=30000) as done:
        window.import_paths([folder])
        window.imports.cancel()
    assert done.args == ["cancelled"]
    assert len(exhibits.exhibits(store, small_case)) == 2


def test_preview_of_a_pdf_is_on_white(qtbot, open_window, store, small_case, tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    window = open_window()
    pdf = tmp_path / "courrier.pdf"
    canvas = Canvas(str(pdf))
    canvas.drawString(72, 720, "Mise en demeure du 4 octobre 2024")
    canvas.showPage()
    canvas.drawString(72, 720, "Page deux")
    canvas.save()
    mail = tmp_path / "message.eml"
    mail.write_text("From: M. Marchais <m@pixelune.example>\nTo: atelier@example.fr\nSubject: Vos acces\n"
                    "Date: Fri, 12 Sep 2025 10:00:00 +0200\n\nBonjour, les acces seront rendus apres paiement.\n",
                    encoding="utf-8")
    window.import_paths([pdf, mail])
    review = wait_review(qtbot, window)
    with qtbot.waitSignal(window.imports.done):
        review.accept()
    added = {x.original_name: x for x in exhibits.exhibits(store, small_case)}
    window.exhibits.select(added["courrier.pdf"].sha256)
    preview = window.exhibits.preview
    assert preview.form == "pdf" and preview.shown_pages == 2
    page = preview.pages_layout.itemAt(0).widget().pixmap().toImage()
    assert page.pixelColor(2, 2) == QColor("white"), "QtPdf's transparent page is painted on white"
    window.exhibits.select(added["message.eml"].sha256)
    assert preview.form == "text"
    assert "Vos acces" in preview.text.toPlainText() and "rendus apres paiement" in preview.text.toPlainText()


def test_edit_and_remove_an_exhibit(qtbot, open_window, store, small_case):
    window = open_window()
    letter = next(x for x in window.exhibits.model.exhibits if x.title == "Mise en demeure")
    window.exhibits.select(letter.sha256)
    window.actions_.edit_exhibit.trigger()
    dialog = window.events.exhibit_dialog
    dialog.date.setText("10/05/2024")
    dialog.include.setChecked(True)
    dialog.accept()
    edited = next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == letter.sha256)
    assert edited.date.isoformat() == "2024-05-10" and edited.include
    window.exhibits.table.setFocus()
    qtbot.keyClick(window.exhibits.table, Qt.Key.Key_Delete)
    assert window.answers.confirmations
    assert all(x.sha256 != letter.sha256 for x in exhibits.exhibits(store, small_case))
    window.undo.undo()
    back = next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == letter.sha256)
    assert back.links == edited.links and back.date == edited.date
    window.undo.undo()
    assert next(x for x in exhibits.exhibits(store, small_case) if x.sha256 == letter.sha256).date is None


def test_drop_a_folder_anywhere_on_the_window(qtbot, open_window, store, small_case, tmp_path):
    window = open_window()
    folder = tmp_path / "courriers"
    folder.mkdir()
    (folder / "relance-2024-06-01.txt").write_text("Relance du 1er juin 2024.\n", encoding="utf-8")
    (folder / "relance-2024-07-01.txt").write_text("Relance du 1er juillet 2024.\n", encoding="utf-8")
    assert drop(window, QPoint(200, 30), files(folder))
    review = wait_review(qtbot, window)
    assert [check.isChecked() for check in review.checks] == [True, True]
    review.checks[1].setChecked(False)  # the user leaves one out
    with qtbot.waitSignal(window.imports.done):
        review.accept()
    names = {x.original_name for x in exhibits.exhibits(store, small_case)}
    assert len(names & {"relance-2024-06-01.txt", "relance-2024-07-01.txt"}) == 1
