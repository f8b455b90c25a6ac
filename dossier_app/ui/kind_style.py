"""One look per event kind, shared by the table's icons and the band's marks."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from ..i18n import _

# Colours chosen to stay apart for the common forms of colour blindness, helped by the shapes.
STYLE: dict[str, tuple[str, str]] = {
    "invoice": ("#d55e00", "square"),
    "payment": ("#009e73", "circle"),
    "credit_note": ("#56b4e9", "triangle_down"),
    "reminder": ("#e69f00", "triangle_up"),
    "registered_letter": ("#cc2936", "diamond"),
    "correspondence": ("#0072b2", "circle"),
    "outage": ("#b2182b", "bar"),
    "access": ("#7b3294", "square"),
    "contract": ("#3d3d9e", "diamond"),
    "procedure": ("#333333", "triangle_up"),
    "note": ("#8c8c8c", "circle"),
}

LANES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("outages", ("outage",)),
    ("money", ("invoice", "payment", "credit_note")),
    ("exchanges", ("reminder", "registered_letter", "correspondence")),
    ("contract", ("contract", "access", "procedure", "note")),
)
LANE_OF: dict[str, int] = {kind: i for i, (_, kinds) in enumerate(LANES) for kind in kinds}


def lane_label(name: str) -> str:
    return {
        "outages": _("Interruptions"),
        "money": _("Factures et paiements"),
        "exchanges": _("Relances et courriers"),
        "contract": _("Contrat, accès, procédure"),
    }[name]


def color(kind: str) -> QColor:
    return QColor(STYLE.get(kind, ("#777777", "circle"))[0])


@cache
def _brush_and_pen(kind: str) -> tuple[QBrush, QPen]:
    """The kind's fill and its darker outline, made once: a band paints hundreds of marks at a time."""
    fill = QColor(STYLE.get(kind, ("#777777", "circle"))[0])
    return QBrush(fill), QPen(fill.darker(140), 1.2)


def paint_mark(painter: QPainter, kind: str, center: QPointF, size: float, outline: QColor | None = None) -> None:
    """The mark of one event, centred on ``center``, ``size`` pixels across."""
    shape = STYLE.get(kind, ("#777777", "circle"))[1]
    brush, pen = _brush_and_pen(kind)
    painter.setBrush(brush)
    painter.setPen(pen if outline is None else QPen(outline, 2.5))
    r = size / 2
    x, y = center.x(), center.y()
    if shape == "circle":
        painter.drawEllipse(center, r, r)
    elif shape in ("square", "bar"):
        painter.drawRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    elif shape == "diamond":
        painter.drawPolygon(QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)]))
    elif shape == "triangle_up":
        painter.drawPolygon(QPolygonF([QPointF(x, y - r), QPointF(x + r, y + r * 0.8), QPointF(x - r, y + r * 0.8)]))
    elif shape == "triangle_down":
        painter.drawPolygon(QPolygonF([QPointF(x, y + r), QPointF(x + r, y - r * 0.8), QPointF(x - r, y - r * 0.8)]))


def add_mark(path: QPainterPath, kind: str, center: QPointF, size: float) -> None:
    """The shape of ``paint_mark``, added to ``path`` (to draw many marks of a kind in one call)."""
    shape = STYLE.get(kind, ("", "circle"))[1]
    r = size / 2
    x, y = center.x(), center.y()
    if shape == "circle":
        path.addEllipse(center, r, r)
    elif shape in ("square", "bar"):
        path.addRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    elif shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y),
                                   QPointF(x, y - r)]))
    elif shape == "triangle_up":
        path.addPolygon(QPolygonF([QPointF(x, y - r), QPointF(x + r, y + r * 0.8), QPointF(x - r, y + r * 0.8),
                                   QPointF(x, y - r)]))
    elif shape == "triangle_down":
        path.addPolygon(QPolygonF([QPointF(x, y + r), QPointF(x + r, y - r * 0.8), QPointF(x - r, y - r * 0.8),
                                   QPointF(x, y + r)]))


@cache
def kind_icon(kind: str) -> QIcon:
    """A 16 px icon (and its 32 px version for high-density screens) of the kind's mark."""
    icon = QIcon()
    for side in (16, 32):
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if STYLE.get(kind, ("", ""))[1] == "bar":
            path = QPainterPath()
            path.addRoundedRect(QRectF(side * 0.05, side * 0.3, side * 0.9, side * 0.4), 2, 2)
            painter.fillPath(path, color(kind))
        else:
            paint_mark(painter, kind, QPointF(side / 2, side / 2), side * 0.75)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
