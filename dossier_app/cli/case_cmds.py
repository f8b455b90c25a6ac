"""``demo``, ``cases``, ``case new``, ``case set``, ``case rm``, ``load``, ``dump``."""

from __future__ import annotations

import argparse
import sys

from ..domain.errors import UserError
from ..domain.model import ROLES
from ..domain.money import format_amount, format_euros
from ..domain.text_table import render
from ..i18n import _
from ..services import cases, interchange, session
from ..services.demo import create_demo
from .context import Context, path_arg
from .json_arg import read_json_arg, write_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help=_("crée l'affaire de démonstration"))
    p.set_defaults(func=demo)

    p = sub.add_parser("cases", help=_("liste les affaires"))
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))
    p.set_defaults(func=list_cases)

    p = sub.add_parser("case", help=_("gère une affaire"))
    case_sub = p.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    new = case_sub.add_parser("new", help=_("crée une affaire vide et affiche son numéro"))
    new.add_argument("title")
    new.add_argument("--our-role", choices=ROLES, default="client", help=_("notre rôle dans le litige"))
    new.set_defaults(func=new_case)
    set_ = case_sub.add_parser("set", help=_("remplace le bloc « case » (parties, tribunal, avocat…) par un objet JSON"))
    set_.add_argument("case")
    set_.add_argument("file", help=_("fichier JSON, ou - pour l'entrée standard"))
    set_.set_defaults(func=set_case)
    rename = case_sub.add_parser("rename", help=_("change le titre d'une affaire"))
    rename.add_argument("case")
    rename.add_argument("title")
    rename.set_defaults(func=rename_case)
    rm = case_sub.add_parser("rm", help=_("supprime une affaire"))
    rm.add_argument("case")
    rm.add_argument("--yes", action="store_true", help=_("sans demander de confirmation"))
    rm.set_defaults(func=remove_case)

    p = sub.add_parser("load", help=_("crée une affaire depuis un fichier case.json"))
    p.add_argument("file", type=path_arg)
    p.set_defaults(func=load)

    p = sub.add_parser("dump", help=_("écrit une affaire au format d'échange"))
    p.add_argument("case")
    p.add_argument("-o", "--output", type=path_arg)
    p.add_argument("--files", type=path_arg, help=_("copie les pièces dans ce dossier"))
    p.set_defaults(func=dump)


def demo(ctx: Context, args: argparse.Namespace) -> int:
    ctx.out(str(create_demo(ctx.store)))
    return 0


def list_cases(ctx: Context, args: argparse.Namespace) -> int:
    rows = cases.summaries(ctx.store)
    if args.json:
        write_json(ctx, {"cases": [
            {"id": r.id, "title": r.title, "us": r.us, "them": r.them, "events": r.events, "exhibits": r.exhibits,
             "outstanding": format_amount(r.outstanding_cents) if r.outstanding_cents is not None else None,
             "problem": r.problem} for r in rows]})
        return 0
    if not rows:
        ctx.out(_("Aucune affaire. « dossier demo » crée un exemple ; « dossier load case.json » charge la vôtre."))
        return 0
    headers = ["id", _("affaire"), _("parties"), _("événements"),
               _("pièces"), _("impayé")]
    body = [[str(r.id), r.title, f"{r.us} / {r.them}", str(r.events), str(r.exhibits),
             format_euros(r.outstanding_cents) if r.outstanding_cents is not None else "—"] for r in rows]
    ctx.out(render(headers, body, right=(0, 3, 4, 5)))
    for r in rows:
        if r.problem:
            ctx.out(_("Affaire n° {id} : {problem}").format(id=r.id, problem=r.problem))
    return 0


def new_case(ctx: Context, args: argparse.Namespace) -> int:
    case_id = cases.create_case(ctx.store, cases.blank_case(args.title, args.our_role))
    ctx.out(str(case_id))
    _same_title_note(ctx, args.title, case_id)
    return 0


def _same_title_note(ctx: Context, title: str, case_id: int) -> None:
    """As the window warns: two cases of one title are told apart by their numbers from then on."""
    others = session.same_title(ctx.store, title, besides=case_id)
    if others:
        ids = ", ".join(str(line.id) for line in others)
        ctx.err(_("Note : une affaire « {title} » existe déjà (n° {ids}) ; désignez désormais chacune par son numéro (celle-ci : n° {case_id}).").format(title=title.strip(), ids=ids, case_id=case_id))


def set_case(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    case = cases.case_of_block(read_json_arg(args.file))
    cases.update_case(ctx.store, case_id, case)
    ctx.out(_("Affaire n° {id} : « {title} » enregistrée.").format(id=case_id, title=case.title))
    return 0


def rename_case(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    cases.rename_case(ctx.store, case_id, args.title)
    ctx.out(_("Affaire n° {id} : « {title} » enregistrée.").format(id=case_id, title=args.title.strip()))
    _same_title_note(ctx, args.title, case_id)
    return 0


def remove_case(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    title = next(r.title for r in cases.summaries(ctx.store) if r.id == case_id)
    if not args.yes:
        if not ctx.interactive():
            raise UserError(_("Supprimer « {title} » ? Ajoutez --yes pour confirmer.").format(title=title))
        sys.stderr.write(_("Supprimer définitivement l'affaire « {title} » et ses pièces ? [o/N] ").format(title=title))
        sys.stderr.flush()
        if sys.stdin.readline().strip().lower() not in ("o", "oui", "y", "yes"):
            ctx.err(_("Rien n'a été supprimé."))
            return 1
    cases.delete_case(ctx.store, case_id)
    ctx.out(_("Affaire « {title} » supprimée.").format(title=title))
    return 0


def load(ctx: Context, args: argparse.Namespace) -> int:
    document = args.file
    if not document.exists():
        raise UserError(_("Fichier introuvable : {document}").format(document=document))
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
