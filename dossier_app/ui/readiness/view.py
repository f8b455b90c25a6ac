"""The « Vérification » tab: the findings of ``check``, worst first (layout only).

Each finding shows its severity twice, as a shape and as a word (a red octagon « Bloquant », an amber
triangle « Attention », a blue disc « Info »): colours alone would not tell them apart to everyone.
Long messages wrap; the list lays its rows out in batches, so that a case with thousands of findings
does not hold the window.
"""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, ngettext
from .model import HOW_ROLE, SEVERITIES, SEVERITY_ROLE, FindingsModel, severity_word

if TYPE_CHECKING:
    from ...domain.checks import Finding

Index = QModelIndex | QPersistentModelIndex

# Colours apart for the common colour blindnesses (Okabe–Ito), each with its own shape.
LOOK: dict[str, tuple[str, str]] = {
    "blocking": ("#c0262d", "octagon"),
    "warning": ("#e69f00", "triangle"),
    "info": ("#0072b2", "disc"),
    "ready": ("#009e73", "check"),
}
PAD = 8  # around each finding
ICON = 18
HOW_GAP = 2  # between a finding's message and the menu entry under it
HOW_COLOUR = "#666666"  # the menu entry: greyer than the message it completes


def _paint_icon(painter: QPainter, kind: str, side: float) -> None:
    colour, shape = LOOK[kind]
    fill = QColor(colour)
    c, r = side / 2, side / 2 - 0.5
    path = QPainterPath()
    if shape == "octagon":
        path.addPolygon(QPolygonF([QPointF(c + r * math.cos(math.pi / 8 + i * math.pi / 4),
                                           c + r * math.sin(math.pi / 8 + i * math.pi / 4)) for i in range(9)]))
    elif shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(c, 0.5), QPointF(side - 0.5, side - 1), QPointF(0.5, side - 1),
                                   QPointF(c, 0.5)]))
    else:
        path.addEllipse(QPointF(c, c), r, r)
    painter.fillPath(path, fill)
    painter.setPen(QPen(fill.darker(150), max(1.0, side / 18)))
    painter.drawPath(path)
    mark = QColor("#222222") if shape == "triangle" else QColor("white")
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(mark)
    w = side * 0.14
    if shape == "check":
        pen = QPen(mark, side * 0.14, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(QPolygonF([QPointF(side * 0.28, side * 0.52), QPointF(side * 0.44, side * 0.68),
                                        QPointF(side * 0.73, side * 0.35)]))
    elif shape == "disc":  # an "i": its dot, then its stem
        painter.drawEllipse(QPointF(c, side * 0.3), w * 0.7, w * 0.7)
        painter.drawRoundedRect(QRectF(c - w / 2, side * 0.43, w, side * 0.34), w / 3, w / 3)
    else:  # an "!": its stem, then its dot
        top, dot = (side * 0.34, side * 0.80) if shape == "triangle" else (side * 0.2, side * 0.76)
        painter.drawRoundedRect(QRectF(c - w / 2, top, w, dot - top - w * 1.3), w / 3, w / 3)
        painter.drawEllipse(QPointF(c, dot), w * 0.6, w * 0.6)


@cache
def severity_icon(kind: str) -> QIcon:
    """The icon of ``kind`` ("blocking", "warning", "info", or "ready"), drawn at 16, 18, 32 and 36 px."""
    icon = QIcon()
    for side in (16, ICON, 32, 2 * ICON):
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint_icon(painter, kind, side)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class FindingDelegate(QStyledItemDelegate):
    """One finding: its icon and word in a column of their own, its message wrapped beside them, and under
    the message, greyer, the menu entry that does what it asks (when there is one)."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        return option.font, bold

    @staticmethod
    def _how_font(normal: QFont) -> QFont:
        small = QFont(normal)
        small.setPointSizeF(normal.pointSizeF() * 0.92)
        return small

    @staticmethod
    def _height(font: QFont, width: int, text: str) -> int:
        flags = int(Qt.TextFlag.TextWordWrap)
        return QFontMetrics(font).boundingRect(QRect(0, 0, width, 1 << 20), flags, text).height()

    def word_width(self, bold: QFont) -> int:
        metrics = QFontMetrics(bold)
        return PAD + ICON + 6 + max(metrics.horizontalAdvance(severity_word(s)) for s in SEVERITIES) + 2 * PAD

    def _text_rect(self, option: QStyleOptionViewItem, left: int, width: int) -> QRect:
        return QRect(left, option.rect.top() + PAD, max(40, width), 1 << 20)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        normal, bold = self._fonts(option)
        column = self.word_width(bold)
        width = self.view.viewport().width()
        text_width = max(40, width - column - PAD)
        text = self._height(normal, text_width, str(index.data()))
        how = str(index.data(HOW_ROLE) or "")
        if how:
            text += HOW_GAP + self._height(self._how_font(normal), text_width, how)
        height = max(text, ICON, QFontMetrics(bold).height()) + 2 * PAD
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        normal, bold = self._fonts(option)
        severity = str(index.data(SEVERITY_ROLE))
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = option.palette.highlightedText() if selected else option.palette.text()
        painter.save()
        line = QFontMetrics(bold).height()
        icon_top = rect.top() + PAD + (line - ICON) // 2
        severity_icon(severity).paint(painter, QRect(rect.left() + PAD, icon_top, ICON, ICON))
        painter.setPen(text_colour.color())
        painter.setFont(bold)
        column = self.word_width(bold)
        painter.drawText(QRect(rect.left() + PAD + ICON + 6, rect.top() + PAD, column, line),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), severity_word(severity))
        painter.setFont(normal)
        text_rect = QRect(rect.left() + column, rect.top() + PAD, rect.width() - column - PAD, rect.height() - 2 * PAD)
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
        drawn = painter.boundingRect(text_rect, flags, str(index.data()))
        painter.drawText(text_rect, flags, str(index.data()))
        how = str(index.data(HOW_ROLE) or "")
        if how:
            painter.setFont(self._how_font(normal))
            painter.setPen(text_colour.color() if selected else QColor(HOW_COLOUR))
            painter.drawText(text_rect.adjusted(0, drawn.height() + HOW_GAP, 0, 0), flags, how)
        # A hairline under each finding: the eye finds where one ends.
        painter.setPen(QPen(QColor(0, 0, 0, 28), 1))
        painter.drawLine(rect.left() + PAD, rect.bottom(), rect.right() - PAD, rect.bottom())
        painter.restore()


class FindingList(QListView):
    """The findings; Enter or a double-click activates one (``activated``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # the rows' heights follow the width
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(100)  # each batch measured in one turn of the event loop: ~25 ms
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(FindingDelegate(self))


def _count_chip() -> tuple[QWidget, QLabel, QLabel]:
    chip = QWidget()
    row = QHBoxLayout(chip)
    row.setContentsMargins(0, 0, 12, 0)
    row.setSpacing(4)
    icon, text = QLabel(), QLabel()
    row.addWidget(icon)
    row.addWidget(text)
    return chip, icon, text


class ReadinessView(QWidget):
    recheck = Signal()  # "Vérifier à nouveau": the files re-hashed too

    LIST, MESSAGE = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.list = FindingList()
        self.list.setModel(self.model)
        self.list.setAccessibleName(_("Points à vérifier"))
        self.chips: dict[str, tuple[QWidget, QLabel, QLabel]] = {}
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for severity in SEVERITIES:
            chip = _count_chip()
            chip[1].setPixmap(severity_icon(severity).pixmap(16, 16))
            chip[0].hide()
            self.chips[severity] = chip
            top.addWidget(chip[0])
        self.as_of = QLabel()
        self.as_of.setStyleSheet("color: #666666;")
        top.addWidget(self.as_of)
        top.addStretch(1)
        self.recheck_button = QPushButton(_("Vérifier à nouveau"))
        self.recheck_button.setToolTip(_("Relit l'affaire et recalcule l'empreinte de chaque fichier de pièce"))
        self.recheck_button.clicked.connect(self.recheck)
        top.addWidget(self.recheck_button)
        self.hint = QLabel(_("Double-cliquez sur un point (ou appuyez sur Entrée) pour aller à ce qu'il concerne : l'événement, la pièce ou la fiche de l'affaire."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666666;")
        # Nothing to list: the dossier is ready, the check is under way, or no case is open.
        self.message_icon = QLabel()
        self.message_icon.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.message.setFont(font)
        message_page = QWidget()
        message_layout = QVBoxLayout(message_page)
        message_layout.addStretch(1)
        message_layout.addWidget(self.message_icon)
        message_layout.addWidget(self.message)
        message_layout.addStretch(2)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list)
        self.pages.addWidget(message_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.pages, 1)
        self.show_message(_("Aucune affaire ouverte"))

    # --- content -------------------------------------------------------------------------------
    def show_findings(self, findings: list[Finding], as_of: str, hows: list[str] | None = None) -> None:
        """The findings of a check done on ``as_of`` (already written as a day), worst first; ``hows``: for
        each, the menu entry that does what it asks ("": none), shown under it."""
        self.model.set_findings(findings, hows)
        self.as_of.setText(_("Date de calcul : {day}").format(day=as_of))
        for severity, (chip, _icon, text) in self.chips.items():
            count = self.model.count(severity)
            chip.setVisible(count > 0)
            text.setText(_count_text(severity, count))
        self.hint.setVisible(bool(findings))
        if findings:
            self.pages.setCurrentIndex(self.LIST)
        else:
            self.show_message(_("Rien à signaler : le dossier est prêt."), ready=True)

    def show_message(self, text: str, ready: bool = False) -> None:
        """``text`` instead of the list (the check under way, no case, the check failed)."""
        self.message.setText(text)
        self.message_icon.setPixmap(severity_icon("ready").pixmap(2 * ICON, 2 * ICON) if ready else QPixmap())
        self.message_icon.setVisible(ready)
        if not ready:
            self.model.set_findings([])
            self.as_of.setText("")
            for chip, _icon, _text in self.chips.values():
                chip.hide()
        self.hint.hide()
        self.pages.setCurrentIndex(self.MESSAGE)

    def set_busy(self, busy: bool) -> None:
        self.recheck_button.setEnabled(not busy)

    def blocking_count(self) -> int:
        return self.model.count("blocking")


def _count_text(severity: str, count: int) -> str:
    if severity == "blocking":
        return ngettext("{count} point bloquant", "{count} points bloquants", count).format(count=count)
    if severity == "warning":
        return ngettext("{count} point d'attention", "{count} points d'attention", count).format(count=count)
    return ngettext("{count} remarque", "{count} remarques", count).format(count=count)
