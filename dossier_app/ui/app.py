"""Starting the window: ``dossier`` with no command, or ``dossier gui [CASE]``."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QApplication

from ..domain.errors import UserError
from ..i18n import Lang, _, activate, language
from ..services import session
from ..services.store_access import open_home
from ..store import Store
from .ask import Ask
from .crash import CrashReporter
from .main_window import MainWindow, home_key
from .preferences.controller import stored_language
from .qt_catalogue import install_qt_translations
from .workers import wait_for_all

ORGANIZATION = "dossier"
APPLICATION = "dossier"
SETTINGS_NAME = "window.ini"


def no_screen_message() -> str:
    return _("Pas d'écran : la fenêtre de Dossier ne peut s'ouvrir qu'à l'intérieur d'une session de bureau (lancez-la depuis le bureau, pas depuis une connexion sans affichage). Les commandes, elles, fonctionnent sans écran : « dossier --help ».")


def _x_display_answers(display: str) -> bool:
    """Whether the X server named by DISPLAY takes a connection (True when it cannot be asked)."""
    import ctypes.util  # here, not before the first paint: it imports subprocess, and only DISPLAY needs it

    name = ctypes.util.find_library("xcb")
    if name is None:
        return True  # Qt will say; nothing better to tell here
    try:
        xcb = ctypes.CDLL(name)
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    except (OSError, AttributeError):
        return True
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)


def has_screen(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt will find somewhere to show the window (Qt aborts the process when it does not)."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return True
    if env.get("QT_QPA_PLATFORM"):
        return True  # chosen on purpose (offscreen, vnc…): the user knows
    if env.get("WAYLAND_DISPLAY"):
        return True
    display = env.get("DISPLAY")
    return bool(display and _x_display_answers(display))


def require_screen() -> None:
    """Before any QApplication: without a screen, Qt prints plugin messages and aborts."""
    if QApplication.instance() is None and not has_screen():
        raise UserError(no_screen_message())


GUI_SWITCH_INTERVAL_S = 0.001


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    # Work behind the window (reading a large case, marks, an import) is Python too: the GUI thread
    # takes the interpreter back within a millisecond rather than five, at each of its many calls.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    app.setApplicationDisplayName("Dossier")
    qt_in_language(app, language())
    return app


def qt_in_language(app: QApplication, lang: Lang) -> None:
    """Qt's own words (Annuler, Regarder dans…) and its numbers and dates in ``lang``."""
    if lang == "fr":
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    install_qt_translations(app, lang)


def apply_language(choice: str | None) -> Lang:
    """``choice`` (``"fr"``, ``"en"``, ``""`` or ``None`` for the system's) for every window and dialog
    built from now on, Qt's own included."""
    lang = activate(choice or None).lang
    app = QApplication.instance()
    if isinstance(app, QApplication):
        qt_in_language(app, lang)
    return lang


def user_settings(home: Path) -> QSettings:
    """Inside the data folder, like everything Dossier writes (window geometry, last case)."""
    return QSettings(str(home / SETTINGS_NAME), QSettings.Format.IniFormat)


def build_window(store: Store, settings: QSettings, case_ref: str | None = None, ask: Ask | None = None) -> MainWindow:
    """The window on the case asked for, else the last one, else the demo (made on a first visit)."""
    last = settings.value(f"cases/{home_key(store)}/last")
    try:
        last_id = int(str(last)) if last is not None else None
    except ValueError:
        last_id = None
    start = session.starting_case(store, case_ref, last_id)
    window = MainWindow(store, settings, start, ask)
    WindowKeeper(store, settings, ask, window)
    return window


class WindowKeeper(QObject):
    """Keeps the main window of a run and builds it again, on the same case and at the same place,
    when the language changes: every text of the window is chosen when it is built."""

    replaced = Signal(object)  # the new window

    def __init__(self, store: Store, settings: QSettings, ask: Ask | None, window: MainWindow) -> None:
        super().__init__(window)  # lives as long as the window it keeps, then moves to the next
        self.store, self.settings, self.ask = store, settings, ask
        self.window = window
        self._follow(window)

    def _follow(self, window: MainWindow) -> None:
        # Queued: the window is closed once the preferences' click that asked for it has returned.
        window.preferences.language_changed.connect(self.rebuild, Qt.ConnectionType.QueuedConnection)

    def rebuild(self, choice: str) -> MainWindow:
        """The window built again in ``choice``; the old one kept if it would not close (a form being typed)."""
        old = self.window
        before = language()
        apply_language(choice)
        app = QApplication.instance()
        quits = isinstance(app, QApplication) and app.quitOnLastWindowClosed()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)  # for the moment between the two windows
        try:
            if not old.close():  # it keeps its size, place and case in the settings
                apply_language(before)  # its dialogs speak as it does, until the next start
                return old
            new = MainWindow(self.store, self.settings, session.Start(old.case_id), self.ask)
            self.setParent(new)
            self.window = new
            self._follow(new)
            new.show()
            new.activateWindow()
        finally:
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(quits)
        old.deleteLater()
        self.replaced.emit(new)
        return new


def keeper_of(window: MainWindow) -> WindowKeeper | None:
    return window.findChild(WindowKeeper)


def open_window(home: str | Path | None, case_ref: str | None = None,
                settings: QSettings | None = None) -> tuple[QApplication, Store, MainWindow]:
    """The application, its store and the window on the case to show (not shown yet).

    What can be said in one line is said before Qt starts: an unknown case, then a missing screen.
    """
    try:
        store = open_home(home)
    except UserError as exc:
        if QApplication.instance() is not None or has_screen():
            # Started from a desktop icon, there is no terminal to read the message in.
            from PySide6.QtWidgets import QMessageBox

            application()
            QMessageBox.critical(None, "Dossier", exc.message)
        raise
    try:
        if case_ref:
            session.find_case(store, case_ref)  # "Aucune affaire « 99 »…" rather than a window on another
        require_screen()
        settings = settings or user_settings(store.home)
        activate(stored_language(settings) or None)  # before Qt's words and the window's are chosen
        app = application()
        # What is loaded so far lives as long as the program: keep the garbage collector from
        # walking it again and again while the window is built and a large case is read.
        gc.freeze()
        return app, store, build_window(store, settings, case_ref)
    except BaseException:
        store.close()
        raise


def run(home: str | Path | None, case_ref: str | None = None) -> int:
    app, store, window = open_window(home, case_ref)
    try:
        # SIGTERM is left as it is: with its default handler the system ends the window.
        with CrashReporter(store.home, window) as reporter:
            keeper = keeper_of(window)
            if keeper is not None:  # the window built again in another language is the one to report on
                keeper.replaced.connect(lambda new: setattr(reporter, "window", new))
            window.show()
            return int(app.exec())
    finally:
        wait_for_all()
        store.close()


def main() -> int:  # pragma: no cover - for ``python -m dossier_app.ui.app``
    try:
        return run(None)
    except UserError as exc:
        sys.stderr.write(_("dossier : {message}\n").format(message=exc.message))
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
