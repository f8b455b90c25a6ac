"""Small dialogs: choosing what to link, editing an exhibit's own details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.bounds import day_problem, title_problem
from ...domain.dates import parse_user_day, short_day
from ...domain.model import PAGES, Exhibit
from ...i18n import _, ngettext
from ..labels import one_line
from ..unsaved import KeepsTyping

SHOWN = 400  # a list of a hundred thousand check boxes helps nobody: type to narrow it


@dataclass(frozen=True)
class Choice:
    key: str
    label: str
    checked: bool
    icon: QIcon | None = None


def _buttons(dialog: QDialog, ok: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class LinkPicker(QDialog):
    """Tick what to link, untick what to unlink; pages apply to the links added."""

    def __init__(self, title: str, intro: str, choices: list[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 460)
        self.choices = choices
        self.state = {c.key: c.checked for c in choices}
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Filtrer\u2026"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.pages = QLineEdit()
        self.pages.setPlaceholderText(_("facultatif, ex. 2-3"))
        self.pages_error = QLabel()
        self.pages_error.setStyleSheet("color: #b2182b;")
        self.pages_error.hide()
        form = QFormLayout()
        form.addRow(_("Pages citées"), self.pages)
        self.buttons = _buttons(self, _("Enregistrer"))
        layout = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.pages_error)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._fill)
        self.list.itemChanged.connect(self._toggled)
        self.pages.textChanged.connect(self._check_pages)
        self._fill()

    def _fill(self, *_: object) -> None:
        needle = self.search.text().strip().casefold()
        self.list.blockSignals(True)
        self.list.clear()
        # What is linked already comes first: it is what one looks for to unlink.
        ordered = sorted(self.choices, key=lambda c: not c.checked)
        shown = [c for c in ordered if not needle or needle in c.label.casefold()][:SHOWN]
        for choice in shown:
            item = QListWidgetItem(choice.label)
            if choice.icon is not None:
                item.setIcon(choice.icon)
            item.setData(Qt.ItemDataRole.UserRole, choice.key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if self.state[choice.key] else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _toggled(self, item: QListWidgetItem) -> None:
        self.state[item.data(Qt.ItemDataRole.UserRole)] = item.checkState() == Qt.CheckState.Checked

    def set_checked(self, key: str, checked: bool) -> None:
        self.state[key] = checked
        self._fill()

    def _check_pages(self) -> None:
        text = self.pages.text().strip()
        bad = bool(text) and not PAGES.match(text)
        self.pages_error.setText(_("Écrivez des pages comme 2-3 ou « 1, 4-5 ».")
                                 if bad else "")
        self.pages_error.setVisible(bad)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not bad)

    def changes(self) -> tuple[list[str], list[str]]:
        """(keys to link, keys to unlink)."""
        before = {c.key: c.checked for c in self.choices}
        added = [k for k, v in self.state.items() if v and not before[k]]
        removed = [k for k, v in self.state.items() if not v and before[k]]
        return added, removed

    def pages_text(self) -> str | None:
        return self.pages.text().strip() or None


class ExhibitDialog(KeepsTyping):
    """An exhibit's own details: title, date, whether it goes into the printed bundle, and for an
    animation (``frames`` images, 0 when it is none) whether each image is printed as a page."""

    def __init__(self, exhibit: Exhibit, parent: QWidget | None = None, frames: int = 0) -> None:
        super().__init__(parent)
        self.sha256 = exhibit.sha256
        self.setWindowTitle(_("Pièce"))
        self.setMinimumWidth(420)
        self.title = QLineEdit(exhibit.title)
        self.date = QLineEdit(short_day(exhibit.date) if exhibit.date else "")
        self.date.setPlaceholderText(_("jj/mm/aaaa"))
        self.include = QCheckBox(_("Dans le dossier imprimé"))
        self.include.setChecked(exhibit.include)
        self.all_frames: QCheckBox | None = None
        if frames:
            self.all_frames = QCheckBox(ngettext("Imprimer chaque image de l'animation ({frames} image)",
                                                 "Imprimer chaque image de l'animation ({frames} images)",
                                                 frames).format(frames=frames))
            self.all_frames.setToolTip(_("Sinon, seule la première image est imprimée, sur une page."))
            self.all_frames.setChecked(exhibit.all_frames)
        # A protected PDF cannot be stamped into the dossier without it; kept with the case, never shown.
        self.password = QLineEdit(exhibit.password or "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_("si le PDF est protégé"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b2182b;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(_("Titre"), self.title)
        form.addRow(_("Date"), self.date)
        form.addRow("", self.include)
        if self.all_frames is not None:
            form.addRow("", self.all_frames)
        form.addRow(_("Mot de passe"), self.password)
        form.addRow(_("Fichier"), QLabel(one_line(exhibit.original_name)))
        self.buttons = _buttons(self, _("Enregistrer"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self._check)
        self.date.textChanged.connect(self._check)

    def day(self) -> date | None:
        text = self.date.text().strip()
        return parse_user_day(text) if text else None

    def all_frames_wanted(self) -> bool | None:
        """Whether each image of the animation is to be printed; ``None`` when the exhibit is no animation."""
        return None if self.all_frames is None else self.all_frames.isChecked()

    def password_text(self) -> str | None:
        return self.password.text() or None

    def show_problem(self, problem: str) -> None:
        """A problem only the store can see (a password that does not open the PDF), shown in the form."""
        self.error.setText(problem)
        self.error.show()

    def _check(self) -> None:
        problem = title_problem(self.title.text()) or ""
        try:
            day = self.day()
            problem = (day_problem(day, date.today()) if day else None) or problem
        except ValueError as exc:
            problem = str(exc)
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
