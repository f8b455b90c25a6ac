"""The manifest: which files the archive holds, with the SHA-256 and size of each.

It is read before anything else, and anything it does not list is an extra file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..domain import json_input
from ..domain.bounds import MAX_COUNT
from ..domain.errors import Problem
from ..domain.model import EVENT_KINDS
from ..i18n import _
from .layout import CASE_NAME, FORMAT, FORMAT_PREFIX, name_problem

SHA256 = re.compile(r"^[0-9a-f]{64}$")
MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9.+-]{0,63}/[a-z0-9][a-z0-9.+-]{0,63}$")
_REQUIRED = ("name", "sha256", "size")
# What the interchange format does not carry but the store knows of an exhibit; kept so
# that a restored case is the archived one, not a re-imported approximation.
_OPTIONAL = ("media_type", "pages", "suggested_kind")


@dataclass(frozen=True)
class Entry:
    name: str
    sha256: str
    size: int
    media_type: str | None = None
    pages: int | None = None
    suggested_kind: str | None = None


class UnknownFormat(Exception):
    """Not a manifest this program can read; the message says why, for a person."""


def encode(entries: list[Entry]) -> bytes:
    files = []
    for entry in entries:
        item: dict[str, Any] = {"name": entry.name, "sha256": entry.sha256, "size": entry.size}
        item.update({k: getattr(entry, k) for k in _OPTIONAL if getattr(entry, k) is not None})
        files.append(item)
    return (json.dumps({"format": FORMAT, "files": files}, ensure_ascii=False, indent=1, sort_keys=True)
            + "\n").encode("utf-8")


def decode(data: bytes) -> tuple[list[Entry], list[Problem]]:
    """The entries of a manifest and every problem found in it; ``UnknownFormat`` first."""
    try:
        doc = json_input.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, json_input.TooDeep) as exc:
        raise UnknownFormat(_("son manifeste est illisible")) from exc
    fmt = doc.get("format") if isinstance(doc, dict) else None
    if not isinstance(fmt, str) or not fmt.startswith(FORMAT_PREFIX):
        raise UnknownFormat(_("ce n'est pas une archive Dossier"))
    if fmt != FORMAT:
        raise UnknownFormat(_("format « {fmt} » inconnu (ce programme lit « {FORMAT} ») : installez la dernière version de Dossier").format(fmt=fmt, FORMAT=FORMAT))
    problems: list[Problem] = []
    extra = sorted(set(doc) - {"format", "files"})
    if extra:
        problems.append(Problem(f"manifest.{extra[0]}", _("clé inconnue")))
    files = doc.get("files")
    if not isinstance(files, list):
        return [], [*problems, Problem("manifest.files", _("une liste est attendue"))]
    entries: list[Entry] = []
    seen: set[str] = set()
    for i, item in enumerate(files):
        entry = _entry(f"manifest.files[{i}]", item, problems)
        if entry is None:
            continue
        if entry.name in seen:
            problems.append(Problem(entry.name, _("listé deux fois dans le manifeste")))
            continue
        seen.add(entry.name)
        entries.append(entry)
    if CASE_NAME not in seen:
        problems.append(Problem(CASE_NAME, _("absent du manifeste")))
    return entries, problems


def _entry(path: str, item: Any, problems: list[Problem]) -> Entry | None:
    if not isinstance(item, dict) or not all(k in item for k in _REQUIRED):
        problems.append(Problem(path, _("nom, empreinte et taille sont attendus")))
        return None
    unknown = sorted(set(item) - {*_REQUIRED, *_OPTIONAL})
    name, sha, size = item["name"], item["sha256"], item["size"]
    wrong = (
        (unknown, _("clé inconnue « {key} »").format(key=unknown[0]) if unknown else ""),
        (not isinstance(name, str), _("nom invalide")),
        (not isinstance(sha, str) or not SHA256.match(sha), _("empreinte SHA-256 invalide")),
        (type(size) is not int or size < 0, _("taille invalide")),
        (not _media_type_ok(item.get("media_type")) or item.get("suggested_kind") not in (None, *EVENT_KINDS),
         _("type de pièce invalide")),
        (item.get("pages") is not None and (type(item["pages"]) is not int or not 0 <= item["pages"] <= MAX_COUNT),
         _("nombre de pages invalide")),
    )
    reasons = [reason for failed, reason in wrong if failed]
    if not reasons and (why := name_problem(name)):
        reasons.append(why)
    if reasons:
        label = name if isinstance(name, str) and name else path
        problems.extend(Problem(label, reason) for reason in reasons)
        return None
    return Entry(name, sha, size, item.get("media_type"), item.get("pages"), item.get("suggested_kind"))


def _media_type_ok(value: Any) -> bool:
    return value is None or (isinstance(value, str) and MEDIA_TYPE.match(value) is not None)
