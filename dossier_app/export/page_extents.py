"""Where a page draws something visible, read from its content stream (no rendering).

The stamper asks one question of each exhibit page: is the band where the stamp goes free? This
module answers with the boxes (in the page's user space) that the page paints into: images and
inline images (the unit square through the current matrix), filled or stroked paths (their
bounding box, a fill in white left out: many producers paint a white sheet under everything),
text (each shown string's box, its width estimated from the number of glyphs, since no font is
loaded), shadings (the clip) and Form XObjects (their own content, within their /BBox), all
limited by the clipping path's bounding box. It errs on the side of "something is there": a page
wrongly thought busy is scaled down a few percent; one wrongly thought free would lose a corner.

One parse of the content stream per page (qpdf's tokenizer; a Form XObject shared by pages is
read once), about a millisecond for a page of text.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pikepdf
from pikepdf import Dictionary, Name, Stream

Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
EVERYWHERE: Box = (-1e9, -1e9, 1e9, 1e9)
GLYPH_WIDTH = 0.62  # of the font size: a generous average width of a glyph
MAX_DEPTH = 12  # Form XObjects within Form XObjects
MAX_BOXES = 20_000  # past this, the page is called busy everywhere (see ``extents``)


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF's row-vector order: a point goes through ``m`` first)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def transform_box(box: Box, m: Matrix) -> Box:
    x0, y0, x1, y1 = box
    a, b, c, d, e, f = m
    xs = [a * x + c * y + e for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
    ys = [b * x + d * y + f for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
    return min(xs), min(ys), max(xs), max(ys)


def intersect(a: Box, b: Box) -> Box | None:
    box = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    return box if box[0] < box[2] and box[1] < box[3] else None


def _numbers(operands: list[Any]) -> list[float]:
    out = []
    for value in operands:
        try:
            out.append(float(value))
        except (TypeError, ValueError):
            return []
    return out


def _white(operands: list[Any]) -> bool:
    values = _numbers(operands)
    if len(values) != len(operands) or not values:
        return False  # a pattern, or nonsense
    if len(values) == 4:
        return all(v <= 0.0 for v in values)  # CMYK: no ink
    return all(v >= 1.0 for v in values)


class _State:
    __slots__ = ("clip", "ctm", "fill_white", "line", "stroke_white")

    def __init__(self, ctm: Matrix, clip: Box) -> None:
        self.ctm = ctm
        self.clip = clip
        self.fill_white = False
        self.stroke_white = False
        self.line = 1.0

    def copy(self) -> _State:
        other = _State(self.ctm, self.clip)
        other.fill_white, other.stroke_white, other.line = self.fill_white, self.stroke_white, self.line
        return other


class Extents:
    """Reads pages and Form XObjects of one PDF, remembering each form's boxes in its own space."""

    def __init__(self) -> None:
        self._forms: dict[tuple[int, int], list[Box]] = {}

    def page_boxes(self, page: Dictionary) -> list[Box]:
        """Boxes the page paints into, in its user space (the whole plane when unreadable)."""
        try:
            instructions = pikepdf.parse_content_stream(page)
        except (pikepdf.PdfError, RuntimeError, TypeError, ValueError):
            return [EVERYWHERE]
        resources = page.get(Name.Resources)
        return self._read(instructions, resources if isinstance(resources, Dictionary) else Dictionary(), 0)

    def _form(self, form: Stream, depth: int) -> list[Box]:
        key = form.objgen
        if key != (0, 0) and key in self._forms:
            return self._forms[key]
        self._forms[key] = [EVERYWHERE]  # a form drawing itself: busy
        try:
            instructions = pikepdf.parse_content_stream(form)
            resources = form.get(Name.Resources)
            boxes = self._read(instructions, resources if isinstance(resources, Dictionary) else Dictionary(),
                               depth + 1)
        except (pikepdf.PdfError, RuntimeError, TypeError, ValueError):
            boxes = [EVERYWHERE]
        bbox = _numbers(list(form.get(Name.BBox, [])))
        if len(bbox) == 4:
            limit = (min(bbox[0], bbox[2]), min(bbox[1], bbox[3]), max(bbox[0], bbox[2]), max(bbox[1], bbox[3]))
            boxes = [b for b in (intersect(box, limit) for box in boxes) if b is not None]
        self._forms[key] = boxes
        return boxes

    def _read(self, instructions: list[Any], resources: Dictionary, depth: int) -> list[Box]:
        boxes: list[Box] = []
        state = _State(IDENTITY, EVERYWHERE)
        stack: list[_State] = []
        path: list[float] = []  # x0, y0, x1, y1 of the current path, in user space
        clip_next = False
        tm = tlm = IDENTITY
        size, leading, scale, rise, mode, two_bytes = 0.0, 0.0, 1.0, 0.0, 0, False
        fonts = resources.get(Name.Font)
        xobjects = resources.get(Name.XObject)

        def add(box: Box) -> None:
            clipped = intersect(box, state.clip)
            if clipped is not None:
                boxes.append(clipped)

        def point(x: float, y: float) -> None:
            a, b, c, d, e, f = state.ctm
            px, py = a * x + c * y + e, b * x + d * y + f
            if path:
                path[0], path[1] = min(path[0], px), min(path[1], py)
                path[2], path[3] = max(path[2], px), max(path[3], py)
            else:
                path.extend((px, py, px, py))

        def show(glyphs: float, shift: float) -> None:
            nonlocal tm
            width = (glyphs * GLYPH_WIDTH * size - shift * size / 1000.0) * scale
            if mode not in (3, 7) and not (state.fill_white and mode in (0, 4)) and glyphs:
                box = (min(0.0, width), -0.3 * abs(size) + rise, max(0.0, width), abs(size) + rise)
                add(transform_box(box, multiply(tm, state.ctm)))
            tm = multiply((1.0, 0.0, 0.0, 1.0, width, 0.0), tm)

        def count(value: Any) -> float:
            raw = bytes(value)
            return len(raw) / 2 if two_bytes else float(len(raw))

        for instruction in instructions:
            op = str(instruction.operator)
            operands = list(instruction.operands)
            if len(boxes) > MAX_BOXES:
                return [EVERYWHERE]
            if op in ("Tj", "'", '"'):
                if op != "Tj":
                    tlm = multiply((1.0, 0.0, 0.0, 1.0, 0.0, -leading), tlm)
                    tm = tlm
                if operands and isinstance(operands[-1], pikepdf.String):
                    show(count(operands[-1]), 0.0)
            elif op == "TJ":
                if operands and isinstance(operands[0], pikepdf.Array):
                    glyphs, shift = 0.0, 0.0
                    for item in operands[0]:
                        if isinstance(item, pikepdf.String):
                            glyphs += count(item)
                        else:
                            with contextlib.suppress(TypeError, ValueError):
                                shift += float(item)
                    show(glyphs, shift)
            elif op in ("m", "l"):
                values = _numbers(operands)
                if len(values) == 2:
                    point(*values)
            elif op in ("c", "v", "y"):
                values = _numbers(operands)
                for i in range(0, len(values) - 1, 2):
                    point(values[i], values[i + 1])
            elif op == "re":
                values = _numbers(operands)
                if len(values) == 4:
                    x, y, w, h = values
                    point(x, y)
                    point(x + w, y + h)
            elif op in ("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"):
                if path:
                    box = (path[0], path[1], path[2], path[3])
                    stroked = op in ("S", "s", "B", "B*", "b", "b*") and not state.stroke_white
                    filled = op in ("f", "F", "f*", "B", "B*", "b", "b*") and not state.fill_white
                    if stroked or filled:
                        pad = max(state.line, 1.0) * max(abs(state.ctm[0]), abs(state.ctm[1]),
                                                         abs(state.ctm[2]), abs(state.ctm[3]), 0.01)
                        add((box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad))
                    if clip_next:
                        state.clip = intersect(state.clip, box) or (0.0, 0.0, 0.0, 0.0)
                path.clear()
                clip_next = False
            elif op in ("W", "W*"):
                clip_next = True
            elif op == "q":
                stack.append(state.copy())
            elif op == "Q":
                if stack:
                    state = stack.pop()
            elif op == "cm":
                values = _numbers(operands)
                if len(values) == 6:
                    state.ctm = multiply((values[0], values[1], values[2], values[3], values[4], values[5]),
                                         state.ctm)
            elif op == "w":
                values = _numbers(operands)
                if values:
                    state.line = abs(values[0])
            elif op in ("g", "rg", "k", "sc", "scn"):
                state.fill_white = _white(operands)
            elif op in ("G", "RG", "K", "SC", "SCN"):
                state.stroke_white = _white(operands)
            elif op == "cs":
                state.fill_white = False
            elif op == "CS":
                state.stroke_white = False
            elif op == "BT":
                tm = tlm = IDENTITY
            elif op == "Tf":
                values = _numbers(operands[1:])
                size = values[0] if values else 0.0
                font = fonts.get(operands[0]) if isinstance(fonts, Dictionary) and operands else None
                two_bytes = isinstance(font, Dictionary) and font.get(Name.Subtype) == Name.Type0
            elif op in ("Td", "TD"):
                values = _numbers(operands)
                if len(values) == 2:
                    if op == "TD":
                        leading = -values[1]
                    tlm = multiply((1.0, 0.0, 0.0, 1.0, values[0], values[1]), tlm)
                    tm = tlm
            elif op == "Tm":
                values = _numbers(operands)
                if len(values) == 6:
                    tm = tlm = (values[0], values[1], values[2], values[3], values[4], values[5])
            elif op == "T*":
                tlm = multiply((1.0, 0.0, 0.0, 1.0, 0.0, -leading), tlm)
                tm = tlm
            elif op == "TL":
                values = _numbers(operands)
                leading = values[0] if values else 0.0
            elif op == "Tz":
                values = _numbers(operands)
                scale = values[0] / 100.0 if values else 1.0
            elif op == "Ts":
                values = _numbers(operands)
                rise = values[0] if values else 0.0
            elif op == "Tr":
                values = _numbers(operands)
                mode = int(values[0]) if values else 0
            elif op == "INLINE IMAGE":
                add(transform_box((0.0, 0.0, 1.0, 1.0), state.ctm))
            elif op == "sh":
                add(state.clip)
            elif op == "Do":
                target = xobjects.get(operands[0]) if isinstance(xobjects, Dictionary) and operands else None
                if not isinstance(target, Stream):
                    continue
                kind = target.get(Name.Subtype)
                if kind == Name.Image:
                    add(transform_box((0.0, 0.0, 1.0, 1.0), state.ctm))
                elif kind == Name.Form:
                    if depth >= MAX_DEPTH:
                        add(state.clip)
                        continue
                    matrix = _numbers(list(target.get(Name.Matrix, [])))
                    ctm = multiply(tuple(matrix), state.ctm) if len(matrix) == 6 else state.ctm  # type: ignore[arg-type]
                    for box in self._form(target, depth):
                        add(transform_box(box, ctm) if box != EVERYWHERE else state.clip)
        return boxes
