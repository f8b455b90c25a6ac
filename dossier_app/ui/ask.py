"""The questions the window asks the user, in one place so that a test can answer them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..domain.errors import Problem, ProblemsError, UserError
from ..i18n import _


def problems_of(exc: UserError) -> list[Problem]:
    """The problems of a refused change, each to show at its field (or above the form)."""
    if isinstance(exc, ProblemsError) and exc.problems:
        return exc.problems
    return [Problem("", exc.message)]


class Ask:
    """Each question's dialog class is loaded when first asked: none is needed to open the window."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def confirm(self, title: str, text: str, yes: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, self.parent)
        ok = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(_("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is ok

    def error(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.parent, _("Dossier"), text)

    def info(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.parent, _("Dossier"), text)

    def text(self, title: str, label: str, value: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        answer, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Normal, value)
        return answer if ok else None

    def password(self, title: str, label: str) -> str | None:
        """A password typed unseen; None when the user cancels or leaves it empty."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        answer, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Password, "")
        return answer if ok and answer else None

    def open_file(self, title: str, filters: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self.parent, title, str(Path.home()), filters)
        return Path(name) if name else None

    def save_file(self, title: str, suggested: str, filters: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self.parent, title, str(Path.home() / suggested), filters)
        return Path(name) if name else None

    def folder(self, title: str) -> Path | None:
        """A folder chosen (the dialog can make a new one); None when the user cancels."""
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(self.parent, title, str(Path.home()))
        return Path(name) if name else None

    def files(self, title: str) -> list[Path]:
        from PySide6.QtWidgets import QFileDialog

        names, _filter = QFileDialog.getOpenFileNames(
            self.parent, title, str(Path.home()),
            _("Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.eml *.txt *.csv);;Tous les fichiers (*)"))
        return [Path(n) for n in names]
