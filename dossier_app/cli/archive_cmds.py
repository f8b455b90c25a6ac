"""``archive``, ``restore``."""

from __future__ import annotations

import argparse

from ..i18n import _
from ..services import archive
from .context import Context, path_arg


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("archive", help=_("écrit une affaire et ses pièces dans un seul fichier .dossier"))
    p.add_argument("case")
    p.add_argument("-o", "--output", type=path_arg, required=True, metavar="FILE.dossier")
    p.set_defaults(func=archive_case)

    p = sub.add_parser("restore", help=_("recrée une affaire depuis une archive .dossier, après en avoir tout vérifié"))
    p.add_argument("file", type=path_arg, metavar="FILE.dossier")
    p.set_defaults(func=restore)


def archive_case(ctx: Context, args: argparse.Namespace) -> int:
    ctx.out(archive.archived_line(archive.archive_case(ctx.store, ctx.case_id(args.case), args.output)))
    return 0


def restore(ctx: Context, args: argparse.Namespace) -> int:
    restored = archive.restore_archive(ctx.store, args.file)
    ctx.out(str(restored.case_id))
    note = archive.copy_note(restored)
    if note:
        ctx.err(note)
    return 0
