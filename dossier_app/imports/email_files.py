"""E-mails saved as ``.eml``: headers, readable body and attached files, from any mess.

Mail in the wild has broken headers, bodies in Latin-1 labelled UTF-8, charsets that do not
exist and boundaries that never appear.  Nothing here raises on a bad message.  Text is read in
the charset it declares, else as UTF-8, else as Windows-1252 (Latin-1 for the five bytes
Windows-1252 leaves undefined): a byte that can be read is never a replacement character.  A
multipart body whose boundary is wrong is split at the boundary it really uses, else read as
text.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import email
import logging
import mimetypes
import re
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import Message
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

from ..i18n import _

log = logging.getLogger(__name__)

# A printed e-mail longer than this is a mailing-list dump, not a letter.
BODY_CAP = 1_000_000
_MAX_DEPTH = 20
# Parts inside parts, messages forwarded inside messages: a real thread is a few levels deep. The
# standard library's parser recurses once per level and gives up a few hundred levels down, so a
# message deeper than this is never handed to it.
MAX_NESTING = 50
_BOUNDARY = re.compile(rb"""boundary\s*=\s*(?:"([^"\r\n]*)"|([^\s;"]+))""", re.IGNORECASE)
_HEADER_LINE = re.compile(rb"^(?:content-type\s*:|[ \t])", re.IGNORECASE)
_MESSAGE_TYPE = re.compile(rb"^content-type\s*:\s*message/", re.IGNORECASE)
# An RFC 2047 encoded word: =?charset?Q?text?= or =?charset?B?text?= (charset*language allowed).
_ENCODED_WORD = re.compile(rb"=\?([^?\s*]+)(?:\*[^?\s]*)?\?([QqBb])\?([^?\s]*)\?=")
_QP_BYTE = re.compile(rb"=([0-9A-Fa-f]{2})")
# A line that opens a part: "--" and a boundary, alone on its line.
_PART_OPENING = re.compile(rb"^--([^\s]{1,200}?)\s*$")
_HEADER_FIELD = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*\s*:")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
# Charsets whose upper half is Windows-1252's or a subset of it: the 8-bit fallback reads them better.
_WESTERN = frozenset({"ascii", "latin_1", "cp1252", "iso8859_15", "utf_8"})


@dataclass(frozen=True)
class Attachment:
    name: str
    media_type: str
    data: bytes


@dataclass(frozen=True)
class EmailContent:
    sender: str
    to: str
    cc: str
    date: datetime | None
    date_header: str
    subject: str
    body: str
    attachments: tuple[Attachment, ...]

    def headers(self) -> dict[str, str]:
        """The headers a printed e-mail shows, in the order it shows them."""
        return {"From": self.sender, "To": self.to, "Cc": self.cc, "Date": self.date_header,
                "Subject": self.subject}


def read_email(source: Path | bytes) -> EmailContent:
    """Everything a dossier shows of an e-mail; never raises on a malformed message.

    A message nested deeper than ``MAX_NESTING`` is shown as its raw text, unparsed.
    """
    data = source if isinstance(source, bytes) else source.read_bytes()
    if nesting_depth(data) > MAX_NESTING:
        return _raw(data)
    try:
        return _read(data)
    except Exception:  # the last guard of "never raises": show the message as raw text
        log.info("e-mail parsed as raw text", exc_info=True)
        return _raw(data)


def _raw(data: bytes) -> EmailContent:
    return EmailContent("", "", "", None, "", "", _decode(data[:4 * BODY_CAP], None)[:BODY_CAP], ())


def nesting_depth(data: bytes, limit: int = MAX_NESTING) -> int:
    """How deep parts and forwarded messages sit inside each other, read line by line without
    parsing (so without recursion); counting stops once past ``limit``.

    Each open multipart (its boundary declared, not yet closed) is a level, and so is each
    ``message/*`` part opened inside the current part; a boundary line closes what it encloses.
    """
    boundaries: list[bytes] = []
    messages = [0]  # messages opened in the current part of each open multipart, outermost first
    deepest = 0
    for line in data.splitlines():
        if line.startswith(b"--") and boundaries:
            mark = line[2:].rstrip()
            closing = mark.endswith(b"--")
            for level in range(len(boundaries) - 1, -1, -1):
                if mark == boundaries[level] or (closing and mark[:-2] == boundaries[level]):
                    if closing and mark[:-2] == boundaries[level]:
                        del boundaries[level:]
                        del messages[level + 1:]
                    else:
                        del boundaries[level + 1:]
                        del messages[level + 1:]
                        messages.append(0)
                    break
            continue
        if not _HEADER_LINE.match(line):
            continue
        if _MESSAGE_TYPE.match(line):
            messages[-1] += 1
        found = _BOUNDARY.search(line)
        if found:
            boundaries.append(found.group(1) if found.group(1) is not None else found.group(2))
            messages.append(0)
        deepest = max(deepest, len(boundaries) + sum(messages))
        if deepest > limit:
            break
    return deepest


def _read(data: bytes) -> EmailContent:
    message = email.message_from_bytes(data, policy=policy.default)
    raw = email.message_from_bytes(data, policy=policy.compat32)
    hint = _charset(message)
    date_header = _header(message, raw, "Date", hint)
    parts = _Parts()
    parts.walk(message, 0)
    body = "\n\n".join(parts.plain) if parts.plain else "\n\n".join(html_to_text(h) for h in parts.html)
    if not body.strip() and not parts.attachments:
        # Nothing could be read as text or as a file: show what the message holds after its headers.
        body = _decode(_after_headers(data)[:4 * BODY_CAP], hint)
    if len(body) > BODY_CAP:
        body = body[:BODY_CAP] + "\n[…] " + _("texte coupé, trop long")
    return EmailContent(
        sender=_header(message, raw, "From", hint),
        to=_header(message, raw, "To", hint),
        cc=_header(message, raw, "Cc", hint),
        date=_parse_date(date_header),
        date_header=date_header,
        subject=_header(message, raw, "Subject", hint),
        body=body.strip(),
        attachments=tuple(parts.attachments),
    )


def _header(message: Message, raw: Message, name: str, hint: str | None = None) -> str:
    """A header as its sender wrote it, decoded: encoded words in their own charset, raw 8-bit
    bytes as UTF-8, else in the body's charset, else Windows-1252; one line, spaces collapsed."""
    try:
        written = _raw_header(raw, name)
        if written is None:
            return ""
        return " ".join(decode_header_bytes(written, hint).split())
    except Exception:  # the last guard: the standard library's own reading
        log.info("header %s read by the standard library", name, exc_info=True)
    try:
        value = message.get(name)
        return " ".join(str(value).split()) if value is not None else ""
    except Exception:  # the stdlib's header parser has crash bugs on hostile input
        return " ".join(str(raw.get(name, "")).split())


def _raw_header(raw: Message, name: str) -> bytes | None:
    """The bytes of the first ``name`` header as they are in the file (folding included)."""
    wanted = name.lower()
    for key, value in raw.raw_items():
        if key.lower() == wanted:
            text = str(value)
            try:
                return text.encode("ascii", "surrogateescape")
            except UnicodeEncodeError:  # not from bytes: it is already text
                return text.encode("utf-8", "surrogatepass")
    return None


def decode_header_bytes(data: bytes, hint: str | None = None) -> str:
    """A header's bytes as text. Encoded words (RFC 2047) are read in the charset they name,
    consecutive ones of one charset together (a character may straddle two), the blank between
    two of them dropped; the rest, and an encoded word whose charset is unknown or wrong, by
    ``decode_8bit`` (``hint``: the charset the message declares for its body)."""
    out: list[str] = []
    pending = b""  # the bytes of consecutive encoded words in one charset, not yet decoded
    pending_charset = ""
    position = 0
    for word in _ENCODED_WORD.finditer(data):
        between = data[position:word.start()]
        charset = word.group(1).decode("ascii", "replace").lower()
        joined = position > 0 and not between.strip()  # only a blank since the last encoded word
        if pending and not (joined and charset == pending_charset):
            out.append(_decode_word(pending, pending_charset, hint))
            pending = b""
        if not joined:
            out.append(decode_8bit(between, hint))
        pending += _word_bytes(word.group(2).upper(), word.group(3))
        pending_charset = charset
        position = word.end()
    if pending:
        out.append(_decode_word(pending, pending_charset, hint))
    out.append(decode_8bit(data[position:], hint))
    return "".join(out)


def _word_bytes(encoding: bytes, text: bytes) -> bytes:
    if encoding == b"B":
        try:
            return base64.b64decode(text + b"=" * (-len(text) % 4))
        except (binascii.Error, ValueError):  # not base64 after all: the word as written
            return b"=?" + text + b"?="
    return _QP_BYTE.sub(lambda m: bytes([int(m.group(1), 16)]), text.replace(b"_", b" "))


def _decode_word(data: bytes, charset: str, hint: str | None) -> str:
    try:
        return data.decode(charset)
    except (LookupError, ValueError):  # unknown-8bit, a misspelt name, or bytes of another charset
        return decode_8bit(data, hint)


def decode_8bit(data: bytes, hint: str | None = None) -> str:
    """Bytes whose charset is not said (or not true): ASCII as it is; else UTF-8 when they are
    UTF-8; else ``hint`` when it is a charset other than the Western ones; else UTF-8 where it
    reads and Windows-1252 elsewhere, Latin-1 for the five bytes Windows-1252 does not define.
    Never a replacement character."""
    if data.isascii():
        return data.decode("ascii")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if hint:
        try:
            if codecs.lookup(hint).name.replace("-", "_") not in _WESTERN:
                return data.decode(hint)
        except (LookupError, ValueError):  # unknown, or not that charset after all
            pass
    # UTF-8 where the bytes are UTF-8 (an emoji pasted into a Windows-1252 subject), the rest byte by byte.
    return data.decode("utf-8", errors=_WINDOWS_1252)


def _as_windows_1252(error: UnicodeError) -> tuple[str, int]:
    """The bytes UTF-8 could not read, in Windows-1252, or Latin-1 where it defines none."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    text = error.object[error.start:error.end].decode("cp1252", errors="surrogateescape")
    return re.sub("[\udc80-\udcff]", lambda m: chr(ord(m.group()) - 0xDC00), text), error.end


_WINDOWS_1252 = "dossier-windows-1252"
codecs.register_error(_WINDOWS_1252, _as_windows_1252)


def _after_headers(data: bytes) -> bytes:
    found = re.search(rb"\r?\n\r?\n", data)
    return data[found.end():] if found else b""


def _parse_date(text: str) -> datetime | None:
    if not text:
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


class _Parts:
    """Sorts the leaves of a MIME tree into body text and attached files."""

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.html: list[str] = []
        self.attachments: list[Attachment] = []

    def walk(self, part: Message, depth: int) -> None:
        if depth > _MAX_DEPTH:
            return
        try:
            ctype = part.get_content_type()
        except Exception:  # a header the parser chokes on
            ctype = "application/octet-stream"
        if ctype == "message/rfc822" and depth > 0:
            self._attach(part, ctype, _message_bytes(part))
            return
        if part.is_multipart():
            payload = part.get_payload()
            for sub in payload if isinstance(payload, list) else []:
                if isinstance(sub, Message):
                    self.walk(sub, depth + 1)
            return
        if ctype.startswith("multipart/"):
            self._recover(part, depth)
            return
        name = _filename(part)
        disposition = _disposition(part)
        data = _payload(part)
        if disposition != "attachment" and not name and ctype in ("text/plain", "text/html"):
            text = _decode(data, _charset(part))
            (self.plain if ctype == "text/plain" else self.html).append(text)
        elif data:
            self._attach(part, ctype, data, name)

    def _recover(self, part: Message, depth: int) -> None:
        """A multipart the parser could not split (its boundary never appears): split it at the
        boundary its parts really open with, else read all of it as text in its charset."""
        data = _payload(part)
        boundary = _real_boundary(data)
        if boundary is not None:
            again = email.message_from_bytes(
                b'Content-Type: multipart/mixed; boundary="' + boundary + b'"\n\n' + data, policy=policy.default)
            if again.is_multipart():
                self.walk(again, depth + 1)
                return
        charset = _charset(part)
        if charset is None:
            found = _CHARSET.search(data)
            charset = found.group(1).decode("ascii") if found else None
        if data.strip():
            self.plain.append(_decode(_without_part_headers(data), charset))

    def _attach(self, part: Message, ctype: str, data: bytes, name: str | None = None) -> None:
        number = len(self.attachments) + 1
        if not name:
            extension = ".eml" if ctype == "message/rfc822" else (mimetypes.guess_extension(ctype) or ".bin")
            name = _("piece-jointe-{number}").format(number=number) + extension
        self.attachments.append(Attachment(name, ctype, data))


def _real_boundary(data: bytes) -> bytes | None:
    """The boundary of the first line "--something" followed by a part's header fields."""
    lines = data.splitlines()
    for index, line in enumerate(lines[:2000]):
        found = _PART_OPENING.match(line)
        if found and index + 1 < len(lines) and _HEADER_FIELD.match(lines[index + 1]):
            boundary = found.group(1)
            return boundary[:-2] if boundary.endswith(b"--") else boundary
    return None


def _without_part_headers(data: bytes) -> bytes:
    """Text read whole when its parts could not be found: boundary lines and the parts' header
    fields left out, so that what shows is what the sender wrote."""
    kept: list[bytes] = []
    in_headers = False
    for line in data.splitlines():
        if line.startswith(b"--") and _PART_OPENING.match(line):
            in_headers = True
            continue
        if in_headers:
            if not line.strip():
                in_headers = False
                continue
            if _HEADER_FIELD.match(line) or line[:1] in (b" ", b"\t"):
                continue
            in_headers = False
        kept.append(line)
    return b"\n".join(kept)


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:  # malformed RFC 2231 parameters
        return None
    if not name:
        return None
    # The name is shown and may be used to save the file: no folders, no control characters.
    name = re.sub(r"[\x00-\x1f/\\]", "_", str(name)).strip(" .")
    return name[-150:] or None


def _disposition(part: Message) -> str | None:
    try:
        return part.get_content_disposition()
    except Exception:  # a header the parser chokes on
        return None


def _charset(part: Message) -> str | None:
    try:
        return part.get_content_charset()
    except Exception:  # a header the parser chokes on
        return None


def _payload(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:  # broken transfer encoding: keep what is there
        data = None
    if isinstance(data, bytes):
        return data
    payload = part.get_payload()
    return payload.encode("utf-8", errors="replace") if isinstance(payload, str) else b""


def _message_bytes(part: Message) -> bytes:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    if not isinstance(inner, Message):
        return _payload(part)
    try:
        return inner.as_bytes(policy=policy.compat32)
    except Exception:  # headers that cannot be written back as they came
        return _payload(part)


def _decode(data: bytes, charset: str | None) -> str:
    """The declared charset if it works, else ``decode_8bit`` (UTF-8, else Windows-1252, else
    Latin-1: it always works)."""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, ValueError):  # unknown charset, a name with a NUL, bytes that do not fit
            pass
    return decode_8bit(data)


class _HtmlText(HTMLParser):
    _BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                         "blockquote", "table", "hr", "pre", "ul", "ol"})
    _HIDDEN = frozenset({"script", "style", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self.hidden += 1
        elif tag in self._BLOCKS:
            self.out.append("\n")
        elif tag == "td":
            self.out.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self._BLOCKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.out.append(data)


def html_to_text(html: str) -> str:
    """Readable text of an HTML body: blocks on their own lines, scripts and styles dropped."""
    parser = _HtmlText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # HTMLParser is lenient, but not a guarantee
        pass
    lines = (" ".join(line.split()) for line in "".join(parser.out).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

