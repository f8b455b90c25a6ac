"""Every string of the window twice as long (a longer language, a larger font): nothing is cut off at
1366×768 (issue 11; the way Vorta tests its layouts)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar, QWidget

from dossier_app import i18n


class Stretched(i18n.Translator):
    """French, every sentence written twice."""

    def __init__(self) -> None:
        super().__init__("fr", i18n.translator("fr")._catalog)

    def gettext(self, message: str) -> str:
        return f"{message} {message}"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(super().ngettext(singular, plural, n))

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)


@pytest.fixture
def stretched() -> Iterator[None]:
    with i18n.using("fr"):
        token = i18n._active.set(Stretched())
        try:
            yield
        finally:
            i18n._active.reset(token)


def _cut(widget: QWidget) -> str | None:
    """A label or button narrower than Qt says its text needs (its size hint is computed from the text)."""
    if isinstance(widget, QLabel):
        if widget.wordWrap() or not widget.text() or "<" in widget.text():
            return None
    elif not isinstance(widget, QAbstractButton) or not widget.text():
        return None
    needed = widget.sizeHint().width()
    if widget.width() + 1 >= needed:
        return None
    return f"{type(widget).__name__} {widget.text()[:60]!r}: {widget.width()} px for {needed} px"


def test_nothing_is_cut_off_with_every_string_twice_as_long(stretched, open_window, small_case, qtbot) -> None:
    window = open_window()
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    screen = window.screen().availableGeometry()
    assert window.frameGeometry().width() <= screen.width() and window.frameGeometry().height() <= screen.height()
    cut = [problem for w in window.findChildren(QWidget) if w.isVisible() and (problem := _cut(w))]
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            text = bar.tabText(index).replace("&", "")
            if bar.fontMetrics().horizontalAdvance(text) > bar.tabRect(index).width():
                cut.append(f"tab {text!r}")
    assert cut == [], "\n".join(cut)
