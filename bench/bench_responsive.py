"""Responsiveness: the window used as a user would, with a probe timing the event loop.

A 10 ms timer in the GUI thread records how late it fires: the longest lateness is the longest
time the window could not answer (a stall), the 95th percentile says how smooth it stayed.  Each
scenario is driven with key and mouse clicks (QTest), and timed until the view has repainted:
opening the window (first paint, then every row read), scrolling (Page Down), typing a word in
the search box letter by letter, sorting by a click on a column header, editing an event through
its form, undoing it (Ctrl+Z), linking an exhibit (dropped on an event), importing small files, then
the views of issue 13: the amounts owed (Ctrl+4, then another as-of date typed), the readiness check
(Ctrl+5), the export from its dialog and the archive from the File menu.

It runs on a case of 100 000 events (``bench_gui.make_case``) and on the demo case, each window in
a fresh process; the reference is a bare PySide6 window with a lazy 100 000-row model, started
the same way in the same run.  Targets (issue 12): demo, no stall over 100 ms; 100 000 events, no
stall over 200 ms, an edit or an undo visible in under 300 ms, the search's median under 100 ms,
first paint ≤ 1.5× the bare window, the case built in under 10 s.  It prints PASS or MISS for each
and always exits 0: it is a benchmark, not a test.

``python -m bench responsive [--quick] [--events N] [--files N]`` (``QT_QPA_PLATFORM=offscreen``
when there is no display).
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

N_EVENTS = 100_000
QUICK_EVENTS = 10_000
N_FILES = 500
QUICK_FILES = 50
PAINT_RUNS = 3  # first paints of each window, for the median
PROBE_MS = 10
WORD = "relance"

TARGET_DEMO_STALL_MS = 100.0
TARGET_STALL_MS = 200.0
TARGET_VISIBLE_MS = 300.0
TARGET_FILTER_MS = 100.0
TARGET_PAINT_RATIO = 1.5
TARGET_BUILD_S = 10.0


# --- adapter: where the window keeps what a user acts on ------------------------------------------
# The window is being restructured (a case session, feature folders): when a widget moves, change
# these lines and nothing else.

TITLE_COLUMN = 2  # the timeline's "Intitulé" column
EXHIBITS_COLUMN = 5  # the timeline's "Pièces" column (how many exhibits prove the event)
DATE_COLUMN = 0


def build_window(home: Path, case_id: int, answers: object) -> tuple[Any, Any, Any]:
    """The application, its store and the window on ``case_id``, as ``ui.app.open_window`` builds them."""
    import gc

    from PySide6.QtCore import QSettings

    import dossier_app.ui  # noqa: F401 - first, as the application does
    from dossier_app.services.store_access import open_home
    from dossier_app.ui import app as ui_app

    store = open_home(home)
    application = ui_app.application()
    gc.freeze()  # as open_window does
    settings = QSettings(str(home / "bench-settings.ini"), QSettings.Format.IniFormat)
    window = ui_app.build_window(store, settings, str(case_id), answers)  # type: ignore[arg-type]
    return application, store, window


def timeline_table(window: Any) -> Any:
    return window.timeline.table


def search_box(window: Any) -> Any:
    return window.timeline.filter_bar.text


def exhibit_table(window: Any) -> Any:
    return window.exhibits.table


def undo_stack(window: Any) -> Any:
    return window.undo


def import_files(window: Any, paths: list[Path]) -> None:
    """What the import dialog calls with the files chosen (a file dialog cannot be driven)."""
    window.import_paths(paths)


def reading_behind(window: Any) -> bool:
    """Whether the window is still reading the case (or computing amounts) behind the scenes."""
    busy = getattr(window, "busy", None)
    return bool(busy()) if callable(busy) else False


def count_events(home: Path, case_id: int) -> int:
    from dossier_app.services.store_access import open_home
    from dossier_app.services.timeline import count_events as count

    store = open_home(home)
    try:
        return int(count(store, case_id))
    finally:
        store.close()


def make_demo(home: Path) -> int:
    from dossier_app.services.demo import create_demo
    from dossier_app.services.store_access import open_home

    store = open_home(home)
    try:
        return int(create_demo(store))
    finally:
        store.close()


class Answers:
    """Stands in for ``ui.ask.Ask`` (as ``tests/ui/conftest.py`` does): yes to every question."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.save_with: Path | None = None

    def confirm(self, title: str, text: str, yes: str) -> bool:
        return True

    def error(self, text: str) -> None:
        self.errors.append(text)

    def info(self, text: str) -> None:
        self.infos.append(text)

    def text(self, title: str, label: str, value: str) -> str | None:
        return None

    def open_file(self, title: str, filters: str) -> Path | None:
        return None

    def save_file(self, title: str, suggested: str, filters: str) -> Path | None:
        return self.save_with

    def files(self, title: str) -> list[Path]:
        return []


# --- figures ---------------------------------------------------------------------------------------

def latenesses(fires: Sequence[float], interval: float) -> list[float]:
    """How late each firing of a repeating timer came, after the one before it (never negative)."""
    return [max(0.0, b - a - interval) for a, b in itertools.pairwise(fires)]


def percentile(values: Sequence[float], p: float) -> float:
    """The nearest-rank ``p``-th percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


# --- in the window's process -----------------------------------------------------------------------

class Probe:
    """A 10 ms timer in the GUI thread; each firing's time is kept."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.fires: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(lambda: self.fires.append(time.perf_counter()))

    def start(self) -> None:
        self.fires.append(time.perf_counter())
        self.timer.start()

    def between(self, start: float, end: float) -> dict[str, float]:
        """Max stall and 95th percentile lateness (ms) of the firings from ``start`` to ``end``."""
        fires = [t for t in self.fires if start <= t <= end]
        before = [t for t in self.fires if t < start]
        if before:
            fires.insert(0, before[-1])  # a stall that began before ``start`` ends inside it
        late = latenesses(fires, PROBE_MS / 1000)
        return {"max_stall_ms": round(max(late, default=0.0) * 1000, 1),
                "p95_late_ms": round(percentile(late, 95) * 1000, 1), "ticks": len(late)}


class Watch:
    """When a widget was last painted, and when what it shows last changed."""

    def __init__(self, widget: Any, model: Any = None, scroll: Any = None) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.painted = 0.0
        self.first_painting = False
        self.changed = 0.0
        self.first_paint: float | None = None
        watch = self

        class Filter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint:
                    watch.painted = time.perf_counter()
                    if watch.first_paint is None and not watch.first_painting:
                        watch.first_painting = True
                        QTimer.singleShot(0, watch._first_paint_over)  # runs once this paint is over
                return False

        self.filter = Filter(widget)
        widget.installEventFilter(self.filter)
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.dataChanged, model.rowsInserted,
                           model.rowsRemoved):
                signal.connect(self._changed)
        if scroll is not None:
            scroll.valueChanged.connect(self._changed)

    def _first_paint_over(self) -> None:
        self.first_paint = time.time()

    def _changed(self, *_: object) -> None:
        self.changed = time.perf_counter()

    def shown_since(self, start: float) -> bool:
        """Something changed after ``start`` and has been painted since."""
        return self.changed >= start and self.painted >= self.changed


class Driver:
    """Acts on the window and waits for it, as a user would."""

    def __init__(self, app: Any, window: Any, probe: Probe) -> None:
        self.app = app
        self.window = window
        self.probe = probe
        table = timeline_table(window)
        self.table = table
        self.rows = Watch(table.viewport(), table.model(), table.verticalScrollBar())
        ex = exhibit_table(window)
        self.exhibit_rows = Watch(ex.viewport(), ex.model())

    def wait(self, condition: Callable[[], bool], seconds: float) -> bool:
        from PySide6.QtCore import QEventLoop

        end = time.perf_counter() + seconds
        while not condition():
            if time.perf_counter() > end:
                return False
            self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        return True

    def pause(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        self.wait(lambda: time.perf_counter() >= end, seconds + 1)

    def settle(self, seconds: float = 180) -> None:
        """Until the window has nothing left to do behind the scenes, then a few probe ticks."""
        self.wait(lambda: not reading_behind(self.window), seconds)
        self.pause(0.05)

    # --- what is on screen --------------------------------------------------------------------
    def visible_rows(self) -> range:
        table = self.table
        count = table.model().rowCount()
        first = table.rowAt(0)
        if first < 0:
            return range(0)
        last = table.rowAt(table.viewport().height() - 1)
        return range(first, (count - 1 if last < 0 else last) + 1)

    def cell(self, row: int, column: int) -> str:
        model = self.table.model()
        return str(model.index(row, column).data() or "")

    def visible_titles(self) -> list[str]:
        return [self.cell(r, TITLE_COLUMN) for r in self.visible_rows()]

    def cell_point(self, row: int, column: int) -> Any:
        return self.table.visualRect(self.table.model().index(row, column)).center()

    def middle_row(self) -> int:
        rows = self.visible_rows()
        return rows[len(rows) // 2]

    def dialogs(self) -> list[Any]:
        """The visible dialogs with buttons (forms, pickers, reviews), not the progress dialogs."""
        from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QProgressDialog

        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and not isinstance(w, QProgressDialog) and w.isVisible()
                and w.findChild(QDialogButtonBox) is not None]

    def ok_button(self, dialog: Any) -> Any:
        from PySide6.QtWidgets import QDialogButtonBox

        return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)

    def close_dialogs(self) -> None:
        for dialog in self.dialogs():
            dialog.reject()
        self.pause(0.05)

    def click(self, widget: Any, point: Any = None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        if point is None:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    def double_click(self, widget: Any, point: Any) -> None:
        """What a real double-click delivers: press, release, then the double-click and its release."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mousePress(widget, left, none, point)
        QTest.mouseRelease(widget, left, none, point)
        QTest.mouseDClick(widget, left, none, point)
        QTest.mouseRelease(widget, left, none, point)

    def key(self, widget: Any, key: Any, modifier: Any = None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier if modifier is not None else Qt.KeyboardModifier.NoModifier)

    def type_text(self, widget: Any, text: str) -> None:
        """Letter by letter; what has no key of its own (é, —) comes as the keyboard layout sends it."""
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        for letter in text:
            if letter.isascii():
                QTest.keyClick(widget, letter)  # type: ignore[call-overload]  # PySide takes a character
                continue
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                         letter))

    def activate(self) -> None:
        self.window.activateWindow()
        self.wait(self.window.isActiveWindow, 2)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def scenario_scroll(d: Driver, pages: int) -> dict[str, Any]:
    from PySide6.QtCore import Qt

    d.click(d.table.viewport(), d.cell_point(d.visible_rows()[0], TITLE_COLUMN))
    d.pause(0.05)
    times = []
    bar = d.table.verticalScrollBar()
    for _ in range(pages):
        if bar.value() >= bar.maximum():
            break
        start = time.perf_counter()
        d.key(d.table, Qt.Key.Key_PageDown)
        if not d.wait(functools.partial(d.rows.shown_since, start), 10):
            break
        times.append(time.perf_counter() - start)
    return {"presses": len(times), "median_ms": ms(statistics.median(times)) if times else None,
            "worst_ms": ms(max(times)) if times else None}


def scenario_filter(d: Driver, word: str) -> dict[str, Any]:
    """Click in the search box, type ``word`` letter by letter, each letter timed until the table shows it.

    The time includes any delay the window waits for the next letter (debounce) before filtering.
    """
    from PySide6.QtCore import Qt

    box = search_box(d.window)
    d.click(box)
    d.pause(0.05)
    times: list[float] = []
    unchanged = 0
    for letter in word:
        start = time.perf_counter()
        d.type_text(box, letter)
        if d.wait(functools.partial(d.rows.shown_since, start), 5):
            times.append(time.perf_counter() - start)
        else:
            unchanged += 1
        d.pause(0.02)
    shown = d.table.model().rowCount()
    d.key(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    start = time.perf_counter()
    d.key(box, Qt.Key.Key_Backspace)
    cleared = d.wait(lambda: d.rows.shown_since(start), 30)
    clear_time = time.perf_counter() - start
    return {"keystrokes_ms": [ms(t) for t in times],
            "median_ms": ms(statistics.median(times)) if times else None,
            "worst_ms": ms(max(times)) if times else None, "unchanged": unchanged, "rows_shown": shown,
            "clear_ms": ms(clear_time) if cleared else None}


def scenario_sort(d: Driver) -> dict[str, Any]:
    header = d.table.horizontalHeader()

    def click_header(column: int) -> float | None:
        from PySide6.QtCore import QPoint

        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        start = time.perf_counter()
        d.click(header.viewport(), QPoint(x, header.height() // 2))
        if not d.wait(lambda: d.rows.shown_since(start), 60):
            return None
        return time.perf_counter() - start

    by_title = click_header(TITLE_COLUMN)
    d.settle()
    by_date = click_header(DATE_COLUMN)
    d.settle()
    from PySide6.QtCore import Qt

    if header.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
        click_header(DATE_COLUMN)  # back to the usual order
        d.settle()
    return {"by_title_ms": ms(by_title) if by_title is not None else None,
            "back_to_date_ms": ms(by_date) if by_date is not None else None}


def scenario_edit(d: Driver) -> dict[str, Any]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    row = d.middle_row()
    old = d.cell(row, TITLE_COLUMN)
    new = f"{old} (modifié)"
    start = time.perf_counter()
    d.double_click(d.table.viewport(), d.cell_point(row, TITLE_COLUMN))

    def form() -> Any:
        return next((w for w in d.dialogs() if w.findChild(QLineEdit, "title") is not None), None)

    if not d.wait(lambda: form() is not None, 30):
        return {"error": "no form opened by a double-click", "old": old}
    opened = time.perf_counter() - start
    dialog = form()
    field = dialog.findChild(QLineEdit, "title")
    d.pause(0.05)
    d.key(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    d.type_text(field, new)
    d.pause(0.05)
    start = time.perf_counter()
    d.click(d.ok_button(dialog))
    seen = d.wait(lambda: new in d.visible_titles() and d.rows.shown_since(start), 120)
    visible = time.perf_counter() - start
    if not seen:
        d.close_dialogs()
    return {"old": old, "new": new, "form_opened_ms": ms(opened), "visible_ms": ms(visible) if seen else None}


def scenario_undo(d: Driver, old: str, new: str) -> dict[str, Any]:
    from PySide6.QtCore import Qt

    d.activate()
    if undo_stack(d.window).count() == 0:
        return {"error": "nothing to undo"}
    start = time.perf_counter()
    d.key(d.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    seen = d.wait(lambda: old in (titles := d.visible_titles()) and new not in titles
                  and d.rows.shown_since(start), 120)
    return {"visible_ms": ms(time.perf_counter() - start) if seen else None}


def scenario_link(d: Driver) -> dict[str, Any]:
    """Drag the first exhibit of the list and drop it on the event in the middle of the timeline."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    exhibits = exhibit_table(d.window).model()
    if exhibits.rowCount() == 0:
        return {"error": "no exhibit to link"}
    data = exhibits.mimeData([exhibits.index(0, 0)])
    row = d.middle_row()
    title, before = d.cell(row, TITLE_COLUMN), d.cell(row, EXHIBITS_COLUMN)
    point = QPointF(d.cell_point(row, TITLE_COLUMN))
    actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = d.table.viewport()
    start = time.perf_counter()
    for event in (QDragEnterEvent(point.toPoint(), actions, data, buttons, mods),
                  QDragMoveEvent(point.toPoint(), actions, data, buttons, mods),
                  QDropEvent(point, actions, data, buttons, mods)):
        QApplication.sendEvent(viewport, event)

    def linked() -> bool:
        return any(d.cell(r, TITLE_COLUMN) == title and d.cell(r, EXHIBITS_COLUMN) != before
                   for r in d.visible_rows())

    seen = d.wait(lambda: linked() and d.rows.shown_since(start), 120)
    return {"event": title, "visible_ms": ms(time.perf_counter() - start) if seen else None}


def letters_to_import(count: int) -> list[Path]:
    """``count`` small text files, written before the import is timed (writing them is no stall of the window)."""
    folder = Path(tempfile.mkdtemp(prefix="bench-responsive-import-"))
    paths = []
    for i in range(count):
        path = folder / f"courrier-{i:04d}.txt"
        path.write_text(f"Paris, le {1 + i % 28} mars 2024\n\nCourrier n° {i} au prestataire.\n", encoding="utf-8")
        paths.append(path)
    return paths


def scenario_import(d: Driver, paths: list[Path]) -> dict[str, Any]:
    """Import the files; the review is accepted with its Add button."""
    count, folder = len(paths), paths[0].parent
    exhibits = exhibit_table(d.window).model()
    before = exhibits.rowCount()
    answers = d.window.answers
    errors = len(answers.errors) + len(answers.infos)
    start = time.perf_counter()
    import_files(d.window, paths)
    if not d.wait(lambda: bool(d.dialogs()) or len(answers.errors) + len(answers.infos) > errors, 600):
        return {"error": "no review shown"}
    if not d.dialogs():
        return {"error": (answers.errors + answers.infos)[-1]}
    reviewed = time.perf_counter() - start
    d.pause(0.05)
    ok = d.ok_button(d.dialogs()[0])
    # The review fills its rows a few at a time; Ajouter is enabled when the last one is there.
    if not d.wait(ok.isEnabled, 60):
        return {"error": "the review's Add button stayed disabled"}
    filled = time.perf_counter() - start
    start = time.perf_counter()
    d.click(ok)
    seen = d.wait(lambda: exhibits.rowCount() >= before + count and d.exhibit_rows.shown_since(start), 600)
    added = time.perf_counter() - start
    shutil.rmtree(folder, ignore_errors=True)  # the store keeps its own copies
    return {"files": count, "review_shown_ms": ms(reviewed), "review_filled_ms": ms(filled),
            "added_visible_ms": ms(added) if seen else None,
            "exhibits": exhibits.rowCount() - before}


def scenario_claims(d: Driver) -> dict[str, Any]:
    """Ctrl+4 shows the amounts owed; then a date a year earlier is typed in its as-of field."""
    from PySide6.QtCore import Qt

    claims = d.window.claims
    d.activate()
    start = time.perf_counter()
    d.key(d.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    if not d.wait(lambda: claims.shown and not claims.busy and claims.result is not None, 120):
        return {"error": "the amounts owed were not shown"}
    shown = time.perf_counter() - start
    field = d.window.claims_view.as_of.edit
    before = claims.result
    day = claims.as_of()
    earlier = f"{day.day:02d}/{day.month:02d}/{day.year - 1}"
    d.click(field)
    d.key(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    d.type_text(field, earlier)
    start = time.perf_counter()
    d.key(field, Qt.Key.Key_Return)
    changed = d.wait(lambda: not claims.busy and claims.result is not before, 120)
    again = time.perf_counter() - start
    return {"shown_ms": ms(shown), "other_date_ms": ms(again) if changed else None,
            "invoices": len(claims.result.invoices) if claims.result is not None else None}


def scenario_readiness(d: Driver) -> dict[str, Any]:
    """Ctrl+5 shows the readiness check, run behind the window."""
    from PySide6.QtCore import Qt

    readiness = d.window.readiness
    d.activate()
    start = time.perf_counter()
    d.key(d.table, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    if not d.wait(lambda: not readiness.busy and d.window.readiness_view.isVisible(), 300):
        return {"error": "the readiness check did not end"}
    return {"shown_ms": ms(time.perf_counter() - start)}


def scenario_export(d: Driver, target: Path) -> dict[str, Any]:
    """File › Export: the dialog's Export clicked (and "Exporter quand même" past the findings)."""
    d.window.actions_.export_dossier.trigger()
    if not d.wait(lambda: d.window.exporting.dialog is not None, 10):
        return {"error": "no export dialog"}
    dialog = d.window.exporting.dialog
    dialog.target.setText(str(target))
    start = time.perf_counter()
    d.click(dialog.export)
    ends = (dialog.done_page, dialog.findings_page)
    if not d.wait(lambda: dialog.stack.currentWidget() in ends or bool(dialog.error.text()), 600):
        return {"error": "the export did not end"}
    if dialog.stack.currentWidget() is dialog.findings_page:
        d.click(dialog.export_anyway)
        if not d.wait(lambda: dialog.stack.currentWidget() is dialog.done_page or bool(dialog.error.text()), 600):
            return {"error": "the export did not end"}
    seconds = time.perf_counter() - start
    error = dialog.error.text()
    d.click(dialog.close_button)
    return {"written_s": round(seconds, 2), "bytes": target.stat().st_size if target.exists() else None,
            **({"error": error} if error else {})}


def scenario_archive(d: Driver, target: Path) -> dict[str, Any]:
    """File › Archive, the target answered as the save dialog would."""
    answers = d.window.answers
    answers.save_with = target
    infos = len(answers.infos)
    start = time.perf_counter()
    d.window.actions_.archive_case.trigger()
    if not d.wait(lambda: len(answers.infos) > infos or bool(answers.errors), 600):
        return {"error": "the archive did not end"}
    return {"written_s": round(time.perf_counter() - start, 2),
            "bytes": target.stat().st_size if target.exists() else None}


def child_app(home: Path, case_id: int, n_events: int, n_files: int, pages: int, paint_only: bool) -> None:
    answers = Answers()
    app, store, window = build_window(home, case_id, answers)
    window.answers = answers
    window.resize(1440, 900)
    probe = Probe()
    d = Driver(app, window, probe)
    report: dict[str, Any] = {"scenarios": {}}
    scenarios: dict[str, dict[str, Any]] = report["scenarios"]

    def run(name: str, work: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        start = time.perf_counter()
        try:
            figures = work()
        except Exception as exc:  # one scenario failing leaves the others to be measured
            figures = {"error": f"{type(exc).__name__}: {exc}"}
        d.settle()
        figures.update(probe.between(start, time.perf_counter()))
        figures["seconds"] = round(time.perf_counter() - start, 2)
        scenarios[name] = figures
        print(f"  … {name}: {figures['seconds']} s", file=sys.stderr, flush=True)  # where a slow run is
        return figures

    def open_case() -> dict[str, Any]:
        window.show()
        d.wait(lambda: d.rows.first_paint is not None, 120)
        report["painted"] = d.rows.first_paint
        if paint_only:
            return {}
        shown, first_rows = time.perf_counter(), d.table.model().rowCount()
        d.wait(lambda: d.table.model().rowCount() >= n_events, 300)
        return {"rows_at_first_paint": first_rows, "rows": d.table.model().rowCount(),
                "all_rows_after_paint_ms": ms(time.perf_counter() - shown)}

    probe.start()
    if paint_only:
        open_case()
        print(json.dumps({"painted": report["painted"]}), flush=True)
        os._exit(0)  # the rest of the case is still being read: not needed here
    run("open", open_case)
    d.activate()
    run("scroll", lambda: scenario_scroll(d, pages))
    run("filter", lambda: scenario_filter(d, WORD))
    run("sort", lambda: scenario_sort(d))
    edit = run("edit", lambda: scenario_edit(d))
    if "new" in edit:
        run("undo", lambda: scenario_undo(d, edit["old"], edit["new"]))
    run("link", lambda: scenario_link(d))
    letters = letters_to_import(n_files)
    run("import", lambda: scenario_import(d, letters))
    run("claims", lambda: scenario_claims(d))
    run("checks", lambda: scenario_readiness(d))
    if n_events < 1000:  # the demo: the export and the archive of a real dossier, from the window
        out = Path(tempfile.mkdtemp(prefix="bench-responsive-out-"))
        run("export", lambda: scenario_export(d, out / "dossier.pdf"))
        run("archive", lambda: scenario_archive(d, out / "affaire.dossier"))
        shutil.rmtree(out, ignore_errors=True)
    report["errors"] = answers.errors
    print(json.dumps(report), flush=True)
    window.close()
    from dossier_app.ui.workers import wait_for_all

    wait_for_all()
    store.close()


def child_bare() -> None:
    """A bare window: a QTableView over a lazy 100 000-row model (fetchMore / canFetchMore)."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    class Lazy(QAbstractTableModel):
        total, page = N_EVENTS, 300

        def __init__(self) -> None:
            super().__init__()
            self.loaded = 0

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else self.loaded

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 7

        def canFetchMore(self, parent: Any) -> bool:
            return not parent.isValid() and self.loaded < self.total

        def fetchMore(self, parent: Any) -> None:
            more = min(self.page, self.total - self.loaded)
            self.beginInsertRows(QModelIndex(), self.loaded, self.loaded + more - 1)
            self.loaded += more
            self.endInsertRows()

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{index.row()}:{index.column()}"
            return None

    app = QApplication([])
    window = QMainWindow()
    table = QTableView()
    model = Lazy()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1440, 900)
    watch = Watch(table.viewport())
    window.show()
    end = time.time() + 60
    while watch.first_paint is None and time.time() < end:
        app.processEvents()
    print(json.dumps({"painted": watch.first_paint}), flush=True)


# --- the benchmark's own process -------------------------------------------------------------------

def spawn(*args: str, timeout: float = 3600) -> tuple[float, dict[str, Any]]:
    """Run one window in a fresh process; (seconds from its start to its first paint, its report)."""
    env = {**os.environ}
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("DOSSIER_LANG", "fr")
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    started = time.time()
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                          capture_output=True, text=True, env=env, timeout=timeout)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"{args[0]} window failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    report = json.loads(lines[-1])
    return float(report["painted"]) - started, report


def show(value: Any, unit: str = "ms") -> str:
    return "—" if value is None else f"{value:.0f} {unit}" if isinstance(value, float) else f"{value} {unit}"


def print_case(label: str, report: dict[str, Any]) -> None:
    print(f"{label}:")
    print(f"  {'scenario':<8} {'max stall':>10} {'p95 late':>9}  figures")
    for name, s in report["scenarios"].items():
        extra = {k: v for k, v in s.items()
                 if k not in ("max_stall_ms", "p95_late_ms", "keystrokes_ms", "old", "new", "event")}
        text = ", ".join(f"{k} {v}" for k, v in extra.items())
        print(f"  {name:<8} {show(s['max_stall_ms']):>10} {show(s['p95_late_ms']):>9}  {text}")
        if "keystrokes_ms" in s:
            print(f"  {'':<8} {'':>10} {'':>9}  each letter of « {WORD} » (ms): {s['keystrokes_ms']}")
    if report.get("errors"):
        print(f"  messages shown: {report['errors'][:3]}")


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=None, help=f"events in the large case ({N_EVENTS})")
    parser.add_argument("--files", type=int, default=None, help=f"files imported ({N_FILES})")
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_EVENTS} events, {QUICK_FILES} files, one first paint of each window")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else (sys.argv[1:] if __name__ == "__main__" else []))
    if args.child:
        if args.child[0] == "bare":
            child_bare()
        else:
            home, case_id, n_events, n_files, pages = args.child[1:6]
            child_app(Path(home), int(case_id), int(n_events), int(n_files), int(pages), args.child[0] == "paint")
        return
    from bench import compiled

    compiled()
    n_events = args.events or (QUICK_EVENTS if args.quick else N_EVENTS)
    n_files = args.files if args.files is not None else (QUICK_FILES if args.quick else N_FILES)
    runs = 1 if args.quick else PAINT_RUNS
    pages = 30 if args.quick else 100
    from bench.bench_gui import make_case

    print(f"load average (1, 5, 15 min) at start: {load()}")
    with tempfile.TemporaryDirectory(prefix="bench-responsive-") as folder:
        home = Path(folder) / "large"
        start = time.perf_counter()
        case_id = make_case(home, n_events)
        built = time.perf_counter() - start
        print(f"case of {n_events} events built in {built:.1f} s")
        bare = [spawn("bare")[0] for _ in range(runs)]
        paints = [spawn("paint", str(home), str(case_id), str(n_events), "0", "0")[0] for _ in range(runs - 1)]
        seconds, large = spawn("app", str(home), str(case_id), str(n_events), str(n_files), str(pages))
        paints.append(seconds)
        bare_s, ours_s = statistics.median(bare), statistics.median(paints)
        ratio = ours_s / bare_s
        print(f"reference: bare PySide6 window, lazy {N_EVENTS} rows, first paint {bare_s:.2f} s "
              f"(median of {runs}, from the process start)")
        print(f"Dossier on {n_events} events: first paint {ours_s:.2f} s = {ratio:.2f}× the bare window "
              f"(median of {runs})")
        print_case(f"{n_events} events", large)
        demo_home = Path(folder) / "demo"
        demo_id = make_demo(demo_home)
        _, demo = spawn("app", str(demo_home), str(demo_id), str(count_events(demo_home, demo_id)), str(n_files),
                        str(pages))
    print_case("demo case", demo)

    def stall(report: dict[str, Any]) -> float:
        return float(max(s["max_stall_ms"] for s in report["scenarios"].values()))

    def figure(report: dict[str, Any], name: str, key: str) -> float | None:
        value = report["scenarios"].get(name, {}).get(key)
        return None if value is None else float(value)

    edit, undo = figure(large, "edit", "visible_ms"), figure(large, "undo", "visible_ms")
    flt = figure(large, "filter", "median_ms")
    targets = [
        ("demo: longest stall", stall(demo), "ms", f"≤ {TARGET_DEMO_STALL_MS:.0f} ms",
         stall(demo) <= TARGET_DEMO_STALL_MS),
        (f"{n_events}: longest stall", stall(large), "ms", f"≤ {TARGET_STALL_MS:.0f} ms",
         stall(large) <= TARGET_STALL_MS),
        (f"{n_events}: edit visible", edit, "ms", f"< {TARGET_VISIBLE_MS:.0f} ms",
         edit is not None and edit < TARGET_VISIBLE_MS),
        (f"{n_events}: undo visible", undo, "ms", f"< {TARGET_VISIBLE_MS:.0f} ms",
         undo is not None and undo < TARGET_VISIBLE_MS),
        (f"{n_events}: search, median per letter", flt, "ms", f"< {TARGET_FILTER_MS:.0f} ms",
         flt is not None and flt < TARGET_FILTER_MS),
        (f"{n_events}: first paint / bare window", round(ratio, 2), "×", f"≤ {TARGET_PAINT_RATIO}×",
         ratio <= TARGET_PAINT_RATIO),
        (f"{n_events}: building the case", round(built, 1), "s", f"< {TARGET_BUILD_S:.0f} s",
         built < TARGET_BUILD_S),
    ]
    print("targets:")
    for name, value, unit, target, ok in targets:
        text = "none" if value is None else f"{value:g} {unit}"
        print(f"  {verdict(ok)}  {name}: {text} (target {target})")
    print(f"load average (1, 5, 15 min) at end: {load()}")


if __name__ == "__main__":
    main()
