"""The window's first paint waits for no module it does not paint with (issue 12, point 5).

``dossier --home DIR gui CASE`` runs in a fresh process, as from the desktop; at the timeline's first
paint the child lists what it has imported.  Babel's locale data, dateutil, the claims engine, the
archive format and the other commands' modules each cost milliseconds before anything is on screen,
and the first screen needs none of them: they are imported when first used, after it.  (Timing
itself is ``bench/bench_gui.py``'s and ``bench/bench_responsive.py``'s job; this test only keeps the
path clear without depending on the machine's speed.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from dossier_app.services.interchange import load_case
from dossier_app.services.store_access import open_home
from tests.support.cases import small_document, write_case

# Runs the real start path (``cli.main.main`` → ``gui`` → ``ui.app.run``); the event loop is wrapped
# so that it stops once the timeline has been painted, and says what was imported by then.
CHILD = r"""
import json, sys
import dossier_app.ui  # noqa: F401 - as dossier_app/__main__ does through ui.app, before Qt runs
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from dossier_app.cli.main import main

report = {}
real_exec = QApplication.exec


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "painting" not in report:
            report["painting"] = True
            QTimer.singleShot(0, done)  # once every widget of this first paint is painted
        return False


def done():
    report["modules"] = sorted(sys.modules)
    localedata = sys.modules.get("babel.localedata")  # imported with Babel, which compiles a stale .po
    report["locale_data"] = sorted(localedata._cache) if localedata is not None else []
    QApplication.instance().quit()


def exec_until_painted(app):
    window = next(w for w in app.topLevelWidgets() if hasattr(w, "timeline"))
    report["rows"] = window.timeline.model.rowCount()
    watch = FirstPaint(window)
    window.timeline.table.viewport().installEventFilter(watch)
    QTimer.singleShot(60000, app.quit)
    return real_exec()


QApplication.exec = exec_until_painted
code = main(sys.argv[1:])
print(json.dumps(report), flush=True)
sys.exit(code)
"""

# Not one of these is needed to show the window; each is imported when first used.
NOT_BEFORE_FIRST_PAINT = (
    "babel.dates",  # the table's days and the band's months are written without Babel
    "babel.numbers",  # and so are the table's amounts
    "dateutil",  # reads the dates people type: forms only
    "dossier_app.domain.claims",  # the claims engine: the amounts owed are computed after the first paint
    "dossier_app.domain.checks",  # the readiness check
    "dossier_app.archive",  # the one-file archive format
    "dossier_app.cli.archive_cmds",  # the other commands of ``dossier``
    "dossier_app.cli.export_cmds",
    "dossier_app.cli.claims_cmds",
    "ctypes.util",  # asks the X server whether it answers; not with QT_QPA_PLATFORM set
)
# Started from the desktop (``dossier``, no case named: the last one opens), not even these: the
# table paints rows read without the event classes, and a large case's exhibits are read after the
# first paint.  (A case named by its title is looked up through the repository.)
NOT_BEFORE_FIRST_PAINT_FROM_THE_DESKTOP = (
    "dossier_app.domain.model",
    "dossier_app.domain.codec",
    "dossier_app.store.repository",
    "dossier_app.cli.context",
)
EVENTS = 400  # more than the first page the window shows at once: a large case's path


def large_case(folder: Path) -> Path:
    document = small_document()
    document["events"] += [{"id": f"n{i}", "kind": "invoice" if i % 2 else "note", "date": f"2024-{1 + i % 12:02d}-10",
                            "title": f"Événement {i}", **({"number": f"N{i}", "amount_incl_tax": "10.00"} if i % 2 else {})}
                           for i in range(EVENTS - len(document["events"]))]
    return write_case(folder, document)


def first_paint_modules(tmp_path: Path, lang: str,
                        arguments: tuple[str, ...] = ("gui", "Boulangerie Martin c/ WebPlus")) -> dict[str, object]:
    home = tmp_path / "home"
    store = open_home(home)
    load_case(store, large_case(tmp_path / "case"))
    store.close()
    env = {**os.environ, "DOSSIER_LANG": lang}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, "--home", str(home), *arguments],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stderr[-3000:]
    report: dict[str, object] = json.loads(lines[-1])
    return report


def heavy_ones(modules: list[str], heavy: tuple[str, ...] = NOT_BEFORE_FIRST_PAINT) -> list[str]:
    """Which of ``heavy`` were imported (a package counts once, whatever of it was)."""
    return [one for one in heavy if any(name == one or name.startswith(one + ".") for name in modules)]


def test_first_paint_imports_nothing_it_does_not_show(tmp_path: Path) -> None:
    report = first_paint_modules(tmp_path, "fr")
    rows = report["rows"]
    assert isinstance(rows, int) and 0 < rows < EVENTS  # the first page is there to be painted, the rest comes after
    modules = report["modules"]
    assert isinstance(modules, list) and "dossier_app.ui.main_window" in modules
    assert heavy_ones(modules) == []
    assert report["locale_data"] == []  # no CLDR data read: French needs no catalogue either


def test_first_paint_in_english_too(tmp_path: Path) -> None:
    report = first_paint_modules(tmp_path, "en")
    modules = report["modules"]
    assert isinstance(modules, list) and "dossier_app.ui.main_window" in modules
    heavy = heavy_ones(modules)
    if "babel.messages.pofile" in modules:
        # A source checkout whose dossier.mo is older than its .po compiles it at start (i18n.catalogue),
        # and Babel's catalogue module imports babel.dates; an installed Dossier has it compiled.
        heavy = [name for name in heavy if name != "babel.dates"]
    assert heavy == []
    assert report["locale_data"] == []  # no CLDR data read before the first paint


def test_first_paint_from_the_desktop_reads_no_event_class(tmp_path: Path) -> None:
    report = first_paint_modules(tmp_path, "fr", ())  # ``dossier --home DIR``: the only case opens
    rows, modules = report["rows"], report["modules"]
    assert isinstance(rows, int) and 0 < rows < EVENTS  # the large case, its first page painted
    assert isinstance(modules, list) and "dossier_app.ui.main_window" in modules
    assert heavy_ones(modules, NOT_BEFORE_FIRST_PAINT + NOT_BEFORE_FIRST_PAINT_FROM_THE_DESKTOP) == []
