"""``archive``, ``restore``."""

from __future__ import annotations

import argparse

from ..domain.i18n import t
from ..services import archive
from .context import Context, path_arg


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("archive", help=t("écrit une affaire et ses pièces dans un seul fichier .dossier",
                                         "writes a case and its exhibits into one .dossier file"))
    p.add_argument("case")
    p.add_argument("-o", "--output", type=path_arg, required=True, metavar="FILE.dossier")
    p.set_defaults(func=archive_case)

    p = sub.add_parser("restore", help=t("recrée une affaire depuis une archive .dossier, après en avoir tout vérifié",
                                         "recreates a case from a .dossier archive, once all of it is checked"))
    p.add_argument("file", type=path_arg, metavar="FILE.dossier")
    p.set_defaults(func=restore)


def archive_case(ctx: Context, args: argparse.Namespace) -> int:
    summary = archive.archive_case(ctx.store, ctx.case_id(args.case), args.output)
    size = f"{summary.size / 2**20:.1f}".replace(".", ",") if summary.size >= 2**20 else None
    weight = t(f"{size} Mo", f"{size} MB") if size else t(f"{summary.size} octets", f"{summary.size} bytes")
    ctx.out(t(f"{summary.path} : {summary.exhibits} pièce(s), {weight} — SHA-256 {summary.sha256}",
              f"{summary.path}: {summary.exhibits} exhibit(s), {weight} — SHA-256 {summary.sha256}"))
    return 0


def restore(ctx: Context, args: argparse.Namespace) -> int:
    restored = archive.restore_archive(ctx.store, args.file)
    ctx.out(str(restored.case_id))
    if restored.same_title:
        ids = ", ".join(str(i) for i in restored.same_title)
        ctx.err(t(f"Note : une affaire « {restored.title} » existait déjà (n° {ids}) ; celle-ci est une copie distincte, "
                  f"n° {restored.case_id}.",
                  f"Note: a case \"{restored.title}\" already existed (id {ids}); this one is a separate copy, "
                  f"id {restored.case_id}."))
    return 0
