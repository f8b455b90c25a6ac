"""The Help menu: the guide, the keyboard shortcuts (read from the actions) and About."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QWidget

from ... import __version__
from ...i18n import _
from ...resources import find
from ...store import Store
from ..menu_words import on_a_keyboard
from ..window_actions import WindowActions, on
from .guide import guide_html, guide_title, menu_words
from .view import AboutDialog, GuideWindow, ShortcutsDialog

if TYPE_CHECKING:  # importlib.metadata is read when About opens, not before the window's first paint
    from importlib.metadata import PackageMetadata

DISTRIBUTION = "dossier-app"
FONT_LICENCE = "LICENSE-DejaVu.txt"


def keys_of(action: QAction) -> str:
    """An action's shortcuts as the user reads them: ``"Ctrl+P"``, ``"Ctrl+=, Ctrl++"``."""
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
                     if on_a_keyboard(key))


def shortcut_rows(a: WindowActions) -> list[tuple[str, str]]:
    """Every action of the window, in the order of its menus, with its keys (none: empty)."""
    return [(menu_words(action.text()), keys_of(action))
            for action in (getattr(a, field.name) for field in dataclasses.fields(a))]


def _field(dist: PackageMetadata, key: str) -> str:
    values = dist.get_all(key) or []
    return str(values[0]) if values else ""


def licence_of(dist: PackageMetadata) -> str:
    """What a package's metadata says of its licence: its SPDX expression, a short licence field, or
    the classifier's words."""
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    field = _field(dist, "License").strip()
    if field and "\n" not in field and len(field) <= 60:
        return field
    classifiers = [c.split("::")[-1].strip() for c in dist.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    return field.splitlines()[0][:60] if field else "?"


def libraries() -> list[tuple[str, str, str]]:
    """The libraries Dossier runs on (its declared dependencies): name, version, licence, as installed."""
    from importlib import metadata

    try:
        wanted = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:  # a bundle without the metadata: nothing reliable to say
        return []
    found: list[tuple[str, str, str]] = []
    for requirement in wanted:
        if "extra ==" in requirement:
            continue
        match = re.match(r"[A-Za-z0-9._-]+", requirement)
        if match is None:
            continue
        try:
            dist = metadata.metadata(match.group(0))
        except metadata.PackageNotFoundError:
            continue
        found.append((_field(dist, "Name"), _field(dist, "Version"), licence_of(dist)))
    return found


def own_licence() -> str:
    from importlib import metadata

    try:
        return licence_of(metadata.metadata(DISTRIBUTION))
    except metadata.PackageNotFoundError:
        return "?"


def fonts() -> list[tuple[str, str]]:
    """The bundled fonts: their name and licence, read from the licence file beside them."""
    folder = find("fonts", FONT_LICENCE)
    if folder is None:
        return []
    text = (folder / FONT_LICENCE).read_text(encoding="utf-8", errors="replace")
    name = re.search(r"^Upstream-Name:\s*(.+)$", text, re.MULTILINE)
    licence = re.search(r"^License:\s*(.+)$", text, re.MULTILINE)
    return [(name.group(1).strip() if name else "DejaVu",
             _("{licence} (texte complet : {file})").format(
                 licence=licence.group(1).strip() if licence else "?", file=FONT_LICENCE))]


class HelpController(QObject):
    def __init__(self, window: QWidget, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.store = window, store
        self.actions: WindowActions | None = None
        self.guide: GuideWindow | None = None
        self.shortcuts: ShortcutsDialog | None = None
        self.about: AboutDialog | None = None

    def register(self, a: WindowActions) -> None:
        self.actions = a
        on(a.guide, self.show_guide)
        on(a.shortcuts, self.show_shortcuts)
        on(a.about, self.show_about)

    def show_guide(self) -> GuideWindow:
        if self.guide is None:
            assert self.actions is not None
            texts = {field.name: getattr(self.actions, field.name).text()
                     for field in dataclasses.fields(self.actions)}
            self.guide = GuideWindow(guide_title(), guide_html(texts, keys_of(self.actions.undo)), self.window)
        if self.guide.isVisible():
            self.guide.raise_()  # left open behind the window: brought forward
        self.guide.show()
        self.guide.activateWindow()
        return self.guide

    def show_shortcuts(self) -> ShortcutsDialog:
        assert self.actions is not None
        if self.shortcuts is not None:
            self.shortcuts.deleteLater()
        # Read afresh: the undo entry names what it would undo.
        self.shortcuts = ShortcutsDialog(shortcut_rows(self.actions), self.window)
        self.shortcuts.open()
        return self.shortcuts

    def show_about(self) -> AboutDialog:
        if self.about is None:
            heading = _("Dossier {version} — licence {licence}").format(version=__version__, licence=own_licence())
            self.about = AboutDialog(heading, str(self.store.home), fonts(), libraries(), self.window)
            self.about.open_folder.clicked.connect(self.open_data_folder)
        self.about.open()
        return self.about

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.store.home)))
