"""``demo``, ``cases``, ``case rm``, ``load``, ``dump``."""

from __future__ import annotations

import argparse
import sys

from ..domain.errors import UserError
from ..domain.i18n import t
from ..domain.money import format_euros
from ..domain.text_table import render
from ..services import cases, interchange
from ..services.demo import create_demo
from .context import Context, path_arg


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help=t("crée l'affaire de démonstration", "creates the demo case"))
    p.set_defaults(func=demo)

    p = sub.add_parser("cases", help=t("liste les affaires", "lists the cases"))
    p.set_defaults(func=list_cases)

    p = sub.add_parser("case", help=t("gère une affaire", "manages a case"))
    case_sub = p.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    rm = case_sub.add_parser("rm", help=t("supprime une affaire", "deletes a case"))
    rm.add_argument("case")
    rm.add_argument("--yes", action="store_true", help=t("sans demander de confirmation", "without asking"))
    rm.set_defaults(func=remove_case)

    p = sub.add_parser("load", help=t("crée une affaire depuis un fichier case.json", "creates a case from case.json"))
    p.add_argument("file", type=path_arg)
    p.set_defaults(func=load)

    p = sub.add_parser("dump", help=t("écrit une affaire au format d'échange", "writes a case in the interchange format"))
    p.add_argument("case")
    p.add_argument("-o", "--output", type=path_arg)
    p.add_argument("--files", type=path_arg, help=t("copie les pièces dans ce dossier", "copies the exhibit files there"))
    p.set_defaults(func=dump)


def demo(ctx: Context, args: argparse.Namespace) -> int:
    ctx.out(str(create_demo(ctx.store)))
    return 0


def list_cases(ctx: Context, args: argparse.Namespace) -> int:
    rows = cases.summaries(ctx.store)
    if not rows:
        ctx.out(t("Aucune affaire. « dossier demo » crée un exemple ; « dossier load case.json » charge la vôtre.",
                  "No case yet. \"dossier demo\" creates an example; \"dossier load case.json\" loads yours."))
        return 0
    headers = ["id", t("affaire", "case"), t("parties", "parties"), t("événements", "events"),
               t("pièces", "exhibits"), t("impayé", "outstanding")]
    body = [[str(r.id), r.title, f"{r.us} / {r.them}", str(r.events), str(r.exhibits),
             format_euros(r.outstanding_cents) if r.outstanding_cents is not None else "—"] for r in rows]
    ctx.out(render(headers, body, right=(0, 3, 4, 5)))
    for r in rows:
        if r.problem:
            ctx.out(t(f"Affaire n° {r.id} : {r.problem}", f"Case {r.id}: {r.problem}"))
    return 0


def remove_case(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    title = next(r.title for r in cases.summaries(ctx.store) if r.id == case_id)
    if not args.yes:
        if not ctx.interactive():
            raise UserError(t(f"Supprimer « {title} » ? Ajoutez --yes pour confirmer.",
                              f"Delete \"{title}\"? Add --yes to confirm."))
        sys.stderr.write(t(f"Supprimer définitivement l'affaire « {title} » et ses pièces ? [o/N] ",
                           f"Permanently delete case \"{title}\" and its exhibits? [y/N] "))
        sys.stderr.flush()
        if sys.stdin.readline().strip().lower() not in ("o", "oui", "y", "yes"):
            ctx.err(t("Rien n'a été supprimé.", "Nothing was deleted."))
            return 1
    cases.delete_case(ctx.store, case_id)
    ctx.out(t(f"Affaire « {title} » supprimée.", f"Case \"{title}\" deleted."))
    return 0


def load(ctx: Context, args: argparse.Namespace) -> int:
    document = args.file
    if not document.exists():
        raise UserError(t(f"Fichier introuvable : {document}", f"File not found: {document}"))
    ctx.out(str(interchange.load_case(ctx.store, document)))
    return 0


def dump(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    notes: list[str] = []
    text = interchange.dump_case(ctx.store, case_id, args.output, args.files, notes)
    for note in notes:
        ctx.err(note)
    if args.output is None:
        sys.stdout.write(text)
    return 0
