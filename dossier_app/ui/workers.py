"""Long work off the GUI thread, with progress and cancel.

The work is a plain function of a ``progress(done, total, label) -> bool`` callback (False
means: stop).  It must open its own store: an SQLite connection belongs to its thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..domain.errors import UserError
from ..i18n import _

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], bool]
Work = Callable[[Progress], Any]


class _Runner(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work, cancelled: threading.Event) -> None:
        super().__init__()
        self.work = work
        self.cancelled = cancelled

    def _progress(self, done: int, total: int, label: str) -> bool:
        self.progress.emit(done, total, label)
        return not self.cancelled.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except UserError as exc:
            self.failed.emit(exc.message)
        except Exception as exc:
            log.exception("background work failed")
            self.failed.emit(_("Erreur inattendue ({name__}) ; rien n'a été modifié.").format(name__=type(exc).__name__))
        else:
            self.succeeded.emit(result)


_RUNNING: set[Task] = set()  # a thread object must outlive its thread, whoever drops the Task


def wait_for_all(ms: int = 30000) -> None:
    """Cancel and wait for every running task: at exit, a thread still running would abort Qt."""
    for task in list(_RUNNING):
        task.wait(ms)


class Task(QObject):
    """One piece of work on its own thread; ``finished`` comes after ``succeeded`` or ``failed``."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()
        self._thread = QThread()
        self._runner = _Runner(work, self._cancelled)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progress.connect(self.progress)
        self._runner.succeeded.connect(self._succeeded)
        self._runner.failed.connect(self._failed)
        self.running = False

    def start(self) -> None:
        self.running = True
        _RUNNING.add(self)
        self._thread.start()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def wait(self, ms: int = 30000) -> None:
        """Ask the work to stop and wait for its thread (its result, if any, is dropped)."""
        self._cancelled.set()
        self._thread.quit()
        self._thread.wait(ms)
        if self._thread.isFinished():
            self.running = False
            _RUNNING.discard(self)

    def _succeeded(self, result: object) -> None:
        self._end()
        self.succeeded.emit(result)
        self.finished.emit()

    def _failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)
        self.finished.emit()

    def _end(self) -> None:
        self.running = False
        self._thread.quit()
        self._thread.wait()
        _RUNNING.discard(self)


class Latest(QObject):
    """One task at a time for one purpose, the latest asked wins.

    ``run`` while a task runs waits for it (only the latest waiting ask is kept); the result of an
    ask that a later ask (or ``drop``) superseded is dropped.  ``settled`` says there is nothing
    left running or waiting.
    """

    settled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task: Task | None = None
        self._waiting: Callable[[], None] | None = None
        self._asked = 0
        self.closed = False

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    @property
    def busy(self) -> bool:
        return self.running or self._waiting is not None

    def drop(self) -> None:
        """Whatever is under way no longer applies: its result will be dropped."""
        self._asked += 1

    def run(self, work: Work, done: Callable[[Any], object],
            failed: Callable[[str, bool], object] | None = None,
            defer: Callable[[Callable[[], object]], object] | None = None) -> None:
        """Run ``work``; ``done(result)`` if no later ask came, ``failed(message, current)`` either way;
        ``defer(start)`` chooses when it starts (after the first paint, say)."""
        self._asked += 1
        ask = self._asked

        def start() -> None:
            if self.closed or ask != self._asked:
                return  # superseded before it began
            if self.running:
                self._waiting = start
                return
            task = Task(work, self)
            task.succeeded.connect(lambda result: done(result) if ask == self._asked else None)
            if failed is not None:
                task.failed.connect(lambda message: failed(message, ask == self._asked))
            task.finished.connect(self._finished)
            self.task = task
            task.start()

        if defer is None:
            start()
        else:
            defer(start)

    def _finished(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting()
        if not self.busy:
            self.settled.emit()

    def shutdown(self) -> None:
        """The window closes: nothing new starts, the task under way is stopped and waited for."""
        self.closed = True
        self._waiting = None
        if self.task is not None and self.task.running:
            self.task.wait()
