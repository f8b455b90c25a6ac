"""The last pass before a PDF is saved: one copy of each font subset, each with its own tag, and
the PDF version its content needs.

Each generated piece (the opening parts, an e-mail, a CSV table, a picture's caption, the stamps)
is drawn by its own reportlab document, which embeds its own DejaVu subsets and tags every one of
them ``AAAAAA+``: a bundle then holds the same subset many times over, and distinct subsets under
one name, which some viewers and preflight checkers take for one font.  Here identical fonts (the
same font program, widths, encoding and text mapping) become one shared object, identical font
programs one shared stream, and every reportlab subset (or any subset whose name is carried by
distinct programs) gets a tag made from its program's bytes: the same subset has the same tag in
any export, on any machine.

The version: a bundle made with ``pikepdf.new()`` says PDF-1.3 whatever its pages hold; the
version each source declared is noted as it is copied (``note_version``) and the highest one is
what ``finish`` returns for ``save(min_version=...)``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

import pikepdf
from pikepdf import Dictionary, Name, Stream

_TAGGED = re.compile(r"^/([A-Z]{6})\+(.+)$")
_REPORTLAB_TAG = "AAAAAA"
_VERSION = "_dossier_min_version"  # where note_version keeps the floor, on the Pdf itself
_FORM = Name.Form


def note_version(out: pikepdf.Pdf, version: str) -> None:
    """Remember that ``out`` holds content from a PDF of this version."""
    current = getattr(out, _VERSION, "1.3")
    if version_key(version) > version_key(current):
        setattr(out, _VERSION, version)


def finish(out: pikepdf.Pdf) -> str:
    """Share and tag the font subsets of ``out``; returns the version to save it with."""
    _share_fonts(out)
    noted: str = getattr(out, _VERSION, "1.3")
    return max(noted, out.pdf_version, key=version_key)


def version_key(version: str) -> tuple[int, ...]:
    """A PDF version as something to compare ("1.7" < "2.0"); an unreadable one counts as 1.3."""
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (1, 3)


def _font_resources(out: pikepdf.Pdf) -> Iterator[Dictionary]:
    """Every /Font dictionary of the pages' resources and of the forms they draw, once each."""
    seen: set[tuple[int, int]] = set()
    pending: list[Dictionary] = []
    for page in out.pages:
        resources = page.obj.get(Name.Resources)
        if isinstance(resources, Dictionary):
            pending.append(resources)
    while pending:
        resources = pending.pop()
        if resources.is_indirect:
            if resources.objgen in seen:
                continue
            seen.add(resources.objgen)
        fonts = resources.get(Name.Font)
        if isinstance(fonts, Dictionary) and not (fonts.is_indirect and fonts.objgen in seen):
            if fonts.is_indirect:
                seen.add(fonts.objgen)
            yield fonts
        xobjects = resources.get(Name.XObject)
        if not isinstance(xobjects, Dictionary):
            continue
        for key in list(xobjects.keys()):
            xobject = xobjects[key]
            if not isinstance(xobject, Stream) or xobject.get(Name.Subtype) != _FORM:
                continue
            if xobject.objgen in seen:
                continue
            seen.add(xobject.objgen)
            inner = xobject.get(Name.Resources)
            if isinstance(inner, Dictionary):
                pending.append(inner)


def _program(font: Dictionary) -> tuple[Dictionary, Stream] | None:
    """An embedded TrueType font's descriptor and program, if it has them."""
    if font.get(Name.Subtype) != Name.TrueType:
        return None
    descriptor = font.get(Name.FontDescriptor)
    if not isinstance(descriptor, Dictionary):
        return None
    program = descriptor.get(Name.FontFile2)
    if not isinstance(program, Stream):
        return None
    return descriptor, program


def _digest(stream: Stream) -> bytes:
    filters = stream.get(Name.Filter)
    head = filters.unparse(resolved=True) if filters is not None else b""
    return hashlib.sha256(head + b"\0" + stream.read_raw_bytes()).digest()


def _unparsed(value: object) -> bytes:
    if isinstance(value, Stream):
        return _digest(value)
    if isinstance(value, pikepdf.Object):
        return value.unparse(resolved=True)
    return repr(value).encode()


def _tag(digest: bytes) -> str:
    return "".join(chr(ord("A") + byte % 26) for byte in digest[:6])


def _share_fonts(out: pikepdf.Pdf) -> None:
    resources = list(_font_resources(out))
    canonical: dict[bytes, Dictionary] = {}  # a font's whole description → the one kept
    programs: dict[bytes, Stream] = {}  # a font program's bytes → the one kept
    replaced: dict[tuple[int, int], Dictionary] = {}
    names: dict[str, set[bytes]] = {}  # BaseFont → the programs carrying it
    fonts: list[tuple[Dictionary, Dictionary, bytes]] = []
    for table in resources:
        for key in list(table.keys()):
            font = table[key]
            if not isinstance(font, Dictionary) or not font.is_indirect:
                continue
            if font.objgen in replaced:
                table[key] = replaced[font.objgen]
                continue
            found = _program(font)
            if found is None:
                continue
            descriptor, program = found
            digest = _digest(program)
            shared = programs.setdefault(digest, program)
            if shared.objgen != program.objgen:
                descriptor[Name.FontFile2] = shared
            base = str(font.get(Name.BaseFont, ""))
            match = _TAGGED.match(base)
            untagged = match.group(2) if match else base
            identity = b"\0".join([digest, untagged.encode(), *(
                _unparsed(font.get(name)) for name in
                (Name.FirstChar, Name.LastChar, Name.Widths, Name.Encoding, Name.ToUnicode))])
            kept = canonical.setdefault(identity, font)
            replaced[font.objgen] = kept
            if kept.objgen != font.objgen:
                table[key] = kept
                continue
            names.setdefault(base, set()).add(digest)
            fonts.append((font, descriptor, digest))
    for font, descriptor, digest in fonts:
        base = str(font.get(Name.BaseFont, ""))
        match = _TAGGED.match(base)
        if match is None or (match.group(1) != _REPORTLAB_TAG and len(names[base]) == 1):
            continue
        name = Name(f"/{_tag(digest)}+{match.group(2)}")
        font[Name.BaseFont] = name
        if descriptor.get(Name.FontName) is not None:
            descriptor[Name.FontName] = name
