"""The desktop window: the only package that imports PySide6.

PySide6 6.12 on Python 3.11 hands back ``None`` from every void method without taking a
reference to it, and each emission of a ``Signal(object)`` drops a reference to ``True``
(both harmless from Python 3.12, where these objects are immortal).  Each ``update()``,
``drawLine()`` or ``processEvents()`` then costs ``None`` one reference, and the interpreter
aborts with "deallocating None" after a few thousand of them — within seconds of painting.
On the releases known to do it (``LOSES_REFERENCES``) and Python before 3.12 only, these
singletons are made immortal here the way 3.12 does it: by giving them a reference count nothing
can exhaust.  ``tests/ui/test_reference_patch.py`` measures the loss on the installed PySide6 and
fails when this list says otherwise.

PySide6 also asks of every module imported after it whether its source names "PySide6" (for its
``__feature__`` switches), and reads each source through ``inspect.getsource`` to find out: about a
tenth of a millisecond a module, a hundred modules before the window's first paint.  ``uses_pyside``
answers the same question from the file's bytes (``tests/ui/test_pyside_import_hook.py``).
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

# PySide6 releases that drop references to None and True on Python < 3.12.
LOSES_REFERENCES = frozenset({"6.12.0"})
_SPARE_REFERENCES = 1 << 40


def needs_immortal_singletons(python: tuple[int, int], pyside: str) -> bool:
    """Whether this Python and this PySide6 together lose references to the singletons."""
    return python < (3, 12) and pyside in LOSES_REFERENCES


def _make_immortal(obj: object) -> None:
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return  # immortal already, or a debug build that lays objects out differently
    before = sys.getrefcount(obj)
    count = ctypes.c_ssize_t.from_address(id(obj))
    if abs(count.value - before) > 16:
        return  # not the layout expected: leave it alone rather than write blind
    count.value += _SPARE_REFERENCES


IMMORTAL_SINGLETONS = needs_immortal_singletons(sys.version_info[:2], PySide6.__version__)
if IMMORTAL_SINGLETONS:
    for _singleton in (None, True, False):
        _make_immortal(_singleton)


def uses_pyside(module: object) -> bool:
    """Whether ``module``'s source names PySide6, as ``shibokensupport.feature._mod_uses_pyside``
    says it, read from the file's bytes rather than through ``inspect``."""
    file = getattr(module, "__file__", None)
    if isinstance(file, str) and file.endswith(".py"):
        try:
            with open(file, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return _pyside_answer(module) if _pyside_answer is not None else False


_feature = sys.modules.get("shibokensupport.feature")
_pyside_answer = getattr(_feature, "_mod_uses_pyside", None)
if callable(_pyside_answer):
    _feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
else:  # a PySide6 that asks no more, or otherwise: nothing to speed up
    _pyside_answer = None
