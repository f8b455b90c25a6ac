"""Starting the window: ``dossier`` with no command, or ``dossier gui [CASE]``."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ..domain.errors import UserError
from ..domain.i18n import language, t
from ..services import session
from ..services.store_access import open_home
from ..store import Store
from .ask import Ask
from .main_window import MainWindow, home_key
from .workers import wait_for_all

ORGANIZATION = "dossier"
APPLICATION = "dossier"


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Dossier")
    if language() == "fr":
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        # Qt's own words (Annuler, Copier, Coller…) in French too.
        translator = QTranslator(app)
        if translator.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(translator)
    return app


def user_settings() -> QSettings:
    """Per user, in the platform's place ($XDG_CONFIG_HOME/dossier/dossier.conf on Linux)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def build_window(store: Store, settings: QSettings, case_ref: str | None = None, ask: Ask | None = None) -> MainWindow:
    """The window on the case asked for, else the last one, else the demo (made on a first visit)."""
    last = settings.value(f"cases/{home_key(store)}/last")
    try:
        last_id = int(str(last)) if last is not None else None
    except ValueError:
        last_id = None
    start = session.starting_case(store, case_ref, last_id)
    return MainWindow(store, settings, start, ask)


def open_window(home: str | Path | None, case_ref: str | None = None,
                settings: QSettings | None = None) -> tuple[QApplication, Store, MainWindow]:
    """The application, its store and the window on the case to show (not shown yet)."""
    app = application()
    try:
        store = open_home(home)
    except UserError as exc:
        # Started from a desktop icon, there is no terminal to read the message in.
        QMessageBox.critical(None, "Dossier", exc.message)
        raise
    # What is loaded so far lives as long as the program: keep the garbage collector from
    # walking it again and again while the window is built and a large case is read.
    gc.freeze()
    try:
        return app, store, build_window(store, settings or user_settings(), case_ref)
    except BaseException:
        store.close()
        raise


def run(home: str | Path | None, case_ref: str | None = None) -> int:
    app, store, window = open_window(home, case_ref)
    try:
        window.show()
        return int(app.exec())
    finally:
        wait_for_all()
        store.close()


def main() -> int:  # pragma: no cover - for ``python -m dossier_app.ui.app``
    try:
        return run(None)
    except UserError as exc:
        sys.stderr.write(t(f"dossier : {exc.message}\n", f"dossier: {exc.message}\n"))
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
