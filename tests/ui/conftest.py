"""The window under test: a fresh data folder and settings file per test, questions answered."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import dossier_app.ui  # noqa: F401 - before Qt runs: see its docstring about None
from dossier_app.services import session
from dossier_app.services.interchange import load_case
from dossier_app.services.store_access import open_home
from dossier_app.store import Store
from tests.support.cases import write_case

SCREEN = (1366, 768)  # the small laptop screen the window must fit

if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    # The offscreen screen is 800×800 unless told otherwise: make it the small laptop's, before Qt starts.
    _screens = os.path.join(tempfile.mkdtemp(prefix="dossier-screen-"), "screens.json")
    with open(_screens, "w", encoding="utf-8") as _handle:
        json.dump({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}, _handle)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screens}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # A Qt warning is a bug in the window: fail the test that caused it.
    for item in items:
        if item.nodeid.startswith("tests/ui/"):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            # The offscreen platform says this of every top-level window; it is not ours.
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


@dataclass
class Answers:
    """Stands in for ``ui.ask.Ask``: what the user would answer, and what they were told."""

    confirm_with: bool = True
    texts: list[str] = field(default_factory=list)
    passwords: list[str] = field(default_factory=list)
    password_questions: list[str] = field(default_factory=list)
    open_with: Path | None = None
    save_with: Path | None = None
    files_with: list[Path] = field(default_factory=list)
    folder_with: Path | None = None
    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    confirmations: list[str] = field(default_factory=list)

    def confirm(self, title: str, text: str, yes: str) -> bool:
        self.confirmations.append(text)
        return self.confirm_with

    def error(self, text: str) -> None:
        self.errors.append(text)

    def info(self, text: str) -> None:
        self.infos.append(text)

    def text(self, title: str, label: str, value: str) -> str | None:
        return self.texts.pop(0) if self.texts else None

    def password(self, title: str, label: str) -> str | None:
        self.password_questions.append(label)
        return self.passwords.pop(0) if self.passwords else None

    def open_file(self, title: str, filters: str) -> Path | None:
        return self.open_with

    def save_file(self, title: str, suggested: str, filters: str) -> Path | None:
        return self.save_with

    def files(self, title: str) -> list[Path]:
        return self.files_with

    def folder(self, title: str) -> Path | None:
        return self.folder_with


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def store(home: Path) -> Iterator[Store]:
    opened = open_home(home)
    yield opened
    opened.close()


@pytest.fixture
def settings(tmp_path: Path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def small_case(store: Store, tmp_path: Path) -> int:
    return load_case(store, write_case(tmp_path / "case"))


@pytest.fixture
def open_window(qtbot, store: Store, settings) -> Iterator[Callable[..., object]]:
    """``open_window()`` on the case the window would choose; ``open_window(start=None)`` on none."""
    from dossier_app.ui.app import build_window
    from dossier_app.ui.main_window import MainWindow

    windows = []

    def make(case_ref: str | None = None, *, empty: bool = False):
        answers = Answers()
        window = (MainWindow(store, settings, session.Start(None), answers) if empty
                  else build_window(store, settings, case_ref, answers))
        window.answers = answers
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        # Shortcuts reach only the active window.
        with qtbot.waitActive(window):
            window.activateWindow()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    from dossier_app.ui.workers import wait_for_all

    wait_for_all()
