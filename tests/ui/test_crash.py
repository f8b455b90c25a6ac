"""A bug behind a click: its traceback in the home's crash log, one sentence on screen, the window kept."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from dossier_app.services import events, timeline
from dossier_app.services.interchange import load_case
from dossier_app.services.store_access import open_home
from tests.support.cases import write_case

SENTENCE = "Une erreur inattendue s'est produite ; rien de ce qui était enregistré n'est perdu. Détails : "


def boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def outside(tmp_path: Path, monkeypatch) -> Path:
    """The user's own folders, where the window must write nothing."""
    user = tmp_path / "user"
    for name, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state"), ("TMPDIR", "tmp")):
        (user / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(user / sub))
    monkeypatch.delenv("DOSSIER_HOME", raising=False)
    return user


def run_window(home: Path, settings, monkeypatch, script: Callable[[object], None]) -> int:
    """``dossier gui`` as a desktop icon starts it, ``script`` playing the user once the window shows."""
    from dossier_app.ui import app
    from dossier_app.ui.main_window import MainWindow

    monkeypatch.setattr(app, "user_settings", lambda home: settings)
    seen: list[str] = []
    # Windows of earlier tests may still be alive: the one to drive is the one this run opens.
    earlier = set(QApplication.topLevelWidgets()) if QApplication.instance() else set()

    def start() -> None:
        window = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, MainWindow) and w.isVisible() and w not in earlier), None)
        if window is None:
            QTimer.singleShot(20, start)
            return
        try:
            script(window)
        finally:
            window.close()

    def too_long() -> None:
        seen.append("still running after 20 s")
        QApplication.quit()

    QTimer.singleShot(0, start)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(too_long)
    guard.start(20000)
    try:
        code = app.run(home)
    finally:
        guard.stop()
    assert not seen, seen
    return code


def test_an_error_behind_a_click_is_logged_in_the_home_and_said_once(qtbot, tmp_path, settings, outside,
                                                                      monkeypatch):
    home = tmp_path / "home"
    store = open_home(home)
    case_id = load_case(store, write_case(tmp_path / "case"))
    store.close()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the store fell over")

    monkeypatch.setattr(events, "replace_event", broken)
    shown: list[str] = []
    alive: list[bool] = []
    status: list[str] = []

    def user(window) -> None:
        assert window.timeline.select_event("f1")
        window.actions_.edit_event.trigger()
        form = window.events.form
        form.field("title").setText("Facture 2024-003 contestée")
        save = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
        save.click()
        save.click()  # a burst: the second error while the box is up
        shown.extend(box.text() for box in boxes())
        for box in boxes():
            box.accept()
        save.click()  # the same again once the box is closed: said in the status bar, not box after box
        shown.extend(box.text() for box in boxes())
        status.append(window.statusBar().currentMessage())
        window.ask.confirm = lambda *_: True  # "close without saving"
        form.reject()
        # The window is still there and still answers.
        alive.append(window.isVisible() and window.timeline.select_event("p1"))

    code = run_window(home, settings, monkeypatch, user)
    assert code == 0
    log = home / "logs" / "crash.log"
    assert shown == [SENTENCE + str(log)], shown
    assert status == [SENTENCE + str(log)]
    assert alive == [True]
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and text.count("RuntimeError: the store fell over") == 3
    assert "replace_event" in text or "broken" in text
    assert files_under(outside) == []
    reopened = open_home(home)
    try:
        assert timeline.read_event(reopened, case_id, "f1").title == "Facture 2024-003"
    finally:
        reopened.close()


def test_background_work_that_fails_leaves_its_traceback_in_the_home(qtbot, tmp_path, settings, outside,
                                                                   monkeypatch):
    from dossier_app.ui.workers import Task

    home = tmp_path / "home"
    store = open_home(home)
    load_case(store, write_case(tmp_path / "case"))
    store.close()
    told: list[str] = []

    def work(progress: object) -> None:
        raise ZeroDivisionError("halfway through the case")

    before = signal.getsignal(signal.SIGTERM)
    during: list[object] = []

    def user(window) -> None:
        during.append(signal.getsignal(signal.SIGTERM))  # left as it was: the default lets the system end it
        task = Task(work, window)
        task.failed.connect(told.append)
        with qtbot.waitSignal(task.finished, timeout=5000):
            task.start()

    assert run_window(home, settings, monkeypatch, user) == 0
    assert during == [before]
    assert told and "ZeroDivisionError" in told[0]
    text = (home / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError: halfway through the case" in text and "Traceback" in text
    assert files_under(outside) == []
