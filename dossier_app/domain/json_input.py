"""JSON text from outside (a case file, an archive's case and manifest) read without trusting it.

``json.loads`` alone lets through what the rest of the program cannot hold or even survive:
nesting deep enough to exhaust the stack, integers of thousands of digits (or a ``ValueError``
past Python's 4 300), ``NaN`` and ``Infinity``, lone surrogates that no file or database can
store. Here each becomes a problem with its JSON path, collected like the codec's.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from ..i18n import _
from .bounds import MAX_COUNT, MAX_INT_DIGITS, MAX_JSON_DEPTH, text_problem
from .errors import Problem


class TooDeep(ValueError):
    """The text nests arrays and objects deeper than any document of ours."""

    def __init__(self) -> None:
        super().__init__(_("JSON imbriqué à plus de {MAX_JSON_DEPTH} niveaux : ce n'est pas un fichier Dossier").format(MAX_JSON_DEPTH=MAX_JSON_DEPTH))


@dataclass(frozen=True)
class Unusable:
    """A number as written in the file that no field may take; kept so the path can be named."""

    written: str
    why: str

    def __repr__(self) -> str:
        return self.written if len(self.written) <= 40 else f"{self.written[:12]}…"


# A string, possessive so it never backtracks; an unterminated one runs to the end (the JSON is
# invalid then, and ``json.loads`` says where).
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")


def depth_of(text: str) -> int:
    """How deep arrays and objects nest in ``text``, brackets inside strings ignored."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return 0
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    steps = accumulate(1 if c in "[{" else -1 for c in brackets)
    return max(steps, default=0)


def _int(written: str) -> int | Unusable:
    digits = len(written.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        return Unusable(written, _("nombre de {digits} chiffres : au plus {MAX_INT_DIGITS} sont admis").format(digits=digits, MAX_INT_DIGITS=MAX_INT_DIGITS))
    return int(written)


def _float(written: str) -> float | Unusable:
    value = float(written)
    if not math.isfinite(value):
        return Unusable(written, _("{item} : nombre hors limites").format(item=written[:20]))
    return value


def _constant(written: str) -> Unusable:
    return Unusable(written, _("{written} n'est pas un nombre admis en JSON").format(written=written))


def loads(text: str) -> Any:
    """``json.loads`` that cannot exhaust the stack nor give a value the program cannot hold:
    numbers it refuses come back as ``Unusable`` (``problems`` names them). ``TooDeep`` or
    ``json.JSONDecodeError`` when the text is not a document at all."""
    if depth_of(text) > MAX_JSON_DEPTH:
        raise TooDeep
    return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)


def join(path: str, key: str | int) -> str:
    """The JSON path of ``key`` inside ``path``, written as the codec writes them."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if not key.isprintable():  # a line break or an escape in a key must not break or drive the message
        key = ascii(key)
    return f"{path}.{key}" if path else key


def problems(doc: Any, path: str = "") -> list[Problem]:
    """Every value ``loads`` kept as ``Unusable``, every text that cannot be stored, every list past
    ``MAX_COUNT`` items, each with its path (depth is bounded by ``loads``, so recursion is safe)."""
    found: list[Problem] = []
    _walk(doc, path, found)
    return found


def _walk(node: Any, path: str, found: list[Problem]) -> None:
    if isinstance(node, Unusable):
        found.append(Problem(path, node.why))
    elif isinstance(node, str):
        why = text_problem(node)
        if why:
            found.append(Problem(path, why))
    elif isinstance(node, list):
        if len(node) > MAX_COUNT:
            found.append(Problem(path, _("{node_count} éléments : au plus {MAX_COUNT} sont admis").format(node_count=len(node), MAX_COUNT=MAX_COUNT)))
            return
        for i, item in enumerate(node):
            _walk(item, join(path, i), found)
    elif isinstance(node, dict):
        for key, value in node.items():
            where = join(path, key)
            why = text_problem(key)
            if why:
                found.append(Problem(where, why))
            _walk(value, where, found)
