"""The patch of ``dossier_app/ui/__init__.py`` is applied where PySide6 loses references, and only there."""

from __future__ import annotations

import os
import subprocess
import sys

import PySide6

import dossier_app.ui as ui

# Run without dossier_app.ui, so that nothing is patched: how many references to None and True
# twenty void calls and twenty emissions of a Signal(object) cost on the installed PySide6.
_MEASURE = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

class Emitter(QObject):
    said = Signal(object)

app = QApplication([])
widget, emitter, heard = QWidget(), Emitter(), []
emitter.said.connect(heard.append)
none_before = sys.getrefcount(None)
for _ in range(20):
    widget.update()
none_lost = none_before - sys.getrefcount(None)
true_before = sys.getrefcount(True)
for _ in range(20):
    emitter.said.emit(1)
true_lost = true_before - sys.getrefcount(True)
print(none_lost, true_lost)
"""


def test_the_condition():
    assert ui.needs_immortal_singletons((3, 11), "6.12.0")
    assert not ui.needs_immortal_singletons((3, 12), "6.12.0")
    assert not ui.needs_immortal_singletons((3, 13), "6.12.0")
    assert not ui.needs_immortal_singletons((3, 11), "6.11.2")


def test_none_is_patched_only_where_the_condition_holds():
    wanted = ui.needs_immortal_singletons(sys.version_info[:2], PySide6.__version__)
    assert ui.IMMORTAL_SINGLETONS is wanted
    if sys.version_info < (3, 12):  # from 3.12 the count of an immortal object says nothing
        assert (sys.getrefcount(None) > 1 << 39) is wanted


def test_the_known_releases_are_the_ones_that_lose_references():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", _MEASURE], env=env, capture_output=True, text=True,
                         timeout=60, check=True).stdout
    none_lost, true_lost = (int(word) for word in out.split())
    loses = none_lost >= 10 or true_lost >= 10
    assert loses == ui.needs_immortal_singletons(sys.version_info[:2], PySide6.__version__), (
        f"PySide6 {PySide6.__version__} on Python {sys.version_info[:2]} lost {none_lost} references to None "
        f"and {true_lost} to True in 20 calls: update LOSES_REFERENCES in dossier_app/ui/__init__.py")
