"""JSON on the command line: a document named as an argument (a file, or ``-`` for the standard input),
and the one document a ``--json`` listing writes on stdout."""

from __future__ import annotations

import json
import sys
from typing import Any

from ..domain import json_input
from ..domain.errors import UserError
from ..i18n import _
from ..services.interchange import read_json
from .context import Context, path_arg


def read_json_arg(source: str) -> Any:
    """Read with ``json_input.loads``: numbers it cannot hold are kept for ``json_input.problems``."""
    if source == "-":
        try:
            return json_input.loads(sys.stdin.read())
        except json_input.TooDeep as exc:
            raise UserError(str(exc)) from exc
        except json.JSONDecodeError as exc:
            raise UserError(_("L'entrée n'est pas du JSON valide (ligne {lineno}, colonne {colno} : {msg}).").format(lineno=exc.lineno, colno=exc.colno, msg=exc.msg)) from exc
    return read_json(path_arg(source))


def write_json(ctx: Context, document: dict[str, Any]) -> None:
    """One document, amounts already as strings with two decimals and dates ISO."""
    ctx.out(json.dumps(document, ensure_ascii=False, indent=2))
