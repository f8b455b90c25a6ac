"""Where a page draws something visible, read from its content stream (no rendering).

The stamper asks one question of each exhibit page: is the band where the stamp goes free? This
module answers with the boxes (in the page's user space) that the page paints into: images and
inline images (the unit square through the current matrix), filled or stroked paths (their
bounding box, a fill in white left out: many producers paint a white sheet under everything),
text (each shown string's box, its width estimated from the number of glyphs, since no font is
loaded), shadings (the clip) and Form XObjects (their own content, within their /BBox), all
limited by the clipping path's bounding box. It errs on the side of "something is there": a page
wrongly thought busy is scaled down a few percent; one wrongly thought free would lose a corner.

One pass over the content stream per page (a Form XObject shared by pages is read once): a
regular expression cuts the stream into instructions, runs of path segments, runs of colours and
TeX's "font, move, TJ" groups at C speed, and the loop reads each operand's text only when it
needs it (what it read of a TJ's array, a move or a run of colours is remembered by its text: TeX
repeats them).  Whatever that reader does not expect (an inline image, a comment between operands,
a malformed token) sends the page to the reader on pikepdf's tokenizer, which gives the same boxes,
four to five times more slowly.  About 2.5 ms for a dense page of mathematics and figures.
"""

from __future__ import annotations

import contextlib
import re
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


# The fast reader (``Extents._read_fast``): one regular expression splits a whole content stream
# into instructions (their operands' text and operator) at C speed; the loop then reads only the
# operands it needs, as text.  Anything it does not expect (an inline image, a comment or NUL
# between operands, a malformed token, an escaped name) raises ``_Fallback``: the page goes to the
# reader on pikepdf's tokenizer (``Extents._read``), slower, with the same answers.

# Names made once (``Name.X`` makes a new object each time).
_N_TYPE = Name.Type
_N_PAGE = Name.Page
_N_CONTENTS = Name.Contents
_N_RESOURCES = Name.Resources
_N_BBOX = Name.BBox
_N_FONT = Name.Font
_N_XOBJECT = Name.XObject
_N_SUBTYPE = Name.Subtype
_N_IMAGE = Name.Image
_N_FORM = Name.Form
_N_MATRIX = Name.Matrix
_N_TYPE0 = Name.Type0


class _Fallback(Exception):
    pass


_SPACE = rb"[\t\n\x0c\r ]"
_LEAD = rb"(?:[\x00\t\n\x0c\r ]++|%[^\r\n]*+)*+"  # before an instruction: white space, comments
_END = rb"(?=[\x00\t\n\x0c\r ()<>\[\]{}/%]|\Z)"
_NUMBERS = rb"[-+.\d\t\n\x0c\r ]++"  # numbers and the space between them, read by ``float`` later
_NAME = rb"/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*+"
_LIT = rb"\((?:[^\\()]++|\\[\s\S]|\((?:[^\\()]++|\\[\s\S])*+\))*+\)"
_HEX = rb"<[0-9A-Fa-f\t\n\x0c\r ]*+>"
_WORD = rb"(?:true|false|null)" + _END
_ARRAY = rb"\[(?:[^\]()<\[]++|" + _LIT + b"|" + _HEX + rb")*+\]"
_DICT_ITEM = rb"(?:[^<>()]++|" + _LIT + b"|" + _HEX + rb")"
_DICT = rb"<<(?:" + _DICT_ITEM + rb"|<<" + _DICT_ITEM + rb"*+>>)*+>>"
_OPERANDS = rb"(?:" + b"|".join((_NUMBERS, _NAME, _ARRAY, _LIT, _DICT, _HEX, _WORD)) + rb")*+"
_OPERATOR = rb"(?<![-+.\d])[A-Za-z'\"][^\x00\t\n\x0c\r ()<>\[\]{}/%]*+"  # "12Tf" is no number
# A run of path segments ("x y m x y l x1 y1 x2 y2 x3 y3 c ... h"), each with its right count of
# numbers: the run's numbers are its points, x and y in turn, read in one go.
_N = rb"[-+.\d]++" + _SPACE + rb"++"
_SEGMENT = (rb"(?:" + _N * 2 + rb"(?:[ml]|" + _N * 2 + rb"(?:[vy]|" + _N * 2 + rb"c))|h)" + _END
            + _SPACE + rb"*+")
_PATH_OPS = b"mlcvyh"
_N1 = rb"[-+.\d]++"
# Text as TeX writes it: a font, a move (Td or Tm), an array of strings and kerns (TJ), each of the
# first two optional, taken in one match.
_TEXT = (rb"(?:(" + _NAME + _SPACE + rb"++" + _N1 + _SPACE + rb"++)Tf" + _END + _SPACE + rb"*+)?"
         rb"(?:(" + _N1 + _SPACE + rb"++" + _N1 + _SPACE + rb"++)Td" + _END + _SPACE + rb"*+"
         rb"|((?:" + _N1 + _SPACE + rb"++){5}" + _N1 + _SPACE + rb"++)Tm" + _END + _SPACE + rb"*+)?"
         rb"\[((?:[^\]()<\[]++|" + _LIT + b"|" + _HEX + rb")*+)\]" + _SPACE + rb"*+TJ" + _END)
_COLOURS_RUN = rb"(?:(?:" + _N1 + _SPACE + rb"++){1,4}(?:[gGkK]|rg|RG)" + _END + _SPACE + rb"*+)++"
_PAINT = rb"(?:[SsfFBbn]|f\*|B\*|b\*)" + _END
# Each match: a path run, perhaps made a clip (W, W*) and painted; or colours set (g, rg, k, G,
# RG, K); or text; or operands and an operator; or anything else, not empty only where the stream
# is not what this reader understands.
_INSTRUCTION = re.compile(
    _LEAD + rb"(?:((?:" + _SEGMENT + rb")++)(?:(W\*?)" + _END + _SPACE + rb"*+)?(?:(" + _PAINT + rb")" + _SPACE
    + rb"*+)?|(" + _COLOURS_RUN + rb")|" + _TEXT + rb"|(" + _OPERANDS + rb")(" + _OPERATOR + rb")|([\s\S]))")
_COLOUR = re.compile(rb"((?:" + _N1 + _SPACE + rb"++){1,4})([gGkK]|rg|RG)")
_HEXES = re.compile(rb"<([0-9A-Fa-f\t\n\x0c\r ]*+)>")
_ESCAPE = re.compile(rb"\\(?:[0-7]{1,3}|\r\n|[\s\S])")
_STRINGS = re.compile(_LIT)
_LAST_STRING = re.compile(rb"(?:" + b"|".join((_NUMBERS, _NAME, _ARRAY, _LIT, _DICT, _HEX, _WORD)) + rb")*?("
                          + _LIT + b"|" + _HEX + rb")" + _SPACE + rb"*+")


def _floats(raw: bytes) -> list[float]:
    """The operands as numbers, or none at all when one is not a number (as ``_numbers``)."""
    try:
        return [float(v) for v in raw.split()]
    except ValueError:
        _no_booleans(raw)
        return []


def _no_booleans(raw: bytes) -> None:
    """``true`` and ``false`` are numbers to ``float`` after pikepdf (1 and 0): the slow reader."""
    if b"true" in raw or b"false" in raw:
        raise _Fallback


def _string_bytes(text: bytes) -> tuple[int, bytes]:
    """How many bytes the strings in ``text`` (a TJ's array, a string) hold, as pikepdf reads them,
    and what is left between them."""
    rest, strings = _STRINGS.subn(b" ", text)
    count = len(text) - len(rest) - strings
    if b"\\" in text:
        if b"\\" in rest:
            raise _Fallback
        escapes = _ESCAPE.findall(text)  # each one byte, none for a line's end
        count -= sum(map(len, escapes)) - len(escapes) + sum(1 for e in escapes if e[1:2] in b"\r\n")
    if b"\r" in text:
        raise _Fallback  # a literal string's line end, CR LF, is one byte: the slow reader
    if b"<" in rest:
        count += sum((len(h.translate(None, b" \t\n\x0c")) + 1) // 2 for h in _HEXES.findall(rest))
        rest = _HEXES.sub(b" ", rest)
    return count, rest


def _text_array(array: bytes) -> tuple[float, float, float]:
    """A TJ's array (inside its brackets): its glyphs (one byte a glyph, two bytes a glyph) and the
    sum of its numbers."""
    if b"\\" in array or b"<" in array or b"\r" in array:
        count, rest = _string_bytes(array)
    else:
        rest, strings = _STRINGS.subn(b" ", array)
        count = len(array) - len(rest) - strings
    return float(count), count / 2, sum(map(float, rest.split()))  # a plain left-to-right sum in 3.11


def _colour_run(run: bytes) -> tuple[bool | None, bool | None]:
    """Whether the fill and the stroke colours a run of colour operators leaves are no ink (None: not set)."""
    fill: bool | None = None
    stroke: bool | None = None
    for operands, op in reversed(_COLOUR.findall(run)):  # the last of each counts
        if _COLOURS[op]:
            if fill is None:
                fill = _white_text(operands)
        elif stroke is None:
            stroke = _white_text(operands)
    return fill, stroke


def _pair(raw: bytes) -> tuple[float, float] | tuple[()]:
    """Two numbers, or none when the operands are not two numbers."""
    try:
        x, y = map(float, raw.split())
    except ValueError:
        _no_booleans(raw)
        return ()
    return x, y


def _content(obj: Stream | Dictionary) -> list[bytes]:
    """The decoded content of a page (its streams, each read on its own: an instruction cut in two
    by their boundary goes to the slow reader) or of a form."""
    if obj.get(_N_TYPE) == _N_PAGE:
        if isinstance(obj, Stream):
            raise _Fallback
    elif isinstance(obj, Stream):
        return [obj.read_bytes()]
    else:
        raise _Fallback
    contents = obj.get(_N_CONTENTS)
    if isinstance(contents, Stream):
        return [contents.read_bytes()]
    if isinstance(contents, pikepdf.Array):
        parts = []
        for part in contents:
            if not isinstance(part, Stream):
                raise _Fallback
            parts.append(part.read_bytes())
        return parts
    if contents is None:
        return []
    raise _Fallback


def _white_text(raw: bytes) -> bool:
    """``_white`` on the operands' text."""
    values = _floats(raw)
    if not values:
        return False  # a pattern, or nonsense
    if len(values) == 4:
        return all(v <= 0.0 for v in values)  # CMYK: no ink
    return all(v >= 1.0 for v in values)


_COLOURS = {b"g": True, b"rg": True, b"k": True, b"sc": True, b"scn": True,
            b"G": False, b"RG": False, b"K": False, b"SC": False, b"SCN": False}  # fill or stroke
_STROKES = (b"S", b"s", b"B", b"B*", b"b", b"b*")
_FILLS = (b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*")
_PAINTS = {op: (op in _STROKES, op in _FILLS) for op in (*_STROKES, *_FILLS, b"n")}
_TEXT_STATE = frozenset((b"TL", b"Tz", b"Ts", b"Tr"))
_MEMORY = 200_000  # texts and moves remembered by one ``Extents``, at most
_PATH_SEGMENTS = frozenset((b"m", b"l", b"c", b"v", b"y", b"re"))


def _name(token: bytes) -> Name:
    """A name operand's text as a ``Name`` (an escaped or odd one: the slow reader)."""
    if token[:1] != b"/" or b"/" in token[1:] or b"#" in token:
        raise _Fallback
    return Name(token.decode("ascii"))


class Extents:
    """Reads pages and Form XObjects of one PDF, remembering each form's boxes in its own space."""

    def __init__(self) -> None:
        self._forms: dict[tuple[int, int], list[Box]] = {}
        # What the fast reader read of a TJ's array (its strings' bytes, its kerns' sum) and of a
        # Td's operands, by their text: TeX writes the same few thousand again and again.
        self._texts: dict[bytes, tuple[float, float, float]] = {}
        self._moves: dict[bytes, tuple[float, float] | tuple[()]] = {}
        self._colours: dict[bytes, tuple[bool | None, bool | None]] = {}  # colours set: no ink (fill, stroke)

    def page_boxes(self, page: Dictionary) -> list[Box]:
        """Boxes the page paints into, in its user space (the whole plane when unreadable)."""
        resources = page.get(_N_RESOURCES)
        resources = resources if isinstance(resources, Dictionary) else Dictionary()
        with contextlib.suppress(Exception):  # whatever the fast reader trips on, the slow one decides
            return self._read_fast(_content(page), resources, 0)
        try:
            return self._read(pikepdf.parse_content_stream(page), resources, 0)
        except Exception:  # unreadable ("12Tf", a broken inline image, qpdf's own IndexError): busy
            return [EVERYWHERE]

    def _form(self, form: Stream, depth: int) -> list[Box]:
        key = form.objgen
        if key != (0, 0) and key in self._forms:
            return self._forms[key]
        self._forms[key] = [EVERYWHERE]  # a form drawing itself: busy
        resources = form.get(_N_RESOURCES)
        resources = resources if isinstance(resources, Dictionary) else Dictionary()
        try:
            boxes = self._read_fast(_content(form), resources, depth + 1)
        except Exception:  # whatever it is, the slow reader decides
            try:
                boxes = self._read(pikepdf.parse_content_stream(form), resources, depth + 1)
            except Exception:  # unreadable: busy
                boxes = [EVERYWHERE]
        bbox = _numbers(list(form.get(_N_BBOX, [])))
        if len(bbox) == 4:
            limit = (min(bbox[0], bbox[2]), min(bbox[1], bbox[3]), max(bbox[0], bbox[2]), max(bbox[1], bbox[3]))
            boxes = [b for b in (intersect(box, limit) for box in boxes) if b is not None]
        self._forms[key] = boxes
        return boxes

    def _read_fast(self, parts: list[bytes], resources: Dictionary, depth: int) -> list[Box]:
        """``_read`` on the stream's text, for the same boxes; raises ``_Fallback`` where unsure."""
        boxes: list[Box] = []
        append = boxes.append
        over = False  # more than MAX_BOXES
        ctm: Matrix = IDENTITY
        clip: Box = EVERYWHERE
        fill_white = stroke_white = False
        line = 1.0
        stack: list[tuple[Matrix, Box, bool, bool, float]] = []
        has_path = False
        px0 = py0 = px1 = py1 = 0.0
        clip_next = False
        tm = tlm = IDENTITY
        size, leading, scale, rise, mode, two_bytes = 0.0, 0.0, 1.0, 0.0, 0, False
        below, above = -0.3 * 0.0, 0.0  # -0.3·|size|, |size|
        invisible, filled_only = False, True  # the rendering mode (Tr) draws nothing; only fills
        fonts = resources.get(_N_FONT)
        xobjects = resources.get(_N_XOBJECT)
        font_settings: dict[bytes, tuple[float, bool, float, float]] = {}  # by a Tf's operands
        whites: dict[bytes, bool] = {}  # a colour's operands: no ink
        glyphs = shift = 0.0
        pad_ctm, pad_line, pad = None, 0.0, 0.0  # the last pad, for that matrix and line width
        texts, moves, colour_runs = self._texts, self._moves, self._colours
        if len(texts) > _MEMORY or len(moves) > _MEMORY or len(colour_runs) > _MEMORY:
            texts.clear()
            moves.clear()
            colour_runs.clear()
        for run, clips, paint, colours, font, move, place, array, raw, op, junk in (
                _INSTRUCTION.findall(parts[0]) if len(parts) == 1
                else [match for part in parts for match in _INSTRUCTION.findall(part)]):
            if over:
                return [EVERYWHERE]
            if run:
                values = list(map(float, run.translate(None, _PATH_OPS).split()))
                if values:  # not only closepaths (h)
                    xs, ys = values[0::2], values[1::2]
                    a, b, c, d, e, f = ctm
                    if b == 0.0 and c == 0.0:  # the extremes of the points are the points' extremes
                        lo, hi = min(xs), max(xs)
                        x0, x1 = (a * lo + e, a * hi + e) if a >= 0.0 else (a * hi + e, a * lo + e)
                        lo, hi = min(ys), max(ys)
                        y0, y1 = (d * lo + f, d * hi + f) if d >= 0.0 else (d * hi + f, d * lo + f)
                    else:
                        qxs = [a * x + c * y + e for x, y in zip(xs, ys, strict=True)]
                        qys = [b * x + d * y + f for x, y in zip(xs, ys, strict=True)]
                        x0, y0, x1, y1 = min(qxs), min(qys), max(qxs), max(qys)
                    if has_path:
                        px0, py0, px1, py1 = min(px0, x0), min(py0, y0), max(px1, x1), max(py1, y1)
                    else:
                        px0, py0, px1, py1 = x0, y0, x1, y1
                        has_path = True
                if clips:
                    clip_next = True
                if not paint:
                    continue
                op = paint
            elif colours:
                inks = colour_runs.get(colours)
                if inks is None:
                    inks = colour_runs[colours] = _colour_run(colours)
                if inks[0] is not None:
                    fill_white = inks[0]
                if inks[1] is not None:
                    stroke_white = inks[1]
                continue
            if op in _PAINTS:
                if has_path:
                    box = (px0, py0, px1, py1)
                    stroked, filled = _PAINTS[op]
                    if (stroked and not stroke_white) or (filled and not fill_white):
                        if ctm is not pad_ctm or line != pad_line:
                            pad_ctm, pad_line = ctm, line
                            pad = max(line, 1.0) * max(abs(ctm[0]), abs(ctm[1]), abs(ctm[2]), abs(ctm[3]), 0.01)
                        x0, y0, x1, y1 = px0 - pad, py0 - pad, px1 + pad, py1 + pad
                        k0, k1, k2, k3 = clip  # ``intersect``
                        if k0 > x0:
                            x0 = k0
                        if k1 > y0:
                            y0 = k1
                        if k2 < x1:
                            x1 = k2
                        if k3 < y1:
                            y1 = k3
                        if x0 < x1 and y0 < y1:
                            append((x0, y0, x1, y1))
                            over = len(boxes) > MAX_BOXES
                    if clip_next:
                        clip = intersect(clip, box) or (0.0, 0.0, 0.0, 0.0)
                has_path = False
                clip_next = False
                continue
            if not op:  # text (an empty array: no glyph, no move along the line), or what is not understood
                if junk:
                    raise _Fallback
                if font:
                    setting = font_settings.get(font)
                    if setting is None:
                        setting = font_settings[font] = self._font_setting(font, fonts)
                    size, two_bytes, below, above = setting
                if move:
                    pair = moves.get(move)
                    if pair is None:
                        pair = moves[move] = _pair(move)
                    if pair:
                        tx, ty = pair
                        a, b, c, d, e, f = tlm
                        tm = tlm = (a, b, c, d, tx * a + ty * c + e, tx * b + ty * d + f)
                elif place:
                    numbers = _floats(place)
                    if len(numbers) == 6:
                        tm = tlm = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
                if not array:
                    continue
                text = texts.get(array)
                if text is None:
                    text = texts[array] = _text_array(array)
                glyphs, halves, shift = text
                if two_bytes:
                    glyphs = halves
            elif op == b"q":
                stack.append((ctm, clip, fill_white, stroke_white, line))
                continue
            elif op == b"Q":
                if stack:
                    ctm, clip, fill_white, stroke_white, line = stack.pop()
                continue
            elif op == b"TJ":  # not an array of strings and numbers
                raise _Fallback
            elif op == b"Tf":
                setting = font_settings.get(raw)
                if setting is None:
                    setting = font_settings[raw] = self._font_setting(raw, fonts)
                size, two_bytes, below, above = setting
                continue
            elif op == b"Td" or op == b"TD":
                pair = moves.get(raw)
                if pair is None:
                    pair = moves[raw] = _pair(raw)
                if not pair:
                    continue
                tx, ty = pair
                if op == b"TD":
                    leading = -ty
                a, b, c, d, e, f = tlm
                tm = tlm = (a, b, c, d, tx * a + ty * c + e, tx * b + ty * d + f)
                continue
            elif (fill := _COLOURS.get(op)) is not None:
                white = whites.get(raw)
                if white is None:
                    white = whites[raw] = _white_text(raw)
                if fill:
                    fill_white = white
                else:
                    stroke_white = white
                continue
            elif op == b"Tj" or op == b"'" or op == b'"':
                if op != b"Tj":
                    a, b, c, d, e, f = tlm
                    tm = tlm = (a, b, c, d, -leading * c + e, -leading * d + f)
                found = _LAST_STRING.fullmatch(raw)
                if found is None:
                    continue
                count = _string_bytes(found.group(1))[0]
                glyphs, shift = (count / 2 if two_bytes else float(count)), 0.0
            elif op == b"Tm":
                numbers = _floats(raw)
                if len(numbers) == 6:
                    tm = tlm = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
                continue
            elif op == b"cm":
                numbers = _floats(raw)
                if len(numbers) == 6:
                    ctm = multiply((numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]), ctm)
                continue
            elif op == b"BT":
                tm = tlm = IDENTITY
                continue
            elif op in _PATH_SEGMENTS:  # one the path runs above did not take: a rectangle, an odd count
                numbers = _floats(raw)
                if op == b"re":
                    if len(numbers) != 4:
                        continue
                    x, y, w, h = numbers
                    numbers = [x, y, x + w, y + h]
                elif (op == b"m" or op == b"l") and len(numbers) != 2:
                    continue
                a, b, c, d, e, f = ctm
                for i in range(0, len(numbers) - 1, 2):
                    x, y = numbers[i], numbers[i + 1]
                    qx, qy = a * x + c * y + e, b * x + d * y + f
                    if has_path:
                        px0, py0 = min(px0, qx), min(py0, qy)
                        px1, py1 = max(px1, qx), max(py1, qy)
                    else:
                        px0 = px1 = qx
                        py0 = py1 = qy
                        has_path = True
                continue
            elif op == b"w":
                numbers = _floats(raw)
                if numbers:
                    line = abs(numbers[0])
                continue
            elif op == b"W" or op == b"W*":
                clip_next = True
                continue
            elif op == b"cs":
                fill_white = False
                continue
            elif op == b"CS":
                stroke_white = False
                continue
            elif op == b"T*":
                a, b, c, d, e, f = tlm
                tm = tlm = (a, b, c, d, -leading * c + e, -leading * d + f)
                continue
            elif op in _TEXT_STATE:
                numbers = _floats(raw)
                if op == b"TL":
                    leading = numbers[0] if numbers else 0.0
                elif op == b"Tz":
                    scale = numbers[0] / 100.0 if numbers else 1.0
                elif op == b"Ts":
                    rise = numbers[0] if numbers else 0.0
                else:
                    mode = int(numbers[0]) if numbers else 0
                    invisible, filled_only = mode in (3, 7), mode in (0, 4)
                continue
            elif op == b"sh":
                if clip[0] < clip[2] and clip[1] < clip[3]:
                    append(clip)
                    over = len(boxes) > MAX_BOXES
                continue
            elif op == b"Do":
                values = raw.split()
                if not values or not isinstance(xobjects, Dictionary):
                    continue
                target = xobjects.get(_name(values[0]))
                if len(values) != 1:
                    raise _Fallback
                if not isinstance(target, Stream):
                    continue
                kind = target.get(_N_SUBTYPE)
                found_boxes: list[Box | None] = []
                if kind == _N_IMAGE:
                    found_boxes = [intersect(transform_box((0.0, 0.0, 1.0, 1.0), ctm), clip)]
                elif kind == _N_FORM:
                    if depth >= MAX_DEPTH:
                        found_boxes = [intersect(clip, clip)]
                    else:
                        matrix = _numbers(list(target.get(_N_MATRIX, [])))
                        to_page = multiply(tuple(matrix), ctm) if len(matrix) == 6 else ctm  # type: ignore[arg-type]
                        found_boxes = [intersect(transform_box(box, to_page) if box != EVERYWHERE else clip, clip)
                                       for box in self._form(target, depth)]
                for found_box in found_boxes:
                    if found_box is not None:
                        append(found_box)
                over = len(boxes) > MAX_BOXES
                continue
            elif op == b"BI" or op == b"ID" or op == b"EI":
                raise _Fallback  # not understood here, or an inline image
            else:
                continue
            # A text-showing operator (glyphs and shift set above): ``show``.
            width = (glyphs * GLYPH_WIDTH * size - shift * size / 1000.0) * scale
            a, b, c, d, e, f = tm
            if glyphs and not invisible and not (fill_white and filled_only):
                y0, y1 = below + rise, above + rise
                x0, x1 = (0.0, width) if width >= 0.0 else (width, 0.0)
                ca, cb, cc, cd, ce, cf = ctm
                if b == 0.0 and c == 0.0 and cb == 0.0 and cc == 0.0:  # ``transform_box``, unturned
                    ma, md, me, mf = a * ca, d * cd, e * ca + ce, f * cd + cf
                    x0, x1 = (ma * x0 + me, ma * x1 + me) if ma >= 0.0 else (ma * x1 + me, ma * x0 + me)
                    y0, y1 = (md * y0 + mf, md * y1 + mf) if md >= 0.0 else (md * y1 + mf, md * y0 + mf)
                else:
                    x0, y0, x1, y1 = transform_box((x0, y0, x1, y1), multiply(tm, ctm))
                k0, k1, k2, k3 = clip  # ``intersect``
                if k0 > x0:
                    x0 = k0
                if k1 > y0:
                    y0 = k1
                if k2 < x1:
                    x1 = k2
                if k3 < y1:
                    y1 = k3
                if x0 < x1 and y0 < y1:
                    append((x0, y0, x1, y1))
                    over = len(boxes) > MAX_BOXES
            tm = (a, b, c, d, width * a + e, width * b + f)
        return boxes

    @staticmethod
    def _font_setting(raw: bytes, fonts: object) -> tuple[float, bool, float, float]:
        """A Tf's size, whether its font takes two bytes a glyph, and how far its glyphs reach
        below and above the baseline, from its operands' text."""
        values = raw.split()
        if not values:
            return 0.0, False, -0.3 * 0.0, 0.0
        numbers = _floats(b" ".join(values[1:]))
        font = fonts.get(_name(values[0])) if isinstance(fonts, Dictionary) else None
        size = numbers[0] if numbers else 0.0
        two_bytes = isinstance(font, Dictionary) and font.get(_N_SUBTYPE) == _N_TYPE0
        return size, two_bytes, -0.3 * abs(size), abs(size)

    def _read(self, instructions: list[Any], resources: Dictionary, depth: int) -> list[Box]:
        boxes: list[Box] = []
        state = _State(IDENTITY, EVERYWHERE)
        stack: list[_State] = []
        path: list[float] = []  # x0, y0, x1, y1 of the current path, in user space
        clip_next = False
        tm = tlm = IDENTITY
        size, leading, scale, rise, mode, two_bytes = 0.0, 0.0, 1.0, 0.0, 0, False
        fonts = resources.get(_N_FONT)
        xobjects = resources.get(_N_XOBJECT)

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
                two_bytes = isinstance(font, Dictionary) and font.get(_N_SUBTYPE) == _N_TYPE0
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
                kind = target.get(_N_SUBTYPE)
                if kind == _N_IMAGE:
                    add(transform_box((0.0, 0.0, 1.0, 1.0), state.ctm))
                elif kind == _N_FORM:
                    if depth >= MAX_DEPTH:
                        add(state.clip)
                        continue
                    matrix = _numbers(list(target.get(_N_MATRIX, [])))
                    ctm = multiply(tuple(matrix), state.ctm) if len(matrix) == 6 else state.ctm  # type: ignore[arg-type]
                    for box in self._form(target, depth):
                        add(transform_box(box, ctm) if box != EVERYWHERE else state.clip)
        return boxes
