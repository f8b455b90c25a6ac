"""The letter dialog: its kind, date and deadline, a preview of its pages, save and add to the case.

Layout only: the options on the left with the buttons under them, the letter's pages on the right
(``QPdfView`` over a ``QPdfDocument`` the dialog owns, loaded from the PDF the controller wrote).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, ngettext
from ..day_field import DayField

OPTIONS_WIDTH = 330
ERROR_STYLE = "color: #b2182b;"
QUIET_STYLE = "color: #555555;"


class LetterDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Rédiger une lettre"))
        self.setSizeGripEnabled(True)
        outer = QHBoxLayout(self)

        # The options, then what to do with the letter.
        left = QWidget()
        left.setFixedWidth(OPTIONS_WIDTH)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        # Three kinds, each in sight: a choice made once, read before anything else.
        kinds_box = QGroupBox(_("Lettre"))
        self.kinds_layout = QVBoxLayout(kinds_box)
        self.kind = QButtonGroup(self)
        column.addWidget(kinds_box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.day = DayField(date.today())
        self.day.setToolTip(_("La date de la lettre : les sommes dues sont calculées à ce jour."))
        form.addRow(_("Date :"), self.day)
        self.deadline = QComboBox()
        self.deadline.setAccessibleName(_("Délai de la mise en demeure"))
        self.deadline.setToolTip(_("Le délai laissé au destinataire pour s'exécuter, à compter de la "
                                   "première présentation de la lettre."))
        self.deadline_label = QLabel(_("Délai :"))
        form.addRow(self.deadline_label, self.deadline)
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setAccessibleName(_("Langue de la lettre"))
        for combo in (self.deadline, self.language):
            combo.setMaximumWidth(170)
        form.addRow(_("Langue :"), self.language)
        column.addLayout(form)
        self.draft_note = QLabel(_("Un projet à relire, par vous ou votre avocat, avant de l'envoyer : "
                                   "ce n'est pas un conseil juridique."))
        self.draft_note.setWordWrap(True)
        self.draft_note.setStyleSheet(QUIET_STYLE)
        column.addWidget(self.draft_note)
        column.addSpacing(8)
        self.save_pdf = QPushButton(_("Enregistrer en PDF\u2026"))
        self.save_odt = QPushButton(_("Enregistrer en OpenDocument\u2026"))
        self.save_odt.setToolTip(_("Un texte modifiable (LibreOffice, Word) pour adapter la formulation."))
        self.add_to_case = QPushButton(_("Ajouter au dossier"))
        self.add_to_case.setToolTip(_("Ajoute la lettre enregistrée à l'affaire : un événement « lettre "
                                      "recommandée » avec la lettre comme pièce. Son numéro de suivi se "
                                      "complète une fois la lettre envoyée."))
        self.add_to_case.setEnabled(False)
        for button in (self.save_pdf, self.save_odt, self.add_to_case):
            column.addWidget(button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.message)
        column.addStretch(1)
        self.close_button = QPushButton(_("Fermer"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        column.addLayout(row)
        outer.addWidget(left)

        # The letter's pages.
        right = QVBoxLayout()
        self.pages_label = QLabel()
        self.pages_label.setStyleSheet(QUIET_STYLE)
        right.addWidget(self.pages_label)
        self.document = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setPageSpacing(12)
        self.pdf_view.setStyleSheet("background: #8a8f98;")
        self.waiting = QLabel(_("Préparation de l'aperçu\u2026"))
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setWordWrap(True)
        self.waiting.setStyleSheet(QUIET_STYLE)
        self.preview = QStackedWidget()
        self.preview.addWidget(self.waiting)
        self.preview.addWidget(self.pdf_view)
        self.preview.setMinimumWidth(420)
        right.addWidget(self.preview, 1)
        outer.addLayout(right, 1)
        for button in (self.save_pdf, self.save_odt, self.add_to_case):
            button.setAutoDefault(False)

    # What the controller fills in and shows.

    def add_kind(self, label: str, kind: str) -> QRadioButton:
        button = QRadioButton(label)
        button.setProperty("kind", kind)
        self.kind.addButton(button)
        self.kinds_layout.addWidget(button)
        if len(self.kind.buttons()) == 1:
            button.setChecked(True)
        return button

    def current_kind(self) -> str:
        button = self.kind.checkedButton()
        return str(button.property("kind")) if button is not None else ""

    def show_pages(self, pdf: Path) -> int:
        """The letter's pages from ``pdf``; their count (0 when it could not be read)."""
        self.document.close()
        error = self.document.load(str(pdf))
        if error != QPdfDocument.Error.None_:
            self.show_waiting(_("L'aperçu de la lettre ne peut pas être affiché."), error=True)
            return 0
        count = self.document.pageCount()
        self.pages_label.setText(ngettext("Aperçu : {count} page", "Aperçu : {count} pages", count).format(count=count))
        self.preview.setCurrentWidget(self.pdf_view)
        return count

    def show_waiting(self, text: str, error: bool = False) -> None:
        self.waiting.setText(text)
        self.waiting.setStyleSheet(ERROR_STYLE if error else QUIET_STYLE)
        self.pages_label.setText("")
        self.preview.setCurrentWidget(self.waiting)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
