"""What makes an exported PDF fat or non-standard, found by reading it back with pikepdf.

``problems(path)`` lists, in words, each of: two distinct font programs under one subset name (or
reportlab's ``AAAAAA+`` tag left), one font program embedded twice, an image wrapped in ASCII85,
a font a page names that nothing on it draws with.  ``drawn_text(path)`` is the text the pages
draw, decoded through each font's ToUnicode map, spaces as they are (pdftotext turns U+202F into
an ordinary space or drops it, which hides the very thing a test wants to see).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Collection
from pathlib import Path

import pikepdf
from pikepdf import Dictionary, Name, Stream

_TAGGED = re.compile(r"^/([A-Z]{6})\+")
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def _forms(resources: Dictionary, seen: set[tuple[int, int]]):
    """(resources, content stream) of each form a resources dictionary names, depth first."""
    xobjects = resources.get(Name.XObject)
    if not isinstance(xobjects, Dictionary):
        return
    for key in list(xobjects.keys()):
        form = xobjects[key]
        if isinstance(form, Stream) and form.get(Name.Subtype) == Name.Form and form.objgen not in seen:
            seen.add(form.objgen)
            inner = form.get(Name.Resources)
            yield key, form, inner if isinstance(inner, Dictionary) else Dictionary()
            if isinstance(inner, Dictionary):
                yield from _forms(inner, seen)


def _fonts_used(content: object) -> set[str]:
    """The fonts some text is shown in (selecting a font and showing nothing in it is no use)."""
    used, current = set(), None
    for op in pikepdf.parse_content_stream(content):
        operator = str(op.operator)
        if operator == "Tf":
            current = str(op.operands[0])
        elif operator in ("Tj", "TJ", "'", '"') and current is not None:
            used.add(current)
    return used


def unused_fonts(pdf: pikepdf.Pdf) -> list[tuple[str, str, int]]:
    """("/F3", "/Helvetica", 22: a page drawing with it) for each font a resources dictionary names that none of the pages
    or forms drawing with that dictionary selects (reportlab shares one dictionary between the
    pages of a document: a font counts as used when any of them draws with it)."""
    used: dict[tuple[int, int], set[str]] = defaultdict(set)
    where: dict[tuple[int, int], tuple[Dictionary, int]] = {}
    seen: set[tuple[int, int]] = set()
    for number, page in enumerate(pdf.pages, 1):
        resources = page.obj.get(Name.Resources)
        if not isinstance(resources, Dictionary):
            continue
        drawings = [(resources, page)] + [(inner, form) for _, form, inner in _forms(resources, seen)]
        for res, content in drawings:
            fonts = res.get(Name.Font)
            if not isinstance(fonts, Dictionary):
                continue
            key = fonts.objgen if fonts.is_indirect else (-number, id(content) % 100000)
            where.setdefault(key, (fonts, number))
            used[key] |= _fonts_used(content)
    return [(name, str(fonts[name].get(Name.BaseFont)), number)
            for key, (fonts, number) in where.items() for name in list(fonts.keys()) if name not in used[key]]


def problems(path: Path, skip_unused_on: Collection[int] = ()) -> list[str]:
    """Everything wrong, in words; ``skip_unused_on``: pages (from 1) copied from PDF exhibits,
    whose unused fonts are theirs and go in as they are."""
    found = []
    with pikepdf.open(path) as pdf:
        programs: dict[str, set[str]] = defaultdict(set)
        copies: dict[str, int] = defaultdict(int)
        for obj in pdf.objects:
            if not isinstance(obj, Dictionary | Stream):
                continue
            if obj.get(Name.Type) == Name.FontDescriptor:
                for key in (Name.FontFile, Name.FontFile2, Name.FontFile3):
                    program = obj.get(key)
                    if isinstance(program, Stream):
                        digest = hashlib.sha256(program.read_bytes()).hexdigest()
                        programs[str(obj.get(Name.FontName))].add(digest)
                        copies[digest] += 1
            if isinstance(obj, Stream) and obj.get(Name.Subtype) == Name.Image:
                filters = obj.get(Name.Filter)
                names = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) else [str(filters)]
                if "/ASCII85Decode" in names or "/A85" in names:
                    found.append(f"image wrapped in ASCII85: {names}")
        for name, digests in sorted(programs.items()):
            tag = _TAGGED.match(name)
            if tag and len(digests) > 1:
                found.append(f"{len(digests)} distinct font programs named {name}")
            if tag and tag.group(1) == "AAAAAA":
                found.append(f"reportlab's default subset tag left: {name}")
        found += [f"font program embedded {count} times" for count in copies.values() if count > 1]
        found += [f"unused font: {name} ({base}), page {page}" for name, base, page in unused_fonts(pdf)
                  if page not in skip_unused_on]
    return found


def _unicode_map(font: Dictionary) -> dict[int, str]:
    cmap = font.get(Name.ToUnicode)
    if not isinstance(cmap, Stream):
        return {}
    mapping = {}
    blocks = re.findall(rb"beginbfchar(.*?)endbfchar", cmap.read_bytes(), re.DOTALL)
    for code, text in (pair for block in blocks for pair in _BFCHAR.findall(block)):
        mapping[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    return mapping


def drawn_text(path: Path, pages: Collection[int] | None = None) -> str:
    """Each page's shown strings (of ``pages`` only, from 0, if given), decoded with their font's
    ToUnicode map, one line per Tj/TJ."""
    lines = []
    with pikepdf.open(path) as pdf:
        for index, page in enumerate(pdf.pages):
            if pages is not None and index not in pages:
                continue
            resources = page.obj.get(Name.Resources)
            fonts = resources.get(Name.Font) if isinstance(resources, Dictionary) else None
            maps = {str(k): _unicode_map(fonts[k]) for k in list(fonts.keys())} if isinstance(fonts, Dictionary) else {}
            current: dict[int, str] = {}
            for op in pikepdf.parse_content_stream(page):
                operator = str(op.operator)
                if operator == "Tf":
                    current = maps.get(str(op.operands[0]), {})
                elif operator in ("Tj", "'", '"'):
                    lines.append("".join(current.get(b, chr(b)) for b in bytes(op.operands[-1])))
                elif operator == "TJ":
                    lines.append("".join(current.get(b, chr(b)) for item in op.operands[0]
                                         if isinstance(item, pikepdf.String) for b in bytes(item)))
    return "\n".join(lines)
