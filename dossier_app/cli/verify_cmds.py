"""``verify``: re-hash every stored exhibit; nothing is ever deleted, strays go to quarantine."""

from __future__ import annotations

import argparse

from ..i18n import _
from ..services import verify
from .context import Context


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("verify", help=_("vérifie l'empreinte de chaque pièce"))
    p.add_argument("case")
    p.set_defaults(func=verify_case)


def verify_case(ctx: Context, args: argparse.Namespace) -> int:
    result = verify.verification(ctx.store, ctx.case_id(args.case))
    for line in result.lines:
        ctx.out(line)
    return 0 if result.intact else 1
