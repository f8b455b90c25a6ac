"""The export dialog (layout only): the choices, the blocking findings, the progress, what was written.

One dialog in four states, shown one at a time: ``choosing`` (the form), ``findings`` (what blocks,
before anything is written), ``running`` (the progress bar and Cancel), ``done`` (the summary).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ..day_field import DayField

ERROR_STYLE = "color: #b2182b;"


class ExportDialog(QDialog):
    """``cancel_asked`` comes from Cancel, Escape or the title bar's close while ``running`` is set."""

    cancel_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Exporter le dossier PDF"))
        self.setMinimumWidth(620)
        self.running = False
        outer = QVBoxLayout(self)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)

        # 1. The choices.
        self.choosing = QWidget()
        form = QFormLayout(self.choosing)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Typed as people write a day (« 30/11/2025 », « 30 novembre 2025 ») or chosen in a calendar.
        self.as_of = DayField(date.today())
        self.as_of.setToolTip(_("Les sommes dues et la chronologie sont arrêtées à cette date."))
        form.addRow(_("Date d'arrêté :"), self.as_of)
        self.communication = DayField(date.today())
        self.communication.setToolTip(_("La date du « Fait le … » du bordereau de communication de pièces."))
        form.addRow(_("Date de communication :"), self.communication)
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setMaximumWidth(170)
        form.addRow(_("Langue du dossier :"), self.language)
        self.with_exhibits = QCheckBox(_("Joindre les pièces (tamponnées « Pièce n° N »)"))
        self.with_exhibits.setChecked(True)
        form.addRow("", self.with_exhibits)
        self.renumber = QCheckBox(_("Renuméroter les pièces dans l'ordre de leurs dates"))
        self.renumber.setToolTip(_("Les numéros déjà donnés à un premier export sont gardés, pour que le bordereau "
                                   "déjà envoyé reste vrai. Ne renumérotez que si rien n'a encore été communiqué."))
        form.addRow("", self.renumber)
        size_row = QHBoxLayout()
        self.max_mb = QLineEdit()
        self.max_mb.setPlaceholderText(_("sans limite"))
        self.max_mb.setMaximumWidth(110)
        self.max_mb.setToolTip(_("Au-delà, le dossier est coupé en tomes (RPVA : 4 Mo vers le tribunal, 10 Mo entre avocats)."))
        size_row.addWidget(self.max_mb)
        size_row.addWidget(QLabel(_("Mo par fichier")))
        size_row.addStretch(1)
        form.addRow(_("Taille maximale :"), size_row)
        # A later bordereau (``export --bordereau N --from N``): only the pièces sent since the last one.
        complement_row = QHBoxLayout()
        self.complement = QCheckBox(_("Bordereau complémentaire"))
        self.complement.setToolTip(_("Pour communiquer de nouvelles pièces après un premier bordereau : le bordereau "
                                     "porte son numéro et le dossier ne joint que les pièces à partir du numéro choisi."))
        self.bordereau_label = QLabel(_("n°"))
        self.bordereau = QSpinBox()
        self.bordereau.setRange(2, 999)
        self.bordereau.setAccessibleName(_("Numéro du bordereau"))
        self.from_label = QLabel(_("à partir de la pièce n°"))
        self.complement_from = QSpinBox()
        self.complement_from.setRange(1, 9999)
        self.complement_from.setAccessibleName(_("Première pièce du bordereau complémentaire"))
        for widget in (self.complement, self.bordereau_label, self.bordereau, self.from_label, self.complement_from):
            complement_row.addWidget(widget)
        complement_row.addStretch(1)
        self.complement.toggled.connect(self.show_complement)
        self.show_complement(False)
        form.addRow(_("Bordereau :"), complement_row)
        # One PDF, or a folder for the courts' and lawyers' electronic channels (``export --split``).
        kinds = QVBoxLayout()
        kinds.setSpacing(2)
        self.single = QRadioButton(_("Un seul fichier PDF"))
        self.single.setChecked(True)
        self.split = QRadioButton(_("Un fichier par pièce (envoi électronique)"))
        self.split.setToolTip(_("Un dossier avec le bordereau, puis chaque pièce tamponnée dans son propre PDF "
                                "(« 01_facture-….pdf »), pour le RPVA ou un envoi par courriel."))
        kinds.addWidget(self.single)
        kinds.addWidget(self.split)
        form.addRow(_("Format :"), kinds)
        target_row = QHBoxLayout()
        self.target = QLineEdit()
        self.browse = QPushButton(_("Parcourir\u2026"))
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.browse)
        self.target_label = QLabel(_("Fichier à écrire :"))
        form.addRow(self.target_label, target_row)
        self.stack.addWidget(self.choosing)

        # 2. What blocks, before anything is written.
        self.findings_page = QWidget()
        findings = QVBoxLayout(self.findings_page)
        self.findings_title = QLabel()
        self.findings_title.setWordWrap(True)
        self.findings_title.setStyleSheet("font-weight: bold;")
        findings.addWidget(self.findings_title)
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.setAlternatingRowColors(True)
        findings.addWidget(self.findings, 1)
        self.stack.addWidget(self.findings_page)

        # 3. The work under way.
        self.running_page = QWidget()
        running = QVBoxLayout(self.running_page)
        running.addStretch(1)
        self.stage = QLabel()
        self.stage.setStyleSheet("font-weight: bold;")
        self.step = QLabel()
        self.step.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        running.addWidget(self.stage)
        running.addWidget(self.step)
        running.addWidget(self.bar)
        running.addStretch(1)
        self.stack.addWidget(self.running_page)

        # 4. What was written.
        self.done_page = QWidget()
        done = QVBoxLayout(self.done_page)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        done.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignTop)
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        done.addWidget(self.notes, 1)
        self.stack.addWidget(self.done_page)

        # One clear line when something goes wrong, whatever the state.
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        outer.addWidget(self.error)

        buttons = QHBoxLayout()
        self.open_pdf = QPushButton(_("Ouvrir le dossier"))
        self.show_folder = QPushButton(_("Afficher dans le dossier"))
        self.fix_first = QPushButton(_("Corriger d'abord"))
        self.export_anyway = QPushButton(_("Exporter quand même"))
        self.export = QPushButton(_("Exporter"))
        self.export.setDefault(True)
        self.cancel = QPushButton(_("Annuler"))
        self.close_button = QPushButton(_("Fermer"))
        buttons.addWidget(self.open_pdf)
        buttons.addWidget(self.show_folder)
        buttons.addStretch(1)
        for button in (self.fix_first, self.export_anyway, self.export, self.cancel, self.close_button):
            buttons.addWidget(button)
        outer.addLayout(buttons)
        self.close_button.clicked.connect(self.accept)
        self.cancel.clicked.connect(self.reject)
        self.show_state("choosing")

    def show_state(self, state: str) -> None:
        pages = {"choosing": self.choosing, "findings": self.findings_page, "running": self.running_page,
                 "done": self.done_page}
        self.stack.setCurrentWidget(pages[state])
        self.running = state == "running"
        self.open_pdf.setVisible(state == "done")
        self.show_folder.setVisible(state == "done")
        self.fix_first.setVisible(state == "findings")
        self.export_anyway.setVisible(state == "findings")
        self.export.setVisible(state == "choosing")
        self.cancel.setVisible(state != "done")
        self.close_button.setVisible(state == "done")
        if state == "findings":
            self.fix_first.setDefault(True)
        elif state == "choosing":
            self.export.setDefault(True)
        elif state == "done":
            self.close_button.setDefault(True)

    def show_split(self, split: bool) -> None:
        """The target is a folder with one file per pièce, which always holds the pièces."""
        self.target_label.setText(_("Dossier à créer :") if split else _("Fichier à écrire :"))
        if split:
            self.with_exhibits.setChecked(True)
        self.with_exhibits.setEnabled(not split)

    def show_complement(self, complement: bool) -> None:
        """The number and the first pièce matter only for a complementary bordereau."""
        for widget in (self.bordereau_label, self.bordereau, self.from_label, self.complement_from):
            widget.setEnabled(complement)

    def say_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def set_progress(self, stage: str, step: str, done: int, total: int) -> None:
        self.stage.setText(stage)
        self.step.setText(step)
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def reject(self) -> None:
        if self.running:
            self.cancel_asked.emit()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel_asked.emit()
            event.ignore()
            return
        super().closeEvent(event)
