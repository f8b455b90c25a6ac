"""The window's size and place: the last ones when they fit a screen now, else a size that fits this one."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from ..store import Store

DEFAULT_SIZE = QSize(1440, 900)  # on a large screen; a smaller one gets what it can hold
FRAME = QSize(16, 48)  # what the window manager adds around the window (borders, title bar), about
CASES_WIDTH, EXHIBITS_WIDTH = 220, 400


def home_key(store: Store) -> str:
    """Settings are per user; the last case is per data folder."""
    return hashlib.sha1(str(store.home.resolve()).encode("utf-8")).hexdigest()[:16]


def available_area() -> QRect:
    """The primary screen's room for windows (without the task bar)."""
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, DEFAULT_SIZE.width(), DEFAULT_SIZE.height())


def default_size(area: QRect) -> QSize:
    """The default size, made smaller to fit ``area`` with the window's frame."""
    return QSize(min(DEFAULT_SIZE.width(), area.width() - FRAME.width()),
                 min(DEFAULT_SIZE.height(), area.height() - FRAME.height()))


def fits_a_screen(rect: QRect) -> bool:
    """Whether a window of that geometry lies on a screen that can hold it whole."""
    screen = QGuiApplication.screenAt(rect.center())
    if screen is None:
        return False
    area = screen.availableGeometry()
    return rect.width() <= area.width() and rect.height() <= area.height() and area.intersects(rect)



def restore_geometry(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    """The size and place saved last time if they fit a screen now, else a size that fits this one."""
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty() and window.restoreGeometry(geometry) \
            and fits_a_screen(window.geometry()):
        state = settings.value("window/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            splitter.restoreState(state)
        return
    window.setWindowState(Qt.WindowState.WindowNoState)
    area = available_area()
    size = default_size(area)
    window.resize(size)
    window.move(area.x() + max(0, (area.width() - size.width() - FRAME.width()) // 2),
                area.y() + max(0, (area.height() - size.height() - FRAME.height()) // 2))
    # On a small screen the sides give up some room: the timeline's titles need it most.
    cases, exhibits = min(CASES_WIDTH, max(180, size.width() * 14 // 100)), min(EXHIBITS_WIDTH, max(330, size.width() * 26 // 100))
    splitter.setSizes([cases, max(0, size.width() - cases - exhibits - 2 * splitter.handleWidth()), exhibits])


def save_geometry(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", splitter.saveState())
