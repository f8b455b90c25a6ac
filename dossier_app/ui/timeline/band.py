"""The band above the table: months along the axis, outages as bars, the other events as marks.

One item paints every mark of the visible stretch: a scene of a hundred thousand items would
take seconds to build, and the marks need no behaviour of their own beyond being found under
the mouse, which a sorted list answers with a bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date
from typing import Any, NamedTuple

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from ...domain import vocabulary
from ...domain.dates import month_label, short_day
from ...i18n import _
from ...services.timeline import TimelineRow
from ..kind_style import LANES, add_mark, color, lane_label, paint_mark
from ..labels import one_line
from ..workers import Latest
from .marks import AllBut, Mark, build_marks

MARGIN = 16.0
LEGEND_WIDTH = 150
LABEL_ROWS = 2
LABEL_HEIGHT = 16.0
LANE_TOP = LABEL_ROWS * LABEL_HEIGHT + 8
LANE_HEIGHT = 22.0
AXIS_Y = LANE_TOP + LANE_HEIGHT * len(LANES) + 4
HEIGHT = AXIS_Y + 22
MARK = 10.0
MAX_PIXELS_PER_DAY = 80.0
LATER_BY_MS = 120  # the band's marks are worked out this long after the table has changed
LATER_FROM = 5000  # events from which the marks are worked out off the GUI thread after an edit
CROWDED = 800  # beyond this many visible marks, one mark per pixel column and lane, drawn as paths


class Crowd(NamedTuple):
    paths: dict[str, QPainterPath]  # by kind, the marks to draw
    spans: list[tuple[Any, ...]]  # outages merged: left, right, lane, kind, open-ended


def crowd_of(marks: list[Mark], outages: list[Mark], pixels_per_day: float) -> Crowd:
    """The marks as drawn when too many share the screen: one per pixel column and lane, as paths.

    No widget is touched: it can be worked out off the GUI thread, with the marks.
    """
    ppd, margin = pixels_per_day, MARGIN
    # In comprehensions rather than one loop over the marks: a hundred thousand of them.  The first
    # mark of each pixel column and lane stands for the others (reversed: the first one wins).
    points = {(int(margin + m.x_day * ppd), m.lane): (margin + m.x_day * ppd, m.lane, m.kind)
              for m in reversed(marks) if m.end_day is None}
    spans: list[list[Any]] = []
    open_span: dict[int, list[Any]] = {}
    for mark in outages:  # in the marks' order
        x = margin + mark.x_day * ppd
        right = max(margin + (mark.end_day or mark.x_day) * ppd, x + 3)
        span = open_span.get(mark.lane)
        if span is not None and x <= span[1] + 1:
            span[1] = max(span[1], right)
            span[4] = span[4] or mark.open_ended
        else:
            span = [x, right, mark.lane, mark.kind, mark.open_ended]
            spans.append(span)
            open_span[mark.lane] = span
    # One path per kind: painting it is one call, however many marks it holds.
    paths: dict[str, QPainterPath] = {}
    for x, lane, kind in points.values():
        path = paths.get(kind)
        if path is None:
            path = paths[kind] = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)  # overlapping marks add up, never cancel
        add_mark(path, kind, QPointF(x, LANE_TOP + LANE_HEIGHT * lane + LANE_HEIGHT / 2), MARK * 0.8)
    return Crowd(paths, [tuple(s) for s in spans])


class MarkSet(NamedTuple):
    """The marks of every event and what painting them looks up, worked out together (off the GUI thread)."""

    marks: list[Mark]
    origin: int
    last: int
    by_id: dict[str, Mark]
    xs: list[float]
    outages: list[Mark]
    keys: list[Mark]
    key_xs: list[float]
    crowd: Crowd | None  # at ``scale``, when the band is fitted to a known width
    scale: float | None


def mark_set(rows: list[TimelineRow], width: float | None = None) -> MarkSet:
    """``rows``' marks; with ``width``, their crowd for the band fitted to that many pixels."""
    marks, origin, last = build_marks(rows)
    outages = [m for m in marks if m.end_day is not None]
    keys = [m for m in marks if m.key_fact]
    scale = max(width / max(last - origin, 1), 0.01) if width is not None else None
    return MarkSet(marks, origin, last, {m.id: m for m in marks}, [m.x_day for m in marks], outages, keys,
                   [m.x_day for m in keys], crowd_of(marks, outages, scale) if scale is not None else None, scale)


class BandItem(QGraphicsItem):
    """Paints the axis, the lanes and the marks of the part of the band being shown."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        # Painted once into a pixmap and shown from it until the marks, the filter or the scale change:
        # choosing another event, scrolling the table or hovering repaints nothing of a hundred thousand marks.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.all_marks: list[Mark] = []
        self.hidden: frozenset[str] | AllBut = frozenset()
        self.marks: list[Mark] = []
        self.xs: list[float] = []
        self.outages: list[Mark] = []
        self.keys: list[Mark] = []
        self.key_xs: list[float] = []
        self.by_id: dict[str, Mark] = {}
        self._crowd: Crowd | None = None
        self._all_crowd: Crowd | None = None
        self._all_lists: tuple[list[float], list[Mark], list[Mark], list[float]] | None = None
        self._labels: dict[str, tuple[str, float]] = {}
        self.origin = date.today().toordinal()
        self.span_days = 30
        self.pixels_per_day = 4.0
        self.selected: str | None = None
        self.waiting = False  # rows are coming: lanes only, no axis and no "no event" yet
        self.font = QFont()
        self.font.setPointSizeF(max(self.font.pointSizeF() - 1, 7))

    def set_marks(self, marks: list[Mark], origin: int, last: int) -> None:
        """Every event's mark; the axis spans them all whatever the filter hides."""
        outages = [m for m in marks if m.end_day is not None]
        keys = [m for m in marks if m.key_fact]
        self.take(MarkSet(marks, origin, last, {m.id: m for m in marks}, [m.x_day for m in marks], outages, keys,
                          [m.x_day for m in keys], None, None))

    def take(self, prepared: MarkSet) -> None:
        """Marks worked out beforehand (``mark_set``): nothing of a hundred thousand is walked here."""
        self.prepareGeometryChange()
        self.waiting = False
        self.all_marks = prepared.marks
        self.by_id = prepared.by_id
        self._all_lists = (prepared.xs, prepared.outages, prepared.keys, prepared.key_xs)
        self._all_crowd = None
        self._labels = {}
        self.origin = prepared.origin
        self.span_days = max(prepared.last - prepared.origin, 1)
        self.set_hidden(frozenset())
        if prepared.crowd is not None and prepared.scale is not None:
            self.pixels_per_day = prepared.scale
            self._crowd = self._all_crowd = prepared.crowd

    def set_hidden(self, hidden: frozenset[str] | None, shown: frozenset[str] | None = None) -> None:
        """Hide the marks of the events the filter leaves out (cheap: no mark is rebuilt).

        Either the ids hidden or, when they are fewer, the ids shown.
        """
        if shown is not None:
            by_id = self.by_id
            self.marks = sorted((by_id[i] for i in shown if i in by_id), key=lambda m: m.x_day)
            self.hidden = frozenset(self.by_id) - shown if len(self.by_id) < 5000 else AllBut(shown)
        else:
            self.hidden = hidden or frozenset()
            self.marks = [m for m in self.all_marks if m.id not in self.hidden] if self.hidden else self.all_marks
        if self.marks is self.all_marks and self._all_lists is not None:
            # Back to no filter: the lists of every mark are kept, not rebuilt.
            self.xs, self.outages, self.keys, self.key_xs = self._all_lists
        else:
            self.xs = [m.x_day for m in self.marks]
            self.outages = [m for m in self.marks if m.end_day is not None]
            self.keys = [m for m in self.marks if m.key_fact]
            self.key_xs = [m.x_day for m in self.keys]
            if self.marks is self.all_marks:
                self._all_lists = (self.xs, self.outages, self.keys, self.key_xs)
        self._crowd = self._all_crowd if self.marks is self.all_marks else None
        self.update()

    def set_scale(self, pixels_per_day: float) -> None:
        if pixels_per_day == self.pixels_per_day and self._all_crowd is not None:
            return  # the crowd worked out for this scale (off the GUI thread) stays
        self.prepareGeometryChange()
        self.pixels_per_day = pixels_per_day
        self._crowd = self._all_crowd = None
        self.update()

    def crowd(self) -> Crowd:
        """The marks as drawn when too many share the screen: one per pixel column and lane.

        Computed once per scale and filter, so that painting a zoomed-out band of a hundred
        thousand events draws a few thousand shapes, not a hundred thousand.
        """
        if self._crowd is None:
            self._crowd = crowd_of(self.marks, self.outages, self.pixels_per_day)
            if self.marks is self.all_marks:
                self._all_crowd = self._crowd
        return self._crowd

    def x_of(self, day: float) -> float:
        return MARGIN + day * self.pixels_per_day

    def day_of(self, x: float) -> float:
        return (x - MARGIN) / self.pixels_per_day

    def lane_y(self, lane: int) -> float:
        return LANE_TOP + LANE_HEIGHT * lane + LANE_HEIGHT / 2

    def mark_y(self, mark: Mark) -> float:
        offsets = (0, -5, 5, -8, 8)
        return self.lane_y(mark.lane) + offsets[mark.nudge % len(offsets)]

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.x_of(self.span_days) + MARGIN, HEIGHT)

    def visible_marks(self, left: float, right: float) -> list[Mark]:
        lo = bisect_left(self.xs, self.day_of(left) - 1)
        hi = bisect_right(self.xs, self.day_of(right) + 1)
        marks = self.marks[lo:hi]
        # An outage that began before the left edge still shows as a bar across it.
        start = self.day_of(left) - 1
        marks += [m for m in self.outages if m.x_day < start and (m.end_day or 0) >= start]
        return marks

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        exposed = option.exposedRect
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font)
        self._paint_lanes(painter, exposed)
        if self.waiting:
            return
        self._paint_axis(painter, exposed)
        if not self.marks:
            painter.setPen(QColor("#777777"))
            painter.drawText(QRectF(exposed.left(), LANE_TOP, exposed.width(), LANE_HEIGHT * 2),
                             Qt.AlignmentFlag.AlignCenter, _("Aucun événement à montrer"))
            return
        if self.crowded(exposed.left(), exposed.right()):
            self._paint_crowd(painter, exposed)
        else:
            for mark in self.visible_marks(exposed.left(), exposed.right()):
                if mark.end_day is not None:
                    self._paint_outage(painter, mark)
                else:
                    paint_mark(painter, mark.kind, QPointF(self.x_of(mark.x_day), self.mark_y(mark)), MARK)
        lo = bisect_left(self.key_xs, self.day_of(exposed.left() - 200))
        hi = bisect_right(self.key_xs, self.day_of(exposed.right()) + 1)
        self._paint_labels(painter, exposed, self.keys[lo:hi])

    def crowded(self, left: float, right: float) -> bool:
        return bisect_right(self.xs, self.day_of(right) + 1) - bisect_left(self.xs, self.day_of(left) - 1) > CROWDED

    def _paint_crowd(self, painter: QPainter, exposed: QRectF) -> None:
        crowd = self.crowd()
        for left, right, lane, kind, open_ended in crowd.spans:
            if right >= exposed.left() and left <= exposed.right():
                fill = color(kind)
                fill.setAlpha(150 if open_ended else 210)
                painter.setPen(QPen(fill.darker(130), 1))
                painter.setBrush(QBrush(fill))
                y = self.lane_y(lane)
                painter.drawRoundedRect(QRectF(left, y - 6, right - left, 12), 3, 3)
        # Thousands of marks a few pixels wide: smoothing their edges shows little and costs most.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for kind, path in crowd.paths.items():
            fill = color(kind)
            painter.setBrush(QBrush(fill))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPath(path)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def _paint_lanes(self, painter: QPainter, exposed: QRectF) -> None:
        for lane in range(len(LANES)):
            if lane % 2 == 0:
                painter.fillRect(QRectF(exposed.left(), LANE_TOP + LANE_HEIGHT * lane, exposed.width(), LANE_HEIGHT),
                                 QColor("#f4f5f7"))

    def _paint_axis(self, painter: QPainter, exposed: QRectF) -> None:
        painter.setPen(QPen(QColor("#555555"), 1))
        painter.drawLine(QPointF(exposed.left(), AXIS_Y), QPointF(exposed.right(), AXIS_Y))
        metrics = QFontMetrics(self.font)
        label_width = metrics.horizontalAdvance("sept. 2016") + 12
        step = next((n for n in (1, 2, 3, 6, 12, 24, 60) if n * 30.4 * self.pixels_per_day >= label_width), 120)
        first = date.fromordinal(self.origin + max(int(self.day_of(exposed.left())) - 31, 0))
        year, month = first.year, first.month
        while True:
            day = date(year, month, 1).toordinal() - self.origin
            x = self.x_of(day)
            if x > exposed.right() + label_width:
                break
            index = year * 12 + month - 1
            if index % step == 0 or month == 1:
                tall = month == 1
                painter.setPen(QPen(QColor("#555555" if tall else "#999999"), 1))
                painter.drawLine(QPointF(x, AXIS_Y), QPointF(x, AXIS_Y + (7 if tall else 4)))
                if index % step == 0:
                    painter.setPen(QColor("#333333"))
                    painter.drawText(QPointF(x + 2, AXIS_Y + 17), month_label(year, month))
                painter.setPen(QPen(QColor("#e2e4e8"), 1))
                painter.drawLine(QPointF(x, LANE_TOP), QPointF(x, AXIS_Y))
            month += 1
            if month == 13:
                year, month = year + 1, 1

    def _paint_outage(self, painter: QPainter, mark: Mark) -> None:
        left = self.x_of(mark.x_day)
        right = max(self.x_of(mark.end_day or mark.x_day), left + 3)
        y = self.lane_y(mark.lane)
        fill = color(mark.kind)
        fill.setAlpha(150 if mark.open_ended else 210)
        painter.setPen(QPen(fill.darker(130), 1, Qt.PenStyle.DashLine if mark.open_ended else Qt.PenStyle.SolidLine))
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(QRectF(left, y - 6, right - left, 12), 3, 3)

    def _paint_labels(self, painter: QPainter, exposed: QRectF, marks: list[Mark]) -> None:
        metrics = QFontMetrics(self.font)
        row_ends = [-1e9] * LABEL_ROWS
        for mark in marks:
            if not mark.key_fact:
                continue
            x = self.x_of(mark.x_day)
            label = self._labels.get(mark.id)
            if label is None:
                text = metrics.elidedText(one_line(mark.title), Qt.TextElideMode.ElideRight, 170)
                label = self._labels[mark.id] = (text, metrics.horizontalAdvance(text) + 6)
            text, width = label
            row = next((r for r in range(LABEL_ROWS) if x >= row_ends[r] + 4), None)
            if row is None:
                continue
            row_ends[row] = x + width
            top = 2 + row * LABEL_HEIGHT
            painter.setPen(QPen(QColor("#c77c00"), 1))
            painter.drawLine(QPointF(x, top + LABEL_HEIGHT - 2), QPointF(x, self.mark_y(mark) - MARK / 2))
            painter.fillRect(QRectF(x - 1, top, width, LABEL_HEIGHT - 2), QColor(255, 248, 225, 235))
            painter.setPen(QColor("#5a3b00"))
            painter.drawText(QRectF(x + 2, top, width, LABEL_HEIGHT - 2), Qt.AlignmentFlag.AlignVCenter, text)

    def selection_point(self) -> QPointF | None:
        """Where the ring around the chosen event goes, or None when it is not shown."""
        mark = self.by_id.get(self.selected) if self.selected else None
        if mark is None or mark.id in self.hidden:
            return None
        return QPointF(self.x_of(mark.x_day), self.mark_y(mark) if mark.end_day is None else self.lane_y(mark.lane))

    def mark_at(self, point: QPointF) -> Mark | None:
        """The mark under ``point`` (scene coordinates), the nearest if several."""
        tolerance = 7.0
        lo = bisect_left(self.xs, self.day_of(point.x() - tolerance))
        hi = bisect_right(self.xs, self.day_of(point.x() + tolerance))
        best: tuple[float, Mark] | None = None
        for mark in self.marks[lo:hi]:
            distance = abs(self.x_of(mark.x_day) - point.x()) + abs(self.mark_y(mark) - point.y())
            if distance <= tolerance * 2 and (best is None or distance < best[0]):
                best = (distance, mark)
        if best is not None:
            return best[1]
        for mark in self.outages:
            end = mark.end_day if mark.end_day is not None else mark.x_day
            if self.x_of(mark.x_day) <= point.x() <= self.x_of(end) and abs(self.lane_y(mark.lane) - point.y()) <= 7:
                return mark
        return None

    def position_of(self, event_id: str) -> QPointF | None:
        mark = self.by_id.get(event_id)
        if mark is None or mark.id in self.hidden:
            return None
        return QPointF(self.x_of(mark.x_day), self.mark_y(mark))


class SelectionRing(QGraphicsItem):
    """The ring around the chosen event: an item of its own, so that moving it leaves the band's cache."""

    RADIUS = 9.0

    def boundingRect(self) -> QRectF:
        r = self.RADIUS + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#111111"), 2))
        painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)


class LaneLegend(QWidget):
    """The lane names, beside the band rather than over it, so that no mark hides behind a name."""

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        painter.setFont(font)
        for lane, (name, _kinds) in enumerate(LANES):
            box = QRectF(4, LANE_TOP + LANE_HEIGHT * lane, self.width() - 10, LANE_HEIGHT)
            if lane % 2 == 0:
                painter.fillRect(QRectF(0, box.top(), self.width(), box.height()), QColor("#f4f5f7"))
            painter.setPen(QColor("#555555"))
            text = QFontMetrics(font).elidedText(lane_label(name), Qt.TextElideMode.ElideRight, int(box.width()))
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
        painter.setPen(QPen(QColor("#d0d3d8"), 1))
        painter.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
        painter.end()


class TimelineBand(QGraphicsView):
    """Wheel to zoom, drag to pan, click a mark to select its event."""

    event_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = BandItem()
        self.scene().addItem(self.item)
        self.ring = SelectionRing()
        self.ring.setZValue(1)
        self.ring.hide()
        self.scene().addItem(self.ring)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedHeight(int(HEIGHT) + 22)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QColor("white"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(_("Molette : zoom · glisser : se déplacer · clic : choisir l'événement"))
        self._fit = True
        self._marks = Latest(self)  # marks worked out behind: one at a time, a late answer dropped
        self._pressed_at: QPoint | None = None
        self.setViewportMargins(LEGEND_WIDTH, 0, 0, 0)
        self.legend = LaneLegend(self)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        frame = self.frameWidth()
        self.legend.setGeometry(frame, frame, LEGEND_WIDTH, self.viewport().height())
        if self._fit:
            self.fit()

    # --- content ---------------------------------------------------------------------------
    def set_rows(self, rows: list[TimelineRow]) -> None:
        """Every event of the case (the filter hides some with ``set_hidden``)."""
        self._marks.drop()
        self._show_marks(mark_set(rows))

    def set_rows_later(self, rows: list[TimelineRow]) -> None:
        """As ``set_rows``, the marks of a large case worked out off the GUI thread (a quarter of a
        second for 100 000 events): the table shows an edit at once, the band a moment later."""
        self._marks.drop()
        if len(rows) < LATER_FROM:
            self.set_rows(rows)
            return
        snapshot, width = list(rows), (self._fitted_width() if self._fit else None)
        # A moment later: its thread shares the interpreter with the GUI thread, and the table's rows
        # must be painted first (each cell is a Python call that would wait for the thread's turn).
        self._marks.run(lambda _progress: mark_set(snapshot, width), self._show_marks,
                        defer=lambda start: QTimer.singleShot(LATER_BY_MS, start))

    def wait_for_rows(self) -> None:
        """Rows are coming (``set_rows`` soon): lanes only until then."""
        self._marks.drop()  # an earlier request's marks no longer apply
        self.item.waiting = True
        self.item.update()

    def _fitted_width(self) -> float:
        return max(self.viewport().width() - 2 * MARGIN, 50)

    def _show_marks(self, prepared: MarkSet) -> None:
        self.item.take(prepared)
        if self._fit:
            self.fit()
        else:
            self._update_scene_rect()
        self._place_ring()
        self.viewport().update()

    def set_hidden(self, hidden: frozenset[str] | None, shown: frozenset[str] | None = None) -> None:
        self.item.set_hidden(hidden, shown)
        self._place_ring()
        self.viewport().update()

    def select(self, event_id: str | None) -> None:
        self.item.selected = event_id
        if event_id is not None:
            where = self.item.position_of(event_id)
            if where is not None:
                self.ensureVisible(QRectF(where.x() - 20, 0, 40, 10), 40, 0)
        self._place_ring()

    def _place_ring(self) -> None:
        where = self.item.selection_point()
        if where is None:
            self.ring.hide()
        else:
            self.ring.setPos(where)
            self.ring.show()

    # --- zoom and pan ----------------------------------------------------------------------
    def fit(self) -> None:
        self.item.set_scale(max(self._fitted_width() / self.item.span_days, 0.01))
        self._update_scene_rect()

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by ``factor`` keeping the day under ``anchor_x`` (viewport pixels) in place."""
        if anchor_x is None:
            anchor_x = self.viewport().width() / 2
        day = self.item.day_of(self.mapToScene(QPoint(int(anchor_x), 0)).x())
        fitted = max(self.viewport().width() - 2 * MARGIN, 50) / self.item.span_days
        scale = min(max(self.item.pixels_per_day * factor, fitted), MAX_PIXELS_PER_DAY)
        self._fit = scale <= fitted * 1.0001
        self.item.set_scale(scale)
        self._update_scene_rect()
        self.horizontalScrollBar().setValue(int(self.item.x_of(day) - anchor_x))
        self.viewport().update()

    def _update_scene_rect(self) -> None:
        self.setSceneRect(self.item.boundingRect())
        self._place_ring()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(1.25 ** steps, event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed_at = self._pressed_at, None
        if pressed is None or (event.position().toPoint() - pressed).manhattanLength() > 4:
            return
        mark = self.item.mark_at(self.mapToScene(event.position().toPoint()))
        if mark is not None:
            self.select(mark.id)
            self.event_clicked.emit(mark.id)

    def viewportEvent(self, event: Any) -> bool:
        if event.type() == event.Type.ToolTip:
            mark = self.item.mark_at(self.mapToScene(event.pos()))
            if mark is not None:
                QToolTip.showText(event.globalPos(), f"{short_day(date.fromordinal(self.item.origin + int(mark.x_day)))}"
                                  f" — {vocabulary.label(mark.kind)}\n{one_line(mark.title)}", self.viewport())
                return True
        return super().viewportEvent(event)
