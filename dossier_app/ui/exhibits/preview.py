"""The preview of the selected exhibit: PDF pages, an image, or the text of an e-mail."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _

if TYPE_CHECKING:  # the preview is asked for after the first paint, when an exhibit is chosen
    from ...services.preview import PreviewSource

MAX_PAGES = 30
PAGE_GAP = 10


def on_white(image: QImage) -> QImage:
    """QtPdf leaves the page transparent where nothing is drawn: a court reads black on white."""
    out = QImage(image.size(), QImage.Format.Format_RGB32)
    out.setDevicePixelRatio(image.devicePixelRatio())
    out.fill(QColor("white"))
    painter = QPainter(out)
    painter.drawImage(0, 0, image)
    painter.end()
    return out


class ExhibitPreview(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel(_("Choisissez une pièce pour la voir ici."))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #666666;")
        self.pages = QWidget()
        self.pages.setStyleSheet("background: #8a8f98;")
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.pages)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        for widget in (self.message, self.scroller, self.text):
            self.addWidget(widget)
        self.shown_pages = 0
        self.form = "none"
        self._document: Any = None
        self._source: PreviewSource | None = None
        self.give_password: QAction | None = None  # where the user gives a PDF its password (set by the controller)
        self._rendered_width = 0
        # Pages are drawn to the width of the pane; when it changes, they are drawn again.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(150)
        self._refit.timeout.connect(self._redraw)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.form in ("pdf", "image") and abs(self._page_width() - self._rendered_width) > 16:
            self._refit.start()

    def _redraw(self) -> None:
        if self._source is not None and self.form in ("pdf", "image"):
            self.show_source(self._source)

    def clear(self, message: str | None = None) -> None:
        self._source = None
        self.message.setText(message or _("Choisissez une pièce pour la voir ici."))
        self.setCurrentWidget(self.message)
        self.form = "none"
        self._drop_pages()

    def show_source(self, source: PreviewSource) -> None:
        self._drop_pages()
        self._source = source
        self.form = source.form
        if source.form == "pdf":
            self._show_pdf(source)
        elif source.form == "image":
            self._show_image(source)
        elif source.form == "text":
            self.text.setPlainText(source.text)
            self.setCurrentWidget(self.text)
        else:
            self.clear(source.text)
            self.form = source.form

    def locked_out(self) -> None:
        """A PDF whose password the case does not hold: said plainly, with where to give it."""
        source = self._source
        if self.give_password is None:
            self.clear(_("Ce PDF est protégé par un mot de passe : ses pages ne s'affichent qu'avec lui. Donnez son mot de passe à la pièce en la modifiant."))
        else:
            from ..menu_words import menu_path  # the menus' words, read from the action

            self.clear(_("Ce PDF est protégé par un mot de passe : ses pages ne s'affichent qu'avec lui. Pour le donner : {where}.").format(where=menu_path(self.give_password)))
        self._source = source
        self.form = "pdf-locked"

    def _page_width(self) -> int:
        # The vertical scroll bar will appear once the pages are in: leave room for it now.
        bar = self.scroller.verticalScrollBar().sizeHint().width()
        margins = self.pages_layout.contentsMargins()
        return int(max(self.width() - margins.left() - margins.right() - bar - 2 * self.scroller.frameWidth() - 2, 200))

    def _drop_pages(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.shown_pages = 0
        if self._document is not None:
            self._document.close()
            self._document = None

    def _add_page(self, pixmap: QPixmap, tip: str) -> None:
        label = QLabel()
        label.setPixmap(pixmap)
        label.setToolTip(tip)
        label.setStyleSheet("background: white;")
        self.pages_layout.addWidget(label)
        self.shown_pages += 1

    def _show_pdf(self, source: PreviewSource) -> None:
        # QtPdf is loaded on the first PDF shown, not when the window opens.
        from PySide6.QtPdf import QPdfDocument

        document = QPdfDocument(self)
        if source.password:
            document.setPassword(source.password)
        error = document.load(str(source.path))
        if error == QPdfDocument.Error.IncorrectPassword:
            document.close()
            # The controller asks for it (``locked_out`` if the user would rather not say it).
            self.locked_out()
            return
        if error != QPdfDocument.Error.None_:
            document.close()
            self.clear(_("Ce PDF ne peut pas être affiché ici (protégé par un mot de passe, ou abîmé). Il reste dans le dossier tel quel."))
            self.form = "pdf-error"
            return
        self._document = document
        ratio = self.devicePixelRatioF()
        width = self._rendered_width = self._page_width()
        count = document.pageCount()
        for page in range(min(count, MAX_PAGES)):
            points = document.pagePointSize(page)
            if points.width() <= 0:
                continue
            height = int(width * points.height() / points.width())
            image = document.render(page, QSize(int(width * ratio), int(height * ratio)))
            image.setDevicePixelRatio(ratio)
            self._add_page(QPixmap.fromImage(on_white(image)),
                           _("Page {value} sur {count}").format(value=page + 1, count=count))
        if count > MAX_PAGES:
            more = QLabel(_("\u2026 et {value} pages de plus").format(value=count - MAX_PAGES))
            more.setStyleSheet("color: white;")
            self.pages_layout.addWidget(more)
        self.setCurrentWidget(self.scroller)

    def _show_image(self, source: PreviewSource) -> None:
        reader = QImageReader(str(source.path))
        reader.setAutoTransform(True)  # photos from a phone carry their rotation in EXIF
        image = reader.read()
        if image.isNull():
            self.clear(_("Cette image ne peut pas être affichée."))
            self.form = "image-error"
            return
        ratio = self.devicePixelRatioF()
        self._rendered_width = self._page_width()
        width = min(self._rendered_width, image.width())
        scaled = image.scaledToWidth(int(width * ratio), Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self._add_page(QPixmap.fromImage(on_white(scaled)), "")
        self.setCurrentWidget(self.scroller)
