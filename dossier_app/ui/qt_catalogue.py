"""Qt's own words (file dialogs, message boxes) in the window's language: Qt's shipped translations,
completed by ours where the shipped ones stop (``locale/fr/LC_MESSAGES/qt.po``).

Why ours: PySide6-Essentials ships ``qtbase_fr.qm``, but Qt 6.12's file dialog asks for "&Look in:"
and "Files of &type:" (with their shortcut letters), which that file does not hold (it has the older
"Look in:" only): without ours the label stays English in a French window. English is Qt's own
language: choosing it takes away what French installed.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QObject, QTranslator

from ..i18n import catalogue

MARK = "dossier_qt_words"  # the application's property naming the language installed, and our translators' name


class CatalogueTranslator(QTranslator):
    """Answers Qt's look-ups from a gettext catalogue: context and source text, as Qt asks them."""

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue(lang, "qt")

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        found = self._catalogue.pgettext(context, source)
        return None if found == source else found  # None (a null string) lets the next translator answer

    def isEmpty(self) -> bool:
        return False


def remove_qt_translations(app: QObject) -> None:
    """Qt's words back to Qt's own English: the translators installed for another language taken away."""
    from PySide6.QtWidgets import QApplication

    for translator in app.findChildren(QTranslator, MARK):
        QApplication.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()
    app.setProperty(MARK, None)


def install_qt_translations(app: QObject, lang: str) -> list[QTranslator]:
    """Qt's words in ``lang``: for French, Qt's translations then ours on top (returned); for English,
    none. What an earlier language installed is taken away first."""
    from PySide6.QtWidgets import QApplication

    installed: list[QTranslator] = []
    if app.property(MARK) == lang:
        return installed
    remove_qt_translations(app)
    app.setProperty(MARK, lang)
    if lang != "fr":
        return installed
    shipped = QTranslator(app)
    shipped.setObjectName(MARK)
    if shipped.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QApplication.installTranslator(shipped)
        installed.append(shipped)
    ours = CatalogueTranslator(lang, app)
    ours.setObjectName(MARK)
    QApplication.installTranslator(ours)  # installed last: asked first
    installed.append(ours)
    return installed
