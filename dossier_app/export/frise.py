"""The frise chronologique: the whole case on one time axis, drawn in vector, legible in black and white.

Months run along the bottom; each kind of event has its lane and its mark (shapes and fills,
never colour alone, so that a photocopy keeps the meaning); outages are hatched bars with their
duration; key facts get a circled number that the list under the drawing and the chronology repeat.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ..domain import vocabulary
from ..domain.dates import month_label
from ..domain.model import Access, Event, Invoice, Outage, ProcedureStep, RegisteredLetter
from ..i18n import Translator
from .fonts import BOLD, SANS, text_width

LANE_HEIGHT = 15.0
SUBROW = 9.0
LABEL_WIDTH = 78.0
CALLOUT_ROW = 16.0
CALLOUT_GAP = 15.0  # between the centres of two circled numbers (radius 5.2): a clear gap
AXIS_BLOCK = 36.0
LEGEND_ROW = 13.0
MARK = 3.4
OUTAGE_FONT = 5.8
AXIS_STEPS = (1, 2, 3, 4, 6, 12, 24, 60, 120, 240, 600, 1200)
GREY = colors.HexColor("#6b6b6b")
LIGHT = colors.HexColor("#d9d9d9")


@dataclass(frozen=True)
class Placed:
    """An event drawn in a lane: its mark or bar, the space it and its label take, its sub-row."""

    event: Event
    x0: float
    x1: float
    left: float
    right: float
    label: str = ""
    side: str = ""
    row: int = 0


@dataclass(frozen=True)
class Lane:
    key: str
    title: str
    kinds: tuple[str, ...]


def lanes(w: Translator) -> tuple[Lane, ...]:
    return (
        Lane("contract", w.gettext("Contrat, procédure"), ("contract", "procedure", "note")),
        Lane("money", w.gettext("Factures, paiements"), ("invoice", "payment", "credit_note")),
        Lane("letters", w.gettext("Courriers, relances"),
             ("registered_letter", "reminder", "correspondence")),
        Lane("access", w.gettext("Accès"), ("access",)),
        Lane("outage", w.gettext("Interruptions"), ("outage",)),
    )


def mark_of(event: Event) -> str:
    """The shape that stands for an event, by kind and by what it did."""
    if isinstance(event, Invoice):
        return "square-x" if event.disputed else "square"
    if isinstance(event, RegisteredLetter):
        return "triangle-filled" if event.formal_notice else "triangle"
    if isinstance(event, Access):
        return "diamond-filled" if event.action in ("refused", "changed_without_consent") else "diamond"
    if isinstance(event, ProcedureStep):
        return "flag"
    return {"payment": "circle-filled", "credit_note": "circle", "reminder": "triangle-down",
            "correspondence": "tick", "contract": "bar", "note": "dot"}.get(event.kind, "dot")


def legend_items(w: Translator) -> list[tuple[str, str]]:
    return [
        ("bar", _kind(w, "contract")),
        ("flag", w.gettext("acte de procédure")),
        ("square", _kind(w, "invoice")),
        ("square-x", w.gettext("facture contestée")),
        ("circle-filled", _kind(w, "payment")),
        ("circle", _kind(w, "credit_note")),
        ("triangle-filled", w.gettext("mise en demeure")),
        ("triangle", _kind(w, "registered_letter")),
        ("triangle-down", _kind(w, "reminder")),
        ("tick", _kind(w, "correspondence")),
        ("diamond-filled", w.gettext("accès refusé ou modifié")),
        ("diamond", w.gettext("accès demandé ou rétabli")),
        ("hatch", _kind(w, "outage")),
        ("dot", _kind(w, "note")),
    ]


def _kind(w: Translator, kind: str) -> str:
    """A kind as the legend names it, in lower case like the rest of the legend."""
    return vocabulary.label(kind, tr=w).lower()


def _start_of(event: Event) -> datetime:
    if isinstance(event, Outage):
        return event.start.replace(tzinfo=None)
    return datetime.combine(event.date, time(12))


def _end_of(event: Outage, as_of: date) -> tuple[datetime, bool]:
    """The outage's end, or the end of the as-of day and ``True`` when it is still going on."""
    limit = datetime.combine(as_of + timedelta(days=1), time(0))
    if event.end is None or event.end.replace(tzinfo=None) > limit:
        return limit, True
    return event.end.replace(tzinfo=None), False


class Frise(Flowable):  # type: ignore[misc]  # reportlab ships no types: Flowable is Any
    def __init__(self, words: Translator, events: tuple[Event, ...], key_numbers: dict[str, int],
                 as_of: date) -> None:
        super().__init__()
        self.words = words
        self.events = events
        self.key_numbers = key_numbers
        self.as_of = as_of
        self.lanes = [lane for lane in lanes(words) if any(e.kind in lane.kinds for e in events)]
        self._span()

    def _span(self) -> None:
        starts = [_start_of(e) for e in self.events]
        ends = [_end_of(e, self.as_of)[0] if isinstance(e, Outage) else _start_of(e) for e in self.events]
        first, last = min(starts), max(ends)
        self.first = datetime(first.year, first.month, 1)
        after = date(last.year + (last.month == 12), last.month % 12 + 1, 1)
        self.last = datetime.combine(after, time(0))
        self.months = (after.year - self.first.year) * 12 + after.month - self.first.month

    # --- layout ----------------------------------------------------------------------

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.plot_left = LABEL_WIDTH
        self.plot_width = available_width - LABEL_WIDTH - 4
        self.placed = {lane.key: self._place(lane) for lane in self.lanes}
        self.lane_heights = {key: max(LANE_HEIGHT, 6 + SUBROW * rows)
                             for key, (_, rows) in self.placed.items()}
        legend_lines = self._legend_lines(available_width)
        self.height = (CALLOUT_ROW + sum(self.lane_heights.values()) + AXIS_BLOCK
                       + LEGEND_ROW * len(legend_lines) + 4)
        return self.width, self.height

    def x_of(self, moment: datetime) -> float:
        span = (self.last - self.first).total_seconds()
        return self.plot_left + self.plot_width * (moment - self.first).total_seconds() / span

    def _place(self, lane: Lane) -> tuple[list[Placed], int]:
        """Each event of a lane with its extent and sub-row, so that no mark or label sits on another."""
        items = []
        right_edge = self.plot_left + self.plot_width
        for event in self.events:
            if event.kind not in lane.kinds:
                continue
            x0 = self.x_of(_start_of(event))
            if not isinstance(event, Outage):
                items.append(Placed(event, x0, x0, x0 - MARK - 1, x0 + MARK + 1))
                continue
            end, ongoing = _end_of(event, self.as_of)
            x1 = max(self.x_of(end), x0 + 1.5)
            label = self.words.duration(end - event.start.replace(tzinfo=None))
            if ongoing:
                label += " " + self.words.gettext("(en cours)")
            room = text_width(label, SANS, OUTAGE_FONT) + 2
            if x1 + 4 + room <= right_edge:
                items.append(Placed(event, x0, x1, x0, x1 + 4 + room, label, "right"))
            else:
                items.append(Placed(event, x0, x1, x0 - 2 - room, x1 + 5, label, "left"))
        row_ends: list[float] = []
        placed = []
        for item in sorted(items, key=lambda item: (item.left, item.x0)):
            row = next((r for r, end in enumerate(row_ends) if item.left >= end), len(row_ends))
            if row == len(row_ends):
                row_ends.append(-1e9)
            row_ends[row] = item.right + 1
            placed.append(dataclasses.replace(item, row=row))
        return placed, max(1, len(row_ends))

    def _legend_lines(self, width: float) -> list[list[tuple[str, str, float]]]:
        used = {mark_of(e) for e in self.events if not isinstance(e, Outage)}
        if any(isinstance(e, Outage) for e in self.events):
            used.add("hatch")
        lines: list[list[tuple[str, str, float]]] = [[]]
        x = 0.0
        for shape, label in legend_items(self.words):
            if shape not in used:
                continue
            item_width = 12 + text_width(label, SANS, 7) + 12
            if x + item_width > width and lines[-1]:
                lines.append([])
                x = 0.0
            lines[-1].append((shape, label, x))
            x += item_width
        return [line for line in lines if line]

    # --- drawing ---------------------------------------------------------------------

    def draw(self) -> None:
        canv = self.canv
        self.key_anchor: dict[str, tuple[float, float]] = {}
        canv.saveState()
        legend = self._legend_lines(self.width)
        y = LEGEND_ROW * len(legend) + 4
        for line in legend:
            y -= LEGEND_ROW
            for shape, label, x in line:
                if shape == "hatch":
                    _hatched_bar(canv, x, y + 1, x + 10, y + 7)
                else:
                    draw_mark(canv, shape, x + 5, y + 4)
                canv.setFillColor(colors.black)
                canv.setFont(SANS, 7)
                canv.drawString(x + 13, y + 1.5, label)
        axis_y = LEGEND_ROW * len(legend) + 4 + AXIS_BLOCK - 6
        self._axis(canv, axis_y)
        bottoms = {}
        lane_top = axis_y + 4
        for lane in self.lanes:
            bottoms[lane.key] = lane_top
            lane_top += self.lane_heights[lane.key]
        for lane in self.lanes:
            for item in self.placed[lane.key][0]:
                if item.event.key_fact:
                    self.key_anchor[item.event.id] = (item.x0, _row_y(bottoms[lane.key], item.row))
        # Leaders first: the marks, bars and their (white-backed) labels are drawn over them, so
        # that no line runs through a duration.
        callouts = self._callout_places(lane_top)
        self._leaders(canv, callouts, lane_top)
        for lane in self.lanes:
            self._lane(canv, lane, bottoms[lane.key], self.lane_heights[lane.key])
        self._as_of_line(canv, axis_y, lane_top)
        for number, (cx, cy) in callouts.items():
            circled_number(canv, cx, cy, number)
        canv.restoreState()

    def _axis(self, canv: Canvas, y: float) -> None:
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(0.8)
        canv.line(self.plot_left, y, self.plot_left + self.plot_width, y)
        # Up to twelve labels, whatever the span (a case may run from 1900 to five years ahead).
        step = next((s for s in AXIS_STEPS if self.months / s <= 12), AXIS_STEPS[-1])
        minor = self.plot_width / max(self.months, 1) >= 1.5  # month ticks only where they stay apart
        canv.setFont(SANS, 6.5)
        for index in range(self.months + 1):
            year = self.first.year + (self.first.month - 1 + index) // 12
            month = (self.first.month - 1 + index) % 12 + 1
            x = self.x_of(datetime(year, month, 1))
            major = index % step == 0
            if not major and not minor:
                continue
            canv.setLineWidth(0.6 if major else 0.3)
            canv.line(x, y, x, y - (4 if major else 2))
            if major and index < self.months:
                next_x = self.x_of(datetime(year + (month + step - 1) // 12, (month + step - 1) % 12 + 1, 1))
                label = month_label(year, month, self.words.lang) if step < 12 else str(year)
                canv.setFillColor(colors.black)
                if text_width(label, SANS, 6.5) < next_x - x - 2:
                    canv.drawCentredString((x + next_x) / 2, y - 10, label)
                else:
                    canv.drawString(x + 1, y - 10, label)

    def _lane(self, canv: Canvas, lane: Lane, bottom: float, height: float) -> None:
        canv.setStrokeColor(LIGHT)
        canv.setLineWidth(0.4)
        canv.line(self.plot_left, bottom + height, self.plot_left + self.plot_width, bottom + height)
        canv.setFillColor(colors.black)
        canv.setFont(BOLD, 6.8)
        canv.drawRightString(self.plot_left - 6, bottom + height / 2 - 2.3, lane.title)
        placed, _ = self.placed[lane.key]
        for item in placed:
            y = _row_y(bottom, item.row)
            event = item.event
            if isinstance(event, Outage):
                _, ongoing = _end_of(event, self.as_of)
                _hatched_bar(canv, item.x0, y - 3.2, item.x1, y + 3.2, open_end=ongoing)
                width = text_width(item.label, SANS, OUTAGE_FONT)
                x = item.x1 + (6 if ongoing else 2) if item.side == "right" else item.x0 - 2 - width
                canv.setFillColor(colors.white)  # a knockout: a leader passing behind stops short of the text
                canv.rect(x - 1, y - 3.4, width + 2, OUTAGE_FONT + 1.6, stroke=0, fill=1)
                canv.setFont(SANS, OUTAGE_FONT)
                canv.setFillColor(colors.black)
                canv.drawString(x, y - 2, item.label)
            else:
                draw_mark(canv, mark_of(event), item.x0, y)

    def _as_of_line(self, canv: Canvas, axis_y: float, top: float) -> None:
        """A dashed line at the as-of date, labelled under the month names where no mark can be."""
        moment = datetime.combine(self.as_of, time(12))
        if not self.first <= moment <= self.last:
            return
        x = self.x_of(moment)
        canv.saveState()
        canv.setStrokeColor(GREY)
        canv.setLineWidth(0.6)
        canv.setDash(2, 2)
        canv.line(x, axis_y - 15, x, top)
        canv.restoreState()
        canv.setFont(SANS, OUTAGE_FONT)
        canv.setFillColor(GREY)
        label = self.words.gettext("arrêté au ") + self.words.short_day(self.as_of)
        if x + 4 + text_width(label, SANS, OUTAGE_FONT) > self.plot_left + self.plot_width:
            canv.drawRightString(x - 3, axis_y - 20, label)
        else:
            canv.drawString(x + 3, axis_y - 20, label)

    def _callout_places(self, top: float) -> dict[int, tuple[float, float]]:
        """Where each key fact's circled number goes: over its mark when there is room, else
        spread evenly around the group's middle (not piled up to the right of the first)."""
        wanted = sorted((self.key_anchor[event_id][0], number) for event_id, number in self.key_numbers.items()
                        if event_id in self.key_anchor)
        gap = CALLOUT_GAP
        low, high = self.plot_left + 6, self.plot_left + self.plot_width - 6
        groups: list[list[tuple[float, int]]] = [[item] for item in wanted]

        def placed(group: list[tuple[float, int]]) -> list[float]:
            middle = sum(x for x, _ in group) / len(group)
            start = middle - gap * (len(group) - 1) / 2
            start = min(max(start, low), high - gap * (len(group) - 1))
            return [start + gap * i for i in range(len(group))]

        merged = True
        while merged:
            merged = False
            for i in range(len(groups) - 1):
                if placed(groups[i])[-1] + gap > placed(groups[i + 1])[0]:
                    groups[i:i + 2] = [groups[i] + groups[i + 1]]
                    merged = True
                    break
        cy = top + CALLOUT_ROW / 2
        return {number: (x, cy) for group in groups for (_, number), x in zip(group, placed(group), strict=True)}

    def _leaders(self, canv: Canvas, callouts: dict[int, tuple[float, float]], top: float) -> None:
        """From each key mark straight up to the top of the lanes, then across to its number."""
        canv.saveState()
        canv.setStrokeColor(GREY)
        canv.setLineWidth(0.35)
        canv.setDash(1, 1.5)
        for event_id, number in self.key_numbers.items():
            if event_id not in self.key_anchor or number not in callouts:
                continue
            x, y = self.key_anchor[event_id]
            cx, cy = callouts[number]
            path = canv.beginPath()
            path.moveTo(x, y + MARK + 1)
            path.lineTo(x, top)
            path.lineTo(cx, cy - 5.2)
            canv.drawPath(path, stroke=1, fill=0)
        canv.restoreState()


def _row_y(bottom: float, row: int) -> float:
    return bottom + 3 + SUBROW * row + SUBROW / 2 - 1


def circled_number(canv: Canvas, x: float, y: float, number: int, radius: float = 5.2) -> None:
    canv.setStrokeColor(colors.black)
    canv.setFillColor(colors.black)
    canv.setLineWidth(0.6)
    canv.circle(x, y, radius, stroke=1, fill=1)
    canv.setFillColor(colors.white)
    canv.setFont(BOLD, 6.2 if number < 10 else 5.4)
    canv.drawCentredString(x, y - 2.2, str(number))
    canv.setFillColor(colors.black)


def _hatched_bar(canv: Canvas, x0: float, y0: float, x1: float, y1: float, *, open_end: bool = False) -> None:
    canv.saveState()
    path = canv.beginPath()
    path.rect(x0, y0, x1 - x0, y1 - y0)
    canv.clipPath(path, stroke=0, fill=0)
    canv.setFillColor(LIGHT)
    canv.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
    canv.setStrokeColor(colors.black)
    canv.setLineWidth(0.45)
    height = y1 - y0
    x = x0 - height
    while x < x1:
        canv.line(x, y0, x + height, y1)
        x += 2.6
    canv.restoreState()
    canv.setStrokeColor(colors.black)
    canv.setLineWidth(0.7)
    if open_end:
        canv.line(x0, y0, x1, y0)
        canv.line(x0, y1, x1, y1)
        canv.line(x0, y0, x0, y1)
        arrow = canv.beginPath()
        arrow.moveTo(x1, y0 - 1.5)
        arrow.lineTo(x1 + 4, (y0 + y1) / 2)
        arrow.lineTo(x1, y1 + 1.5)
        canv.setFillColor(colors.black)
        canv.drawPath(arrow, stroke=0, fill=1)
    else:
        canv.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=0)


def draw_mark(canv: Canvas, shape: str, x: float, y: float, size: float = MARK) -> None:
    """One event's mark, centred on (x, y); filled shapes mean the adverse or decisive variant."""
    canv.saveState()
    canv.setStrokeColor(colors.black)
    canv.setLineWidth(0.7)
    filled = shape.endswith("-filled")
    canv.setFillColor(colors.black if filled else colors.white)
    base = shape.removesuffix("-filled")
    s = size
    if base in ("square", "square-x"):
        canv.rect(x - s, y - s, 2 * s, 2 * s, stroke=1, fill=1)
        if base == "square-x":
            canv.line(x - s, y - s, x + s, y + s)
            canv.line(x - s, y + s, x + s, y - s)
    elif base == "circle":
        canv.circle(x, y, s, stroke=1, fill=1)
    elif base in ("triangle", "triangle-down"):
        path = canv.beginPath()
        sign = 1 if base == "triangle" else -1
        path.moveTo(x - s * 1.1, y - sign * s)
        path.lineTo(x + s * 1.1, y - sign * s)
        path.lineTo(x, y + sign * s * 1.1)
        path.close()
        canv.drawPath(path, stroke=1, fill=1)
    elif base == "diamond":
        path = canv.beginPath()
        path.moveTo(x, y - s * 1.25)
        path.lineTo(x + s * 1.1, y)
        path.lineTo(x, y + s * 1.25)
        path.lineTo(x - s * 1.1, y)
        path.close()
        canv.drawPath(path, stroke=1, fill=1)
    elif base == "flag":
        canv.line(x, y - s * 1.3, x, y + s * 1.3)
        path = canv.beginPath()
        path.moveTo(x, y + s * 1.3)
        path.lineTo(x + s * 1.8, y + s * 0.7)
        path.lineTo(x, y + s * 0.1)
        path.close()
        canv.setFillColor(colors.black)
        canv.drawPath(path, stroke=1, fill=1)
    elif base == "bar":
        canv.setLineWidth(1.6)
        canv.line(x, y - s * 1.4, x, y + s * 1.4)
    elif base == "tick":
        canv.setLineWidth(0.9)
        canv.line(x - s, y - s * 0.6, x + s, y + s * 0.6)
        canv.line(x - s, y + s * 0.6, x + s, y - s * 0.6)
    else:
        canv.setFillColor(colors.black)
        canv.circle(x, y, s * 0.55, stroke=0, fill=1)
    canv.restoreState()
