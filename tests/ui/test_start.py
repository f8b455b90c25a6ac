"""Starting: the demo on a first visit, the last case afterwards, geometry remembered."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier_app.services.interchange import load_case
from tests.support.cases import small_document, write_case


def test_first_start_opens_the_demo_with_a_welcome(open_window, store):
    window = open_window()
    assert window.case_id is not None
    assert window.timeline.model.rowCount() > 10
    assert window.welcome.isVisible()
    assert "Nouvelle affaire" in window.welcome.text()


def test_reopen_the_window_and_find_the_same_case(open_window, store, settings, tmp_path: Path):
    first = load_case(store, write_case(tmp_path / "one"))
    other = small_document()
    other["case"]["title"] = "Deuxième affaire"
    second = load_case(store, write_case(tmp_path / "two", other))
    window = open_window()
    assert window.case_id == first
    window.cases.view.setCurrentIndex(window.cases.model.index(window.cases.model.row_of(second), 0))
    assert window.case_id == second
    window.resize(1200, 700)
    window.timeline.select_event("f1")
    window.close()
    again = open_window()
    assert again.case_id == second
    assert again.case_title.text() == "Deuxième affaire"
    assert not settings.value("window/geometry").isEmpty()
    assert abs(again.width() - 1200) < 80 and abs(again.height() - 700) < 40
    assert not again.welcome.isVisible()


def test_asked_case_wins_and_unknown_one_is_a_sentence(open_window, store, small_case):
    from dossier_app.domain.errors import UserError

    window = open_window("Boulangerie Martin c/ WebPlus")
    assert window.case_id == small_case
    with pytest.raises(UserError, match="Aucune affaire"):
        open_window("Nulle part")


def test_settings_stay_in_the_data_folder(store):
    from dossier_app.ui.app import application, user_settings

    application()
    settings = user_settings(store.home)
    settings.setValue("probe", 1)
    settings.sync()
    assert Path(settings.fileName()).parent == store.home
    assert (store.home / "window.ini").is_file()


def test_the_command_opens_the_window(monkeypatch, qtbot, home: Path, tmp_path: Path):
    """``dossier --home DIR gui CASE`` reaches ``ui.app.run`` with that case; the window opens on it."""
    from dossier_app.cli.main import main
    from dossier_app.services.store_access import open_home
    from dossier_app.ui import app

    opened = open_home(home)
    load_case(opened, write_case(tmp_path / "case"))
    opened.close()
    seen = {}

    def exec_once(self) -> int:
        window = next(w for w in app.QApplication.topLevelWidgets() if isinstance(w, app.MainWindow))
        seen["title"] = window.case_title.text()
        window.close()
        return 0

    monkeypatch.setattr(app.QApplication, "exec", exec_once)
    assert main(["--home", str(home), "gui", "Boulangerie Martin c/ WebPlus"]) == 0
    assert seen["title"] == "Boulangerie Martin c/ WebPlus"


def _inside(window, widget) -> bool:
    from PySide6.QtCore import QRect

    box = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    return window.rect().contains(box)


def test_the_window_fits_a_small_laptop_screen(open_window, small_case):
    from tests.ui.conftest import SCREEN

    window = open_window()
    area = window.screen().availableGeometry()
    assert (area.width(), area.height()) == SCREEN
    assert window.minimumSizeHint().width() <= SCREEN[0] and window.minimumSizeHint().height() <= SCREEN[1]
    assert window.width() <= SCREEN[0] and window.height() <= SCREEN[1]
    ex = window.exhibits
    for button in (ex.import_button, ex.link_button, ex.edit_button, ex.remove_button):
        assert button.isVisible() and _inside(window, button), button.text()
    # The last column of the exhibit list (pages, links) is on screen, not beyond the window's edge.
    header = ex.table.horizontalHeader()
    last = header.logicalIndex(header.count() - 1)
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    assert right <= ex.table.viewport().width() + 1
    assert _inside(window, ex.table)


def test_a_saved_size_too_large_for_the_screen_is_not_restored(open_window, small_case, settings):
    window = open_window()
    window.resize(1800, 1100)
    window.close()
    again = open_window()
    assert again.width() <= 1366 and again.height() <= 768
    assert _inside(again, again.exhibits.remove_button)
