"""The questions the window asks the user, in one place so that a test can answer them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from ..domain.errors import Problem, ProblemsError, UserError
from ..domain.i18n import t


def problems_of(exc: UserError) -> list[Problem]:
    """The problems of a refused change, each to show at its field (or above the form)."""
    if isinstance(exc, ProblemsError) and exc.problems:
        return exc.problems
    return [Problem("", exc.message)]


class Ask:
    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def confirm(self, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, self.parent)
        ok = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(t("Annuler", "Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is ok

    def error(self, text: str) -> None:
        QMessageBox.warning(self.parent, t("Dossier", "Dossier"), text)

    def info(self, text: str) -> None:
        QMessageBox.information(self.parent, t("Dossier", "Dossier"), text)

    def text(self, title: str, label: str, value: str) -> str | None:
        answer, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Normal, value)
        return answer if ok else None

    def open_file(self, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.parent, title, str(Path.home()), filters)
        return Path(name) if name else None

    def save_file(self, title: str, suggested: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.parent, title, str(Path.home() / suggested), filters)
        return Path(name) if name else None

    def files(self, title: str) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self.parent, title, str(Path.home()),
            t("Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.eml *.txt *.csv);;Tous les fichiers (*)",
              "Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.eml *.txt *.csv);;All files (*)"))
        return [Path(n) for n in names]
