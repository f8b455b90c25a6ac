"""A bug behind a click: its traceback in the home's crash log, one sentence on screen, the window kept.

Started from a desktop icon, the window has no terminal: an error in a slot would otherwise be
printed nowhere and the click would just do nothing.  While the window runs, ``sys.excepthook``
(which PySide calls for an exception escaping a slot or an overridden method) writes the traceback
with ``services.crash_log`` and says one sentence.  One box at a time; the same error again is said
in the status bar rather than in box after box (a failing paint would bring one back at each paint).
Tracebacks logged by the window's own code (background work, undo) go to the same log.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from ..i18n import _
from ..services.crash_log import write_crash_log

if TYPE_CHECKING:  # the box is made when there is something to say, not before the first paint
    from PySide6.QtWidgets import QMessageBox

LOGGED_REPEATS = 3  # the same error written this many times at most: a loop must not fill the disk
STATUS_MS = 10000

Hook = Any  # sys.excepthook's type


def sentence(log: Path | None) -> str:
    where = str(log) if log is not None else "stderr"
    return _("Une erreur inattendue s'est produite ; rien de ce qui était enregistré n'est perdu. Détails : {where}").format(where=where)


def _place(tb: TracebackType | None) -> tuple[str, int]:
    last = traceback.extract_tb(tb)[-1:] if tb is not None else []
    return (last[0].filename, last[0].lineno or 0) if last else ("", 0)


class _LogToCrashLog(logging.Handler):
    """Records carrying a traceback (``log.exception``) go to the crash log too."""

    def __init__(self, reporter: CrashReporter) -> None:
        super().__init__(logging.ERROR)
        self.reporter = reporter

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info is None or record.exc_info[0] is None:
            return
        kind, _value, tb = record.exc_info
        try:
            self.reporter.log(record.getMessage() + "\n" + "".join(traceback.format_exception(*record.exc_info)),
                              (kind.__qualname__, *_place(tb)))
        except Exception:  # logging must never raise
            self.handleError(record)


class CrashReporter:
    """``with CrashReporter(home, window):`` around the window's event loop."""

    def __init__(self, home: Path, window: QWidget | None = None, logger: str = "dossier_app") -> None:
        self.home = home
        self.window = window
        self.box: QMessageBox | None = None
        self.told: set[tuple[str, str, int]] = set()
        self.counts: dict[tuple[str, str, int], int] = {}
        self.last_log: Path | None = None
        self._logger = logging.getLogger(logger)
        self._handler = _LogToCrashLog(self)
        self._previous: Hook = None

    def __enter__(self) -> CrashReporter:
        self._previous = sys.excepthook
        sys.excepthook = self.hook
        self._logger.addHandler(self._handler)
        return self

    def __exit__(self, *_: object) -> None:
        self._logger.removeHandler(self._handler)
        if sys.excepthook == self.hook:
            sys.excepthook = self._previous

    def log(self, text: str, key: tuple[str, str, int]) -> Path | None:
        """Write ``text`` to the crash log unless this error was written often enough; where it is."""
        count = self.counts.get(key, 0) + 1
        self.counts[key] = count
        if count > LOGGED_REPEATS:
            return self.last_log
        if count == LOGGED_REPEATS:
            text += "\n(the same error again is not written again this session)"
        path = write_crash_log(self.home, text)
        if path is None:
            sys.stderr.write(text + "\n")  # the log cannot be written: at least a terminal has it
        self.last_log = path
        return path

    def hook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, Exception):
            # Ctrl+C in the terminal (or SystemExit): the window closes as if asked, saving what it keeps.
            (self._previous or sys.__excepthook__)(kind, value, tb)
            if self.window is not None:
                QTimer.singleShot(0, self.window.close)
            return
        try:
            self._report(kind, value, tb)
        except Exception:  # the hook itself must not fail: the original goes to stderr
            sys.__excepthook__(kind, value, tb)

    def _report(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        key = (kind.__qualname__, *_place(tb))
        path = self.log("".join(traceback.format_exception(kind, value, tb)), key)
        if self.box is not None:
            return  # one box at a time: the one up already says where the details are
        if key in self.told:
            self._status(sentence(path))
            return
        self.told.add(key)
        from PySide6.QtWidgets import QMessageBox

        parent = QApplication.activeModalWidget() or self.window
        box = QMessageBox(QMessageBox.Icon.Critical, "Dossier", sentence(path), QMessageBox.StandardButton.Ok, parent)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path, to copy
        box.finished.connect(lambda _result: self._closed(box))
        self.box = box
        box.open()  # not exec(): no event loop nested inside the code that failed

    def _closed(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None
        box.deleteLater()

    def _status(self, text: str) -> None:
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(text, STATUS_MS)
