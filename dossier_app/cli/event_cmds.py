"""``event add``, ``event set``, ``event rm``, ``link``, ``unlink``."""

from __future__ import annotations

import argparse

from ..i18n import _
from ..services import events, exhibits
from .context import Context
from .json_arg import read_json_arg


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("event", help=_("ajoute ou retire un événement"))
    ev = p.add_subparsers(dest="event_command", metavar="ACTION", required=True)
    add = ev.add_parser("add", help=_("ajoute un événement (objet JSON du format d'échange)"))
    add.add_argument("case")
    add.add_argument("file", help=_("fichier JSON, ou - pour l'entrée standard"))
    add.set_defaults(func=add_event)
    set_ = ev.add_parser("set", help=_("remplace les champs d'un événement (objet JSON du format d'échange)"))
    set_.add_argument("case")
    set_.add_argument("event")
    set_.add_argument("file", help=_("fichier JSON, ou - pour l'entrée standard"))
    set_.set_defaults(func=set_event)
    rm = ev.add_parser("rm", help=_("retire un événement"))
    rm.add_argument("case")
    rm.add_argument("event")
    rm.set_defaults(func=remove_event)

    for name, func, text in (("link", link, _("lie une pièce à un événement")),
                             ("unlink", unlink, _("défait ce lien"))):
        p = sub.add_parser(name, help=text)
        p.add_argument("case")
        p.add_argument("exhibit", help=_("numéro de pièce, #id ou début d'empreinte"))
        p.add_argument("event")
        if name == "link":
            p.add_argument("--pages", help=_("pages citées, par ex. 2-3"))
        p.set_defaults(func=func)


def add_event(ctx: Context, args: argparse.Namespace) -> int:
    data = read_json_arg(args.file)
    ctx.out(events.add_event(ctx.store, ctx.case_id(args.case), data))
    return 0


def set_event(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    data = read_json_arg(args.file)
    if isinstance(data, dict) and "id" not in data:
        data = {"id": args.event, **data}  # the event keeps its id unless the object gives another
    # Checked against the case as the window's form is, then stored through the form's service.
    event = events.decode_new_event(ctx.store, case_id, data, replacing=args.event)
    events.replace_event(ctx.store, case_id, args.event, event)
    ctx.out(event.id)
    return 0


def remove_event(ctx: Context, args: argparse.Namespace) -> int:
    events.remove_event(ctx.store, ctx.case_id(args.case), args.event)
    return 0


def link(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    exhibit = exhibits.link(ctx.store, case_id, args.exhibit, args.event, args.pages)
    pages = _(", p. {pages}").format(pages=args.pages) if args.pages else ""
    ctx.out(_("« {title} »{pages} prouve désormais l'événement {event}.").format(title=exhibit.title, pages=pages, event=args.event))
    return 0


def unlink(ctx: Context, args: argparse.Namespace) -> int:
    case_id = ctx.case_id(args.case)
    exhibit = exhibits.unlink(ctx.store, case_id, args.exhibit, args.event)
    ctx.out(_("« {title} » n'est plus liée à l'événement {event}.").format(title=exhibit.title, event=args.event))
    return 0
