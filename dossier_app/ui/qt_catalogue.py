"""Qt's own words (file dialogs, message boxes) in the window's language: Qt's shipped translations,
completed by ours where the shipped ones stop (``locale/fr/LC_MESSAGES/qt.po``)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QObject, QTranslator

from ..i18n import catalogue


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


def install_qt_translations(app: QObject, lang: str) -> list[QTranslator]:
    """Qt's translations for ``lang`` then ours on top; returned so that they can be removed."""
    from PySide6.QtWidgets import QApplication

    installed: list[QTranslator] = []
    if lang != "fr" or app.property("dossier_qt_words") == lang:
        return installed
    app.setProperty("dossier_qt_words", lang)
    shipped = QTranslator(app)
    if shipped.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QApplication.installTranslator(shipped)
        installed.append(shipped)
    ours = CatalogueTranslator(lang, app)
    QApplication.installTranslator(ours)  # installed last: asked first
    installed.append(ours)
    return installed
