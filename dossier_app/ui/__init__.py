"""The desktop window: the only package that imports PySide6.

PySide6 6.12 on Python 3.11 returns ``None`` from every void method without taking a
reference to it (harmless from Python 3.12, where ``None`` is immortal).  Each call to
``update()``, ``drawLine()`` or ``processEvents()`` then costs ``None`` one reference,
and the interpreter aborts with "deallocating None" after a few thousand of them — within
seconds of painting.  Until the window runs on 3.12, ``None`` is made immortal here the
way 3.12 does it: by giving it a reference count nothing can exhaust.
"""

from __future__ import annotations

import ctypes
import sys

_SPARE_REFERENCES = 1 << 40


def _keep_none_alive() -> None:
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return  # None is immortal, or a debug build lays objects out differently
    before = sys.getrefcount(None)
    count = ctypes.c_ssize_t.from_address(id(None))
    if abs(count.value - before) > 16:
        return  # not the layout expected: leave it alone rather than write blind
    count.value += _SPARE_REFERENCES


_keep_none_alive()
