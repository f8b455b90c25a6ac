"""E-mails saved as ``.eml``: headers, readable body and attached files, from any mess.

Mail in the wild has broken headers, bodies in Latin-1 labelled UTF-8 and charsets that
do not exist.  Nothing here raises on a bad message: what cannot be decoded is replaced,
what cannot be parsed is left empty.
"""

from __future__ import annotations

import email
import logging
import mimetypes
import re
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.header import decode_header, make_header
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
    return EmailContent("", "", "", None, "", "", data.decode("utf-8", errors="replace")[:BODY_CAP], ())


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
    date_header = _header(message, raw, "Date")
    parts = _Parts()
    parts.walk(message, 0)
    body = "\n\n".join(parts.plain) if parts.plain else "\n\n".join(html_to_text(h) for h in parts.html)
    if len(body) > BODY_CAP:
        body = body[:BODY_CAP] + "\n[…] " + _("texte coupé, trop long")
    return EmailContent(
        sender=_header(message, raw, "From"),
        to=_header(message, raw, "To"),
        cc=_header(message, raw, "Cc"),
        date=_parse_date(date_header),
        date_header=date_header,
        subject=_header(message, raw, "Subject"),
        body=body.strip(),
        attachments=tuple(parts.attachments),
    )


def _header(message: Message, raw: Message, name: str) -> str:
    try:
        value = message.get(name)
        return " ".join(str(value).split()) if value is not None else ""
    except Exception:  # the stdlib's header parser has crash bugs on hostile input
        pass
    try:
        value = raw.get(name)
        if value is None:
            return ""
        return " ".join(str(make_header(decode_header(str(value)))).split())
    except Exception:  # then show the header as it is written
        return " ".join(str(raw.get(name, "")).split())


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
        name = _filename(part)
        disposition = _disposition(part)
        data = _payload(part)
        if disposition != "attachment" and not name and ctype in ("text/plain", "text/html"):
            text = _decode(data, _charset(part))
            (self.plain if ctype == "text/plain" else self.html).append(text)
        elif data:
            self._attach(part, ctype, data, name)

    def _attach(self, part: Message, ctype: str, data: bytes, name: str | None = None) -> None:
        number = len(self.attachments) + 1
        if not name:
            extension = ".eml" if ctype == "message/rfc822" else (mimetypes.guess_extension(ctype) or ".bin")
            name = _("piece-jointe-{number}").format(number=number) + extension
        self.attachments.append(Attachment(name, ctype, data))


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
    """The declared charset if it works, else UTF-8, else Windows-1252 (which always does)."""
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (LookupError, ValueError):  # unknown charset, a name with a NUL, bytes that do not fit
            continue
    return data.decode("cp1252", errors="replace")


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

