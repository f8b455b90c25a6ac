"""PySide6 asks of every module imported after it whether its source names PySide6 (for its
``__feature__`` switches); it reads each source through ``inspect.getsource``, about a tenth of a
millisecond a module, a hundred modules before the window's first paint.  ``dossier_app.ui`` answers
the same question by reading the file's bytes (issue 12, point 5)."""

from __future__ import annotations

import inspect
import sys

import dossier_app.ui
import dossier_app.ui.main_window  # a module that names PySide6
from dossier_app.domain import money


def upstream_answer(module: object) -> bool:
    try:
        return "PySide6" in inspect.getsource(module)  # type: ignore[arg-type]
    except (TypeError, OSError, SyntaxError):
        return False


def test_the_import_hook_reads_bytes_and_answers_as_pyside_does() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is dossier_app.ui.uses_pyside
    checked = [module for name, module in sorted(sys.modules.items())
               if name.startswith(("dossier_app", "json", "email")) or name in ("sys", "os", "PySide6.QtCore")]
    assert len(checked) > 20
    for module in checked:
        assert dossier_app.ui.uses_pyside(module) == upstream_answer(module), module
    assert dossier_app.ui.uses_pyside(sys.modules["dossier_app.ui.main_window"])
    assert not dossier_app.ui.uses_pyside(money)
