"""What may not travel into a bundle counsel sends on, taken out of an exhibit before its pages are copied.

Spec "Faithfulness": JavaScript anywhere, launch, remote and embedded go-to, URI actions other than
http, https and mailto, file attachments, rich media, sound and movie are removed, however deeply
they are chained.  Rather than looking only where a viewer is known to run things from (a page's
/AA, a link's /A and its /Next…), every object a page brings along is looked at, so that an action
tucked under an unusual key, a form field, the catalogue reached from an annotation, or the end of a
10 000-long /Next chain goes too.  Of actions, an allow-list is kept: go-to within the document,
the four page-turning named actions, and http, https and mailto links.

The walk also protects the copy: qpdf copies a page's objects depth first, recursively, and a chain
of some 70 000 objects (a few MB of PDF) overflows the C stack and kills the process.  The walk
visits objects in qpdf's own order (dictionary keys sorted, each object expanded once, never into
another page nor the page tree), counts qpdf's levels of recursion, and empties any object first met
deeper than ``MAX_DEPTH``; no real document comes near it.  The walk itself is a loop, not a
recursion, and remembers what it has seen, so a cycle ends it.

It reads each object as qpdf writes it (``unparse``, one call into qpdf) and only goes through an
object key by key when that text names something to remove or it refers to something active: the
objects of a page are mostly numbers, fonts and images, and this keeps the walk cheap next to the
copy itself.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import cast

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream

MAX_DEPTH = 2_000

# Keys whose value is always taken out: triggers, scripts, embedded files and players, XFA forms
# (which carry scripts of their own).
DROPPED_KEYS = frozenset({"/AA", "/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/RichMediaContent",
                          "/RichMediaSettings", "/XFA", "/AlternatePresentations"})
# Every action type of ISO 32000-2 (12.6.4) and the extensions seen in the wild; /S of another
# kind of dictionary (page labels, transitions, borders, groups, masks) never takes these values.
ACTION_TYPES = frozenset({"/GoTo", "/GoToR", "/GoToE", "/GoToDp", "/Launch", "/Thread", "/URI", "/Sound",
                          "/Movie", "/Hide", "/Named", "/SubmitForm", "/ResetForm", "/ImportData",
                          "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView", "/JavaScript", "/ECMAScript",
                          "/RichMediaExecute"})
SAFE_NAMED = frozenset({"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"})
SAFE_SCHEMES = ("http://", "https://", "mailto:")
ACTIVE_ANNOTATIONS = frozenset({"/FileAttachment", "/RichMedia", "/Sound", "/Movie", "/Screen", "/3D"})
ACTIVE_TYPES = frozenset({"/EmbeddedFile", "/Sound", "/Movie", "/Rendition", "/MediaClip", "/RichMediaContent",
                          "/RichMediaExecute", "/3D"})

_END = rb"(?![^\s/\[\]()<>{}%])"  # where a name ends


def _names(names: frozenset[str] | set[str]) -> bytes:
    return b"|".join(re.escape(n[1:].encode()) for n in sorted(names))


# Anything in an object's text that may call for a closer look (a superset of what is removed).
_WORTH_A_LOOK = re.compile(
    rb"/(?:" + _names(DROPPED_KEYS) + rb")" + _END
    + rb"|/S\s*/(?:" + _names(ACTION_TYPES - {"/GoTo"}) + rb")" + _END
    + rb"|/Subtype\s*/(?:" + _names(ACTIVE_ANNOTATIONS) + rb")" + _END
    + rb"|/Type\s*/(?:Action|Pages|" + _names(ACTIVE_TYPES) + rb")" + _END)
_PAGE_TYPE = re.compile(rb"/Type\s*/Pages?" + _END)
# What matters of qpdf's text for the walk: nesting, references, and strings and names to skip.
_TOKENS = re.compile(rb"<<|>>|\[|\]|\((?:[^\\()]|\\.)*\)|<[^<>]*>|/[^\s/\[\]()<>{}%]*|(\d+) (\d+) R", re.DOTALL)
_REFERENCE = re.compile(rb"(?<![\d.])(\d+) (\d+) R" + _END)
_OPEN, _CLOSE, _PARENT_KEY = (b"<<", b"["), (b">>", b"]"), b"/Parent"
_S, _TYPE, _SUBTYPE, _URI, _N = Name.S, Name.Type, Name.Subtype, Name.URI, Name.N
_PAGE, _PAGES = Name.Page, Name.Pages


def safe_uri(value: object) -> bool:
    """Whether a link's target is a web page or an e-mail address, as a browser would read it."""
    if isinstance(value, pikepdf.String):
        raw = bytes(value)
        text = str(value) if raw.startswith((b"\xfe\xff", b"\xff\xfe")) else raw.decode("latin-1")
    elif isinstance(value, str):
        text = value
    else:
        return False
    # Browsers drop leading blanks and controls ("\x01javascript:" runs as a script): so does this.
    text = text.lstrip("".join(chr(c) for c in range(0x21))).lower()
    return text.startswith(SAFE_SCHEMES)


def _name(value: object) -> str:
    return str(value) if isinstance(value, Name) else ""


def is_active(value: object) -> bool:
    """Whether a dictionary or stream is something that runs, plays or carries a file."""
    if not isinstance(value, Dictionary | Stream):
        return False
    kind = _name(value.get(_TYPE))
    if kind in ACTIVE_TYPES:
        return True
    if _name(value.get(_SUBTYPE)) in ACTIVE_ANNOTATIONS:
        return True
    action = _name(value.get(_S))
    if action in ACTION_TYPES or kind == "/Action":
        if action == "/GoTo":
            return False
        if action == "/Named":
            return _name(value.get(_N)) not in SAFE_NAMED
        if action == "/URI":
            return not safe_uri(value.get(_URI))
        return True
    return False


def _text(obj: object) -> bytes:
    """The object as qpdf writes it, references left as ``N G R``; a stream by its dictionary."""
    if isinstance(obj, Stream):
        return obj.stream_dict.unparse(resolved=True)
    return obj.unparse(resolved=True)  # type: ignore[attr-defined,no-any-return]


def references(text: bytes, *, skip_parent: bool = False) -> list[tuple[tuple[int, int], int]]:
    """Each reference in ``text`` with its nesting level there, in the order qpdf's copy meets them."""
    if b" R" not in text:
        return []
    if not skip_parent and b"(" not in text and b"<" not in text.replace(b"<<", b""):
        # No string: every bracket is structure (qpdf writes a bracket inside a name as #5B).
        found: list[tuple[tuple[int, int], int]] = []
        level, start = 0, 0
        for match in _REFERENCE.finditer(text):
            end = match.start()
            level += (text.count(b"<<", start, end) + text.count(b"[", start, end)
                      - text.count(b">>", start, end) - text.count(b"]", start, end))
            start = end
            found.append(((int(match.group(1)), int(match.group(2))), level))
        return found
    found = []
    level = 0
    previous = b""
    for match in _TOKENS.finditer(text):
        token = match.group(0)
        if token in _OPEN:
            level += 1
        elif token in _CLOSE:
            level -= 1
        elif match.group(1) is not None and not (skip_parent and level == 1 and previous == _PARENT_KEY):
            found.append(((int(match.group(1)), int(match.group(2))), level))
        previous = token
    return found


_DICT, _ARRAY, _STREAM = pikepdf.ObjectType.dictionary, pikepdf.ObjectType.array, pikepdf.ObjectType.stream
_CONTAINERS = (_DICT, _ARRAY, _STREAM)
_Step = tuple[tuple[int, int], int]


class Sanitizer:
    """Cleans the pages of one open source PDF, page after page, before each is copied.

    One per source, like qpdf's own record of what it has already copied from that source: an
    object shared by several pages (fonts, a field) is looked at once.
    """

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self._pdf = pdf
        self.flattened = flatten_forms(pdf)  # form fields made part of their pages
        self._seen: set[tuple[int, int]] = set()
        self._active: set[tuple[int, int]] = set()
        self.removed = 0  # active things taken out
        self.cut = 0  # objects emptied for lying too deep

    def clean_page(self, page: Dictionary) -> int:
        """Take out of ``page`` and of all it brings along what is active; returns how many went."""
        before = self.removed
        inherit(page)
        seen, active, get_object = self._seen, self._active, self._pdf.get_object
        if page.is_indirect:
            seen.add(page.objgen)
        # Each frame: the references still to follow, the depth they sit at, the object holding
        # them, and whether one of them turned out active (the holder is then cleaned of it).
        stack: list[tuple[Iterator[_Step], int, object, list[bool]]] = [
            (iter(self._look_at(page, _text(page), top=True)), 0, page, [False])]
        while stack:
            pending, base, holder, holds_active = stack[-1]
            step = next(pending, None)
            if step is None:
                stack.pop()
                if holds_active[0]:
                    self._clean(holder, top=holder is page)
                continue
            og, level = step
            if og in active:
                holds_active[0] = True
                continue
            if og in seen:
                continue
            child = get_object(og)
            kind = getattr(child, "_type_code", None)
            if kind not in _CONTAINERS:
                continue
            text = child.stream_dict.unparse(resolved=True) if kind is _STREAM else child.unparse(resolved=True)
            if kind is not _ARRAY and _WORTH_A_LOOK.search(text):
                if is_active(child):
                    active.add(og)
                    holds_active[0] = True
                    continue
                if kind is _DICT and _PAGE_TYPE.search(text) and child.get(_TYPE) in (_PAGE, _PAGES):
                    continue  # another page is copied (and cleaned) as itself or not at all; the tree never
            depth = base + level
            seen.add(og)
            if depth >= MAX_DEPTH:
                _empty(cast("Dictionary | Array | Stream", child))  # its kind is one of _CONTAINERS
                self.cut += 1
                continue
            stack.append((iter(self._look_at(child, text)), depth + (1 if kind is _STREAM else 0), child,
                          [False]))
        return self.removed - before

    def _look_at(self, obj: object, text: bytes, *, top: bool = False) -> list[_Step]:
        """Clean ``obj``'s own entries when its text calls for it; the references it holds then."""
        if _WORTH_A_LOOK.search(text):
            self._clean(obj, top)
            text = _text(obj)
        return references(text, skip_parent=top)

    def _value_is_active(self, value: object) -> bool:
        if isinstance(value, Dictionary | Stream) and value.is_indirect:
            if value.objgen in self._active:
                return True
            if is_active(value):
                self._active.add(value.objgen)
                return True
            return False
        return is_active(value)

    def _clean(self, obj: object, top: bool) -> None:
        """Remove from ``obj`` and the direct objects inside it every active entry."""
        todo: list[object] = [obj]
        while todo:
            container = todo.pop()
            if isinstance(container, Dictionary | Stream):
                for key in sorted(container.keys()):
                    if top and container is obj and key == "/Parent":
                        continue
                    value = container.get(key)
                    if key in DROPPED_KEYS or self._value_is_active(value):
                        del container[key]
                        self.removed += 1
                    elif isinstance(value, Dictionary) and not value.is_indirect and value.get(_TYPE) == _PAGES:
                        del container[key]  # qpdf would not copy it; nothing would show it
                        self.cut += 1
                    elif isinstance(value, Dictionary | Array) and not value.is_indirect:
                        todo.append(value)
            elif isinstance(container, Array):
                for index in range(len(container) - 1, -1, -1):
                    value = container[index]
                    if self._value_is_active(value):
                        del container[index]
                        self.removed += 1
                    elif isinstance(value, Dictionary | Array) and not value.is_indirect:
                        todo.append(value)


INHERITED = (Name.MediaBox, Name.CropBox, Name.Resources, Name.Rotate)


def inherit(page: Dictionary) -> None:
    """Give the page the boxes, resources and rotation it inherits from the page tree.

    A page's copy leaves its /Parent behind, and with it what the page only inherits: a MediaBox
    or Resources held by the tree would be lost (a page of no size, text without its fonts).
    """
    missing = [key for key in INHERITED if key not in page]
    node = page.get(Name.Parent)
    hops = 0
    while missing and isinstance(node, Dictionary) and hops < 64:
        for key in list(missing):
            if key in node:
                page[key] = node[key]
                missing.remove(key)
        node = node.get(Name.Parent)
        hops += 1


def flatten_forms(pdf: pikepdf.Pdf) -> bool:
    """Form fields print with the values they show (spec "Faithfulness"): each field's appearance,
    made by qpdf where the value has none, is drawn into its page's content and the field goes.

    Only in a document with an interactive form; other annotations are left as they are.
    """
    form = pdf.Root.get(Name.AcroForm)
    if not isinstance(form, Dictionary) or not len(form.get(Name.Fields, Array())):
        return False
    with contextlib.suppress(pikepdf.PdfError, RuntimeError, ValueError, TypeError):
        pdf.generate_appearance_streams()  # else the fields keep the appearances they came with
    try:
        pdf.flatten_annotations("print")
    except (pikepdf.PdfError, RuntimeError, ValueError, TypeError):
        return False
    if Name.AcroForm in pdf.Root:
        del pdf.Root[Name.AcroForm]
    return True


def _empty(obj: Dictionary | Array | Stream) -> None:
    if isinstance(obj, Array):
        del obj[:]
        return
    for key in list(obj.keys()):
        del obj[key]
    if isinstance(obj, Stream):
        obj.write(b"")
