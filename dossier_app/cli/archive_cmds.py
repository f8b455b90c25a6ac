"""``archive``, ``restore``."""

from __future__ import annotations

import argparse
from decimal import Decimal

from babel.units import format_unit

from ..i18n import _, active, ngettext
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
    summary = archive.archive_case(ctx.store, ctx.case_id(args.case), args.output)
    ctx.out(ngettext("{path} : {exhibits} pièce, {weight} \u2014 SHA-256 {sha256}",
                     "{path} : {exhibits} pièces, {weight} \u2014 SHA-256 {sha256}", summary.exhibits).format(
        path=summary.path, exhibits=summary.exhibits, weight=weight(summary.size), sha256=summary.sha256))
    return 0


def weight(size: int) -> str:
    """A file's size in the language, by CLDR: ``"370 779 octets"``, ``"1,5 Mo"`` / ``"1.5 MB"``."""
    locale = active().locale
    if size < 2**20:
        return format_unit(size, "digital-byte", locale=locale)
    return format_unit(Decimal(size) / 2**20, "digital-megabyte", length="short", format="#,##0.0",
                       locale=locale)


def restore(ctx: Context, args: argparse.Namespace) -> int:
    restored = archive.restore_archive(ctx.store, args.file)
    ctx.out(str(restored.case_id))
    if restored.same_title:
        ids = ", ".join(str(i) for i in restored.same_title)
        ctx.err(_("Note : une affaire « {title} » existait déjà (n° {ids}) ; celle-ci est une copie distincte, n° {case_id}.").format(title=restored.title, ids=ids, case_id=restored.case_id))
    return 0
