"""Writing a long bundle batch by batch, so that its pages are never all held at once.

qpdf keeps every object of the file it writes in memory until the save (about 3.5 KB per object:
a 10 000-page bundle took a gigabyte).  Here the pages go into small pikepdf documents, the
batches; each batch is saved by qpdf to a scratch file, its objects are renumbered into the
bundle as they are copied byte for byte (stream data is never decoded), and the batch is freed.
The page tree, the outline, the named destinations and the page labels, which point across
batches, are written last.

qpdf writes each object on its own, its dictionaries on one line and its strings with their
parentheses escaped, so that finding the references ``N G R`` to renumber is a matter of
skipping strings; a file that does not read that way is refused, never half copied.
"""

from __future__ import annotations

import hashlib
import mmap
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pikepdf

from .lean import version_key

# A literal string (qpdf escapes the parentheses inside), a hex string, a dictionary's brackets
# (so that "<<" is never read as a hex string) and a reference, in the order they must be tried.
_TOKENS = re.compile(
    rb"\((?:\\.|[^\\)])*\)|<<|>>|<[0-9A-Fa-f\s]*>|(?<![0-9A-Za-z.#_/+-])(\d+) (\d+) R(?![0-9A-Za-z_])", re.S)
_OBJ_HEAD = re.compile(rb"(\d+) (\d+) obj\n")
_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER_ROOT = re.compile(rb"/Root (\d+) 0 R")
_TRAILER_INFO = re.compile(rb"/Info (\d+) 0 R")
_PAGES = re.compile(rb"/Pages (\d+) 0 R")
_KIDS = re.compile(rb"/Kids \[([^\]]*)\]")
_STREAM = b"\nstream\n"
_HEADER_VERSION_AT = 5  # "%PDF-" then "1.7"


class NotQpdfLayout(ValueError):
    """A batch file did not read the way qpdf writes: nothing of it was copied."""


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    page: int  # index in the bundle
    children: tuple[OutlineEntry, ...] = ()


@dataclass
class _Batch:
    data: mmap.mmap
    spans: dict[int, tuple[int, int]]  # object number → (start of its body, end of its body)
    catalog: int
    pages_root: int
    kids: list[int] = field(default_factory=list)
    info: int | None = None


def pdf_text(text: str) -> bytes:
    """A text string as PDF writes it: UTF-16BE with its mark, in hex (no escaping to get wrong)."""
    return b"<feff" + text.encode("utf-16-be").hex().encode() + b">"


class BundleWriter:
    """A PDF written as it goes: ``add_batch`` for each batch of pages, then ``finish``."""

    def __init__(self, stream: BinaryIO, scratch: Path) -> None:
        """``scratch``: the file each batch is saved to on its way (beside the bundle), removed after."""
        self._out = stream
        self._scratch = scratch
        self._digest = hashlib.md5(usedforsecurity=False)
        self._offsets: list[int] = [0]
        self._position = 0
        self._version = "1.4"
        self._shared: dict[bytes, int] = {}
        self.pages: list[int] = []  # the bundle's page objects, in order
        self._write_raw(b"%PDF-1.4\n%\xbf\xf7\xa2\xfe\n")
        self.catalog = self.reserve()
        self.pages_root = self.reserve()
        self._batch_roots: list[int] = []

    # --- objects ---------------------------------------------------------------------------

    def reserve(self) -> int:
        self._offsets.append(-1)
        return len(self._offsets) - 1

    def _write_raw(self, data: bytes | memoryview) -> None:
        self._out.write(data)
        self._digest.update(data)
        self._position += len(data)

    def write_object(self, number: int, *body: bytes | memoryview) -> None:
        self._offsets[number] = self._position
        self._write_raw(b"%d 0 obj\n" % number)
        for piece in body:
            self._write_raw(piece)
        self._write_raw(b"\nendobj\n")

    # --- batches ---------------------------------------------------------------------------

    def add_batch(self, pdf: pikepdf.Pdf, min_version: str | None = None) -> None:
        """Copy the pages of ``pdf`` (a document with nothing but its pages) to the bundle;
        ``min_version``: the PDF version its content needs (the header gives the highest)."""
        for version in (pdf.pdf_version, min_version or "1.3"):
            if version_key(version) > version_key(self._version):
                self._version = version
        path = self._scratch
        pdf.save(path, object_stream_mode=pikepdf.ObjectStreamMode.disable, compress_streams=True,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none, deterministic_id=True)
        try:
            with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
                self._copy(_read_batch(data))
        finally:
            path.unlink(missing_ok=True)

    def _copy(self, batch: _Batch) -> None:
        mapping: dict[int, int] = {batch.catalog: self.catalog}
        bodies: dict[int, tuple[bytes, memoryview | None]] = {}
        view = memoryview(batch.data)
        for old, (start, end) in batch.spans.items():
            if old in (batch.catalog, batch.info):
                continue
            split = batch.data.find(_STREAM, start, end)
            if split < 0:
                bodies[old] = (bytes(view[start:end]), None)
                continue
            stream_end = batch.data.rfind(b"\nendstream", split, end)
            if stream_end < 0:
                raise NotQpdfLayout(f"object {old}: a stream without its end")
            head = bytes(view[start:split])
            data = view[split + len(_STREAM):stream_end]
            bodies[old] = (head, data)
            if not any(m.group(1) for m in _TOKENS.finditer(head)):
                # A stream that points at nothing (a font file, most images, an ICC profile) is the
                # same object wherever it comes from: the bundle holds it once.
                key = hashlib.sha256(head + b"\0" + data).digest()
                shared = self._shared.get(key)
                if shared is not None:
                    mapping[old] = shared
                    continue
                mapping[old] = self._shared[key] = self.reserve()
        for old in bodies:
            if old not in mapping:
                mapping[old] = self.reserve()

        def renumber(match: re.Match[bytes]) -> bytes:
            if match.group(1) is None:
                return match.group(0)
            new = mapping.get(int(match.group(1)))
            return b"null" if new is None else b"%d 0 R" % new

        written: set[int] = set()
        for old, (head, stream) in bodies.items():
            new = mapping[old]
            if new in written or self._offsets[new] >= 0:
                continue  # a shared stream already in the bundle
            written.add(new)
            text = _TOKENS.sub(renumber, head)
            if old == batch.pages_root:
                text = _with_parent(text, self.pages_root)
            if stream is None:
                self.write_object(new, text)
            else:
                self.write_object(new, text, _STREAM, stream, b"\nendstream")
        self._batch_roots.append(mapping[batch.pages_root])
        self.pages.extend(mapping[kid] for kid in batch.kids)

    # --- the end -----------------------------------------------------------------------------

    def finish(self, *, outline: Sequence[OutlineEntry] = (), dests: dict[str, tuple[int, float | None]] | None = None,
               labels: Iterable[tuple[int, bytes]] = (), catalog_extra: bytes = b"", info: bytes = b"") -> None:
        """The page tree, the outline, the named destinations, the labels, the catalog, the xref.

        ``dests``: name → (page index, top or None for the whole page); ``labels``: (page index,
        its label dictionary as PDF text); ``catalog_extra``: more entries of the catalog as PDF text.
        """
        kids = b" ".join(b"%d 0 R" % n for n in self._batch_roots)
        self.write_object(self.pages_root, b"<< /Type /Pages /Kids [ %s ] /Count %d >>" % (kids, len(self.pages)))
        entries = [b"/Type /Catalog", b"/Pages %d 0 R" % self.pages_root]
        if outline:
            entries.append(b"/Outlines %d 0 R" % self._write_outline(outline))
        if dests:
            names = b" ".join(pdf_text(name) + b" " + self._destination(*dests[name]) for name in sorted(
                dests, key=lambda name: name.encode("utf-16-be")))
            number = self.reserve()
            self.write_object(number, b"<< /Names [ %s ] >>" % names)
            entries.append(b"/Names << /Dests %d 0 R >>" % number)
        label_items = b" ".join(b"%d %s" % (page, text) for page, text in labels)
        if label_items:
            entries.append(b"/PageLabels << /Nums [ %s ] >>" % label_items)
        if catalog_extra:
            entries.append(catalog_extra)
        self.write_object(self.catalog, b"<< " + b" ".join(entries) + b" >>")
        info_number = None
        if info:
            info_number = self.reserve()
            self.write_object(info_number, info)
        xref_at = self._position
        lines = [b"xref\n0 %d\n" % len(self._offsets), b"0000000000 65535 f \n"]
        for number, offset in enumerate(self._offsets[1:], 1):
            if offset < 0:
                raise AssertionError(f"object {number} reserved and never written")
            lines.append(b"%010d 00000 n \n" % offset)
        self._write_raw(b"".join(lines))
        identity = self._digest.hexdigest().encode()
        trailer = b"trailer << /Size %d /Root %d 0 R" % (len(self._offsets), self.catalog)
        if info_number is not None:
            trailer += b" /Info %d 0 R" % info_number
        trailer += b" /ID [ <%s> <%s> ] >>\nstartxref\n%d\n%%%%EOF\n" % (identity, identity, xref_at)
        self._write_raw(trailer)
        wanted = self._version
        if version_key(wanted) < version_key("1.4"):
            wanted = "1.4"
        self._out.seek(_HEADER_VERSION_AT)
        self._out.write(wanted.encode()[:3])
        self._out.seek(0, 2)

    def _destination(self, page: int, top: float | None) -> bytes:
        if top is None:
            return b"[ %d 0 R /Fit ]" % self.pages[page]
        return b"[ %d 0 R /XYZ null %s null ]" % (self.pages[page], _real(top))

    def _write_outline(self, entries: Sequence[OutlineEntry]) -> int:
        root = self.reserve()
        first, last, count = self._write_items(entries, root)
        self.write_object(root, b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (first, last, count))
        return root

    def _write_items(self, entries: Sequence[OutlineEntry], parent: int) -> tuple[int, int, int]:
        numbers = [self.reserve() for _ in entries]
        visible = len(entries)
        for index, (entry, number) in enumerate(zip(entries, numbers, strict=True)):
            parts = [b"/Title " + pdf_text(entry.title), b"/Parent %d 0 R" % parent,
                     b"/Dest " + self._destination(entry.page, None)]
            if index > 0:
                parts.append(b"/Prev %d 0 R" % numbers[index - 1])
            if index + 1 < len(numbers):
                parts.append(b"/Next %d 0 R" % numbers[index + 1])
            if entry.children:
                first, last, count = self._write_items(entry.children, number)
                parts.append(b"/First %d 0 R /Last %d 0 R /Count %d" % (first, last, count))
                visible += count
            self.write_object(number, b"<< " + b" ".join(parts) + b" >>")
        return numbers[0], numbers[-1], visible


def _real(value: float) -> bytes:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return (text if text not in ("", "-0") else "0").encode()


def _with_parent(text: bytes, parent: int) -> bytes:
    if not text.startswith(b"<<"):
        raise NotQpdfLayout("the page tree's root is not a dictionary")
    return b"<< /Parent %d 0 R" % parent + text[2:]


def _read_batch(data: mmap.mmap) -> _Batch:
    tail = data[max(0, len(data) - 64):]
    found = _XREF.search(tail)
    if not found:
        raise NotQpdfLayout("no startxref")
    xref_at = int(found.group(1))
    if data[xref_at:xref_at + 5] != b"xref\n":
        raise NotQpdfLayout("not a classic cross-reference table")
    header_end = data.find(b"\n", xref_at + 5)
    first, count = (int(x) for x in data[xref_at + 5:header_end].split())
    if first != 0:
        raise NotQpdfLayout("the cross-reference table does not start at 0")
    offsets: list[tuple[int, int]] = []
    table = header_end + 1
    for number in range(1, count):
        entry = data[table + 20 * number: table + 20 * number + 20]
        if entry[17:18] == b"n":
            offsets.append((int(entry[:10]), number))
    trailer_at = table + 20 * count
    trailer = data[trailer_at: data.find(b"startxref", trailer_at)]
    root = _TRAILER_ROOT.search(trailer)
    if not root:
        raise NotQpdfLayout("no /Root in the trailer")
    offsets.sort()
    spans: dict[int, tuple[int, int]] = {}
    for index, (offset, number) in enumerate(offsets):
        end = offsets[index + 1][0] if index + 1 < len(offsets) else xref_at
        head = _OBJ_HEAD.match(data, offset)
        if not head or int(head.group(1)) != number:
            raise NotQpdfLayout(f"object {number} is not where the table says")
        close = data.rfind(b"\nendobj", head.end(), end)
        if close < 0:
            raise NotQpdfLayout(f"object {number} has no end")
        spans[number] = (head.end(), close)
    catalog = int(root.group(1))
    start, end = spans[catalog]
    pages = _PAGES.search(data[start:end])
    if not pages:
        raise NotQpdfLayout("the catalog has no page tree")
    pages_root = int(pages.group(1))
    start, end = spans[pages_root]
    kids_text = _KIDS.search(data[start:end])
    kids = [int(m.group(1)) for m in _TOKENS.finditer(kids_text.group(1)) if m.group(1)] if kids_text else []
    for kid in kids:
        kid_start, kid_end = spans[kid]
        if b"/Type /Pages" in data[kid_start:kid_end]:
            raise NotQpdfLayout("a nested page tree")
    info = _TRAILER_INFO.search(trailer)
    return _Batch(data, spans, catalog, pages_root, kids, int(info.group(1)) if info else None)
