"""The export dialog's complementary bordereau, driven with the mouse and the keyboard as a user does."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from dossier_app.services import exporting
from dossier_app.services.interchange import load_case
from tests.export.bordereau_case import write_four_pieces

EXPORT = "Exporter le dossier PDF\u2026"


def _open_dialog(window, qtbot):
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text().replace("&", "") == EXPORT)
    action.trigger()
    dialog = window.exporting.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _type(qtbot, field, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def _type_number(qtbot, spin, value: int) -> None:
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Tab)


def _click_box(qtbot, box) -> None:
    """Where a user clicks a check box: on its square, at its left."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _first_exported(store, tmp_path: Path) -> int:
    case_id = load_case(store, write_four_pieces(tmp_path / "in"))
    # The first bordereau went out with pièces 1 to 4: their numbers are kept from now on.
    exporting.export_case(store, case_id, tmp_path / "premier.pdf", include_exhibits=False)
    return case_id


def test_a_complementary_bordereau_from_the_dialog(qtbot, open_window, store, tmp_path) -> None:
    case_id = _first_exported(store, tmp_path)
    window = open_window(str(case_id))
    dialog = _open_dialog(window, qtbot)
    assert not dialog.complement.isChecked() and not dialog.complement_from.isEnabled()
    _click_box(qtbot, dialog.complement)
    assert dialog.complement.isChecked() and dialog.bordereau.isEnabled() and dialog.complement_from.isEnabled()
    assert dialog.bordereau.value() == 2 and dialog.complement_from.value() == 4  # the last number given
    _type_number(qtbot, dialog.complement_from, 3)
    target = tmp_path / "sortie" / "complement.pdf"
    target.parent.mkdir()
    _type(qtbot, dialog.target, str(target))
    dialog.resize(1000, dialog.sizeHint().height())
    dialog.grab().save("/tmp/export-complement.png")
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() in (dialog.done_page, dialog.findings_page), timeout=90000)
    if dialog.stack.currentWidget() is dialog.findings_page:
        qtbot.mouseClick(dialog.export_anyway, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.done_page, timeout=90000)
    assert target.is_file(), dialog.error.text()
    assert "2 pièces jointes." in dialog.summary.text()
    text = " ".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                                   check=True).stdout.replace("\u00a0", " ").split())
    assert "Bordereau n° 2 — pièces complémentaires n° 3 à 4" in text
    assert "Total : 2 pièces" in text
    assert "Pièce n° 3 — p. 1/1" in text and "Pièce n° 1 — p. 1/1" not in text


def test_a_first_piece_no_piece_has_is_said_in_one_line(qtbot, open_window, store, tmp_path) -> None:
    case_id = _first_exported(store, tmp_path)
    window = open_window(str(case_id))
    dialog = _open_dialog(window, qtbot)
    _click_box(qtbot, dialog.complement)
    _type_number(qtbot, dialog.complement_from, 9)
    target = tmp_path / "refuse.pdf"
    _type(qtbot, dialog.target, str(target))
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert dialog.error.text() == ("Bordereau complémentaire : aucune pièce jointe ne porte le n° 9 "
                                   "(pièces n° 1 à 4)")
    assert dialog.stack.currentWidget() is dialog.choosing and not target.exists()
    # Unticked, the number no longer matters: a plain first bordereau again.
    _click_box(qtbot, dialog.complement)
    assert not dialog.complement_from.isEnabled()


def test_what_is_wrong_on_paper_is_listed_before_writing(qtbot, open_window, store, tmp_path) -> None:
    """A hearing already past (on the cover) and a pièce dated a year from what it proves (in the bordereau)."""
    import json

    path = write_four_pieces(tmp_path / "in")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["case"]["hearing"] = "2024-05-20T14:00"
    document["exhibits"][0]["date"] = "2023-03-15"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    case_id = load_case(store, path)
    window = open_window(str(case_id))
    dialog = _open_dialog(window, qtbot)
    target = tmp_path / "bloque.pdf"
    _type(qtbot, dialog.target, str(target))
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.fix_first.isVisible(), timeout=60000)
    shown = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert any(line.startswith("La date d'audience (20/05/2024) est passée") for line in shown), shown
    assert any("Facture 2024-003" in line and "vérifiez sa date" in line for line in shown), shown
    assert dialog.findings_title.text().startswith("2 points rendent le dossier faux")
    assert not target.exists()
