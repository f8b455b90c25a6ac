"""The findings of the readiness check as a list model: one row per finding, worst first, as ``check`` gives them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ...domain.vocabulary import label

if TYPE_CHECKING:
    from ...domain.checks import Finding

Index = QModelIndex | QPersistentModelIndex

SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 1  # "blocking" | "warning" | "info"
FINDING_ROLE = Qt.ItemDataRole.UserRole + 2  # the Finding itself
HOW_ROLE = Qt.ItemDataRole.UserRole + 3  # where the window does what it asks: « Menu Pièces › … » ("": nowhere)
SEVERITIES = ("blocking", "warning", "info")  # checks.BLOCKING, WARNING, INFO (not imported: see the controller)


def severity_word(severity: str) -> str:
    """« Bloquant », « Attention », « Info »: the vocabulary's word, as a heading."""
    word = label(severity)
    return word[:1].upper() + word[1:]


class FindingsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.hows: list[str] = []

    def set_findings(self, findings: list[Finding], hows: list[str] | None = None) -> None:
        """``hows``: for each finding, the menu entry that does what it asks ("": none)."""
        self.beginResetModel()
        self.findings = list(findings)
        self.hows = list(hows) if hows is not None else [""] * len(self.findings)
        self.endResetModel()

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        finding, how = self.findings[index.row()], self.hows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return finding.message
        if role == HOW_ROLE:
            return how
        if role == Qt.ItemDataRole.ToolTipRole:
            return how or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = f"{severity_word(finding.severity)}: {finding.message}"  # as finding_line writes it
            return f"{text} {how}" if how else text
        if role == SEVERITY_ROLE:
            return finding.severity
        if role == FINDING_ROLE:
            return finding
        return None
