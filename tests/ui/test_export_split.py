"""« Un fichier par pièce (envoi électronique) » in the export dialog: a folder, the bordereau, each pièce."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt

from dossier_app.services.demo import create_demo
from tests.ui.test_export_dialog import _open_dialog, _type, opened  # noqa: F401 - the fixture

SHOTS = Path("/tmp")


def _choose_split(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.split, Qt.MouseButton.LeftButton)
    assert dialog.split.isChecked() and not dialog.single.isChecked()
    assert dialog.target_label.text() == "Dossier à créer :"
    assert not dialog.with_exhibits.isEnabled() and dialog.with_exhibits.isChecked()


def _past_findings(qtbot, dialog) -> None:
    """What makes the dossier wrong on paper is listed first (the demo's pièce n° 1 is dated a year before
    the invoice it proves); the user exports anyway.  Without findings, the export is already under way."""
    qtbot.waitUntil(lambda: dialog.export_anyway.isVisible() or dialog.bar.maximum() == 1000
                    or dialog.stack.currentWidget() is dialog.done_page, timeout=60000)
    if dialog.export_anyway.isVisible():
        qtbot.mouseClick(dialog.export_anyway, Qt.MouseButton.LeftButton)


def test_one_file_per_piece_into_a_browsed_folder(qtbot, open_window, store, tmp_path, opened):  # noqa: F811
    case_id = create_demo(store)
    window = open_window(str(case_id))
    dialog = _open_dialog(window, qtbot)
    _choose_split(qtbot, dialog)
    assert not dialog.target.text().endswith(".pdf")  # the case's title, as a folder
    chosen = tmp_path / "envoi RPVA"
    chosen.mkdir()
    window.answers.folder_with = chosen
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert dialog.target.text() == str(chosen)  # empty: used as it is
    with qtbot.waitSignal(window.exporting.ended, timeout=180000) as ended:
        qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
        _past_findings(qtbot, dialog)
    assert ended.args == ["written"], dialog.error.text()

    names = sorted(p.name for p in chosen.iterdir())
    assert names[0] == "00_bordereau.pdf" and len(names) == 13
    assert names[1].startswith("01_facture-pixelune-f-2025-031")
    for name in names:
        check = subprocess.run(["qpdf", "--check", str(chosen / name)], capture_output=True, text=True)
        assert check.returncode == 0, name + check.stdout
    first = subprocess.run(["pdftotext", str(chosen / names[1]), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Pièce n° 1 — p. 1/" in first
    summary = dialog.summary.text()
    assert f"13 fichiers dans le dossier {chosen} :" in summary
    assert [dialog.notes.item(i).text() for i in range(13)] == names
    assert window.statusBar().currentMessage() == f"Dossier exporté : {chosen}"
    dialog.grab().save(str(SHOTS / "export-split-done.png"))
    qtbot.mouseClick(dialog.show_folder, Qt.MouseButton.LeftButton)
    assert opened.urls == [str(chosen)]

    # Browsing to a folder that now holds files makes a new folder inside it, never fills it.
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.exporting.dialog is None)
    again = _open_dialog(window, qtbot)
    _choose_split(qtbot, again)
    qtbot.mouseClick(again.browse, Qt.MouseButton.LeftButton)
    assert Path(again.target.text()).parent == chosen
    _type(qtbot, again.target, str(chosen))
    qtbot.mouseClick(again.export, Qt.MouseButton.LeftButton)
    assert "n'est pas vide" in again.error.text()
    assert again.export.isVisible()
    assert sorted(p.name for p in chosen.iterdir()) == names
    again.grab().save(str(SHOTS / "export-split-choosing.png"))


def test_cancel_leaves_no_folder(qtbot, open_window, store, tmp_path):
    case_id = create_demo(store)
    window = open_window(str(case_id))
    dialog = _open_dialog(window, qtbot)
    _choose_split(qtbot, dialog)
    target = tmp_path / "envoi"
    _type(qtbot, dialog.target, str(target))
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    _past_findings(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.bar.maximum() == 1000 and dialog.bar.value() > 0 and dialog.step.text() != "",
                    timeout=60000)
    with qtbot.waitSignal(window.exporting.ended, timeout=60000) as ended:
        qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    assert ended.args == ["cancelled"]
    assert dialog.error.text() == "Export annulé : aucun fichier n'a été écrit."
    assert sorted(p.name for p in tmp_path.iterdir() if "envoi" in p.name) == []
