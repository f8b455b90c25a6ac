"""A first title for an exhibit, which the user will usually keep: make it readable."""

from __future__ import annotations

import re
import unicodedata

_TOOL_PREFIX = re.compile(r"^(?:microsoft\s+(?:word|excel|powerpoint)\s*-\s*|untitled\s*-\s*)", re.IGNORECASE)
_EXTENSION = re.compile(r"\.(?:docx?|odt|rtf|xlsx?|ods|pptx?|pdf|txt|html?|jpe?g|png|tiff?)$", re.IGNORECASE)
_MEANINGLESS = re.compile(r"^(?:untitled|sans\s+titre|document\d*|doc\d*|titre|title|microsoft\s+word|"
                          r"[\d\s_.-]*|.*[/\\].*)$", re.IGNORECASE)
_MAX = 200
_SURROGATE = re.compile("[\ud800-\udfff]")


def tidy(text: str) -> str:
    """One line, composed accents (macOS writes them decomposed), no tool noise."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = " ".join(text.split())
    text = _EXTENSION.sub("", _TOOL_PREFIX.sub("", text)).strip(" -_.")
    return text[:_MAX].rstrip()


def from_metadata(text: str | None) -> str | None:
    """A title a program stored in the file, unless it is a placeholder or a path."""
    if not text:
        return None
    title = tidy(text)
    if not title or _MEANINGLESS.match(title):
        return None
    return title


def readable_name(name: str) -> str:
    """A file name as valid Unicode: bytes that were not UTF-8 (held by Python as lone surrogates,
    which SQLite and JSON cannot store) become U+FFFD."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte
        return _SURROGATE.sub("\ufffd", name)


def from_file_name(stem: str) -> str:
    """``facture_2016-12__Dupont`` → ``Facture 2016-12 Dupont``: underscores were spaces."""
    stem = readable_name(stem)
    title = tidy(stem.replace("_", " ")) or tidy(stem) or readable_name(stem)
    return title[:1].upper() + title[1:]
