"""The desktop window: the only package that imports PySide6.

PySide6 6.12 on Python 3.11 hands back ``None`` from every void method without taking a
reference to it, and each emission of a ``Signal(object)`` drops a reference to ``True``
(both harmless from Python 3.12, where these objects are immortal).  Each ``update()``,
``drawLine()`` or ``processEvents()`` then costs ``None`` one reference, and the interpreter
aborts with "deallocating None" after a few thousand of them — within seconds of painting.
Until the window runs on 3.12, these singletons are made immortal here the way 3.12 does it:
by giving them a reference count nothing can exhaust.
"""

from __future__ import annotations

import ctypes
import sys

_SPARE_REFERENCES = 1 << 40


def _make_immortal(obj: object) -> None:
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return  # immortal already, or a debug build that lays objects out differently
    before = sys.getrefcount(obj)
    count = ctypes.c_ssize_t.from_address(id(obj))
    if abs(count.value - before) > 16:
        return  # not the layout expected: leave it alone rather than write blind
    count.value += _SPARE_REFERENCES


for _singleton in (None, True, False):
    _make_immortal(_singleton)
