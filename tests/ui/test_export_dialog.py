"""The export dialog, driven as a user does: File → Exporter le dossier PDF…, choose, Export, wait."""

from __future__ import annotations

import itertools
import subprocess
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTableView

from dossier_app.services.demo import create_demo
from dossier_app.store import repository as repo

EXPORT = "Exporter le dossier PDF\u2026"
SHOTS = Path("/tmp")


def _menu_action(window, text: str):
    file_menu = window.menuBar().actions()[0].menu()
    found = [a for a in file_menu.actions() if a.text().replace("&", "") == text]
    assert found, [a.text() for a in file_menu.actions()]
    return found[0]


def _open_dialog(window, qtbot):
    _menu_action(window, EXPORT).trigger()
    dialog = window.exporting.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)  # the keys typed go to it, and Tab moves on
    return dialog


def _type(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def _type_day(qtbot, dialog, field, text: str) -> None:
    """Typed as a user does: into the field, what was there selected (Ctrl+A), the day as written, then Tab."""
    field.setFocus()
    typing = dialog.focusWidget()  # where the keys go: the field's text box
    qtbot.keyClick(typing, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(typing, text)
    qtbot.keyClick(typing, Qt.Key.Key_Tab)


class Opened(QObject):
    """Stands in for the desktop: what "Ouvrir le dossier" and "Afficher dans le dossier" asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toLocalFile())


@pytest.fixture
def opened():
    catcher = Opened()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("file")


def _gaps(qtbot):
    """A 10 ms tick on the GUI thread; the longest gap between two says how long the window froze."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    return timer, ticks


def _past_findings(qtbot, dialog) -> None:
    """What makes the dossier wrong on paper is listed first (the demo's pièce n° 1 is dated a year before
    the invoice it proves); the user exports anyway.  Without findings, the export is already under way."""
    qtbot.waitUntil(lambda: dialog.export_anyway.isVisible() or dialog.bar.maximum() == 1000
                    or dialog.stack.currentWidget() is dialog.done_page, timeout=60000)
    if dialog.export_anyway.isVisible():
        qtbot.mouseClick(dialog.export_anyway, Qt.MouseButton.LeftButton)


def test_export_from_the_menu_writes_the_dossier_and_remembers_its_folder(qtbot, open_window, store, tmp_path,
                                                                          opened):
    case_id = create_demo(store)
    window = open_window(str(case_id))
    dialog = _open_dialog(window, qtbot)
    assert dialog.target.text().endswith("Atelier Lemoine c- Pixelune — site, DNS et messagerie.pdf")
    _type_day(qtbot, dialog, dialog.as_of, "03/11/2025")
    assert dialog.as_of.day() == date(2025, 11, 3)
    assert dialog.communication.day() == date(2025, 11, 3)  # follows, until changed
    assert dialog.communication.edit.text() == "03/11/2025"
    _type_day(qtbot, dialog, dialog.communication, "12 novembre 2025")
    assert dialog.communication.edit.text() == "12/11/2025"
    _type_day(qtbot, dialog, dialog.as_of, "03/11/2025")  # the same day again: the communication date stays
    assert dialog.communication.day() == date(2025, 11, 12)
    folder = tmp_path / "sortie"
    folder.mkdir()
    target = folder / "dossier Lemoine.pdf"
    _type(qtbot, dialog.target, str(folder / "dossier Lemoine"))  # .pdf added
    timer, ticks = _gaps(qtbot)
    with qtbot.waitSignal(window.exporting.ended, timeout=180000) as ended:
        qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
        _past_findings(qtbot, dialog)
    timer.stop()
    assert ended.args == ["written"], dialog.error.text()
    worst = max(b - a for a, b in itertools.pairwise(ticks)) * 1000
    print(f"longest GUI stall during the demo export: {worst:.0f} ms over {len(ticks)} ticks")
    assert len(ticks) > 20 and worst < 250

    assert target.is_file()
    assert sorted(p.name for p in folder.iterdir()) == ["dossier Lemoine.pdf"]  # no scratch left
    check = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    text = " ".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Arrêté au 3 novembre 2025" in text
    assert ", le 12 novembre 2025" in text and "communiquées le 12 novembre 2025" in text
    assert "Dossier écrit :" in dialog.summary.text() and str(target) in dialog.summary.text()
    assert "pièces" in dialog.summary.text()
    assert window.statusBar().currentMessage() == f"Dossier exporté : {target}"
    dialog.grab().save(str(SHOTS / "export-done.png"))

    qtbot.mouseClick(dialog.open_pdf, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.show_folder, Qt.MouseButton.LeftButton)
    assert opened.urls == [str(target), str(folder)]

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.exporting.dialog is None)
    again = _open_dialog(window, qtbot)
    assert Path(again.target.text()).parent == folder  # the last folder, remembered


def test_cancel_leaves_no_file(qtbot, open_window, store, tmp_path):
    case_id = create_demo(store)
    window = open_window(str(case_id))
    dialog = _open_dialog(window, qtbot)
    target = tmp_path / "annule.pdf"
    _type(qtbot, dialog.target, str(target))
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    _past_findings(qtbot, dialog)
    # The readiness check first, then the export itself: its bar counts per mille, its part named.
    qtbot.waitUntil(lambda: dialog.bar.maximum() == 1000 and dialog.bar.value() > 0 and dialog.step.text() != "",
                    timeout=60000)
    assert dialog.stage.text() in ("Lecture des pièces\u2026", "Assemblage des pièces\u2026")
    assert dialog.step.text().startswith("Pièce n° ")
    dialog.grab().save(str(SHOTS / "export-progress.png"))
    with qtbot.waitSignal(window.exporting.ended, timeout=60000) as ended:
        qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    assert ended.args == ["cancelled"]
    assert dialog.error.text() == "Export annulé : aucun fichier n'a été écrit."
    assert dialog.export.isVisible()  # back to the choices
    assert list(tmp_path.glob("annule*")) == [] and list(tmp_path.glob(".annule*")) == []


def test_blocking_findings_come_first_then_the_refused_exhibit_with_its_reason(qtbot, open_window, store,
                                                                                tmp_path):
    case_id = create_demo(store)
    gone = repo.read_case_file(store, case_id).exhibits[0]
    path = store.blobs.path(gone.sha256)
    path.chmod(0o600)
    path.unlink()
    window = open_window(str(case_id))
    dialog = _open_dialog(window, qtbot)
    target = tmp_path / "bloque.pdf"
    _type(qtbot, dialog.target, str(target))
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.fix_first.isVisible(), timeout=60000)
    shown = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert any("le fichier n'est plus dans le dossier de données" in line for line in shown), shown
    assert dialog.export_anyway.isVisible() and not target.exists()
    dialog.grab().save(str(SHOTS / "export-findings.png"))

    # Corriger d'abord: the dialog goes, the readiness tab shows.
    qtbot.mouseClick(dialog.fix_first, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.exporting.dialog is None)
    assert window.tabs.currentWidget() is window.readiness_view

    # Exporter quand même: the export refuses the exhibit whose file is gone, and says why, in the dialog.
    dialog = _open_dialog(window, qtbot)
    _type(qtbot, dialog.target, str(target))
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.export_anyway.isVisible(), timeout=60000)
    with qtbot.waitSignal(window.exporting.ended, timeout=60000) as ended:
        qtbot.mouseClick(dialog.export_anyway, Qt.MouseButton.LeftButton)
    assert ended.args == ["refused"]
    notes = [dialog.notes.item(i).text() for i in range(dialog.notes.count())]
    assert len(notes) == 1 and notes[0].startswith("Pièce n° ") and gone.title in notes[0], notes
    assert "Rien n'a été écrit" in dialog.summary.text()
    assert not dialog.open_pdf.isVisible() and window.answers.errors == []
    assert not target.exists()


def test_a_folder_as_target_is_said_in_one_line(qtbot, open_window, small_case, tmp_path):
    window = open_window(str(small_case))
    dialog = _open_dialog(window, qtbot)
    _type(qtbot, dialog.target, str(tmp_path))
    _type(qtbot, dialog.max_mb, "dix")
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert dialog.error.text() == ("Taille maximale : un nombre de Mo positif est attendu (ou rien, pour "
                                   "aucune limite).")
    _type(qtbot, dialog.max_mb, "2,5")
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    assert "est un dossier : donnez un nom de fichier" in dialog.error.text()
    assert "\n" not in dialog.error.text()
    dialog.grab().save(str(SHOTS / "export-choices.png"))
    assert dialog.export.isVisible() and window.exporting.task is None  # nothing started


def test_a_day_typed_as_people_write_it_is_the_day_exported(qtbot, open_window, small_case, tmp_path):
    window = open_window(str(small_case))
    dialog = _open_dialog(window, qtbot)
    _type_day(qtbot, dialog, dialog.as_of, "30/11/2025")
    _type(qtbot, dialog.target, str(tmp_path / "au 30 novembre.pdf"))
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    choices = window.exporting.choices
    assert choices is not None, dialog.error.text()
    assert (choices.as_of, choices.communication) == (date(2025, 11, 30), date(2025, 11, 30))
    qtbot.waitUntil(lambda: not window.exporting.busy, timeout=120000)


def test_a_wrong_day_is_said_and_nothing_is_exported(qtbot, open_window, small_case, tmp_path):
    window = open_window(str(small_case))
    dialog = _open_dialog(window, qtbot)
    target = tmp_path / "jamais.pdf"
    _type(qtbot, dialog.target, str(target))
    _type_day(qtbot, dialog, dialog.as_of, "31/02/2026")
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert dialog.error.text() == ("Date d'arrêté : « 31/02/2026 » n'est pas une date (exemple : 04/10/2016 ou "
                                   "4 octobre 2016)")
    assert dialog.as_of.edit.text() == "31/02/2026"  # left as typed, to be corrected, and marked
    assert dialog.as_of.refused is not None and "b00020" in dialog.as_of.edit.styleSheet()
    assert window.exporting.task is None and window.exporting.choices is None and dialog.export.isVisible()
    dialog.grab().save(str(SHOTS / "export-wrong-day.png"))
    # A day too far ahead is refused as well; once corrected, the export goes.
    _type_day(qtbot, dialog, dialog.as_of, "30/11/2099")
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    assert dialog.error.text().startswith("Date d'arrêté : date du 30/11/2099 plus de 5 ans dans le futur")
    assert window.exporting.task is None
    _type_day(qtbot, dialog, dialog.as_of, "30 novembre 2025")
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    assert window.exporting.choices is not None and window.exporting.choices.as_of == date(2025, 11, 30)
    qtbot.waitUntil(lambda: not window.exporting.busy, timeout=120000)
    assert not target.exists() or target.stat().st_size > 0


# The offscreen platform cannot raise a popup nor grab the keyboard for it; a desktop can.
@pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support raise",
                          "This plugin does not support grabbing the keyboard")
def test_a_day_chosen_in_the_calendar(qtbot, open_window, small_case):
    window = open_window(str(small_case))
    dialog = _open_dialog(window, qtbot)
    qtbot.mouseClick(dialog.as_of.calendar_button, Qt.MouseButton.LeftButton)
    calendar = dialog.as_of.calendar
    assert calendar is not None and calendar.isVisible()
    calendar.setSelectedDate(calendar.selectedDate().addDays(-3))  # as the arrow keys move it
    chosen = calendar.selectedDate()
    qtbot.keyClick(calendar.findChild(QTableView), Qt.Key.Key_Return)  # the popup's grid of days
    assert not calendar.isVisible()
    assert dialog.as_of.edit.text() == chosen.toString("dd/MM/yyyy")
    assert dialog.communication.edit.text() == chosen.toString("dd/MM/yyyy")  # follows
    dialog.reject()


def test_renumbering_from_the_dialog_numbers_the_pieces_by_date_again(qtbot, open_window, store, tmp_path, opened):
    """`export --renumber` in the window: after a first export the numbers stay; the box starts afresh."""
    from dossier_app.services import exporting

    case_id = create_demo(store)
    first = exporting.export_case(store, case_id, tmp_path / "premier.pdf", include_exhibits=False)
    assert first.pages
    numbers = {x.sha256: x.number for x in repo.read_case_file(store, case_id).exhibits}
    # An exhibit re-dated to the very start would be n° 1 if numbered afresh; kept, it keeps its number.
    last = max(numbers, key=lambda sha: numbers[sha] or 0)
    from dossier_app.services import exhibits

    exhibits.edit_exhibit(store, case_id, last, day=date(2020, 1, 1))
    window = open_window(str(case_id))
    dialog = _open_dialog(window, qtbot)
    _type(qtbot, dialog.target, str(tmp_path / "renumerote.pdf"))
    dialog.with_exhibits.setChecked(False)
    qtbot.mouseClick(dialog.renumber, Qt.MouseButton.LeftButton)
    assert dialog.renumber.isChecked()
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() in (dialog.done_page, dialog.findings_page), timeout=60000)
    if dialog.stack.currentWidget() is dialog.findings_page:
        qtbot.mouseClick(dialog.export_anyway, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.done_page, timeout=60000)
    after = {x.sha256: x.number for x in repo.read_case_file(store, case_id).exhibits}
    assert numbers[last] != 1 and after[last] == 1


def test_a_name_browsed_without_pdf_asks_before_replacing_that_file(qtbot, open_window, small_case, tmp_path):
    """The Save dialog asked about « existant »; Export writes « existant.pdf », which it never asked about."""
    existing = tmp_path / "existant.pdf"
    existing.write_bytes(b"%PDF- the dossier sent last week")
    window = open_window(str(small_case))
    window.answers.save_with = tmp_path / "existant"
    window.answers.confirm_with = False
    dialog = _open_dialog(window, qtbot)
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert dialog.target.text() == str(existing)
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    assert window.answers.confirmations == [f"{existing} existe déjà. Le remplacer par le nouveau dossier ?"]
    assert window.exporting.task is None and dialog.export.isVisible()
    assert existing.read_bytes() == b"%PDF- the dossier sent last week"
    # The very name the Save dialog returned: it asked itself, Export does not ask again.
    window.answers.save_with = existing
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    assert len(window.answers.confirmations) == 1 and window.exporting.choices is not None
    qtbot.waitUntil(lambda: not window.exporting.busy, timeout=120000)


def test_the_default_folder_of_the_preferences_wins_over_the_last_one(qtbot, open_window, small_case, settings,
                                                                      tmp_path):
    preferred, last = tmp_path / "choisi", tmp_path / "dernier"
    preferred.mkdir()
    last.mkdir()
    settings.setValue("export/folder", str(preferred))
    settings.setValue("export/last_folder", str(last))
    settings.setValue("export/max_mb", "4")
    window = open_window(str(small_case))
    dialog = _open_dialog(window, qtbot)
    assert Path(dialog.target.text()).parent == preferred
    assert dialog.max_mb.text() == "4"
    dialog.reject()
    settings.setValue("export/folder", "")  # the field emptied: the last folder
    dialog = _open_dialog(window, qtbot)
    assert Path(dialog.target.text()).parent == last


def test_the_check_before_writing_runs_in_a_child_process(qtbot, open_window, store, tmp_path, monkeypatch):
    """The findings come from a child process: the window's own process re-hashes nothing."""
    import threading

    from dossier_app.services import readiness
    from dossier_app.services.interchange import load_case
    from tests.support.cases import small_document, write_case

    document = small_document()
    del document["case"]["court"]
    case_id = load_case(store, write_case(tmp_path / "sans-tribunal", document))
    here: list[str] = []
    for name in ("readiness", "checked_case", "integrity_facts"):
        original = getattr(readiness, name)
        monkeypatch.setattr(readiness, name, lambda *a, _o=original, **k: here.append(
            threading.current_thread().name) or _o(*a, **k))
    window = open_window(str(case_id))
    here.clear()  # what the window did on opening is another feature's
    dialog = _open_dialog(window, qtbot)
    _type(qtbot, dialog.target, str(tmp_path / "sans-tribunal.pdf"))
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.fix_first.isVisible(), timeout=60000)
    shown = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert len(shown) == 1 and shown[0].startswith("Aucune juridiction n'est indiquée"), shown
    assert dialog.findings_title.text().startswith("1 point rend le dossier faux")
    assert here == []
    dialog.reject()


def test_a_french_window_says_the_stage_in_french_for_an_english_dossier(qtbot, open_window, small_case,
                                                                         tmp_path):
    window = open_window(str(small_case))
    dialog = _open_dialog(window, qtbot)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    _type(qtbot, dialog.target, str(tmp_path / "english.pdf"))
    seen: list[tuple[str, str]] = []
    shown = dialog.set_progress
    dialog.set_progress = lambda stage, step, done, total: (seen.append((stage, step)),
                                                            shown(stage, step, done, total))
    qtbot.mouseClick(dialog.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() in (dialog.done_page, dialog.findings_page), timeout=60000)
    if dialog.stack.currentWidget() is dialog.findings_page:
        qtbot.mouseClick(dialog.export_anyway, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.done_page, timeout=60000)
    stages = {stage for stage, _step in seen}
    assert "Lecture des pièces\u2026" in stages and "Reading the exhibits\u2026" not in stages, stages
    assert ("Lecture des pièces\u2026", "Exhibit No. 1") in seen, seen  # the pièce as the English dossier says it
    report = window.exporting.report
    assert report is not None
    lines = dialog.summary.text().splitlines()
    pages = "page" if report.pages == 1 else "pages"
    assert lines[:2] == [f"Dossier écrit : {report.pages} {pages}.", "1 pièce jointe."], lines
